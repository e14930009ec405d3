import ExactJSON
import Testing
import YAMLReader

@Suite("JSON documents read through libyaml match ExactJSON's parser")
struct JSONEquivalenceTests {
    static let documents: [String] = [
        #"{"a":1,"b":[1,2,{"c":null}],"d":"x\/y","t":true,"f":false}"#,
        """
        {
          "name": "Caf\\u00e9 \\"quoted\\"\\n\\ttab \\\\ back",
          "price": 12.345,
          "count": -0,
          "big": 123456789012345678901234567890,
          "exp": 1.5E-7,
          "neg": -2.5e+3,
          "empty": "",
          "nested": {"list": [], "object": {}, "deep": [[[["x"]]]]},
          "unicode": "日本語 é",
          "nulls": [null, null]
        }
        """,
        "[\n\t1,\n\t\"two\",\n\t{\"three\": 3.0}\n]",
        #""just a string""#,
        "42",
        "null",
        #"[{"id":"A-1","qty":10,"tags":["x","y"]},{"id":"A-2","qty":0.5,"tags":[]}]"#,
    ]

    @Test("a JSON document converts to exactly what ExactJSON parses", arguments: documents)
    func sameValue(_ document: String) throws {
        let expected = try JSONParser.parse(document)
        let actual = try YAMLParser.parse(document).json
        #expect(actual == expected)
        // Serialised text also compares number text and key order, which == deliberately ignores.
        #expect(actual.serialized() == expected.serialized())
    }

    @Test("JSON values keep positions so errors can point into a JSON file")
    func jsonPositions() throws {
        let node = try YAMLParser.parse("{\n  \"a\": [10, 20],\n  \"b\": \"x\"\n}")
        #expect(node["a"]?[1]?.position == at(2, 13))
        #expect(node["b"]?.position == at(3, 8))
        #expect(node["b"]?.scalar?.isPlain == false)
    }

    @Test("a JSON syntax error has a position")
    func jsonSyntaxError() {
        let error = parsingError("{\n  \"a\": 1,\n  \"b\" 2\n}")
        #expect(error?.kind == .syntax)
        #expect(error?.position.line == 3)
    }
}
