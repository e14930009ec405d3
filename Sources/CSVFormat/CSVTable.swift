import Foundation

/// A parsed CSV file: its header row and its data rows.
public struct CSVTable: Sendable, Equatable {
    /// The header row, exactly as in the file (a leading UTF-8 byte order mark removed).
    public var header: [String]
    /// The data rows, in file order.
    public var rows: [CSVRow]

    /// Creates a table from a header and its data rows.
    public init(header: [String], rows: [CSVRow]) {
        self.header = header
        self.rows = rows
    }

    /// The index of the header column called `name`: an exact match first, then a trimmed, case-insensitive one.
    public func columnIndex(of name: String) -> Int? {
        if let exact = header.firstIndex(of: name) {
            return exact
        }
        let wanted = CSVTable.lookupKey(name)
        return header.firstIndex { CSVTable.lookupKey($0) == wanted }
    }

    /// The value of column `name` in `row`, or nil when the table has no such column or the row is too short.
    public func value(in row: CSVRow, column name: String) -> String? {
        guard let index = columnIndex(of: name) else { return nil }
        return row[index]
    }

    /// The form of a header name used for loose lookup and for the duplicate check.
    static func lookupKey(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
