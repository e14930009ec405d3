import ClaretModel
import ClaretStore

/// What a route needs before its handler runs.
enum RouteAccess: Sendable {
    /// A Claret endpoint open to anyone who names a known tenant (token creation).
    case tenant
    /// A Claret endpoint that needs a valid bearer token of the tenant.
    case authenticated
    /// A harness control endpoint (`/__harness/...`), guarded by the admin token off loopback.
    case harness
    /// A page anyone may fetch (the login page the redirect points to).
    case open
}

/// One request on its way through a handler: the request, path parameters and who is calling.
struct Call: Sendable {
    /// The request as received.
    let request: HTTPRequest
    /// The values of the route's `{name}` segments.
    let parameters: [String: String]
    /// The tenant named by the path, once resolved.
    let tenant: TenantRef?
    /// The authenticated user, on authenticated routes.
    let user: UserRef?
    /// The behaviour profile in force for this request.
    let profile: BehaviourProfile
    /// The scheme and host the client used, e.g. `http://127.0.0.1:8080`.
    let baseURL: String
    /// The mock answering (its store, profile and journal).
    let server: MockServer

    /// The tenant of a tenant route (always set there; a harness route that names one resolves it too).
    var requiredTenant: TenantRef {
        get throws(HandlerFailure) {
            guard let tenant else { throw HandlerFailure(profile.response(.tenantNotFound)) }
            return tenant
        }
    }
}

/// A handler's early answer: a complete response to send instead of continuing.
struct HandlerFailure: Error {
    let response: HTTPResponse

    init(_ rendered: RenderedResponse) { response = HTTPResponse(rendered) }
    init(_ response: HTTPResponse) { self.response = response }
}

/// One entry of the routes table.
struct Route: Sendable {
    let method: String
    let pattern: PathPattern
    let access: RouteAccess
    let handle: @Sendable (Call) throws -> HTTPResponse

    init(
        _ method: String, _ template: String, _ access: RouteAccess,
        _ handle: @escaping @Sendable (Call) throws -> HTTPResponse
    ) {
        self.method = method
        pattern = PathPattern(template)
        self.access = access
        self.handle = handle
    }
}
