import ClaretModel
import ExactJSON
import Foundation

/// Differences that are understood and accepted, each with a reason: shown in reports, never failing a run.
///
/// A known-differences file is JSON:
///
/// ```json
/// {
///   "known": [
///     {"scenario": "incremental sync", "step": "import the changes", "path": "$.content.summary",
///      "kind": "value_changed", "reason": "Claret counts duplicates as created"},
///     {"path": "Content-Type", "reason": "the tenant's proxy adds charset=UTF-8"},
///     {"scenario": "authentication across tenants", "path": "scenario", "reason": "mock-only scenario"}
///   ]
/// }
/// ```
///
/// `path` and `reason` are required. `path` is a ``PathPattern`` and also covers what is inside it
/// (`$.content.summary` covers `$.content.summary.created`; `csv[*].quantity` every row's quantity;
/// `status`, a header name, `body`, `response`, `step` and `scenario` name those findings). `scenario` and
/// `step` narrow it to names (without regard to case, `*` for any run of characters); `kind` to one kind
/// of difference (`missing`, `extra`, `type_changed`, `value_changed`, `status_changed`, …).
public struct KnownDifferences: Sendable {
    /// One accepted difference.
    public struct Entry: Sendable {
        /// The scenario it is limited to, as a name or `*` pattern.
        public var scenario: String?
        /// The step it is limited to, as a name or `*` pattern.
        public var step: String?
        /// Where the difference is; what is inside it is covered too.
        public var path: PathPattern
        /// The one kind of difference it covers, or nil for any.
        public var kind: Mismatch.Kind?
        /// Why it is accepted, shown with each finding it covers.
        public var reason: String

        /// Creates an entry.
        public init(
            scenario: String? = nil, step: String? = nil, path: PathPattern, kind: Mismatch.Kind? = nil, reason: String
        ) {
            self.scenario = scenario
            self.step = step
            self.path = path
            self.kind = kind
            self.reason = reason
        }

        /// Whether the entry covers `mismatch` found in step `step` of scenario `scenario`.
        public func covers(_ mismatch: Mismatch, scenario scenarioName: String, step stepName: String) -> Bool {
            if let kind, kind != mismatch.kind { return false }
            if let scenario, !PathPattern.glob(scenario.lowercased(), matches: scenarioName.lowercased()) {
                return false
            }
            if let step, !PathPattern.glob(step.lowercased(), matches: stepName.lowercased()) { return false }
            return path.matches(mismatch.path, orInside: true)
        }
    }

    /// The entries, in file order; the first that covers a finding gives its reason.
    public var entries: [Entry]

    /// Creates a list; empty by default.
    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// The reason `mismatch` in that scenario and step is known, or nil when it is not.
    public func reason(for mismatch: Mismatch, scenario: String, step: String) -> String? {
        entries.first { $0.covers(mismatch, scenario: scenario, step: step) }?.reason
    }

    /// `mismatches` as findings with their known reasons, the failing ones (not known) first.
    public func findings(for mismatches: [Mismatch], scenario: String, step: String) -> [Finding] {
        mismatches.map { Finding(mismatch: $0, knownReason: reason(for: $0, scenario: scenario, step: step)) }
            .failuresFirst()
    }

    /// `report` with known reasons given to its findings, and each failed case whose every finding is
    /// known turned `.known`.
    public func apply(to report: Report) -> Report {
        var report = report
        report.cases = report.cases.map { item in
            var item = item
            item.findings = findings(for: item.findings.map(\.mismatch), scenario: item.scenario, step: item.step)
            if item.outcome == .failed, ReportCase.outcome(of: item.findings) == .known { item.outcome = .known }
            return item
        }
        return report
    }

    // MARK: - Files

    /// The list in the known-differences file at `path`.
    public static func load(path: String) throws(ConfigurationError) -> KnownDifferences {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(kind: .unreadable, file: path, message: "cannot read the known-differences file")
        }
        do {
            return try parse(data)
        } catch {
            throw error.located(file: path)
        }
    }

    /// The list in a known-differences file's bytes.
    public static func parse(_ data: Data) throws(ConfigurationError) -> KnownDifferences {
        let document: JSONValue
        do {
            document = try JSONParser.parse(data)
        } catch {
            throw ConfigurationError(kind: .notJSON, message: "not JSON (\(error))")
        }
        guard let object = document.object, let list = object["known"]?.array else {
            throw ConfigurationError(kind: .invalid, message: "expected an object with a \"known\" array")
        }
        try ConfigurationFields.refuseUnknown(in: object, known: ["known"], at: nil)
        var entries: [Entry] = []
        for (index, element) in list.enumerated() {
            do {
                entries.append(try entry(element))
            } catch {
                throw error.located(field: "known[\(index)]")
            }
        }
        return KnownDifferences(entries: entries)
    }

    private static func entry(_ element: JSONValue) throws(ConfigurationError) -> Entry {
        guard let object = element.object else {
            throw ConfigurationError(kind: .invalid, message: "expected an object with \"path\" and \"reason\"")
        }
        try ConfigurationFields.refuseUnknown(
            in: object, known: ["scenario", "step", "path", "kind", "reason"], at: nil)
        let path: PathPattern
        do {
            path = try PathPattern(parsing: try ConfigurationFields.string(object["path"], at: "path"))
        } catch {
            throw error.located(field: error.field == nil ? "path" : nil)
        }
        var kind: Mismatch.Kind?
        if let code = try ConfigurationFields.optionalString(object["kind"], at: "kind") {
            let normalized = code.lowercased().replacingOccurrences(of: " ", with: "_")
            guard let known = Mismatch.Kind(rawValue: normalized) else {
                throw ConfigurationError(
                    kind: .invalid, field: "kind",
                    message:
                        "unknown kind \"\(code)\"; expected one of "
                        + Mismatch.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            kind = known
        }
        let reason = try ConfigurationFields.string(object["reason"], at: "reason")
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ConfigurationError(
                kind: .invalid, field: "reason", message: "must say why the difference is accepted")
        }
        return Entry(
            scenario: try ConfigurationFields.optionalString(object["scenario"], at: "scenario"),
            step: try ConfigurationFields.optionalString(object["step"], at: "step"), path: path, kind: kind,
            reason: reason)
    }
}
