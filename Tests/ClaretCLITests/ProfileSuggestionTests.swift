import ClaretModel
import ExactJSON
import Foundation
import Testing

@testable import ClaretCLI

@Suite("A parity run proposes the profile that makes the mock answer like the other target", .serialized)
struct ProfileSuggestionTests {
    @Test("a fixed response the other target answers differently becomes an override, which then matches it")
    func suggestionClosesTheGap() async throws {
        let other = try ProfiledMock(
            BehaviourProfile(
                overrides: [
                    "responses": [
                        "unauthenticated": [
                            "status": 401, "body": ["error": "unauthenticated", "hint": "send a token"],
                        ]
                    ]
                ]))
        defer { other.stop() }
        let folder = try TemporaryFolder()
        let suggestion = "\(folder.path)/suggested.json"
        let auth = Parity.bundled("auth.yaml")

        let parity = await CapturedRun.run(["run", auth, "--against", other.baseURL, "--suggest-profile", suggestion])
        #expect(parity.code == .failure)
        #expect(parity.stdout.contains("Profile suggestion written to \(suggestion): 1 response(s)"))
        let document = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: suggestion))))
        #expect(
            document == [
                "responses": [
                    "unauthenticated": ["status": 401, "body": ["error": "unauthenticated", "hint": "send a token"]]
                ]
            ])

        // A mock started with the suggestion answers like the other target: the parity run finds nothing.
        let suggested = try ProfiledMock(BehaviourProfile(overrides: document))
        defer { suggested.stop() }
        let again = await CapturedRun.run(["run", auth, "--target", suggested.baseURL, "--against", other.baseURL])
        #expect(again.code == .success, "\(again.stdout)")
    }

    @Test("--suggest-profile without --against is a usage error")
    func needsAParityRun() async throws {
        let auth = Parity.bundled("auth.yaml")
        let run = await CapturedRun.run(["run", auth, "--suggest-profile", "/tmp/x.json"])
        #expect(run.code == .usage)
        #expect(run.stderr.contains("--rules, --known and --suggest-profile apply to a parity run: add --against URL"))
    }
}
