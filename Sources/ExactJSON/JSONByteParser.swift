/// The byte-level reader behind ``JSONParser``; it lives only as long as the buffer it reads.
///
/// It is iterative, not recursive: open arrays and objects are frames on a heap stack, and finished
/// values wait on a shared value stack until their container closes. Nesting therefore costs heap, and
/// `maxDepth` is a policy limit rather than the only thing standing between a hostile body and a crash.
struct JSONByteParser {
    /// An array or object that is open.
    private struct Frame {
        /// Whether the container is an object (else an array).
        let isObject: Bool
        /// Where the container's values start on the value stack.
        let valueStart: Int
        /// Where the container's keys start on the key stack (objects only).
        let keyStart: Int
    }

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
    private static let comma = UInt8(ascii: ",")
    private static let colon = UInt8(ascii: ":")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
    private static let afterMember = "expected ',' or '}' after an object member"
    private static let afterElement = "expected ',' or ']' after an array element"

    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    /// The offset of the next byte to read.
    private var index = 0
    /// The open containers, innermost last.
    private var frames: [Frame] = []
    /// Finished values of all open containers, innermost container's last.
    private var values: [JSONValue] = []
    /// Keys of all open objects, paired by position with their values.
    private var keys: [String] = []
    /// Reused buffer for strings with escapes.
    private var scratch: [UInt8] = []

    /// Prepares to read `bytes`, allowing at most `maxDepth` nested arrays and objects.
    init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Reads the whole buffer as one JSON value surrounded by optional whitespace.
    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
        }
        skipWhitespace()
        guard index < bytes.count else {
            throw failure(.emptyBody, "the body is empty", at: index)
        }
        // Each pass reads one value, then climbs out of every container that value completes.
        reading: while true {
            skipWhitespace()
            guard index < bytes.count else {
                throw failure(.unexpectedEnd, "unexpected end of input; expected a value", at: index)
            }
            var value: JSONValue
            switch bytes[index] {
            case Self.openBrace:
                try enterContainer(isObject: true)
                skipWhitespace()
                guard index < bytes.count, bytes[index] == Self.closeBrace else {
                    try readMemberKey()
                    continue reading
                }
                index += 1
                frames.removeLast()
                value = .object(JSONObject())
            case Self.openBracket:
                try enterContainer(isObject: false)
                skipWhitespace()
                guard index < bytes.count, bytes[index] == Self.closeBracket else { continue reading }
                index += 1
                frames.removeLast()
                value = .array([])
            case Self.quote:
                value = .string(try readString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try readNumber())
            case UInt8(ascii: "t"):
                try readLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try readLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try readLiteral("null")
                value = .null
            case Self.closeBracket where previousSignificantByte() == Self.comma:
                throw failure(.trailingComma, "expected a value after ',', found ']' (trailing commas are not allowed)")
            default:
                throw unexpected("expected a value")
            }

            while let frame = frames.last {
                values.append(value)
                skipWhitespace()
                guard index < bytes.count else {
                    throw unexpected(frame.isObject ? Self.afterMember : Self.afterElement)
                }
                let byte = bytes[index]
                if byte == Self.comma {
                    index += 1
                    if frame.isObject {
                        skipWhitespace()
                        try readMemberKey()
                    }
                    continue reading
                }
                guard byte == (frame.isObject ? Self.closeBrace : Self.closeBracket) else {
                    throw unexpected(frame.isObject ? Self.afterMember : Self.afterElement)
                }
                index += 1
                frames.removeLast()
                value = frame.isObject ? .object(takeObject(frame)) : .array(takeArray(frame))
            }
            skipWhitespace()
            guard index == bytes.count else {
                throw unexpected(.trailingContent, "expected the end of input after the JSON value")
            }
            return value
        }
    }

    // MARK: - Containers

    /// Opens an array or object at the current `[` or `{`, refusing to nest deeper than the limit.
    private mutating func enterContainer(isObject: Bool) throws(JSONSyntaxError) {
        guard frames.count < maxDepth else {
            throw failure(.tooDeep, "arrays and objects nest deeper than the limit of \(maxDepth)")
        }
        frames.append(Frame(isObject: isObject, valueStart: values.count, keyStart: keys.count))
        index += 1
    }

    /// Reads `"key"` and the `:` after it, leaving the reader at the member's value.
    private mutating func readMemberKey() throws(JSONSyntaxError) {
        guard index < bytes.count, bytes[index] == Self.quote else {
            if index < bytes.count, bytes[index] == Self.closeBrace {
                throw failure(
                    .trailingComma, "expected a string key after ',', found '}' (trailing commas are not allowed)")
            }
            throw unexpected("expected a string key")
        }
        keys.append(try readString())
        skipWhitespace()
        guard index < bytes.count, bytes[index] == Self.colon else {
            throw unexpected("expected ':' after an object key")
        }
        index += 1
    }

    /// Moves the values of the closing array off the value stack.
    private mutating func takeArray(_ frame: Frame) -> [JSONValue] {
        let elements = Array(values[frame.valueStart...])
        values.removeSubrange(frame.valueStart...)
        return elements
    }

    /// Moves the keys and values of the closing object off their stacks.
    private mutating func takeObject(_ frame: Frame) -> JSONObject {
        var members: [JSONObject.Member] = []
        members.reserveCapacity(values.count - frame.valueStart)
        for (key, value) in zip(keys[frame.keyStart...], values[frame.valueStart...]) {
            members.append(JSONObject.Member(key: key, value: value))
        }
        keys.removeSubrange(frame.keyStart...)
        values.removeSubrange(frame.valueStart...)
        return JSONObject(members: members)
    }

    // MARK: - Scalars

    /// Reads the number starting at the current byte.
    private mutating func readNumber() throws(JSONSyntaxError) -> JSONNumber {
        switch NumberGrammar.scan(bytes, from: index) {
        case .valid(let end):
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
            index = end
            return JSONNumber(validatedText: text)
        case .invalid(let offset, let problem):
            index = offset
            switch problem {
            case .leadingZero:
                throw failure(.invalidNumber, "a number cannot start with a leading zero")
            case .missingDigit:
                throw unexpected(.invalidNumber, "expected a digit")
            case .missingDigitAfterMinus:
                throw unexpected(.invalidNumber, "expected a digit after '-'")
            case .missingFractionDigit:
                throw unexpected(.invalidNumber, "expected a digit after the decimal point")
            case .missingExponentDigit:
                throw unexpected(.invalidNumber, "expected a digit in the exponent")
            }
        }
    }

    /// Reads `word` at the current byte, which is its first letter.
    private mutating func readLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let matches = word.withUTF8Buffer { expected in
            index + expected.count <= bytes.count
                && UnsafeBufferPointer(rebasing: bytes[index..<index + expected.count]).elementsEqual(expected)
        }
        guard matches else {
            throw failure(.invalidLiteral, "expected '\(word)'")
        }
        index += word.utf8CodeUnitCount
    }

    /// Reads the string whose opening quote is the current byte and moves past its closing quote.
    private mutating func readString() throws(JSONSyntaxError) -> String {
        let start = index + 1
        var cursor = start
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == Self.quote {
                index = cursor + 1
                // The bytes are checked UTF-8 already, so decoding repairs nothing.
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cursor]), as: UTF8.self)
            }
            if byte == Self.backslash {
                return try readEscapedString(from: start, firstEscape: cursor)
            }
            cursor = try skipCharacter(at: cursor)
        }
        index = cursor
        throw failure(.unexpectedEnd, "unexpected end of input inside a string")
    }

    /// Finishes a string that has escapes, decoding into the scratch buffer.
    private mutating func readEscapedString(from start: Int, firstEscape: Int) throws(JSONSyntaxError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<firstEscape]))
        var cursor = firstEscape
        var runStart = firstEscape
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == Self.quote {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<cursor]))
                index = cursor + 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == Self.backslash {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<cursor]))
                cursor = try readEscape(at: cursor)
                runStart = cursor
            } else {
                cursor = try skipCharacter(at: cursor)
            }
        }
        index = cursor
        throw failure(.unexpectedEnd, "unexpected end of input inside a string")
    }

    /// Checks the unescaped character at `offset` inside a string and returns the offset after it.
    @inline(__always)
    private mutating func skipCharacter(at offset: Int) throws(JSONSyntaxError) -> Int {
        let byte = bytes[offset]
        if byte >= 0x20, byte < 0x80 { return offset + 1 }
        index = offset
        if byte < 0x20 {
            throw failure(.controlCharacter, "control character \(Self.codePoint(byte)) must be escaped in a string")
        }
        guard let end = utf8SequenceEnd(at: offset) else { throw invalidUTF8() }
        return end
    }

    /// Decodes the escape whose backslash is at `offset` into the scratch buffer; returns the offset after it.
    private mutating func readEscape(at offset: Int) throws(JSONSyntaxError) -> Int {
        guard offset + 1 < bytes.count else {
            index = bytes.count
            throw failure(.unexpectedEnd, "unexpected end of input inside a string")
        }
        let decoded: UInt8
        switch bytes[offset + 1] {
        case Self.quote: decoded = Self.quote
        case Self.backslash: decoded = Self.backslash
        case UInt8(ascii: "/"): decoded = UInt8(ascii: "/")
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = UInt8(ascii: "\n")
        case UInt8(ascii: "r"): decoded = UInt8(ascii: "\r")
        case UInt8(ascii: "t"): decoded = UInt8(ascii: "\t")
        case UInt8(ascii: "u"):
            return try readUnicodeEscape(at: offset)
        default:
            index = offset + 1
            throw unexpected(.invalidEscape, "expected one of \" \\ / b f n r t u after a backslash")
        }
        scratch.append(decoded)
        return offset + 2
    }

    /// Decodes `\uXXXX` at `offset`, with its low-surrogate partner when it is a high surrogate.
    private mutating func readUnicodeEscape(at offset: Int) throws(JSONSyntaxError) -> Int {
        let unit = try readHexQuad(at: offset + 2)
        var scalarValue = UInt32(unit)
        var end = offset + 6
        switch unit {
        case 0xD800...0xDBFF:
            let hasPartner =
                end + 1 < bytes.count && bytes[end] == Self.backslash && bytes[end + 1] == UInt8(ascii: "u")
            let low = hasPartner ? try readHexQuad(at: end + 2) : 0
            guard (0xDC00...0xDFFF).contains(low) else {
                index = offset
                throw failure(
                    .unpairedSurrogate,
                    "high surrogate \(Self.codePoint(unit)) is not followed by a low surrogate escape")
            }
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            end += 6
        case 0xDC00...0xDFFF:
            index = offset
            throw failure(.unpairedSurrogate, "low surrogate \(Self.codePoint(unit)) has no high surrogate before it")
        default:
            break
        }
        appendUTF8(scalarValue)
        return end
    }

    /// Reads the four hex digits of a `\u` escape starting at `offset`.
    private mutating func readHexQuad(at offset: Int) throws(JSONSyntaxError) -> UInt16 {
        var unit: UInt16 = 0
        for position in offset..<offset + 4 {
            guard position < bytes.count else {
                index = bytes.count
                throw failure(.unexpectedEnd, "unexpected end of input inside a string")
            }
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                index = position
                throw unexpected(.invalidEscape, "expected four hex digits after \\u")
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    /// Appends the UTF-8 encoding of a scalar value (never a surrogate) to the scratch buffer.
    private mutating func appendUTF8(_ value: UInt32) {
        switch value {
        case 0..<0x80:
            scratch.append(UInt8(value))
        case 0x80..<0x800:
            scratch.append(0xC0 | UInt8(value >> 6))
            scratch.append(0x80 | UInt8(value & 0x3F))
        case 0x800..<0x10000:
            scratch.append(0xE0 | UInt8(value >> 12))
            scratch.append(0x80 | UInt8(value >> 6 & 0x3F))
            scratch.append(0x80 | UInt8(value & 0x3F))
        default:
            scratch.append(0xF0 | UInt8(value >> 18))
            scratch.append(0x80 | UInt8(value >> 12 & 0x3F))
            scratch.append(0x80 | UInt8(value >> 6 & 0x3F))
            scratch.append(0x80 | UInt8(value & 0x3F))
        }
    }

    // MARK: - Bytes

    /// Moves past spaces, tabs, line feeds and carriage returns.
    @inline(__always)
    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    /// The offset after the well-formed UTF-8 sequence starting at `offset`, or nil when it is malformed.
    ///
    /// Follows RFC 3629: no overlong forms, no encoded surrogates, nothing above U+10FFFF.
    private func utf8SequenceEnd(at offset: Int) -> Int? {
        func continues(_ position: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            position < bytes.count && range.contains(bytes[position])
        }
        let valid: Bool
        let length: Int
        switch bytes[offset] {
        case 0x00...0x7F:
            return offset + 1
        case 0xC2...0xDF:
            (valid, length) = (continues(offset + 1), 2)
        case 0xE0:
            (valid, length) = (continues(offset + 1, 0xA0...0xBF) && continues(offset + 2), 3)
        case 0xE1...0xEC, 0xEE...0xEF:
            (valid, length) = (continues(offset + 1) && continues(offset + 2), 3)
        case 0xED:
            (valid, length) = (continues(offset + 1, 0x80...0x9F) && continues(offset + 2), 3)
        case 0xF0:
            (valid, length) = (continues(offset + 1, 0x90...0xBF) && continues(offset + 2) && continues(offset + 3), 4)
        case 0xF1...0xF3:
            (valid, length) = (continues(offset + 1) && continues(offset + 2) && continues(offset + 3), 4)
        case 0xF4:
            (valid, length) = (continues(offset + 1, 0x80...0x8F) && continues(offset + 2) && continues(offset + 3), 4)
        default:
            return nil
        }
        return valid ? offset + length : nil
    }

    /// The last byte before `index` that is not whitespace, if any.
    private func previousSignificantByte() -> UInt8? {
        var position = index - 1
        while position >= 0 {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position -= 1
            default: return bytes[position]
            }
        }
        return nil
    }

    // MARK: - Errors

    /// An error of `kind` at the current offset.
    private func failure(_ kind: JSONSyntaxError.Kind, _ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(kind: kind, message: message, offset: offset ?? index, in: bytes)
    }

    /// An error for the byte at the current offset, which is not what `expectation` says should be there.
    ///
    /// The end of input and malformed UTF-8 get their own kinds, as they are the more useful diagnosis.
    private func unexpected(_ kind: JSONSyntaxError.Kind, _ expectation: String) -> JSONSyntaxError {
        guard index < bytes.count else {
            return failure(.unexpectedEnd, "unexpected end of input; \(expectation)")
        }
        guard bytes[index] < 0x80 || utf8SequenceEnd(at: index) != nil else {
            return invalidUTF8()
        }
        return failure(kind, "\(expectation), found \(describeCharacter(at: index))")
    }

    /// An unexpected-character error for the byte at the current offset (or the end, or bad UTF-8, as fits).
    private func unexpected(_ expectation: String) -> JSONSyntaxError {
        unexpected(.unexpectedCharacter, expectation)
    }

    /// An error for the malformed UTF-8 sequence at the current offset.
    private func invalidUTF8() -> JSONSyntaxError {
        let hex = String(bytes[index], radix: 16, uppercase: true)
        return failure(.invalidUTF8, "invalid UTF-8: byte 0x\(hex) does not start a well-formed sequence")
    }

    /// The character at `offset`, quoted when printable, as a code point when not.
    private func describeCharacter(at offset: Int) -> String {
        let byte = bytes[offset]
        if byte > 0x20, byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        guard byte >= 0x80, let end = utf8SequenceEnd(at: offset),
            let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
                .unicodeScalars.first
        else {
            return Self.codePoint(byte)
        }
        return "'\(scalar)' (\(Self.codePoint(scalar.value)))"
    }

    /// `value` written as `U+XXXX`.
    private static func codePoint(_ value: some BinaryInteger) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
