import ClaretModel
import ExactJSON
import Foundation
import Testing

@testable import ClaretReporting

@Suite("a recorded run turned into a scenario")
struct ScenarioReproducerTests {
    static let base = "http://127.0.0.1:8080"
    static let tenant = "full-refresh-k3j9x2-1"
    static let json = RecordedHeader(name: "Content-Type", value: "application/json")

    /// A login as the runner records it: the query percent-encoded, the password replaced by its variable.
    static func login(email: String = "integrator@demo.test") -> RecordedStep {
        RecordedStep(
            name: "log in",
            request: RecordedRequest(
                method: "POST",
                url: "\(base)/\(tenant)/api/v1/tokens/create?email=\(email)&password={{password}}",
                headers: [
                    RecordedHeader(name: "Accept", value: "application/json"),
                    RecordedHeader(name: "X-Requested-With", value: "XMLHttpRequest"),
                    RecordedHeader(name: "User-Agent", value: "claret-harness/0.1.0"),
                    RecordedHeader(name: "Content-Length", value: "0"),
                    RecordedHeader(name: "Host", value: "127.0.0.1:8080"),
                ]),
            response: RecordedResponse(status: 200, headers: [json], body: .json(["token": "{{token}}"])))
    }

    /// A CSV upload answered 202 with job `id`.
    static func upload(job id: Int, name: String = "upload the file") -> RecordedStep {
        RecordedStep(
            name: name,
            request: RecordedRequest(
                method: "POST", url: "\(base)/\(tenant)/api/v1/inventory/import/process",
                headers: [
                    RecordedHeader(name: "Authorization", value: "Bearer {{token}}"),
                    RecordedHeader(name: "Content-Type", value: "multipart/form-data; boundary=b"),
                ],
                body: .text("--b\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\napi\r\n--b--\r\n")),
            response: RecordedResponse(
                status: 202, headers: [json],
                body: .json([
                    "message": "Inventory import queued.",
                    "content": [
                        "status": "queued", "job_log_id": .number(JSONNumber(id)),
                        "job_status_link":
                            .string(
                                "\(base)/\(tenant)/settings/application-maintenance/job-management/imports/logs/\(id)"),
                    ],
                ])))
    }

    /// A GET of `path` (after the tenant) answered 200 with `body`.
    static func get(_ path: String, name: String, body: JSONValue = ["message": "ok"]) -> RecordedStep {
        RecordedStep(
            name: name,
            request: RecordedRequest(
                method: "GET", url: "\(base)/\(tenant)\(path)",
                headers: [RecordedHeader(name: "Authorization", value: "Bearer {{token}}")]),
            response: RecordedResponse(status: 200, headers: [json], body: .json(body)))
    }

    static func recorded(_ steps: [RecordedStep], state: RecordedState? = nil) -> RecordedScenario {
        RecordedScenario(
            name: "full refresh", file: "scenarios/full-refresh.yaml",
            target: RecordedTarget(baseURL: base, tenant: tenant), startedAt: "2026-01-01T10:00:00Z",
            outcome: .passed, steps: steps, state: state)
    }

    static func steps(of scenario: JSONValue) -> [JSONValue] { scenario["steps"]?.array ?? [] }

    /// Whether the scenario's `matches` pattern accepts `text`.
    static func pattern(_ expectation: JSONValue?, accepts text: String) throws -> Bool {
        let pattern = try #require(expectation?["matches"]?.string, "no pattern in \(String(describing: expectation))")
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test("requests name the tenant as {{tenant}}, keep their query and drop the headers a client sets itself")
    func requests() throws {
        let scenario = ScenarioReproducer.scenario(for: Self.recorded([Self.login()]))
        let step = try #require(Self.steps(of: scenario).first)
        #expect(step["name"] == "log in")
        #expect(step["request"]?["method"] == "POST")
        #expect(step["request"]?["path"] == "/{{tenant}}/api/v1/tokens/create")
        // The login's e-mail and password are variables, the recorded e-mail the default of its own.
        #expect(step["request"]?["query"] == ["email": "{{email}}", "password": "{{password}}"])
        #expect(step["request"]?["headers"] == ["Accept": "application/json", "X-Requested-With": "XMLHttpRequest"])
        #expect(scenario["name"] == "reproduce full refresh")
        #expect(scenario["variables"] == ["email": "integrator@demo.test", "password": "demo-password"])
    }

    @Test("a percent-encoded e-mail is decoded once, though the recording's URL holds {{password}}")
    func percentEncodedEmail() throws {
        // The runner sends '+' as %2B (servers read a bare '+' as a space), so an address like this one is
        // recorded encoded; the scenario's variable holds the plain value, which the runner encodes again.
        let scenario = ScenarioReproducer.scenario(for: Self.recorded([Self.login(email: "first%2Blast@demo.test")]))
        #expect(scenario["variables"]?["email"] == "first+last@demo.test")
    }

    @Test("the token is checked by shape and captured for the requests after it")
    func token() throws {
        let scenario = ScenarioReproducer.scenario(
            for: Self.recorded([Self.login(), Self.get("/api/v1/imports/status/999", name: "status")]))
        let login = try #require(Self.steps(of: scenario).first)
        #expect(login["expect"]?["status"] == 200)
        #expect(login["capture"] == ["token": "$.token"])
        #expect(
            try Self.pattern(login["expect"]?["body"]?["$.token"], accepts: "7|" + String(repeating: "a", count: 40)))
        #expect(Self.steps(of: scenario).last?["request"]?["headers"] == ["Authorization": "Bearer {{token}}"])
    }

    @Test("a queued job's id is captured, checked by type, and later requests name it by its variable")
    func jobIDs() throws {
        let scenario = ScenarioReproducer.scenario(
            for: Self.recorded([
                Self.login(), Self.upload(job: 7), Self.get("/api/v1/imports/status/7", name: "job status"),
            ]))
        let steps = Self.steps(of: scenario)
        #expect(steps.count == 3)
        let upload = steps[1]
        #expect(upload["capture"] == ["job1": "$.content.job_log_id"])
        #expect(upload["expect"]?["status"] == 202)
        #expect(upload["expect"]?["body"]?["$.content.job_log_id"] == ["type": "integer"])
        #expect(upload["expect"]?["body"]?["$.content.status"] == "queued")
        #expect(upload["request"]?["content_type"] == "multipart/form-data; boundary=b")
        #expect(upload["request"]?["body"]?.string?.hasPrefix("--b\r\nContent-Disposition") == true)
        #expect(steps[2]["request"]?["path"] == "/{{tenant}}/api/v1/imports/status/{{job1}}")
        let link = upload["expect"]?["body"]?["$.content.job_status_link"]
        let path = "/settings/application-maintenance/job-management/imports/logs"
        #expect(try Self.pattern(link, accepts: "http://127.0.0.1:9/another-tenant-2\(path)/48213"))
        #expect(try !Self.pattern(link, accepts: "http://127.0.0.1:9/another-tenant-2\(path)/"))
    }

    @Test("two jobs whose ids start alike each keep their own variable in later paths")
    func jobIDsSharingAPrefix() throws {
        let scenario = ScenarioReproducer.scenario(
            for: Self.recorded([
                Self.login(), Self.upload(job: 1, name: "first upload"), Self.upload(job: 12, name: "second upload"),
                Self.get("/api/v1/imports/status/12", name: "second status"),
                Self.get("/api/v1/imports/status/1", name: "first status"),
            ]))
        let paths = Self.steps(of: scenario).suffix(2).map { $0["request"]?["path"]?.string }
        #expect(
            paths == ["/{{tenant}}/api/v1/imports/status/{{job2}}", "/{{tenant}}/api/v1/imports/status/{{job1}}"])
    }

    @Test("links to a job's files are checked by shape, whatever the tenant, date and job")
    func downloadLinks() throws {
        let file =
            "/\(Self.tenant)/download/\(Self.tenant)/user-uploads/inventory-import/2026-01-01/7/"
            + "inventory_20260101_final.csv"
        let scenario = ScenarioReproducer.scenario(
            for: Self.recorded([
                Self.get(
                    "/api/v1/imports/status/7", name: "job status",
                    body: ["content": ["files": ["output": [.string(file)]]]])
            ]))
        let expectation = Self.steps(of: scenario).first?["expect"]?["body"]?["$.content.files.output[0]"]
        #expect(try Self.pattern(expectation, accepts: file))
        let elsewhere =
            "/other-tenant-4/download/other-tenant-4/user-uploads/inventory-import/2026-02-03/42/"
            + "inventory_20260203_final.csv"
        #expect(try Self.pattern(expectation, accepts: elsewhere), "\(String(describing: expectation))")
        #expect(try !Self.pattern(expectation, accepts: elsewhere.replacingOccurrences(of: "_final", with: "_errors")))
    }

    @Test(
        "a job status recorded finished is polled until it is again, even when the recording saw it at the first look",
        arguments: ["completed", "completed_with_errors", "failed"])
    func finishedJobStatusIsPolled(status: String) throws {
        let body: JSONValue = ["content": ["status": .string(status), "job_log_id": 7]]
        let scenario = ScenarioReproducer.scenario(
            for: Self.recorded([
                Self.login(), Self.upload(job: 7), Self.get("/api/v1/imports/status/7", name: "job status", body: body),
            ]))
        let poll = try #require(Self.steps(of: scenario)[2]["poll"])
        #expect(poll["until"] == ["$.content.status": .string(status)])
        #expect(poll["timeout"] == "30s")
    }

    @Test("a job status recorded unfinished at a single look is checked once, not polled")
    func unfinishedJobStatusIsNotPolled() {
        let body: JSONValue = ["content": ["status": "processing", "job_log_id": 7]]
        let scenario = ScenarioReproducer.scenario(
            for: Self.recorded([Self.get("/api/v1/imports/status/7", name: "job status", body: body)]))
        #expect(Self.steps(of: scenario).first?["poll"] == nil)
        #expect(Self.steps(of: scenario).first?["expect"]?["body"]?["$.content.status"] == "processing")
    }

    @Test("a step the recording sent several times polls until the status it ended with")
    func repeatedStepIsPolled() throws {
        var step = Self.get("/api/v1/other/7", name: "wait", body: ["content": ["status": "ready"]])
        step.attempts = 3
        let scenario = ScenarioReproducer.scenario(for: Self.recorded([step]))
        #expect(Self.steps(of: scenario).first?["poll"]?["until"] == ["$.content.status": "ready"])
    }

    @Test("a finished status on anything but the job-status endpoint is checked once")
    func finishedStatusElsewhereIsNotPolled() {
        let scenario = ScenarioReproducer.scenario(
            for: Self.recorded([Self.get("/x", name: "read", body: ["content": ["status": "completed"]])]))
        #expect(Self.steps(of: scenario).first?["poll"] == nil)
    }

    @Test("timestamps are checked by shape and other values as recorded")
    func valuesAndShapes() throws {
        let body: JSONValue = [
            "content": [
                "status": "completed", "summary": ["created": 3, "failed": 0], "errors": [],
                "timestamps": ["started_at": "2026-01-01T10:00:00Z"], "date_filled": "2024-01-15",
            ]
        ]
        let scenario = ScenarioReproducer.scenario(for: Self.recorded([Self.get("/x", name: "read", body: body)]))
        let checks = try #require(Self.steps(of: scenario).first?["expect"]?["body"])
        #expect(checks["$.content.status"] == "completed")
        #expect(checks["$.content.summary.created"] == 3)
        #expect(checks["$.content.summary.failed"] == 0)
        #expect(checks["$.content.date_filled"] == "2024-01-15")
        #expect(try Self.pattern(checks["$.content.timestamps.started_at"], accepts: "2027-12-31T23:59:59Z"))
    }

    @Test("steps that were never sent are left out, and repeated step names are numbered")
    func skippedAndRepeatedSteps() {
        let scenario = ScenarioReproducer.scenario(
            for: Self.recorded([
                Self.login(), Self.login(), RecordedStep(name: "never reached", outcome: .skipped),
            ]))
        #expect(Self.steps(of: scenario).map { $0["name"] } == ["log in", "log in (2)"])
    }

    @Test("a passed final state becomes an exact expectation; an unchecked one is left out")
    func finalState() {
        let rows: [JSONValue] = [["item": "124", "quantity": 5], ["item": "ZAMNVCAS20", "quantity": "12.345"]]
        let checked = ScenarioReproducer.scenario(
            for: Self.recorded([Self.login()], state: RecordedState(outcome: .passed, rows: rows)))
        #expect(checked["state"] == ["count": 2, "exactly": .array(rows)])
        let unchecked = ScenarioReproducer.scenario(
            for: Self.recorded([Self.login()], state: RecordedState(outcome: .skipped, note: "not a mock")))
        #expect(unchecked["state"] == nil)
    }

    @Test(
        "a text response is pinned by its first line, whatever its line ends",
        arguments: ["item_name,quantity\n124,5\n", "item_name,quantity\r\n124,5\r\n"])
    func textResponse(_ csv: String) throws {
        let step = RecordedStep(
            name: "download",
            request: RecordedRequest(method: "GET", url: "\(Self.base)/\(Self.tenant)/download/x.csv"),
            response: RecordedResponse(status: 200, body: .text(csv)))
        let scenario = ScenarioReproducer.scenario(for: Self.recorded([step]))
        let expect = try #require(Self.steps(of: scenario).first?["expect"])
        #expect(expect["body"] == ["$": ["contains": "item_name,quantity"]])
    }

    @Test("the scenario text is block-style YAML a person can read")
    func text() {
        let text = ScenarioReproducer.scenarioText(for: Self.recorded([Self.login()]))
        #expect(text.hasPrefix("name: reproduce full refresh\ndescription: |\n  Replays 'full refresh' as recorded"))
        #expect(
            text.hasSuffix(
                """
                tags:
                  - reproduce
                variables:
                  email: integrator@demo.test
                  password: demo-password
                steps:
                  - name: log in
                    request:
                      method: POST
                      path: /{{tenant}}/api/v1/tokens/create
                      query:
                        email: "{{email}}"
                        password: "{{password}}"
                      headers:
                        Accept: application/json
                        X-Requested-With: XMLHttpRequest
                    expect:
                      status: 200
                      body:
                        $.token:
                          matches: ^\\d+\\|[A-Za-z0-9]{40}$
                    capture:
                      token: $.token

                """), "\(text)")
    }
}
