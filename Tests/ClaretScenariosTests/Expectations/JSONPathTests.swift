import ExactJSON
import Testing

@testable import ClaretScenarios

@Suite("JSONPath reads paths, writes them canonically and selects values")
struct JSONPathTests {
    /// A small import response with an array, nested objects and keys that need quoting.
    static let document: JSONValue = [
        "message": "Inventory import processed.",
        "content": [
            "status": "completed",
            "summary": ["received": 3, "created": 2, "updated": 1, "failed": 0],
        ],
        "errors": ["payload.2.date_filled": ["The payload.2.date filled field must match the format Y-m-d."]],
        "data": [["item": "122-16"], ["item": "124"], ["item": "ZAMNVCAS19"]],
        "odd keys": ["it's": 1, "say \"hi\"": 2],
    ]

    /// The values `text` selects in ``document``.
    static func select(_ text: String) throws -> [JSONValue] {
        try JSONPath(parsing: text).select(in: document)
    }

    /// The error reading `text` gives, or nil when it reads.
    static func error(_ text: String) -> JSONPathError? {
        do {
            _ = try JSONPath(parsing: text)
            return nil
        } catch {
            return error
        }
    }

    @Test("'$' alone is the root and selects the whole document")
    func root() throws {
        let path = try JSONPath(parsing: "$")
        #expect(path == .root)
        #expect(path.segments.isEmpty)
        #expect(path.select(in: Self.document) == [Self.document])
    }

    @Test("dotted keys walk into nested objects")
    func dottedKeys() throws {
        let path = try JSONPath(parsing: "$.content.summary.created")
        #expect(path.segments == [.key("content"), .key("summary"), .key("created")])
        #expect(path.select(in: Self.document) == [2])
    }

    @Test("a bracket-quoted key may hold dots, in double or single quotes")
    func quotedKeys() throws {
        let expected: [JSONValue] = [["The payload.2.date filled field must match the format Y-m-d."]]
        #expect(try Self.select(#"$.errors["payload.2.date_filled"]"#) == expected)
        #expect(try Self.select("$.errors['payload.2.date_filled']") == expected)
        #expect(try JSONPath(parsing: "$['odd keys']").segments == [.key("odd keys")])
    }

    @Test("a backslash in a quoted key escapes the quote")
    func escapedQuotes() throws {
        #expect(try Self.select(#"$["odd keys"]['it\'s']"#) == [1])
        #expect(try Self.select(#"$["odd keys"]["say \"hi\""]"#) == [2])
    }

    @Test("an index picks an array element, and a negative one counts from the end")
    func indexes() throws {
        #expect(try Self.select("$.data[0].item") == ["122-16"])
        #expect(try Self.select("$.data[-1]") == [["item": "ZAMNVCAS19"]])
        #expect(try Self.select("$.data[-3].item") == ["122-16"])
    }

    @Test("a wildcard selects every array element in order, and every member value of an object")
    func wildcards() throws {
        #expect(try Self.select("$.data[*].item") == ["122-16", "124", "ZAMNVCAS19"])
        #expect(try Self.select("$.data.*.item") == ["122-16", "124", "ZAMNVCAS19"])
        #expect(try Self.select("$.content.summary[*]") == [3, 2, 1, 0])
    }

    @Test(
        "a step that does not apply selects nothing",
        arguments: [
            "$.missing", "$.content.summary.created.deeper", "$.data[3]", "$.data[-4]", "$.content[0]",
            "$.data.item", "$.message[*]", "$.data[*].missing",
        ])
    func absent(text: String) throws {
        #expect(try Self.select(text) == [])
    }

    @Test("locating a wildcard path gives each value its own definite path")
    func locate() throws {
        let located = try JSONPath(parsing: "$.data[*].item").locate(in: Self.document)
        #expect(located.map(\.path.description) == ["$.data[0].item", "$.data[1].item", "$.data[2].item"])
        #expect(try JSONPath(parsing: "$.data[-1]").locate(in: Self.document).map(\.path.description) == ["$.data[2]"])
    }

    @Test(
        "the description is canonical: dots for plain keys, double-quoted brackets for others, [*] for wildcards",
        arguments: [
            ("$", "$"), ("$.content.summary", "$.content.summary"),
            ("$['payload.2.date_filled']", #"$["payload.2.date_filled"]"#),
            (#"$["item_name"]"#, "$.item_name"), ("$.data.*", "$.data[*]"), ("$.data[-1]", "$.data[-1]"),
            (#"$['say "hi"']"#, #"$["say \"hi\""]"#), (#"$["a\\b"]"#, #"$["a\\b"]"#), (#"$[""]"#, #"$[""]"#),
            ("$.job-id.2", "$.job-id.2"), ("$['*']", #"$["*"]"#),
        ])
    func canonicalDescription(text: String, canonical: String) throws {
        let path = try JSONPath(parsing: text)
        #expect(path.description == canonical)
        #expect(try JSONPath(parsing: canonical) == path)
    }

    @Test("appending a key or an index extends the path")
    func appending() throws {
        let path = JSONPath.root.appending(key: "errors").appending(key: "payload.0.uom").appending(index: 0)
        #expect(path.description == #"$.errors["payload.0.uom"][0]"#)
        #expect(path.isDefinite)
        #expect(!path.appendingWildcard().isDefinite)
    }

    @Test(
        "malformed paths are refused with the kind of problem and the column where it is",
        arguments: [
            ("", JSONPathError.Kind.missingRoot, 1),
            ("content.status", .missingRoot, 1),
            ("$.", .missingKey, 3),
            ("$..items", .recursiveDescent, 3),
            ("$.content status", .unexpectedCharacter, 10),
            ("$.a.b c", .unexpectedCharacter, 6),
            ("$.data[", .badBracket, 7),
            ("$.data[0", .badBracket, 7),
            ("$.data[abc]", .badBracket, 8),
            ("$.data[-]", .badBracket, 9),
            ("$.data[1 ]", .badBracket, 9),
            ("$['unclosed]", .unterminatedKey, 3),
            ("$.data[99999999999999999999]", .indexTooLarge, 8),
            ("$.a.\"b\"", .missingKey, 5),
            ("$x", .unexpectedCharacter, 2),
        ])
    func malformed(text: String, kind: JSONPathError.Kind, column: Int) {
        let error = Self.error(text)
        #expect(error?.kind == kind)
        #expect(error?.column == column)
        #expect(error?.text == text)
    }

    @Test("a path error's message explains the problem and its description names the column")
    func errorMessages() {
        #expect(Self.error("content.status")?.message == "a path starts with '$', as in '$.content.status'")
        #expect(
            Self.error("$.content status")?.description
                == "invalid path '$.content status': column 10: a space cannot start a step; "
                + "a step is '.key', '[index]', '[*]' or '[\"key\"]'")
        #expect(Self.error("$['unclosed]")?.message == "the key quoted at column 3 has no closing '")
        #expect(Self.error("$..items")?.code == "recursive_descent")
        #expect(Self.error("$.data[0")?.message == "'[' is never closed")
        #expect(Self.error("$.data[1 ]")?.message == "expected ']' to close the '[' at column 7")
    }
}
