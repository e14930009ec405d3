import ClaretModel
import ExactJSON
import Foundation

/// The recorded form of a scenario run: what each step sent and received, and what was found.
///
/// A versioned JSON document (`format` + `version`), documented in docs/transcript-format.md, which the
/// reporter reads back to compare runs. Secrets were replaced by `{{name}}` before recording.
public enum Transcript {
    /// The format's name, the first key of every transcript.
    public static let format = "claret-harness-transcript"
    /// The format's version; a reader refuses versions it does not know.
    public static let version = 1

    /// The transcript of `result` as JSON.
    public static func json(_ result: ScenarioResult) -> JSONValue {
        [
            "format": .string(format),
            "version": .number(JSONNumber(version)),
            "scenario": [
                "name": .string(result.name), "description": .string(result.description), "file": .string(result.file),
            ],
            "target": [
                "base_url": .string(result.baseURL), "tenant": .string(result.tenant),
                "kind": .string(result.targetIsMock ? "mock" : "tenant"),
            ],
            "started_at": .string(result.startedAt),
            "duration_ms": milliseconds(result.milliseconds),
            "outcome": .string(result.outcome.rawValue),
            "steps": .array(result.steps.map(step)),
            "state": result.state.map(state) ?? .null,
        ]
    }

    /// Writes the transcript of `result` into `folder` as `<name>.json` (by default the scenario's file name);
    /// returns the file's path.
    @discardableResult
    public static func write(_ result: ScenarioResult, into folder: String, as name: String? = nil) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = "\(folder)/\(name ?? fileName(for: result.name)).json"
        try Data(json(result).serializedBytes(pretty: true) + [0x0A]).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A file-system-safe name: lowercase letters, digits and `-`.
    public static func fileName(for name: String) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character.isLetter && character.isASCII || character.isNumber && character.isASCII {
                slug.append(character)
            } else if !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        let trimmed = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "scenario" : trimmed
    }

    private static func milliseconds(_ value: Double) -> JSONValue {
        .number(JSONNumber(text: String(format: "%.1f", value)) ?? JSONNumber(0))
    }

    private static func headers(_ list: [(name: String, value: String)]) -> JSONValue {
        .array(list.map { ["name": .string($0.name), "value": .string($0.value)] })
    }

    /// A body as JSON when it parses, else as text (or base64 when not UTF-8).
    private static func body(_ bytes: [UInt8]) -> JSONValue {
        if bytes.isEmpty { return .null }
        if let document = try? JSONParser.parse(bytes) { return ["json": document] }
        if let text = String(bytes: bytes, encoding: .utf8) { return ["text": .string(text)] }
        return ["base64": .string(Data(bytes).base64EncodedString())]
    }

    private static func step(_ step: StepResult) -> JSONValue {
        [
            "name": .string(step.name),
            "line": .number(JSONNumber(step.position.line)),
            "outcome": .string(step.outcome.rawValue),
            "attempts": .number(JSONNumber(step.attempts)),
            "duration_ms": milliseconds(step.milliseconds),
            "request": step.request.map { request in
                [
                    "method": .string(request.method), "url": .string(request.url),
                    "headers": headers(request.headers), "body": body(request.body),
                ]
            } ?? .null,
            "response": step.response.map { response in
                [
                    "status": .number(JSONNumber(response.status)), "headers": headers(response.headers),
                    "body": body(response.body),
                ]
            } ?? .null,
            "checks": .array(step.checks.map { .string($0) }),
            "mismatches": .array(step.mismatches.map(mismatch)),
            "captures": .object(JSONObject(step.captures.map { ($0.name, $0.value) })),
            "error": step.error.map { .string($0) } ?? .null,
        ]
    }

    private static func state(_ state: StateResult) -> JSONValue {
        [
            "outcome": .string(state.outcome.rawValue), "rows": .array(state.rows),
            "mismatches": .array(state.mismatches.map(mismatch)), "note": state.note.map { .string($0) } ?? .null,
        ]
    }

    static func mismatch(_ mismatch: Mismatch) -> JSONValue {
        [
            "path": .string(mismatch.path), "kind": .string(mismatch.kind.rawValue),
            "expected": .string(mismatch.expected), "actual": mismatch.actual.map { .string($0) } ?? .null,
            "message": .string(mismatch.message),
        ]
    }
}
