import Foundation
import Testing

@testable import ExactJSON

@Suite("JSONParser reads strict JSON into values that keep what was written")
struct JSONParserTests {
    @Test("a document with every kind of value reads into the matching cases")
    func everyKind() throws {
        let value = try JSONParser.parse(
            #"{"name": "bolt", "qty": 12.345, "ok": true, "gone": false, "note": null, "tags": ["a", 1]}"#)
        #expect(value["name"] == .string("bolt"))
        #expect(value["qty"]?.number?.text == "12.345")
        #expect(value["ok"] == .bool(true))
        #expect(value["gone"] == .bool(false))
        #expect(value["note"] == .null)
        #expect(value["tags"] == .array([.string("a"), .number(1)]))
    }

    @Test(
        "a scalar on its own is a whole document",
        arguments: [("1", JSONValue.number(1)), ("\"x\"", .string("x")), ("true", .bool(true)), ("null", .null)])
    func scalarDocument(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(text) == expected)
    }

    @Test("numbers keep their exact text through parsing")
    func exactNumberText() throws {
        let texts = ["12.345", "-0.5e-10", "123456789012345678901234567890", "-0", "1E+3", "0.10", "2.0", "1e-0"]
        let value = try JSONParser.parse("[" + texts.joined(separator: ",") + "]")
        #expect(value.array?.compactMap { $0.number?.text } == texts)
    }

    @Test("object keys keep their source order")
    func keyOrder() throws {
        let value = try JSONParser.parse(#"{"zeta": 1, "alpha": 2, "mid": 3, "beta": 4}"#)
        #expect(value.object?.keys == ["zeta", "alpha", "mid", "beta"])
    }

    @Test("duplicate keys are all kept and lookup returns the last")
    func duplicateKeys() throws {
        let value = try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        let object = try #require(value.object)
        #expect(object.keys == ["a", "b", "a"])
        #expect(object.count == 3)
        #expect(object["a"] == .number(3))
        #expect(object.duplicateKeys == ["a"])
    }

    @Test("nested arrays and objects come back in shape")
    func nesting() throws {
        let value = try JSONParser.parse(#"[[], {}, [[1, [2]], {"a": {"b": [3, {}]}}], {"c": []}]"#)
        #expect(value[0] == .array([]))
        #expect(value[1] == .object(JSONObject()))
        #expect(value[2]?[0] == [1, [2]])
        #expect(value[2]?[1]?["a"]?["b"] == [3, [:]])
        #expect(value[3]?["c"] == [])
        #expect(value.array?.count == 4)
    }

    @Test("whitespace of all four kinds is allowed around every token")
    func whitespace() throws {
        let value = try JSONParser.parse(" \t\r\n{ \"a\" \n:\t[ 1 ,\r\n2 ] , \"b\" : { } }\n\n ")
        #expect(value == ["a": [1, 2], "b": [:]])
    }

    @Test("every escape decodes to its character")
    func escapes() throws {
        let value = try JSONParser.parse(#""\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC\u0000""#)
        #expect(value.string == "\"\\/\u{8}\u{C}\n\r\t" + "Aé€\u{0}")
    }

    @Test("a surrogate pair escape decodes to one character beyond the basic plane")
    func surrogatePair() throws {
        let value = try JSONParser.parse(#"["\ud83d\ude00", "x\uD834\uDD1Ey"]"#)
        #expect(value[0]?.string == "😀")
        #expect(value[0]?.string?.unicodeScalars.map(\.value) == [0x1F600])
        #expect(value[1]?.string == "x𝄞y")
    }

    @Test("raw non-ASCII text in strings is read as written")
    func rawUnicode() throws {
        let value = try JSONParser.parse(#"{"Größe": "Äpfel 🍎 東京", "e\u0301": 1}"#)
        #expect(value["Größe"] == "Äpfel 🍎 東京")
        #expect(value.object?.keys.last?.unicodeScalars.map(\.value) == [0x65, 0x301])
    }

    @Test("a string mixing raw text and escapes keeps both in order")
    func mixedEscapes() throws {
        let value = try JSONParser.parse(#""héllo\tw\u00f6rld \"q\" end""#)
        #expect(value.string == "héllo\twörld \"q\" end")
    }

    @Test("a leading byte order mark is skipped")
    func byteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
        #expect(try JSONParser.parse("\u{FEFF}{\"a\": true}") == ["a": true])
    }

    @Test("a byte order mark anywhere but the start is refused")
    func byteOrderMarkLater() throws {
        let error = try #require(parsingError(" \u{FEFF}1"))
        #expect(error.kind == .unexpectedCharacter)
        #expect(error.column == 2)
    }

    @Test("nesting exactly at the limit parses and one more level is refused")
    func depthLimit() throws {
        let atLimit = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(parsingError(atLimit) == nil)
        let beyond = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        let error = try #require(parsingError(beyond))
        #expect(error.kind == .tooDeep)
        #expect(error.column == 513)
    }

    @Test("a hostile body of a million open brackets is refused, not a crash")
    func hostileNesting() throws {
        let error = try #require(parsingError([UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)))
        #expect(error.kind == .tooDeep)
        #expect(error.offset == 512)
    }

    @Test("a caller can allow deeper nesting than the default")
    func deeperLimit() throws {
        let text = String(repeating: "{\"a\":", count: 2000) + "0" + String(repeating: "}", count: 2000)
        var value = try JSONParser.parse(text, maxDepth: 2000)
        var depth = 0
        while let inner = value["a"] {
            value = inner
            depth += 1
        }
        #expect(depth == 2000)
        #expect(value == 0)
    }

    @Test("bytes, text and Data inputs parse to the same value")
    func inputForms() throws {
        let text = #"{"a": [1.50, "é"], "b": null}"#
        let fromText = try JSONParser.parse(text)
        #expect(try JSONParser.parse(Array(text.utf8)) == fromText)
        #expect(try JSONParser.parse(Data(text.utf8)) == fromText)
        #expect(fromText["a"]?[0]?.number?.text == "1.50")
    }

    @Test("empty Data is an empty body")
    func emptyData() {
        let empty = JSONSyntaxError(kind: .emptyBody, message: "the body is empty", line: 1, column: 1, offset: 0)
        #expect(throws: empty) {
            try JSONParser.parse(Data())
        }
    }

    @Test("an import body of 1000 records parses with every record intact")
    func largeBody() throws {
        let records = (0..<1000).map { index in
            #"{"sku":"S\#(index)","name":"Bolt \#(index)","qty":\#(index).345,"uom":"EA","loc":"A1","ok":true}"#
        }
        let value = try JSONParser.parse("[" + records.joined(separator: ",") + "]")
        let array = try #require(value.array)
        #expect(array.count == 1000)
        #expect(array[999]["qty"]?.number?.text == "999.345")
        #expect(array[500].object?.keys == ["sku", "name", "qty", "uom", "loc", "ok"])
    }
}
