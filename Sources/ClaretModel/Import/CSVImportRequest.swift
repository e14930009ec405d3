import CSVFormat
import ExactJSON

/// One data row of an uploaded CSV: the record when every cell is valid, else the cell errors.
public struct CSVImportEntry: Sendable, Equatable {
    /// The 0-based data-row index (the record index in errors).
    public var index: Int
    /// The row's cells under the record field names, as read (trimmed).
    public var cells: [String]
    /// The record, when every cell passed.
    public var record: InventoryRecord?
    /// The cell errors, when some cell failed.
    public var errors: [RecordError]
}

/// A validated CSV upload (contract section 5b): switches, the untouched file, and its rows mapped to records.
public struct CSVImportRequest: Sendable, Equatable {
    /// The switches.
    public var options: ImportOptions
    /// The file name the client sent.
    public var filename: String
    /// The bytes as uploaded.
    public var upload: [UInt8]
    /// The mapped rows, in file order.
    public var entries: [CSVImportEntry]

    /// Validates the form fields and the file. Up-front problems (no file, not CSV, a missing column, too
    /// many rows, bad switches) are validation errors; a bad cell is not, it becomes that record's error.
    public static func decode(
        fields: [String: String], file: (filename: String, data: [UInt8])?, profile: BehaviourProfile
    ) throws(ValidationErrors) -> CSVImportRequest {
        var rules = FieldRules(profile: profile)
        func text(_ name: String) -> JSONValue? { fields[name].map { .string($0) } }
        if let source = rules.requiredString(text("source"), "source"), source != "api" {
            rules.fail("source", .in)
        }
        let flags = ["allow_record_creation", "allow_record_update", "should_continue_on_error"].map { name in
            rules.requiredFormBoolean(fields[name], name)
        }
        var mapping: [String: String] = [:]
        if let raw = fields["mapping"], !raw.trimmingSpaces.isEmpty {
            if let object = try? JSONParser.parse(raw).object,
                object.allSatisfy({ ImportRequest.recordFields.contains($0.key) && $0.value.string != nil })
            {
                for (field, header) in object { mapping[field] = header.string }
            } else {
                rules.fail("mapping", .mappingInvalid, ["fields": ImportRequest.recordFields.joined(separator: ", ")])
            }
        }
        guard let file, !file.data.isEmpty else {
            rules.fail("file", .required)
            throw rules.errors
        }
        let table: CSVTable
        do {
            table = try CSVReader.parse(file.data)
        } catch {
            rules.fail("file", .csvInvalid, ["reason": error.message])
            throw rules.errors
        }
        var columns: [Int] = []
        for field in ImportRequest.recordFields {
            let header = mapping[field] ?? field
            if let column = table.columnIndex(of: header) {
                columns.append(column)
            } else {
                rules.fail("file", .csvMissingColumn, ["column": header])
            }
        }
        let limit = profile.settings.maxRecordsPerRequest
        if table.rows.count > limit {
            rules.fail("payload", .maxItems, ["max": String(limit), "attribute": "payload"])
        }
        guard rules.errors.isEmpty, let creation = flags[0], let update = flags[1], let continueOnError = flags[2]
        else {
            throw rules.errors
        }

        // Cells are checked with the same rules as JSON records, keyed by field name alone.
        let entries = table.rows.enumerated().map { index, row in
            let cells = columns.map { (row[$0] ?? "").trimmingSpaces }
            var cellRules = FieldRules(profile: profile)
            let object = JSONObject(zip(ImportRequest.recordFields, cells).map { ($0, JSONValue.string($1)) })
            let record = ImportRequest.decodeRecords([object], rules: &cellRules) { _, field in field }[0]
            let errors = cellRules.errors.entries.flatMap { entry in
                entry.messages.map { RecordError(index: index, field: entry.key, message: $0) }
            }
            return CSVImportEntry(index: index, cells: cells, record: record, errors: errors)
        }
        return CSVImportRequest(
            options: ImportOptions(allowCreation: creation, allowUpdate: update, continueOnError: continueOnError),
            filename: file.filename, upload: file.data, entries: entries)
    }
}

extension FieldRules {
    /// A form field boolean: `true`, `false`, `1`, `0` (case-insensitive words).
    mutating func requiredFormBoolean(_ value: String?, _ key: String) -> Bool? {
        guard let value, !value.trimmingSpaces.isEmpty else {
            fail(key, .required)
            return nil
        }
        switch value.trimmingSpaces.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default:
            fail(key, .boolean)
            return nil
        }
    }
}
