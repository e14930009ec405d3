/// A JSON object as its ordered `(key, value)` pairs, duplicates included, exactly as they were read.
///
/// Lookup returns the value of the last pair with the key, as most JSON readers do. Equality is by
/// content, not order: two objects are equal when they have the same keys and, for each key, equal
/// last values, so `{"a":1,"b":2}` equals `{"b":2,"a":1}`. Keys compare as Swift strings do (by
/// Unicode canonical equivalence). `count`, `keys` and iteration see every pair, duplicates included.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// One `(key, value)` pair as stored.
    struct Member: Sendable, Hashable {
        var key: String
        var value: JSONValue
    }

    /// The pairs in source order.
    private(set) var members: [Member]

    /// Creates an object holding `pairs` in the given order, duplicates included.
    public init(_ pairs: [(String, JSONValue)] = []) {
        self.members = pairs.map { Member(key: $0.0, value: $0.1) }
    }

    /// Creates an object from members the parser has already collected.
    init(members: [Member]) {
        self.members = members
    }

    /// Creates an object from a dictionary literal, keeping the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    /// The keys in order, once per pair, so a duplicated key appears more than once.
    public var keys: [String] { members.map(\.key) }

    /// The values in order, one per pair.
    public var values: [JSONValue] { members.map(\.value) }

    /// The number of pairs, duplicates included.
    public var count: Int { members.count }

    /// Whether the object has no pairs.
    public var isEmpty: Bool { members.isEmpty }

    /// Keys that appear in more than one pair, each listed once, in order of first appearance.
    public var duplicateKeys: [String] {
        var occurrences: [String: Int] = [:]
        for member in members {
            occurrences[member.key, default: 0] += 1
        }
        var listed: Set<String> = []
        return members.map(\.key).filter { occurrences[$0, default: 0] > 1 && listed.insert($0).inserted }
    }

    /// The value of the last pair with `key`; setting replaces it in place (or appends), setting nil removes it.
    ///
    /// Setting a value keeps the position of the key's first pair and drops its other pairs, so the key
    /// then appears exactly once. Setting nil removes every pair with the key.
    public subscript(key: String) -> JSONValue? {
        get {
            members.last { $0.key == key }?.value
        }
        set {
            guard let newValue else {
                members.removeAll { $0.key == key }
                return
            }
            guard let first = members.firstIndex(where: { $0.key == key }) else {
                members.append(Member(key: key, value: newValue))
                return
            }
            members[first].value = newValue
            var index = members.count - 1
            while index > first {
                if members[index].key == key { members.remove(at: index) }
                index -= 1
            }
        }
    }

    /// Whether any pair has `key`.
    public func contains(_ key: String) -> Bool {
        members.contains { $0.key == key }
    }

    /// Adds a pair at the end, even when the key is already present.
    public mutating func append(_ key: String, _ value: JSONValue) {
        members.append(Member(key: key, value: value))
    }

    /// An iterator over the pairs in order.
    public func makeIterator() -> Iterator {
        Iterator(members: members.makeIterator())
    }

    /// Walks an object's pairs in order, duplicates included.
    public struct Iterator: IteratorProtocol {
        var members: IndexingIterator<[Member]>

        /// The next pair, or nil after the last.
        public mutating func next() -> (key: String, value: JSONValue)? {
            members.next().map { ($0.key, $0.value) }
        }
    }

    /// The object written as compact JSON.
    public var description: String {
        JSONValue.object(self).serialized()
    }

    /// Whether both objects have the same keys with equal last values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members == rhs.members || lhs.lastValues == rhs.lastValues
    }

    /// Hashes the keys and their last values without regard to order, agreeing with `==`.
    public func hash(into hasher: inout Hasher) {
        // Dictionary hashing is order-independent, which is what content equality needs.
        hasher.combine(lastValues)
    }

    /// Each key mapped to the value of its last pair: what lookup sees.
    private var lastValues: [String: JSONValue] {
        Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}
