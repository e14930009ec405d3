import ClaretModel
import ClaretStore

/// The mock served over HTTP: a `MockServer` behind libmicrohttpd, started and stopped as one.
public final class MockService: Sendable {
    /// The request handling.
    public let mock: MockServer
    private let http: HTTPServer
    /// The address the service listens on.
    public let host: String

    /// Prepares a service over `store`; nothing listens until `start()`.
    public init(
        store: Store, profile: BehaviourProfile = .standard, host: String = "127.0.0.1", port: UInt16 = 8080,
        threadMode: HTTPThreadMode = .threadPerConnection, harnessToken: String? = nil, jobProcessingTime: Double = 0.2
    ) {
        let loopback = MockService.isLoopback(host)
        let mock = MockServer(
            store: store, profile: profile,
            configuration: MockConfiguration(
                harnessOpenWithoutToken: loopback && harnessToken == nil, harnessToken: harnessToken,
                fallbackBaseURL: "http://\(MockService.urlHost(host))", jobProcessingTime: jobProcessingTime))
        self.mock = mock
        self.host = host
        // The limit, the 413 and the 400 follow the profile in force at each request, so replacing the profile
        // at run time (PUT /__harness/profile) changes them too.
        var configuration = HTTPServerConfiguration(
            host: host, port: port, threadMode: threadMode,
            malformedForm: { reason in HTTPResponse(mock.profile.response(.malformedForm, ["reason": .string(reason)]))
            })
        configuration.currentBodyLimit = { mock.bodyLimit }
        http = HTTPServer(configuration: configuration) { request in mock.handle(request) }
    }

    /// Starts the job worker and listens; returns the bound port.
    @discardableResult
    public func start() throws -> UInt16 {
        try mock.jobs.start()
        do {
            return try http.start()
        } catch {
            mock.jobs.stop()
            throw error
        }
    }

    /// The bound port, once started.
    public var port: UInt16? { http.port }

    /// `http://host:port`, once started (IPv6 hosts in brackets; a wildcard host shown as loopback).
    public var baseURL: String? {
        guard let port else { return nil }
        return "http://\(MockService.urlHost(host)):\(port)"
    }

    /// How `host` appears in a URL: a wildcard address as its loopback, an IPv6 address in brackets.
    static func urlHost(_ host: String) -> String {
        let shown = host == "0.0.0.0" ? "127.0.0.1" : (host == "::" ? "::1" : host)
        return shown.contains(":") && !shown.hasPrefix("[") ? "[\(shown)]" : shown
    }

    /// Stops accepting connections, lets in-flight requests finish, then stops the worker after its job in hand.
    public func stop() {
        http.stop()
        mock.jobs.stop()
    }

    /// Whether `host` names the loopback interface only.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
    }
}
