import ClaretModel
import ExactJSON
import Foundation

/// One scenario run read back from its transcript (format `claret-harness-transcript`, version 1).
///
/// The reporter's own view of what the runner wrote: it reads files, never the runner's types, so a
/// transcript recorded by another build (or by hand) is compared the same way.
public struct RecordedScenario: Sendable, Equatable {
    /// The scenario's name, the key runs are aligned by.
    public var name: String
    /// The scenario's description.
    public var description: String
    /// The scenario's file, as the runner named it.
    public var file: String
    /// Where it ran.
    public var target: RecordedTarget
    /// When it started (ISO 8601, as recorded).
    public var startedAt: String
    /// How long it took, in milliseconds.
    public var milliseconds: Double
    /// How it ended.
    public var outcome: RecordedOutcome
    /// The steps, in order.
    public var steps: [RecordedStep]
    /// The final inventory check, when the scenario has one.
    public var state: RecordedState?
    /// The transcript file it was read from, when read from a file.
    public var source: String?

    /// Creates a recorded scenario.
    public init(
        name: String, description: String = "", file: String = "", target: RecordedTarget,
        startedAt: String = "", milliseconds: Double = 0, outcome: RecordedOutcome, steps: [RecordedStep],
        state: RecordedState? = nil, source: String? = nil
    ) {
        self.name = name
        self.description = description
        self.file = file
        self.target = target
        self.startedAt = startedAt
        self.milliseconds = milliseconds
        self.outcome = outcome
        self.steps = steps
        self.state = state
        self.source = source
    }
}

/// Where a scenario ran: the base URL, the tenant, and whether it was a claret-harness mock.
public struct RecordedTarget: Sendable, Equatable {
    /// The base URL, such as `http://127.0.0.1:8080` or `https://plan.claret.app`.
    public var baseURL: String
    /// The tenant's name (on a mock, the scenario's own tenant, unique per run).
    public var tenant: String
    /// `mock` or `tenant`.
    public var kind: String

    /// Creates a target.
    public init(baseURL: String, tenant: String, kind: String = "mock") {
        self.baseURL = baseURL
        self.tenant = tenant
        self.kind = kind
    }
}

/// How a step, a state check or a scenario ended, as the runner recorded it.
public enum RecordedOutcome: String, Sendable, Hashable, CaseIterable {
    /// Every expectation held.
    case passed
    /// An expectation did not hold.
    case failed
    /// It could not run to the end (no response, a bad capture).
    case error
    /// Not run.
    case skipped

    /// The report outcome with the same meaning.
    public var caseOutcome: CaseOutcome {
        switch self {
        case .passed: .passed
        case .failed: .failed
        case .error: .error
        case .skipped: .skipped
        }
    }
}

/// One recorded step: the request, the response, what was checked and what differed.
public struct RecordedStep: Sendable, Equatable {
    /// The step's name, the key steps are aligned by within a scenario.
    public var name: String
    /// The step's line in the scenario file.
    public var line: Int?
    /// How it ended.
    public var outcome: RecordedOutcome
    /// How many times the request was sent (more than one when polling).
    public var attempts: Int
    /// How long it took, in milliseconds.
    public var milliseconds: Double
    /// The (last) request sent, or nil when none was.
    public var request: RecordedRequest?
    /// The (last) response received, or nil when none came.
    public var response: RecordedResponse?
    /// The expectations checked, as sentences.
    public var checks: [String]
    /// The expectations that did not hold.
    public var mismatches: [Mismatch]
    /// The values captured, secrets shown as `[secret]`.
    public var captures: JSONObject
    /// Why it could not run, for errors and skips.
    public var error: String?

    /// Creates a recorded step.
    public init(
        name: String, line: Int? = nil, outcome: RecordedOutcome = .passed, attempts: Int = 1,
        milliseconds: Double = 0, request: RecordedRequest? = nil, response: RecordedResponse? = nil,
        checks: [String] = [], mismatches: [Mismatch] = [], captures: JSONObject = [:], error: String? = nil
    ) {
        self.name = name
        self.line = line
        self.outcome = outcome
        self.attempts = attempts
        self.milliseconds = milliseconds
        self.request = request
        self.response = response
        self.checks = checks
        self.mismatches = mismatches
        self.captures = captures
        self.error = error
    }
}

/// A header line as recorded (the same value the report's exchanges hold).
public typealias RecordedHeader = Exchange.Header

/// A request as recorded, secrets already replaced by `{{name}}`.
public struct RecordedRequest: Sendable, Equatable {
    /// The method.
    public var method: String
    /// The full URL.
    public var url: String
    /// The headers, in the order sent.
    public var headers: [RecordedHeader]
    /// The body, or nil when there was none.
    public var body: RecordedBody?

    /// Creates a recorded request.
    public init(method: String, url: String, headers: [RecordedHeader] = [], body: RecordedBody? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// A response as recorded.
public struct RecordedResponse: Sendable, Equatable {
    /// The HTTP status.
    public var status: Int
    /// The headers, in the order received.
    public var headers: [RecordedHeader]
    /// The body, or nil when it was empty.
    public var body: RecordedBody?

    /// Creates a recorded response.
    public init(status: Int, headers: [RecordedHeader] = [], body: RecordedBody? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A body as the transcript holds it: parsed JSON, UTF-8 text, or base64 for anything else.
public enum RecordedBody: Sendable, Equatable {
    /// A body that parsed as JSON.
    case json(JSONValue)
    /// A UTF-8 body that is not JSON (CSV, multipart, HTML).
    case text(String)
    /// Bytes that are not UTF-8, base64-encoded.
    case base64(String)

    /// The body for a person to read: pretty JSON, the text, or a note of the binary size.
    public var displayText: String {
        switch self {
        case .json(let value):
            return value.serialized(pretty: true)
        case .text(let text):
            return text
        case .base64(let encoded):
            let size = Data(base64Encoded: encoded)?.count ?? encoded.count * 3 / 4
            return "[binary body, \(size) bytes]"
        }
    }
}

/// The recorded final state check: the tenant's inventory rows read back and how they compared.
public struct RecordedState: Sendable, Equatable {
    /// How the check ended (`skipped` on a real tenant, which has no read-back).
    public var outcome: RecordedOutcome
    /// The inventory rows read back.
    public var rows: [JSONValue]
    /// What differed from the scenario's expectation.
    public var mismatches: [Mismatch]
    /// Why it was not checked, or what went wrong.
    public var note: String?

    /// Creates a recorded state check.
    public init(outcome: RecordedOutcome, rows: [JSONValue] = [], mismatches: [Mismatch] = [], note: String? = nil) {
        self.outcome = outcome
        self.rows = rows
        self.mismatches = mismatches
        self.note = note
    }
}

extension Array where Element == RecordedHeader {
    /// The value of the header `name` (case-insensitive); repeated headers joined by `, `.
    public func value(named name: String) -> String? {
        let values = filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }
}
