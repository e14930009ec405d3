import Foundation

/// Why the HTTP server could not start: a stable code and a sentence for the operator.
public struct HTTPServerError: Error, Sendable, CustomStringConvertible {
    /// The machine-readable reason.
    public enum Code: String, Sendable {
        /// `host` is not an IP literal or `localhost`.
        case invalidHost = "invalid_host"
        /// A size, limit or timeout in the configuration is out of range.
        case invalidConfiguration = "invalid_configuration"
        /// Another process already listens on the address.
        case addressInUse = "address_in_use"
        /// Binding or listening failed for another reason (see `systemError`).
        case listenFailed = "listen_failed"
        /// `start()` was called on a running server.
        case alreadyRunning = "already_running"
    }

    /// The machine-readable reason.
    public let code: Code
    /// The sentence shown to the operator.
    public let message: String
    /// The `errno` behind the failure, when there was one.
    public let systemError: Int32?

    /// Creates an error.
    public init(code: Code, message: String, systemError: Int32? = nil) {
        self.code = code
        self.message = message
        self.systemError = systemError
    }

    /// The operator-facing sentence.
    public var description: String { message }

    static func invalidHost(_ host: String) -> HTTPServerError {
        HTTPServerError(
            code: .invalidHost,
            message: "invalid host '\(host)': use an IP address such as 127.0.0.1, 0.0.0.0 or ::1, or localhost")
    }

    static func listenFailed(on address: String, errno: Int32) -> HTTPServerError {
        guard errno != 0 else {
            return HTTPServerError(code: .listenFailed, message: "could not listen on \(address)")
        }
        var reason = String(cString: strerror(errno))
        if let first = reason.first { reason = first.lowercased() + reason.dropFirst() }
        var message = "could not listen on \(address): \(reason) (errno \(errno))."
        if errno == EADDRINUSE { message += " Choose another --port, or --port 0 for a free one." }
        return HTTPServerError(
            code: errno == EADDRINUSE ? .addressInUse : .listenFailed, message: message, systemError: errno)
    }
}
