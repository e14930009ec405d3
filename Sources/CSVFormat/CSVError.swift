/// Why a CSV file could not be read, and where: a stable kind, a 1-based line and field number, and a sentence.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stable, machine-readable reason a CSV file was refused.
    public enum Kind: String, Sendable, CaseIterable {
        /// The file has no bytes, or only a byte order mark and whitespace.
        case empty
        /// The bytes are not valid UTF-8.
        case invalidUTF8 = "invalid_utf8"
        /// A quoted field is still open at the end of the file.
        case unterminatedQuote = "unterminated_quote"
        /// A quote appears inside a field that does not start with one.
        case quoteInUnquotedField = "quote_in_unquoted_field"
        /// Something other than a comma or a line end follows a closing quote.
        case textAfterClosingQuote = "text_after_closing_quote"
        /// A record has a different number of fields than the header.
        case fieldCountMismatch = "field_count_mismatch"
        /// A header name is empty after trimming.
        case emptyHeader = "empty_header"
        /// Two header names are equal after trimming, ignoring case.
        case duplicateHeader = "duplicate_header"
    }

    /// The reason the file was refused.
    public let kind: Kind
    /// The 1-based physical line where the problem is.
    public let line: Int
    /// The 1-based field number (CSV column) where the problem is.
    public let column: Int
    /// The 1-based data-row number of the record at fault; nil for the header or the file as a whole.
    public let row: Int?
    /// A full sentence saying where and what went wrong, suitable for showing to a person.
    public let message: String

    /// Creates an error from its parts; the message is taken as given.
    public init(kind: Kind, line: Int, column: Int, row: Int? = nil, message: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.row = row
        self.message = message
    }

    /// The error's sentence.
    public var description: String { message }
}

extension CSVError {
    /// Which record an error belongs to, for the start of its sentence.
    enum Record {
        case header
        case row(Int)
    }

    /// Builds an error whose sentence starts with the record, line and column, e.g. "row 4 (line 5), column 3: …".
    init(_ kind: Kind, _ record: Record, line: Int, column: Int, _ detail: String) {
        let row: Int?
        let place: String
        switch record {
        case .header:
            row = nil
            place = "header (line \(line)), column \(column)"
        case .row(let number):
            row = number
            place = "row \(number) (line \(line)), column \(column)"
        }
        self.init(kind: kind, line: line, column: column, row: row, message: "\(place): \(detail)")
    }

    /// The error for a file with nothing to read.
    static let emptyFile = CSVError(
        kind: .empty, line: 1, column: 1,
        message: "line 1: the file is empty; a CSV file must start with a header row")
}
