import CSVFormat
import ClaretModel
import ExactJSON
import Foundation

/// A response body in the form it is compared in.
enum ComparedBody: Equatable {
    case none
    case json(JSONValue)
    case csv(CSVTable)
    case text(String)
    case binary(String)

    /// The body's form, in words, for findings.
    var phrase: String {
        switch self {
        case .none: "no body"
        case .json: "a JSON body"
        case .csv: "a CSV body"
        case .text: "a text body"
        case .binary: "a binary body"
        }
    }

    /// How `body` is compared: JSON as JSON; text as CSV when it is a table (a CSV content type, or two
    /// or more columns and every row as wide as the header), otherwise as text.
    init(_ body: RecordedBody?, contentType: String?) {
        switch body {
        case nil:
            self = .none
        case .json(let value)?:
            self = .json(value)
        case .base64(let encoded)?:
            self = .binary(encoded)
        case .text(let text)?:
            self = ComparedBody.table(text, contentType: contentType).map(ComparedBody.csv) ?? .text(text)
        }
    }

    private static func table(_ text: String, contentType: String?) -> CSVTable? {
        guard let table = try? CSVReader.parse(text), !table.header.isEmpty else { return nil }
        if contentType?.lowercased().contains("csv") == true { return table }
        let looksTabular =
            table.header.count >= 2 && text.contains("\n")
            && table.rows.allSatisfy { $0.fields.count == table.header.count }
        return looksTabular ? table : nil
    }
}

extension Comparison {
    /// How `second` differs from `first`: status, the compared headers, then the body.
    func differences(
        _ first: RecordedResponse, _ second: RecordedResponse, targets: (NormalizationTarget, NormalizationTarget),
        notes: inout [Normalization]
    ) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        if first.status != second.status {
            mismatches.append(
                Mismatch(
                    path: "status", kind: .statusChanged, expected: String(first.status), actual: String(second.status),
                    message: "status: \(left) answered \(first.status), \(right) answered \(second.status)"))
        }
        for name in normalizer.comparedHeaders {
            mismatches += headerDifferences(name, first.headers, second.headers, targets: targets, notes: &notes)
        }
        let bodies = (
            ComparedBody(first.body, contentType: first.headers.value(named: "Content-Type")),
            ComparedBody(second.body, contentType: second.headers.value(named: "Content-Type"))
        )
        mismatches += bodyDifferences(bodies.0, bodies.1, targets: targets, notes: &notes)
        return mismatches
    }

    // MARK: - Headers

    private func headerDifferences(
        _ name: String, _ first: [RecordedHeader], _ second: [RecordedHeader],
        targets: (NormalizationTarget, NormalizationTarget), notes: inout [Normalization]
    ) -> [Mismatch] {
        let isContentType = name.caseInsensitiveCompare("Content-Type") == .orderedSame
        func value(_ headers: [RecordedHeader], _ target: NormalizationTarget) -> String? {
            guard var raw = headers.value(named: name) else { return nil }
            // Parameters (charset, boundary) are not part of what a client dispatches on.
            if isContentType {
                raw =
                    raw.split(separator: ";", maxSplits: 1).first.map(String.init)?
                    .trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            }
            return normalizer.normalize(header: name, value: raw, target: target, notes: &notes)
        }
        let values = (value(first, targets.0), value(second, targets.1))
        switch values {
        case (let one?, let other?) where one != other:
            return [
                Mismatch(
                    path: name, kind: .valueChanged, expected: one, actual: other,
                    message: "\(name): \(left) sent \(one), \(right) sent \(other)")
            ]
        case (let one?, nil):
            return [
                Mismatch(
                    path: name, kind: .missing, expected: one, actual: nil,
                    message: "\(name): \(left) sent \(one), \(right) sent none")
            ]
        case (nil, let other?):
            return [
                Mismatch(
                    path: name, kind: .extra, expected: "absent", actual: other,
                    message: "\(name): \(right) sent \(other), \(left) sent none")
            ]
        default:
            return []
        }
    }

    // MARK: - Bodies

    private func bodyDifferences(
        _ first: ComparedBody, _ second: ComparedBody, targets: (NormalizationTarget, NormalizationTarget),
        notes: inout [Normalization]
    ) -> [Mismatch] {
        switch (first, second) {
        case (.none, .none):
            return []
        case (.json(let one), .json(let other)):
            return differences(
                normalizer.normalize(one, at: .json, target: targets.0, notes: &notes),
                normalizer.normalize(other, at: .json, target: targets.1, notes: &notes), at: .json)
        case (.csv(let one), .csv(let other)):
            return csvDifferences(
                normalized(one, target: targets.0, notes: &notes), normalized(other, target: targets.1, notes: &notes))
        case (.text(let one), .text(let other)):
            let texts = (
                normalizer.normalize(body: one, target: targets.0, notes: &notes),
                normalizer.normalize(body: other, target: targets.1, notes: &notes)
            )
            guard texts.0 != texts.1 else { return [] }
            return [
                Mismatch(
                    path: "body", kind: .valueChanged, expected: Comparison.excerpt(texts.0),
                    actual: Comparison.excerpt(texts.1), message: "body: \(left) and \(right) sent different text")
            ]
        case (.binary(let one), .binary(let other)):
            guard one != other else { return [] }
            let sizes = (Data(base64Encoded: one)?.count ?? 0, Data(base64Encoded: other)?.count ?? 0)
            return [
                Mismatch(
                    path: "body", kind: .valueChanged, expected: "\(sizes.0) bytes", actual: "\(sizes.1) bytes",
                    message: "body: \(left) and \(right) sent different bytes (\(sizes.0) and \(sizes.1) bytes)")
            ]
        case (_, .none):
            return [
                Mismatch(
                    path: "body", kind: .missing, expected: first.phrase, actual: nil,
                    message: "body: \(left) sent \(first.phrase), \(right) sent none")
            ]
        case (.none, _):
            return [
                Mismatch(
                    path: "body", kind: .extra, expected: "absent", actual: second.phrase,
                    message: "body: \(right) sent \(second.phrase), \(left) sent none")
            ]
        default:
            return [
                Mismatch(
                    path: "body", kind: .typeChanged, expected: first.phrase, actual: second.phrase,
                    message: "body: \(left) sent \(first.phrase), \(right) sent \(second.phrase)")
            ]
        }
    }

    /// How `second` differs from `first` at `path`, member by member and element by element (arrays by index).
    func differences(_ first: JSONValue, _ second: JSONValue, at path: ValuePath) -> [Mismatch] {
        if first == second { return [] }
        switch (first, second) {
        case (.object(let one), .object(let other)):
            var mismatches: [Mismatch] = []
            for key in Comparison.uniqueKeys(one) {
                guard let value = one[key] else { continue }
                if let found = other[key] {
                    mismatches += differences(value, found, at: path.appending(key: key))
                } else {
                    mismatches.append(missing(value, at: path.appending(key: key)))
                }
            }
            for key in Comparison.uniqueKeys(other) where !one.contains(key) {
                guard let found = other[key] else { continue }
                mismatches.append(extra(found, at: path.appending(key: key)))
            }
            return mismatches
        case (.array(let one), .array(let other)):
            var mismatches: [Mismatch] = []
            for index in 0..<max(one.count, other.count) {
                let elementPath = path.appending(index: index)
                if index < one.count, index < other.count {
                    mismatches += differences(one[index], other[index], at: elementPath)
                } else if index < one.count {
                    mismatches.append(missing(one[index], at: elementPath))
                } else {
                    mismatches.append(extra(other[index], at: elementPath))
                }
            }
            return mismatches
        default:
            let texts = (Comparison.excerpt(first.serialized()), Comparison.excerpt(second.serialized()))
            if first.typeName == second.typeName {
                return [
                    Mismatch(
                        path: path.description, kind: .valueChanged, expected: texts.0, actual: texts.1,
                        message: "\(path): \(left) has \(texts.0), \(right) has \(texts.1)")
                ]
            }
            return [
                Mismatch(
                    path: path.description, kind: .typeChanged, expected: texts.0, actual: texts.1,
                    message:
                        "\(path): \(left) has \(first.typeName) \(texts.0), \(right) has \(second.typeName) \(texts.1)")
            ]
        }
    }

    private func missing(_ value: JSONValue, at path: ValuePath) -> Mismatch {
        let text = Comparison.excerpt(value.serialized())
        return Mismatch(
            path: path.description, kind: .missing, expected: text, actual: nil,
            message: "\(path): \(left) has \(text), \(right) has nothing")
    }

    private func extra(_ value: JSONValue, at path: ValuePath) -> Mismatch {
        let text = Comparison.excerpt(value.serialized())
        return Mismatch(
            path: path.description, kind: .extra, expected: "absent", actual: text,
            message: "\(path): \(right) has \(text), \(left) has nothing")
    }

    // MARK: - CSV

    /// `table` with every cell normalized at `csv[row n].column`.
    private func normalized(_ table: CSVTable, target: NormalizationTarget, notes: inout [Normalization]) -> CSVTable {
        var table = table
        for (rowIndex, row) in table.rows.enumerated() {
            let rowPath = ValuePath.csv.appending(index: row.number)
            for (column, field) in row.fields.enumerated() {
                let name = column < table.header.count ? table.header[column] : "column \(column + 1)"
                table.rows[rowIndex].fields[column] = normalizer.normalize(
                    field, at: rowPath.appending(key: name), target: target, notes: &notes)
            }
        }
        return table
    }

    /// How `second` differs from `first`: columns by name (missing, extra, reordered), then rows by
    /// position and, within a row, each cell of a column both have.
    func csvDifferences(_ first: CSVTable, _ second: CSVTable) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        for column in first.header where !second.header.contains(column) {
            mismatches.append(
                Mismatch(
                    path: ValuePath.csv.appending(key: column).description, kind: .missing,
                    expected: "column \(column)",
                    actual: nil, message: "csv: \(left) has the column \(column), \(right) does not"))
        }
        for column in second.header where !first.header.contains(column) {
            mismatches.append(
                Mismatch(
                    path: ValuePath.csv.appending(key: column).description, kind: .extra, expected: "absent",
                    actual: "column \(column)", message: "csv: \(right) has the column \(column), \(left) does not"))
        }
        let shared = first.header.filter { second.header.contains($0) }
        if shared != second.header.filter({ first.header.contains($0) }) {
            let orders = (first.header.joined(separator: ","), second.header.joined(separator: ","))
            mismatches.append(
                Mismatch(
                    path: "csv.columns", kind: .valueChanged, expected: orders.0, actual: orders.1,
                    message: "csv.columns: \(left) has them in the order \(orders.0), \(right) \(orders.1)"))
        }
        for index in 0..<max(first.rows.count, second.rows.count) {
            let rowPath = ValuePath.csv.appending(index: index + 1)
            guard index < first.rows.count else {
                let text = Comparison.line(second.rows[index])
                mismatches.append(
                    Mismatch(
                        path: rowPath.description, kind: .extra, expected: "absent", actual: text,
                        message: "\(rowPath): \(right) has \(text), \(left) has no such row"))
                continue
            }
            guard index < second.rows.count else {
                let text = Comparison.line(first.rows[index])
                mismatches.append(
                    Mismatch(
                        path: rowPath.description, kind: .missing, expected: text, actual: nil,
                        message: "\(rowPath): \(left) has \(text), \(right) has no such row"))
                continue
            }
            for column in shared {
                let cellPath = rowPath.appending(key: column)
                let values = (
                    first.value(in: first.rows[index], column: column),
                    second.value(in: second.rows[index], column: column)
                )
                switch values {
                case (let one?, let other?) where one != other:
                    mismatches.append(
                        Mismatch(
                            path: cellPath.description, kind: .valueChanged, expected: one, actual: other,
                            message:
                                "\(cellPath): \(left) has \(Comparison.quoted(one)), \(right) has \(Comparison.quoted(other))"
                        ))
                case (let one?, nil):
                    mismatches.append(
                        Mismatch(
                            path: cellPath.description, kind: .missing, expected: one, actual: nil,
                            message: "\(cellPath): \(left) has \(Comparison.quoted(one)), \(right) has no such cell"))
                case (nil, let other?):
                    mismatches.append(
                        Mismatch(
                            path: cellPath.description, kind: .extra, expected: "absent", actual: other,
                            message: "\(cellPath): \(right) has \(Comparison.quoted(other)), \(left) has no such cell"))
                default:
                    break
                }
            }
        }
        return mismatches
    }

    // MARK: - Text

    /// The keys of `object`, each once, in order of first appearance.
    private static func uniqueKeys(_ object: JSONObject) -> [String] {
        var seen: Set<String> = []
        return object.keys.filter { seen.insert($0).inserted }
    }

    /// `text` cut to 300 characters, so one long value does not swamp a report.
    static func excerpt(_ text: String) -> String {
        text.count <= 300 ? text : String(text.prefix(299)) + "…"
    }

    /// A CSV row as one line of CSV, for a finding.
    static func line(_ row: CSVRow) -> String {
        excerpt(row.fields.map(CSVWriter.encode(field:)).joined(separator: ","))
    }

    /// A CSV cell for a sentence: in double quotes, so empty and space-padded values show.
    static func quoted(_ text: String) -> String {
        "\"" + excerpt(text) + "\""
    }
}
