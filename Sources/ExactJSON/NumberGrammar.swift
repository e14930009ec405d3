/// The RFC 8259 number grammar, shared by the parser and ``JSONNumber/init(text:)`` so both agree exactly.
///
///     number = [ "-" ] int [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "-" / "+" ] 1*DIGIT ]
///     int    = "0" / ( %x31-39 *DIGIT )
enum NumberGrammar {
    /// The outcome of reading one number.
    enum Scan {
        /// A number runs from the start up to, not including, `end`.
        case valid(end: Int)
        /// The grammar breaks at `offset`, for the reason given.
        case invalid(offset: Int, problem: Problem)
    }

    /// Why a number breaks the grammar.
    enum Problem {
        /// No digit where the number starts.
        case missingDigit
        /// No digit after a minus sign.
        case missingDigitAfterMinus
        /// A zero followed by more integer digits; the offset is the zero's.
        case leadingZero
        /// No digit after the decimal point.
        case missingFractionDigit
        /// No digit after `e`, `E` or the exponent's sign.
        case missingExponentDigit
    }

    /// Reads the longest number starting at `start`; what follows it is the caller's business.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Scan {
        let count = bytes.count
        var index = start
        if index < count, bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        guard index < count, isDigit(bytes[index]) else {
            return .invalid(offset: index, problem: index > start ? .missingDigitAfterMinus : .missingDigit)
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < count, isDigit(bytes[index]) {
                return .invalid(offset: index - 1, problem: .leadingZero)
            }
        } else {
            index = skipDigits(bytes, from: index)
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < count, isDigit(bytes[index]) else {
                return .invalid(offset: index, problem: .missingFractionDigit)
            }
            index = skipDigits(bytes, from: index)
        }
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < count, isDigit(bytes[index]) else {
                return .invalid(offset: index, problem: .missingExponentDigit)
            }
            index = skipDigits(bytes, from: index)
        }
        return .valid(end: index)
    }

    /// Whether `byte` is an ASCII digit.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// The offset of the first non-digit at or after `start`.
    @inline(__always)
    private static func skipDigits(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, isDigit(bytes[index]) {
            index += 1
        }
        return index
    }
}
