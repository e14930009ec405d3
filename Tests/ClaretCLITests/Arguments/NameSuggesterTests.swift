import Testing

@testable import ClaretCLI

@Suite("Suggesting the name that was meant")
struct NameSuggesterTests {
    @Test(
        "edit distance counts insertions, deletions, substitutions and adjacent swaps as one each",
        arguments: [
            ("port", "port", 0), ("prot", "port", 1), ("srve", "serve", 1), ("serve", "serv", 1),
            ("host", "most", 1), ("", "abc", 3), ("abc", "", 3), ("kitten", "sitting", 3), ("ca", "abc", 3),
        ])
    func editDistance(lhs: String, rhs: String, expected: Int) {
        #expect(NameSuggester.editDistance(lhs, rhs) == expected)
    }

    @Test("the closest candidate within reach is suggested")
    func closest() {
        #expect(NameSuggester.suggestion(for: "prot", among: ["host", "port"]) == "port")
        #expect(NameSuggester.suggestion(for: "verison", among: ["help", "version"]) == "version")
    }

    @Test("among equally close candidates the earliest wins")
    func tieGoesToEarliest() {
        #expect(NameSuggester.suggestion(for: "bat", among: ["cat", "hat"]) == "cat")
    }

    @Test("a candidate too far away is not suggested")
    func tooFar() {
        #expect(NameSuggester.suggestion(for: "xyz", among: ["serve", "run"]) == nil)
        #expect(NameSuggester.suggestion(for: "pt", among: ["port"]) == nil)
    }

    @Test("a word of three or more letters suggests the first name it begins")
    func prefix() {
        #expect(NameSuggester.suggestion(for: "allow", among: ["host", "allow-writes", "allow-all"]) == "allow-writes")
        #expect(NameSuggester.suggestion(for: "al", among: ["allow-writes"]) == nil)
    }

    @Test("an empty word suggests nothing")
    func emptyWord() {
        #expect(NameSuggester.suggestion(for: "", among: ["a"]) == nil)
    }
}
