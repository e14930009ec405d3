/// A positive decimal quantity kept exactly as a digit string, never as a binary float.
///
/// `12.345` stays `12.345`; exponents are expanded (`1.5e2` becomes `150`), leading zeros and trailing
/// fractional zeros are dropped, so two equal quantities have the same `text`.
public struct Quantity: Sendable, Hashable, CustomStringConvertible {
    /// The canonical decimal text, e.g. `5000` or `12.345`.
    public let text: String

    /// Parses decimal text in JSON-number or plain form (`12.5`, `-1`, `1e3`, `.5`); nil when it is not a number.
    /// The sign is kept, so callers can tell a negative quantity from a malformed one.
    public init?(parsing raw: String) {
        guard let canonical = Quantity.canonicalize(raw.trimmingSpaces) else { return nil }
        text = canonical
    }

    /// Whether the quantity is greater than zero.
    public var isPositive: Bool { !text.hasPrefix("-") && text != "0" }

    public var description: String { text }

    /// Zero, for places that need a value where none was stored.
    public static let zero = Quantity(canonical: "0")

    private init(canonical: String) { text = canonical }

    /// Turns a number's text into plain decimal form, or nil when it is not a decimal number.
    private static func canonicalize(_ raw: String) -> String? {
        var bytes = Array(raw.utf8)
        guard !bytes.isEmpty else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        var integerDigits: [UInt8] = []
        var fractionDigits: [UInt8] = []
        var exponent = 0
        var index = 0
        while index < bytes.count, isDigit(bytes[index]) {
            integerDigits.append(bytes[index])
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) {
                fractionDigits.append(bytes[index])
                index += 1
            }
        }
        guard !integerDigits.isEmpty || !fractionDigits.isEmpty else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var digits = 0
            while index < bytes.count, isDigit(bytes[index]) {
                // Exponents beyond a few thousand digits are not quantities anyone sends; refuse them
                // rather than build enormous strings.
                exponent = exponent * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                guard exponent < 10_000 else { return nil }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        guard index == bytes.count else { return nil }

        // Move the decimal point by the exponent.
        var digits = integerDigits + fractionDigits
        var pointPosition = integerDigits.count + exponent
        if pointPosition < 0 {
            digits = Array(repeating: UInt8(ascii: "0"), count: -pointPosition) + digits
            pointPosition = 0
        }
        if pointPosition > digits.count {
            digits += Array(repeating: UInt8(ascii: "0"), count: pointPosition - digits.count)
        }
        var whole = Array(digits[..<pointPosition])
        var fraction = Array(digits[pointPosition...])
        while let first = whole.first, first == UInt8(ascii: "0") { whole.removeFirst() }
        while let last = fraction.last, last == UInt8(ascii: "0") { fraction.removeLast() }
        if whole.isEmpty { whole = [UInt8(ascii: "0")] }
        var result = String(decoding: whole, as: UTF8.self)
        if !fraction.isEmpty { result += "." + String(decoding: fraction, as: UTF8.self) }
        if negative && result != "0" { result = "-" + result }
        return result
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

extension String {
    /// The string without leading and trailing spaces and tabs (Foundation-free).
    var trimmingSpaces: String {
        // Fast path: almost every value has nothing to trim, and this runs for every cell of an import.
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        let space = UInt8(ascii: " ")
        let tab = UInt8(ascii: "\t")
        if first != space && first != tab && last != space && last != tab { return self }
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return String(view)
    }
}
