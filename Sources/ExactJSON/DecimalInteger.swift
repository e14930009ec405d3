/// An integer of any size held as decimal digits, so that exponents like `1e99999999999999999999` stay exact.
///
/// Only addition and comparison are needed: a number's point position is its written exponent plus a shift
/// bounded by the length of its text.
struct DecimalInteger: Hashable, Comparable {
    /// Whether the value is below zero; never true for zero.
    let isNegative: Bool
    /// The magnitude as ASCII digits, most significant first, without leading zeros; empty for zero.
    let magnitude: [UInt8]

    /// Creates the integer with the given sign and ASCII digits; leading zeros are dropped.
    init(isNegative: Bool, digits: some Collection<UInt8>) {
        let significant = Array(digits.drop { $0 == UInt8(ascii: "0") })
        self.isNegative = isNegative && !significant.isEmpty
        self.magnitude = significant
    }

    /// Creates the integer equal to `value`.
    init(_ value: Int) {
        self.init(isNegative: value < 0, digits: String(value.magnitude).utf8)
    }

    /// The value as an `Int`, or nil when it does not fit.
    var int: Int? {
        guard magnitude.count <= 19 else { return nil }
        var total: UInt64 = 0
        for digit in magnitude {
            let (times10, overflowA) = total.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times10.addingReportingOverflow(UInt64(digit &- UInt8(ascii: "0")))
            guard !overflowA, !overflowB else { return nil }
            total = sum
        }
        return Int(magnitude: total, isNegative: isNegative)
    }

    /// The exact sum of two integers.
    static func + (lhs: DecimalInteger, rhs: DecimalInteger) -> DecimalInteger {
        if rhs.magnitude.isEmpty { return lhs }
        if lhs.magnitude.isEmpty { return rhs }
        if lhs.isNegative == rhs.isNegative {
            return DecimalInteger(isNegative: lhs.isNegative, digits: addMagnitudes(lhs.magnitude, rhs.magnitude))
        }
        switch compareMagnitudes(lhs.magnitude, rhs.magnitude) {
        case 0:
            return DecimalInteger(0)
        case 1:
            return DecimalInteger(
                isNegative: lhs.isNegative, digits: subtractMagnitudes(lhs.magnitude, rhs.magnitude))
        default:
            return DecimalInteger(
                isNegative: rhs.isNegative, digits: subtractMagnitudes(rhs.magnitude, lhs.magnitude))
        }
    }

    /// Whether `lhs` is numerically smaller than `rhs`.
    static func < (lhs: DecimalInteger, rhs: DecimalInteger) -> Bool {
        let lhsSign = lhs.signum
        let rhsSign = rhs.signum
        if lhsSign != rhsSign { return lhsSign < rhsSign }
        let order = compareMagnitudes(lhs.magnitude, rhs.magnitude)
        return lhsSign > 0 ? order < 0 : order > 0
    }

    /// -1, 0 or 1 as the value is negative, zero or positive.
    private var signum: Int {
        magnitude.isEmpty ? 0 : (isNegative ? -1 : 1)
    }

    /// -1, 0 or 1 as magnitude `a` is smaller than, equal to or larger than magnitude `b`.
    private static func compareMagnitudes(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for (x, y) in zip(a, b) where x != y {
            return x < y ? -1 : 1
        }
        return 0
    }

    /// The digits of `a + b`, most significant first.
    private static func addMagnitudes(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(max(a.count, b.count) + 1)
        var carry: UInt8 = 0
        var i = a.count - 1
        var j = b.count - 1
        while i >= 0 || j >= 0 || carry > 0 {
            var digit = carry
            if i >= 0 { digit += a[i] - UInt8(ascii: "0") }
            if j >= 0 { digit += b[j] - UInt8(ascii: "0") }
            carry = digit / 10
            result.append(digit % 10 + UInt8(ascii: "0"))
            i -= 1
            j -= 1
        }
        return result.reversed()
    }

    /// The digits of `a - b`, most significant first, for `a` at least `b`; may have leading zeros.
    private static func subtractMagnitudes(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result = a
        var borrow: UInt8 = 0
        var j = b.count - 1
        var i = a.count - 1
        while i >= 0 {
            let subtrahend = (j >= 0 ? b[j] - UInt8(ascii: "0") : 0) + borrow
            let digit = a[i] - UInt8(ascii: "0")
            if digit >= subtrahend {
                result[i] = digit - subtrahend + UInt8(ascii: "0")
                borrow = 0
            } else {
                result[i] = digit + 10 - subtrahend + UInt8(ascii: "0")
                borrow = 1
            }
            i -= 1
            j -= 1
        }
        return result
    }
}

extension Int {
    /// The integer with the given magnitude and sign, or nil when it does not fit (the magnitude of `Int.min` does).
    init?(magnitude: UInt64, isNegative: Bool) {
        if !isNegative {
            guard let value = Int(exactly: magnitude) else { return nil }
            self = value
        } else if magnitude <= UInt64(Int.max) {
            self = -Int(magnitude)
        } else if magnitude == UInt64(Int.max) + 1 {
            self = .min
        } else {
            return nil
        }
    }
}
