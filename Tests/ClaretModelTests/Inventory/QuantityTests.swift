import ClaretModel
import Testing

@Suite("Quantity keeps a decimal exactly as a canonical digit string")
struct QuantityTests {
    @Test("12.345 stays 12.345, never a float round-trip")
    func exactDecimal() throws {
        let quantity = try #require(Quantity(parsing: "12.345"))
        #expect(quantity.text == "12.345")
        #expect(quantity.description == "12.345")
    }

    @Test("digits beyond a Double's precision are kept")
    func beyondDoublePrecision() throws {
        let text = "12345678901234567890.123456789012345678"
        #expect(Quantity(parsing: text)?.text == text)
        #expect(Quantity(parsing: "0.1")?.text == "0.1")
    }

    @Test(
        "equal values read into the same canonical text",
        arguments: [
            ("5000", "5000"), ("005000", "5000"), ("12.3450", "12.345"), ("2.0", "2"), ("1.5e2", "150"),
            ("1E3", "1000"), ("1e+3", "1000"), ("125e-2", "1.25"), (".5", "0.5"), ("5.", "5"), ("+7", "7"),
            ("0.000", "0"), ("-0", "0"), ("1e-3", "0.001"), (" 12.5\t", "12.5"),
        ])
    func canonicalText(raw: String, canonical: String) {
        #expect(Quantity(parsing: raw)?.text == canonical)
    }

    @Test(
        "text that is not a decimal number is refused",
        arguments: [
            "", " ", "abc", "12a", "1.2.3", "1e", "1e+", "e5", ".", "-", "0x10", "NaN", "Infinity", "1,5", "1 000",
        ])
    func refusesNonNumbers(raw: String) {
        #expect(Quantity(parsing: raw) == nil)
    }

    @Test("an absurd exponent is refused rather than expanded")
    func hugeExponent() {
        #expect(Quantity(parsing: "1e99999") == nil)
        #expect(Quantity(parsing: "1e9999")?.text.count == 10_000)
    }

    @Test("a negative quantity keeps its sign so callers can tell it from a malformed one")
    func negativeKeepsSign() throws {
        let quantity = try #require(Quantity(parsing: "-12.50"))
        #expect(quantity.text == "-12.5")
        #expect(!quantity.isPositive)
    }

    @Test(
        "only values above zero are positive", arguments: [("1", true), ("0.001", true), ("0", false), ("-1", false)])
    func positivity(raw: String, positive: Bool) {
        #expect(Quantity(parsing: raw)?.isPositive == positive)
    }

    @Test("zero is the canonical 0 and not positive")
    func zero() {
        #expect(Quantity.zero.text == "0")
        #expect(!Quantity.zero.isPositive)
        #expect(Quantity(parsing: "0.00") == Quantity.zero)
    }

    @Test("quantities written differently but equal in value are equal")
    func equality() {
        #expect(Quantity(parsing: "12.345") == Quantity(parsing: "1234.5e-2"))
        #expect(Quantity(parsing: "12.345") != Quantity(parsing: "12.3451"))
    }
}
