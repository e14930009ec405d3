import Testing

@testable import ClaretCLI

@Suite("Help layout")
struct HelpLayoutTests {
    @Test("prose wraps at the last space that fits and continues at the hanging indent")
    func wrap() {
        let lines = HelpLayout.wrap("aaa bbb ccc ddd", prefix: "> ", hangingIndent: 4, width: 10)
        #expect(lines == ["> aaa bbb", "    ccc", "    ddd"])
    }

    @Test("a word longer than the line gets a line of its own, unbroken")
    func longWord() {
        let lines = HelpLayout.wrap("a abcdefghijkl b", hangingIndent: 0, width: 8)
        #expect(lines == ["a", "abcdefghijkl", "b"])
    }

    @Test("repeated spaces collapse and no line ends in a space")
    func spacesCollapse() {
        #expect(HelpLayout.wrap("a   b ", prefix: "x: ", hangingIndent: 0) == ["x: a b"])
        #expect(HelpLayout.wrap("", prefix: "x: ", hangingIndent: 0) == ["x:"])
    }

    @Test("prose keeps the author's line breaks and hangs bullets under their text")
    func prose() {
        let words = { (count: Int) in Array(repeating: "word", count: count).joined(separator: " ") }
        let lines = HelpLayout.wrapProse("First line.\n\n  - \(words(30))\n    indented")
        #expect(lines == ["First line.", "", "  - \(words(19))", "    \(words(11))", "    indented"])
    }

    @Test("the description column fits the widest label up to the limit")
    func descriptionColumn() {
        #expect(HelpLayout.descriptionColumn(forLabels: ["ab", "abcd"]) == 8)
        #expect(HelpLayout.descriptionColumn(forLabels: ["ab", String(repeating: "x", count: 40)]) == 6)
        #expect(HelpLayout.descriptionColumn(forLabels: [String(repeating: "x", count: 40)]) == 32)
    }

    @Test("a row without a description is just its label")
    func rowWithoutDescription() {
        #expect(HelpLayout.rows([(label: "--x", description: "")], column: 10) == ["  --x"])
    }

    @Test("usage tokens keep bracketed groups and a trailing '...' together")
    func usageTokens() {
        let tokens = HelpLayout.usageTokens(" [--var <KEY=VALUE> ...] <PATH> ... --target <URL> [--flag]")
        #expect(tokens == ["[--var <KEY=VALUE> ...]", "<PATH> ...", "--target", "<URL>", "[--flag]"])
    }

    @Test("a long usage line wraps between groups, under the first argument")
    func usageWraps() {
        let arguments = (1...12).map { " [--option\($0) <VALUE>]" }.joined()
        let lines = HelpLayout.usageLines(heading: "USAGE: ", path: "tool cmd", arguments: arguments)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(lines[1].hasPrefix(String(repeating: " ", count: 16) + "[--option"))
    }
}
