import ExactJSON

/// Laravel's validation rules over JSON input, writing failures into `ValidationErrors`.
///
/// Each check reports at most one failure per field (the first rule that fails), like Laravel's `bail`.
/// Strings are trimmed and an empty string counts as missing, as Laravel's TrimStrings and
/// ConvertEmptyStringsToNull middleware make it.
public struct FieldRules {
    /// Where the sentences come from.
    public let profile: BehaviourProfile
    /// The failures so far.
    public var errors = ValidationErrors()

    /// Starts with no failures.
    public init(profile: BehaviourProfile) { self.profile = profile }

    /// Records the sentence `name` for `key`, with the attribute filled in.
    public mutating func fail(_ key: String, _ name: MessageName, _ extra: [String: String] = [:]) {
        var parameters = extra
        parameters["attribute"] = ValidationErrors.attribute(for: key)
        errors.add(key, profile.message(name, parameters))
    }

    /// Whether Laravel's `required` passes: present, not null, not a blank string, not an empty array.
    public static func isPresent(_ value: JSONValue?) -> Bool {
        switch value {
        case .none, .null?: return false
        case .string(let text)?: return !text.trimmingSpaces.isEmpty
        case .array(let elements)?: return !elements.isEmpty
        case .object(let object)?: return object.count > 0
        default: return true
        }
    }

    /// `required|string`: the trimmed string, or nil after recording the failure.
    public mutating func requiredString(_ value: JSONValue?, _ key: @autoclosure () -> String) -> String? {
        guard FieldRules.isPresent(value) else {
            fail(key(), .required)
            return nil
        }
        return string(value, key())
    }

    /// `nullable|string`: the trimmed string, nil when absent or blank, or nil after recording a failure.
    public mutating func optionalString(_ value: JSONValue?, _ key: @autoclosure () -> String) -> String? {
        guard FieldRules.isPresent(value) else { return nil }
        return string(value, key())
    }

    private mutating func string(_ value: JSONValue?, _ key: @autoclosure () -> String) -> String? {
        guard case .string(let text)? = value else {
            fail(key(), .string)
            return nil
        }
        return text.trimmingSpaces
    }

    /// `required|boolean`: accepts true, false, 1, 0, "1", "0".
    public mutating func requiredBoolean(_ value: JSONValue?, _ key: @autoclosure () -> String) -> Bool? {
        guard FieldRules.isPresent(value) else {
            fail(key(), .required)
            return nil
        }
        switch value {
        case .bool(let flag)?: return flag
        // Laravel compares strictly with the integers 1 and 0, so 1.0 and 1e0 (floats once decoded) are refused.
        case .number(let number)? where number.text == "1": return true
        case .number(let number)? where number.text == "0" || number.text == "-0": return false
        case .string("1")?: return true
        case .string("0")?: return false
        default:
            fail(key(), .boolean)
            return nil
        }
    }

    /// `required|date_format:Y-m-d`.
    public mutating func requiredDate(_ value: JSONValue?, _ key: @autoclosure () -> String) -> CalendarDate? {
        guard FieldRules.isPresent(value) else {
            fail(key(), .required)
            return nil
        }
        // A non-string (a number, say) fails the format, as Laravel's date_format does, not a "string" rule.
        guard case .string(let raw)? = value, let date = CalendarDate(parsing: raw.trimmingSpaces) else {
            fail(key(), .dateFormat)
            return nil
        }
        return date
    }

    /// `nullable|date_format:Y-m-d`: nil when absent or blank.
    public mutating func optionalDate(_ value: JSONValue?, _ key: @autoclosure () -> String) -> CalendarDate? {
        guard FieldRules.isPresent(value) else { return nil }
        guard case .string(let raw)? = value, let date = CalendarDate(parsing: raw.trimmingSpaces) else {
            fail(key(), .dateFormat)
            return nil
        }
        return date
    }

    /// `required|numeric|gt:0`: a JSON number or a numeric string, kept exactly.
    public mutating func requiredPositiveQuantity(_ value: JSONValue?, _ key: @autoclosure () -> String) -> Quantity? {
        guard FieldRules.isPresent(value) else {
            fail(key(), .required)
            return nil
        }
        let quantity: Quantity?
        switch value {
        case .number(let number)?: quantity = Quantity(parsing: number.text)
        case .string(let text)?: quantity = Quantity(parsing: text)
        default: quantity = nil
        }
        guard let quantity else {
            fail(key(), .numeric)
            return nil
        }
        guard quantity.isPositive else {
            fail(key(), .greaterThanZero, ["value": "0"])
            return nil
        }
        return quantity
    }

    /// `required|array|max:N`: the elements, or nil after recording the failure.
    public mutating func requiredArray(_ value: JSONValue?, _ key: @autoclosure () -> String, max: Int? = nil)
        -> [JSONValue]?
    {
        guard FieldRules.isPresent(value) else {
            fail(key(), .required)
            return nil
        }
        return array(value, key(), max: max)
    }

    /// `nullable|array|max:N`: nil when absent, null or empty.
    public mutating func optionalArray(_ value: JSONValue?, _ key: @autoclosure () -> String, max: Int? = nil)
        -> [JSONValue]?
    {
        // Absent, null, blank and empty all mean "not given" (isPresent).
        guard FieldRules.isPresent(value) else { return nil }
        return array(value, key(), max: max)
    }

    private mutating func array(_ value: JSONValue?, _ key: @autoclosure () -> String, max: Int?) -> [JSONValue]? {
        guard case .array(let elements)? = value else {
            fail(key(), .array)
            return nil
        }
        if let max, elements.count > max {
            fail(key(), .maxItems, ["max": String(max)])
        }
        return elements
    }

    /// `required|array` for an object (Laravel calls both arrays).
    public mutating func requiredObject(_ value: JSONValue?, _ key: @autoclosure () -> String) -> JSONObject? {
        guard FieldRules.isPresent(value) else {
            fail(key(), .required)
            return nil
        }
        guard case .object(let object)? = value else {
            fail(key(), .array)
            return nil
        }
        return object
    }
}
