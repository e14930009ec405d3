import ClaretModel
import ExactJSON
import Foundation

extension Matcher {
    /// Checks the values selected at `path` (none when absent) and returns the mismatches; empty means passed.
    ///
    /// Nothing selected passes only `exists: false`; anything else reports one `missing` mismatch. Each
    /// selected value must pass on its own, so with a wildcard path every selected value is checked.
    /// Mismatches name `path`, or a path below it for `each` elements and `equals` members; to have each
    /// wildcard-selected value reported at its own path, use ``evaluate(in:at:)``.
    public func evaluate(_ values: [JSONValue], at path: JSONPath) -> [Mismatch] {
        evaluate(located: values.map { JSONPath.Located(path: path, value: $0) }, at: path)
    }

    /// Selects `path` in `document` and checks what it finds, reporting each value at its own definite path.
    public func evaluate(in document: JSONValue, at path: JSONPath) -> [Mismatch] {
        evaluate(located: path.locate(in: document), at: path)
    }

    /// Checks values already located in a document; `path`, the path they were selected by, names a `missing` mismatch.
    public func evaluate(located: [JSONPath.Located], at path: JSONPath) -> [Mismatch] {
        guard !located.isEmpty else {
            if acceptsAbsence { return [] }
            return [
                Mismatch(
                    path: path.description, kind: .missing, expected: expectedText, actual: nil,
                    message: "\(path): expected \(phrase), but it is absent")
            ]
        }
        return located.flatMap { check($0.value, at: $0.path) }
    }

    /// Whether the matcher passes when nothing is there.
    public var acceptsAbsence: Bool {
        switch self {
        case .exists(let flag): !flag
        case .all(let matchers): matchers.allSatisfy(\.acceptsAbsence)
        default: false
        }
    }

    /// The mismatches of one present `value` found at `path`.
    func check(_ value: JSONValue, at path: JSONPath) -> [Mismatch] {
        switch self {
        case .equals(let expected):
            return Matcher.differences(expected: expected, actual: value, at: path)
        case .notEquals(let unwanted):
            guard value == unwanted else { return [] }
            return [mismatch(.valueChanged, at: path, actual: value)]
        case .type(let type):
            guard !type.admits(value) else { return [] }
            return [typeMismatch(at: path, actual: value)]
        case .matches(let pattern):
            return checkPattern(pattern, value, at: path)
        case .exists(let flag):
            guard !flag else { return [] }
            return [
                mismatch(.unexpected, at: path, actual: value, message: "expected no value, got \(value.serialized())")
            ]
        case .compare(let comparison, let bound):
            guard case .number(let number) = value else { return [typeMismatch(at: path, actual: value)] }
            guard !comparison.holds(number, against: bound) else { return [] }
            return [mismatch(.outOfRange, at: path, actual: value)]
        case .length(let count):
            return checkLength(count, value, at: path)
        case .contains(let element):
            return checkContains(element, value, at: path)
        case .isIn(let values):
            guard !values.contains(value) else { return [] }
            return [mismatch(.valueChanged, at: path, actual: value)]
        case .each(let element):
            guard case .array(let elements) = value else { return [typeMismatch(at: path, actual: value)] }
            return elements.enumerated().flatMap { element.check($1, at: path.appending(index: $0)) }
        case .all(let matchers):
            return matchers.flatMap { $0.check(value, at: path) }
        }
    }

    /// The mismatches of `value` against the regular expression `pattern`.
    private func checkPattern(_ pattern: String, _ value: JSONValue, at path: JSONPath) -> [Mismatch] {
        guard case .string(let text) = value else { return [typeMismatch(at: path, actual: value)] }
        guard let expression = try? NSRegularExpression(pattern: pattern) else {
            // Only a matcher built in code can get here: parse(_:) refuses patterns that do not compile.
            return [
                mismatch(
                    .patternMismatch, at: path, actual: value,
                    message: "/\(pattern)/ is not a valid regular expression, so \(value.serialized()) cannot match it")
            ]
        }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        guard expression.firstMatch(in: text, range: range) == nil else { return [] }
        return [mismatch(.patternMismatch, at: path, actual: value)]
    }

    /// The mismatches of `value`'s length against `count`.
    private func checkLength(_ count: Matcher, _ value: JSONValue, at path: JSONPath) -> [Mismatch] {
        let length: Int
        switch value {
        case .array(let elements): length = elements.count
        case .string(let text): length = text.unicodeScalars.count
        case .object(let object): length = Set(object.keys).count
        default:
            return [
                mismatch(
                    .typeChanged, at: path, actual: value,
                    message: "expected an array, string or object with \(description), got \(Matcher.typed(value))")
            ]
        }
        guard !count.check(.number(JSONNumber(length)), at: path).isEmpty else { return [] }
        return [
            Mismatch(
                path: path.description, kind: .lengthMismatch, expected: description, actual: String(length),
                message: "\(path): expected \(description), got length \(length)")
        ]
    }

    /// The mismatches of `value` against `contains element`.
    private func checkContains(_ element: Matcher, _ value: JSONValue, at path: JSONPath) -> [Mismatch] {
        let literal: String?
        if case .equals(.string(let text)) = element { literal = text } else { literal = nil }
        let wanted: String
        switch (value, literal) {
        case (.array(let elements), _):
            let found = elements.enumerated().contains { element.check($1, at: path.appending(index: $0)).isEmpty }
            if found { return [] }
            if case .equals(let expected) = element {
                wanted = "an array containing \(expected.serialized())"
            } else {
                wanted = "an array with an element that is \(element.phrase)"
            }
        case (.string(let text), let literal?):
            if text.contains(literal) || literal.isEmpty { return [] }
            wanted = "a string containing \(JSONValue.string(literal).serialized())"
        case (.object(let object), let literal?):
            if object.contains(literal) { return [] }
            wanted = "an object with key \(JSONValue.string(literal).serialized())"
        default:
            let wantedType: String
            switch element {
            case .equals(.string(let text)):
                wantedType = "an array, string or object containing \(JSONValue.string(text).serialized())"
            case .equals(let expected):
                wantedType = "an array containing \(expected.serialized())"
            default:
                wantedType = "an array with an element that is \(element.phrase)"
            }
            return [
                mismatch(
                    .typeChanged, at: path, actual: value,
                    message: "expected \(wantedType), got \(Matcher.typed(value))")
            ]
        }
        return [
            mismatch(.notContained, at: path, actual: value, message: "expected \(wanted), got \(value.serialized())")
        ]
    }

    /// A mismatch of this matcher at `path`; the message is "path: expected <phrase>, got <actual>" unless given.
    private func mismatch(_ kind: Mismatch.Kind, at path: JSONPath, actual: JSONValue, message: String? = nil)
        -> Mismatch
    {
        let sentence = message ?? "expected \(phrase), got \(actual.serialized())"
        return Mismatch(
            path: path.description, kind: kind, expected: expectedText, actual: actual.serialized(),
            message: "\(path): \(sentence)")
    }

    /// A type mismatch of this matcher at `path`, naming the actual value's type.
    private func typeMismatch(at path: JSONPath, actual: JSONValue) -> Mismatch {
        mismatch(.typeChanged, at: path, actual: actual, message: "expected \(phrase), got \(Matcher.typed(actual))")
    }

    /// How `actual` differs from `expected`, member by member and element by element, so each difference
    /// is reported at its own path; empty when they are equal.
    static func differences(expected: JSONValue, actual: JSONValue, at path: JSONPath) -> [Mismatch] {
        if expected == actual { return [] }
        switch (expected, actual) {
        case (.object(let expectedObject), .object(let actualObject)):
            var mismatches: [Mismatch] = []
            for key in uniqueKeys(expectedObject) {
                guard let wanted = expectedObject[key] else { continue }
                let memberPath = path.appending(key: key)
                if let found = actualObject[key] {
                    mismatches += differences(expected: wanted, actual: found, at: memberPath)
                } else {
                    mismatches.append(missing(wanted, at: memberPath))
                }
            }
            for key in uniqueKeys(actualObject) where !expectedObject.contains(key) {
                guard let found = actualObject[key] else { continue }
                mismatches.append(extra(found, at: path.appending(key: key)))
            }
            return mismatches
        case (.array(let expectedElements), .array(let actualElements)):
            var mismatches: [Mismatch] = []
            for index in 0..<max(expectedElements.count, actualElements.count) {
                let elementPath = path.appending(index: index)
                switch (expectedElements.indices.contains(index), actualElements.indices.contains(index)) {
                case (true, true):
                    mismatches += differences(
                        expected: expectedElements[index], actual: actualElements[index], at: elementPath)
                case (true, false):
                    mismatches.append(missing(expectedElements[index], at: elementPath))
                default:
                    mismatches.append(extra(actualElements[index], at: elementPath))
                }
            }
            return mismatches
        default:
            let sameType = expected.typeName == actual.typeName
            let message =
                sameType
                ? "\(path): expected \(expected.serialized()), got \(actual.serialized())"
                : "\(path): expected \(typed(expected)), got \(typed(actual))"
            return [
                Mismatch(
                    path: path.description, kind: sameType ? .valueChanged : .typeChanged,
                    expected: expected.serialized(), actual: actual.serialized(), message: message)
            ]
        }
    }

    /// The keys of `object`, each once, in order of first appearance.
    private static func uniqueKeys(_ object: JSONObject) -> [String] {
        var seen: Set<String> = []
        return object.keys.filter { seen.insert($0).inserted }
    }

    /// The mismatch for an expected member or element that is not there.
    private static func missing(_ expected: JSONValue, at path: JSONPath) -> Mismatch {
        Mismatch(path: path.description, kind: .missing, expected: expected.serialized(), actual: nil)
    }

    /// The mismatch for a member or element that is there but not expected.
    private static func extra(_ actual: JSONValue, at path: JSONPath) -> Mismatch {
        Mismatch(path: path.description, kind: .extra, expected: "absent", actual: actual.serialized())
    }
}
