import ExactJSON

/// Writes a JSON value as block-style YAML that people can read and edit.
///
/// Strings are plain when that is unambiguous and double-quoted (with JSON escapes, which YAML's double
/// quotes accept) otherwise, so reading the text back gives exactly the same value; multi-line strings
/// become literal blocks.
enum YAMLWriter {
    static func write(_ value: JSONValue) -> String {
        if case .string(let text) = value { return quoted(text) + "\n" }
        var lines: [String] = []
        emit(value, indent: 0, into: &lines, afterKey: false)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ indent: Int) -> String { String(repeating: "  ", count: indent) }

    private static func emit(_ value: JSONValue, indent: Int, into lines: inout [String], afterKey: Bool) {
        switch value {
        case .object(let object) where object.count > 0:
            for (key, child) in object {
                let prefix = pad(indent) + scalar(.string(key)) + ":"
                if isInline(child) {
                    lines.append(prefix + " " + inline(child, indent: indent + 1))
                } else {
                    lines.append(prefix)
                    emit(child, indent: indent + 1, into: &lines, afterKey: true)
                }
            }
        case .array(let elements) where !elements.isEmpty:
            for element in elements {
                if isInline(element) {
                    lines.append(pad(indent) + "- " + inline(element, indent: indent + 1))
                } else {
                    // The element's first line goes after the dash; the rest align with it.
                    var nested: [String] = []
                    emit(element, indent: indent + 1, into: &nested, afterKey: false)
                    if let first = nested.first {
                        lines.append(pad(indent) + "- " + first.dropFirst(pad(indent + 1).count))
                        lines += nested.dropFirst()
                    }
                }
            }
        default:
            lines.append(pad(indent) + inline(value, indent: indent))
        }
    }

    private static func isInline(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object): return object.count == 0
        case .array(let elements): return elements.isEmpty
        default: return true
        }
    }

    private static func inline(_ value: JSONValue, indent: Int) -> String {
        switch value {
        case .object: return "{}"
        case .array: return "[]"
        case .string(let text) where isBlockSafe(text):
            let body = text.split(separator: "\n", omittingEmptySubsequences: false).map { pad(indent) + $0 }
            let chomp = text.hasSuffix("\n") ? "" : "-"
            let lines = text.hasSuffix("\n") ? body.dropLast() : body[...]
            return "|\(chomp)\n" + lines.joined(separator: "\n")
        default: return scalar(value)
        }
    }

    /// Whether a multi-line string reads back exactly from a literal block (`|` or `|-`): plain `\n` line
    /// breaks only, no leading blank or indentation on its first line, at most one final line break.
    static func isBlockSafe(_ text: String) -> Bool {
        guard text.unicodeScalars.contains("\n"), let first = text.unicodeScalars.first, first != " ", first != "\t",
            first != "\n", !text.hasSuffix("\n\n")
        else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar == "\n"
                || (scalar.value >= 0x20 && scalar.value != 0x7F && scalar.value != 0x85
                    && scalar.value != 0x2028 && scalar.value != 0x2029 && scalar.value != 0xFEFF)
        }
    }

    /// A double-quoted scalar: JSON's escapes, which YAML shares, plus YAML's own for the characters it
    /// would otherwise read as line breaks.
    static func quoted(_ text: String) -> String {
        JSONValue.string(text).serialized()
            .replacingOccurrences(of: "\u{85}", with: "\\N")
            .replacingOccurrences(of: "\u{2028}", with: "\\L")
            .replacingOccurrences(of: "\u{2029}", with: "\\P")
    }

    /// A scalar that reads back as the same JSON value.
    static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.text
        case .string(let text): return isPlainSafe(text) ? text : quoted(text)
        default: return value.serialized()
        }
    }

    /// Whether a string can be written unquoted without YAML reading it as something else.
    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, first != " ", last != " " else { return false }
        let reserved: Set<String> = [
            "<<", "null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "no", "on",
            "off",
            "Yes", "No", "On", "Off",
        ]
        if reserved.contains(text) || JSONNumber(text: text) != nil { return false }
        if Double(text) != nil || text.hasPrefix("0x") || text.hasPrefix("0o") || text.hasPrefix(".") { return false }
        let indicators: Set<Character> = [
            "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
        ]
        if indicators.contains(first) { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
        return text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && $0.value < 0x80 }
    }
}
