import ClaretModel
import ExactJSON
import Foundation
import Testing

@testable import ClaretReporting

@Suite("Transcripts are read back into recorded scenarios, and anything else is refused")
struct TranscriptReaderTests {
    static func read(_ text: String, path: String = "t.json") throws(TranscriptError) -> RecordedScenario {
        try TranscriptReader.read(data: Data(text.utf8), path: path)
    }

    @Test("a transcript reads back into its scenario, target, steps, bodies, mismatches and state")
    func readsATranscript() throws {
        let scenario = try Self.read(TranscriptFixtures.transcript())
        #expect(scenario.name == "incremental sync")
        #expect(scenario.file == "scenarios/incremental-sync.yaml")
        #expect(
            scenario.target == RecordedTarget(baseURL: "http://127.0.0.1:32811", tenant: "incremental-sync-181p42f-8"))
        #expect(scenario.outcome == .failed)
        #expect(scenario.milliseconds == 10.5)
        #expect(scenario.source == "t.json")
        #expect(scenario.steps.map(\.name) == ["log in", "download the final file", "a logo"])

        let login = scenario.steps[0]
        #expect(login.request?.method == "POST")
        #expect(login.request?.body == nil)
        #expect(login.response?.body == .json(["token": "{{token}}"]))
        #expect(login.captures["token"] == "[secret]")

        let download = scenario.steps[1]
        #expect(download.line == 44)
        #expect(download.attempts == 2)
        #expect(download.response?.body == .text("item_name,quantity\r\n124,5\r\n"))
        #expect(
            download.mismatches == [
                Mismatch(
                    path: "status", kind: .statusChanged, expected: "201", actual: "200",
                    message: "status: expected status 201, got 200")
            ])

        #expect(scenario.steps[2].response?.body == .base64("iVBORw0KGgo="))
        #expect(scenario.steps[2].response?.body?.displayText == "[binary body, 8 bytes]")
        #expect(scenario.steps[2].error == "capture $.id found nothing")

        #expect(scenario.state?.outcome == .failed)
        #expect(scenario.state?.rows == [["item": "124", "quantity": 5]])
        #expect(scenario.state?.mismatches.first?.path == "state.exactly[0]")
    }

    @Test("a transcript of another version is refused, naming the versions this build reads")
    func refusesAnotherVersion() {
        #expect {
            try Self.read(TranscriptFixtures.transcript(version: 2))
        } throws: { error in
            guard let error = error as? TranscriptError else { return false }
            return error.kind == .unsupportedVersion && error.field == "version"
                && error.message.contains("version 2 is not supported") && error.message.contains("reads version 1")
        }
    }

    @Test("a JSON document of another format is refused as not a transcript")
    func refusesAnotherFormat() {
        let other = #"{"format": "claret-harness-report", "version": 1}"#
        #expect {
            try Self.read(other)
        } throws: { error in
            (error as? TranscriptError)?.kind == .notATranscript
                && (error as? TranscriptError)?.message.contains("unknown format \"claret-harness-report\"") == true
        }
        #expect(throws: TranscriptError.self) { try Self.read("[1, 2]") }
    }

    @Test("a file that is not JSON is refused as such")
    func refusesText() {
        #expect {
            try Self.read("name: not json")
        } throws: { error in
            (error as? TranscriptError)?.code == "not_json"
        }
    }

    @Test("a field of the wrong type is refused, naming the field and what was there")
    func refusesAMistypedField() {
        let broken = TranscriptFixtures.transcript().replacingOccurrences(
            of: #""status": 200,"#, with: #""status": "200","#)
        #expect {
            try Self.read(broken)
        } throws: { error in
            guard let error = error as? TranscriptError else { return false }
            return error.kind == .malformed && error.field == "steps[0].response.status"
                && error.description == "t.json: steps[0].response.status: expected an integer, got string"
        }
    }

    @Test("an unknown outcome or mismatch kind is refused rather than guessed")
    func refusesUnknownCodes() {
        let outcome = TranscriptFixtures.transcript().replacingOccurrences(
            of: #""outcome": "error""#, with: #""outcome": "crashed""#)
        #expect(throws: TranscriptError.self) { try Self.read(outcome) }
        let kind = TranscriptFixtures.transcript().replacingOccurrences(of: "status_changed", with: "status_differs")
        #expect {
            try Self.read(kind)
        } throws: { error in
            (error as? TranscriptError)?.field == "steps[1].mismatches[0].kind"
        }
    }

    @Test("a folder yields its transcripts in file-name order and passes over other files")
    func readsAFolder() throws {
        let folder = try TranscriptFolder()
        try folder.write(TranscriptFixtures.transcript(name: "b scenario"), to: "b.json")
        try folder.write(TranscriptFixtures.transcript(name: "a scenario"), to: "a.json")
        try folder.write(#"{"rules": []}"#, to: "rules.json")
        try folder.write(#"{"format": "claret-harness-report"}"#, to: "report.json")
        try folder.write("not json at all", to: "notes.json")
        try folder.write(TranscriptFixtures.transcript(name: "ignored"), to: "c.txt")

        let scenarios = try TranscriptReader.readAll(path: folder.path)
        #expect(scenarios.map(\.name) == ["a scenario", "b scenario"])
        #expect(scenarios[0].source?.hasSuffix("/a.json") == true)
    }

    @Test("a folder holding a transcript of an unknown version is refused")
    func refusesAFolderWithAnUnknownVersion() throws {
        let folder = try TranscriptFolder()
        try folder.write(TranscriptFixtures.transcript(name: "a"), to: "a.json")
        try folder.write(TranscriptFixtures.transcript(name: "b", version: 9), to: "b.json")
        #expect {
            try TranscriptReader.readAll(path: folder.path)
        } throws: { error in
            (error as? TranscriptError)?.kind == .unsupportedVersion
                && (error as? TranscriptError)?.path.hasSuffix("b.json") == true
        }
    }

    @Test("a folder without transcripts, or a path that does not exist, is an error")
    func refusesEmptyAndMissingPaths() throws {
        let folder = try TranscriptFolder()
        try folder.write(#"{"rules": []}"#, to: "rules.json")
        #expect {
            try TranscriptReader.readAll(path: folder.path)
        } throws: { error in
            (error as? TranscriptError)?.kind == .noTranscripts
        }
        #expect {
            try TranscriptReader.readAll(path: folder.path + "/nothing-here")
        } throws: { error in
            (error as? TranscriptError)?.kind == .unreadable
        }
    }

    @Test("a single file path reads that one transcript")
    func readsASingleFile() throws {
        let folder = try TranscriptFolder()
        let file = try folder.write(TranscriptFixtures.transcript(), to: "one.json")
        let scenarios = try TranscriptReader.readAll(path: file)
        #expect(scenarios.map(\.name) == ["incremental sync"])
    }
}
