extension MockServer {
    /// Every endpoint the mock serves, in one table: Claret's paths first, then the harness's own.
    static let routes: [Route] = [
        Route("POST", "/{tenant}/api/v1/tokens/create", .tenant) {
            try TokenHandler(store: $0.server.store).create($0)
        },
        Route("POST", "/{tenant}/api/v1/inventory/import/process", .authenticated) {
            try ImportHandler(server: $0.server).process($0)
        },
        Route("POST", "/{tenant}/api/v1/inventory/batch-delete", .authenticated) {
            try BatchDeleteHandler(store: $0.server.store).delete($0)
        },
        Route("GET", "/{tenant}/api/v1/imports/status/{job}", .authenticated) {
            try JobStatusHandler(store: $0.server.store).status($0)
        },
        Route("GET", "/{tenant}/download/{owner}/user-uploads/inventory-import/{date}/{job}/{file}", .authenticated) {
            try JobStatusHandler(store: $0.server.store).download($0)
        },
        Route("GET", "/{tenant}/login", .open) { try HarnessHandler(server: $0.server).loginPage($0) },

        Route("GET", "/__harness/health", .harness) { try HarnessHandler(server: $0.server).health($0) },
        Route("POST", "/__harness/tenants", .harness) { try HarnessHandler(server: $0.server).createTenant($0) },
        Route("POST", "/__harness/tenants/{tenant}/reset", .harness) {
            try HarnessHandler(server: $0.server).reset($0)
        },
        Route("GET", "/__harness/tenants/{tenant}/inventory", .harness) {
            try HarnessHandler(server: $0.server).inventory($0)
        },
        Route("GET", "/__harness/tenants/{tenant}/jobs", .harness) { try HarnessHandler(server: $0.server).jobs($0) },
        Route("GET", "/__harness/journal", .harness) { try HarnessHandler(server: $0.server).journal($0) },
        Route("GET", "/__harness/openapi.json", .harness) { try HarnessHandler(server: $0.server).openAPI($0) },
        Route("GET", "/__harness/profile", .harness) { try HarnessHandler(server: $0.server).profile($0) },
        Route("PUT", "/__harness/profile", .harness) { try HarnessHandler(server: $0.server).replaceProfile($0) },
    ]
}
