import ClaretModel
import ExactJSON
import Foundation

/// Where scenarios run: a base URL, a tenant, and whether the harness endpoints are there.
public struct Target: Sendable {
    /// `http://127.0.0.1:8080` or `https://plan.claret.app`.
    public var baseURL: String
    /// The tenant the scenario runs on.
    public var tenant: String
    /// Whether the target is a claret-harness mock: tenants can be created for a run and state read back.
    public var isMock: Bool
    /// `X-Harness-Token` for a mock that requires one.
    public var harnessToken: String?

    /// Creates a target.
    public init(baseURL: String, tenant: String, isMock: Bool, harnessToken: String? = nil) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.tenant = tenant
        self.isMock = isMock
        self.harnessToken = harnessToken
    }
}

/// Replays scenarios over HTTP: renders each request, sends it (polling when asked), checks the answer,
/// keeps captures, and finally checks the tenant's inventory.
public struct ScenarioRunner: Sendable {
    /// The network.
    public let transport: HTTPTransport
    /// Variables from the command line and the environment; they override the file's.
    public let overrides: [String: JSONValue]
    /// Names whose values are secrets: never written to output or transcripts.
    public static let secretNames = ["password", "token", "secret"]

    /// Creates a runner.
    public init(transport: HTTPTransport, overrides: [String: JSONValue] = [:]) {
        self.transport = transport
        self.overrides = overrides
    }

    /// Whether a variable's value must never be shown.
    public static func isSecret(_ name: String) -> Bool {
        let lower = name.lowercased()
        return secretNames.contains { lower.contains($0) }
    }

    /// Creates the scenario's own tenant on a mock target from its seed (or the demo tenant).
    public func prepareTenant(for scenario: Scenario, on target: Target) async throws {
        var tenant = scenario.seed?.object ?? JSONObject()
        if scenario.seed == nil, let demo = try? SeedFile.builtIn().tenants.first {
            tenant = demo.seedObject.object ?? JSONObject()
        }
        tenant["name"] = .string(target.tenant)
        var headers = [(name: "Content-Type", value: "application/json")]
        if let token = target.harnessToken { headers.append(("X-Harness-Token", token)) }
        let response = try await transport.send(
            OutgoingRequest(
                method: "POST", url: "\(target.baseURL)/__harness/tenants", headers: headers,
                body: JSONValue.object(tenant).serializedBytes()))
        guard response.status == 201 else {
            throw TransportError(
                description:
                    "the mock refused tenant '\(target.tenant)' for scenario '\(scenario.name)': \(response.status) \(String(decoding: response.body, as: UTF8.self))"
            )
        }
    }

    /// Runs every step in order (stopping at the first that fails), then the state check.
    ///
    /// With `stopAtFailure` false (parity runs, where every step's answer is compared with another
    /// target's), a step whose expectations fail does not stop the scenario; one that got no answer still does.
    public func run(
        _ scenario: Scenario, on target: Target, stopAtFailure: Bool = true,
        onStep: @Sendable (StepResult) -> Void = { _ in }
    ) async -> ScenarioResult {
        let started = Date()
        var values = scenario.variables
        for (name, value) in overrides { values[name] = value }
        values["tenant"] = .string(target.tenant)
        values["base_url"] = .string(target.baseURL)
        var result = ScenarioResult(
            name: scenario.name, description: scenario.description, file: scenario.file, baseURL: target.baseURL,
            tenant: target.tenant, targetIsMock: target.isMock,
            startedAt: started.formatted(.iso8601), milliseconds: 0, steps: [], state: nil)
        var stopped = false
        for step in scenario.steps {
            if stopped {
                result.steps.append(Self.skipped(step, because: "an earlier step did not pass"))
                continue
            }
            let stepResult = await run(step, of: scenario, variables: &values)
            // Secrets the step read from the environment are redacted like the scenario's own.
            let known = values.merging(Self.environment(for: step)) { given, _ in given }
            result.steps.append(redacted(stepResult, values: known))
            onStep(result.steps[result.steps.count - 1])
            if stepResult.outcome == .error || (stopAtFailure && stepResult.outcome != .passed) { stopped = true }
        }
        if let state = scenario.state {
            if stopped {
                result.state = StateResult(
                    outcome: .skipped, rows: [], mismatches: [], note: "not checked: a step did not pass")
            } else if !target.isMock {
                result.state = StateResult(
                    outcome: .skipped, rows: [], mismatches: [],
                    note: "not checked: a real tenant has no inventory read-back")
            } else {
                do {
                    // Rows may name captured values ({{job}}) or built-ins, like requests.
                    let known = Variables(values)
                    var rendered = state
                    rendered.contains = try state.contains.map { try Template.render($0, with: known) }
                    rendered.absent = try state.absent.map { try Template.render($0, with: known) }
                    rendered.exactly = try state.exactly.map { rows in
                        try rows.map { try Template.render($0, with: known) }
                    }
                    result.state = await check(rendered, on: target)
                } catch {
                    result.state = StateResult(outcome: .error, rows: [], mismatches: [], note: "\(error)")
                }
            }
        }
        result.milliseconds = Date().timeIntervalSince(started) * 1000
        return result
    }

    /// The result of a scenario whose tenant could not be prepared: one step in error, saying why.
    public static func setupFailure(_ scenario: Scenario, on target: Target, error: String) -> ScenarioResult {
        let step = StepResult(
            name: "create the scenario's tenant", position: scenario.steps[0].position, outcome: .error,
            request: nil, response: nil, attempts: 0, milliseconds: 0, mismatches: [], checks: [], error: error,
            captures: [])
        return ScenarioResult(
            name: scenario.name, description: scenario.description, file: scenario.file, baseURL: target.baseURL,
            tenant: target.tenant, targetIsMock: target.isMock, startedAt: Date().formatted(.iso8601),
            milliseconds: 0, steps: [step] + scenario.steps.map { skipped($0, because: "no tenant") },
            state: nil)
    }

    static func skipped(_ step: Step, because reason: String) -> StepResult {
        StepResult(
            name: step.name, position: step.position, outcome: .skipped, request: nil, response: nil, attempts: 0,
            milliseconds: 0, mismatches: [], checks: [], error: reason, captures: [])
    }

    // MARK: - Steps

    private func run(_ step: Step, of scenario: Scenario, variables: inout [String: JSONValue]) async -> StepResult {
        var result = StepResult(
            name: step.name, position: step.position, outcome: .passed, request: nil, response: nil, attempts: 0,
            milliseconds: 0, mismatches: [], checks: [], error: nil, captures: [])
        let request: OutgoingRequest
        let expect: ResponseExpectation
        let until: [(path: JSONPath, matcher: Matcher)]
        do {
            let known = Variables(variables.merging(Self.environment(for: step)) { given, _ in given })
            request = try RequestBuilder.build(step.request, scenario: scenario, variables: known)
            (expect, until) = try Self.resolve(step, with: known)
        } catch {
            result.outcome = .error
            result.error = "\(error)"
            return result
        }
        result.request = request
        let started = Date()
        var response: IncomingResponse
        do {
            response = try await transport.send(request)
            result.attempts = 1
            if let poll = step.poll {
                let deadline = started.addingTimeInterval(poll.timeout)
                while !Self.holds(until, in: response) {
                    guard Date() < deadline else {
                        result.mismatches += until.flatMap { check in
                            check.matcher.evaluate(in: Self.json(response), at: check.path)
                        }
                        result.outcome = .failed
                        result.error =
                            "the poll condition did not hold within \(poll.timeout)s (\(result.attempts) attempts)"
                        break
                    }
                    let pause = min(poll.interval, max(0, deadline.timeIntervalSinceNow))
                    try await Task.sleep(nanoseconds: UInt64(pause * 1_000_000_000))
                    response = try await transport.send(request)
                    result.attempts += 1
                }
            }
        } catch {
            result.outcome = .error
            result.error = "\(error)"
            result.milliseconds = Date().timeIntervalSince(started) * 1000
            return result
        }
        result.milliseconds = Date().timeIntervalSince(started) * 1000
        result.response = response

        if let status = expect.status {
            result.checks.append("status \(status)")
            let found = status.evaluate([.number(JSONNumber(response.status))], at: .root)
            if !found.isEmpty {
                result.mismatches.append(
                    Mismatch(
                        path: "status", kind: .statusChanged, expected: status.expectedText,
                        actual: String(response.status),
                        message: "status: expected \(status.phrase), got \(response.status)"))
            }
        }
        for (name, matcher) in expect.headers {
            result.checks.append("header \(name) \(matcher)")
            let values = response.header(name).map { [JSONValue.string($0)] } ?? []
            result.mismatches += matcher.evaluate(values, at: .root).map { mismatch in
                Mismatch(
                    path: "header \(name)", kind: mismatch.kind, expected: mismatch.expected, actual: mismatch.actual,
                    message: "header \(name): " + Self.tail(of: mismatch.message))
            }
        }
        let document = Self.json(response)
        for (path, matcher) in expect.body {
            result.checks.append("\(path) \(matcher)")
            result.mismatches += matcher.evaluate(in: document, at: path)
        }
        for (name, path) in step.captures {
            guard let value = path.select(in: document).first else {
                result.mismatches.append(
                    Mismatch(
                        path: path.description, kind: .missing, expected: "a value to capture as '\(name)'",
                        actual: nil, message: "\(path): nothing to capture as '\(name)'"))
                continue
            }
            variables[name] = value
            result.captures.append((name, Self.isSecret(name) ? "[secret]" : value))
        }
        if !result.mismatches.isEmpty, result.outcome == .passed { result.outcome = .failed }
        return result
    }

    /// A mismatch sentence without its leading path (`$: expected 3, got 4` → `expected 3, got 4`).
    static func tail(of message: String) -> String {
        guard let colon = message.range(of: ": ") else { return message }
        return String(message[colon.upperBound...])
    }

    /// The body as JSON; a body that is not JSON (a CSV job file, an HTML page) is one string, so `$` can
    /// still be checked with `contains` or `matches`.
    static func json(_ response: IncomingResponse) -> JSONValue {
        if let document = try? JSONParser.parse(response.body) { return document }
        if response.body.isEmpty { return .null }
        return String(bytes: response.body, encoding: .utf8).map { .string($0) } ?? .null
    }

    /// `env.NAME` variables for the names a step uses, read from the process environment only when used (so
    /// an unknown-variable message lists the scenario's variables, not the whole environment).
    static func environment(for step: Step) -> [String: JSONValue] {
        var names = Template.names(in: step.request.path)
        for (_, value) in step.request.query + step.request.headers { names.formUnion(Template.names(in: value)) }
        switch step.request.body {
        case .json(let value): names.formUnion(Template.names(in: value))
        case .raw(let text, _): names.formUnion(Template.names(in: text))
        case .multipart(let fields, let files):
            for field in fields { names.formUnion(Template.names(in: field.value)) }
            for file in files {
                if case .inline(let text) = file.source { names.formUnion(Template.names(in: text)) }
            }
        case .none: break
        }
        for spec in step.expect.templates.values { names.formUnion(Template.names(in: spec)) }
        for spec in (step.poll?.templates ?? [:]).values { names.formUnion(Template.names(in: spec)) }
        let environment = ProcessInfo.processInfo.environment
        var values: [String: JSONValue] = [:]
        for name in names where name.hasPrefix("env.") {
            if let value = environment[String(name.dropFirst(4))] { values[name] = .string(value) }
        }
        return values
    }

    /// The step's checks with `{{variables}}` filled in (captures of earlier steps included).
    static func resolve(_ step: Step, with variables: Variables) throws -> (
        ResponseExpectation, [(path: JSONPath, matcher: Matcher)]
    ) {
        func parse(_ spec: JSONValue) throws -> Matcher {
            try Matcher.parse(try Template.render(spec, with: variables))
        }
        var expect = step.expect
        if let spec = expect.templates["status"] { expect.status = try parse(spec) }
        for index in expect.headers.indices {
            if let spec = expect.templates["header \(index)"] { expect.headers[index].matcher = try parse(spec) }
        }
        for index in expect.body.indices {
            if let spec = expect.templates["body \(index)"] { expect.body[index].matcher = try parse(spec) }
        }
        var until = step.poll?.until ?? []
        for index in until.indices {
            if let spec = step.poll?.templates[index] { until[index].matcher = try parse(spec) }
        }
        return (expect, until)
    }

    static func holds(_ checks: [(path: JSONPath, matcher: Matcher)], in response: IncomingResponse) -> Bool {
        let document = json(response)
        return checks.allSatisfy { $0.matcher.evaluate(in: document, at: $0.path).isEmpty }
    }

    /// The step with every secret value replaced by `{{name}}`, so output and transcripts never hold one.
    private func redacted(_ result: StepResult, values: [String: JSONValue]) -> StepResult {
        // Each secret in the forms it travels in: as is, percent-encoded in a query, and escaped in JSON.
        var queryAllowed = CharacterSet.alphanumerics
        queryAllowed.insert(charactersIn: "-._~")
        let secrets = values.flatMap { name, value -> [(String, String)] in
            guard Self.isSecret(name.hasPrefix("env.") ? String(name.dropFirst(4)) : name),
                let text = value.string ?? value.number?.text, text.count >= 4
            else { return [] }
            let placeholder = "{{\(name)}}"
            var forms = [text]
            if let encoded = text.addingPercentEncoding(withAllowedCharacters: queryAllowed) {
                forms += [encoded, encoded.replacingOccurrences(of: "%20", with: "+")]
            }
            forms.append(String(JSONValue.string(text).serialized().dropFirst().dropLast()))
            return Set(forms).map { ($0, placeholder) }
        }.sorted { $0.0.count > $1.0.count }
        guard !secrets.isEmpty else { return result }
        func scrub(_ text: String) -> String {
            secrets.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        }
        func scrub(_ bytes: [UInt8]) -> [UInt8] {
            guard let text = String(bytes: bytes, encoding: .utf8) else { return bytes }
            return Array(scrub(text).utf8)
        }
        var copy = result
        if var request = copy.request {
            request.url = scrub(request.url)
            request.headers = request.headers.map { ($0.name, scrub($0.value)) }
            request.body = scrub(request.body)
            copy.request = request
        }
        if var response = copy.response {
            response.headers = response.headers.map { ($0.name, scrub($0.value)) }
            response.body = scrub(response.body)
            copy.response = response
        }
        copy.mismatches = copy.mismatches.map { mismatch in
            Mismatch(
                path: mismatch.path, kind: mismatch.kind, expected: scrub(mismatch.expected),
                actual: mismatch.actual.map(scrub), message: scrub(mismatch.message))
        }
        copy.error = copy.error.map(scrub)
        copy.checks = copy.checks.map(scrub)
        return copy
    }

    // MARK: - State

    private func check(_ state: StateExpectation, on target: Target) async -> StateResult {
        var rows: [JSONValue] = []
        var index: Int? = 0
        var headers: [(name: String, value: String)] = []
        if let token = target.harnessToken { headers.append(("X-Harness-Token", token)) }
        do {
            while let current = index {
                let response = try await transport.send(
                    OutgoingRequest(
                        method: "GET",
                        url: "\(target.baseURL)/__harness/tenants/\(target.tenant)/inventory?current_index=\(current)",
                        headers: headers, body: []))
                let page = Self.json(response)
                guard response.status == 200, let data = page["data"]?.array else {
                    return StateResult(
                        outcome: .error, rows: rows, mismatches: [],
                        note: "the inventory read-back answered \(response.status)")
                }
                rows += data
                index = page["next_index"]?.number?.int
            }
        } catch {
            return StateResult(outcome: .error, rows: rows, mismatches: [], note: "\(error)")
        }
        let mismatches = StateChecker.compare(rows, with: state)
        return StateResult(
            outcome: mismatches.isEmpty ? .passed : .failed, rows: rows, mismatches: mismatches, note: nil)
    }
}
