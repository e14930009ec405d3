/// Finds the route for a method and path; tells a wrong method (405, with the allowed ones) from an
/// unknown path (404).
struct Router: Sendable {
    enum Match {
        case found(Route, [String: String])
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    let routes: [Route]

    func match(method: String, path: String) -> Match {
        // HEAD is answered as GET; the HTTP layer drops the body.
        let effectiveMethod = method == "HEAD" ? "GET" : method
        var allowed: [String] = []
        for route in routes {
            guard let parameters = route.pattern.match(path) else { continue }
            if route.method == effectiveMethod { return .found(route, parameters) }
            allowed.append(route.method)
            if route.method == "GET" { allowed.append("HEAD") }
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }
}
