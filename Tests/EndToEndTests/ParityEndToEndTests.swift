import ExactJSON
import Foundation
import Testing
import XMLTestSupport

@Suite("report files and parity runs, as a process")
struct ParityEndToEndTests {
    static let scenario = "\(RunCommandEndToEndTests.packageRoot)/scenarios/full-refresh-json.yaml"

    @Test("a passing run writes a well-formed JUnit, JSON and HTML report of every step")
    func reportFiles() throws {
        let folder = try TemporaryFolder()
        let (json, junit, html) = ("\(folder.path)/r.json", "\(folder.path)/r.xml", "\(folder.path)/r.html")
        let run = try Binary.run(["run", Self.scenario, "--junit", junit, "--html", html, "--json", json])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.isEmpty)
        for path in [junit, html, json] { #expect(run.stdout.contains("Report written to \(path)\n")) }

        let report = try JSONParser.parse(try #require(FileManager.default.contents(atPath: json)))
        #expect(report["format"] == "claret-harness-report")
        #expect(report["version"] == 1)
        let cases = report["cases"]?.array ?? []
        // Three steps and the final state check.
        #expect(
            cases.map { $0["step"] } == ["log in", "delete everything", "import the full inventory", "final state"])
        #expect(cases.allSatisfy { $0["outcome"] == "passed" && $0["findings"] == [] })
        #expect(report["summary"]?["failing"] == false)

        let root = try XMLTree.parse(path: junit)
        #expect(root.name == "testsuites")
        #expect(root.attributes["tests"] == String(cases.count))
        #expect(root.attributes["failures"] == "0")
        #expect(root.children.map { $0.attributes["name"] } == ["full refresh with a JSON import"])
        #expect(root.children.first?.children.map { $0.attributes["name"] } == cases.map { $0["step"]?.string })

        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("full refresh with a JSON import"))
        #expect(page.hasSuffix("</html>\n"))
    }

    @Test("a parity run against a served mock with another profile exits 1 and reports only that difference")
    func parityAgainstAServedMock() throws {
        let folder = try TemporaryFolder()
        let profile = "\(folder.path)/profile.json"
        // A body in a profile replaces the whole body, so the content is given as the defaults have it.
        let changed = #"""
            {"responses": {"batch_deleted": {"body": {
              "message": "Records removed.", "content": {"mode": "{mode}", "deleted_count": "{deleted_count}"}}}}}
            """#
        try Data(changed.utf8).write(to: URL(fileURLWithPath: profile))
        let server = try ServerProcess(["--profile", profile])
        let json = "\(folder.path)/parity.json"

        let run = try Binary.run(
            ["run", Self.scenario, "--against", server.baseURL, "--allow-writes", "--json", json])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let label = try #require(URL(string: server.baseURL)?.port.map { "127.0.0.1-\($0)" })
        let message = #"$.message: mock has "Inventory records deleted.", "# + label + #" has "Records removed.""#
        #expect(run.stdout.contains("  - \(message) [value_changed]"))

        let report = try JSONParser.parse(try #require(FileManager.default.contents(atPath: json)))
        let findings = (report["cases"]?.array ?? []).flatMap { $0["findings"]?.array ?? [] }
        #expect(findings.map { $0["message"] } == [.string(message)])
        #expect(findings.map { $0["code"] } == ["value_changed"])
        #expect(server.terminate() == 0)
    }
}
