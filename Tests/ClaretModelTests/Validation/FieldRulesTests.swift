import ClaretModel
import ExactJSON
import Testing

@Suite("FieldRules applies Laravel's rules and writes the profile's sentences")
struct FieldRulesTests {
    let rules = FieldRules(profile: .standard)

    // MARK: required

    @Test(
        "required fails for absence, null, a blank string, an empty array and an empty object",
        arguments: [nil, JSONValue.null, "", "   ", [], [:]] as [JSONValue?])
    func requiredFailures(value: JSONValue?) {
        #expect(!FieldRules.isPresent(value))
    }

    @Test(
        "required passes for false, zero and any other value",
        arguments: [false, 0, "x", [1], ["a": 1]] as [JSONValue])
    func requiredPasses(value: JSONValue) {
        #expect(FieldRules.isPresent(value))
    }

    @Test("a missing required string names the attribute with underscores as spaces")
    func requiredStringMissing() {
        var rules = rules
        #expect(rules.requiredString(nil, "payload.0.item_name") == nil)
        #expect(rules.errors.entries.map(\.key) == ["payload.0.item_name"])
        #expect(rules.errors.entries.first?.messages == ["The payload.0.item name field is required."])
    }

    @Test("a required string is trimmed")
    func requiredStringTrimmed() {
        var rules = rules
        #expect(rules.requiredString("  SS-01\t", "bin") == "SS-01")
        #expect(rules.errors.isEmpty)
    }

    @Test("a number where a string is required fails the string rule")
    func requiredStringWrongType() {
        var rules = rules
        #expect(rules.requiredString(124, "item_name") == nil)
        #expect(rules.errors.entries.first?.messages == ["The item name field must be a string."])
    }

    @Test("an optional string is nil without failure when absent, null or blank")
    func optionalStringAbsent() {
        var rules = rules
        #expect(rules.optionalString(nil, "lot") == nil)
        #expect(rules.optionalString(.null, "lot") == nil)
        #expect(rules.optionalString("  ", "lot") == nil)
        #expect(rules.errors.isEmpty)
        #expect(rules.optionalString(" L1 ", "lot") == "L1")
    }

    @Test("an optional string of the wrong type fails")
    func optionalStringWrongType() {
        var rules = rules
        #expect(rules.optionalString(true, "lot") == nil)
        #expect(rules.errors.entries.first?.messages == ["The lot field must be a string."])
    }

    // MARK: boolean

    @Test(
        "a boolean accepts true, false, 1, 0, \"1\" and \"0\"",
        arguments: [(JSONValue.bool(true), true), (false, false), (1, true), (0, false), ("1", true), ("0", false)])
    func booleanAccepted(value: JSONValue, expected: Bool) {
        var rules = rules
        #expect(rules.requiredBoolean(value, "flag") == expected)
        #expect(rules.errors.isEmpty)
    }

    @Test(
        "any other boolean value fails with the boolean sentence",
        arguments: ["true", "false", "yes", 2, -1, "2", [true], ["a": true]] as [JSONValue])
    func booleanRefused(value: JSONValue) {
        var rules = rules
        #expect(rules.requiredBoolean(value, "arguments.allow_record_creation") == nil)
        #expect(
            rules.errors.entries.first?.messages == ["The arguments.allow record creation field must be true or false."]
        )
    }

    @Test("a number that is 1 or 0 only in value is not a boolean", arguments: ["1.0", "0.0", "1e0", "0e5", "10e-1"])
    func booleanNumberForms(text: String) throws {
        var rules = rules
        let number = try #require(JSONNumber(text: text))
        #expect(rules.requiredBoolean(.number(number), "flag") == nil)
        #expect(rules.errors.contains("flag"))
    }

    @Test("a missing boolean fails required, not boolean")
    func booleanMissing() {
        var rules = rules
        #expect(rules.requiredBoolean(.null, "arguments.should_continue_on_error") == nil)
        #expect(
            rules.errors.entries.first?.messages == ["The arguments.should continue on error field is required."])
    }

    // MARK: dates

    @Test("a bad date fails with the Y-m-d sentence")
    func badDate() {
        var rules = rules
        #expect(rules.requiredDate("2023-02-30", "payload.2.date_filled") == nil)
        #expect(
            rules.errors.entries.first?.messages == ["The payload.2.date filled field must match the format Y-m-d."])
    }

    @Test("a date surrounded by spaces is trimmed before it is read")
    func trimmedDate() {
        var rules = rules
        #expect(rules.requiredDate(" 2023-08-01 ", "date")?.text == "2023-08-01")
        #expect(rules.errors.isEmpty)
    }

    @Test("an optional date is nil without failure when absent and fails when malformed")
    func optionalDate() {
        var rules = rules
        #expect(rules.optionalDate(nil, "date_filled_from") == nil)
        #expect(rules.optionalDate("", "date_filled_from") == nil)
        #expect(rules.errors.isEmpty)
        #expect(rules.optionalDate("01/08/2023", "date_filled_from") == nil)
        #expect(rules.errors.entries.first?.messages == ["The date filled from field must match the format Y-m-d."])
    }

    // MARK: quantity

    @Test("a quantity given as a JSON number is kept exactly")
    func quantityNumber() throws {
        var rules = rules
        let value = try JSONParser.parse("12.345")
        #expect(rules.requiredPositiveQuantity(value, "quantity")?.text == "12.345")
        #expect(rules.errors.isEmpty)
    }

    @Test("a quantity given as a numeric string is accepted", arguments: ["12.345", " 40 ", "1e3"])
    func quantityString(text: String) {
        var rules = rules
        #expect(rules.requiredPositiveQuantity(.string(text), "quantity") != nil)
        #expect(rules.errors.isEmpty)
    }

    @Test("a non-numeric quantity fails the numeric rule", arguments: ["abc", true, [1]] as [JSONValue])
    func quantityNotNumeric(value: JSONValue) {
        var rules = rules
        #expect(rules.requiredPositiveQuantity(value, "payload.0.quantity") == nil)
        #expect(rules.errors.entries.first?.messages == ["The payload.0.quantity field must be a number."])
    }

    @Test(
        "a zero or negative quantity fails the greater-than-zero rule",
        arguments: [0, -5, "0.0", "-0.5"] as [JSONValue])
    func quantityNotPositive(value: JSONValue) {
        var rules = rules
        #expect(rules.requiredPositiveQuantity(value, "payload.0.quantity") == nil)
        #expect(rules.errors.entries.first?.messages == ["The payload.0.quantity field must be greater than 0."])
    }

    @Test("a blank quantity fails required")
    func quantityBlank() {
        var rules = rules
        #expect(rules.requiredPositiveQuantity(" ", "quantity") == nil)
        #expect(rules.errors.entries.first?.messages == ["The quantity field is required."])
    }

    // MARK: arrays and objects

    @Test("an array over its maximum fails with the max-items sentence but keeps its elements")
    func arrayOverMaximum() {
        var rules = rules
        let elements = rules.requiredArray([1, 2, 3], "payload", max: 2)
        #expect(elements?.count == 3)
        #expect(rules.errors.entries.first?.messages == ["The payload field must not have more than 2 items."])
    }

    @Test("an array at its maximum passes")
    func arrayAtMaximum() {
        var rules = rules
        #expect(rules.requiredArray([1, 2], "payload", max: 2)?.count == 2)
        #expect(rules.errors.isEmpty)
    }

    @Test("an empty required array fails required")
    func emptyRequiredArray() {
        var rules = rules
        #expect(rules.requiredArray([], "payload") == nil)
        #expect(rules.errors.entries.first?.messages == ["The payload field is required."])
    }

    @Test("a non-array fails the array rule", arguments: ["x", 1, ["a": 1]] as [JSONValue])
    func notAnArray(value: JSONValue) {
        var rules = rules
        #expect(rules.requiredArray(value, "payload") == nil)
        #expect(rules.errors.entries.first?.messages == ["The payload field must be an array."])
    }

    @Test(
        "an optional array is nil without failure when absent, null, empty or a blank string",
        arguments: [nil, JSONValue.null, [], "", "  "] as [JSONValue?])
    func optionalArrayAbsent(value: JSONValue?) {
        var rules = rules
        #expect(rules.optionalArray(value, "items") == nil)
        #expect(rules.errors.isEmpty)
    }

    @Test("an optional array of the wrong type fails the array rule")
    func optionalArrayWrongType() {
        var rules = rules
        #expect(rules.optionalArray("SS-01", "bins") == nil)
        #expect(rules.errors.entries.first?.messages == ["The bins field must be an array."])
    }

    @Test("a required object accepts an object and refuses an array with the array sentence")
    func requiredObject() {
        var rules = rules
        #expect(rules.requiredObject(["a": 1], "arguments")?["a"] == 1)
        #expect(rules.errors.isEmpty)
        #expect(rules.requiredObject([1], "arguments") == nil)
        #expect(rules.errors.entries.first?.messages == ["The arguments field must be an array."])
    }

    @Test("sentences come from the profile, so an override changes them")
    func sentencesFromProfile() throws {
        let profile = try BehaviourProfile(overrides: ["messages": ["required": "{attribute} is missing"]])
        var rules = FieldRules(profile: profile)
        _ = rules.requiredString(nil, "bin_name")
        #expect(rules.errors.entries.first?.messages == ["bin name is missing"])
    }

    @Test("fail fills extra parameters next to the attribute")
    func failWithParameters() {
        var rules = rules
        rules.fail("rows", .maxItems, ["max": "5"])
        #expect(rules.errors.entries.first?.messages == ["The rows field must not have more than 5 items."])
    }
}
