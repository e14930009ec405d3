import ClaretModel

/// What every report format renders: cases (one per scenario step, or per compared step) with their
/// findings and the exchanges behind them. Console, JSON, JUnit and HTML all render this same value.
public struct Report: Sendable {
    /// The report's title, e.g. "claret-harness run" or "mock vs https://plan.claret.app".
    public var title: String
    /// When it was made (ISO 8601).
    public var generatedAt: String
    /// What the sides are called: one label for a run, two for a comparison ("mock", "tenant").
    public var sides: [String]
    /// The cases, in scenario then step order.
    public var cases: [ReportCase]

    /// Creates a report.
    public init(title: String, generatedAt: String, sides: [String], cases: [ReportCase]) {
        self.title = title
        self.generatedAt = generatedAt
        self.sides = sides
        self.cases = cases
    }

    /// How many cases ended each way.
    public var counts: [CaseOutcome: Int] {
        Dictionary(grouping: cases, by: \.outcome).mapValues(\.count)
    }

    /// Whether a CI job should fail: any case failed or errored (known differences do not count).
    public var isFailure: Bool { cases.contains { $0.outcome == .failed || $0.outcome == .error } }
}

/// How a case ended.
public enum CaseOutcome: String, Sendable, Hashable, CaseIterable {
    /// Everything matched.
    case passed
    /// Something differed.
    case failed
    /// Only differences listed as known (reported, not failing).
    case known
    /// It could not be run or compared.
    case error
    /// Not run.
    case skipped
}

/// One test case of a report: a scenario step (or the final state check).
public struct ReportCase: Sendable {
    /// The scenario (a JUnit test suite).
    public var scenario: String
    /// The scenario's file, for links.
    public var file: String
    /// The step's name (a JUnit test case).
    public var step: String
    /// The step's line in its file.
    public var line: Int?
    /// How it ended.
    public var outcome: CaseOutcome
    /// Milliseconds it took (the first side's, for comparisons).
    public var milliseconds: Double
    /// What differed, or what failed, with any known-difference reason.
    public var findings: [Finding]
    /// Values normalized before comparing, so they never showed as differences.
    public var normalizations: [Normalization]
    /// The exchanges behind the case: one per side.
    public var exchanges: [Exchange]
    /// Why it could not run, for `.error` and `.skipped`.
    public var note: String?
    /// A curl command reproducing the request, secrets as `$VARIABLES`.
    public var curl: String?

    /// Creates a case.
    public init(
        scenario: String, file: String, step: String, line: Int? = nil, outcome: CaseOutcome,
        milliseconds: Double = 0, findings: [Finding] = [], normalizations: [Normalization] = [],
        exchanges: [Exchange] = [], note: String? = nil, curl: String? = nil
    ) {
        self.scenario = scenario
        self.file = file
        self.step = step
        self.line = line
        self.outcome = outcome
        self.milliseconds = milliseconds
        self.findings = findings
        self.normalizations = normalizations
        self.exchanges = exchanges
        self.note = note
        self.curl = curl
    }
}

/// One difference or failed expectation, possibly known and explained.
public struct Finding: Sendable, Equatable {
    /// The difference itself.
    public var mismatch: Mismatch
    /// When listed as a known difference, why (it is shown, not failing).
    public var knownReason: String?

    /// Creates a finding.
    public init(mismatch: Mismatch, knownReason: String? = nil) {
        self.mismatch = mismatch
        self.knownReason = knownReason
    }
}

/// A value replaced before comparing (a token, a job id, a timestamp), shown so nothing is hidden silently.
public struct Normalization: Sendable, Equatable {
    /// Where (a JSON path or header name).
    public var path: String
    /// The rule that applied, e.g. "timestamp".
    public var rule: String

    /// Creates a normalization note.
    public init(path: String, rule: String) {
        self.path = path
        self.rule = rule
    }
}

/// One request and its response on one side, as recorded.
public struct Exchange: Sendable, Equatable {
    /// The side's label ("mock", "tenant", "run").
    public var side: String
    /// The method.
    public var method: String
    /// The URL.
    public var url: String
    /// Request headers.
    public var requestHeaders: [Header]
    /// The request body as text (pretty JSON where it was JSON), or nil.
    public var requestBody: String?
    /// The status, or nil when no response came.
    public var status: Int?
    /// Response headers.
    public var responseHeaders: [Header]
    /// The response body as text (pretty JSON where it was JSON), or nil.
    public var responseBody: String?

    /// A header line.
    public struct Header: Sendable, Equatable {
        /// The name.
        public var name: String
        /// The value.
        public var value: String

        /// Creates a header.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Creates an exchange.
    public init(
        side: String, method: String, url: String, requestHeaders: [Header] = [], requestBody: String? = nil,
        status: Int? = nil, responseHeaders: [Header] = [], responseBody: String? = nil
    ) {
        self.side = side
        self.method = method
        self.url = url
        self.requestHeaders = requestHeaders
        self.requestBody = requestBody
        self.status = status
        self.responseHeaders = responseHeaders
        self.responseBody = responseBody
    }
}
