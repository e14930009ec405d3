import ExactJSON
import Foundation

/// Replaces volatile values in responses before they are compared, and notes every replacement.
///
/// Rules apply in order (a rules file's own first, then the built-in ``NormalizationRule/defaults``) to
/// each string of a body (JSON strings, CSV cells, plain text), to the values a path-scoped rule selects,
/// and to the compared headers. Each side is normalized with its own target, so the mock's tenant and the
/// real tenant both become `{tenant}`.
///
/// A rules file is JSON; every member is optional:
///
/// ```json
/// {
///   "rules": [
///     {"name": "user id", "path": "$.content.user_id", "replacement": "{user}"},
///     {"name": "lot suffix", "path": "$.data[*].lot", "pattern": "-\\d{6}$", "replacement": "-{n}"},
///     {"name": "request id", "header": "X-Request-Id", "replacement": "{request}"},
///     {"name": "build", "pattern": "build [0-9a-f]{7}", "replacement": "build {sha}"}
///   ],
///   "headers": ["Cache-Control"],
///   "disable": ["timestamp"],
///   "defaults": true
/// }
/// ```
///
/// - `rules`: each has a `name` (shown in reports) and a `replacement`; `path` (a ``PathPattern``:
///   `$.a.b`, `$..key`, `$.list[*].key`, `csv[*].column`) or `header` (a name, `*` for any run) limits
///   where it applies, otherwise it applies to every string. `pattern` is a regular expression
///   (NSRegularExpression syntax, `$1` in the replacement for a group); without one a `path` or `header`
///   rule replaces the whole value. A rule that applies everywhere needs a pattern.
/// - `headers`: response headers to compare besides `Content-Type` (its media type) and `Location`.
/// - `disable`: names of built-in rules to leave out; `defaults: false` leaves them all out.
public struct Normalizer: Sendable {
    /// The rules, in the order they apply.
    public var rules: [NormalizationRule]
    /// The response headers compared, by name.
    public var comparedHeaders: [String]

    /// The headers compared unless a rules file adds more.
    public static let defaultHeaders = ["Content-Type", "Location"]

    /// The built-in rules and headers.
    public static let standard = Normalizer()

    /// Creates a normalizer.
    public init(rules: [NormalizationRule] = NormalizationRule.defaults, comparedHeaders: [String] = defaultHeaders) {
        self.rules = rules
        self.comparedHeaders = comparedHeaders
    }

    // MARK: - Rules files

    /// The built-in rules and headers with those of the rules file at `path`.
    public static func load(path: String) throws(ConfigurationError) -> Normalizer {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(kind: .unreadable, file: path, message: "cannot read the rules file")
        }
        do {
            return try parse(data)
        } catch {
            throw error.located(file: path)
        }
    }

    /// The built-in rules and headers with those of a rules file's bytes.
    public static func parse(_ data: Data) throws(ConfigurationError) -> Normalizer {
        let document: JSONValue
        do {
            document = try JSONParser.parse(data)
        } catch {
            throw ConfigurationError(kind: .notJSON, message: "not JSON (\(error))")
        }
        guard let object = document.object else {
            throw ConfigurationError(kind: .invalid, message: "expected an object with \"rules\"")
        }
        try ConfigurationFields.refuseUnknown(in: object, known: ["rules", "headers", "disable", "defaults"], at: nil)
        var defaults = NormalizationRule.defaults
        if let flag = object["defaults"] {
            guard let keep = flag.bool else {
                throw ConfigurationError(kind: .invalid, field: "defaults", message: "expected true or false")
            }
            if !keep { defaults = [] }
        }
        let disabled = try ConfigurationFields.strings(object["disable"], at: "disable")
        for (index, name) in disabled.enumerated() where !NormalizationRule.defaultNames.contains(name) {
            throw ConfigurationError(
                kind: .invalid, field: "disable[\(index)]",
                message:
                    "no built-in rule is called \"\(name)\"; they are "
                    + NormalizationRule.defaultNames.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        defaults.removeAll { disabled.contains($0.name) }
        var own: [NormalizationRule] = []
        guard let list = object["rules"].map({ $0.array }) ?? [] else {
            throw ConfigurationError(kind: .invalid, field: "rules", message: "expected an array of rules")
        }
        for (index, element) in list.enumerated() {
            do {
                own.append(try rule(element))
            } catch {
                throw error.located(field: "rules[\(index)]")
            }
        }
        var headers = defaultHeaders
        for name in try ConfigurationFields.strings(object["headers"], at: "headers")
        where !headers.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
            headers.append(name)
        }
        return Normalizer(rules: own + defaults, comparedHeaders: headers)
    }

    private static func rule(_ element: JSONValue) throws(ConfigurationError) -> NormalizationRule {
        guard let object = element.object else {
            throw ConfigurationError(kind: .invalid, message: "expected an object with \"name\" and \"replacement\"")
        }
        try ConfigurationFields.refuseUnknown(
            in: object, known: ["name", "path", "header", "pattern", "replacement"], at: nil)
        let name = try ConfigurationFields.string(object["name"], at: "name")
        let replacement = try ConfigurationFields.string(object["replacement"], at: "replacement")
        let path = try ConfigurationFields.optionalString(object["path"], at: "path")
        let header = try ConfigurationFields.optionalString(object["header"], at: "header")
        let pattern = try ConfigurationFields.optionalString(object["pattern"], at: "pattern")
        let scope: NormalizationRule.Scope
        switch (path, header) {
        case (let path?, nil):
            do {
                scope = .path(try PathPattern(parsing: path))
            } catch {
                throw error.located(field: "path")
            }
        case (nil, let header?):
            scope = .header(header)
        case (nil, nil):
            guard pattern != nil else {
                throw ConfigurationError(
                    kind: .invalid, field: "pattern",
                    message: "a rule without \"path\" or \"header\" applies to every string and needs a pattern")
            }
            scope = .everywhere
        case (_?, _?):
            throw ConfigurationError(kind: .invalid, message: "a rule has either \"path\" or \"header\", not both")
        }
        do {
            return try NormalizationRule(name: name, scope: scope, pattern: pattern, replacement: replacement)
        } catch {
            throw error.located(field: "pattern")
        }
    }

    // MARK: - Normalizing

    /// `value`, found at `path`, with the rules applied; each change noted in `notes`.
    func normalize(
        _ value: JSONValue, at path: ValuePath, target: NormalizationTarget, notes: inout [Normalization]
    ) -> JSONValue {
        var current = value
        // A path rule without a pattern replaces a whole value, containers too: nothing inside is compared.
        for rule in rules where rule.applies(at: path) {
            guard case .path = rule.scope, case .wholeValue = rule.finder else { continue }
            if current != .string(rule.replacement) {
                current = .string(rule.replacement)
                notes.append(Normalization(path: path.description, rule: rule.name))
            }
            return current
        }
        switch current {
        case .object(let object):
            return .object(
                JSONObject(
                    object.map { member in
                        (
                            member.key,
                            normalize(member.value, at: path.appending(key: member.key), target: target, notes: &notes)
                        )
                    }))
        case .array(let elements):
            return .array(
                elements.enumerated().map {
                    normalize($1, at: path.appending(index: $0), target: target, notes: &notes)
                })
        case .string(let text):
            return .string(normalize(text, at: path, target: target, notes: &notes))
        case .number(let number):
            return normalizeScalar(current, text: number.text, at: path, target: target, notes: &notes)
        case .bool(let flag):
            return normalizeScalar(current, text: flag ? "true" : "false", at: path, target: target, notes: &notes)
        case .null:
            return normalizeScalar(current, text: "null", at: path, target: target, notes: &notes)
        }
    }

    /// A number, Boolean or null: only path rules look at it, through its JSON text.
    private func normalizeScalar(
        _ value: JSONValue, text: String, at path: ValuePath, target: NormalizationTarget, notes: inout [Normalization]
    ) -> JSONValue {
        var current = text
        var changed = false
        for rule in rules where rule.applies(at: path) {
            guard case .path = rule.scope, let result = rule.apply(to: current, target: target) else { continue }
            current = result
            changed = true
            notes.append(Normalization(path: path.description, rule: rule.name))
        }
        return changed ? .string(current) : value
    }

    /// A string in a body (or a CSV cell) at `path` with the rules applied.
    func normalize(_ text: String, at path: ValuePath, target: NormalizationTarget, notes: inout [Normalization])
        -> String
    {
        var current = text
        for rule in rules where rule.applies(at: path) {
            guard let result = rule.apply(to: current, target: target) else { continue }
            current = result
            notes.append(Normalization(path: path.description, rule: rule.name))
        }
        return current
    }

    /// A plain-text body with the rules that apply everywhere; notes are made at `body`.
    func normalize(body text: String, target: NormalizationTarget, notes: inout [Normalization]) -> String {
        var current = text
        for rule in rules {
            guard case .everywhere = rule.scope, let result = rule.apply(to: current, target: target) else { continue }
            current = result
            notes.append(Normalization(path: "body", rule: rule.name))
        }
        return current
    }

    /// The value of the header `name` with the rules for headers applied; notes are made at its name.
    func normalize(header name: String, value: String, target: NormalizationTarget, notes: inout [Normalization])
        -> String
    {
        var current = value
        for rule in rules where rule.applies(toHeader: name) {
            guard let result = rule.apply(to: current, target: target) else { continue }
            current = result
            notes.append(Normalization(path: name, rule: rule.name))
        }
        return current
    }
}

/// Reading members of a configuration file's objects, with errors that name the member.
enum ConfigurationFields {
    static func refuseUnknown(in object: JSONObject, known: [String], at field: String?) throws(ConfigurationError) {
        for key in object.keys where !known.contains(key) {
            throw ConfigurationError(
                kind: .invalid, field: field,
                message:
                    "unknown member \"\(key)\"; expected " + known.map { "\"\($0)\"" }.joined(separator: ", "))
        }
    }

    static func string(_ value: JSONValue?, at field: String) throws(ConfigurationError) -> String {
        guard let text = try optionalString(value, at: field) else {
            throw ConfigurationError(kind: .invalid, field: field, message: "is required (a string)")
        }
        return text
    }

    static func optionalString(_ value: JSONValue?, at field: String) throws(ConfigurationError) -> String? {
        guard let value, !value.isNull else { return nil }
        guard let text = value.string else {
            throw ConfigurationError(kind: .invalid, field: field, message: "expected a string, got \(value.typeName)")
        }
        return text
    }

    static func strings(_ value: JSONValue?, at field: String) throws(ConfigurationError) -> [String] {
        guard let value, !value.isNull else { return [] }
        guard let elements = value.array else {
            throw ConfigurationError(kind: .invalid, field: field, message: "expected an array of strings")
        }
        var texts: [String] = []
        for (index, element) in elements.enumerated() {
            texts.append(try string(element, at: "\(field)[\(index)]"))
        }
        return texts
    }
}
