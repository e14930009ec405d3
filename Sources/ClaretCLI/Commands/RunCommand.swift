import ClaretModel
import ClaretReporting
import ClaretScenarios
import ClaretServer
import ClaretStore
import ExactJSON
import Foundation

/// `claret-harness run`: replays scenario files against the embedded mock, a running mock, or a real tenant.
struct RunCommand {
    static let spec = CommandSpec(
        name: "run", abstract: "Replay scenario files against the mock or a real Claret tenant.",
        discussion: """
            Reads every scenario first (YAML or JSON; a folder means every *.yaml, *.yml and *.scenario.json in
            it, skipping 'fixtures' folders) and stops with file:line:column messages if any is malformed.
            Then runs them and prints one line per scenario and a summary.

            --target mock (the default) starts a mock in-process on a free port with a fresh store; each
            scenario gets its own tenant, seeded from its 'seed' or the demo tenant. --target URL runs against
            a running mock (detected through /__harness/health; scenarios again get their own tenants) or a
            real tenant, e.g. https://plan.claret.app with --tenant yourcompany and CLARET_EMAIL and
            CLARET_PASSWORD set.
            Against anything but the embedded mock, scenarios that import or delete refuse to run unless
            --allow-writes is given; against a real tenant --confirm-tenant must also repeat its name.

            --against runs the same scenarios on a second target and reports how its answers differ (a parity
            run: the mock against a real tenant, or two mocks with different profiles); --json, --junit and
            --html write the report for CI and for people.

            Exit status: 0 when every scenario passed (with --against: when no difference but known ones was
            found), 1 otherwise, 64 for usage errors, 65 for a malformed scenario, 66 for a missing file, 69
            when a target cannot be reached, 73 when a report or transcript cannot be written.
            """,
        arguments: [
            .positional(
                "paths", value: "PATH", help: "Scenario files or folders (default: scenarios).", repeatable: true,
                optional: true),
            .option("target", short: "t", value: "mock|URL", help: "Where to run.", default: "mock"),
            .option("tenant", value: "NAME", help: "The tenant on a real target (mocks get one per scenario)."),
            .option("var", value: "NAME=VALUE", help: "Set a variable (overrides the file's).", repeatable: true),
            .option("jobs", short: "j", value: "N", help: "Scenarios run at once.", default: "4"),
            .option(
                "filter", value: "TEXT", help: "Only scenarios whose name, file or tag contains TEXT.", repeatable: true
            ),
            .option("record", value: "DIR", help: "Write a transcript of each scenario into DIR."),
            .option(
                "against", value: "mock|URL",
                help: "Also run on this target and report how its answers differ (a parity run)."),
            .option("rules", value: "FILE", help: "Normalization rules for --against (see docs/reporting.md)."),
            .option("known", value: "FILE", help: "Known differences for --against: shown, not failing."),
            .option(
                "suggest-profile", value: "FILE",
                help: "With --against: write profile overrides making the mock answer as the other target did."),
            .option("json", value: "FILE", help: "Write the report as JSON."),
            .option("junit", value: "FILE", help: "Write the report as JUnit XML, for CI."),
            .option("html", value: "FILE", help: "Write the report as one self-contained HTML file."),
            .flag("allow-writes", help: "Allow imports and deletes on a target other than the embedded mock."),
            .option("confirm-tenant", value: "NAME", help: "Repeat the tenant's name to confirm writes to it."),
            .option("harness-token", value: "TOKEN", help: "X-Harness-Token for a mock that requires one."),
            .option("job-delay", value: "MS", help: "Processing time of CSV jobs in the embedded mock.", default: "50"),
            .option("timeout", value: "SECONDS", help: "Per-request timeout.", default: "30"),
            .flag("verbose", short: "v", help: "Print every step, not only each scenario."),
        ],
        examples: [
            "claret-harness run",
            "claret-harness run scenarios/auth.yaml --verbose",
            "claret-harness run --target http://127.0.0.1:8080 --allow-writes --record transcripts/",
            "CLARET_EMAIL=me@acme.test CLARET_PASSWORD=… claret-harness run scenarios/auth.yaml \\\n"
                + "    --target https://plan.claret.app --tenant acme",
        ])

    let arguments: ParsedArguments
    /// Where the command's messages go.
    let console: Console

    /// The run's console lines, coloured as the console allows.
    private let lines: RunConsole

    init(_ arguments: ParsedArguments, console: Console) {
        self.arguments = arguments
        self.console = console
        lines = RunConsole(colour: console.colour)
    }

    func run() throws -> ExitCode {
        let paths = arguments.values("paths").isEmpty ? ["scenarios"] : arguments.values("paths")
        let jobs = try arguments.int("jobs", range: 1...64) ?? 4
        let timeout = try arguments.int("timeout", range: 1...3600) ?? 30
        let jobDelay = try arguments.int("job-delay", range: 0...600_000) ?? 50
        var overrides: [String: JSONValue] = [:]
        for assignment in arguments.values("var") {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw CommandFailure("--var takes NAME=VALUE, got '\(assignment)'", exitCode: .usage)
            }
            overrides[String(assignment[..<equals])] = .string(String(assignment[assignment.index(after: equals)...]))
        }

        var scenarios = try ScenarioLoader.load(paths)
        let filters = arguments.values("filter").map { $0.lowercased() }
        if !filters.isEmpty {
            scenarios = scenarios.filter { scenario in
                let haystack = ([scenario.name, scenario.file] + scenario.tags).map { $0.lowercased() }
                return filters.contains { filter in haystack.contains { $0.contains(filter) } }
            }
        }
        guard !scenarios.isEmpty else {
            throw CommandFailure("no scenario matched (paths: \(paths.joined(separator: " ")))", exitCode: .noInput)
        }

        // Options of a parity run make no sense without one: say so before any target is started.
        if arguments.value("against") == nil,
            arguments.value("rules") != nil || arguments.value("known") != nil
                || arguments.value("suggest-profile") != nil
        {
            throw CommandFailure(
                "--rules, --known and --suggest-profile apply to a parity run: add --against URL", exitCode: .usage)
        }
        let transport = URLSessionTransport(timeout: TimeInterval(timeout))
        defer { transport.close() }
        let harnessToken = arguments.value("harness-token")
        let primary = try TargetSession(
            arguments.value("target") ?? "mock", jobDelay: jobDelay, transport: transport, harnessToken: harnessToken)
        defer { primary.close() }
        try guardWrites(of: scenarios, on: primary)
        var secondary: TargetSession?
        if let against = arguments.value("against") {
            let session = try TargetSession(
                against, jobDelay: jobDelay, transport: transport, harnessToken: harnessToken)
            try guardWrites(of: scenarios, on: session)
            secondary = session
        }
        defer { secondary?.close() }

        let outputs = try ReportOutputs(arguments)
        let record = arguments.value("record").map { $0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        // The comparison's files are read before the runs, so a typo does not wait for both runs to show.
        let normalizer = try CompareCommand.normalizer(arguments.value("rules"))
        let known = try CompareCommand.known(arguments.value("known"))
        let started = Date()
        let results = try execute(scenarios, on: primary, overrides: overrides, jobs: jobs, transport: transport)
        if let record { try Self.record(results, into: secondary == nil ? record : "\(record)/\(primary.label)") }
        console.line(lines.summary(results, seconds: Date().timeIntervalSince(started)))

        guard let secondary else {
            let report = RunReport.make(from: try Self.recorded(results), title: "claret-harness run")
            try outputs.write(report, console: console)
            if let record { console.line("Transcripts written to \(record)/") }
            return results.allSatisfy { $0.outcome == .passed } ? .success : .failure
        }
        // A parity run: the same scenarios on the second target, then the differences between the two.
        let againstResults = try execute(
            scenarios, on: secondary, overrides: overrides, jobs: jobs, transport: transport)
        if let record { try Self.record(againstResults, into: "\(record)/\(secondary.label)") }
        console.line(
            lines.summary(againstResults, seconds: Date().timeIntervalSince(started)))
        let report = Comparator.compare(
            left: try Self.recorded(results), right: try Self.recorded(againstResults),
            sides: (primary.label, secondary.label), normalizer: normalizer, known: known,
            title: "claret-harness parity run")
        console.line(ConsoleRenderer.render(report, colour: console.colour))
        try outputs.write(report, console: console)
        if let path = arguments.value("suggest-profile") {
            try writeSuggestion(ProfileSuggestion.make(from: report, mockSide: primary.label), to: path)
        }
        if let record {
            console.line("Transcripts written to \(record)/\(primary.label)/ and \(record)/\(secondary.label)/")
        }
        return report.isFailure ? .failure : .success
    }

    /// Writes the profile overrides a parity run suggests, and says what is left to edit by hand.
    func writeSuggestion(_ suggestion: ProfileSuggestion, to path: String) throws {
        try Console.write(suggestion.document.serialized(pretty: true) + "\n", to: path, what: "the profile suggestion")
        let count = suggestion.document["responses"]?.object?.count ?? 0
        console.line(
            "Profile suggestion written to \(path): \(count) response(s); try it with 'serve --profile \(path)'")
        for (entry, step) in suggestion.needsEditing {
            console.line("  responses.\(entry) also differs (at \(step)) but is templated: edit it by hand")
        }
    }

    /// Refuses scenarios that import or delete on anything but the embedded mock unless the user said so.
    ///
    /// A running mock gives every scenario its own fresh tenant but may be shared, so `--allow-writes` is
    /// enough there; a real tenant also needs its name repeated with `--confirm-tenant`.
    private func guardWrites(of scenarios: [Scenario], on session: TargetSession) throws {
        guard !session.isEmbedded else { return }
        let writers = scenarios.filter { $0.steps.contains(where: \.writes) }
        guard !writers.isEmpty else { return }
        let names = writers.prefix(5).map { "'\($0.name)'" }.joined(separator: ", ")
        if session.isMock {
            guard arguments.flag("allow-writes") else {
                throw CommandFailure(
                    """
                    refusing to run \(writers.count) scenario(s) that import or delete (\(names)) against the \
                    mock at \(session.baseURL) without --allow-writes (each scenario gets its own tenant there)
                    """, exitCode: .usage)
            }
            return
        }
        guard let tenant = arguments.value("tenant") else {
            throw CommandFailure(
                "--tenant is required with --target \(session.argument): the tenant the scenarios may write to",
                exitCode: .usage)
        }
        guard arguments.flag("allow-writes"), arguments.value("confirm-tenant") == tenant else {
            throw CommandFailure(
                """
                refusing to run \(writers.count) scenario(s) that import or delete (\(names)) against \
                \(session.baseURL): this may change the inventory of tenant '\(tenant)'. If that is what you want, \
                add --allow-writes --confirm-tenant \(tenant)
                """, exitCode: .usage)
        }
    }

    /// Runs `scenarios` on one target, `jobs` at a time, printing a line per scenario as each finishes.
    private func execute(
        _ scenarios: [Scenario], on session: TargetSession, overrides given: [String: JSONValue], jobs: Int,
        transport: URLSessionTransport
    ) throws -> [ScenarioResult] {
        var overrides = given
        let tenant = arguments.value("tenant")
        if !session.isMock {
            guard let tenant else {
                throw CommandFailure("--tenant is required against a real Claret target", exitCode: .usage)
            }
            let environment = ProcessInfo.processInfo.environment
            guard let email = environment["CLARET_EMAIL"], let password = environment["CLARET_PASSWORD"] else {
                throw CommandFailure(
                    "set CLARET_EMAIL and CLARET_PASSWORD to the credentials of a user of tenant '\(tenant)'",
                    exitCode: .usage)
            }
            overrides["email"] = .string(email)
            overrides["password"] = .string(password)
        }
        let runner = ScenarioRunner(transport: transport, overrides: overrides)
        let runID = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let verbose = arguments.flag("verbose")
        let isMock = session.isMock
        let baseURL = session.baseURL
        let harnessToken = session.harnessToken
        let stopAtFailure = arguments.value("against") == nil
        console.line("Running \(scenarios.count) scenario(s) against \(isMock ? "the mock at " : "")\(baseURL)")
        return Self.wait {
            await withTaskGroup(of: (Int, ScenarioResult).self) { group in
                var collected: [(Int, ScenarioResult)] = []
                var next = 0
                func start(_ index: Int) {
                    let scenario = scenarios[index]
                    let name = isMock ? Self.tenantName(for: scenario, index: index, run: runID) : (tenant ?? "")
                    let target = Target(baseURL: baseURL, tenant: name, isMock: isMock, harnessToken: harnessToken)
                    group.addTask {
                        if isMock {
                            do {
                                try await runner.prepareTenant(for: scenario, on: target)
                            } catch {
                                return (index, ScenarioRunner.setupFailure(scenario, on: target, error: "\(error)"))
                            }
                        }
                        let result = await runner.run(scenario, on: target, stopAtFailure: stopAtFailure) { step in
                            if verbose {
                                console.line(lines.stepLine(step, scenario: scenario.name))
                            }
                        }
                        return (index, result)
                    }
                }
                while next < min(jobs, scenarios.count) {
                    start(next)
                    next += 1
                }
                while let finished = await group.next() {
                    collected.append(finished)
                    console.line(lines.scenarioLine(finished.1))
                    if next < scenarios.count {
                        start(next)
                        next += 1
                    }
                }
                return collected.sorted { $0.0 < $1.0 }.map(\.1)
            }
        }
    }

    /// The results as the reporter reads them: through the versioned transcript form.
    static func recorded(_ results: [ScenarioResult]) throws -> [RecordedScenario] {
        try results.map { result in
            do {
                return try TranscriptReader.read(document: Transcript.json(result), path: result.file)
            } catch {
                throw CommandFailure("internal: a transcript did not read back: \(error)", exitCode: .software)
            }
        }
    }

    /// Writes one transcript per scenario; names that would share a file are numbered.
    static func record(_ results: [ScenarioResult], into folder: String) throws {
        var used = Set<String>()
        for result in results {
            let base = Transcript.fileName(for: result.name)
            var name = base
            var counter = 2
            while !used.insert(name).inserted {
                name = "\(base)-\(counter)"
                counter += 1
            }
            do {
                try Transcript.write(result, into: folder, as: name)
            } catch {
                throw CommandFailure(
                    "cannot write transcripts into '\(folder)': \(error.localizedDescription)", exitCode: .cannotCreate)
            }
        }
    }

    /// A tenant name for one scenario of one run: lowercase, digits and '-', at most 63 characters.
    static func tenantName(for scenario: Scenario, index: Int, run: String) -> String {
        let slug = String(Transcript.fileName(for: scenario.name).prefix(40))
        return "\(slug)-\(run)-\(index + 1)"
    }

    /// What answers at a URL: a claret-harness mock, something else (a real tenant), or nothing at all.
    enum Probe: Sendable {
        case harness
        case other
        case unreachable(String)
    }

    static func probe(_ baseURL: String, transport: HTTPTransport, token: String?) async -> Probe {
        let headers = token.map { [(name: "X-Harness-Token", value: $0)] } ?? []
        let response: IncomingResponse
        do {
            response = try await transport.send(
                OutgoingRequest(method: "GET", url: "\(baseURL)/__harness/health", headers: headers, body: []))
        } catch {
            return .unreachable("\(error)")
        }
        guard response.status == 200, (try? JSONParser.parse(response.body))?["status"] == "ok" else { return .other }
        return .harness
    }

    /// Runs async work from this synchronous command and waits for its result.
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = Locked<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let value = await work()
            box.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        // The task stored a value before signalling.
        return box.withLock { $0 }!
    }
}

/// Finds and parses scenario files; every malformed one is reported before anything runs.
enum ScenarioLoader {
    static func load(_ paths: [String]) throws -> [Scenario] {
        var files: [String] = []
        let fileManager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw CommandFailure("no such file or folder: \(path)", exitCode: .noInput)
            }
            if !isFolder.boolValue {
                files.append(path)
                continue
            }
            let enumerator = fileManager.enumerator(atPath: path)
            var found: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                let components = relative.split(separator: "/")
                if components.contains(where: { $0 == "fixtures" || $0.hasPrefix(".") }) { continue }
                if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") || relative.hasSuffix(".scenario.json") {
                    found.append("\(path.hasSuffix("/") ? String(path.dropLast()) : path)/\(relative)")
                }
            }
            files += found.sorted()
        }
        var scenarios: [Scenario] = []
        var problems: [String] = []
        for file in files {
            do {
                scenarios.append(try ScenarioParser.load(path: file))
            } catch {
                problems.append(error.description)
            }
        }
        var seen: [String: String] = [:]
        for scenario in scenarios {
            if let other = seen[scenario.name] {
                problems.append("\(scenario.file): the scenario name '\(scenario.name)' is also used by \(other)")
            }
            seen[scenario.name] = scenario.file
        }
        guard problems.isEmpty else {
            throw CommandFailure(
                problems.joined(separator: "\n") + "\n\(problems.count) scenario problem(s); nothing was sent",
                exitCode: .dataError)
        }
        return scenarios
    }
}
