import Testing

@testable import ExactJSON

@Suite("JSONValue serializes to JSON that reads back the same")
struct JSONValueSerializationTests {
    static let sample: JSONValue = [
        "name": "bolt",
        "qty": .number(JSONNumber(text: "12.345") ?? 0),
        "tags": ["a", nil, true],
        "empty": [:],
        "none": [],
        "nested": ["deep": [["x": false]]],
    ]

    @Test("compact output has no whitespace and keeps pair order")
    func compact() {
        let expected =
            #"{"name":"bolt","qty":12.345,"tags":["a",null,true],"#
            + #""empty":{},"none":[],"nested":{"deep":[{"x":false}]}}"#
        #expect(Self.sample.serialized() == expected)
    }

    @Test("pretty output indents by two spaces with a space after each colon")
    func pretty() {
        let expected = """
            {
              "name": "bolt",
              "qty": 12.345,
              "tags": [
                "a",
                null,
                true
              ],
              "empty": {},
              "none": [],
              "nested": {
                "deep": [
                  {
                    "x": false
                  }
                ]
              }
            }
            """
        #expect(Self.sample.serialized(pretty: true) == expected)
    }

    @Test("sorted keys order every object's pairs, duplicates staying in source order")
    func sortedKeys() {
        let value: JSONValue = ["b": 1, "a": ["d": 1, "c": 2], "B": 2, "b": 3]
        #expect(value.serialized(sortedKeys: true) == #"{"B":2,"a":{"c":2,"d":1},"b":1,"b":3}"#)
        #expect(value.serialized() == #"{"b":1,"a":{"d":1,"c":2},"B":2,"b":3}"#)
    }

    @Test("numbers are written exactly as their text")
    func numbersAsText() throws {
        let texts = ["12.345", "-0.5e-10", "123456789012345678901234567890", "-0", "1E+3", "2.50"]
        let value = JSONValue.array(try texts.map { .number(try number($0)) })
        #expect(value.serialized() == "[" + texts.joined(separator: ",") + "]")
    }

    @Test("quotes, backslashes and control characters are escaped; slash and non-ASCII are not")
    func stringEscapes() {
        let value = JSONValue.string("\"\\/\u{8}\u{C}\n\r\t\u{0}\u{1F}\u{7F}é😀")
        #expect(value.serialized() == #""\"\\/\b\f\n\r\t\u0000\u001f"# + "\u{7F}é😀\"")
    }

    @Test("keys are escaped like strings")
    func keyEscapes() {
        let value: JSONValue = ["a\"b\n": 1]
        #expect(value.serialized() == #"{"a\"b\n":1}"#)
    }

    @Test("compact input with exact numbers survives a parse and serialize round trip byte for byte")
    func exactRoundTrip() throws {
        let text =
            #"{"qty":12.345,"tiny":-0.5e-10,"big":123456789012345678901234567890,"neg":-0,"#
            + #""exp":1E+3,"list":[0.10,2.0,{"a":null,"a":false}],"s":"x\"y\\z\u0001é😀/"}"#
        #expect(try JSONParser.parse(text).serialized() == text)
        #expect(try JSONParser.parse(text).serializedBytes() == Array(text.utf8))
    }

    @Test("strings with escapes and surrogate pairs survive a round trip")
    func stringRoundTrip() throws {
        let strings = ["\u{0}\u{1}\u{1F}", "tab\there", "😀𝄞", "\u{FEFF}bom", "e\u{301}", "\\u0041", "\"", ""]
        for string in strings {
            let parsed = try JSONParser.parse(JSONValue.string(string).serialized())
            #expect(parsed.string?.unicodeScalars.elementsEqual(string.unicodeScalars) == true)
        }
    }

    @Test("pretty output parses back to an equal value")
    func prettyRoundTrip() throws {
        #expect(try JSONParser.parse(Self.sample.serialized(pretty: true)) == Self.sample)
    }

    @Test("scalars and empty containers are written on their own")
    func scalars() {
        #expect(JSONValue.null.serialized(pretty: true) == "null")
        #expect(JSONValue.bool(false).serialized() == "false")
        #expect(JSONValue.array([]).serialized(pretty: true) == "[]")
        #expect(JSONValue.object([:]).serialized(pretty: true) == "{}")
    }

    @Test("the byte form is the UTF-8 of the text form")
    func bytesMatchText() {
        #expect(Self.sample.serializedBytes(pretty: true) == Array(Self.sample.serialized(pretty: true).utf8))
    }
}
