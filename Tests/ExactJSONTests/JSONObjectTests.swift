import Testing

@testable import ExactJSON

@Suite("JSONObject keeps pairs in order and compares by content")
struct JSONObjectTests {
    @Test("pairs keep the order they were given, duplicates included")
    func order() {
        let object = JSONObject([("b", 1), ("a", 2), ("b", 3)])
        #expect(object.keys == ["b", "a", "b"])
        #expect(object.values == [1, 2, 3])
        #expect(object.count == 3)
        #expect(object.map(\.key) == ["b", "a", "b"])
        #expect(object.map(\.value) == [1, 2, 3])
    }

    @Test("lookup returns the last value for a key and nil for a missing key")
    func lookup() {
        let object: JSONObject = ["a": 1, "b": 2, "a": 3]
        #expect(object["a"] == 3)
        #expect(object["b"] == 2)
        #expect(object["c"] == nil)
        #expect(object.contains("a"))
        #expect(!object.contains("c"))
    }

    @Test("a present key with a null value is found, unlike a missing key")
    func nullValue() {
        let object: JSONObject = ["a": nil]
        #expect(object["a"] == .some(.null))
        #expect(object.contains("a"))
    }

    @Test("setting an existing key replaces its value in place")
    func setExisting() {
        var object: JSONObject = ["a": 1, "b": 2, "c": 3]
        object["b"] = "two"
        #expect(object.keys == ["a", "b", "c"])
        #expect(object["b"] == "two")
    }

    @Test("setting a new key appends it")
    func setNew() {
        var object: JSONObject = ["a": 1]
        object["z"] = true
        #expect(object.keys == ["a", "z"])
        #expect(object["z"] == true)
    }

    @Test("setting a duplicated key keeps its first position and drops the other pairs")
    func setDuplicated() {
        var object: JSONObject = ["a": 1, "b": 2, "a": 3, "c": 4]
        object["a"] = 9
        #expect(object.keys == ["a", "b", "c"])
        #expect(object["a"] == 9)
    }

    @Test("setting nil removes every pair with the key")
    func remove() {
        var object: JSONObject = ["a": 1, "b": 2, "a": 3]
        object["a"] = nil
        #expect(object.keys == ["b"])
        #expect(object["a"] == nil)
        object["missing"] = nil
        #expect(object.count == 1)
    }

    @Test("append adds a pair even when the key exists")
    func append() {
        var object: JSONObject = ["a": 1]
        object.append("a", 2)
        #expect(object.keys == ["a", "a"])
        #expect(object["a"] == 2)
        #expect(object.duplicateKeys == ["a"])
    }

    @Test("duplicate keys are listed once each, in order of first appearance")
    func duplicateKeys() {
        let object: JSONObject = ["x": 1, "b": 1, "a": 1, "b": 2, "x": 3, "b": 4]
        #expect(object.duplicateKeys == ["x", "b"])
        #expect(JSONObject().duplicateKeys.isEmpty)
    }

    @Test("objects with the same pairs in a different order are equal and hash alike")
    func orderInsensitiveEquality() {
        let lhs: JSONObject = ["a": 1, "b": [true, nil], "c": ["d": "e"]]
        let rhs: JSONObject = ["c": ["d": "e"], "a": 1.0, "b": [true, nil]]
        #expect(lhs == rhs)
        #expect(lhs.hashValue == rhs.hashValue)
        #expect(Set([JSONValue.object(lhs), .object(rhs)]).count == 1)
    }

    @Test("objects differing in a key or a value are unequal")
    func inequality() {
        let base: JSONObject = ["a": 1, "b": 2]
        #expect(base != ["a": 1, "b": 3])
        #expect(base != ["a": 1, "c": 2])
        #expect(base != ["a": 1])
        #expect(base != ["a": 1, "b": 2, "c": 3])
    }

    @Test("equality sees what lookup sees: the last value of each key")
    func equalityWithDuplicates() {
        let withDuplicate: JSONObject = ["a": 1, "b": 2, "a": 3]
        #expect(withDuplicate == ["b": 2, "a": 3])
        #expect(withDuplicate != ["a": 1, "b": 2])
    }

    @Test("the description is compact JSON in source order")
    func description() {
        let object: JSONObject = ["b": 1, "a": [nil, "x"]]
        #expect(object.description == #"{"b":1,"a":[null,"x"]}"#)
    }
}
