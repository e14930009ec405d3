import ExactJSON

/// Laravel-style validation failures: messages grouped by dotted field key, in the order found.
public struct ValidationErrors: Error, Sendable, Equatable {
    /// One field's failures.
    public struct Entry: Sendable, Equatable {
        /// The dotted key with underscores kept, e.g. `payload.2.date_filled`.
        public var key: String
        /// The sentences, in order.
        public var messages: [String]
    }

    /// The failures in the order they were found.
    public private(set) var entries: [Entry] = []
    /// Where each key's entry is, so adding stays constant-time however many fields fail.
    private var positions: [String: Int] = [:]

    /// An empty set of failures.
    public init() {}

    /// Whether nothing failed.
    public var isEmpty: Bool { entries.isEmpty }

    /// Whether `key` already has a failure.
    public func contains(_ key: String) -> Bool { positions[key] != nil }

    /// Records `message` under `key`.
    public mutating func add(_ key: String, _ message: String) {
        if let index = positions[key] {
            entries[index].messages.append(message)
        } else {
            positions[key] = entries.count
            entries.append(Entry(key: key, messages: [message]))
        }
    }

    public static func == (lhs: ValidationErrors, rhs: ValidationErrors) -> Bool { lhs.entries == rhs.entries }

    /// Laravel's top-level message: the first failure, then "(and N more errors)" counting every other sentence.
    public func summary(using profile: BehaviourProfile) -> String {
        guard let first = entries.first?.messages.first else { return "" }
        let others = entries.reduce(0) { $0 + $1.messages.count } - 1
        switch others {
        case 0: return first
        case 1: return profile.message(.moreErrorsOne, ["message": first])
        default: return profile.message(.moreErrorsMany, ["message": first, "count": String(others)])
        }
    }

    /// The `errors` object: each key with its array of sentences.
    public var errorsObject: JSONValue {
        .object(JSONObject(entries.map { ($0.key, .array($0.messages.map { .string($0) })) }))
    }

    /// The name Laravel shows for a key: underscores become spaces (`payload.2.date filled`).
    public static func attribute(for key: String) -> String {
        key.replacingUnderscoresWithSpaces
    }
}

extension String {
    /// The string with `_` turned into spaces (Foundation-free).
    var replacingUnderscoresWithSpaces: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
