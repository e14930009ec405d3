import Foundation
import Testing

@testable import ClaretModel

@Suite("Mismatches are data with a stable code and a standard sentence")
struct MismatchTests {
    @Test(
        "each kind has a standard sentence that starts with the path",
        arguments: [
            (Mismatch.Kind.missing, "2", nil, "$.a: expected 2, but it is absent"),
            (.unexpected, "absent", "3", "$.a: expected no value, got 3"),
            (.extra, "absent", #""x""#, #"$.a: got "x", which was not expected"#),
            (.statusChanged, "200", "422", "$.a: expected status 200, got 422"),
            (.lengthMismatch, "length >= 1", "0", "$.a: expected length >= 1, got length 0"),
            (.valueChanged, "2", "1", "$.a: expected 2, got 1"),
            (.typeChanged, "2", #""2""#, #"$.a: expected 2, got "2""#),
            (.notContained, #"contains "z""#, nil, #"$.a: expected contains "z", got nothing"#),
        ])
    func standardSentences(kind: Mismatch.Kind, expected: String, actual: String?, message: String) {
        let mismatch = Mismatch(path: "$.a", kind: kind, expected: expected, actual: actual)
        #expect(mismatch.message == message)
        #expect(mismatch.description == message)
    }

    @Test("the codes are the snake_case names reports and baselines store")
    func codes() {
        #expect(
            Mismatch.Kind.allCases.map(\.rawValue) == [
                "missing", "unexpected", "type_changed", "value_changed", "status_changed", "pattern_mismatch",
                "out_of_range", "length_mismatch", "not_contained", "extra",
            ])
        #expect(Mismatch(path: "status", kind: .statusChanged, expected: "200", actual: "500").code == "status_changed")
    }

    @Test("relocating a mismatch replaces its path and the path that starts its sentence")
    func relocation() throws {
        let found = Mismatch(
            path: "$", kind: .patternMismatch, expected: "/^application/json/", actual: #""text/html""#,
            message: #"$: expected a string matching /^application/json/, got "text/html""#)
        let relocated = found.relocated(to: "header Content-Type")
        #expect(relocated.path == "header Content-Type")
        #expect(
            relocated.message
                == #"header Content-Type: expected a string matching /^application/json/, got "text/html""#)
        #expect(relocated.kind == .patternMismatch)
        let odd = Mismatch(path: "$.a", kind: .extra, expected: "absent", actual: "1", message: "no path here")
        #expect(odd.relocated(to: "status").message == "status: no path here")
    }

    @Test("a mismatch round-trips through JSON with its kind as its code and no actual when absent")
    func codable() throws {
        let mismatch = Mismatch(
            path: "$.content.summary.created", kind: .typeChanged, expected: "2", actual: nil,
            message: "$.content.summary.created: expected 2, but it is absent")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(mismatch)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""kind":"type_changed""#))
        #expect(!text.contains("actual"))
        #expect(try JSONDecoder().decode(Mismatch.self, from: data) == mismatch)
    }
}
