import ExactJSON
import Foundation
import Testing

@testable import ClaretScenarios

@Suite("ScenarioRunner replays scenarios against the live mock")
struct ScenarioRunnerTests {
    /// One record that imports and one whose item does not exist.
    static let mixedRecords = [
        #"{item_name: "124", bin_name: SS-02, lot_name: FG-GEN-LOT, date_filled: "2024-05-01", quantity: 10, uom: gal}"#,
        #"{item_name: NOPE, bin_name: SS-02, lot_name: FG-GEN-LOT, date_filled: "2024-05-01", quantity: 1, uom: gal}"#,
    ]

    /// A CSV upload of one row of item 124 into SS-03, capturing the job's id as `job`.
    static let uploadStep = """
          - name: upload the CSV
            request:
              method: POST
              path: /{{tenant}}/api/v1/inventory/import/process
              headers: {Authorization: "Bearer {{token}}"}
              multipart:
                fields: {source: api, allow_record_creation: "true", allow_record_update: "true", should_continue_on_error: "true"}
                files:
                  file: {content: "item_name,bin_name,lot_name,date_filled,quantity,uom\\n124,SS-03,FG-GEN-LOT,2024-06-01,3,gal\\n"}
            expect:
              status: 202
              body:
                $.content.status: queued
            capture:
              job: $.content.job_log_id

        """

    /// A poll of job `{{job}}` until its status is `status`.
    static func pollStep(until status: String, timeout: String) -> String {
        """
          - name: wait for the job
            request:
              path: /{{tenant}}/api/v1/imports/status/{{job}}
              headers: {Authorization: "Bearer {{token}}"}
            poll:
              until: {$.content.status: \(status)}
              interval: 50ms
              timeout: \(timeout)
            expect:
              status: 200
              body:
                $.content.progress.completed_steps: 8

        """
    }

    @Test("a token captured at login authorises the later steps, and is kept as a secret")
    func captureFeedsLaterSteps() async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        let result = try await mock.run(
            ScenarioText.scenario(
                "capture",
                steps: "  - use: login\n"
                    + ScenarioText.importStep(
                        "import", records: [Self.mixedRecords[0]],
                        expect: "      status: 200\n      body:\n        $.content.summary.created: 1")))
        #expect(result.outcome == .passed)
        #expect(result.steps.map(\.outcome) == [.passed, .passed])
        #expect(result.steps[0].captures.map(\.name) == ["token"])
        #expect(result.steps[0].captures.map(\.value) == ["[secret]"])
        let authorization = result.steps[1].request?.headers.first { $0.name == "Authorization" }?.value
        #expect(authorization == "Bearer {{token}}")
        #expect(try await mock.inventory().contains { $0["item"] == "124" && $0["bin"] == "SS-02" })
    }

    @Test("a captured number fills a path, and a CSV job is polled until it completes")
    func pollsJobUntilCompleted() async throws {
        let mock = try RunningMock(jobProcessingTime: 0.3)
        defer { mock.stop() }
        let release = mock.holdJobs(untilAnswered: "/imports/status/")
        defer { release.cancel() }
        let result = try await mock.run(
            ScenarioText.scenario(
                "poll", steps: "  - use: login\n" + Self.uploadStep + Self.pollStep(until: "completed", timeout: "60s"),
                state: "  contains:\n    - {item: \"124\", bin: SS-03, quantity: 3}\n"))
        #expect(result.outcome == .passed)
        #expect(result.steps.map(\.outcome) == [.passed, .passed, .passed])
        let upload = result.steps[1]
        let job = try #require(upload.captures.first { $0.name == "job" }?.value.number?.int)
        let poll = result.steps[2]
        #expect(poll.request?.url.hasSuffix("/demo/api/v1/imports/status/\(job)") == true)
        #expect(poll.attempts > 1, "the job was held queued until the first look had been answered")
        let body = try JSONParser.parse(try #require(poll.response).body)
        #expect(body["content"]?["status"] == "completed")
        #expect(result.state?.outcome == .passed)
    }

    @Test("a poll that times out fails with the poll condition's mismatch and skips the rest")
    func pollTimesOut() async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        let result = try await mock.run(
            ScenarioText.scenario(
                "poll timeout",
                steps: "  - use: login\n" + Self.uploadStep + Self.pollStep(until: "failed", timeout: "3s")
                    + "  - name: after\n    request: {path: /__harness/health}\n"))
        #expect(result.outcome == .failed)
        let poll = result.steps[2]
        #expect(poll.outcome == .failed)
        #expect(poll.attempts >= 2)
        #expect(poll.error == "the poll condition did not hold within 3.0s (\(poll.attempts) attempts)")
        #expect(poll.mismatches.map(\.path) == ["$.content.status"])
        #expect(poll.mismatches.map(\.kind) == [.valueChanged])
        #expect(poll.mismatches.map(\.expected) == [#""failed""#])
        #expect(poll.mismatches.map(\.actual) == [#""completed""#])
        #expect(result.steps[3].outcome == .skipped)
    }

    @Test("every kind of matcher holds against a real import response")
    func matchersPass() async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        let expect = """
                  status: {in: [200, 201]}
                  headers:
                    Content-Type: {matches: '^application/json'}
                  body:
                    $.message: Inventory import processed.
                    $.content.summary.updated: 0
                    $.content.status: {not_equals: completed}
                    $.content.summary.created: {type: integer}
                    $.content.job_status_link: {matches: '/imports/logs/\\d+$'}
                    $.content.errors[0].field: {exists: true}
                    $.content.job_log_id: {exists: false}
                    $.content.summary.received: {gt: 1, gte: 2, lt: 3, lte: 2}
                    $.content.summary: {length: 4}
                    $.content.errors[0].message: {contains: NOPE}
                    $.content.errors[0].index: {in: [1, 2]}
                    $.content.errors: {each: {type: object}}
                    $.content.summary.failed: {type: integer, gte: 1}
            """
        let result = try await mock.run(
            ScenarioText.scenario(
                "matchers pass",
                steps: "  - use: login\n"
                    + ScenarioText.importStep("import", records: Self.mixedRecords, expect: expect)))
        let step = result.steps[1]
        #expect(step.outcome == .passed)
        #expect(step.mismatches.isEmpty)
        #expect(step.checks.count == 15)
        #expect(step.checks.first == "status in [200,201]")
    }

    @Test("every kind of matcher reports its mismatch against a real import response")
    func matchersFail() async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        let expect = """
                  status: 201
                  headers:
                    Content-Type: {matches: xml}
                  body:
                    $.content.summary.created: 2
                    $.content.status: {not_equals: completed_with_errors}
                    $.content.summary.failed: {type: string}
                    $.message: {matches: '^Import'}
                    $.content.job_log_id: {exists: true}
                    $.content.job_status_link: {exists: false}
                    $.content.summary.received: {lt: 2}
                    $.content.errors[0].field: {length: 3}
                    $.content.errors[0].message: {contains: XYZ}
                    $.content.errors[0].index: {in: [0, 2]}
                    $.content.errors: {each: {type: string}}
                    $.content.summary.updated: {type: integer, gte: 1}
            """
        let result = try await mock.run(
            ScenarioText.scenario(
                "matchers fail",
                steps: "  - use: login\n"
                    + ScenarioText.importStep("import", records: Self.mixedRecords, expect: expect)))
        let step = result.steps[1]
        #expect(step.outcome == .failed)
        #expect(result.outcome == .failed)
        let found = step.mismatches.map { "\($0.path) \($0.kind.rawValue)" }
        #expect(
            found == [
                "status status_changed",
                "header Content-Type pattern_mismatch",
                "$.content.summary.created value_changed",
                "$.content.status value_changed",
                "$.content.summary.failed type_changed",
                "$.message pattern_mismatch",
                "$.content.job_log_id missing",
                "$.content.job_status_link unexpected",
                "$.content.summary.received out_of_range",
                "$.content.errors[0].field length_mismatch",
                "$.content.errors[0].message not_contained",
                "$.content.errors[0].index value_changed",
                "$.content.errors[0] type_changed",
                "$.content.summary.updated out_of_range",
            ])
        #expect(step.mismatches.first?.message == "status: expected 201, got 200")
        #expect(step.mismatches.first?.actual == "200")
        #expect(step.mismatches.first { $0.path == "$.content.summary.created" }?.actual == "1")
        #expect(step.mismatches.first { $0.path == "$.content.errors[0].field" }?.actual == "9")
    }

    @Test("a failing step stops the scenario: later steps are skipped and the state is not checked")
    func failureSkipsTheRest() async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        let steps = """
              - use: login
              - name: expect the wrong status
                request: {path: /__harness/health}
                expect: {status: 204}
              - name: never sent
                request: {path: /__harness/health}

            """
        let scenario = try ScenarioParser.parse(
            Array(ScenarioText.scenario("stops", steps: steps, state: "  count: 99\n").utf8), file: "/s/stops.yaml")
        let collected = Collected()
        let result = await mock.runner().run(scenario, on: mock.demo) { step in collected.add(step.name) }
        let seen = collected.names
        #expect(result.outcome == .failed)
        #expect(result.steps.map(\.outcome) == [.passed, .failed, .skipped])
        #expect(result.steps[2].request == nil)
        #expect(result.steps[2].response == nil)
        #expect(result.steps[2].attempts == 0)
        #expect(result.steps[2].error == "an earlier step did not pass")
        #expect(result.state?.outcome == .skipped)
        #expect(result.state?.note == "not checked: a step did not pass")
        #expect(result.firstProblem?.name == "expect the wrong status")
        #expect(seen == ["log in", "expect the wrong status"], "skipped steps are not reported as they run")
    }

    @Test("a step that cannot be sent is an error, not a failure")
    func unreachableTarget() async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        let scenario = try ScenarioParser.parse(
            Array("name: down\nsteps:\n  - request: {path: /__harness/health}\n".utf8), file: "/s/down.yaml")
        let result = await mock.runner().run(
            scenario, on: Target(baseURL: "http://127.0.0.1:1", tenant: "demo", isMock: true))
        #expect(result.outcome == .error)
        #expect(result.steps[0].outcome == .error)
        #expect(result.steps[0].response == nil)
        #expect(result.steps[0].error?.contains("http://127.0.0.1:1/__harness/health") == true)
    }

    @Test("a variable no one defined is an error of its step, naming the variable")
    func unknownVariable() async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        let result = try await mock.run("name: v\nsteps:\n  - request: {path: \"/{{tenant}}/{{nowhere}}\"}\n")
        #expect(result.steps[0].outcome == .error)
        #expect(result.steps[0].request == nil)
        #expect(result.steps[0].error?.contains("nowhere") == true)
    }

    @Test("variables given to the runner override the file's")
    func overrides() async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        let scenario = try ScenarioParser.parse(
            Array(ScenarioText.scenario("override", steps: "  - use: login\n").utf8), file: "/s/o.yaml")
        let wrong = await mock.runner(overrides: ["password": "not-the-password"]).run(scenario, on: mock.demo)
        #expect(wrong.steps[0].outcome == .failed)
        #expect(wrong.steps[0].mismatches.map(\.path) == ["status", "$.token"])
        #expect(wrong.steps[0].mismatches.last?.message == "$.token: nothing to capture as 'token'")
        #expect(wrong.steps[0].request?.url.contains("password={{password}}") == true)
    }

    @Test("state checks pass against the seeded inventory: count, contains, absent and exactly")
    func statePasses() async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        let result = try await mock.run(
            """
            name: state passes
            steps:
              - request: {path: /__harness/health}
            state:
              count: 1
              contains:
                - {item: ZAMNVCAS19, quantity: "5000.0"}
              absent:
                - {item: "124"}
              exactly:
                - {item: ZAMNVCAS19, bin: SS-01, location_area: North, location: ZAM-WINERY, lot: RM19CASRUT.ZAM,
                   date_filled: "2023-08-01", quantity: 5000, uom: Gallon}
            """)
        #expect(result.outcome == .passed)
        #expect(result.state?.outcome == .passed)
        #expect(result.state?.rows.count == 1)
        #expect(result.state?.mismatches.isEmpty == true)
    }

    @Test("state checks fail with one mismatch per broken expectation")
    func stateFails() async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        let result = try await mock.run(
            """
            name: state fails
            steps:
              - request: {path: /__harness/health}
            state:
              count: 2
              contains:
                - {item: "124"}
              absent:
                - {bin: SS-01}
              exactly:
                - {item: ZAMNVCAS19, quantity: 4999}
            """)
        #expect(result.outcome == .failed)
        #expect(result.steps.map(\.outcome) == [.passed])
        let state = try #require(result.state)
        #expect(state.outcome == .failed)
        #expect(state.mismatches.map(\.path) == ["state.count", "state.contains", "state.absent", "state.exactly[0]"])
        #expect(state.mismatches.map(\.kind) == [.valueChanged, .notContained, .unexpected, .valueChanged])
        #expect(state.mismatches[0].message == "state.count: expected 2, got 1 rows")
    }

    @Test("'exactly' with more rows than the inventory has fails on the number of rows")
    func stateExactlyCount() async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        let result = try await mock.run(
            """
            name: state exactly
            steps:
              - request: {path: /__harness/health}
            state:
              exactly: [{item: ZAMNVCAS19}, {item: "124"}]
            """)
        #expect(result.state?.mismatches.map(\.message) == ["state: expected exactly 2 rows, found 1"])
    }

    @Test("the state of a real tenant is skipped, since it has no read-back")
    func stateSkippedOnRealTenant() async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        let result = try await mock.run(
            "name: real\nsteps:\n  - request: {path: /__harness/health}\nstate:\n  count: 99\n",
            on: Target(baseURL: mock.baseURL, tenant: "demo", isMock: false))
        #expect(result.outcome == .passed)
        #expect(result.state?.outcome == .skipped)
        #expect(result.state?.note == "not checked: a real tenant has no inventory read-back")
    }

    @Test("no password or token appears in what a step result sent, received or found")
    func secretsAreRedacted() async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        let steps = """
              - use: login
              - name: use the token
                request:
                  path: /{{tenant}}/api/v1/imports/status/999
                  headers: {Authorization: "Bearer {{token}}"}
                expect: {status: 404}
              - name: log in again and expect another token
                request:
                  method: POST
                  path: /{{tenant}}/api/v1/tokens/create
                  json: {email: "{{email}}", password: "{{password}}"}
                expect:
                  body:
                    $.token: {equals: "not the token"}
                capture:
                  token: $.token

            """
        let result = try await mock.run(ScenarioText.scenario("secrets", steps: steps))
        #expect(result.steps.map(\.outcome) == [.passed, .passed, .failed])

        let tokenPattern = try NSRegularExpression(pattern: #"\d+\|[A-Za-z0-9]{40}"#)
        for step in result.steps {
            for text in Self.texts(of: step) {
                #expect(!text.contains("demo-password"), "step '\(step.name)' shows the password in: \(text)")
                let range = NSRange(text.startIndex..., in: text)
                #expect(
                    tokenPattern.firstMatch(in: text, range: range) == nil,
                    "step '\(step.name)' shows a token in: \(text)")
            }
        }
        #expect(result.steps[0].request?.url.contains("password={{password}}") == true)
        #expect(result.steps[0].response.map { String(decoding: $0.body, as: UTF8.self) } == #"{"token":"{{token}}"}"#)
        #expect(
            result.steps[1].request?.headers.contains { $0.name == "Authorization" && $0.value == "Bearer {{token}}" }
                == true)
        let body = result.steps[2].request.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(body?.contains(#""password":"{{password}}""#) == true)
        #expect(result.steps[2].mismatches.map(\.actual) == [#""{{token}}""#])
        #expect(result.steps[2].mismatches.first?.message.contains("{{token}}") == true)
    }

    @Test(
        "a password that URLs or JSON escape is still redacted from what the step sent",
        arguments: [
            ("query: {email: \"{{email}}\", password: \"{{password}}\"}", "open sesame+1&x"),
            ("json: {email: \"{{email}}\", password: \"{{password}}\"}", #"say "hidden" \ now"#),
        ])
    func escapedSecretsAreRedacted(form: String, password: String) async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        let scenario = try ScenarioParser.parse(
            Array(
                """
                name: escaped
                variables: {email: integrator@demo.test}
                steps:
                  - name: log in
                    request:
                      method: POST
                      path: /{{tenant}}/api/v1/tokens/create
                      \(form)
                """.utf8), file: "/s/escaped.yaml")
        let result = await mock.runner(overrides: ["password": .string(password)]).run(scenario, on: mock.demo)
        let request = try #require(result.steps[0].request)
        let sent = request.url + String(decoding: request.body, as: UTF8.self)
        #expect(sent.contains("{{password}}"), "the password's place is marked in: \(sent)")
        for fragment in ["sesame", "hidden"] {
            #expect(!sent.contains(fragment), "part of the password is shown in: \(sent)")
        }
    }

    @Test("the result of a scenario whose tenant could not be made has one error step, then the steps skipped")
    func setupFailure() throws {
        let scenario = try ScenarioParser.parse(
            Array("name: no tenant\nsteps:\n  - request: {path: /a}\n  - request: {path: /b}\n".utf8),
            file: "/s/t.yaml")
        let result = ScenarioRunner.setupFailure(
            scenario, on: Target(baseURL: "http://x/", tenant: "t-1", isMock: true), error: "409 taken")
        #expect(result.baseURL == "http://x")
        #expect(result.outcome == .error)
        #expect(result.steps.map(\.name) == ["create the scenario's tenant", "GET /a", "GET /b"])
        #expect(result.steps.map(\.outcome) == [.error, .skipped, .skipped])
        #expect(result.steps[0].error == "409 taken")
        #expect(result.steps[0].position == scenario.steps[0].position)
    }

    /// Every text of a step result a report or transcript could show.
    static func texts(of step: StepResult) -> [String] {
        var texts: [String] = []
        if let request = step.request {
            texts += [request.url, String(decoding: request.body, as: UTF8.self)] + request.headers.map(\.value)
        }
        if let response = step.response {
            texts += [String(decoding: response.body, as: UTF8.self)] + response.headers.map(\.value)
        }
        for mismatch in step.mismatches { texts += [mismatch.expected, mismatch.actual ?? "", mismatch.message] }
        texts += step.captures.map { $0.value.serialized() } + [step.error ?? ""]
        return texts
    }

    @Test("a client without X-Requested-With sees the 302 to the login page, not the page it points to")
    func redirectTrap() async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        let result = try await mock.run(
            """
            name: the 302 trap
            steps:
              - name: forget the header
                request:
                  path: /{{tenant}}/api/v1/imports/status/1
                  headers: {Authorization: "Bearer 1|not-a-token"}
                expect:
                  status: 302
                  headers:
                    Location: {matches: '/demo/login$'}
            """)
        #expect(result.outcome == .passed)
        let response = try #require(result.steps[0].response)
        #expect(response.status == 302)
        #expect(response.header("location") == "\(mock.baseURL)/demo/login")
    }

    @Test("scenarios on their own tenants run side by side without seeing each other's writes")
    func tenantsIsolateParallelRuns() async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        func scenario(_ name: String, item: String, bin: String) throws -> Scenario {
            let text = ScenarioText.scenario(
                name,
                steps: """
                      - use: login
                      - name: delete everything
                        request:
                          method: POST
                          path: /{{tenant}}/api/v1/inventory/batch-delete
                          headers: {Authorization: "Bearer {{token}}"}
                          json: {date_filled_from: "1900-01-01", date_filled_to: "2999-12-31"}
                        expect: {status: 200}

                    """
                        + ScenarioText.importStep(
                            "import one",
                            records: [
                                "{item_name: \"\(item)\", bin_name: \(bin), lot_name: FG-GEN-LOT, date_filled: \"2024-01-01\", "
                                    + "quantity: 1, uom: gal}"
                            ],
                            expect: "      status: 200"),
                state: "  exactly:\n    - {item: \"\(item)\", bin: \(bin)}\n")
            return try ScenarioParser.parse(Array(text.utf8), file: "/s/\(name).yaml")
        }
        let first = try scenario("first", item: "124", bin: "SS-02")
        let second = try scenario("second", item: "122-16", bin: "FG-GEN-BIN")
        let runner = mock.runner()
        let alpha = Target(baseURL: mock.baseURL, tenant: "alpha", isMock: true)
        let beta = Target(baseURL: mock.baseURL, tenant: "beta", isMock: true)
        try await runner.prepareTenant(for: first, on: alpha)
        try await runner.prepareTenant(for: second, on: beta)
        async let one = runner.run(first, on: alpha)
        async let two = runner.run(second, on: beta)
        let results = await [one, two]
        #expect(results.map(\.outcome) == [.passed, .passed])
        #expect(results.map(\.tenant) == ["alpha", "beta"])
        #expect(try await mock.inventory(of: "alpha").map { $0["item"] } == ["124"])
        #expect(try await mock.inventory(of: "beta").map { $0["item"] } == ["122-16"])
        #expect(try await mock.inventory(of: "demo").map { $0["item"] } == ["ZAMNVCAS19"])
    }

    @Test("a tenant is created from the scenario's own seed, and a taken name is refused")
    func prepareTenant() async throws {
        let mock = try RunningMock()
        defer { mock.stop() }
        let scenario = try ScenarioParser.parse(
            Array(
                """
                name: seeded
                seed:
                  users: [{id: 7, email: only@acme.test, password: acme-password, admin: true}]
                  items: ["A-1"]
                  locations: [{name: L, areas: [{name: A, bins: [B-1]}]}]
                  lots: [LOT-1]
                  uoms: [{name: Each, abbreviation: ea}]
                  inventory:
                    - {item_name: A-1, bin_name: B-1, lot_name: LOT-1, date_filled: "2024-01-01", quantity: 2, uom: ea}
                steps:
                  - request:
                      method: POST
                      path: /{{tenant}}/api/v1/tokens/create
                      query: {email: only@acme.test, password: acme-password}
                    expect: {status: 200}
                state:
                  exactly: [{item: A-1, bin: B-1, location: L, quantity: 2, uom: Each}]
                """.utf8), file: "/s/seeded.yaml")
        let target = Target(baseURL: mock.baseURL, tenant: "acme", isMock: true)
        try await mock.runner().prepareTenant(for: scenario, on: target)
        let result = await mock.runner().run(scenario, on: target)
        #expect(result.outcome == .passed)
        await #expect {
            try await mock.runner().prepareTenant(for: scenario, on: target)
        } throws: { error in
            "\(error)".hasPrefix("the mock refused tenant 'acme' for scenario 'seeded': 409")
        }
    }
}

/// Step names reported while a scenario runs, collected from the runner's callback.
final class Collected: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var list: [String] = []

    func add(_ name: String) { lock.withLock { list.append(name) } }

    var names: [String] { lock.withLock { list } }
}
