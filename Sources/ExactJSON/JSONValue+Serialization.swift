extension JSONValue {
    /// The value as JSON text: compact by default, or indented by two spaces with `"key": value` when `pretty`.
    ///
    /// Numbers are written as their text, object pairs in order (duplicates included) unless `sortedKeys`
    /// orders them by Unicode scalar values. Strings escape `"`, `\` and control characters only; `/` and
    /// non-ASCII characters are written as they are. Pretty output has no final line break.
    public func serialized(pretty: Bool = false, sortedKeys: Bool = false) -> String {
        String(decoding: serializedBytes(pretty: pretty, sortedKeys: sortedKeys), as: UTF8.self)
    }

    /// The value as UTF-8 JSON bytes, written as ``serialized(pretty:sortedKeys:)`` describes.
    public func serializedBytes(pretty: Bool = false, sortedKeys: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty, sortedKeys: sortedKeys)
        writer.write(self, depth: 0)
        return writer.output
    }
}

/// Appends JSON text for values to a byte buffer.
struct JSONWriter {
    /// The bytes written so far.
    private(set) var output: [UInt8] = []
    /// Whether to break lines and indent.
    let pretty: Bool
    /// Whether to order object pairs by key.
    let sortedKeys: Bool

    /// Creates a writer with an empty buffer.
    init(pretty: Bool, sortedKeys: Bool) {
        self.pretty = pretty
        self.sortedKeys = sortedKeys
    }

    /// Appends `value`, nested `depth` levels deep.
    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        case .number(let number):
            output.append(contentsOf: number.text.utf8)
        case .string(let string):
            write(string)
        case .array(let elements):
            guard !elements.isEmpty else {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                breakLine(depth: depth + 1)
                write(element, depth: depth + 1)
            }
            breakLine(depth: depth)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else {
                output.append(contentsOf: "{}".utf8)
                return
            }
            var members = object.members
            if sortedKeys {
                // A stable sort keeps duplicate keys in their source order.
                members.sort { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
            }
            output.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                breakLine(depth: depth + 1)
                write(member.key)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                write(member.value, depth: depth + 1)
            }
            breakLine(depth: depth)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Starts a new line indented for `depth`, when pretty printing.
    private mutating func breakLine(depth: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// Appends `string` in quotes, escaping only what JSON requires.
    private mutating func write(_ string: String) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscape(for: byte)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Appends the escape sequence for a quote, backslash or control character.
    private mutating func appendEscape(for byte: UInt8) {
        let short: UInt8? =
            switch byte {
            case UInt8(ascii: "\""): UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): UInt8(ascii: "\\")
            case UInt8(ascii: "\n"): UInt8(ascii: "n")
            case UInt8(ascii: "\r"): UInt8(ascii: "r")
            case UInt8(ascii: "\t"): UInt8(ascii: "t")
            case 0x08: UInt8(ascii: "b")
            case 0x0C: UInt8(ascii: "f")
            default: nil
            }
        output.append(UInt8(ascii: "\\"))
        if let short {
            output.append(short)
            return
        }
        let hexDigits = Array("0123456789abcdef".utf8)
        output.append(contentsOf: "u00".utf8)
        output.append(hexDigits[Int(byte >> 4)])
        output.append(hexDigits[Int(byte & 0x0F)])
    }
}
