extension Exchange {
    /// The exchange of a recorded step as `side` saw it, or nil when the step sent no request.
    public init?(side: String, step: RecordedStep) {
        guard let request = step.request else { return nil }
        self.init(
            side: side, method: request.method, url: request.url, requestHeaders: request.headers,
            requestBody: request.body?.displayText, status: step.response?.status,
            responseHeaders: step.response?.headers ?? [], responseBody: step.response?.body?.displayText)
    }
}

extension ReportCase {
    /// The case's outcome from its findings: passed without any, known when each is known, failed otherwise.
    static func outcome(of findings: [Finding]) -> CaseOutcome {
        if findings.isEmpty { return .passed }
        return findings.allSatisfy { $0.knownReason != nil } ? .known : .failed
    }
}

extension Array where Element == Finding {
    /// The findings with the failing ones (not known) first, each group in its original order.
    func failuresFirst() -> [Finding] {
        filter { $0.knownReason == nil } + filter { $0.knownReason != nil }
    }
}
