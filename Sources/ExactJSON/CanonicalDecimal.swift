/// A number's value in a form where equal values look identical, so equality never goes through `Double`.
///
/// The value is `0.d₁d₂…dₙ × 10^pointPosition`, with the sign in front: `12.345`, `12.3450` and `1.2345e1`
/// all become digits `12345` at point position 2. Zero has no digits, no sign and point position zero, so
/// `-0` equals `0`.
struct CanonicalDecimal: Hashable, Comparable {
    /// Whether the value is below zero; never true for zero.
    let isNegative: Bool
    /// The significant digits as ASCII, without leading or trailing zeros; empty for zero.
    let digits: [UInt8]
    /// Where the decimal point sits relative to the first significant digit.
    let pointPosition: DecimalInteger

    /// Reads text already known to match the JSON number grammar.
    init(validatedText text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { index += 1 }

        var mantissa: [UInt8] = []
        mantissa.reserveCapacity(bytes.count)
        while index < bytes.count, NumberGrammar.isDigit(bytes[index]) {
            mantissa.append(bytes[index])
            index += 1
        }
        let integerDigitCount = mantissa.count
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, NumberGrammar.isDigit(bytes[index]) {
                mantissa.append(bytes[index])
                index += 1
            }
        }
        var exponent = DecimalInteger(0)
        if index < bytes.count {  // at "e" or "E"
            index += 1
            var exponentNegative = false
            if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            exponent = DecimalInteger(isNegative: exponentNegative, digits: bytes[index...])
        }

        guard let first = mantissa.firstIndex(where: { $0 != UInt8(ascii: "0") }),
            let last = mantissa.lastIndex(where: { $0 != UInt8(ascii: "0") })
        else {
            self.isNegative = false
            self.digits = []
            self.pointPosition = DecimalInteger(0)
            return
        }
        self.isNegative = negative
        self.digits = Array(mantissa[first...last])
        // Dropping leading zeros moves the point left; trailing zeros after it change nothing.
        self.pointPosition = exponent + DecimalInteger(integerDigitCount - first)
    }

    /// Whether `lhs` is numerically smaller than `rhs`.
    static func < (lhs: CanonicalDecimal, rhs: CanonicalDecimal) -> Bool {
        let lhsSign = lhs.signum
        let rhsSign = rhs.signum
        if lhsSign != rhsSign { return lhsSign < rhsSign }
        if lhsSign == 0 { return false }
        return lhsSign > 0 ? lhs.hasSmallerMagnitude(than: rhs) : rhs.hasSmallerMagnitude(than: lhs)
    }

    /// -1, 0 or 1 as the value is negative, zero or positive.
    var signum: Int {
        digits.isEmpty ? 0 : (isNegative ? -1 : 1)
    }

    /// Whether this non-zero value is closer to zero than the non-zero `other`.
    private func hasSmallerMagnitude(than other: CanonicalDecimal) -> Bool {
        if pointPosition != other.pointPosition { return pointPosition < other.pointPosition }
        // With the point in the same place and no trailing zeros, digit order is numeric order: 0.12 < 0.123.
        return digits.lexicographicallyPrecedes(other.digits)
    }
}
