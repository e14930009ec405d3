/// A calendar date in `YYYY-MM-DD` form, checked to exist (no 2023-02-30).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The date as `YYYY-MM-DD`.
    public let text: String

    /// Parses strict `YYYY-MM-DD` (Laravel's `date_format:Y-m-d`); nil for any other form or an impossible date.
    public init?(parsing raw: String) {
        let bytes = Array(raw.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.days(inMonth: month, year: year) else {
            return nil
        }
        text = raw
    }

    public var description: String { text }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.text < rhs.text }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
