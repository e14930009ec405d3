import Foundation

/// How libmicrohttpd schedules connections onto threads.
public enum HTTPThreadMode: String, Sendable, CaseIterable {
    /// One thread per connection: a slow handler never stalls another connection (the default).
    case threadPerConnection = "thread-per-connection"
    /// Two epoll worker threads sharing all connections: fastest when every handler is short.
    case pool
    /// One epoll thread for every connection: handlers run one at a time.
    case epoll
}

/// Where and how the HTTP server listens, and the answers it gives on its own.
public struct HTTPServerConfiguration: Sendable {
    /// The address to listen on: an IPv4 literal, `0.0.0.0`, `localhost`, or an IPv6 literal (`::1`, `[::1]`).
    public var host: String
    /// The TCP port; 0 picks a free one (read it back from `HTTPServer.start()`).
    public var port: UInt16
    /// The largest request body accepted; larger ones are answered with `bodyTooLarge`.
    public var maxBodyBytes: Int
    /// How connections are scheduled onto threads.
    public var threadMode: HTTPThreadMode
    /// The most connections served at once (in thread-per-connection mode also the most threads).
    public var connectionLimit: Int
    /// Seconds a connection may stay idle before it is closed (0: never); also how long `stop()` waits
    /// for in-flight requests (at least one second).
    public var connectionTimeoutSeconds: Int
    /// The answer to a body over `maxBodyBytes`; the server adds `Connection: close` to it.
    public var bodyTooLarge: HTTPResponse
    /// The answer to a form body that cannot be parsed, given the reason (a lower-case phrase).
    public var malformedForm: @Sendable (_ reason: String) -> HTTPResponse
    /// When set, asked once per request for the body limit and 413 in force now, overriding `maxBodyBytes`
    /// and `bodyTooLarge` (the mock reads them from a profile that can be replaced at run time).
    public var currentBodyLimit: (@Sendable () -> BodyLimit)?

    /// A body limit and the answer to a body over it.
    public struct BodyLimit: Sendable {
        /// The largest body accepted, in bytes.
        public var maxBytes: Int
        /// The answer to a larger one (the server adds `Connection: close`).
        public var tooLarge: HTTPResponse

        /// Creates a limit.
        public init(maxBytes: Int, tooLarge: HTTPResponse) {
            self.maxBytes = maxBytes
            self.tooLarge = tooLarge
        }
    }

    /// Creates a configuration; every parameter has the default used by `claret-harness serve`.
    public init(
        host: String = "127.0.0.1",
        port: UInt16 = 8080,
        maxBodyBytes: Int = 10 << 20,
        threadMode: HTTPThreadMode = .threadPerConnection,
        connectionLimit: Int = 256,
        connectionTimeoutSeconds: Int = 30,
        bodyTooLarge: HTTPResponse = HTTPServerConfiguration.defaultBodyTooLarge,
        malformedForm: @escaping @Sendable (_ reason: String) -> HTTPResponse = HTTPServerConfiguration
            .defaultMalformedForm
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.threadMode = threadMode
        self.connectionLimit = connectionLimit
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.bodyTooLarge = bodyTooLarge
        self.malformedForm = malformedForm
    }

    /// The default 413: `{"message":"The request body is too large."}`.
    public static let defaultBodyTooLarge = HTTPResponse.jsonMessage(
        status: 413, "The request body is too large.")

    /// The default 400 for an unparsable form: `{"message":"The multipart body could not be parsed: …"}`.
    public static func defaultMalformedForm(_ reason: String) -> HTTPResponse {
        HTTPResponse.jsonMessage(status: 400, "The multipart body could not be parsed: \(reason).")
    }
}

extension HTTPResponse {
    /// A JSON response `{"message": text}`, for the answers the server gives without a handler.
    static func jsonMessage(status: Int, _ text: String) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a [String: String] cannot fail; the fallback only keeps this total.
        let body = (try? encoder.encode(["message": text])).map { Array($0) } ?? Array(#"{"message":""}"#.utf8)
        return HTTPResponse(
            status: status, headers: HTTPHeaders([("Content-Type", "application/json")]), body: body)
    }
}
