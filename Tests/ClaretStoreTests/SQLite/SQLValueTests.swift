import ClaretStore
import Testing

@Suite("SQLValue")
struct SQLValueTests {
    @Test("literals make the matching storage class")
    func literals() {
        let values: [SQLValue] = ["text", 42, 2.5, true, false, nil]
        #expect(values == [.text("text"), .integer(42), .real(2.5), .integer(1), .integer(0), .null])
    }

    @Test("optional initializers turn nil into NULL and keep values otherwise")
    func optionals() {
        let missingText: String? = nil
        let missingNumber: Int? = nil
        #expect(SQLValue(missingText) == .null)
        #expect(SQLValue(missingNumber) == .null)
        #expect(SQLValue(String?("a")) == .text("a"))
        #expect(SQLValue(Int?(7)) == .integer(7))
        #expect(SQLValue(Int64?(.min)) == .integer(.min))
        #expect(SQLValue(Double?(0.5)) == .real(0.5))
        #expect(SQLValue(Bool?(true)) == .integer(1))
        #expect(SQLValue([UInt8]?([1, 2])) == .blob([1, 2]))
        #expect(SQLValue.null.isNull && !SQLValue.integer(0).isNull)
    }
}
