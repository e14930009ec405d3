// These tests start second, independent mocks, hence ClaretServer and ClaretStore beside ClaretCLI.
import ClaretModel
import ClaretServer
import ClaretStore
import ExactJSON
import Foundation
import Testing

@testable import ClaretCLI

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("claret-harness run, in process", .serialized)
struct RunCommandTests {
    /// Logs in, imports one record of `item` into `bin` after deleting everything, and checks that only it is left.
    static func writer(_ name: String, item: String = "124", bin: String = "SS-02", tags: String = "[]") -> String {
        """
        name: \(name)
        tags: \(tags)
        variables:
          email: integrator@demo.test
          password: demo-password
        defaults:
          headers: {X-Requested-With: XMLHttpRequest}
        steps:
          - name: log in
            request:
              method: POST
              path: /{{tenant}}/api/v1/tokens/create
              query: {email: "{{email}}", password: "{{password}}"}
            expect: {status: 200}
            capture: {token: $.token}
          - name: delete everything
            request:
              method: POST
              path: /{{tenant}}/api/v1/inventory/batch-delete
              headers: {Authorization: "Bearer {{token}}"}
              json: {date_filled_from: "1900-01-01", date_filled_to: "2999-12-31"}
            expect: {status: 200}
          - name: import one record
            request:
              method: POST
              path: /{{tenant}}/api/v1/inventory/import/process
              headers: {Authorization: "Bearer {{token}}"}
              json:
                source: api
                arguments: {allow_record_creation: true, allow_record_update: true, should_continue_on_error: false}
                payload:
                  - {item_name: "\(item)", bin_name: \(bin), lot_name: FG-GEN-LOT, date_filled: "2024-01-01", quantity: 1, uom: gal}
            expect:
              status: 200
              body: {$.content.summary.created: 1}
        state:
          exactly:
            - {item: "\(item)", bin: \(bin)}

        """
    }

    /// A scenario that only reads: the harness health check.
    static func reader(_ name: String, tags: String = "[]") -> String {
        "name: \(name)\ntags: \(tags)\nsteps:\n  - request: {path: /__harness/health}\n    expect: {status: 200}\n"
    }

    @Test("against a running mock, writes are refused without --allow-writes and nothing reaches its tenants")
    // A real tenant also needs --confirm-tenant; that refusal is checked against a target that is not a mock.
    func writeGuardRefuses() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("writer.yaml", Self.writer("guarded writer"))
        let mock = try SecondMock()
        defer { mock.stop() }
        let before = try await mock.inventory()

        let refused = await CapturedRun.run(["run", file, "--target", mock.baseURL])
        #expect(refused.code == .usage)
        #expect(
            refused.stderr
                == "error: refusing to run 1 scenario(s) that import or delete ('guarded writer') against the mock at "
                + "\(mock.baseURL) without --allow-writes (each scenario gets its own tenant there)\n")
        #expect(!refused.stdout.contains("Running"))

        let withTenant = await CapturedRun.run(["run", file, "--target", mock.baseURL, "--tenant", "demo"])
        #expect(withTenant.code == .usage)
        #expect(withTenant.stderr.contains("refusing to run 1 scenario(s)"))

        // Nothing but reads of the harness endpoints (the probe telling a mock from a real tenant, and this
        // test's own read-back) reached the mock.
        let journal = try await mock.journal()
        #expect(journal.allSatisfy { $0.method == "GET" && $0.path.hasPrefix("/__harness/") }, "\(journal)")
        #expect(journal.contains { $0.path == "/__harness/health" })
        #expect(try mock.store.tenantNames() == ["demo"])
        #expect(try await mock.inventory() == before)
    }

    @Test("against a target that is not a mock, writes need --tenant, --allow-writes and --confirm-tenant naming it")
    func writeGuardOnARealTenant() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("writer.yaml", Self.writer("guarded writer"))
        // A mock that requires a harness token answers the probe with 401, so without the token it looks like
        // a real tenant; the guard must refuse before any scenario request is sent.
        let store = try Store.temporary()
        try store.install(SeedFile.builtIn())
        let service = MockService(store: store, port: 0, harnessToken: "not-given")
        try service.start()
        defer {
            service.stop()
            store.close()
        }
        let target = try #require(service.baseURL)
        let noTenant = await CapturedRun.run(["run", file, "--target", target])
        #expect(noTenant.code == .usage)
        #expect(noTenant.stderr.contains("--tenant is required with --target \(target)"))

        let unconfirmed = await CapturedRun.run(["run", file, "--target", target, "--tenant", "acme", "--allow-writes"])
        #expect(unconfirmed.code == .usage)
        #expect(
            unconfirmed.stderr
                == "error: refusing to run 1 scenario(s) that import or delete ('guarded writer') against "
                + "\(target): this may change the inventory of tenant 'acme'. If that is what you want, add "
                + "--allow-writes --confirm-tenant acme\n")

        let misconfirmed = await CapturedRun.run(
            ["run", file, "--target", target, "--tenant", "acme", "--allow-writes", "--confirm-tenant", "acmee"])
        #expect(misconfirmed.code == .usage)
        #expect(misconfirmed.stderr.contains("refusing to run 1 scenario(s)"))
        #expect(!misconfirmed.stdout.contains("Running"))
        #expect(try store.tenantNames() == ["demo"])
    }

    @Test("a target where nothing listens is reported as unreachable, exit 69, not taken for a real tenant")
    func unreachableTarget() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("writer.yaml", Self.writer("guarded writer"))
        let run = await CapturedRun.run(["run", file, "--target", "http://127.0.0.1:9"])
        #expect(run.code == .unavailable)
        #expect(run.stderr.hasPrefix("error: cannot reach http://127.0.0.1:9: "))
        #expect(run.stderr.contains("Is the server running, and is the URL right?"))
        #expect(!run.stderr.contains("--tenant"))
    }

    @Test("a read-only scenario needs no confirmation against a running mock")
    func readersNeedNoConfirmation() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("reader.yaml", Self.reader("only reads"))
        let mock = try SecondMock()
        defer { mock.stop() }
        let run = await CapturedRun.run(["run", file, "--target", mock.baseURL])
        #expect(run.code == .success)
        #expect(run.stdout.contains("1 passed, 0 failed"))
    }

    @Test("--target URL of a running mock runs a scenario on its own tenant, as the embedded mock does")
    func runningMockWorksLikeEmbedded() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("writer.yaml", Self.writer("confirmed writer"))
        let mock = try SecondMock()
        defer { mock.stop() }
        let before = try await mock.inventory()

        let remote = await CapturedRun.run(
            ["run", file, "--target", mock.baseURL, "--tenant", "demo", "--allow-writes", "--confirm-tenant", "demo"])
        #expect(remote.code == .success, "\(remote.stdout)\(remote.stderr)")
        #expect(remote.stdout.contains("Running 1 scenario(s) against the mock at \(mock.baseURL)\n"))
        #expect(remote.stdout.contains("✔ confirmed writer (3 of 3 steps, "))
        #expect(remote.stdout.contains("1 passed, 0 failed ("))
        // The scenario wrote to a tenant of its own, not to demo.
        let tenants = try mock.store.tenantNames()
        #expect(tenants.count == 2)
        let own = try #require(tenants.first { $0 != "demo" })
        #expect(own.hasPrefix("confirmed-writer-"))
        #expect(try await mock.inventory(of: own).map { $0["item"] } == ["124"])
        #expect(try await mock.inventory() == before)

        let embedded = await CapturedRun.run(["run", file])
        #expect(embedded.code == .success, "\(embedded.stdout)\(embedded.stderr)")
        #expect(embedded.stdout.contains("Running 1 scenario(s) against the mock at http://127.0.0.1:"))
        #expect(embedded.stdout.contains("✔ confirmed writer (3 of 3 steps, "))
        #expect(embedded.stdout.contains("1 passed, 0 failed ("))
    }

    @Test("a malformed scenario exits 65 with file:line:column before anything is sent")
    func malformedScenario() async throws {
        let folder = try TemporaryFolder()
        try folder.write("good.yaml", Self.reader("fine"))
        try folder.write("bad.yaml", "name: broken\nsteps:\n  - request: {path: /x}\n    expect: {stauts: 200}\n")
        let mock = try SecondMock()
        defer { mock.stop() }

        let run = await CapturedRun.run(["run", folder.path, "--target", mock.baseURL])
        #expect(run.code == .dataError)
        #expect(
            run.stderr
                == "error: \(folder.path)/bad.yaml:4:14: unknown key 'stauts' in 'expect'; did you mean 'status'?\n"
                + "1 scenario problem(s); nothing was sent\n")
        #expect(run.stdout.isEmpty)
        #expect(try await mock.journal().isEmpty)
    }

    @Test("two scenarios with the same name are refused as a malformed run")
    func duplicateScenarioNames() async throws {
        let folder = try TemporaryFolder()
        try folder.write("a.yaml", Self.reader("twin"))
        try folder.write("b.yaml", Self.reader("twin"))
        let run = await CapturedRun.run(["run", folder.path])
        #expect(run.code == .dataError)
        #expect(
            run.stderr.contains("\(folder.path)/b.yaml: the scenario name 'twin' is also used by \(folder.path)/a.yaml")
        )
    }

    @Test("--filter keeps the scenarios whose name, file or tag contains the text, ignoring case")
    func filter() async throws {
        let folder = try TemporaryFolder()
        try folder.write("first.yaml", Self.reader("kilo scenario", tags: "[smoke]"))
        try folder.write("second.yaml", Self.reader("lima scenario", tags: "[slow]"))
        try folder.write(
            "third.scenario.json", #"{"name": "mike scenario", "steps": [{"request": {"path": "/__harness/health"}}]}"#)
        try folder.write("seed.json", "not a scenario, and not read as one")
        try FileManager.default.createDirectory(atPath: "\(folder.path)/fixtures", withIntermediateDirectories: true)
        try folder.write("fixtures/ignored.yaml", "not: a scenario\n")

        let all = await CapturedRun.run(["run", folder.path])
        #expect(all.code == .success, "\(all.stdout)\(all.stderr)")
        #expect(all.stdout.contains("Running 3 scenario(s)"))
        #expect(all.stdout.contains("✔ mike scenario"))

        let byTag = await CapturedRun.run(["run", folder.path, "--filter", "SMOKE"])
        #expect(byTag.code == .success)
        #expect(byTag.stdout.contains("Running 1 scenario(s)"))
        #expect(byTag.stdout.contains("✔ kilo scenario"))
        #expect(!byTag.stdout.contains("lima scenario"))

        let byFile = await CapturedRun.run(["run", folder.path, "--filter", "second.yaml"])
        #expect(byFile.stdout.contains("✔ lima scenario"))
        #expect(!byFile.stdout.contains("kilo scenario"))

        let both = await CapturedRun.run(["run", folder.path, "--filter", "kilo", "--filter", "lima"])
        #expect(both.stdout.contains("2 passed, 0 failed"))

        let none = await CapturedRun.run(["run", folder.path, "--filter", "nothing-like-this"])
        #expect(none.code == .noInput)
        #expect(none.stderr == "error: no scenario matched (paths: \(folder.path))\n")
    }

    @Test("--record DIR writes one transcript per scenario, named after it")
    func record() async throws {
        let folder = try TemporaryFolder()
        try folder.write("one.yaml", Self.reader("Recorded One"))
        try folder.write("two.yaml", Self.writer("Recorded Two"))
        let transcripts = "\(folder.path)/transcripts"

        let run = await CapturedRun.run([
            "run", "\(folder.path)/one.yaml", "\(folder.path)/two.yaml", "--record", transcripts,
        ])
        #expect(run.code == .success, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Transcripts written to \(transcripts)/\n"))
        let files = try FileManager.default.contentsOfDirectory(atPath: transcripts).sorted()
        #expect(files == ["recorded-one.json", "recorded-two.json"])
        for (file, name) in zip(files, ["Recorded One", "Recorded Two"]) {
            let bytes = try #require(FileManager.default.contents(atPath: "\(transcripts)/\(file)"))
            let json = try JSONParser.parse(Array(bytes))
            #expect(json["format"] == "claret-harness-transcript")
            #expect(json["scenario"]?["name"] == .string(name))
            #expect(json["outcome"] == "passed")
            #expect(json["target"]?["kind"] == "mock")
        }
    }

    @Test("with --jobs 2, two scenarios that delete everything pass side by side on their own tenants")
    func parallelTenants() async throws {
        let folder = try TemporaryFolder()
        try folder.write("a.yaml", Self.writer("parallel one", item: "124", bin: "SS-02"))
        try folder.write("b.yaml", Self.writer("parallel two", item: "122-16", bin: "FG-GEN-BIN"))
        try folder.write("c.yaml", Self.writer("parallel three", item: "ZAMNVCAS20", bin: "SS-03"))
        let run = await CapturedRun.run(["run", folder.path, "--jobs", "2"])
        #expect(run.code == .success, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("3 passed, 0 failed"))
    }

    @Test("a failing scenario exits 1 and names its step, where it is, and what differed")
    func failingScenario() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write(
            "failing.yaml",
            "name: wrong status\nsteps:\n  - name: health\n    request: {path: /__harness/health}\n"
                + "    expect: {status: 201}\n")
        let run = await CapturedRun.run(["run", file])
        #expect(run.code == .failure)
        #expect(run.stdout.contains("✘ wrong status (1 of 1 steps, "))
        #expect(run.stdout.contains("    step 'health' (\(file):3)\n      status: expected 201, got 200\n"))
        #expect(run.stdout.contains("0 passed, 1 failed"))
    }

    @Test("--var overrides a variable of the file")
    func variableOverride() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("writer.yaml", Self.writer("overridden"))
        let run = await CapturedRun.run(["run", file, "--var", "password=wrong-password"])
        #expect(run.code == .failure)
        #expect(run.stdout.contains("step 'log in' (\(file):9)\n      status: expected"))
        #expect(run.stdout.contains(", got 422\n"))
        #expect(!run.stdout.contains("wrong-password"), "a password given with --var is still a secret")

        let malformed = await CapturedRun.run(["run", file, "--var", "=x"])
        #expect(malformed.code == .usage)
        #expect(malformed.stderr == "error: --var takes NAME=VALUE, got '=x'\n")
    }

    @Test("--verbose prints a line per step with its request and status")
    func verbose() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("reader.yaml", Self.reader("chatty"))
        let run = await CapturedRun.run(["run", file, "--verbose"])
        #expect(run.code == .success)
        #expect(run.stdout.contains("  ✔ chatty › GET /__harness/health  GET /__harness/health → 200 ("))
    }

    @Test("a write whose path comes from a variable is still held back by the write guard")
    func writeGuardSeesRenderedPaths() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write(
            "indirect.yaml",
            """
            name: indirect delete
            variables:
              delete: /demo/api/v1/inventory/batch-delete
            defaults:
              headers: {X-Requested-With: XMLHttpRequest}
            steps:
              - name: log in
                request:
                  method: POST
                  path: /demo/api/v1/tokens/create
                  query: {email: integrator@demo.test, password: demo-password}
                capture: {token: $.token}
              - name: delete everything
                request:
                  method: POST
                  path: "{{delete}}"
                  headers: {Authorization: "Bearer {{token}}"}
                  json: {date_filled_from: "1900-01-01", date_filled_to: "2999-12-31"}

            """)
        let mock = try SecondMock()
        defer { mock.stop() }
        let before = try await mock.inventory()
        #expect(before.count == 1)

        let run = await CapturedRun.run(["run", file, "--target", mock.baseURL, "--tenant", "demo"])
        #expect(run.code == .usage, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("refusing to run 1 scenario(s) that import or delete ('indirect delete')"))
        #expect(try await mock.inventory() == before)
    }

    @Test("a tenant the mock refuses fails its scenario with the mock's answer")
    func refusedTenant() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write(
            "seed.yaml",
            """
            name: bad seed
            seed:
              items: ["A-1"]
              inventory:
                - {item_name: B-2, bin_name: X, lot_name: L, date_filled: "2024-01-01", quantity: 1, uom: ea}
            steps:
              - request: {path: /__harness/health}

            """)
        let run = await CapturedRun.run(["run", file])
        #expect(run.code == .failure)
        #expect(run.stdout.contains("! bad seed (1 of 2 steps, "))
        #expect(run.stdout.contains("    step 'create the scenario's tenant' (\(file):7)\n"))
        #expect(run.stdout.contains("the mock refused tenant 'bad-seed-"))
        #expect(run.stdout.contains("for scenario 'bad seed': 422 "))
        #expect(run.stdout.contains("0 passed, 1 failed"))
    }

    @Test("--record keeps a transcript for each scenario even when their names make the same file name")
    func recordKeepsEveryTranscript() async throws {
        let folder = try TemporaryFolder()
        try folder.write("one.yaml", Self.reader("Nightly run"))
        try folder.write("two.yaml", Self.reader("nightly-run"))
        let transcripts = "\(folder.path)/transcripts"
        let run = await CapturedRun.run(["run", folder.path, "--record", transcripts])
        #expect(run.code == .success)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: transcripts)) ?? []
        #expect(files.count == 2, "transcripts written: \(files)")
    }

    @Test("a path that does not exist exits 66")
    func missingPath() async {
        let run = await CapturedRun.run(["run", "/nonexistent/claret/scenarios"])
        #expect(run.code == .noInput)
        #expect(run.stderr == "error: no such file or folder: /nonexistent/claret/scenarios\n")
    }
}

/// A mock started by the test itself, independent of the one `run` embeds.
final class SecondMock {
    let store: Store
    let service: MockService
    let baseURL: String

    init() throws {
        store = try Store.temporary()
        try store.install(SeedFile.builtIn())
        service = MockService(store: store, port: 0, jobProcessingTime: 0.05)
        try service.start()
        baseURL = service.baseURL ?? ""
    }

    func stop() {
        service.stop()
        store.close()
    }

    func get(_ path: String) async throws -> JSONValue {
        let url = try #require(URL(string: baseURL + path))
        let (data, _) = try await URLSession.shared.data(from: url)
        return try JSONParser.parse(Array(data))
    }

    /// The rows of `tenant`'s inventory.
    func inventory(of tenant: String = "demo") async throws -> [JSONValue] {
        try await get("/__harness/tenants/\(tenant)/inventory")["data"]?.array ?? []
    }

    /// The method and path of every request the mock has answered, newest first.
    func journal() async throws -> [(method: String, path: String)] {
        try await get("/__harness/journal")["data"]?.array?.map { entry in
            (entry["method"]?.string ?? "", entry["path"]?.string ?? "")
        } ?? []
    }
}

/// Runs the CLI in this process, with what it prints captured in memory: only this run's output, whatever
/// other tests print meanwhile.
enum CapturedRun {
    /// Runs `arguments` on a thread of its own (the command blocks while it waits for its async work, which
    /// must not happen on the cooperative pool) and returns the exit code and what it printed.
    static func run(_ arguments: [String]) async -> (code: ExitCode, stdout: String, stderr: String) {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                let output = CapturedOutput()
                let code = CLI.run(arguments, console: output.console)
                continuation.resume(returning: (code, output.stdout, output.stderr))
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}

/// Standard output and error of one in-process CLI run, as text.
final class CapturedOutput: Sendable {
    private let streams = Locked((out: "", err: ""))

    /// A console without colour that writes here.
    var console: Console {
        Console(
            out: { text in self.streams.withLock { $0.out += text } },
            err: { text in self.streams.withLock { $0.err += text } }, colour: false)
    }

    var stdout: String { streams.withLock { $0.out } }
    var stderr: String { streams.withLock { $0.err } }
}

/// A temporary folder removed when the value dies.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("claret-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` in the folder and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = "\(path)/\(name)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
