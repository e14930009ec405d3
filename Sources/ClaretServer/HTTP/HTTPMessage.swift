import Foundation

/// Request headers with case-insensitive lookup, in the order received.
public struct HTTPHeaders: Sendable, Equatable {
    /// The header lines as received (names in their original case).
    public private(set) var fields: [(name: String, value: String)]

    /// Builds headers from name/value pairs.
    public init(_ fields: [(String, String)] = []) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    /// The first value of the header `name`, compared case-insensitively.
    public subscript(name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Appends a header line.
    public mutating func add(_ name: String, _ value: String) {
        fields.append((name: name, value: value))
    }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }
}

/// One uploaded file of a multipart form.
public struct FormFile: Sendable, Equatable {
    /// The file name the client sent.
    public var filename: String
    /// The part's content type, when the client sent one.
    public var contentType: String?
    /// The file's bytes.
    public var data: [UInt8]

    /// Creates a file part.
    public init(filename: String, contentType: String? = nil, data: [UInt8] = []) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}

/// A parsed `multipart/form-data` or `application/x-www-form-urlencoded` body.
public struct FormData: Sendable, Equatable {
    /// Plain fields by name (the last value wins when a name repeats).
    public var fields: [String: String]
    /// File parts by field name.
    public var files: [String: FormFile]

    /// Creates a form.
    public init(fields: [String: String] = [:], files: [String: FormFile] = [:]) {
        self.fields = fields
        self.files = files
    }
}

/// An HTTP request as a plain value: everything a handler needs, nothing tied to the C server,
/// so handlers can be tested in-process.
public struct HTTPRequest: Sendable {
    /// The method in upper case (`GET`, `POST`, `HEAD`, ...).
    public var method: String
    /// The percent-decoded path, without the query string.
    public var path: String
    /// Query parameters in the order given (percent-decoded).
    public var query: [(name: String, value: String)]
    /// The request headers.
    public var headers: HTTPHeaders
    /// The raw body (empty when the body was parsed into `form`).
    public var body: [UInt8]
    /// The parsed form, for form content types.
    public var form: FormData?
    /// The peer's IP address, when known.
    public var remoteAddress: String?

    /// Creates a request value.
    public init(
        method: String, path: String, query: [(String, String)] = [], headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [], form: FormData? = nil, remoteAddress: String? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query.map { (name: $0.0, value: $0.1) }
        self.headers = headers
        self.body = body
        self.form = form
        self.remoteAddress = remoteAddress
    }

    /// The first value of the query parameter `name`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}

/// An HTTP response as a plain value.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// Header lines, in order.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as UTF-8 text (for tests and logs).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// What the HTTP server calls for every complete request; it runs on the server's threads.
public typealias HTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse
