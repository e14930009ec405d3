import ExactJSON
import Testing
import YAMLReader

/// A scalar as written in a document and the compact JSON it must convert to.
struct TypedScalar: Sendable, CustomTestStringConvertible {
    let yaml: String
    let json: String

    init(_ yaml: String, _ json: String) {
        self.yaml = yaml
        self.json = json
    }

    var testDescription: String { "\(yaml.debugDescription) → \(json)" }
}

@Suite("Scalars are typed by the YAML 1.2 core schema")
struct ScalarTypingTests {
    static let plainScalars: [TypedScalar] = [
        TypedScalar("null", "null"), TypedScalar("Null", "null"), TypedScalar("NULL", "null"),
        TypedScalar("~", "null"), TypedScalar("", "null"),
        TypedScalar("true", "true"), TypedScalar("True", "true"), TypedScalar("TRUE", "true"),
        TypedScalar("false", "false"), TypedScalar("False", "false"), TypedScalar("FALSE", "false"),
        // YAML 1.1 booleans and odd capitalisations are strings in the core schema.
        TypedScalar("yes", #""yes""#), TypedScalar("on", #""on""#), TypedScalar("tRUE", #""tRUE""#),
        TypedScalar("nULL", #""nULL""#),
        TypedScalar("0", "0"), TypedScalar("42", "42"), TypedScalar("-17", "-17"), TypedScalar("+1", "1"),
        TypedScalar("007", "7"), TypedScalar("-007", "-7"), TypedScalar("-0", "-0"),
        TypedScalar("123456789012345678901234567890", "123456789012345678901234567890"),
        TypedScalar("0x1F", "31"), TypedScalar("0xff", "255"), TypedScalar("0o17", "15"),
        TypedScalar("0x10000000000000000", "18446744073709551616"), TypedScalar("0x0", "0"),
        TypedScalar("0x", #""0x""#), TypedScalar("0o8", #""0o8""#), TypedScalar("0b101", #""0b101""#),
        TypedScalar("-0x1F", #""-0x1F""#),
        TypedScalar("1.5", "1.5"), TypedScalar("-2.5e3", "-2.5e3"), TypedScalar(".5", "0.5"),
        TypedScalar("-.5", "-0.5"), TypedScalar("1.", "1.0"), TypedScalar("+1.5E-3", "1.5E-3"),
        TypedScalar("12.345", "12.345"), TypedScalar("1.10", "1.10"), TypedScalar("1e3", "1e3"),
        TypedScalar("00.5", "0.5"), TypedScalar("1.e+2", "1.0e+2"),
        TypedScalar(".inf", #"".inf""#), TypedScalar("-.Inf", #""-.Inf""#), TypedScalar(".NaN", #"".NaN""#),
        TypedScalar(".", #"".""#), TypedScalar("1.2.3", #""1.2.3""#), TypedScalar("1_000", #""1_000""#),
        TypedScalar("1e", #""1e""#), TypedScalar("e3", #""e3""#),
        TypedScalar("2024-01-05", #""2024-01-05""#), TypedScalar("12:30", #""12:30""#),
        TypedScalar("hello world", #""hello world""#),
    ]

    @Test("a plain scalar converts to the core schema's type", arguments: plainScalars)
    func plainScalar(_ scalar: TypedScalar) throws {
        #expect(try jsonText(scalar.yaml) == scalar.json)
    }

    static let quotedScalars: [TypedScalar] = [
        TypedScalar("'true'", #""true""#), TypedScalar(#""12""#, #""12""#), TypedScalar("'~'", #""~""#),
        TypedScalar(#""""#, #""""#), TypedScalar("''", #""""#), TypedScalar("'null'", #""null""#),
        TypedScalar("|\n  12\n", #""12\n""#), TypedScalar(">-\n  true\n", #""true""#),
    ]

    @Test("a quoted or block scalar is a string whatever its text", arguments: quotedScalars)
    func quotedScalar(_ scalar: TypedScalar) throws {
        #expect(try jsonText(scalar.yaml) == scalar.json)
        #expect(try YAMLParser.parse(scalar.yaml).scalar?.isPlain == false)
    }

    static let taggedScalars: [TypedScalar] = [
        TypedScalar("!!str 12", #""12""#), TypedScalar("!!str true", #""true""#), TypedScalar("!!str", #""""#),
        TypedScalar("! 12", #""12""#), TypedScalar(#"!!int "12""#, "12"), TypedScalar("!!int 0x10", "16"),
        TypedScalar("!!float 1", "1"), TypedScalar("!!float '.5'", "0.5"), TypedScalar(#"!!bool "true""#, "true"),
        TypedScalar("!!bool FALSE", "false"), TypedScalar("!!null ''", "null"), TypedScalar("!!null ~", "null"),
        TypedScalar("!<tag:yaml.org,2002:int> 7", "7"),
    ]

    @Test("an explicit core tag decides the type", arguments: taggedScalars)
    func taggedScalar(_ scalar: TypedScalar) throws {
        #expect(try jsonText(scalar.yaml) == scalar.json)
    }

    @Test("a tag keeps its libyaml spelling on the scalar")
    func tagSpelling() throws {
        let node = try YAMLParser.parse("a: !!int 5\nb: ! 6\nc: 7")
        #expect(node["a"]?.scalar?.tag == "tag:yaml.org,2002:int")
        #expect(node["b"]?.scalar?.tag == "!")
        #expect(node["c"]?.scalar?.tag == nil)
        #expect(node["c"]?.scalar?.isPlain == true)
    }

    @Test("numbers keep their exact text and never pass through Double")
    func exactNumbers() throws {
        let node = try YAMLParser.parse(
            "price: 12.345\nbig: 123456789012345678901234567890.000000000000000000001\nlong: 0.1000000000000000055511151231257827"
        )
        #expect(node["price"]?.json.number?.text == "12.345")
        #expect(node["big"]?.json.number?.text == "123456789012345678901234567890.000000000000000000001")
        #expect(node["long"]?.json.number?.text == "0.1000000000000000055511151231257827")
        #expect(node.json["price"] == .number(JSONNumber(text: "12.345") ?? 0))
    }

    @Test("a hand-built scalar whose tag does not fit stays a string")
    func handBuiltScalar() {
        let scalar = YAMLScalar(text: "abc", isPlain: true, tag: "tag:yaml.org,2002:int")
        #expect(scalar.json == .string("abc"))
        #expect(YAMLScalar(text: "0o10", isPlain: true).json == 8)
    }

    @Test("typeName and isNull follow the typed value")
    func typeNames() throws {
        let node = try YAMLParser.parse("a: ~\nb: yes\nc: 1.5\nd: true\ne: []\nf: {}\ng: '~'")
        let names = node.mappingKeys.map { node[$0]?.typeName ?? "missing" }
        #expect(names == ["null", "string", "number", "boolean", "sequence", "mapping", "string"])
        #expect(node["a"]?.isNull == true)
        #expect(node["g"]?.isNull == false)
        #expect(node["e"]?.isNull == false)
    }
}
