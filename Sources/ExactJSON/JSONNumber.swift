import Foundation

/// A JSON number kept exactly as written, so a quantity like `12.345` never passes through `Double`.
///
/// Equality, hashing and ordering go by numeric value, worked out exactly from the digits: `1`, `1.0` and
/// `1e0` are equal, as are `12.345` and `12.3450`, and `-0` equals `0`. The text is kept for writing back.
public struct JSONNumber: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The number exactly as written in the source, such as `12.345`, `-0` or `1e3`.
    public let text: String

    /// Creates a number from its text, or nil unless the whole text is an RFC 8259 number.
    public init?(text: String) {
        var bytes = text
        let isValid = bytes.withUTF8 { buffer in
            if case .valid(let end) = NumberGrammar.scan(buffer, from: 0) { return end == buffer.count }
            return false
        }
        guard isValid else { return nil }
        self.text = text
    }

    /// Creates a number from text the caller has already checked against the grammar.
    init(validatedText text: String) {
        self.text = text
    }

    /// Creates the number written as the decimal form of `value`.
    public init(_ value: Int) {
        self.text = String(value)
    }

    /// Creates the number written as the shortest text that reads back as `value`; nil for infinities and NaN.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        // Swift's description of a finite Double ("0.1", "1e-05", "1e+16") is always a valid JSON number.
        self.init(text: value.description)
    }

    /// Creates the number written as the plain decimal form of `value`; nil for NaN.
    public init?(_ value: Decimal) {
        guard value.isFinite else { return nil }
        self.init(text: value.description)
    }

    /// Creates the number from an integer literal.
    public init(integerLiteral value: Int) {
        self.init(value)
    }

    /// The exact integer value when the number is integral and fits an `Int` (`1e3` is 1000, `2.0` is 2), else nil.
    public var int: Int? {
        if !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }) {
            // Plain integer text: the common case, read directly; nil when it overflows.
            return Int(text)
        }
        let value = canonical
        if value.digits.isEmpty { return 0 }
        guard let point = value.pointPosition.int, point >= value.digits.count, point <= 19 else { return nil }
        var magnitude: UInt64 = 0
        for position in 0..<point {
            let digit = position < value.digits.count ? UInt64(value.digits[position] - UInt8(ascii: "0")) : 0
            let (times10, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times10.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { return nil }
            magnitude = sum
        }
        return Int(magnitude: magnitude, isNegative: value.isNegative)
    }

    /// The nearest `Double`; out-of-range values become infinity or zero with the number's sign.
    public var double: Double {
        if let value = Double(text) { return value }
        // Double(String) accepts every JSON number; this only guards against a platform that refuses overflow.
        let value = canonical
        if value.signum == 0 { return text.hasPrefix("-") ? -0.0 : 0 }
        let isHuge = !value.pointPosition.isNegative
        let magnitude = isHuge ? Double.infinity : 0
        return value.isNegative ? -magnitude : magnitude
    }

    /// The exact value as a `Decimal`, or nil when it needs more than 38 significant digits or a wider exponent.
    public var decimal: Decimal? {
        let value = canonical
        if value.digits.isEmpty { return Decimal.zero }
        guard value.digits.count <= 38, let point = value.pointPosition.int else { return nil }
        let exponent = point - value.digits.count
        guard exponent >= -128, exponent <= 127,
            let significand = Decimal(string: String(decoding: value.digits, as: UTF8.self))
        else { return nil }
        let result = Decimal(sign: value.isNegative ? .minus : .plus, exponent: exponent, significand: significand)
        return result.isFinite ? result : nil
    }

    /// The number's text, exactly as written.
    public var description: String { text }

    /// Whether both numbers have the same numeric value, whatever their text.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.text == rhs.text || lhs.canonical == rhs.canonical
    }

    /// Hashes the numeric value, so equal numbers hash alike whatever their text.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(canonical)
    }

    /// Whether `lhs` is numerically smaller than `rhs`, compared exactly.
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.canonical < rhs.canonical
    }

    /// The value in canonical form; worked out on demand so parsing stays cheap.
    var canonical: CanonicalDecimal {
        CanonicalDecimal(validatedText: text)
    }
}
