import ClaretModel
import ClaretStore
import ExactJSON
import Foundation

/// How the mock is set up, beyond its store.
public struct MockConfiguration: Sendable {
    /// Whether harness endpoints may be used without `X-Harness-Token` (true when bound to loopback).
    public var harnessOpenWithoutToken: Bool
    /// The admin token harness endpoints require when not open.
    public var harnessToken: String?
    /// The base URL used in links and redirects when a request carries no `Host` header.
    public var fallbackBaseURL: String
    /// How many requests the journal keeps.
    public var journalCapacity: Int
    /// How long each background CSV import takes at least, in seconds (so clients must poll).
    public var jobProcessingTime: Double

    /// Creates a configuration.
    public init(
        harnessOpenWithoutToken: Bool = true, harnessToken: String? = nil,
        fallbackBaseURL: String = "http://127.0.0.1", journalCapacity: Int = 200, jobProcessingTime: Double = 0.2
    ) {
        self.harnessOpenWithoutToken = harnessOpenWithoutToken
        self.harnessToken = harnessToken
        self.fallbackBaseURL = fallbackBaseURL
        self.journalCapacity = journalCapacity
        self.jobProcessingTime = jobProcessingTime
    }
}

/// The mock Claret service as a function from request to response, over a store and a behaviour profile.
///
/// Pure of HTTP machinery: `HTTPServer` feeds it requests from libmicrohttpd, and tests call `handle`
/// directly.
public final class MockServer: Sendable {
    /// The state.
    public let store: Store
    /// The setup.
    public let configuration: MockConfiguration
    /// The profile in force and what is derived from it once, not per request.
    private let inForce: Locked<InForce>
    let journal: Journal
    /// The background worker applying queued CSV imports.
    public let jobs: JobWorker
    private let router: Router

    /// Creates the mock over `store` with `profile` in force.
    public init(
        store: Store, profile: BehaviourProfile = .standard, configuration: MockConfiguration = MockConfiguration()
    ) {
        self.store = store
        self.configuration = configuration
        let inForce = Locked(InForce(profile))
        self.inForce = inForce
        journal = Journal(capacity: configuration.journalCapacity)
        router = Router(routes: MockServer.routes)
        jobs = JobWorker(store: store, processingTime: configuration.jobProcessingTime) {
            inForce.withLock { $0.profile }
        }
    }

    /// The behaviour profile in force.
    public var profile: BehaviourProfile {
        get { inForce.withLock { $0.profile } }
        set { inForce.withLock { $0 = InForce(newValue) } }
    }

    /// The body limit and its 413, rendered when the profile is set rather than for every request.
    var bodyLimit: HTTPServerConfiguration.BodyLimit { inForce.withLock { $0.bodyLimit } }

    private struct InForce: Sendable {
        let profile: BehaviourProfile
        let bodyLimit: HTTPServerConfiguration.BodyLimit

        init(_ profile: BehaviourProfile) {
            self.profile = profile
            let limit = profile.settings.maxBodyBytes
            bodyLimit = HTTPServerConfiguration.BodyLimit(
                maxBytes: limit,
                tooLarge: HTTPResponse(profile.response(.payloadTooLarge, ["limit": .string(String(limit))])))
        }
    }

    /// Answers one request.
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        let started = Date()
        let response = respond(to: request)
        journal.record(request, response, at: started, duration: Date().timeIntervalSince(started))
        return response
    }

    private func respond(to request: HTTPRequest) -> HTTPResponse {
        let profile = self.profile
        switch router.match(method: request.method, path: request.path) {
        case .notFound:
            return HTTPResponse(profile.response(.routeNotFound, ["path": .string(MockServer.routeName(request.path))]))
        case .methodNotAllowed(let allowed):
            var response = HTTPResponse(
                profile.response(
                    .methodNotAllowed,
                    [
                        "method": .string(request.method), "path": .string(MockServer.routeName(request.path)),
                        "allowed": .string(allowed.joined(separator: ", ")),
                    ]))
            response.headers.add("Allow", allowed.joined(separator: ", "))
            return response
        case .found(let route, let parameters):
            do {
                let call = try admit(request, to: route, parameters: parameters, profile: profile)
                return try route.handle(call)
            } catch let failure as HandlerFailure {
                return failure.response
            } catch {
                MockServer.log("\(request.method) \(request.path) failed: \(error)")
                return HTTPResponse(profile.response(.serverError))
            }
        }
    }

    /// Resolves the tenant and the caller as the route's access demands, or throws the refusal.
    private func admit(
        _ request: HTTPRequest, to route: Route, parameters: [String: String], profile: BehaviourProfile
    ) throws -> Call {
        let baseURL = baseURL(of: request)
        var tenant: TenantRef?
        var user: UserRef?
        switch route.access {
        case .open:
            break
        case .harness:
            try checkHarnessAccess(request)
            if let name = parameters["tenant"] {
                guard let found = try store.tenant(named: name) else {
                    throw HandlerFailure(profile.response(.tenantNotFound))
                }
                tenant = found
            }
        case .tenant, .authenticated:
            guard let name = parameters["tenant"], let found = try store.tenant(named: name) else {
                throw HandlerFailure(profile.response(.tenantNotFound))
            }
            tenant = found
            if route.access == .authenticated {
                user = try Authenticator(store: store, profile: profile).authenticate(
                    request, tenant: found, baseURL: baseURL)
            }
        }
        return Call(
            request: request, parameters: parameters, tenant: tenant, user: user, profile: profile, baseURL: baseURL,
            server: self)
    }

    private func checkHarnessAccess(_ request: HTTPRequest) throws {
        if configuration.harnessOpenWithoutToken { return }
        guard let expected = configuration.harnessToken else {
            throw HandlerFailure(
                .json(
                    403,
                    [
                        "message":
                            "Harness endpoints are disabled on a non-loopback address. Start the server with --harness-token TOKEN and send it as X-Harness-Token."
                    ]))
        }
        guard let given = request.headers["X-Harness-Token"],
            SHA256.constantTimeEquals(SHA256.digest(Array(given.utf8)), SHA256.digest(Array(expected.utf8)))
        else {
            throw HandlerFailure(.json(401, ["message": "A valid X-Harness-Token header is required."]))
        }
    }

    /// `http://` plus the host the client named, so links and redirects point where the client called.
    func baseURL(of request: HTTPRequest) -> String {
        guard let host = request.headers["Host"], !host.isEmpty, !host.contains("/"), !host.contains(" ") else {
            return configuration.fallbackBaseURL
        }
        return "http://\(host)"
    }

    /// Laravel names a route by its path without the leading slash.
    private static func routeName(_ path: String) -> String {
        String(path.drop { $0 == "/" })
    }

    /// Writes a diagnostic line to standard error.
    static func log(_ message: String) {
        FileHandle.standardError.write(Data("claret-harness: \(message)\n".utf8))
    }
}
