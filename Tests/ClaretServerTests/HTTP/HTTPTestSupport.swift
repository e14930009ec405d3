import ClaretServer
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A server on 127.0.0.1 and a free port that records every request its handler sees.
final class RecordingServer: Sendable {
    let server: HTTPServer
    let port: UInt16
    private let recorder = RequestRecorder()

    /// Starts a server whose handler records the request, then answers with `respond`.
    init(
        _ configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
        respond: @escaping @Sendable (HTTPRequest) -> HTTPResponse = { _ in HTTPResponse(status: 204) }
    ) throws {
        var configuration = configuration
        configuration.host = "127.0.0.1"
        configuration.port = 0
        let recorder = recorder
        server = HTTPServer(configuration: configuration) { request in
            recorder.record(request)
            return respond(request)
        }
        port = try server.start()
    }

    deinit { server.stop() }

    /// The requests the handler received, in order.
    var requests: [HTTPRequest] { recorder.requests }

    /// `http://127.0.0.1:<port><path>`.
    func url(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)")!
    }

    /// Sends `request` through URLSession and returns the body and the HTTP response.
    func fetch(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let (data, response) = try await Self.session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        return (data, http)
    }

    /// No caches or cookies, and timeouts in whole seconds (FoundationNetworking truncates fractions,
    /// and anything under one second fails at once).
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        configuration.timeoutIntervalForResource = 20
        return URLSession(configuration: configuration)
    }()
}

/// The requests a handler received, shared with the test through a lock.
private final class RequestRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []

    var requests: [HTTPRequest] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func record(_ request: HTTPRequest) {
        lock.lock()
        recorded.append(request)
        lock.unlock()
    }
}

/// A multipart/form-data body built by hand (URLSession has no helper).
struct MultipartTestBody {
    let boundary = "claret-test-boundary-7d1f"
    private(set) var bytes: [UInt8] = []

    mutating func addField(_ name: String, _ value: String) {
        append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n")
        bytes += Array(value.utf8)
        append("\r\n")
    }

    mutating func addFile(_ name: String, filename: String, contentType: String, data: [UInt8]) {
        append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n")
        append("Content-Type: \(contentType)\r\n\r\n")
        bytes += data
        append("\r\n")
    }

    mutating func finish() { append("--\(boundary)--\r\n") }

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// Deterministic pseudo-random bytes in which a near-delimiter (CRLF, two dashes and all of this
    /// body's boundary but its last character) appears every 997 bytes, so a parser that matches
    /// delimiters too eagerly would cut the file.
    func trickyBytes(count: Int) -> [UInt8] {
        let nearDelimiter = Array("\r\n--\(boundary.dropLast())".utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { index in
            let position = index % 997
            if position < nearDelimiter.count { return nearDelimiter[position] }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    private mutating func append(_ text: String) { bytes += Array(text.utf8) }
}

/// A parsed HTTP/1.1 response read off a raw socket.
struct RawHTTPResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

enum RawHTTPError: Error {
    case connectFailed(Int32)
    case sendFailed(Int32)
    case malformedResponse(String)
    case timedOut
}

/// A plain TCP client, for exact control over what goes on the wire (repeated headers, chunked
/// bodies, reading until the server closes).
final class RawHTTPConnection {
    private let socketFD: Int32
    private var buffer: [UInt8] = []
    /// Whether the server closed its side (a read returned 0).
    private(set) var closedByServer = false

    init(port: UInt16, receiveTimeoutSeconds: Int = 5) throws {
        socketFD = try Self.connectedSocket(port: port, receiveTimeoutSeconds: receiveTimeoutSeconds)
    }

    /// A socket connected to 127.0.0.1:`port`, or an error with the socket already closed. Only a connected
    /// socket ever reaches `socketFD`, so `deinit` closes each descriptor exactly once: a second close could
    /// hit a descriptor another test's server has been given since, and libmicrohttpd aborts the whole
    /// process when its own descriptor turns out closed.
    private static func connectedSocket(port: UInt16, receiveTimeoutSeconds: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawHTTPError.connectFailed(errno) }
        var timeout = timeval(tv_sec: receiveTimeoutSeconds, tv_usec: 0)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            let failure = errno
            close(descriptor)
            throw RawHTTPError.connectFailed(failure)
        }
        return descriptor
    }

    deinit { close(socketFD) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a server that closed early must not kill the test run with SIGPIPE.
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(socketFD, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { throw RawHTTPError.sendFailed(errno) }
            offset += sent
        }
    }

    /// Reads one response framed by Content-Length (or, without it, until the server closes).
    func readResponse() throws -> RawHTTPResponse {
        var response = try readHead()
        if response.status < 200 || response.status == 204 || response.status == 304 {
            return response  // never a body
        }
        if let length = response.header("Content-Length").flatMap({ Int($0) }) {
            while buffer.count < length, try fill() {}
            guard buffer.count >= length else { throw RawHTTPError.malformedResponse("short body") }
            response.body = Array(buffer[..<length])
            buffer.removeFirst(length)
        } else {
            while try fill() {}
            response.body = buffer
            buffer = []
        }
        return response
    }

    /// Reads the status line and headers only (all there is in an answer to HEAD).
    func readHead() throws -> RawHTTPResponse {
        let delimiter = Array("\r\n\r\n".utf8)
        var headerEnd: Int?
        while headerEnd == nil {
            headerEnd = buffer.firstRange(of: delimiter)?.lowerBound
            if headerEnd == nil, try !fill() {
                throw RawHTTPError.malformedResponse("connection closed before the headers ended")
            }
        }
        let end = headerEnd ?? 0
        let head = String(decoding: buffer[..<end], as: UTF8.self)
        buffer.removeFirst(end + delimiter.count)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw RawHTTPError.malformedResponse(head)
        }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return (name: String(line[..<colon]), value: value)
        }
        return RawHTTPResponse(status: status, headers: headers, body: [])
    }

    /// Reads until the server closes the connection; returns what came after the last response read.
    func readToEnd() throws -> [UInt8] {
        while try fill() {}
        defer { buffer = [] }
        return buffer
    }

    /// Reads more bytes; false once the server has closed.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(socketFD, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffer += chunk[..<count]
            return true
        }
        if count == 0 {
            closedByServer = true
            return false
        }
        if errno == EAGAIN || errno == EWOULDBLOCK { throw RawHTTPError.timedOut }
        // A reset after the response counts as closed too.
        closedByServer = true
        return false
    }
}
