/// A place in a source text: 1-based line and column, the column counted in Unicode scalars.
///
/// A leading byte order mark is not counted. `\n`, `\r\n` and a lone `\r` each end a line, as do the
/// YAML 1.1 breaks NEL, LS and PS, which libyaml also counts.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line.
    public let line: Int
    /// The 1-based column, counted in Unicode scalars from the start of the line.
    public let column: Int

    /// Creates a position from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Line 1, column 1: where an empty document's null node is placed.
    public static let start = SourcePosition(line: 1, column: 1)

    /// The position as "line 3, column 5".
    public var description: String { "line \(line), column \(column)" }

    /// Whether `lhs` comes before `rhs` in the text.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

extension SourcePosition {
    /// The position of the byte at `offset` in UTF-8 `bytes`, counting lines the way libyaml's marks do.
    ///
    /// Only libyaml's reader errors need this: they carry a byte offset but no mark.
    init(byteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var column = 1
        var index = 0
        while index < end {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            let afterNext = index + 2 < bytes.count ? bytes[index + 2] : 0
            if byte == UInt8(ascii: "\r") && next == UInt8(ascii: "\n") {
                // CR LF is one break; the LF is consumed with it.
                index += 2
                line += 1
                column = 1
                continue
            }
            let isBreak =
                byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || (byte == 0xC2 && next == 0x85)
                || (byte == 0xE2 && next == 0x80 && (afterNext == 0xA8 || afterNext == 0xA9))
            if isBreak {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Every UTF-8 sequence has exactly one byte that is not a continuation byte (10xxxxxx).
                column += 1
            }
            index += 1
        }
        // The loop counted the scalars before `end`, so a break's trailing bytes never add a column.
        self.init(line: line, column: column)
    }
}
