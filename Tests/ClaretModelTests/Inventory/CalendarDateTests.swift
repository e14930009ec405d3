import ClaretModel
import Testing

@Suite("CalendarDate reads strict YYYY-MM-DD dates that exist")
struct CalendarDateTests {
    @Test("a well-formed date keeps its text")
    func wellFormed() throws {
        let date = try #require(CalendarDate(parsing: "2023-08-01"))
        #expect(date.text == "2023-08-01")
        #expect(date.description == "2023-08-01")
    }

    @Test(
        "dates that do not exist are refused",
        arguments: ["2023-02-29", "2023-02-30", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00", "1900-02-29"])
    func impossibleDates(raw: String) {
        #expect(CalendarDate(parsing: raw) == nil)
    }

    @Test("leap days exist in leap years", arguments: ["2024-02-29", "2000-02-29", "1996-02-29"])
    func leapDays(raw: String) {
        #expect(CalendarDate(parsing: raw)?.text == raw)
    }

    @Test(
        "the last day of each month is accepted", arguments: ["2023-01-31", "2023-04-30", "2023-02-28", "2023-12-31"])
    func monthEnds(raw: String) {
        #expect(CalendarDate(parsing: raw) != nil)
    }

    @Test(
        "any form other than Y-m-d is refused",
        arguments: [
            "2023-8-01", "2023-08-1", "23-08-01", "2023/08/01", "01-08-2023", "2023-08-01T00:00:00", " 2023-08-01",
            "2023-08-01 ", "20230801", "", "2023-0a-01", "２０２３-08-01",
        ])
    func otherForms(raw: String) {
        #expect(CalendarDate(parsing: raw) == nil)
    }

    @Test("dates order chronologically")
    func ordering() throws {
        let early = try #require(CalendarDate(parsing: "2023-08-01"))
        let later = try #require(CalendarDate(parsing: "2023-10-01"))
        let nextYear = try #require(CalendarDate(parsing: "2024-01-15"))
        #expect(early < later)
        #expect(later < nextYear)
        #expect([nextYear, early, later].sorted() == [early, later, nextYear])
    }
}
