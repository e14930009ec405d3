import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A request as the runner sends it.
public struct OutgoingRequest: Sendable {
    /// The method.
    public var method: String
    /// The full URL, query included.
    public var url: String
    /// Headers in order.
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a request.
    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// A response as the runner received it.
public struct IncomingResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Headers as received.
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Why a request got no response.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, e.g. "could not connect to 127.0.0.1:9: connection refused".
    public let description: String
}

/// Sends requests; the runner needs nothing else of the network.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, never following redirects (a 302 is an answer to check).
    func send(_ request: OutgoingRequest) async throws -> IncomingResponse
}

/// `HTTPTransport` over URLSession, with redirects left unfollowed.
public final class URLSessionTransport: NSObject, HTTPTransport, URLSessionTaskDelegate, @unchecked Sendable {
    // @unchecked: `session` is set once in init and URLSession is thread-safe.
    private var session = URLSession.shared
    private let timeout: TimeInterval

    /// Creates a transport whose requests time out after `timeout` seconds (whole seconds; URLSession on
    /// Linux truncates fractions).
    public init(timeout: TimeInterval = 30) {
        self.timeout = max(1, timeout.rounded(.up))
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = self.timeout
        configuration.httpCookieAcceptPolicy = .never
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    /// Ends the session.
    public func close() { session.invalidateAndCancel() }

    public func send(_ request: OutgoingRequest) async throws -> IncomingResponse {
        guard let url = URL(string: request.url) else {
            throw TransportError(description: "'\(request.url)' is not a valid URL")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = timeout
        for header in request.headers { urlRequest.addValue(header.value, forHTTPHeaderField: header.name) }
        if !request.body.isEmpty { urlRequest.httpBody = Data(request.body) }
        do {
            let (data, response) = try await session.data(for: urlRequest)
            guard let http = response as? HTTPURLResponse else {
                throw TransportError(description: "\(request.url) answered with something that is not HTTP")
            }
            let headers = http.allHeaderFields.compactMap { key, value -> (name: String, value: String)? in
                guard let name = key as? String else { return nil }
                return (name, "\(value)")
            }.sorted { $0.name.lowercased() < $1.name.lowercased() }
            return IncomingResponse(status: http.statusCode, headers: headers, body: Array(data))
        } catch let error as TransportError {
            throw error
        } catch let error as URLError {
            throw TransportError(
                description:
                    "\(request.method) \(request.url) failed: \(error.localizedDescription) (URLError \(error.code.rawValue))"
            )
        }
    }

    public func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        // Claret answers a client without X-Requested-With with a 302 to its login page: the scenario must
        // see that 302, not the page it points to.
        completionHandler(nil)
    }
}
