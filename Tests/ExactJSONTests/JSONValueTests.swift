import Testing

@testable import ExactJSON

@Suite("JSONValue answers questions about itself and builds from literals")
struct JSONValueTests {
    static let samples: [JSONValue] = [.null, .bool(true), .number(7), .string("s"), .array([1]), .object(["k": 1])]

    @Test("each accessor returns the payload of its own case and nil for every other", arguments: samples)
    func accessors(value: JSONValue) {
        #expect((value.string != nil) == (value.typeName == "string"))
        #expect((value.bool != nil) == (value.typeName == "boolean"))
        #expect((value.number != nil) == (value.typeName == "number"))
        #expect((value.array != nil) == (value.typeName == "array"))
        #expect((value.object != nil) == (value.typeName == "object"))
        #expect(value.isNull == (value.typeName == "null"))
    }

    @Test("accessors return the payload itself")
    func payloads() {
        #expect(JSONValue.string("s").string == "s")
        #expect(JSONValue.bool(false).bool == false)
        #expect(JSONValue.number(7).number?.int == 7)
        #expect(JSONValue.array([1, 2]).array == [1, 2])
        #expect(JSONValue.object(["k": 1]).object?.keys == ["k"])
    }

    @Test("type names are JSON's own words")
    func typeNames() {
        #expect(Self.samples.map(\.typeName) == ["null", "boolean", "number", "string", "array", "object"])
    }

    @Test("the key subscript finds members of objects only")
    func keySubscript() {
        let value: JSONValue = ["a": ["b": 1]]
        #expect(value["a"]?["b"] == 1)
        #expect(value["missing"] == nil)
        #expect(JSONValue.array([1])["a"] == nil)
        #expect(JSONValue.string("a")["a"] == nil)
    }

    @Test("the index subscript finds elements of arrays only, in range")
    func indexSubscript() {
        let value: JSONValue = [10, 20, 30]
        #expect(value[0] == 10)
        #expect(value[2] == 30)
        #expect(value[3] == nil)
        #expect(value[-1] == nil)
        #expect(JSONValue.object(["0": 1])[0] == nil)
    }

    @Test("literals build the matching cases")
    func literals() {
        let string: JSONValue = "text"
        let integer: JSONValue = -3
        let float: JSONValue = 12.345
        let bool: JSONValue = true
        let null: JSONValue = nil
        let array: JSONValue = [1, "two", nil]
        #expect(string == .string("text"))
        #expect(integer == .number(JSONNumber(-3)))
        #expect(float.number?.text == "12.345")
        #expect(bool == .bool(true))
        #expect(null == .null)
        #expect(array == .array([.number(1), .string("two"), .null]))
    }

    @Test("a dictionary literal keeps its order and its duplicates")
    func dictionaryLiteral() {
        let value: JSONValue = ["z": 1, "a": 2, "z": 3]
        #expect(value.object?.keys == ["z", "a", "z"])
        #expect(value["z"] == 3)
    }

    @Test("values compare numbers by value and arrays in order")
    func equality() throws {
        #expect(try JSONParser.parse("[1.0, {\"a\": 2e0}]") == [1, ["a": 2]])
        #expect(try JSONParser.parse("[2, 1]") != [1, 2])
        #expect(JSONValue.string("1") != .number(1))
        #expect(JSONValue.bool(false) != .null)
    }

    @Test("the description is compact JSON")
    func description() {
        let value: JSONValue = ["a": [1, "x"], "b": nil]
        #expect(value.description == #"{"a":[1,"x"],"b":null}"#)
    }
}
