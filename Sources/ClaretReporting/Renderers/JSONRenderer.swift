import ClaretModel
import ExactJSON

/// Renders a report as a JSON document for other programs: format `claret-harness-report`, version 1.
///
/// The document is pretty-printed (two-space indentation, a final line break) with keys always in the
/// order below, so two reports of the same run differ only where the run did. Optional values are `null`,
/// never left out; lists are `[]` when empty. Version 1 only ever gains keys; removing or changing one
/// means version 2.
///
/// ```text
/// {
///   "format": "claret-harness-report",      always this string
///   "version": 1,
///   "title": string,
///   "generated_at": string,                 ISO 8601, as the report was made
///   "sides": [string],                      one label for a run, two for a comparison
///   "summary": {
///     "total": int, "passed": int, "failed": int, "known": int, "error": int, "skipped": int,
///     "milliseconds": number,               all cases together
///     "failing": bool                       whether CI should fail: any case failed or errored
///   },
///   "cases": [{
///     "scenario": string, "file": string, "step": string, "line": int | null,
///     "outcome": "passed" | "failed" | "known" | "error" | "skipped",
///     "milliseconds": number,               at most three decimals
///     "findings": [{
///       "code": string,                     the mismatch kind's stable code, e.g. "value_changed"
///       "path": string, "expected": string, "actual": string | null, "message": string,
///       "known_reason": string | null       set when the difference is listed as known (not failing)
///     }],
///     "normalizations": [{ "path": string, "rule": string }],
///     "exchanges": [{                       one per side
///       "side": string, "method": string, "url": string,
///       "request": { "headers": [{ "name": string, "value": string }], "body": string | null },
///       "response": { "status": int | null, "headers": [...], "body": string | null }
///     }],
///     "note": string | null,                why an errored or skipped case could not run
///     "curl": string | null                 reproduces the request; secrets as $VARIABLES
///   }]
/// }
/// ```
public enum JSONRenderer {
    /// The name in the document's `format` key.
    public static let format = "claret-harness-report"
    /// The document's `version`.
    public static let version = 1

    /// The report as a version 1 `claret-harness-report` document, ending with a line break.
    public static func render(_ report: Report) -> String {
        document(for: report).serialized(pretty: true) + "\n"
    }

    /// The whole document as a value.
    static func document(for report: Report) -> JSONValue {
        let summary: JSONObject = JSONObject(
            [("total", .number(JSONNumber(report.cases.count)))]
                + RenderSupport.outcomeOrder.map {
                    ($0.rawValue, .number(JSONNumber(RenderSupport.count($0, in: report))))
                }
                + [
                    ("milliseconds", number(RenderSupport.totalMilliseconds(report))),
                    ("failing", .bool(report.isFailure)),
                ])
        return .object(
            JSONObject([
                ("format", .string(format)),
                ("version", .number(JSONNumber(version))),
                ("title", .string(report.title)),
                ("generated_at", .string(report.generatedAt)),
                ("sides", .array(report.sides.map(JSONValue.string))),
                ("summary", .object(summary)),
                ("cases", .array(report.cases.map(value(of:)))),
            ]))
    }

    /// One case.
    private static func value(of reportCase: ReportCase) -> JSONValue {
        .object(
            JSONObject([
                ("scenario", .string(reportCase.scenario)),
                ("file", .string(reportCase.file)),
                ("step", .string(reportCase.step)),
                ("line", reportCase.line.map { .number(JSONNumber($0)) } ?? .null),
                ("outcome", .string(reportCase.outcome.rawValue)),
                ("milliseconds", number(reportCase.milliseconds)),
                ("findings", .array(reportCase.findings.map(value(of:)))),
                (
                    "normalizations",
                    .array(
                        reportCase.normalizations.map {
                            .object(JSONObject([("path", .string($0.path)), ("rule", .string($0.rule))]))
                        })
                ),
                ("exchanges", .array(reportCase.exchanges.map(value(of:)))),
                ("note", optional(reportCase.note)),
                ("curl", optional(reportCase.curl)),
            ]))
    }

    /// One finding: the mismatch's fields and the known reason.
    private static func value(of finding: Finding) -> JSONValue {
        let mismatch = finding.mismatch
        return .object(
            JSONObject([
                ("code", .string(mismatch.code)),
                ("path", .string(mismatch.path)),
                ("expected", .string(mismatch.expected)),
                ("actual", optional(mismatch.actual)),
                ("message", .string(mismatch.message)),
                ("known_reason", optional(finding.knownReason)),
            ]))
    }

    /// One side's exchange.
    private static func value(of exchange: Exchange) -> JSONValue {
        .object(
            JSONObject([
                ("side", .string(exchange.side)),
                ("method", .string(exchange.method)),
                ("url", .string(exchange.url)),
                (
                    "request",
                    .object(
                        JSONObject([
                            ("headers", headers(exchange.requestHeaders)),
                            ("body", optional(exchange.requestBody)),
                        ]))
                ),
                (
                    "response",
                    .object(
                        JSONObject([
                            ("status", exchange.status.map { .number(JSONNumber($0)) } ?? .null),
                            ("headers", headers(exchange.responseHeaders)),
                            ("body", optional(exchange.responseBody)),
                        ]))
                ),
            ]))
    }

    /// Headers as name/value objects, in order, duplicates kept.
    private static func headers(_ headers: [Exchange.Header]) -> JSONValue {
        .array(headers.map { .object(JSONObject([("name", .string($0.name)), ("value", .string($0.value))])) })
    }

    /// A string, or null.
    private static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    /// A duration with at most three decimals, so float noise never reaches the document.
    private static func number(_ milliseconds: Double) -> JSONValue {
        .number(JSONNumber(text: RenderSupport.decimal(milliseconds, places: 3)) ?? 0)
    }
}
