import ExactJSON
import YAMLReader

/// A workflow to replay: what it pins down, the data it starts from, and its steps.
public struct Scenario: Sendable {
    /// The scenario's name (unique within a run; used to align runs and name reports).
    public var name: String
    /// What Claret behaviour it demonstrates, for an integrator reading the report.
    public var description: String
    /// The file it came from.
    public var file: String
    /// The seed tenant (a seed file's tenant object) the embedded mock starts it from; nil means the demo tenant.
    public var seed: JSONValue?
    /// Variables the file declares (overridable from the command line and the environment).
    public var variables: [String: JSONValue]
    /// Headers sent with every request unless a step says otherwise.
    public var defaultHeaders: [(name: String, value: String)]
    /// The steps, in order, with reusable steps already expanded.
    public var steps: [Step]
    /// The expected final inventory, checked through the harness read-back.
    public var state: StateExpectation?
    /// Free labels, selectable with `--filter`.
    public var tags: [String]
}

/// One request, what to expect of its answer, and what to keep from it.
public struct Step: Sendable {
    /// The step's name, unique within its scenario.
    public var name: String
    /// Where the step is written, for messages.
    public var position: SourcePosition
    /// What to send.
    public var request: RequestSpec
    /// What the answer must look like.
    public var expect: ResponseExpectation
    /// Values to keep as variables: name → path in the JSON body.
    public var captures: [(name: String, path: JSONPath)]
    /// Repeat the request until a condition holds (for background jobs).
    public var poll: PollSpec?

    /// Whether the step changes a tenant's data (import or batch delete), so it must never reach a real
    /// tenant by accident.
    /// A path built from variables (other than the tenant) counts as writing when the method could write:
    /// the guard runs before any variable is known, and must not be bypassed by `path: "{{endpoint}}"`.
    public var writes: Bool {
        guard !["GET", "HEAD"].contains(request.method) else { return false }
        if request.path.hasSuffix("/inventory/import/process") || request.path.hasSuffix("/inventory/batch-delete") {
            return true
        }
        return !Template.names(in: request.path).subtracting(["tenant", "base_url"]).isEmpty
    }
}

/// What a step sends; strings may hold `{{variables}}`.
public struct RequestSpec: Sendable {
    /// The method, upper case.
    public var method: String
    /// The path below the base URL, e.g. `/{{tenant}}/api/v1/tokens/create`.
    public var path: String
    /// Query parameters in order.
    public var query: [(name: String, value: String)]
    /// Headers in order (on top of the scenario's defaults; an empty value removes a default).
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: RequestBody
}

/// A request body.
public enum RequestBody: Sendable {
    /// No body.
    case none
    /// A JSON document, sent as `application/json` unless a header says otherwise.
    case json(JSONValue)
    /// Text as is (for malformed bodies and the like).
    case raw(String, contentType: String?)
    /// A multipart form: fields, then files.
    case multipart(fields: [(name: String, value: String)], files: [FormFileSpec])
}

/// A file of a multipart form.
public struct FormFileSpec: Sendable {
    /// The form field's name.
    public var field: String
    /// The file name sent.
    public var filename: String
    /// Where the content comes from.
    public var source: Source

    /// A file's content: a fixture beside the scenario, or text written in it.
    public enum Source: Sendable {
        /// A file path, resolved against the scenario's folder.
        case fixture(path: String)
        /// Inline content (may hold `{{variables}}`).
        case inline(String)
    }
}

/// What a response must look like.
public struct ResponseExpectation: Sendable {
    /// The status, when checked.
    public var status: Matcher?
    /// Headers by name (case-insensitive).
    public var headers: [(name: String, matcher: Matcher)]
    /// JSON body checks by path.
    public var body: [(path: JSONPath, matcher: Matcher)]
    /// The written specs of checks that hold `{{variables}}`, rendered and parsed again when the step runs
    /// (keys: `status`, `header N`, `body N` by position).
    public var templates: [String: JSONValue] = [:]

    /// Nothing checked.
    public static let none = ResponseExpectation(status: nil, headers: [], body: [])
}

/// Repeat a request until its answer satisfies `until`, every `interval`, for at most `timeout` seconds.
public struct PollSpec: Sendable {
    /// The condition, as body checks (all must hold).
    public var until: [(path: JSONPath, matcher: Matcher)]
    /// Seconds between attempts.
    public var interval: Double
    /// Seconds before giving up.
    public var timeout: Double
    /// The written specs of `until` checks that hold `{{variables}}`, by position.
    public var templates: [Int: JSONValue] = [:]
}

/// The tenant's inventory at the end, through the harness read-back (skipped against a real tenant).
public struct StateExpectation: Sendable {
    /// A check of the number of rows.
    public var count: Matcher?
    /// Rows that must be present (each a partial row: the fields given must match).
    public var contains: [JSONValue]
    /// Rows that must be absent (partial rows, as for `contains`).
    public var absent: [JSONValue]
    /// When set, exactly these rows (partial rows, in the read-back's order) and no others.
    public var exactly: [JSONValue]?
    /// Where the block is written.
    public var position: SourcePosition
}
