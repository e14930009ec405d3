import Foundation

/// Reads RFC 4180 CSV text into a ``CSVTable``: the first record is the header, the rest are data rows.
///
/// Beyond RFC 4180 it accepts LF, CRLF and lone CR line endings (mixed), a leading UTF-8 byte order mark,
/// skips lines with no characters at all, and tolerates a missing final line break. Fields are never trimmed.
public enum CSVReader {
    /// Parses CSV from raw bytes, which must be UTF-8 (a leading byte order mark is allowed and removed).
    public static func parse(_ bytes: [UInt8]) throws(CSVError) -> CSVTable {
        try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) -> CSVTable in
            var parser = CSVParser(buffer)
            return try parser.parseTable()
        }
    }

    /// Parses CSV from text; a leading U+FEFF byte order mark is removed.
    public static func parse(_ text: String) throws(CSVError) -> CSVTable {
        var text = text
        // String.withUTF8 does not forward typed throws, so the error travels out inside a Result.
        let result = text.withUTF8 { buffer in
            Result { () throws(CSVError) -> CSVTable in
                var parser = CSVParser(buffer)
                return try parser.parseTable()
            }
        }
        return try result.get()
    }

    /// Parses CSV from the bytes of `data`, which must be UTF-8 (a leading byte order mark is allowed and removed).
    public static func parse(_ data: Data) throws(CSVError) -> CSVTable {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(CSVError) -> CSVTable in
                var parser = CSVParser(raw.bindMemory(to: UInt8.self))
                return try parser.parseTable()
            }
        }
        return try result.get()
    }
}
