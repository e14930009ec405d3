import CMicroHTTPD
import Foundation

/// What MHD's callbacks reach through their `cls` pointer: turns the C callbacks of one request into an
/// `HTTPRequest`, calls the handler, and turns its `HTTPResponse` back into C calls. It also counts the
/// requests in flight so that `HTTPServer.stop()` can wait for them.
///
/// `@unchecked Sendable`: `handler` and `configuration` never change; `inFlight` and `draining` are
/// guarded by `condition`.
final class MHDDispatcher: @unchecked Sendable {
    private let handler: HTTPHandler
    private let configuration: HTTPServerConfiguration
    private let condition = NSCondition()
    private var inFlight = 0
    private var draining = false

    init(configuration: HTTPServerConfiguration, handler: @escaping HTTPHandler) {
        self.configuration = configuration
        self.handler = handler
    }

    /// The access handler to give MHD_start_daemon, with a retained dispatcher as its `cls`.
    static let accessHandlerCallback: MHD_AccessHandlerCallback = accessHandler
    /// The `MHD_OPTION_NOTIFY_COMPLETED` callback, with the same dispatcher as its `cls`.
    static let completionCallback: MHD_RequestCompletedCallback = requestCompleted

    // MARK: - Draining

    /// Makes every later response close its connection, then waits until no request is in flight or
    /// `deadline` passes. Returns whether all requests finished.
    func drain(until deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        draining = true
        while inFlight > 0 {
            if !condition.wait(until: deadline) { return inFlight == 0 }
        }
        return true
    }

    private var isDraining: Bool {
        condition.lock()
        defer { condition.unlock() }
        return draining
    }

    // MARK: - Request phases

    /// MHD's access handler: called once with the headers, once per body chunk, and once more at the end.
    func handle(
        connection: OpaquePointer,
        url: UnsafePointer<CChar>,
        method: UnsafePointer<CChar>,
        uploadData: UnsafePointer<CChar>?,
        uploadDataSize: UnsafeMutablePointer<Int>,
        contextSlot: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        guard let existing = contextSlot.pointee else {
            return begin(connection: connection, contextSlot: contextSlot)
        }
        let context = Unmanaged<MHDRequestContext>.fromOpaque(existing).takeUnretainedValue()
        let size = uploadDataSize.pointee
        if size > 0 {
            // Everything offered is consumed (or deliberately dropped): MHD then reads on.
            uploadDataSize.pointee = 0
            return receive(uploadData, count: size, into: context)
        }
        guard !context.responded else { return .YES }
        context.responded = true
        return respond(to: context, connection: connection, url: url, method: method)
    }

    /// First call: only the headers are known. Sets up the context and refuses an announced
    /// over-limit body before any of it is read.
    private func begin(
        connection: OpaquePointer, contextSlot: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        let context = MHDRequestContext()
        condition.lock()
        inFlight += 1
        condition.unlock()
        // +1 owned by MHD's per-request slot; `requestCompleted` releases it, on every way a request ends.
        contextSlot.pointee = Unmanaged.passRetained(context).toOpaque()

        let limit =
            configuration.currentBodyLimit?()
            ?? HTTPServerConfiguration.BodyLimit(
                maxBytes: configuration.maxBodyBytes, tooLarge: configuration.bodyTooLarge)
        context.bodyLimit = max(limit.maxBytes, 0)
        context.tooLarge = limit.tooLarge
        if let announced = headerValue(MHD_HTTP_HEADER_CONTENT_LENGTH, of: connection),
            let length = UInt64(announced.trimmingCharacters(in: .whitespaces)),
            length > UInt64(context.bodyLimit)
        {
            context.exceedsLimit = true
            context.responded = true
            // Queued before the body is read: MHD sends no `100 Continue`, reads no body, and closes.
            return queue(context.tooLarge, on: connection, closing: true)
        }
        if let contentType = headerValue(MHD_HTTP_HEADER_CONTENT_TYPE, of: connection) {
            let mediaType = contentType.split(separator: ";", maxSplits: 1).first
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if mediaType == "multipart/form-data" {
                context.begin(.multipart, on: connection)
            } else if mediaType == "application/x-www-form-urlencoded" {
                context.begin(.urlEncoded, on: connection)
            }
        }
        return .YES
    }

    /// A chunk of the body: counted against the limit, then parsed or buffered. Past the limit the rest
    /// is read and dropped, because MHD 0.9.75 refuses a response queued while a body is still arriving
    /// (MHD_queue_response returns MHD_NO then): the 413 goes out after the last chunk. A client that
    /// keeps sending far beyond the limit is cut off without an answer.
    private func receive(
        _ chunk: UnsafePointer<CChar>?, count: Int, into context: MHDRequestContext
    ) -> MHD_Result {
        context.receivedBytes += count
        let limit = context.bodyLimit
        if context.exceedsLimit {
            return context.receivedBytes - limit > max(limit, Self.maxDiscardedBytes) ? .NO : .YES
        }
        if context.receivedBytes > limit {
            context.exceedsLimit = true
            context.discardBody()
            return .YES
        }
        if let chunk { context.consume(chunk, count: count) }
        return .YES
    }

    /// How much of an over-limit body is read and dropped (at least) before the connection is cut.
    private static let maxDiscardedBytes = 64 << 20

    /// Last call: the whole request is in. Answers it.
    private func respond(
        to context: MHDRequestContext, connection: OpaquePointer, url: UnsafePointer<CChar>,
        method: UnsafePointer<CChar>
    ) -> MHD_Result {
        if context.exceedsLimit {
            return queue(context.tooLarge, on: connection, closing: true)
        }
        let form = context.finishForm()
        if let reason = context.formFailure {
            return queue(configuration.malformedForm(reason), on: connection, closing: isDraining)
        }
        let request = HTTPRequest(
            method: String(cString: method),
            // MHD has already cut off the query and percent-decoded the path.
            path: String(cString: url),
            query: values(of: .GET_ARGUMENT_KIND, on: connection),
            headers: HTTPHeaders(values(of: .HEADER_KIND, on: connection)),
            body: context.body,
            form: form,
            remoteAddress: cmhd_client_address(connection).flatMap(ListenAddress.numericHost(of:)))
        context.body = []
        let response = handler(request)
        return queue(response, on: connection, closing: isDraining)
    }

    /// MHD's completion callback: runs once per request however it ended (sent, aborted, timed out,
    /// shut down), so the context's +1 is released here and nowhere else.
    func complete(contextSlot: UnsafeMutablePointer<UnsafeMutableRawPointer?>) {
        guard let raw = contextSlot.pointee else { return }
        contextSlot.pointee = nil
        let context = Unmanaged<MHDRequestContext>.fromOpaque(raw).takeRetainedValue()
        context.close()
        condition.lock()
        inFlight -= 1
        if inFlight == 0 { condition.broadcast() }
        condition.unlock()
    }

    // MARK: - C helpers

    private func headerValue(_ name: String, of connection: OpaquePointer) -> String? {
        MHD_lookup_connection_value(connection, .HEADER_KIND, name).map { String(cString: $0) }
    }

    /// All values of one kind, in the order received (repeated names kept).
    private func values(of kind: MHD_ValueKind, on connection: OpaquePointer) -> [(String, String)] {
        var pairs: [(String, String)] = []
        withUnsafeMutablePointer(to: &pairs) { pairsPointer in
            _ = MHD_get_connection_values_n(connection, kind, collectValue, pairsPointer)
        }
        return pairs
    }

    /// Turns `response` into an MHD response and queues it. `closing` adds `Connection: close`, which
    /// makes MHD close the connection once the response is sent.
    private func queue(_ response: HTTPResponse, on connection: OpaquePointer, closing: Bool) -> MHD_Result {
        let created = response.body.withUnsafeBytes { bytes in
            // MUST_COPY: MHD keeps its own copy, so `response` may go away as soon as this returns.
            MHD_create_response_from_buffer(
                bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
        }
        guard let mhdResponse = created else { return .NO }
        // MHD holds its own reference from MHD_queue_response until the response is sent.
        defer { MHD_destroy_response(mhdResponse) }
        for field in response.headers.fields {
            if closing, field.name.caseInsensitiveCompare("Connection") == .orderedSame { continue }
            // MHD refuses headers it manages itself (Content-Length) and malformed ones; skip those.
            _ = MHD_add_response_header(mhdResponse, field.name, field.value)
        }
        if closing { _ = MHD_add_response_header(mhdResponse, MHD_HTTP_HEADER_CONNECTION, "close") }
        // MHD refuses a status outside 100...999 by dropping the connection; a 500 tells the client more.
        let status = (100...999).contains(response.status) ? response.status : 500
        return MHD_queue_response(connection, UInt32(status), mhdResponse)
    }
}

// MARK: - C callbacks
//
// Plain functions, so they convert to C function pointers; everything they need comes in through
// `cls` (the dispatcher, retained by `HTTPServer` until MHD_stop_daemon returns) and `*con_cls`.

/// MHD's access handler (`MHD_AccessHandlerCallback`).
private func accessHandler(
    cls: UnsafeMutableRawPointer?,
    connection: OpaquePointer?,
    url: UnsafePointer<CChar>?,
    method: UnsafePointer<CChar>?,
    version: UnsafePointer<CChar>?,
    uploadData: UnsafePointer<CChar>?,
    uploadDataSize: UnsafeMutablePointer<Int>?,
    contextSlot: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let cls, let connection, let url, let method, let uploadDataSize, let contextSlot else { return .NO }
    return Unmanaged<MHDDispatcher>.fromOpaque(cls).takeUnretainedValue().handle(
        connection: connection, url: url, method: method, uploadData: uploadData,
        uploadDataSize: uploadDataSize, contextSlot: contextSlot)
}

/// MHD's `MHD_OPTION_NOTIFY_COMPLETED` callback.
private func requestCompleted(
    cls: UnsafeMutableRawPointer?,
    connection: OpaquePointer?,
    contextSlot: UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
    reason: MHD_RequestTerminationCode
) {
    guard let cls, let contextSlot else { return }
    Unmanaged<MHDDispatcher>.fromOpaque(cls).takeUnretainedValue().complete(contextSlot: contextSlot)
}

/// Collects one header or query value into the `[(String, String)]` that `cls` points at.
private func collectValue(
    cls: UnsafeMutableRawPointer?,
    kind: MHD_ValueKind,
    key: UnsafePointer<CChar>?,
    keySize: Int,
    value: UnsafePointer<CChar>?,
    valueSize: Int
) -> MHD_Result {
    guard let cls else { return .NO }
    let pairs = cls.assumingMemoryBound(to: [(String, String)].self)
    pairs.pointee.append((text(key, count: keySize), text(value, count: valueSize)))
    return .YES
}

/// Bytes from MHD as text; a NULL pointer (a query name without `=`) is the empty string.
private func text(_ pointer: UnsafePointer<CChar>?, count: Int) -> String {
    guard let pointer else { return "" }
    return String(decoding: UnsafeRawBufferPointer(start: pointer, count: count), as: UTF8.self)
}
