import ExactJSON

/// What a YAML node holds: a scalar, a sequence of nodes, or a mapping's pairs in source order.
public indirect enum YAMLContent: Sendable, Equatable {
    /// A scalar with its text exactly as libyaml decoded it.
    case scalar(YAMLScalar)
    /// A sequence's elements in order.
    case sequence([YAMLNode])
    /// A mapping's pairs in order, merge keys already applied and no key twice.
    case mapping([YAMLPair])
}

/// A scalar's decoded text, whether it was written plain, and its explicit tag if any.
public struct YAMLScalar: Sendable, Equatable {
    /// The text with quoting, escapes, folding and chomping already applied.
    public let text: String
    /// Whether the scalar was written unquoted and not as a block scalar, so its type is read from its text.
    public let isPlain: Bool
    /// The explicit tag as libyaml resolved it (`tag:yaml.org,2002:str` for `!!str`, `!` for `! x`), or nil.
    public let tag: String?

    /// Creates a scalar from its parts.
    public init(text: String, isPlain: Bool, tag: String? = nil) {
        self.text = text
        self.isPlain = isPlain
        self.tag = tag
    }

    /// The typed value under the YAML 1.2 core schema; text a tag cannot read stays a string.
    ///
    /// The parser refuses such scalars, so the fallback only shows for scalars built by hand.
    public var json: JSONValue {
        (try? ScalarTyping.value(of: self)) ?? .string(text)
    }
}

/// One key and its value in a mapping.
public struct YAMLPair: Sendable, Equatable {
    /// The key node; always a scalar in a parsed document.
    public let key: YAMLNode
    /// The value node.
    public let value: YAMLNode

    /// Creates a pair from a key node and a value node.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A node of a parsed document together with the position where it starts.
///
/// An alias is replaced by a copy of its anchored node, positions included, so a value reached through
/// `*name` reports the place it was written. Equality compares content and positions.
public struct YAMLNode: Sendable, Equatable {
    /// The scalar, sequence or mapping.
    public let content: YAMLContent
    /// Where the node starts: its first character, or its anchor or tag when it has one.
    public let position: SourcePosition
    /// How many levels of sequences and mappings the node holds: 0 for a scalar, 1 for `[1, 2]`.
    let nesting: Int
    /// How many nodes the tree under this node holds, itself included, with every alias copy counted.
    let nodeCount: Int

    /// Creates a node holding `content` that starts at `position`.
    public init(_ content: YAMLContent, at position: SourcePosition) {
        self.content = content
        self.position = position
        switch content {
        case .scalar:
            nesting = 0
            nodeCount = 1
        case .sequence(let elements):
            nesting = 1 + (elements.map(\.nesting).max() ?? 0)
            nodeCount = elements.reduce(1) { $0 + $1.nodeCount }
        case .mapping(let pairs):
            nesting = 1 + (pairs.map { max($0.key.nesting, $0.value.nesting) }.max() ?? 0)
            nodeCount = pairs.reduce(1) { $0 + $1.key.nodeCount + $1.value.nodeCount }
        }
    }

    /// Whether both nodes have equal content at equal positions.
    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        lhs.position == rhs.position && lhs.content == rhs.content
    }
}

extension YAMLNode {
    /// The scalar, when this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The elements, when this node is a sequence.
    public var elements: [YAMLNode]? {
        if case .sequence(let elements) = content { return elements }
        return nil
    }

    /// The pairs in order, when this node is a mapping.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The element at `index` when this is a sequence and the index is in range; nil otherwise.
    public subscript(index: Int) -> YAMLNode? {
        guard let elements, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The value whose scalar key's text is `key`, when this is a mapping holding it; nil otherwise.
    public subscript(key: String) -> YAMLNode? {
        pair(forKey: key)?.value
    }

    /// The pair whose scalar key's text is `key`, so both the key's and the value's positions are at hand.
    public func pair(forKey key: String) -> YAMLPair? {
        pairs?.first { $0.key.scalar?.text == key }
    }

    /// The texts of the scalar keys in order; empty unless this is a mapping.
    public var mappingKeys: [String] {
        (pairs ?? []).compactMap { $0.key.scalar?.text }
    }

    /// Whether this is a scalar that reads as null: `null`, `~`, an empty plain scalar, or `!!null`.
    public var isNull: Bool {
        guard let scalar else { return false }
        return scalar.json == .null
    }

    /// The node's type for error messages: "null", "boolean", "number", "string", "sequence" or "mapping".
    public var typeName: String {
        switch content {
        case .scalar(let scalar): scalar.json.typeName
        case .sequence: "sequence"
        case .mapping: "mapping"
        }
    }

    /// The node as JSON: scalars typed by the core schema, sequences as arrays, mappings as objects.
    ///
    /// Object keys are the key scalars' texts, untyped, so `1: x` and `true: y` give keys "1" and "true".
    public var json: JSONValue {
        switch content {
        case .scalar(let scalar):
            return scalar.json
        case .sequence(let elements):
            return .array(elements.map(\.json))
        case .mapping(let pairs):
            return .object(JSONObject(pairs.map { ($0.key.keyText, $0.value.json) }))
        }
    }

    /// The text a key stands for in JSON: a scalar's text, or the compact JSON of a hand-built collection key.
    var keyText: String {
        scalar?.text ?? json.serialized()
    }
}
