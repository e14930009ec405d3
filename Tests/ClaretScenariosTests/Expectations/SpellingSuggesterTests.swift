import Testing

@testable import ClaretScenarios

@Suite("Mistyped keywords and names get a likely suggestion")
struct SpellingSuggesterTests {
    @Test(
        "edit distance counts insertions, deletions, substitutions and neighbour swaps as one each",
        arguments: [
            ("lenght", "length", 1), ("tpye", "type", 1), ("gtee", "gte", 1), ("gt", "lt", 1), ("", "in", 2),
            ("each", "", 4), ("equals", "equals", 0), ("kitten", "sitting", 3),
        ])
    func distances(source: String, target: String, distance: Int) {
        #expect(SpellingSuggester.editDistance(from: source, to: target) == distance)
    }

    @Test("a short word only gets a suggestion one edit away, a swap included")
    func shortWords() {
        #expect(SpellingSuggester.suggestion(for: "tpye", among: Matcher.keywords) == "type")
        #expect(SpellingSuggester.suggestion(for: "tpey", among: Matcher.keywords) == nil)
    }

    @Test("aliases from other tools win, matched case-insensitively")
    func aliases() {
        #expect(
            SpellingSuggester.suggestion(for: "Regex", among: ["matches"], aliases: ["regex": "matches"]) == "matches")
    }

    @Test("nothing is suggested when no candidate is close")
    func nothingClose() {
        #expect(SpellingSuggester.suggestion(for: "quantity", among: Matcher.keywords) == nil)
    }
}
