import ClaretModel
import ClaretStore
import ExactJSON

/// The harness's own control surface under `/__harness/` (contract section 9): not Claret's.
struct HarnessHandler {
    let server: MockServer

    /// Rows per inventory page, as in Claret's pagination.
    static let pageSize = 1000

    func health(_ call: Call) throws -> HTTPResponse {
        .json(200, ["status": "ok"])
    }

    func createTenant(_ call: Call) throws -> HTTPResponse {
        guard RequestInput.isJSON(call.request) else {
            throw HandlerFailure(
                .json(415, ["message": "Send the tenant as a JSON object (Content-Type: application/json)."]))
        }
        let body = try RequestInput.body(of: call)
        let seed: TenantSeed
        do {
            seed = try SeedFile.parseTenant(body, source: "request body")
        } catch {
            throw HandlerFailure(
                .json(422, ["message": .string("The tenant was refused: \(error.entry): \(error.reason)")]))
        }
        do {
            try server.store.createTenant(seed)
        } catch StoreError.tenantExists(let name) {
            throw HandlerFailure(.json(409, ["message": .string("A tenant named '\(name)' exists already.")]))
        }
        return .json(201, ["name": .string(seed.name), "base_url": .string("\(call.baseURL)/\(seed.name)/api/v1")])
    }

    func reset(_ call: Call) throws -> HTTPResponse {
        let tenant = try call.requiredTenant
        try server.store.reset(tenant)
        server.journal.clear(tenant: tenant.name)
        return .json(200, ["message": .string("Tenant '\(tenant.name)' was reset to its seed.")])
    }

    func inventory(_ call: Call) throws -> HTTPResponse {
        let tenant = try call.requiredTenant
        var index = 0
        if let raw = call.request.queryValue("current_index") {
            guard let value = Int(raw), value >= 0 else {
                throw HandlerFailure(.json(422, ["message": "current_index must be a whole number of 0 or more."]))
            }
            index = value
        }
        let page = try server.store.inventory(of: tenant, from: index, limit: HarnessHandler.pageSize)
        return .json(
            200,
            [
                "data": .array(
                    page.rows.map { row in
                        [
                            "item": .string(row.item), "bin": .string(row.bin),
                            "location_area": .string(row.locationArea),
                            "location": .string(row.location), "lot": .string(row.lot),
                            "date_filled": .string(row.dateFilled), "quantity": .number(JSONNumber(row.quantity)),
                            "uom": .string(row.unit),
                        ]
                    }),
                "total": .number(JSONNumber(page.total)),
                "next_index": page.nextIndex.map { .number(JSONNumber($0)) } ?? .null,
            ])
    }

    func jobs(_ call: Call) throws -> HTTPResponse {
        let tenant = try call.requiredTenant
        let jobs = try server.store.jobs(of: tenant)
        return .json(200, ["data": .array(jobs.map { $0.contentObject(baseURL: call.baseURL, tenant: tenant.name) })])
    }

    func journal(_ call: Call) throws -> HTTPResponse {
        .json(200, server.journal.json)
    }

    func openAPI(_ call: Call) throws -> HTTPResponse {
        HTTPResponse(
            status: 200, headers: HTTPHeaders([("Content-Type", "application/json")]),
            body: Array(OpenAPIDocument.text.utf8))
    }

    func profile(_ call: Call) throws -> HTTPResponse {
        .json(200, call.profile.document)
    }

    /// Replaces the profile in force with the defaults plus the overrides in the body.
    func replaceProfile(_ call: Call) throws -> HTTPResponse {
        let body = try RequestInput.body(of: call)
        do {
            server.profile = try BehaviourProfile(overrides: body)
        } catch {
            throw HandlerFailure(.json(422, ["message": .string("The profile was refused: \(error.description)")]))
        }
        return .json(200, server.profile.document)
    }

    /// The page Claret's redirect points to: a client that follows the redirect lands on HTML, not JSON.
    func loginPage(_ call: Call) throws -> HTTPResponse {
        let tenant = call.parameters["tenant"] ?? ""
        let html = """
            <!DOCTYPE html>
            <html><head><meta charset="UTF-8"><title>Log in · \(tenant)</title></head>
            <body><h1>Log in</h1><form method="post"><input name="email"><input name="password" type="password"></form>
            <p>This is the claret-harness mock's login page. An API client that lands here forgot
            <code>X-Requested-With: XMLHttpRequest</code> or sent no valid bearer token.</p></body></html>
            """
        return HTTPResponse(
            status: 200, headers: HTTPHeaders([("Content-Type", "text/html; charset=UTF-8")]), body: Array(html.utf8))
    }
}
