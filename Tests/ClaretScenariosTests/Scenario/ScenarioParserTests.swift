import ExactJSON
import Foundation
import Testing
import YAMLReader

@testable import ClaretScenarios

/// A scenario file the parser must refuse, with the `file:line:column: message` it must say.
struct RefusedScenario: Sendable, CustomTestStringConvertible {
    let label: String
    let text: String
    let expected: String

    init(_ label: String, _ text: String, _ expected: String) {
        self.label = label
        self.text = text
        self.expected = expected
    }

    var testDescription: String { label }
}

@Suite("ScenarioParser reads YAML and JSON scenario files and refuses unclear ones with file:line:column")
struct ScenarioParserTests {
    static let file = "/scenarios/example.yaml"

    /// The scenario `text` reads as, named `file`.
    static func parse(_ text: String, file: String = file) throws -> Scenario {
        try ScenarioParser.parse(Array(text.utf8), file: file)
    }

    /// The error `text` is refused with, rendered as `file:line:column: message`, or nil when it reads.
    static func refusal(_ text: String, file: String = file) -> String? {
        do {
            _ = try ScenarioParser.parse(Array(text.utf8), file: file)
            return nil
        } catch {
            return error.description
        }
    }

    static let fullYAML = """
        name: full refresh
        description: Delete everything, then import.
        tags: [full-refresh, json]
        variables:
          email: integrator@demo.test
          count: 3
        defaults:
          headers:
            X-Requested-With: XMLHttpRequest
        steps:
          - name: log in
            request:
              method: post
              path: /{{tenant}}/api/v1/tokens/create
              query: {email: "{{email}}", password: "{{password}}"}
              headers: {Accept: application/json, X-Requested-With: ~}
            expect:
              status: 200
              headers:
                Content-Type: {matches: json}
              body:
                $.token: {type: string}
            capture:
              token: $.token
          - name: wait for the job
            request:
              path: /{{tenant}}/api/v1/imports/status/{{job}}
            poll:
              until:
                $.content.status: completed
              interval: 250ms
              timeout: 10s
        state:
          count: {gte: 1}
          contains:
            - {item: "124", quantity: 10}
          absent:
            - {bin: SS-03}
          exactly:
            - {item: "124"}
        """

    @Test("a YAML scenario reads into its name, variables, default headers, steps and state")
    func readsYAML() throws {
        let scenario = try Self.parse(Self.fullYAML)
        #expect(scenario.name == "full refresh")
        #expect(scenario.description == "Delete everything, then import.")
        #expect(scenario.file == Self.file)
        #expect(scenario.tags == ["full-refresh", "json"])
        #expect(scenario.variables["email"] == "integrator@demo.test")
        #expect(scenario.variables["count"] == 3)
        #expect(scenario.seed == nil)
        #expect(scenario.defaultHeaders.map(\.name) == ["X-Requested-With"])
        #expect(scenario.steps.map(\.name) == ["log in", "wait for the job"])

        let login = scenario.steps[0]
        #expect(login.position == SourcePosition(line: 11, column: 5))
        #expect(login.request.method == "POST")
        #expect(login.request.path == "/{{tenant}}/api/v1/tokens/create")
        #expect(login.request.query.map(\.name) == ["email", "password"])
        #expect(login.request.query.map(\.value) == ["{{email}}", "{{password}}"])
        // A null header value is kept as an empty one, which removes the scenario's default.
        #expect(login.request.headers.map(\.name) == ["Accept", "X-Requested-With"])
        #expect(login.request.headers.map(\.value) == ["application/json", ""])
        #expect(login.expect.status == .equals(200))
        #expect(login.expect.headers.map(\.name) == ["Content-Type"])
        #expect(login.expect.headers.first?.matcher == .matches("json"))
        #expect(login.expect.body.map(\.path.description) == ["$.token"])
        #expect(login.expect.body.first?.matcher == .type(.string))
        #expect(login.captures.map(\.name) == ["token"])
        #expect(login.captures.map(\.path.description) == ["$.token"])
        #expect(login.poll == nil)

        let wait = scenario.steps[1]
        #expect(wait.request.method == "GET", "a request without 'method' is a GET")
        let poll = try #require(wait.poll)
        #expect(poll.interval == 0.25)
        #expect(poll.timeout == 10)
        #expect(poll.until.map(\.path.description) == ["$.content.status"])
        #expect(poll.until.first?.matcher == .equals("completed"))

        let state = try #require(scenario.state)
        #expect(state.count == .compare(.greaterThanOrEqual, JSONNumber(1)))
        #expect(state.contains == [["item": "124", "quantity": 10]])
        #expect(state.absent == [["bin": "SS-03"]])
        #expect(state.exactly == [["item": "124"]])
        #expect(state.position.line == 34)
    }

    @Test("the same scenario written as JSON reads into the same plan, with JSON line numbers")
    func readsJSON() throws {
        let json = """
            {
              "name": "full refresh",
              "tags": ["full-refresh", "json"],
              "variables": {"email": "integrator@demo.test", "count": 3},
              "defaults": {"headers": {"X-Requested-With": "XMLHttpRequest"}},
              "steps": [
                {"name": "log in",
                 "request": {"method": "POST", "path": "/{{tenant}}/api/v1/tokens/create",
                             "query": {"email": "{{email}}", "password": "{{password}}"}},
                 "expect": {"status": 200, "body": {"$.token": {"type": "string"}}},
                 "capture": {"token": "$.token"}},
                {"name": "import",
                 "request": {"method": "POST", "path": "/{{tenant}}/api/v1/inventory/import/process",
                             "json": {"source": "api", "payload": [{"quantity": "{{count}}"}]}},
                 "poll": {"until": {"$.content.status": "completed"}, "interval": 0.5, "timeout": 2}}
              ],
              "state": {"count": 3}
            }
            """
        let scenario = try Self.parse(json, file: "/scenarios/example.scenario.json")
        let yaml = try Self.parse(Self.fullYAML)
        #expect(scenario.name == yaml.name)
        #expect(scenario.tags == yaml.tags)
        #expect(scenario.variables == yaml.variables)
        #expect(scenario.steps.map(\.name) == ["log in", "import"])
        #expect(scenario.steps[0].position == SourcePosition(line: 7, column: 5))
        #expect(scenario.steps[0].expect.body.first?.matcher == .type(.string))
        #expect(scenario.steps[0].captures.map(\.path.description) == ["$.token"])
        guard case .json(let body) = scenario.steps[1].request.body else {
            Issue.record("the import's 'json' did not read as a JSON body")
            return
        }
        #expect(body == ["source": "api", "payload": [["quantity": "{{count}}"]]])
        #expect(scenario.steps[1].poll?.interval == 0.5)
        #expect(scenario.steps[1].poll?.timeout == 2)
        #expect(scenario.state?.count == .equals(3))
    }

    @Test("a step with 'use' is the definition's step, named by the definition, the step or the reference")
    func usesDefinitions() throws {
        let scenario = try Self.parse(
            """
            name: definitions
            definitions:
              login:
                name: log in
                request: {method: POST, path: /demo/api/v1/tokens/create}
                expect: {status: 200}
                capture: {token: $.token}
              health:
                request: {path: /__harness/health}
            steps:
              - use: login
              - use: login
                name: log in again
              - use: health
            """)
        #expect(scenario.steps.map(\.name) == ["log in", "log in again", "health"])
        #expect(scenario.steps.map(\.request.method) == ["POST", "POST", "GET"])
        #expect(scenario.steps[1].request.path == "/demo/api/v1/tokens/create")
        #expect(scenario.steps[1].expect.status == .equals(200))
        #expect(scenario.steps[1].captures.map(\.name) == ["token"])
        // Positions point at the step in the list, where the reader looks for it.
        #expect(scenario.steps.map(\.position.line) == [11, 12, 14])
    }

    @Test("a step without a name is named after its method and path")
    func defaultStepName() throws {
        let scenario = try Self.parse("name: n\nsteps:\n  - request: {path: /demo/api/v1/imports/status/1}\n")
        #expect(scenario.steps.map(\.name) == ["GET /demo/api/v1/imports/status/1"])
    }

    @Test("only imports and batch deletes count as writes")
    func writes() throws {
        let scenario = try Self.parse(
            """
            name: writes
            steps:
              - request: {method: POST, path: /demo/api/v1/inventory/import/process}
              - request: {method: POST, path: /demo/api/v1/inventory/batch-delete}
              - request: {method: POST, path: /demo/api/v1/tokens/create}
              - request: {method: GET, path: /demo/api/v1/inventory/batch-delete}
            """)
        #expect(scenario.steps.map(\.writes) == [true, true, false, false])
    }

    @Test("a raw body keeps its text and content type")
    func rawBody() throws {
        let scenario = try Self.parse(
            """
            name: raw
            steps:
              - request:
                  method: POST
                  path: /demo/api/v1/inventory/import/process
                  body: '{"source": '
                  content_type: application/json
            """)
        guard case .raw(let text, let contentType) = scenario.steps[0].request.body else {
            Issue.record("'body' did not read as a raw body")
            return
        }
        #expect(text == #"{"source": "#)
        #expect(contentType == "application/json")
    }

    @Test("a multipart fixture resolves beside the scenario file; inline content gets a default file name")
    func multipart() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: "\(folder.path)/fixtures", withIntermediateDirectories: true)
        try Data("item_name\n".utf8).write(to: URL(fileURLWithPath: "\(folder.path)/fixtures/day1.csv"))
        let scenario = try Self.parse(
            """
            name: csv
            steps:
              - request:
                  method: POST
                  path: /demo/api/v1/inventory/import/process
                  multipart:
                    fields: {source: api, allow_record_creation: true}
                    files:
                      file: {fixture: fixtures/day1.csv}
                      other: {content: "item_name\\n124\\n"}
                      named: {content: x, filename: upload.txt}
            """, file: "\(folder.path)/csv.yaml")
        guard case .multipart(let fields, let files) = scenario.steps[0].request.body else {
            Issue.record("'multipart' did not read as a multipart body")
            return
        }
        #expect(fields.map(\.name) == ["source", "allow_record_creation"])
        #expect(fields.map(\.value) == ["api", "true"])
        #expect(files.map(\.field) == ["file", "other", "named"])
        #expect(files.map(\.filename) == ["day1.csv", "other.csv", "upload.txt"])
        guard case .fixture(let path) = files[0].source, case .inline(let content) = files[1].source else {
            Issue.record("the files did not read as a fixture and inline content")
            return
        }
        #expect(path == "\(folder.path)/fixtures/day1.csv")
        #expect(content == "item_name\n124\n")
    }

    @Test("a seed is an inline tenant object or the first tenant of a seed file beside the scenario")
    func seeds() throws {
        let inline = try Self.parse(
            "name: s\nseed: {items: [\"124\"], lots: []}\nsteps:\n  - request: {path: /x}\n")
        #expect(inline.seed == ["items": ["124"], "lots": []])

        let folder = try TemporaryFolder()
        try Data(#"{"tenants": {"acme": {"items": ["A-1"]}}}"#.utf8)
            .write(to: URL(fileURLWithPath: "\(folder.path)/seed.json"))
        let fromFile = try Self.parse(
            "name: s\nseed: seed.json\nsteps:\n  - request: {path: /x}\n", file: "\(folder.path)/s.yaml")
        #expect(fromFile.seed == ["items": ["A-1"]])
    }

    @Test("durations read as seconds, milliseconds or plain numbers, with defaults when left out")
    func durations() throws {
        func poll(_ fields: String) throws -> PollSpec? {
            try Self.parse(
                "name: d\nsteps:\n  - request: {path: /x}\n    poll: {until: {$.a: 1}\(fields)}\n"
            ).steps[0].poll
        }
        #expect(try poll("")?.interval == 0.2)
        #expect(try poll("")?.timeout == 30)
        #expect(try poll(", interval: 1.5, timeout: 3")?.interval == 1.5)
        #expect(try poll(", interval: 40ms, timeout: 2s")?.interval == 0.04)
        #expect(try poll(", interval: 40ms, timeout: 2s")?.timeout == 2)
    }

    static let minimalSteps = "steps:\n  - request: {path: /demo/api/v1/imports/status/1}\n"

    static let refused: [RefusedScenario] = [
        RefusedScenario(
            "an unknown top-level key, with a suggestion",
            "name: n\nstep:\n  - request: {path: /x}\n",
            "\(file):2:1: unknown key 'step' in a scenario; did you mean 'steps'?"),
        RefusedScenario(
            "an unknown request key, with a suggestion",
            "name: n\nsteps:\n  - request:\n      metod: POST\n      path: /x\n",
            "\(file):4:7: unknown key 'metod' in 'request'; did you mean 'method'?"),
        RefusedScenario(
            "an unknown step key far from any, with the list of keys",
            "name: n\nsteps:\n  - request: {path: /x}\n    assertions: {}\n",
            "\(file):4:5: unknown key 'assertions' in step 1; expected one of: name, use, request, expect, capture, poll"
        ),
        RefusedScenario(
            "no steps",
            "name: n\ndescription: nothing to do\n",
            "\(file):1:1: 'steps' is required: a list of steps"),
        RefusedScenario(
            "an empty list of steps",
            "name: n\nsteps: []\n",
            "\(file):2:8: 'steps' must be a non-empty list of steps"),
        RefusedScenario(
            "no name",
            minimalSteps,
            "\(file):1:1: 'name' is required"),
        RefusedScenario(
            "an empty file",
            "",
            "\(file):1:1: the file is empty; a scenario needs at least 'name' and 'steps'"),
        RefusedScenario(
            "a duplicate step name",
            "name: n\nsteps:\n  - name: check\n    request: {path: /x}\n  - name: check\n    request: {path: /y}\n",
            "\(file):5:5: a step named 'check' already exists; step names must be unique (add 'name:')"),
        RefusedScenario(
            "two unnamed steps with the same request",
            "name: n\nsteps:\n  - request: {path: /x}\n  - request: {path: /x}\n",
            "\(file):4:5: a step named 'GET /x' already exists; step names must be unique (add 'name:')"),
        RefusedScenario(
            "a step without a request",
            "name: n\nsteps:\n  - name: lonely\n    expect: {status: 200}\n",
            "\(file):3:5: step 1 has no 'request'"),
        RefusedScenario(
            "a bad path in the body expectations",
            "name: n\nsteps:\n  - request: {path: /x}\n    expect:\n      body:\n        $..status: completed\n",
            "\(file):6:9: '$..status' is not a JSON path: "
                + "'..' (recursive descent) is not supported; spell out every key "
                + "(write paths like $.content.status)"),
        RefusedScenario(
            "a capture path without its root",
            "name: n\nsteps:\n  - request: {path: /x}\n    capture: {token: token}\n",
            "\(file):4:22: 'token' is not a JSON path: a path starts with '$', as in '$.content.status' "
                + "(write paths like $.content.status)"),
        RefusedScenario(
            "a misspelt matcher",
            "name: n\nsteps:\n  - request: {path: /x}\n    expect:\n      body:\n        $.content.errors: {type: array, lenght: 0}\n",
            "\(file):6:27: 'body' '$.content.errors': unknown matcher 'lenght'; did you mean 'length'?"),
        RefusedScenario(
            "an unknown type in a status matcher",
            "name: n\nsteps:\n  - request: {path: /x}\n    expect:\n      status: {type: intger}\n",
            "\(file):5:15: status: unknown type 'intger'; did you mean 'integer'?"),
        RefusedScenario(
            "a duration without a unit it knows",
            "name: n\nsteps:\n  - request: {path: /x}\n    poll:\n      until: {$.done: true}\n      interval: soon\n",
            "\(file):6:17: 'interval' must be a duration up to a day: seconds (2.5) or text like 250ms or 10s"),
        RefusedScenario(
            "a negative timeout",
            "name: n\nsteps:\n  - request: {path: /x}\n    poll:\n      until: {$.done: true}\n      timeout: -1\n",
            "\(file):6:16: 'timeout' must be a duration up to a day: seconds (2.5) or text like 250ms or 10s"),
        RefusedScenario(
            "a poll without a condition",
            "name: n\nsteps:\n  - request: {path: /x}\n    poll: {interval: 1}\n",
            "\(file):4:11: 'poll' needs 'until': the condition that ends the polling"),
        RefusedScenario(
            "a missing fixture",
            "name: n\nsteps:\n  - request:\n      method: POST\n      path: /x\n      multipart:\n        files:\n"
                + "          file: {fixture: fixtures/missing.csv}\n",
            "\(file):8:27: the fixture '/scenarios/fixtures/missing.csv' cannot be read"),
        RefusedScenario(
            "a file with neither fixture nor content",
            "name: n\nsteps:\n  - request:\n      method: POST\n      path: /x\n      multipart:\n        files:\n"
                + "          file: {filename: a.csv}\n",
            "\(file):8:17: file 'file' needs 'fixture' (a path) or 'content' (inline text)"),
        RefusedScenario(
            "both a JSON and a multipart body",
            "name: n\nsteps:\n  - request:\n      method: POST\n      path: /x\n      json: {source: api}\n"
                + "      multipart: {fields: {source: api}}\n",
            "\(file):4:7: a request has one body: give only one of json, multipart"),
        RefusedScenario(
            "a method the runner does not send",
            "name: n\nsteps:\n  - request: {method: fetch, path: /x}\n",
            "\(file):3:23: 'FETCH' is not an HTTP method this runner sends"),
        RefusedScenario(
            "a path without its leading slash",
            "name: n\nsteps:\n  - request: {path: demo/api/v1/tokens/create}\n",
            "\(file):3:21: 'path' must start with '/', e.g. /{{tenant}}/api/v1/tokens/create"),
        RefusedScenario(
            "a reference to a definition that does not exist, with a suggestion",
            "name: n\ndefinitions:\n  login: {request: {path: /x}}\nsteps:\n  - use: lgin\n",
            "\(file):5:10: no definition named 'lgin'; did you mean 'login'?"),
        RefusedScenario(
            "a step with 'use' that adds a request of its own",
            "name: n\ndefinitions:\n  login: {request: {path: /x}}\nsteps:\n  - use: login\n    expect: {status: 201}\n",
            "\(file):5:5: a step with 'use' takes only 'name' besides; change the definition instead"),
        RefusedScenario(
            "an unknown key inside a definition",
            "name: n\ndefinitions:\n  login: {request: {path: /x}, expct: {}}\nsteps:\n  - use: login\n",
            "\(file):3:32: unknown key 'expct' in definition 'login'; did you mean 'expect'?"),
        RefusedScenario(
            "an unknown field in a state row",
            "name: n\n\(minimalSteps)state:\n  contains:\n    - {item: \"124\", qty: 3}\n",
            "\(file):6:7: unknown row field 'qty'; rows have: item, bin, location_area, location, lot, "
                + "date_filled, quantity, uom"),
        RefusedScenario(
            "a YAML syntax error, at the position libyaml reports",
            "name: n\nsteps:\n  - request: {path: /x\n",
            "\(file):4:1: did not find expected ',' or '}' "
                + "(while parsing a flow mapping that starts at line 3, column 14)"),
        RefusedScenario(
            "a YAML duplicate key",
            "name: n\nname: m\n\(minimalSteps)",
            "\(file):2:1: duplicate key 'name' (first at line 1, column 1)"),
        RefusedScenario(
            "a JSON syntax error",
            "{\"name\": \"n\",\n \"steps\": [}\n",
            "\(file):2:12: did not find expected node content (while parsing a flow node)"),
    ]

    @Test("a malformed scenario is refused with file:line:column and what was expected", arguments: refused)
    func refusesMalformed(_ case: RefusedScenario) {
        #expect(Self.refusal(`case`.text) == `case`.expected)
    }

    @Test("a scenario file that does not exist cannot be read")
    func unreadableFile() {
        do {
            _ = try ScenarioParser.load(path: "/nonexistent/claret/scenario.yaml")
            Issue.record("a missing file was read")
        } catch {
            #expect(error.description == "/nonexistent/claret/scenario.yaml: cannot be read")
            #expect(error.position == nil)
        }
    }

    @Test("a scenario loaded from disk names its file in errors")
    func loadsFromDisk() throws {
        let folder = try TemporaryFolder()
        let path = "\(folder.path)/broken.yaml"
        try Data("name: n\nsteps:\n  - request: {path: /x}\n    expect: {stauts: 200}\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        do {
            _ = try ScenarioParser.load(path: path)
            Issue.record("a scenario with an unknown expect key was accepted")
        } catch {
            #expect(error.description == "\(path):4:14: unknown key 'stauts' in 'expect'; did you mean 'status'?")
        }
    }
}
