/// Reads one YAML document, or a JSON text, into a ``YAMLNode`` tree that keeps every node's position.
///
/// JSON goes through the same libyaml parser (JSON is YAML flow style), so its errors have positions and
/// its values type the same way. Refused, each with its position: libyaml syntax errors, bytes that are
/// not UTF-8, more than one document, duplicate keys, non-scalar keys, unknown aliases, bad merge keys,
/// tags other than the core schema's (or that their scalar does not fit), nesting deeper than `maxDepth`,
/// and aliases expanding to more than `maxAliasNodes` nodes. A leading UTF-8 byte order mark is skipped.
public enum YAMLParser {
    /// The default nesting limit for sequences and mappings.
    public static let defaultMaxDepth = 256
    /// The default limit on the nodes aliases may add to a document.
    public static let defaultMaxAliasNodes = 100_000

    /// Parses exactly one document; an empty text, or one holding only comments, is a null node at 1:1.
    public static func parse(
        _ text: String, maxDepth: Int = defaultMaxDepth, maxAliasNodes: Int = defaultMaxAliasNodes
    ) throws(YAMLError) -> YAMLNode {
        try parse(Array(text.utf8), maxDepth: maxDepth, maxAliasNodes: maxAliasNodes)
    }

    /// Parses exactly one document from UTF-8 bytes, which may start with a byte order mark.
    public static func parse(
        _ bytes: [UInt8], maxDepth: Int = defaultMaxDepth, maxAliasNodes: Int = defaultMaxAliasNodes
    ) throws(YAMLError) -> YAMLNode {
        var builder = TreeBuilder(maxDepth: maxDepth, maxAliasNodes: maxAliasNodes)
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let body = hasByteOrderMark ? Array(bytes.dropFirst(3)) : bytes
        guard !body.isEmpty else { return builder.document }
        // withUnsafeBufferPointer does not forward typed throws, so the error travels out inside a Result.
        let result = body.withUnsafeBufferPointer { buffer in
            Result { () throws(YAMLError) -> Void in
                try LibYAMLEventReader.read(buffer, into: &builder)
            }
        }
        try result.get()
        return builder.document
    }
}
