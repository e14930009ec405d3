import ExactJSON

/// Named JSON values that templates refer to as `{{name}}`: captured response values, scenario
/// parameters, `env.*` entries. Names are plain strings; a dot in `env.HOME` is part of the name.
public struct Variables: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// The values by name.
    private var values: [String: JSONValue]

    /// Creates variables holding `values`.
    public init(_ values: [String: JSONValue] = [:]) {
        self.values = values
    }

    /// Creates variables from a dictionary literal; a repeated name keeps its last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// The value named `name`; setting nil removes it.
    public subscript(name: String) -> JSONValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// The names, sorted.
    public var names: [String] {
        values.keys.sorted()
    }

    /// Whether there are no variables.
    public var isEmpty: Bool {
        values.isEmpty
    }

    /// These variables with `other`'s added; where both have a name, `other`'s value wins.
    public func merging(_ other: Variables) -> Variables {
        var merged = self
        merged.merge(other)
        return merged
    }

    /// Adds `other`'s variables; where both have a name, `other`'s value wins.
    public mutating func merge(_ other: Variables) {
        values.merge(other.values, uniquingKeysWith: { _, new in new })
    }
}
