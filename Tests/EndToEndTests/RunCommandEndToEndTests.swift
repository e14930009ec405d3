import ExactJSON
import Foundation
import Testing

@Suite("claret-harness run, as a process")
struct RunCommandEndToEndTests {
    /// The package's root folder, found from this file's path so the tests do not depend on the working directory.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test("the bundled full-refresh scenario passes against the embedded mock")
    func bundledScenarioPasses() throws {
        let scenario = "\(Self.packageRoot)/scenarios/full-refresh-json.yaml"
        let run = try Binary.run(["run", scenario])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("✔ full refresh with a JSON import (3 of 3 steps, "))
        #expect(run.stdout.contains("1 passed, 0 failed ("))
        #expect(run.stderr.isEmpty)
    }

    @Test("a broken scenario exits 1 and its output names the step and the path that differed")
    func brokenScenarioFails() throws {
        let folder = try TemporaryFolder()
        let path = "\(folder.path)/broken.yaml"
        let text = """
            name: broken import
            defaults:
              headers: {X-Requested-With: XMLHttpRequest}
            steps:
              - name: log in
                request:
                  method: POST
                  path: /{{tenant}}/api/v1/tokens/create
                  query: {email: integrator@demo.test, password: demo-password}
                capture: {token: $.token}
              - name: import a record that updates
                request:
                  method: POST
                  path: /{{tenant}}/api/v1/inventory/import/process
                  headers: {Authorization: "Bearer {{token}}"}
                  json:
                    source: api
                    arguments: {allow_record_creation: true, allow_record_update: true, should_continue_on_error: false}
                    payload:
                      - {item_name: ZAMNVCAS19, bin_name: SS-01, lot_name: RM19CASRUT.ZAM, date_filled: "2023-08-01", quantity: 1, uom: gal}
                expect:
                  status: 200
                  body:
                    $.content.summary.created: 1
              - name: never reached
                request: {path: /__harness/health}

            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let run = try Binary.run(["run", path])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("✘ broken import (2 of 3 steps, "))
        #expect(run.stdout.contains("step 'import a record that updates' (\(path):11)"))
        #expect(run.stdout.contains("$.content.summary.created: expected 1, got 0"))
        #expect(run.stdout.contains("0 passed, 1 failed ("))
    }

    @Test("a malformed scenario exits 65 and names file:line:column")
    func malformedScenario() throws {
        let folder = try TemporaryFolder()
        let path = "\(folder.path)/malformed.yaml"
        try Data("name: m\nsteps:\n  - request: {path: /x}\n    poll: {until: {$.a: 1}, interval: soon}\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        let run = try Binary.run(["run", path])
        #expect(run.status == 65)
        #expect(
            run.stderr.contains(
                "\(path):4:39: 'interval' must be a duration up to a day: seconds (2.5) or text like 250ms or 10s"))
        #expect(run.stdout.isEmpty)
    }
}
