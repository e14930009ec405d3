import Foundation
import Testing

@testable import ExactJSON

/// The number written as `text`, which the test expects to be valid.
func number(_ text: String) throws -> JSONNumber {
    try #require(JSONNumber(text: text))
}

@Suite("JSONNumber keeps numbers exact and compares them by value")
struct JSONNumberTests {
    @Test(
        "valid RFC 8259 number text is accepted and kept as written",
        arguments: [
            "0", "-0", "7", "-12", "12.345", "12.3450", "-0.5e-10", "1e3", "1E+3", "1e-0", "0.0", "0e0",
            "123456789012345678901234567890", "1e99999999999999999999", "9.99e-999",
        ])
    func validText(text: String) throws {
        #expect(try number(text).text == text)
        #expect(try number(text).description == text)
    }

    @Test(
        "text that is not exactly one JSON number is refused",
        arguments: [
            "", "-", "+1", "01", "-01", "00", ".5", "1.", "1e", "1e+", "1.e3", "NaN", "Infinity", "-Infinity",
            " 1", "1 ", "0x10", "--1", "1.2.3", "1e3e4", "１", "1_000", "12,5",
        ])
    func invalidText(text: String) {
        #expect(JSONNumber(text: text) == nil)
    }

    @Test(
        "numbers written differently but equal in value are equal",
        arguments: [
            ("1", "1.0"), ("1", "1e0"), ("1.0", "1E0"), ("12.345", "12.3450"), ("12.345", "1.2345e1"),
            ("-0", "0"), ("0.0", "-0e10"), ("100", "1e2"), ("100", "1000e-1"), ("0.001", "1e-3"),
            ("-2.5", "-25e-1"), ("123456789012345678901234567890", "1.23456789012345678901234567890e29"),
            ("1e99999999999999999999", "10e99999999999999999998"),
            ("1e-99999999999999999999", "0.1e-99999999999999999998"),
        ])
    func equalValues(lhs: String, rhs: String) throws {
        #expect(try number(lhs) == number(rhs))
        #expect(try number(lhs).hashValue == number(rhs).hashValue)
    }

    @Test(
        "numbers that differ in value are unequal, even where Double would round them together",
        arguments: [
            ("1", "-1"), ("12.345", "12.3451"), ("0.1", "0.01"), ("1e20", "1e21"), ("10", "1"),
            ("9007199254740993", "9007199254740992"), ("0.30000000000000001", "0.3"),
            ("123456789012345678901234567890", "123456789012345678901234567891"),
            ("1e99999999999999999999", "1e99999999999999999998"),
        ])
    func unequalValues(lhs: String, rhs: String) throws {
        #expect(try number(lhs) != number(rhs))
    }

    @Test("a set of numbers holds one entry per distinct value")
    func hashingAgreesWithEquality() throws {
        let numbers = try ["1", "1.0", "1e0", "10e-1", "2", "2.00", "-0", "0"].map(number)
        #expect(Set(numbers).count == 3)
    }

    @Test("numbers sort by exact value")
    func ordering() throws {
        let sorted = [
            "-1e20", "-12.345", "-12.3", "-0.001", "0", "1e-99999999999999999999", "0.1", "0.12", "0.123", "1",
            "9007199254740992", "9007199254740993", "1e20", "1e99999999999999999999",
        ]
        let shuffled = try sorted.reversed().map(number).shuffled()
        #expect(shuffled.sorted().map(\.text) == sorted)
        #expect(try !(number("-0") < number("0")))
        #expect(try number("12.345") > number("12.3449999999999999999"))
    }

    @Test(
        "the integer value is exact when the number is integral and fits",
        arguments: [
            ("1e3", 1000), ("2.0", 2), ("-0", 0), ("0.0e5", 0), ("1200e-2", 12), ("-7", -7), ("0.5e1", 5),
            ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min), ("92233720368547758.07e2", Int.max),
        ])
    func integerValue(text: String, expected: Int) throws {
        #expect(try number(text).int == expected)
    }

    @Test(
        "there is no integer value when the number has a fraction or does not fit",
        arguments: [
            "1.5", "123e-2", "0.1", "9223372036854775808", "-9223372036854775809", "1e19", "1e99999999999999999999",
            "123456789012345678901234567890",
        ])
    func noIntegerValue(text: String) throws {
        #expect(try number(text).int == nil)
    }

    @Test("the Double value is the nearest one, with infinity beyond range")
    func doubleValue() throws {
        #expect(try number("12.345").double == 12.345)
        #expect(try number("-0.5e-10").double == -0.5e-10)
        #expect(try number("1e400").double == .infinity)
        #expect(try number("-1e400").double == -.infinity)
        #expect(try number("-0").double.sign == .minus)
    }

    @Test("the Decimal value is exact up to 38 significant digits")
    func decimalValue() throws {
        #expect(try number("12.345").decimal == Decimal(string: "12.345"))
        #expect(try number("-0.5e-10").decimal == Decimal(sign: .minus, exponent: -11, significand: 5))
        #expect(try number("1.0e2").decimal == Decimal(100))
        #expect(try number("-0").decimal == Decimal.zero)
        let digits38 = "12345678901234567890123456789012345678"
        #expect(try number(digits38).decimal?.description == digits38)
        #expect(try number(digits38 + "9").decimal == nil)
        #expect(try number("1e99999999999999999999").decimal == nil)
    }

    @Test("numbers made from Swift values are written as their shortest decimal text")
    func fromSwiftValues() throws {
        #expect(JSONNumber(-42).text == "-42")
        #expect(JSONNumber(Int.min).int == Int.min)
        #expect(JSONNumber(0.1)?.text == "0.1")
        #expect(JSONNumber(1e-5).map { $0 == JSONNumber(text: "0.00001") } == true)
        #expect(JSONNumber(Double.infinity) == nil)
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(try #require(Decimal(string: "12.345"))).map(\.text) == "12.345")
        #expect(JSONNumber(Decimal.nan) == nil)
        let literal: JSONNumber = 5
        #expect(literal.text == "5")
    }
}
