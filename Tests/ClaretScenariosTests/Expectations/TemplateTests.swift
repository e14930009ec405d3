import ExactJSON
import Testing

@testable import ClaretScenarios

@Suite("Templates put variables into scenario values")
struct TemplateTests {
    /// Variables as a scenario would have them after logging in and queuing an import.
    static let variables: Variables = [
        "token": "1|bfDoNPffjU6k541RYSLB68oEfHySweWJ2HSx34sZ",
        "job_id": 7,
        "quantity": .number(JSONNumber(text: "12.3450") ?? 0),
        "big": .number(JSONNumber(text: "1e3") ?? 0),
        "flags": ["allow_record_creation": true, "allow_record_update": false],
        "env.HOME": "/home/ci",
        "nothing": nil,
        "field": "lot_name",
    ]

    /// The error rendering `value` gives, or nil when it renders.
    static func error(_ value: JSONValue, with variables: Variables = variables) -> TemplateError? {
        do {
            _ = try Template.render(value, with: variables)
            return nil
        } catch {
            return error
        }
    }

    @Test("a string that is exactly one placeholder becomes the variable's value, exact numbers kept")
    func wholeValue() throws {
        let quantity = try Template.render(JSONValue.string("{{quantity}}"), with: Self.variables)
        #expect(quantity.number?.text == "12.3450")
        #expect(try Template.render(JSONValue.string("{{big}}"), with: Self.variables).number?.text == "1e3")
        #expect(try Template.render(JSONValue.string("{{flags}}"), with: Self.variables) == Self.variables["flags"])
        #expect(try Template.render(JSONValue.string("{{nothing}}"), with: Self.variables) == .null)
        #expect(try Template.render(JSONValue.string("{{ job_id }}"), with: Self.variables) == 7)
    }

    @Test("inside a longer string, strings go in raw and other values as compact JSON")
    func insertedText() throws {
        #expect(
            try Template.render("Bearer {{token}}", with: Self.variables)
                == "Bearer 1|bfDoNPffjU6k541RYSLB68oEfHySweWJ2HSx34sZ")
        #expect(
            try Template.render("/demo/api/v1/imports/status/{{job_id}}", with: Self.variables)
                == "/demo/api/v1/imports/status/7")
        #expect(try Template.render("qty={{quantity}}&n={{ big }}", with: Self.variables) == "qty=12.3450&n=1e3")
        #expect(
            try Template.render("args={{flags}}", with: Self.variables)
                == #"args={"allow_record_creation":true,"allow_record_update":false}"#)
        #expect(try Template.render("{{nothing}}!", with: Self.variables) == "null!")
        #expect(try Template.render("{{job_id}}{{job_id}}", with: Self.variables) == "77")
        #expect(try Template.render("{{env.HOME}}/seed.json", with: Self.variables) == "/home/ci/seed.json")
    }

    @Test("a JSON value is rendered throughout, object keys included, other scalars untouched")
    func wholeDocument() throws {
        let template: JSONValue = [
            "source": "api",
            "arguments": "{{flags}}",
            "payload": [["{{field}}": "RM19CASRUT.ZAM", "quantity": "{{quantity}}", "note": "job {{job_id}}"]],
            "count": 2, "ok": true, "none": nil,
        ]
        let rendered = try Template.render(template, with: Self.variables)
        #expect(
            rendered.serialized()
                == #"{"source":"api","arguments":{"allow_record_creation":true,"allow_record_update":false},"#
                + #""payload":[{"lot_name":"RM19CASRUT.ZAM","quantity":12.3450,"note":"job 7"}],"#
                + #""count":2,"ok":true,"none":null}"#)
    }

    @Test("an unknown variable is refused, suggesting a near name and listing the known ones")
    func unknownVariable() throws {
        let error = try #require(Self.error("Bearer {{tokn}}"))
        #expect(error.kind == .unknownVariable)
        #expect(error.name == "tokn")
        #expect(
            error.message
                == "unknown variable 'tokn'; did you mean 'token'? "
                + "Known variables: big, env.HOME, field, flags, job_id, nothing, quantity, token")
        #expect(error.knownNames.count == 8)
    }

    @Test("an unknown variable without a near name, or with no variables at all, says so")
    func unknownWithoutSuggestion() throws {
        #expect(
            Self.error("{{lot}}", with: ["token": "t"])?.message == "unknown variable 'lot'; known variables: token")
        #expect(Self.error("{{lot}}", with: [:])?.message == "unknown variable 'lot'; no variables are defined")
    }

    @Test("a long list of known names is cut short with a count of the rest")
    func manyKnownNames() throws {
        var many = Variables()
        for index in 10..<40 { many["v\(index)"] = .number(JSONNumber(index)) }
        let message = try #require(Self.error("{{zzz}}", with: many)?.message)
        #expect(message.hasSuffix("v28, v29 and 10 more"))
    }

    @Test("an error inside a JSON value names the path of the string, or of the member for a key")
    func errorPaths() throws {
        let inValue = try #require(Self.error(["payload": [["lot_name": "{{lot}}"]]]))
        #expect(inValue.path?.description == "$.payload[0].lot_name")
        #expect(inValue.description.hasPrefix("$.payload[0].lot_name: unknown variable 'lot'"))
        let inKey = try #require(Self.error(["rows": [["{{column}}": 1]]]))
        #expect(inKey.path?.description == #"$.rows[0]["{{column}}"]"#)
        #expect(inKey.name == "column")
    }

    @Test("a backslash before {{ makes it literal; paired backslashes before {{ leave one backslash")
    func escapes() throws {
        #expect(try Template.render(#"\{{token}}"#, with: Self.variables) == "{{token}}")
        #expect(try Template.render(#"\{{unknown}} is fine"#, with: Self.variables) == "{{unknown}} is fine")
        #expect(try Template.render(#"\\{{job_id}}"#, with: Self.variables) == #"\7"#)
        #expect(try Template.render(#"\\\{{job_id}}"#, with: Self.variables) == #"\{{job_id}}"#)
        #expect(try Template.render(#"C:\data\{ {job_id}"#, with: Self.variables) == #"C:\data\{ {job_id}"#)
        #expect(try Template.render("}} and { alone", with: Self.variables) == "}} and { alone")
        #expect(try Template.render(JSONValue.string(#"\{{job_id}}"#), with: Self.variables) == "{{job_id}}")
    }

    @Test(
        "malformed placeholders are refused, {{{{ included, with a hint about \\{{",
        arguments: [
            ("{{token", TemplateError.Kind.unterminatedPlaceholder, "token"),
            ("Bearer {{ token }", .unterminatedPlaceholder, " token }"),
            ("{{{{token}}}}", .invalidName, "{{token"),
            ("{{}}", .invalidName, ""),
            ("{{ two words }}", .invalidName, " two words "),
            ("{{a|b}}", .invalidName, "a|b"),
        ])
    func malformed(text: String, kind: TemplateError.Kind, name: String) throws {
        let error = try #require(Self.error(.string(text)))
        #expect(error.kind == kind)
        #expect(error.name == name)
        #expect(error.message.hasSuffix(#"write \{{ for a literal '{{'"#))
    }

    @Test("a malformed placeholder's message quotes what was written")
    func malformedMessages() {
        #expect(
            Self.error("{{{{token}}}}")?.message
                == #"'{{{{token}}' is not a placeholder: a name is letters, digits, '_', '-' and '.'; "#
                + #"write \{{ for a literal '{{'"#)
        #expect(
            Self.error("id {{job_id")?.message
                == #"'{{job_id' opens a placeholder with '{{' but never closes it with '}}'; write \{{ for a literal '{{'"#
        )
    }

    @Test("names lists the variables a value refers to, keys included, skipping escaped and malformed ones")
    func names() {
        let value: JSONValue = [
            "{{key}}": ["{{a}}", #"x {{ b }} \{{c}}"#, "{{bad name}}", "{{unclosed", 3, ["{{env.HOME}}"]]
        ]
        #expect(Template.names(in: value) == ["key", "a", "b", "env.HOME"])
        #expect(Template.names(in: "no placeholders") == [])
    }

    @Test("variables can be set, removed and merged, the merged-in values winning")
    func variables() {
        var base: Variables = ["token": "old", "job_id": 7]
        base["tenant"] = "demo"
        base["job_id"] = nil
        #expect(base.names == ["tenant", "token"])
        let merged = base.merging(["token": "new", "run": 2])
        #expect(merged["token"] == "new")
        #expect(merged["tenant"] == "demo")
        #expect(merged.names == ["run", "tenant", "token"])
        #expect(base["token"] == "old")
        #expect(Variables().isEmpty)
        #expect(Variables(["a": 1]) == ["a": 1])
    }
}
