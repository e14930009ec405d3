import ExactJSON
import Testing
import YAMLReader

/// The error parsing `text` raises, or nil when it parses.
func parsingError(_ text: String, maxDepth: Int = YAMLParser.defaultMaxDepth) -> YAMLError? {
    parsingError(Array(text.utf8), maxDepth: maxDepth)
}

/// The error parsing `bytes` raises, or nil when they parse.
func parsingError(_ bytes: [UInt8], maxDepth: Int = YAMLParser.defaultMaxDepth) -> YAMLError? {
    do {
        _ = try YAMLParser.parse(bytes, maxDepth: maxDepth)
        return nil
    } catch {
        return error
    }
}

/// The compact JSON the document converts to.
func jsonText(_ text: String) throws -> String {
    try YAMLParser.parse(text).json.serialized()
}

/// A 1-based position, written briefly.
func at(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
}
