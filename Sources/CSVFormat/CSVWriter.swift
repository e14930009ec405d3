/// Writes CSV text that ``CSVReader`` (and any RFC 4180 reader) reads back to the same fields.
///
/// Every record, the last included, ends with `lineEnding`. A field is quoted only when it must be: when it holds
/// a comma, a quote, a CR or LF, starts or ends with a space or tab, or starts with U+FEFF. Rows are written as
/// given, even when their length differs from the header's.
public enum CSVWriter {
    /// Writes a header and data rows as CSV text, each record ended by `lineEnding`.
    public static func write(header: [String], rows: [[String]], lineEnding: String = "\r\n") -> String {
        var output = ""
        output.reserveCapacity(estimatedSize(of: header) * (rows.count + 1))
        append(header, lineEnding: lineEnding, to: &output)
        for row in rows {
            append(row, lineEnding: lineEnding, to: &output)
        }
        return output
    }

    /// Writes a parsed table back out as CSV text, each record ended by `lineEnding`.
    public static func write(_ table: CSVTable, lineEnding: String = "\r\n") -> String {
        write(header: table.header, rows: table.rows.map(\.fields), lineEnding: lineEnding)
    }

    /// One field as it appears in CSV: unchanged when safe, otherwise quoted with inner quotes doubled.
    public static func encode(field: String) -> String {
        guard needsQuotes(field) else {
            return field
        }
        var quoted = "\""
        quoted.reserveCapacity(field.utf8.count + 2)
        // Scalars, not Characters: a quote followed by a combining mark is one Character but still a quote byte.
        for scalar in field.unicodeScalars {
            quoted.unicodeScalars.append(scalar)
            if scalar == "\"" {
                quoted.unicodeScalars.append(scalar)
            }
        }
        quoted.append("\"")
        return quoted
    }

    /// Appends one record and its line ending.
    private static func append(_ fields: [String], lineEnding: String, to output: inout String) {
        // A lone empty field would be a line with no characters, which readers skip: quote it to keep the row.
        if fields.count == 1, fields[0].isEmpty {
            output.append("\"\"")
        } else {
            for (offset, field) in fields.enumerated() {
                if offset > 0 {
                    output.append(",")
                }
                output.append(encode(field: field))
            }
        }
        output.append(lineEnding)
    }

    /// Whether a field must be quoted to survive a round trip.
    private static func needsQuotes(_ field: String) -> Bool {
        let utf8 = field.utf8
        guard let first = utf8.first, let last = utf8.last else {
            return false
        }
        if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 || utf8.starts(with: [0xEF, 0xBB, 0xBF]) {
            return true
        }
        return utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }

    /// A rough byte size for one record, to reserve the output once.
    private static func estimatedSize(of fields: [String]) -> Int {
        fields.reduce(2) { $0 + $1.utf8.count + 8 }
    }
}
