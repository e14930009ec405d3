import ExactJSON
import Testing
import YAMLReader

@Suite("YAMLParser builds a tree of positioned nodes")
struct YAMLParserTests {
    @Test("an empty document is a null node at line 1, column 1")
    func emptyDocument() throws {
        for text in ["", "\n\n", "# only a comment\n", "\u{FEFF}"] {
            let node = try YAMLParser.parse(text)
            #expect(node.isNull, "\(text.debugDescription)")
            #expect(node.position == at(1, 1), "\(text.debugDescription)")
        }
        #expect(try YAMLParser.parse("---\n").isNull)
    }

    @Test("literal block scalars keep line breaks and follow their chomping indicator")
    func literalBlockScalars() throws {
        let node = try YAMLParser.parse(
            """
            clip: |
              line 1
                indented

            strip: |-
              x

            keep: |+
              y


            last: end
            """)
        #expect(node["clip"]?.scalar?.text == "line 1\n  indented\n")
        #expect(node["strip"]?.scalar?.text == "x")
        #expect(node["keep"]?.scalar?.text == "y\n\n\n")
        #expect(node["clip"]?.scalar?.isPlain == false)
    }

    @Test("folded block scalars join lines with spaces and keep blank lines as breaks")
    func foldedBlockScalars() throws {
        let node = try YAMLParser.parse(
            """
            folded: >
              folded
              text

              next paragraph
            stripped: >-
              a
              b
            kept: >+
              c

            after: 1
            """)
        #expect(node["folded"]?.scalar?.text == "folded text\nnext paragraph\n")
        #expect(node["stripped"]?.scalar?.text == "a b")
        #expect(node["kept"]?.scalar?.text == "c\n\n")
    }

    @Test("double-quoted escapes and single-quoted doubling are decoded")
    func quotedScalars() throws {
        let node = try YAMLParser.parse(#"a: "tab\there \u00e9 \"q\" \x41"\#nb: 'it''s'"#)
        #expect(node["a"]?.json == "tab\there é \"q\" A")
        #expect(node["b"]?.json == "it's")
    }

    @Test("block and flow collections convert to arrays and objects in order")
    func collections() throws {
        let node = try YAMLParser.parse(
            """
            list: [1, two, {three: 3}]
            map: {b: 1, a: [x, y]}
            block:
              - name: n1
                tags: [t]
              - plain
              -
              - - nested
            empty: {}
            none: []
            """)
        #expect(node.mappingKeys == ["list", "map", "block", "empty", "none"])
        #expect(node["map"]?.mappingKeys == ["b", "a"])
        #expect(
            node.json.serialized()
                == #"{"list":[1,"two",{"three":3}],"map":{"b":1,"a":["x","y"]},"#
                + #""block":[{"name":"n1","tags":["t"]},"plain",null,["nested"]],"empty":{},"none":[]}"#)
        #expect(node["block"]?.elements?.count == 4)
        #expect(node["block"]?[1]?.scalar?.text == "plain")
        #expect(node["block"]?[4] == nil)
        #expect(node["list"]?["x"] == nil)
    }

    @Test("nested nodes report where they start")
    func nestedPositions() throws {
        let node = try YAMLParser.parse(
            """
            # leading comment
            steps:
              - name: first
                request: {method: GET, path: "/items"}
              -   name: second
                  body: |
                    text
            """)
        #expect(node.position == at(2, 1))
        let steps = try #require(node["steps"])
        #expect(steps.position == at(3, 3))
        #expect(steps[0]?.position == at(3, 5))
        #expect(steps[0]?["name"]?.position == at(3, 11))
        let request = try #require(steps[0]?["request"])
        #expect(request.position == at(4, 14))
        #expect(request["method"]?.position == at(4, 23))
        #expect(request["path"]?.position == at(4, 34))
        #expect(steps[1]?.position == at(5, 7))
        #expect(steps[1]?["body"]?.position == at(6, 13))
        let pair = try #require(steps[0]?.pair(forKey: "request"))
        #expect(pair.key.position == at(4, 5))
    }

    @Test("columns count characters, not bytes, and a byte order mark is not counted")
    func columnsCountCharacters() throws {
        let node = try YAMLParser.parse("\u{FEFF}é: [ü, x]\r\nnext: 1")
        #expect(node["é"]?[1]?.position == at(1, 8))
        #expect(node["next"]?.position == at(2, 7))
    }

    @Test("an indentless sequence under a key starts at its dash")
    func indentlessSequence() throws {
        let node = try YAMLParser.parse("items:\n- a\n- b\n")
        #expect(node["items"]?.position == at(2, 1))
        #expect(node["items"]?.json == ["a", "b"])
    }

    @Test("keys are compared by text, so 1 and '1' are the same JSON key")
    func keysAreTexts() throws {
        let node = try YAMLParser.parse("1: a\ntrue: b\n~: c")
        #expect(node.json.serialized() == #"{"1":"a","true":"b","~":"c"}"#)
        #expect(parsingError("1: a\n'1': b")?.kind == .duplicateKey)
    }

    @Test("text and bytes parse to the same tree")
    func textAndBytesAgree() throws {
        let text = "a: [1, {b: c}]\nd: é\n"
        #expect(try YAMLParser.parse(text) == YAMLParser.parse(Array(text.utf8)))
    }

    @Test("a node built by hand measures and converts like a parsed one")
    func handBuiltNode() throws {
        let key = YAMLNode(.scalar(YAMLScalar(text: "n", isPlain: true)), at: at(1, 1))
        let value = YAMLNode(.scalar(YAMLScalar(text: "5", isPlain: true)), at: at(1, 4))
        let node = YAMLNode(.mapping([YAMLPair(key: key, value: value)]), at: at(1, 1))
        #expect(node == (try YAMLParser.parse("n: 5")))
        #expect(node.json == ["n": 5])
    }

    @Test("positions and errors describe themselves for messages")
    func descriptions() {
        #expect(at(3, 5).description == "line 3, column 5")
        #expect(at(2, 9) < at(3, 1))
        let error = YAMLError(kind: .duplicateKey, message: "duplicate key 'x'", position: at(4, 2))
        #expect(error.description == "line 4, column 2: duplicate key 'x'")
        #expect(error.code == "duplicate_key")
    }
}
