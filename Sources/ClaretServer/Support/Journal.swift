import ClaretModel
import ExactJSON
import Foundation

/// The most recent requests and responses, newest first, bounded; secrets are redacted.
///
/// Bodies are kept up to `bodyLimit` bytes each, so a support engineer can see what a client sent
/// without the journal growing with the uploads it records.
final class Journal: Sendable {
    private struct Entry: Sendable {
        let time: Date
        let method: String
        let path: String
        let query: [(name: String, value: String)]
        let requestHeaders: [(name: String, value: String)]
        let requestBody: String
        let status: Int
        let responseHeaders: [(name: String, value: String)]
        let responseBody: String
        let milliseconds: Double
        let requestBytes: Int
        let responseBytes: Int
    }

    /// Header and field names whose values never enter the journal.
    private static let secretNames: Set<String> = ["authorization", "x-harness-token", "password", "token", "cookie"]
    private static let bodyLimit = 4096

    private let capacity: Int
    private let entries = Locked<[Entry]>([])

    init(capacity: Int) { self.capacity = max(0, capacity) }

    func record(_ request: HTTPRequest, _ response: HTTPResponse, at time: Date, duration: TimeInterval) {
        guard capacity > 0, !request.path.hasPrefix("/__harness/journal") else { return }
        let entry = Entry(
            time: time, method: request.method, path: request.path, query: Journal.redacted(request.query),
            requestHeaders: Journal.redacted(request.headers.fields), requestBody: Journal.bodyText(of: request),
            status: response.status, responseHeaders: response.headers.fields,
            responseBody: Journal.redactedText(response.body), milliseconds: duration * 1000,
            requestBytes: request.body.count + (request.form?.files.values.reduce(0) { $0 + $1.data.count } ?? 0),
            responseBytes: response.body.count)
        entries.withLock { list in
            list.append(entry)
            if list.count > capacity { list.removeFirst(list.count - capacity) }
        }
    }

    /// Forgets the entries of one tenant's paths (a tenant reset clears its journal).
    func clear(tenant: String) {
        let prefixes = ["/\(tenant)/", "/__harness/tenants/\(tenant)/"]
        entries.withLock { list in list.removeAll { entry in prefixes.contains { entry.path.hasPrefix($0) } } }
    }

    /// The entries as JSON, newest first.
    var json: JSONValue {
        let list = entries.withLock { $0 }
        func pairs(_ fields: [(name: String, value: String)]) -> JSONValue {
            .array(fields.map { ["name": .string($0.name), "value": .string($0.value)] })
        }
        return [
            "data": .array(
                list.reversed().map { entry in
                    [
                        "time": .string(entry.time.formatted(.iso8601)),
                        "method": .string(entry.method),
                        "path": .string(entry.path),
                        "query": .object(JSONObject(entry.query.map { ($0.name, .string($0.value)) })),
                        "request": ["headers": pairs(entry.requestHeaders), "body": .string(entry.requestBody)],
                        "status": .number(JSONNumber(entry.status)),
                        "response": ["headers": pairs(entry.responseHeaders), "body": .string(entry.responseBody)],
                        "duration_ms": .number(
                            JSONNumber(text: String(format: "%.3f", entry.milliseconds)) ?? JSONNumber(0)),
                        "request_bytes": .number(JSONNumber(entry.requestBytes)),
                        "response_bytes": .number(JSONNumber(entry.responseBytes)),
                    ]
                })
        ]
    }

    private static func redacted(_ fields: [(name: String, value: String)]) -> [(name: String, value: String)] {
        fields.map { field in
            (name: field.name, value: secretNames.contains(field.name.lowercased()) ? "[redacted]" : field.value)
        }
    }

    /// The request body as text: JSON with any `password` redacted, form fields, or the raw excerpt.
    private static func bodyText(of request: HTTPRequest) -> String {
        if let form = request.form {
            var parts = form.fields.sorted { $0.key < $1.key }.map { field in
                "\(field.key)=\(secretNames.contains(field.key.lowercased()) ? "[redacted]" : field.value)"
            }
            parts += form.files.sorted { $0.key < $1.key }.map {
                "\($0.key)=@\($0.value.filename) (\($0.value.data.count) bytes)"
            }
            return parts.joined(separator: "&")
        }
        return redactedText(request.body)
    }

    /// A body as text with secrets redacted. Parsing and rewriting a body costs as much as the import itself,
    /// so only bodies that may hold a secret are rewritten.
    private static func redactedText(_ body: [UInt8]) -> String {
        guard mayHoldSecret(body), let document = try? JSONParser.parse(body) else { return excerpt(body) }
        return excerpt(redacted(document).serializedBytes())
    }

    /// Whether the bytes contain `password` or `token` in any letter case (a cheap scan before parsing).
    private static func mayHoldSecret(_ bytes: [UInt8]) -> Bool {
        ["password", "token"].contains { word in
            let needle = Array(word.utf8)
            guard bytes.count >= needle.count else { return false }
            for start in 0...(bytes.count - needle.count) where bytes[start] | 0x20 == needle[0] {
                var index = 1
                while index < needle.count, bytes[start + index] | 0x20 == needle[index] { index += 1 }
                if index == needle.count { return true }
            }
            return false
        }
    }

    /// The document with the value of every secret-named key replaced, at any depth (a tenant's users carry
    /// passwords inside arrays).
    private static func redacted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(
                JSONObject(
                    object.map { key, child in
                        (key, secretNames.contains(key.lowercased()) ? "[redacted]" : redacted(child))
                    }))
        case .array(let elements):
            return .array(elements.map(redacted))
        default:
            return value
        }
    }

    private static func excerpt(_ bytes: [UInt8]) -> String {
        guard bytes.count > bodyLimit else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes.prefix(bodyLimit), as: UTF8.self) + "… (\(bytes.count) bytes in all)"
    }
}
