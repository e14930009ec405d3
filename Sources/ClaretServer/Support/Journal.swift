import ClaretModel
import ExactJSON
import Foundation

/// The most recent requests and responses, newest first, bounded; secrets are redacted.
final class Journal: Sendable {
    private struct Entry: Sendable {
        let time: Date
        let method: String
        let path: String
        let query: [(name: String, value: String)]
        let status: Int
        let milliseconds: Double
        let requestBytes: Int
        let responseBytes: Int
    }

    private let capacity: Int
    private let entries = Locked<[Entry]>([])

    init(capacity: Int) { self.capacity = max(0, capacity) }

    func record(_ request: HTTPRequest, _ response: HTTPResponse, at time: Date, duration: TimeInterval) {
        guard capacity > 0, !request.path.hasPrefix("/__harness/journal") else { return }
        let query = request.query.map { item in
            (name: item.name, value: item.name == "password" ? "[redacted]" : item.value)
        }
        let entry = Entry(
            time: time, method: request.method, path: request.path, query: query, status: response.status,
            milliseconds: duration * 1000, requestBytes: request.body.count, responseBytes: response.body.count)
        entries.withLock { list in
            list.append(entry)
            if list.count > capacity { list.removeFirst(list.count - capacity) }
        }
    }

    /// The entries as JSON, newest first.
    var json: JSONValue {
        let list = entries.withLock { $0 }
        return [
            "data": .array(
                list.reversed().map { entry in
                    [
                        "time": .string(entry.time.formatted(.iso8601)),
                        "method": .string(entry.method),
                        "path": .string(entry.path),
                        "query": .object(JSONObject(entry.query.map { ($0.name, .string($0.value)) })),
                        "status": .number(JSONNumber(entry.status)),
                        "duration_ms": .number(
                            JSONNumber(text: String(format: "%.3f", entry.milliseconds)) ?? JSONNumber(0)),
                        "request_bytes": .number(JSONNumber(entry.requestBytes)),
                        "response_bytes": .number(JSONNumber(entry.responseBytes)),
                    ]
                })
        ]
    }
}
