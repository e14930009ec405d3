import ExactJSON
import Testing
import YAMLReader

@Suite("Anchors, aliases and merge keys")
struct AliasAndMergeTests {
    @Test("an alias resolves to a copy of its anchored node, positions included")
    func aliasCopiesNode() throws {
        let node = try YAMLParser.parse(
            """
            base: &b {x: 1, y: [2, 3]}
            copy: *b
            scalar: &s hello
            again: *s
            """)
        #expect(node["copy"] == node["base"])
        #expect(node["copy"]?.position == at(1, 7))
        #expect(node["again"]?.json == "hello")
        #expect(node.json["copy"] == ["x": 1, "y": [2, 3]])
    }

    @Test("a later anchor with the same name replaces the earlier one from there on")
    func anchorRedefinition() throws {
        let node = try YAMLParser.parse("a: &n 1\nb: *n\nc: &n 2\nd: *n")
        #expect(node.json.serialized() == #"{"a":1,"b":1,"c":2,"d":2}"#)
    }

    @Test("an alias may be a mapping key when it names a scalar")
    func aliasAsKey() throws {
        let node = try YAMLParser.parse("k: &k name\n*k : value")
        #expect(node.mappingKeys == ["k", "name"])
    }

    @Test("a key written as an alias is reported where the alias is written")
    func aliasKeyErrors() {
        let duplicate = parsingError("k: &k name\nname: 1\n*k : 2")
        #expect(duplicate?.kind == .duplicateKey)
        #expect(duplicate?.position == at(3, 1))
        #expect(duplicate?.message == "duplicate key 'name' (first at line 2, column 1)")
        let collection = parsingError("m: &m {a: 1}\nx:\n  *m : 2")
        #expect(collection?.kind == .nonScalarKey)
        #expect(collection?.position == at(3, 3))
    }

    @Test("a merge key adds the pairs the mapping does not set itself, explicit keys winning")
    func mergeKey() throws {
        let node = try YAMLParser.parse(
            """
            defaults: &d
              method: GET
              timeout: 5
            step:
              path: /items
              <<: *d
              timeout: 10
            """)
        #expect(node["step"]?.mappingKeys == ["path", "method", "timeout"])
        #expect(node["step"]?.json == ["path": "/items", "method": "GET", "timeout": 10])
        #expect(node["step"]?["method"]?.position == at(2, 11))
    }

    @Test("a merge key explicit key wins even when written before the merge")
    func explicitKeyBeforeMerge() throws {
        let node = try YAMLParser.parse("b: &b {x: 1, y: 2}\nm: {x: 9, <<: *b}")
        #expect(node["m"]?.json.serialized() == #"{"x":9,"y":2}"#)
    }

    @Test("a merge of several mappings lets the earlier mapping win")
    func mergeSequence() throws {
        let node = try YAMLParser.parse(
            """
            one: &one {a: 1, b: 1}
            two: &two {b: 2, c: 2}
            both:
              <<: [*one, *two, {d: 4}]
              e: 5
            """)
        #expect(node["both"]?.json.serialized() == #"{"a":1,"b":1,"c":2,"d":4,"e":5}"#)
    }

    @Test("merges nest: an anchored mapping that merged keeps its merged pairs")
    func nestedMerge() throws {
        let node = try YAMLParser.parse("a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b, z: 3}")
        #expect(node["c"]?.json.serialized() == #"{"x":1,"y":2,"z":3}"#)
    }

    @Test("a quoted << is an ordinary key")
    func quotedMergeKey() throws {
        let node = try YAMLParser.parse(#"{"<<": 5}"#)
        #expect(node.json == ["<<": 5])
    }

    @Test("a merge key with a scalar value is refused at the value")
    func mergeOfScalar() {
        let error = parsingError("a: 1\nb:\n  <<: 7\n")
        #expect(error?.kind == .invalidMerge)
        #expect(error?.position == at(3, 7))
        #expect(error?.message == "a merge key '<<' takes a mapping or a sequence of mappings, found a number")
    }

    @Test("a merge sequence holding a non-mapping is refused at that element")
    func mergeOfSequenceWithScalar() {
        let error = parsingError("a: &a {x: 1}\nb: {<<: [*a, oops]}")
        #expect(error?.kind == .invalidMerge)
        #expect(error?.position == at(2, 14))
    }

    @Test("an unknown alias is reported at the alias")
    func unknownAlias() {
        let error = parsingError("a: 1\nb: [x, *missing]")
        #expect(error?.kind == .unknownAlias)
        #expect(error?.position == at(2, 8))
        #expect(error?.message == "unknown alias '*missing'; no anchor '&missing' is defined before it")
    }

    @Test("an alias inside its own anchored node is refused as recursive")
    func recursiveAlias() {
        let error = parsingError("a: &self\n  child: *self\n")
        #expect(error?.kind == .unknownAlias)
        #expect(error?.position == at(2, 10))
        #expect(error?.message.contains("contains it") == true)
    }

    @Test("aliases that expand exponentially are refused before they are expanded")
    func billionLaughs() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [" + Array(repeating: previous, count: 10).joined(separator: ", ") + "]\n"
        }
        let error = parsingError(text)
        #expect(error?.kind == .tooLarge)
        #expect(error?.message == "aliases expand to more than 100000 nodes")
    }

    @Test("an alias that would nest deeper than the limit is refused at the alias")
    func aliasDepth() {
        let deep = String(repeating: "[", count: 5) + String(repeating: "]", count: 5)
        let text = "a: &d \(deep)\nb: [[*d]]"
        // The alias sits three levels deep (mapping, sequence, sequence) and adds five more.
        #expect(parsingError(text, maxDepth: 7)?.kind == .tooDeep)
        #expect(parsingError(text, maxDepth: 7)?.position == at(2, 6))
        #expect(parsingError(text, maxDepth: 8) == nil)
    }
}
