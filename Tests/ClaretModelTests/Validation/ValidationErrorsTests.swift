import ClaretModel
import ExactJSON
import Testing

@Suite("ValidationErrors groups sentences by dotted key and summarises them as Laravel does")
struct ValidationErrorsTests {
    @Test("no failures make an empty set with an empty summary")
    func empty() {
        let errors = ValidationErrors()
        #expect(errors.isEmpty)
        #expect(errors.summary(using: .standard) == "")
        #expect(errors.errorsObject == .object(JSONObject()))
    }

    @Test("sentences for one key gather under it, keys keep the order they were found")
    func grouping() {
        var errors = ValidationErrors()
        errors.add("payload.1.uom", "first")
        errors.add("payload.0.item_name", "second")
        errors.add("payload.1.uom", "third")
        #expect(errors.entries.map(\.key) == ["payload.1.uom", "payload.0.item_name"])
        #expect(errors.entries.first?.messages == ["first", "third"])
        #expect(errors.contains("payload.0.item_name"))
        #expect(!errors.contains("payload.0"))
    }

    @Test("a single failure is the whole message")
    func singleSummary() {
        var errors = ValidationErrors()
        errors.add("email", "The email field is required.")
        #expect(errors.summary(using: .standard) == "The email field is required.")
    }

    @Test("two failures say (and 1 more error)")
    func twoSummary() {
        var errors = ValidationErrors()
        errors.add("email", "The email field is required.")
        errors.add("password", "The password field is required.")
        #expect(errors.summary(using: .standard) == "The email field is required. (and 1 more error)")
    }

    @Test("the count covers every other sentence, including a second one under the first key")
    func manySummary() {
        var errors = ValidationErrors()
        errors.add("a", "A1.")
        errors.add("a", "A2.")
        errors.add("b", "B.")
        errors.add("c", "C.")
        #expect(errors.summary(using: .standard) == "A1. (and 3 more errors)")
    }

    @Test("errors keys keep their underscores while the sentence uses spaces")
    func errorsObjectKeys() throws {
        var rules = FieldRules(profile: .standard)
        _ = rules.requiredDate("2023-13-01", "payload.2.date_filled")
        let body = try laravelBody(rules.errors)
        let expected = try JSONParser.parse(
            #"""
            {"message": "The payload.2.date filled field must match the format Y-m-d.",
             "errors": {"payload.2.date_filled": ["The payload.2.date filled field must match the format Y-m-d."]}}
            """#)
        #expect(body == expected)
    }

    @Test("the errors object lists keys in the order found")
    func errorsObjectOrder() {
        var errors = ValidationErrors()
        errors.add("source", "S.")
        errors.add("arguments", "A.")
        #expect(errors.errorsObject.object?.keys == ["source", "arguments"])
        #expect(errors.errorsObject["arguments"] == ["A."])
    }

    @Test("the attribute for a key turns every underscore into a space")
    func attribute() {
        #expect(ValidationErrors.attribute(for: "arguments.allow_record_creation") == "arguments.allow record creation")
        #expect(ValidationErrors.attribute(for: "email") == "email")
    }

    @Test("the plural suffix comes from the profile")
    func suffixFromProfile() throws {
        let profile = try BehaviourProfile(overrides: ["messages": ["more_errors_many": "{message} [+{count}]"]])
        var errors = ValidationErrors()
        errors.add("a", "A.")
        errors.add("b", "B.")
        errors.add("c", "C.")
        #expect(errors.summary(using: profile) == "A. [+2]")
    }
}
