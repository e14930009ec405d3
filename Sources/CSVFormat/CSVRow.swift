/// One data record of a CSV file, with where it came from.
public struct CSVRow: Sendable, Equatable {
    /// The record's fields, untrimmed, quotes removed and doubled quotes undoubled.
    public var fields: [String]
    /// The 1-based physical line on which the record starts.
    public var line: Int
    /// The 1-based data-row number: the first row after the header is 1.
    public var number: Int

    /// Creates a row from its fields and position.
    public init(fields: [String], line: Int, number: Int) {
        self.fields = fields
        self.line = line
        self.number = number
    }

    /// The field at `index`, or nil when the index is out of range.
    public subscript(index: Int) -> String? {
        fields.indices.contains(index) ? fields[index] : nil
    }
}
