import CMicroHTTPD
import Foundation

/// An HTTP/1.1 server on libmicrohttpd that hands every complete request to one `HTTPHandler`.
///
/// Handlers run synchronously on libmicrohttpd's threads and may block (SQLite, imports); do not call
/// `stop()` from inside a handler, since it waits for the handler to finish.
///
/// `@unchecked Sendable`: the only mutable state, `running`, is guarded by `stateLock`, and `start()` and
/// `stop()` are serialised by `lifecycleLock`.
public final class HTTPServer: @unchecked Sendable {
    /// The configuration the server was created with.
    public let configuration: HTTPServerConfiguration
    private let handler: HTTPHandler
    private let lifecycleLock = NSLock()
    private let stateLock = NSLock()
    private var running: Running?

    /// A started daemon and what its callbacks point at.
    private struct Running {
        let daemon: OpaquePointer
        /// Retained for MHD's callbacks (their `cls`); released once MHD_stop_daemon has returned.
        let dispatcher: Unmanaged<MHDDispatcher>
        let port: UInt16
    }

    /// Creates a server that is not yet listening.
    public init(configuration: HTTPServerConfiguration = HTTPServerConfiguration(), handler: @escaping HTTPHandler) {
        self.configuration = configuration
        self.handler = handler
    }

    deinit { stop() }

    /// The port being listened on, or `nil` when the server is not running.
    public var port: UInt16? {
        stateLock.lock()
        defer { stateLock.unlock() }
        return running?.port
    }

    /// Starts listening and returns the bound port (the real one when the configuration asks for 0).
    /// Requests are accepted as soon as this returns.
    @discardableResult
    public func start() throws(HTTPServerError) -> UInt16 {
        lifecycleLock.lock()
        defer { lifecycleLock.unlock() }
        guard port == nil else {
            throw HTTPServerError(code: .alreadyRunning, message: "the HTTP server is already running")
        }
        try validate(configuration)
        guard let address = ListenAddress(host: configuration.host, port: configuration.port) else {
            throw .invalidHost(configuration.host)
        }

        // Retained here and released in stop(): MHD's callbacks may run until MHD_stop_daemon returns.
        let dispatcher = Unmanaged.passRetained(MHDDispatcher(configuration: configuration, handler: handler))
        let (started, failure) = address.withSockaddr { socketAddress in
            var options = daemonOptions(dispatcher: dispatcher.toOpaque(), address: socketAddress)
            // MHD copies the options and binds during the call, so the array and address need only
            // live until it returns.
            return options.withUnsafeMutableBufferPointer { buffer in
                let daemon = cmhd_start_daemon(
                    daemonFlags(ipv6: address.isIPv6), configuration.port, MHDDispatcher.accessHandlerCallback,
                    dispatcher.toOpaque(), buffer.baseAddress)
                // Read before anything else can overwrite it: bind(2)'s errno says why listening failed.
                return (daemon, errno)
            }
        }
        guard let daemon = started else {
            dispatcher.release()
            throw .listenFailed(on: address.description(), errno: failure)
        }
        let bound = cmhd_bound_port(daemon)
        stateLock.lock()
        running = Running(daemon: daemon, dispatcher: dispatcher, port: bound)
        stateLock.unlock()
        return bound
    }

    /// Lets in-flight requests finish (for up to `connectionTimeoutSeconds`), then closes every connection.
    /// In thread-per-connection mode new connections are refused from the start; in the epoll modes the
    /// listening socket stays open until the end (see below). Does nothing when not running.
    public func stop() {
        lifecycleLock.lock()
        defer { lifecycleLock.unlock() }
        stateLock.lock()
        let current = running
        running = nil
        stateLock.unlock()
        guard let current else { return }

        // Quiescing stops accepting while existing connections keep being served. MHD hands the listening
        // socket back; it may be closed only after MHD_stop_daemon (a thread may still poll it), but
        // shutting it down now makes new clients get "connection refused" at once instead of waiting in
        // the backlog for the drain to end.
        //
        // Only in thread-per-connection mode: in the epoll modes MHD 0.9.75's quiesce takes the listening
        // socket out of a worker's epoll set from this thread, unlocked, while that worker may be taking it
        // out too, and whichever loses aborts the process ("Failed to remove listen FD from epoll set").
        // There the listening socket stays open until MHD_stop_daemon closes it: a request that begins
        // during the drain is answered with `Connection: close` (once a thread is free for it), and one
        // that arrives later may be closed unanswered.
        let quiesces = configuration.threadMode == .threadPerConnection
        let listenSocket = quiesces ? MHD_quiesce_daemon(current.daemon) : -1
        if listenSocket >= 0 { shutdown(listenSocket, Int32(SHUT_RDWR)) }
        // MHD_stop_daemon shuts down every connection's socket at once, so a response still being
        // computed would never reach its client: wait for in-flight requests first.
        let timeout = TimeInterval(max(configuration.connectionTimeoutSeconds, 1))
        _ = current.dispatcher.takeUnretainedValue().drain(until: Date(timeIntervalSinceNow: timeout))
        // Closes the remaining (idle) connections and joins MHD's threads; no callback runs after this.
        MHD_stop_daemon(current.daemon)
        if listenSocket >= 0 { close(listenSocket) }
        current.dispatcher.release()
    }

    // MARK: - Daemon setup

    private func validate(_ configuration: HTTPServerConfiguration) throws(HTTPServerError) {
        func invalid(_ message: String) -> HTTPServerError {
            HTTPServerError(code: .invalidConfiguration, message: message)
        }
        guard configuration.maxBodyBytes >= 0 else { throw invalid("the body size limit must not be negative") }
        guard configuration.connectionLimit > 0 else { throw invalid("the connection limit must be at least 1") }
        guard configuration.connectionTimeoutSeconds >= 0 else {
            throw invalid("the connection timeout must not be negative")
        }
    }

    private func daemonFlags(ipv6: Bool) -> UInt32 {
        // ITC lets MHD_quiesce_daemon (thread-per-connection mode) and MHD_stop_daemon wake the polling
        // threads; stop() relies on it.
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_ITC.rawValue
        switch configuration.threadMode {
        case .threadPerConnection: flags |= MHD_USE_THREAD_PER_CONNECTION.rawValue | MHD_USE_POLL.rawValue
        case .pool, .epoll: flags |= MHD_USE_EPOLL.rawValue
        }
        if ipv6 { flags |= MHD_USE_IPv6.rawValue }
        // libmicrohttpd's own messages (client protocol errors, aborted uploads, the bind failure that
        // start() already reports) are noise on stderr unless someone is debugging the server.
        if ProcessInfo.processInfo.environment["CLARET_HTTP_LOG"].map({ !$0.isEmpty && $0 != "0" }) ?? false {
            flags |= MHD_USE_ERROR_LOG.rawValue
        }
        return flags
    }

    private func daemonOptions(
        dispatcher: UnsafeMutableRawPointer, address: UnsafeMutablePointer<sockaddr>
    ) -> [MHD_OptionItem] {
        let completed = MHDDispatcher.completionCallback
        var options = [
            // Two-pointer options: the function pointer travels in the integer slot.
            MHD_OptionItem(
                option: .NOTIFY_COMPLETED, value: unsafeBitCast(completed, to: Int.self), ptr_value: dispatcher),
            MHD_OptionItem(option: .SOCK_ADDR, value: 0, ptr_value: UnsafeMutableRawPointer(address)),
            MHD_OptionItem(option: .CONNECTION_LIMIT, value: configuration.connectionLimit, ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_TIMEOUT, value: configuration.connectionTimeoutSeconds, ptr_value: nil),
            // Room for large headers and bigger read chunks than the 32 KiB default.
            MHD_OptionItem(option: .CONNECTION_MEMORY_LIMIT, value: 128 * 1024, ptr_value: nil),
        ]
        if configuration.threadMode == .pool {
            options.append(MHD_OptionItem(option: .THREAD_POOL_SIZE, value: 2, ptr_value: nil))
        }
        options.append(MHD_OptionItem(option: .END, value: 0, ptr_value: nil))
        return options
    }
}
