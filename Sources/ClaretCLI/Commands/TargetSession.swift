import ClaretModel
import ClaretReporting
import ClaretScenarios
import ClaretServer
import ClaretStore
import Foundation

/// One place scenarios run: the embedded mock (started here, stopped on `close`) or a URL, probed to
/// tell a running mock from a real tenant.
final class TargetSession {
    /// What the user gave: `mock` or a URL.
    let argument: String
    /// The base URL requests go to.
    let baseURL: String
    /// Whether harness endpoints are there (a claret-harness mock).
    let isMock: Bool
    /// Whether the mock was started by this command.
    let isEmbedded: Bool
    /// `X-Harness-Token` for a mock that requires one.
    let harnessToken: String?
    private let embedded: (service: MockService, store: Store)?

    /// Starts the embedded mock for `mock`, or checks a URL and probes it.
    init(_ argument: String, jobDelay: Int, transport: HTTPTransport, harnessToken: String?) throws {
        self.argument = argument
        self.harnessToken = harnessToken
        if argument == "mock" {
            let store = try Store.temporary()
            try store.install(SeedFile.builtIn())
            let service = MockService(store: store, port: 0, jobProcessingTime: Double(jobDelay) / 1000)
            try service.start()
            embedded = (service, store)
            baseURL = service.baseURL ?? ""
            isMock = true
            isEmbedded = true
            return
        }
        guard let url = URL(string: argument), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw CommandFailure(
                "a target is 'mock' or a URL such as http://127.0.0.1:8080, got '\(argument)'", exitCode: .usage)
        }
        embedded = nil
        isEmbedded = false
        let base = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
        baseURL = base
        switch RunCommand.wait({ await RunCommand.probe(base, transport: transport, token: harnessToken) }) {
        case .harness:
            isMock = true
        case .other:
            isMock = false
        case .unreachable(let reason):
            throw CommandFailure(
                "cannot reach \(base): \(reason). Is the server running, and is the URL right?",
                exitCode: .unavailable)
        }
    }

    /// A short name for reports and transcript folders: `mock`, or the URL's host (and port).
    var label: String {
        if isEmbedded { return "mock" }
        guard let url = URL(string: baseURL), let host = url.host else { return "target" }
        return url.port.map { "\(host)-\($0)" } ?? host
    }

    /// Stops the embedded mock, if any.
    func close() {
        embedded?.service.stop()
        embedded?.store.close()
    }
}

/// The report files a command was asked to write (`--json`, `--junit`, `--html`).
struct ReportOutputs {
    let json: String?
    let junit: String?
    let html: String?

    init(_ arguments: ParsedArguments) throws {
        json = arguments.value("json")
        junit = arguments.value("junit")
        html = arguments.value("html")
    }

    /// Writes every requested format of `report`, saying so on `console`.
    func write(_ report: ClaretReporting.Report, console: Console) throws {
        for (path, text) in [
            (json, { JSONRenderer.render(report) }), (junit, { JUnitRenderer.render(report) }),
            (html, { HTMLRenderer.render(report) }),
        ] {
            guard let path else { continue }
            try Console.write(text(), to: path, what: "the report")
            console.line("Report written to \(path)")
        }
    }
}
