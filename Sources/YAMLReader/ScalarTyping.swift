import ExactJSON

/// Why a scalar cannot be read as its tag demands, or has a tag this reader does not support.
struct ScalarTypingError: Error, Sendable, Equatable {
    /// ``YAMLError/Kind/unsupportedTag`` or ``YAMLError/Kind/invalidScalar``.
    let kind: YAMLError.Kind
    /// A sentence fragment for ``YAMLError/message``.
    let message: String
}

/// Types scalars by the YAML 1.2 core schema, writing numbers as exact JSON number text.
///
/// Numbers never pass through `Double`: decimal text is only tidied (`+1` → `1`, `.5` → `0.5`,
/// `1.` → `1.0`, `007` → `7`) and `0x`/`0o` integers are converted to decimal digit by digit.
enum ScalarTyping {
    /// The prefix libyaml gives the core tags when it expands `!!`.
    static let corePrefix = "tag:yaml.org,2002:"
    /// The most digits a `0x` or `0o` integer may have; conversion to decimal is quadratic in the length.
    static let maxRadixDigits = 1000

    /// The scalar's JSON value, or why its tag cannot be honoured.
    static func value(of scalar: YAMLScalar) throws(ScalarTypingError) -> JSONValue {
        let text = scalar.text
        guard let tag = scalar.tag else {
            return scalar.isPlain ? try plainValue(text) : .string(text)
        }
        switch tag {
        case "!", corePrefix + "str":
            // The non-specific tag `!` marks a plain scalar as not to be resolved: a string.
            return .string(text)
        case corePrefix + "null":
            guard isNull(text) else { throw mismatch(tag, needs: "null, ~ or nothing", found: text) }
            return .null
        case corePrefix + "bool":
            guard let flag = bool(text) else { throw mismatch(tag, needs: "true or false", found: text) }
            return .bool(flag)
        case corePrefix + "int":
            guard let number = try integer(text) else { throw mismatch(tag, needs: "an integer", found: text) }
            return .number(number)
        case corePrefix + "float":
            if let number = try integer(text) ?? float(text) { return .number(number) }
            if isSpecialFloat(text) {
                throw ScalarTypingError(
                    kind: .invalidScalar,
                    message: "tag \(displayName(ofTag: tag)) cannot hold \(quoted(text)): JSON has no infinity or NaN")
            }
            throw mismatch(tag, needs: "a number", found: text)
        default:
            throw ScalarTypingError(kind: .unsupportedTag, message: "unsupported tag \(displayName(ofTag: tag))")
        }
    }

    /// The value of an untagged plain scalar: null, Boolean, integer or float when its text says so, else a string.
    static func plainValue(_ text: String) throws(ScalarTypingError) -> JSONValue {
        if isNull(text) { return .null }
        if let flag = bool(text) { return .bool(flag) }
        if let number = try integer(text) ?? float(text) { return .number(number) }
        // `.inf` and `.nan` are floats in YAML, but JSON cannot write them, so they stay strings.
        return .string(text)
    }

    /// Whether `text` is one of the core schema's spellings of null.
    static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The Boolean `text` spells in the core schema, or nil.
    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// Whether `text` is the core schema's infinity or NaN, which JSON cannot represent.
    static func isSpecialFloat(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        return [".inf", ".Inf", ".INF"].contains(body) || [".nan", ".NaN", ".NAN"].contains(text)
    }

    /// The integer `text` spells (`[-+]?[0-9]+`, `0x[0-9a-fA-F]+` or `0o[0-7]+`) as decimal JSON text, or nil.
    static func integer(_ text: String) throws(ScalarTypingError) -> JSONNumber? {
        let bytes = Array(text.utf8)
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"),
            bytes[1] == UInt8(ascii: "x") || bytes[1] == UInt8(ascii: "o")
        {
            let radix: UInt64 = bytes[1] == UInt8(ascii: "x") ? 16 : 8
            let digits = bytes[2...]
            guard digits.allSatisfy({ digitValue($0).map { $0 < radix } ?? false }) else { return nil }
            guard digits.count <= maxRadixDigits else {
                let limit = "an integer in base \(radix) may have at most \(maxRadixDigits) digits"
                throw ScalarTypingError(kind: .invalidScalar, message: "\(limit), found \(digits.count)")
            }
            return JSONNumber(text: decimalText(of: digits, radix: radix))
        }
        var digits = bytes[...]
        let isNegative = digits.first == UInt8(ascii: "-")
        if isNegative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy(isDecimalDigit) else { return nil }
        return JSONNumber(text: (isNegative ? "-" : "") + withoutLeadingZeros(digits))
    }

    /// The float `text` spells by the core schema's pattern, as JSON number text, or nil.
    ///
    /// The pattern is `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`.
    static func float(_ text: String) -> JSONNumber? {
        let bytes = Array(text.utf8)
        var index = 0
        var isNegative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            isNegative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        let integerStart = index
        while index < bytes.count, isDecimalDigit(bytes[index]) { index += 1 }
        let integerDigits = bytes[integerStart..<index]
        var fractionDigits: ArraySlice<UInt8>?
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, isDecimalDigit(bytes[index]) { index += 1 }
            fractionDigits = bytes[fractionStart..<index]
        }
        guard !integerDigits.isEmpty || !(fractionDigits?.isEmpty ?? true) else { return nil }
        var exponent: ArraySlice<UInt8> = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            let exponentStart = index
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            let digitsStart = index
            while index < bytes.count, isDecimalDigit(bytes[index]) { index += 1 }
            guard index > digitsStart else { return nil }
            exponent = bytes[exponentStart..<index]
        }
        guard index == bytes.count else { return nil }
        // JSON wants a digit on both sides of the point and no leading zeros; the exponent is fine as written.
        var result = isNegative ? "-" : ""
        result += integerDigits.isEmpty ? "0" : withoutLeadingZeros(integerDigits)
        if let fractionDigits {
            result += "." + (fractionDigits.isEmpty ? "0" : String(decoding: fractionDigits, as: UTF8.self))
        }
        result += String(decoding: exponent, as: UTF8.self)
        return JSONNumber(text: result)
    }

    /// The decimal text of the unsigned integer whose base-`radix` digits are `digits`, however long.
    static func decimalText(of digits: ArraySlice<UInt8>, radix: UInt64) -> String {
        let limbBase: UInt64 = 1_000_000_000
        // Little-endian limbs of nine decimal digits each.
        var limbs: [UInt64] = [0]
        for digit in digits {
            var carry = UInt64(digitValue(digit) ?? 0)
            for index in limbs.indices {
                let value = limbs[index] * radix + carry
                limbs[index] = value % limbBase
                carry = value / limbBase
            }
            while carry > 0 {
                limbs.append(carry % limbBase)
                carry /= limbBase
            }
        }
        while limbs.count > 1, limbs.last == 0 { limbs.removeLast() }
        var text = String(limbs[limbs.count - 1])
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }

    /// The value of an ASCII hexadecimal digit, or nil.
    static func digitValue(_ byte: UInt8) -> UInt64? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt64(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt64(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt64(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Whether `byte` is an ASCII decimal digit.
    static func isDecimalDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Decimal digits with leading zeros dropped, keeping one digit: `007` → `7`, `000` → `0`.
    static func withoutLeadingZeros(_ digits: ArraySlice<UInt8>) -> String {
        let significant = digits.drop { $0 == UInt8(ascii: "0") }
        return significant.isEmpty ? "0" : String(decoding: significant, as: UTF8.self)
    }

    /// A core tag in its short `!!name` form; any other tag as written.
    static func displayName(ofTag tag: String) -> String {
        tag.hasPrefix(corePrefix) ? "!!" + tag.dropFirst(corePrefix.count) : tag
    }

    /// The error for a scalar whose text does not fit its tag.
    static func mismatch(_ tag: String, needs expectation: String, found text: String) -> ScalarTypingError {
        ScalarTypingError(
            kind: .invalidScalar,
            message: "tag \(displayName(ofTag: tag)) needs \(expectation), found \(quoted(text))")
    }

    /// `text` in single quotes for a message, shortened when long.
    static func quoted(_ text: String) -> String {
        text.count > 40 ? "'\(text.prefix(40))…'" : "'\(text)'"
    }
}
