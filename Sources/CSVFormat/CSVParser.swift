/// The byte-level state machine behind ``CSVReader``; it lives only as long as the buffer it reads.
struct CSVParser {
    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    private var index = 0
    /// The 1-based physical line the next byte is on.
    private var line = 1
    /// The record being read, so errors can name it.
    private var record = CSVError.Record.header

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Reads the whole buffer: header, then data rows, skipping lines with no characters.
    mutating func parseTable() throws(CSVError) -> CSVTable {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
        }
        guard bytes[index...].contains(where: { !Self.isBlank($0) }) else {
            throw CSVError.emptyFile
        }

        var header: [String]?
        var rows: [CSVRow] = []
        while index < bytes.count {
            if consumeLineBreak() {
                continue
            }
            let startLine = line
            if let header {
                let number = rows.count + 1
                record = .row(number)
                let fields = try readRecord(capacity: header.count)
                guard fields.count == header.count else {
                    throw Self.mismatch(expected: header.count, found: fields.count, row: number, line: startLine)
                }
                rows.append(CSVRow(fields: fields, line: startLine, number: number))
            } else {
                let names = try readRecord(capacity: 16)
                try Self.checkHeader(names, line: startLine)
                header = names
            }
        }
        guard let header else {
            throw CSVError.emptyFile
        }
        return CSVTable(header: header, rows: rows)
    }

    // MARK: - Records and fields

    /// Reads one record up to and including its line break (or the end of the input).
    private mutating func readRecord(capacity: Int) throws(CSVError) -> [String] {
        var fields: [String] = []
        fields.reserveCapacity(capacity)
        nextField: while true {
            let column = fields.count + 1
            if index < bytes.count, bytes[index] == Self.quote {
                fields.append(try readQuotedField(column: column))
                guard index < bytes.count else {
                    return fields
                }
                if bytes[index] == Self.comma {
                    index += 1
                    continue nextField
                }
                if consumeLineBreak() {
                    return fields
                }
                throw CSVError(
                    .textAfterClosingQuote, record, line: line, column: column,
                    "text follows the closing quote of a quoted field; expected a comma or the end of the line")
            }

            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                // Letters and digits are all above the comma: one comparison pair covers most bytes.
                if byte > Self.comma && byte < 0x80 {
                    index += 1
                } else if byte >= 0x80 {
                    try skipScalar(column: column)
                } else if byte == Self.comma {
                    fields.append(string(from: start, to: index))
                    index += 1
                    continue nextField
                } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                    fields.append(string(from: start, to: index))
                    _ = consumeLineBreak()
                    return fields
                } else if byte == Self.quote {
                    throw CSVError(
                        .quoteInUnquotedField, record, line: line, column: column,
                        "a quote appears inside a field that does not start with one; "
                            + "quote the whole field and double the inner quote")
                } else {
                    index += 1
                }
            }
            fields.append(string(from: start, to: index))
            return fields
        }
    }

    /// Reads a quoted field starting at its opening quote, leaving the index just past the closing quote.
    private mutating func readQuotedField(column: Int) throws(CSVError) -> String {
        let openingLine = line
        index += 1
        let start = index
        var hasDoubledQuotes = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.quote {
                if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                    hasDoubledQuotes = true
                    index += 2
                    continue
                }
                let end = index
                index += 1
                return hasDoubledQuotes ? undoubledString(from: start, to: end) : string(from: start, to: end)
            }
            if byte >= 0x80 {
                try skipScalar(column: column)
            } else if !consumeLineBreak() {
                index += 1
            }
        }
        throw CSVError(
            .unterminatedQuote, record, line: openingLine, column: column,
            "a quoted field is not closed before the end of the file")
    }

    /// Consumes one line break (LF, CRLF or a lone CR) at the index, counting the line; false if there is none.
    private mutating func consumeLineBreak() -> Bool {
        let byte = bytes[index]
        if byte == Self.lineFeed {
            index += 1
        } else if byte == Self.carriageReturn {
            index += 1
            if index < bytes.count, bytes[index] == Self.lineFeed {
                index += 1
            }
        } else {
            return false
        }
        line += 1
        return true
    }

    /// The bytes `start..<end` as a string; they have already been checked to be UTF-8.
    private func string(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The inside of a quoted field with each doubled quote written once.
    private func undoubledString(from start: Int, to end: Int) -> String {
        String(unsafeUninitializedCapacity: end - start) { output in
            var written = 0
            var offset = start
            // Inside a closed quoted field every quote is the first of a doubled pair.
            while offset < end {
                let byte = bytes[offset]
                output[written] = byte
                written += 1
                offset += byte == Self.quote ? 2 : 1
            }
            return written
        }
    }

    // MARK: - UTF-8

    /// Steps over one multi-byte UTF-8 scalar, or fails with `.invalidUTF8` at this line and column.
    private mutating func skipScalar(column: Int) throws(CSVError) {
        guard let length = scalarLength(at: index) else {
            let byte = String(bytes[index], radix: 16, uppercase: true)
            throw CSVError(
                .invalidUTF8, record, line: line, column: column,
                "the file is not valid UTF-8 here (byte 0x\(byte) at offset \(index)); save it as UTF-8")
        }
        index += length
    }

    /// The length of the well-formed UTF-8 sequence that starts with a non-ASCII byte at `start`, or nil.
    ///
    /// Follows the Unicode well-formedness table: no overlong forms, no surrogates, nothing above U+10FFFF.
    private func scalarLength(at start: Int) -> Int? {
        let lead = bytes[start]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF:
            length = 2
        case 0xE0:
            length = 3
            secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF:
            length = 3
        case 0xED:
            length = 3
            secondRange = 0x80...0x9F
        case 0xF0:
            length = 4
            secondRange = 0x90...0xBF
        case 0xF1...0xF3:
            length = 4
        case 0xF4:
            length = 4
            secondRange = 0x80...0x8F
        default:
            return nil
        }
        guard start + length <= bytes.count, secondRange.contains(bytes[start + 1]) else {
            return nil
        }
        for offset in 2..<length where bytes[start + offset] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }

    // MARK: - Checks

    /// Whether a byte is a space, tab or line break: a file of nothing else is empty.
    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == lineFeed || byte == carriageReturn
    }

    /// Refuses header names that are empty after trimming or that repeat, ignoring case.
    private static func checkHeader(_ names: [String], line: Int) throws(CSVError) {
        var firstColumn: [String: Int] = [:]
        for (offset, name) in names.enumerated() {
            let key = CSVTable.lookupKey(name)
            if key.isEmpty {
                throw CSVError(
                    .emptyHeader, .header, line: line, column: offset + 1,
                    "the header name is empty; every column needs a name")
            }
            if let first = firstColumn[key] {
                throw CSVError(
                    .duplicateHeader, .header, line: line, column: offset + 1,
                    "the header name \"\(name)\" repeats column \(first + 1) (\"\(names[first])\"); "
                        + "names must differ by more than case and surrounding spaces")
            }
            firstColumn[key] = offset
        }
    }

    /// The error for a record whose field count differs from the header's; it points at the first extra or
    /// missing column.
    private static func mismatch(expected: Int, found: Int, row: Int, line: Int) -> CSVError {
        CSVError(
            .fieldCountMismatch, .row(row), line: line, column: min(expected, found) + 1,
            "expected \(count(expected, "field")) as in the header, found \(found)")
    }

    /// "1 field", "3 fields".
    private static func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }
}
