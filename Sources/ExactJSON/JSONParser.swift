import Foundation

/// Reads strict RFC 8259 JSON into a ``JSONValue``, keeping numbers as written and object pairs in order.
///
/// Refused, each with its position: trailing commas, comments, leading zeros, `NaN` and other non-JSON
/// words, raw control characters in strings, escapes JSON does not define, unpaired surrogate escapes,
/// bytes that are not UTF-8, anything but whitespace after the value, and nesting deeper than `maxDepth`
/// arrays and objects. A leading UTF-8 byte order mark is skipped. Duplicate keys are kept.
public enum JSONParser {
    /// Parses a complete JSON text from UTF-8 bytes, which may start with a byte order mark.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 512) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONValue in
            var parser = JSONByteParser(buffer, maxDepth: maxDepth)
            return try parser.parseDocument()
        }
    }

    /// Parses a complete JSON text; a leading U+FEFF byte order mark is skipped.
    public static func parse(_ text: String, maxDepth: Int = 512) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        // String.withUTF8 does not forward typed throws, so the error travels out inside a Result.
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in
                var parser = JSONByteParser(buffer, maxDepth: maxDepth)
                return try parser.parseDocument()
            }
        }
        return try result.get()
    }

    /// Parses a complete JSON text from the UTF-8 bytes of `data`, which may start with a byte order mark.
    public static func parse(_ data: Data, maxDepth: Int = 512) throws(JSONSyntaxError) -> JSONValue {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(JSONSyntaxError) -> JSONValue in
                var parser = JSONByteParser(raw.bindMemory(to: UInt8.self), maxDepth: maxDepth)
                return try parser.parseDocument()
            }
        }
        return try result.get()
    }
}
