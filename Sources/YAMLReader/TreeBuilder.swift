/// Builds a ``YAMLNode`` tree from parser events: resolves aliases, applies merge keys, and refuses
/// duplicate and non-scalar keys, unsupported tags, a second document, and excessive nesting or expansion.
///
/// Nodes are checked as they complete, so errors come in document order. Pure Swift, no C.
struct TreeBuilder {
    /// The deepest nesting of sequences and mappings accepted.
    let maxDepth: Int
    /// The most nodes that aliases may add in total, against "billion laughs" documents.
    let maxAliasNodes: Int

    /// A sequence or mapping still being read.
    private struct Frame {
        /// Whether the frame is a mapping (else a sequence).
        let isMapping: Bool
        /// Where the collection starts.
        let position: SourcePosition
        /// The anchor to register when the collection completes.
        let anchor: String?
        /// A sequence's elements so far.
        var elements: [YAMLNode] = []
        /// A mapping's completed pairs so far.
        var pairs: [YAMLPair] = []
        /// A mapping's key waiting for its value.
        var pendingKey: YAMLNode?
        /// Where each key text of a mapping first appeared.
        var keyPositions: [String: SourcePosition] = [:]
    }

    /// Open collections, innermost last.
    private var stack: [Frame] = []
    /// Completed anchored nodes by name; a later anchor with the same name replaces an earlier one.
    private var anchors: [String: YAMLNode] = [:]
    /// Anchors of collections still open, to tell a recursive alias from an unknown one.
    private var openAnchors: [String: Int] = [:]
    /// Nodes added by aliases so far.
    private var aliasNodes = 0
    /// Documents begun so far.
    private var documents = 0
    /// The completed top-level node.
    private(set) var root: YAMLNode?
    /// Whether the stream has ended.
    private(set) var isFinished = false

    /// Creates a builder with the given limits.
    init(maxDepth: Int, maxAliasNodes: Int) {
        self.maxDepth = maxDepth
        self.maxAliasNodes = maxAliasNodes
    }

    /// The document's root: the completed node, or a null node at 1:1 when the text held no document.
    var document: YAMLNode {
        root ?? YAMLNode(.scalar(YAMLScalar(text: "", isPlain: true)), at: .start)
    }

    /// Takes the next event.
    mutating func consume(_ event: YAMLEvent) throws(YAMLError) {
        switch event {
        case .documentStart(let position):
            documents += 1
            guard documents == 1 else {
                throw YAMLError(
                    kind: .multipleDocuments,
                    message: "a second document starts here; a file must hold exactly one document",
                    position: position)
            }
        case .scalar(let scalar, let anchor, let position):
            do {
                _ = try ScalarTyping.value(of: scalar)
            } catch {
                throw YAMLError(kind: error.kind, message: error.message, position: position)
            }
            try complete(YAMLNode(.scalar(scalar), at: position), anchor: anchor)
        case .sequenceStart(let anchor, let tag, let position):
            try open(isMapping: false, anchor: anchor, tag: tag, at: position)
        case .mappingStart(let anchor, let tag, let position):
            try open(isMapping: true, anchor: anchor, tag: tag, at: position)
        case .sequenceEnd, .mappingEnd:
            try close()
        case .alias(let name, let position):
            try resolveAlias(name, at: position)
        case .streamEnd:
            isFinished = true
        case .ignored:
            break
        }
    }

    /// Opens a collection after checking its tag and the nesting limit.
    private mutating func open(isMapping: Bool, anchor: String?, tag: String?, at position: SourcePosition)
        throws(YAMLError)
    {
        let expected = ScalarTyping.corePrefix + (isMapping ? "map" : "seq")
        if let tag, tag != "!", tag != expected {
            let tagName = ScalarTyping.displayName(ofTag: tag)
            let collection = isMapping ? "mapping" : "sequence"
            throw YAMLError(
                kind: .unsupportedTag, message: "tag \(tagName) cannot apply to a \(collection)", position: position)
        }
        guard stack.count < maxDepth else {
            throw YAMLError(
                kind: .tooDeep, message: "sequences and mappings nest deeper than \(maxDepth) levels",
                position: position)
        }
        if let anchor { openAnchors[anchor, default: 0] += 1 }
        stack.append(Frame(isMapping: isMapping, position: position, anchor: anchor))
    }

    /// Closes the innermost collection, applying merge keys to a mapping.
    private mutating func close() throws(YAMLError) {
        guard let frame = stack.popLast() else { return }
        if let anchor = frame.anchor {
            openAnchors[anchor, default: 1] -= 1
            if openAnchors[anchor] == 0 { openAnchors[anchor] = nil }
        }
        let node: YAMLNode
        if frame.isMapping {
            node = YAMLNode(.mapping(try Self.merged(frame.pairs)), at: frame.position)
        } else {
            node = YAMLNode(.sequence(frame.elements), at: frame.position)
        }
        try complete(node, anchor: frame.anchor)
    }

    /// Puts a copy of the anchored node in place of the alias.
    private mutating func resolveAlias(_ name: String, at position: SourcePosition) throws(YAMLError) {
        guard let node = anchors[name] else {
            let message =
                openAnchors[name] != nil
                ? "alias '*\(name)' refers to a node that contains it; recursive structures are not supported"
                : "unknown alias '*\(name)'; no anchor '&\(name)' is defined before it"
            throw YAMLError(kind: .unknownAlias, message: message, position: position)
        }
        guard stack.count + node.nesting <= maxDepth else {
            throw YAMLError(
                kind: .tooDeep,
                message: "alias '*\(name)' makes sequences and mappings nest deeper than \(maxDepth) levels",
                position: position)
        }
        aliasNodes += node.nodeCount
        guard aliasNodes <= maxAliasNodes else {
            throw YAMLError(
                kind: .tooLarge, message: "aliases expand to more than \(maxAliasNodes) nodes", position: position)
        }
        try complete(node, anchor: nil, writtenAt: position)
    }

    /// Registers a finished node's anchor and hands the node to its parent, or keeps it as the root.
    ///
    /// `site` is where the node is written: its own position, or the alias's for an alias copy, so key
    /// errors point at the key as written rather than at the anchor it copies.
    private mutating func complete(_ node: YAMLNode, anchor: String?, writtenAt site: SourcePosition? = nil)
        throws(YAMLError)
    {
        let site = site ?? node.position
        if let anchor { anchors[anchor] = node }
        guard var frame = stack.popLast() else {
            root = node
            return
        }
        defer { stack.append(frame) }
        guard frame.isMapping else {
            frame.elements.append(node)
            return
        }
        guard let key = frame.pendingKey else {
            guard let scalar = node.scalar else {
                throw YAMLError(
                    kind: .nonScalarKey,
                    message: "a mapping key must be a scalar, found a \(node.typeName)",
                    position: site)
            }
            if let first = frame.keyPositions[scalar.text] {
                throw YAMLError(
                    kind: .duplicateKey,
                    message: "duplicate key '\(scalar.text)' (first at \(first))",
                    position: site)
            }
            frame.keyPositions[scalar.text] = site
            frame.pendingKey = node
            return
        }
        frame.pairs.append(YAMLPair(key: key, value: node))
        frame.pendingKey = nil
    }

    /// Whether `key` is the merge key: a plain, untagged `<<`.
    static func isMergeKey(_ key: YAMLNode) -> Bool {
        guard let scalar = key.scalar else { return false }
        return scalar.isPlain && scalar.tag == nil && scalar.text == "<<"
    }

    /// The pairs with every `<<` replaced by the merged mappings' pairs that no explicit key overrides.
    ///
    /// Merged pairs take the place of the `<<` key. Among several merged mappings, the earlier one wins.
    static func merged(_ pairs: [YAMLPair]) throws(YAMLError) -> [YAMLPair] {
        guard pairs.contains(where: { isMergeKey($0.key) }) else { return pairs }
        var taken = Set(pairs.filter { !isMergeKey($0.key) }.compactMap { $0.key.scalar?.text })
        var result: [YAMLPair] = []
        for pair in pairs {
            guard isMergeKey(pair.key) else {
                result.append(pair)
                continue
            }
            for source in try mergeSources(pair.value) {
                for merged in source where taken.insert(merged.key.scalar?.text ?? "").inserted {
                    result.append(merged)
                }
            }
        }
        return result
    }

    /// The mappings a merge key's value names: itself, or each element of a sequence of mappings.
    static func mergeSources(_ value: YAMLNode) throws(YAMLError) -> [[YAMLPair]] {
        if let pairs = value.pairs { return [pairs] }
        if let elements = value.elements {
            var sources: [[YAMLPair]] = []
            for element in elements {
                guard let pairs = element.pairs else {
                    throw YAMLError(
                        kind: .invalidMerge,
                        message: "a merge key '<<' takes mappings, found a \(element.typeName) in its sequence",
                        position: element.position)
                }
                sources.append(pairs)
            }
            return sources
        }
        throw YAMLError(
            kind: .invalidMerge,
            message: "a merge key '<<' takes a mapping or a sequence of mappings, found a \(value.typeName)",
            position: value.position)
    }
}
