import Foundation

/// One result row, copied out of SQLite so it stays valid after the statement moves on.
///
/// Accessors convert like SQLite's own casts (an integer column read as text gives its digits, a numeric text read as
/// an integer gives its value), and the non-optional ones read NULL as 0, "" or false. An index past the last column
/// traps, as an Array index does: it is a bug in the SQL or the caller, not bad input.
public struct Row: Sendable, Equatable {
    /// The values, in column order.
    public let values: [SQLValue]
    /// The column names as SQLite reports them (the `AS` alias when there is one), shared by a result's rows.
    public let columnNames: [String]

    /// Makes a row; `columnNames` may be empty when names do not matter.
    public init(values: [SQLValue], columnNames: [String] = []) {
        self.values = values
        self.columnNames = columnNames
    }

    /// The number of columns.
    public var count: Int { values.count }

    /// The value of column `index` (0-based).
    public subscript(_ index: Int) -> SQLValue { values[index] }

    /// The value of the first column called `name`, or nil when the result has no such column.
    public subscript(_ name: String) -> SQLValue? {
        columnNames.firstIndex(of: name).map { values[$0] }
    }

    /// Column `index` as an Int; 0 for NULL.
    public func int(_ index: Int) -> Int { Int(clamping: int64(index)) }

    /// Column `index` as an Int64; 0 for NULL.
    public func int64(_ index: Int) -> Int64 { Row.integer(from: values[index]) ?? 0 }

    /// Column `index` as a Double; 0 for NULL.
    public func double(_ index: Int) -> Double { optionalDouble(index) ?? 0 }

    /// Column `index` as text; "" for NULL.
    public func text(_ index: Int) -> String { optionalText(index) ?? "" }

    /// Column `index` as a Bool (any non-zero number is true); false for NULL.
    public func bool(_ index: Int) -> Bool { int64(index) != 0 }

    /// Column `index` as bytes (text gives its UTF-8); empty for NULL.
    public func blob(_ index: Int) -> [UInt8] {
        switch values[index] {
        case .null: return []
        case .blob(let bytes): return bytes
        case .text(let text): return Array(text.utf8)
        case .integer, .real: return Array(text(index).utf8)
        }
    }

    /// Column `index` as an Int, or nil for NULL.
    public func optionalInt(_ index: Int) -> Int? { optionalInt64(index).map { Int(clamping: $0) } }

    /// Column `index` as an Int64, or nil for NULL.
    public func optionalInt64(_ index: Int) -> Int64? {
        values[index].isNull ? nil : int64(index)
    }

    /// Column `index` as a Double, or nil for NULL.
    public func optionalDouble(_ index: Int) -> Double? {
        switch values[index] {
        case .null: return nil
        case .real(let value): return value
        case .integer(let value): return Double(value)
        case .text(let text): return Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        case .blob: return 0
        }
    }

    /// Column `index` as text, or nil for NULL.
    public func optionalText(_ index: Int) -> String? {
        switch values[index] {
        case .null: return nil
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Column `index` as a Bool, or nil for NULL.
    public func optionalBool(_ index: Int) -> Bool? {
        values[index].isNull ? nil : bool(index)
    }

    /// An integer reading of `value`, clamped to Int64 like SQLite's CAST; nil for NULL.
    static func integer(from value: SQLValue) -> Int64? {
        switch value {
        case .null: return nil
        case .integer(let value): return value
        case .real(let value): return clamped(value)
        case .text(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return Int64(trimmed) ?? Double(trimmed).map(clamped) ?? 0
        case .blob: return 0
        }
    }

    private static func clamped(_ value: Double) -> Int64 {
        if value.isNaN { return 0 }
        // Int64(Double) traps outside the representable range; 2^63 itself is already out of range.
        if value >= 9_223_372_036_854_775_808.0 { return .max }
        if value < -9_223_372_036_854_775_808.0 { return .min }
        return Int64(value)
    }
}
