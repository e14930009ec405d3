import ClaretModel
import ClaretScenarios
import ClaretServer
import ClaretStore
import ExactJSON
import Foundation

/// The real mock on 127.0.0.1 and a free port, over a fresh store seeded with the demo tenant, with a
/// runner pointed at it. Call `stop()` at the end of the test.
final class RunningMock: Sendable {
    /// The service the scenarios run against.
    let service: MockService
    /// Its store (temporary; removed by `stop()`).
    let store: Store
    /// `http://127.0.0.1:PORT`.
    let baseURL: String
    /// The transport the runner and the helpers send with.
    let transport: URLSessionTransport

    /// Starts a mock whose CSV jobs take `jobProcessingTime` seconds.
    init(jobProcessingTime: Double = 0.05) throws {
        store = try Store.temporary()
        try store.install(SeedFile.builtIn())
        service = MockService(store: store, port: 0, jobProcessingTime: jobProcessingTime)
        try service.start()
        guard let url = service.baseURL else { throw SupportError("the mock reports no base URL after start") }
        baseURL = url
        transport = URLSessionTransport(timeout: 10)
    }

    /// Stops the service, then closes the store.
    func stop() {
        transport.close()
        service.stop()
        store.close()
    }

    /// The target of the seeded `demo` tenant.
    var demo: Target { Target(baseURL: baseURL, tenant: "demo", isMock: true) }

    /// A runner over this mock's transport.
    func runner(overrides: [String: JSONValue] = [:]) -> ScenarioRunner {
        ScenarioRunner(transport: transport, overrides: overrides)
    }

    /// Parses `text` as the scenario file `file` and runs it on `target` (the demo tenant by default).
    func run(_ text: String, file: String = "/scenarios/test.yaml", on target: Target? = nil) async throws
        -> ScenarioResult
    {
        let scenario = try ScenarioParser.parse(Array(text.utf8), file: file)
        return await runner().run(scenario, on: target ?? demo)
    }

    /// The inventory rows of `tenant` through the harness read-back.
    func inventory(of tenant: String = "demo") async throws -> [JSONValue] {
        let response = try await transport.send(
            OutgoingRequest(method: "GET", url: "\(baseURL)/__harness/tenants/\(tenant)/inventory"))
        guard response.status == 200, let rows = try JSONParser.parse(response.body)["data"]?.array else {
            throw SupportError("the inventory read-back of '\(tenant)' answered \(response.status)")
        }
        return rows
    }
}

extension RunningMock {
    /// Holds CSV jobs queued until the mock has answered a request whose path contains `pathPart`, then
    /// lets them run. A test sees a job unfinished this way without racing the worker's clock.
    /// Cancel the returned task when the test is done with it.
    func holdJobs(untilAnswered pathPart: String) -> Task<Void, Never> {
        service.mock.jobs.hold()
        return Task { [self] in
            while !Task.isCancelled {
                if let paths = try? await journalPaths(), paths.contains(where: { $0.contains(pathPart) }) { break }
                try? await Task.sleep(nanoseconds: 10_000_000)
            }
            service.mock.jobs.release()
        }
    }

    /// The paths of the requests the mock has answered, newest first.
    func journalPaths() async throws -> [String] {
        let response = try await transport.send(OutgoingRequest(method: "GET", url: "\(baseURL)/__harness/journal"))
        guard response.status == 200, let entries = try JSONParser.parse(response.body)["data"]?.array else {
            throw SupportError("the journal answered \(response.status)")
        }
        return entries.compactMap { $0["path"]?.string }
    }
}

/// A test-support failure with its reason.
struct SupportError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Scenario text shared by the runner tests.
enum ScenarioText {
    /// Variables, default headers of a well-behaved client, and a `login` definition capturing `token`.
    static let prelude = """
        variables:
          email: integrator@demo.test
          password: demo-password
        defaults:
          headers:
            X-Requested-With: XMLHttpRequest
            Accept: application/json
        definitions:
          login:
            name: log in
            request:
              method: POST
              path: /{{tenant}}/api/v1/tokens/create
              query: {email: "{{email}}", password: "{{password}}"}
            expect:
              status: 200
            capture:
              token: $.token

        """

    /// A scenario named `name`: the prelude, then `steps` (YAML list items indented by two spaces) and an
    /// optional `state` block.
    static func scenario(_ name: String, steps: String, state: String = "") -> String {
        "name: \(name)\n" + prelude + "steps:\n" + steps + (state.isEmpty ? "" : "state:\n" + state)
    }

    /// A JSON import of `records` (YAML flow mappings, one per line), continuing on errors.
    static func importStep(_ name: String, records: [String], expect: String) -> String {
        """
          - name: \(name)
            request:
              method: POST
              path: /{{tenant}}/api/v1/inventory/import/process
              headers: {Authorization: "Bearer {{token}}"}
              json:
                source: api
                arguments: {allow_record_creation: true, allow_record_update: true, should_continue_on_error: true}
                payload:
        \(records.map { "          - \($0)" }.joined(separator: "\n"))
            expect:
        \(expect)

        """
    }
}
