import CMicroHTTPD

/// What is known about one request between its first access-handler call and MHD's completion callback.
///
/// MHD holds it through `*con_cls` as a +1 `Unmanaged` reference, released in `requestCompleted`, which
/// MHD also calls on client abort, timeout and shutdown. MHD calls back for one connection on one thread
/// at a time, so the state needs no lock.
final class MHDRequestContext {
    /// How the body is read.
    enum BodyKind {
        /// Kept as bytes in `body`.
        case raw
        /// Streamed through MHD's post processor into fields and files; nothing is kept twice.
        case multipart
        /// Buffered, then split into fields (small by nature, and MHD 0.9.75's parser drops a trailing
        /// name without `=` and rejects empty names, so it is parsed here).
        case urlEncoded
    }

    /// Body bytes received so far, counted before any parsing (the limit applies to the wire size).
    var receivedBytes = 0
    /// The raw body (or, for a url-encoded form, the bytes still to be parsed).
    var body: [UInt8] = []
    /// The body limit in force for this request, fixed on its first call.
    var bodyLimit = 0
    /// The answer to a body over `bodyLimit`.
    var tooLarge = HTTPServerConfiguration.defaultBodyTooLarge
    /// The body went over `bodyLimit`; the rest of it is dropped.
    var exceedsLimit = false
    /// A response was queued; MHD must not be given a second one.
    var responded = false
    /// Why the multipart body could not be parsed; the rest of it is dropped.
    private(set) var formFailure: String?

    private var kind = BodyKind.raw
    /// Parses multipart bodies; owned here and destroyed before this context is released.
    private var postProcessor: OpaquePointer?
    /// Whether the post processor delivered anything: a non-empty body without a single part used
    /// another boundary, which MHD's parser silently skips as preamble.
    private var receivedPart = false
    private var fieldBytes: [String: [UInt8]] = [:]
    private var files: [String: FormFile] = [:]

    /// Chooses how to read the body; called once, on the first access-handler call.
    func begin(_ kind: BodyKind, on connection: OpaquePointer) {
        self.kind = kind
        guard kind == .multipart else { return }
        // The iterator gets this context unretained: MHD's +1 keeps it alive, and the post processor
        // is destroyed (in `finishForm` or `close`) before that reference is released.
        postProcessor = MHD_create_post_processor(
            connection, 16 * 1024, postDataIterator, Unmanaged.passUnretained(self).toOpaque())
        if postProcessor == nil { formFailure = "the Content-Type header has no usable boundary parameter" }
    }

    /// Takes one chunk of the body (the size limit was checked by the caller).
    func consume(_ chunk: UnsafePointer<CChar>, count: Int) {
        switch kind {
        case .raw, .urlEncoded:
            body.append(contentsOf: UnsafeRawBufferPointer(start: chunk, count: count))
        case .multipart:
            guard formFailure == nil, let postProcessor else { return }
            if MHD_post_process(postProcessor, chunk, count) == .NO {
                formFailure = "a part is malformed"
                discardBody()
            }
        }
    }

    /// Frees what was buffered, once the body is known to be refused.
    func discardBody() {
        body = []
        fieldBytes = [:]
        files = [:]
    }

    /// Destroys the post processor, if still there. Called before MHD's reference to this context is
    /// released, because destroying it may call back into this context.
    func close() {
        guard let postProcessor else { return }
        self.postProcessor = nil
        _ = MHD_destroy_post_processor(postProcessor)
    }

    /// The parsed form, or `nil` when the body is not a form or `formFailure` says why it is unusable.
    /// A form's bytes are not kept in `body` afterwards.
    func finishForm() -> FormData? {
        switch kind {
        case .raw:
            return nil
        case .urlEncoded:
            defer { body = [] }
            return FormData(fields: URLEncodedForm.fields(in: body))
        case .multipart:
            if let postProcessor {
                self.postProcessor = nil
                // MHD_NO: the body stopped inside a part or before the closing boundary.
                if MHD_destroy_post_processor(postProcessor) == .NO, formFailure == nil {
                    formFailure = "the body ends before the closing boundary"
                }
            }
            if !receivedPart, receivedBytes > 0, formFailure == nil {
                formFailure = "no part starts with the boundary given in the Content-Type header"
            }
            guard formFailure == nil else { return nil }
            var fields: [String: String] = [:]
            for (name, bytes) in fieldBytes { fields[name] = String(decoding: bytes, as: UTF8.self) }
            return FormData(fields: fields, files: files)
        }
    }

    /// Receives one piece of a multipart value from the post processor. A piece at offset 0 starts a
    /// new value, so a repeated name keeps its last value.
    fileprivate func receive(
        name: String, filename: String?, contentType: String?, data: UnsafeRawBufferPointer, offset: UInt64
    ) {
        receivedPart = true
        if let filename {
            if offset == 0 || files[name] == nil {
                files[name] = FormFile(filename: filename, contentType: contentType, data: Array(data))
            } else {
                // In place through the dictionary: an uploaded file is held in memory only once.
                files[name]?.data.append(contentsOf: data)
            }
        } else if offset == 0 {
            fieldBytes[name] = Array(data)
        } else {
            fieldBytes[name, default: []].append(contentsOf: data)
        }
    }
}

/// MHD's post-processor callback: forwards each piece of a multipart value to the request's context.
private func postDataIterator(
    cls: UnsafeMutableRawPointer?,
    kind: MHD_ValueKind,
    key: UnsafePointer<CChar>?,
    filename: UnsafePointer<CChar>?,
    contentType: UnsafePointer<CChar>?,
    transferEncoding: UnsafePointer<CChar>?,
    data: UnsafePointer<CChar>?,
    offset: UInt64,
    size: Int
) -> MHD_Result {
    guard let cls, let key else { return .YES }
    let context = Unmanaged<MHDRequestContext>.fromOpaque(cls).takeUnretainedValue()
    context.receive(
        name: String(cString: key),
        filename: filename.map { String(cString: $0) },
        contentType: contentType.map { String(cString: $0) },
        data: UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size),
        offset: offset)
    return .YES
}
