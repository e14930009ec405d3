import ClaretModel
import ClaretServer
import ClaretStore
import ExactJSON
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A seeded mock served over real HTTP on 127.0.0.1 and a free port, called with URLSession.
///
/// Call `stop()` at the end of the test (`defer { live.stop() }`).
final class LiveMock {
    /// The service under test.
    let service: MockService
    /// The service's store (a temporary one, removed by `stop()`).
    let store: Store
    /// `http://127.0.0.1:PORT`.
    let baseURL: String
    /// `127.0.0.1:PORT`, the host a client names.
    let hostAndPort: String
    /// The bearer token sent by `post` and `get` when no headers are given.
    var token: String?

    /// Starts a service over a fresh store seeded with the built-in demo tenant.
    init(profile: BehaviourProfile = .standard) throws {
        store = try Store.temporary()
        try store.install(SeedFile.builtIn())
        service = MockService(store: store, profile: profile, port: 0)
        try service.start()
        guard let url = service.baseURL else { throw TestFailure("the service reports no base URL after start") }
        baseURL = url
        hostAndPort = String(url.dropFirst("http://".count))
    }

    /// A started service already logged in to `demo` as the admin integrator.
    static func loggedIn(profile: BehaviourProfile = .standard) async throws -> LiveMock {
        let live = try LiveMock(profile: profile)
        do {
            live.token = try await live.login()
        } catch {
            live.stop()
            throw error
        }
        return live
    }

    /// Stops the service, then closes the store, which removes its temporary files.
    func stop() {
        service.stop()
        store.close()
    }

    /// The headers of a well-behaved API client: the bearer token and `X-Requested-With`.
    var apiHeaders: [(String, String)] {
        var headers = [("X-Requested-With", "XMLHttpRequest")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        return headers
    }

    /// Sends one request as given; redirects are reported, never followed.
    func send(
        _ method: String, _ path: String, query: [(String, String)] = [], headers: [(String, String)] = [],
        body: [UInt8]? = nil
    ) async throws -> Reply {
        var components = URLComponents(string: baseURL + path)
        if !query.isEmpty { components?.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        guard let url = components?.url else { throw TestFailure("cannot build a URL from \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body) }
        let (data, response) = try await liveSession.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields: [(String, String)] = []
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields.append((name, value)) }
        }
        return Reply(status: http.statusCode, headers: HTTPHeaders(fields), body: Array(data))
    }

    /// POSTs `json`; `headers` nil means a well-behaved API client's headers.
    func post(
        _ path: String, json: JSONValue, query: [(String, String)] = [], headers: [(String, String)]? = nil
    ) async throws -> Reply {
        try await post(path, raw: json.serializedBytes(), query: query, headers: headers)
    }

    /// POSTs bytes as `application/json`; `headers` nil means a well-behaved API client's headers.
    func post(
        _ path: String, raw: [UInt8], query: [(String, String)] = [], headers: [(String, String)]? = nil
    ) async throws -> Reply {
        try await send(
            "POST", path, query: query, headers: [("Content-Type", "application/json")] + (headers ?? apiHeaders),
            body: raw)
    }

    /// GETs `path`; `headers` nil means a well-behaved API client's headers.
    func get(
        _ path: String, query: [(String, String)] = [], headers: [(String, String)]? = nil
    ) async throws -> Reply {
        try await send("GET", path, query: query, headers: headers ?? apiHeaders)
    }

    /// Logs in with query parameters, as Claret documents, and returns the token.
    func login(
        tenant: String = "demo", email: String = DemoUser.adminEmail, password: String = DemoUser.adminPassword
    ) async throws -> String {
        let reply = try await send(
            "POST", "/\(tenant)/api/v1/tokens/create", query: [("email", email), ("password", password)],
            headers: [("X-Requested-With", "XMLHttpRequest")])
        guard reply.status == 200, let token = reply.json["token"]?.string else {
            throw TestFailure("login to \(tenant) as \(email) answered \(reply.status): \(reply.text)")
        }
        return token
    }

    /// Sends a JSON import to `tenant`.
    func importRecords(
        _ records: [JSONValue], tenant: String = "demo", creation: Bool = true, update: Bool = true,
        continueOnError: Bool = true
    ) async throws -> Reply {
        try await post(
            "/\(tenant)/api/v1/inventory/import/process",
            json: Fixture.importBody(records, creation: creation, update: update, continueOnError: continueOnError))
    }

    /// Every inventory row of `tenant` (first page), read back through the harness.
    func inventory(of tenant: String = "demo") async throws -> [JSONValue] {
        try await send("GET", "/__harness/tenants/\(tenant)/inventory").json["data"]?.array ?? []
    }

    /// Creates a second tenant with the demo tenant's master data.
    func createTenant(_ name: String) async throws {
        let reply = try await send(
            "POST", "/__harness/tenants", headers: [("Content-Type", "application/json")],
            body: Fixture.tenant(name).serializedBytes())
        guard reply.status == 201 else {
            throw TestFailure("creating tenant \(name) answered \(reply.status): \(reply.text)")
        }
    }
}

/// Refuses every redirect, so a test sees the 302 itself rather than the page it points to.
final class RedirectRefuser: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// The live tests' session: ephemeral, never following redirects, timeouts in whole seconds
/// (FoundationNetworking truncates fractions, and anything under one second fails at once).
let liveSession: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = 10
    configuration.timeoutIntervalForResource = 20
    return URLSession(configuration: configuration, delegate: RedirectRefuser(), delegateQueue: nil)
}()
