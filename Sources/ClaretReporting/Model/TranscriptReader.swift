import ClaretModel
import ExactJSON
import Foundation

/// Reads transcripts (`claret-harness-transcript`, version 1) back into ``RecordedScenario`` values.
///
/// A transcript of another format or version is refused with a message naming both, never half-read:
/// a comparison of misread runs would report differences that are not there.
public enum TranscriptReader {
    /// The format name every transcript starts with.
    public static let format = "claret-harness-transcript"
    /// The versions this reader understands.
    public static let supportedVersions = [1]

    /// Reads the transcript at `path`.
    public static func read(path: String) throws(TranscriptError) -> RecordedScenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TranscriptError(kind: .unreadable, path: path, message: "cannot read the file")
        }
        return try read(data: data, path: path)
    }

    /// Reads a transcript from its bytes; `path` names it in errors and becomes its `source`.
    public static func read(data: Data, path: String) throws(TranscriptError) -> RecordedScenario {
        let document: JSONValue
        do {
            document = try JSONParser.parse(data)
        } catch {
            throw TranscriptError(kind: .notJSON, path: path, message: "not JSON (\(error))")
        }
        return try read(document: document, path: path)
    }

    /// Reads a transcript from its parsed JSON.
    public static func read(document: JSONValue, path: String) throws(TranscriptError) -> RecordedScenario {
        guard let object = document.object else {
            throw TranscriptError(
                kind: .notATranscript, path: path, message: "not a transcript: the document is not a JSON object")
        }
        try checkFormat(of: object, path: path)
        let fields = Fields(object: object, at: nil, path: path)
        let scenario = try fields.object("scenario")
        let target = try fields.object("target")
        var steps: [RecordedStep] = []
        for (index, element) in try fields.array("steps").enumerated() {
            steps.append(try step(try fields.element(element, at: "steps[\(index)]")))
        }
        return RecordedScenario(
            name: try scenario.string("name"), description: try scenario.optionalString("description") ?? "",
            file: try scenario.optionalString("file") ?? "",
            target: RecordedTarget(
                baseURL: try target.string("base_url"), tenant: try target.string("tenant"),
                kind: try target.optionalString("kind") ?? "mock"),
            startedAt: try fields.optionalString("started_at") ?? "",
            milliseconds: try fields.optionalDouble("duration_ms") ?? 0, outcome: try fields.outcome("outcome"),
            steps: steps, state: try fields.optionalObject("state").map(state), source: path)
    }

    /// Reads one transcript file, or every transcript in a folder (its `*.json` files, by file name).
    ///
    /// In a folder, JSON files that do not name the transcript format (a rules file, a JSON report) are
    /// passed over; a transcript of an unknown version is refused. A folder without any transcript is an error.
    public static func readAll(path: String) throws(TranscriptError) -> [RecordedScenario] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw TranscriptError(kind: .unreadable, path: path, message: "no such file or folder")
        }
        guard isFolder.boolValue else { return [try read(path: path)] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw TranscriptError(kind: .unreadable, path: path, message: "cannot list the folder")
        }
        var scenarios: [RecordedScenario] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let file = (path as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file),
                let document = try? JSONParser.parse(data),
                document["format"] != nil
            else { continue }
            let format = document["format"]?.string ?? ""
            guard format.hasPrefix(Self.format) else { continue }
            scenarios.append(try read(document: document, path: file))
        }
        guard !scenarios.isEmpty else {
            throw TranscriptError(
                kind: .noTranscripts, path: path, message: "the folder holds no \(Self.format) files (*.json)")
        }
        return scenarios
    }

    private static func checkFormat(of object: JSONObject, path: String) throws(TranscriptError) {
        guard let format = object["format"]?.string else {
            throw TranscriptError(
                kind: .notATranscript, path: path, field: "format",
                message: "not a transcript: expected \"format\": \"\(Self.format)\"")
        }
        guard format == Self.format else {
            throw TranscriptError(
                kind: .notATranscript, path: path, field: "format",
                message: "unknown format \"\(format)\"; this reader reads \"\(Self.format)\"")
        }
        let known = supportedVersions.map(String.init).joined(separator: ", ")
        guard let number = object["version"]?.number, let version = number.int else {
            throw TranscriptError(
                kind: .unsupportedVersion, path: path, field: "version",
                message: "expected an integer version (\(known)), got \(object["version"]?.serialized() ?? "none")")
        }
        guard supportedVersions.contains(version) else {
            throw TranscriptError(
                kind: .unsupportedVersion, path: path, field: "version",
                message:
                    "\(Self.format) version \(version) is not supported; this build reads version \(known) "
                    + "(record the runs again with this build, or compare with the build that wrote them)")
        }
    }

    private static func step(_ fields: Fields) throws(TranscriptError) -> RecordedStep {
        RecordedStep(
            name: try fields.string("name"), line: try fields.optionalInt("line"),
            outcome: try fields.outcome("outcome"), attempts: try fields.optionalInt("attempts") ?? 1,
            milliseconds: try fields.optionalDouble("duration_ms") ?? 0,
            request: try fields.optionalObject("request").map(request),
            response: try fields.optionalObject("response").map(response),
            checks: try fields.optionalArray("checks").enumerated().map { (index, element) throws(TranscriptError) in
                guard let text = element.string else { throw fields.malformed("checks[\(index)]", "a string") }
                return text
            },
            mismatches: try mismatches(fields), captures: try fields.optionalObject("captures")?.object ?? [:],
            error: try fields.optionalString("error"))
    }

    private static func request(_ fields: Fields) throws(TranscriptError) -> RecordedRequest {
        RecordedRequest(
            method: try fields.string("method"), url: try fields.string("url"), headers: try headers(fields),
            body: try body(fields))
    }

    private static func response(_ fields: Fields) throws(TranscriptError) -> RecordedResponse {
        guard let status = try fields.optionalInt("status") else { throw fields.malformed("status", "an integer") }
        return RecordedResponse(status: status, headers: try headers(fields), body: try body(fields))
    }

    private static func headers(_ fields: Fields) throws(TranscriptError) -> [RecordedHeader] {
        var headers: [RecordedHeader] = []
        for (index, element) in try fields.optionalArray("headers").enumerated() {
            let header = try fields.element(element, at: "headers[\(index)]")
            headers.append(RecordedHeader(name: try header.string("name"), value: try header.string("value")))
        }
        return headers
    }

    private static func body(_ fields: Fields) throws(TranscriptError) -> RecordedBody? {
        guard let body = try fields.optionalObject("body") else { return nil }
        if let json = body.object["json"] { return .json(json) }
        if let text = try body.optionalString("text") { return .text(text) }
        if let encoded = try body.optionalString("base64") { return .base64(encoded) }
        throw fields.malformed("body", "an object with \"json\", \"text\" or \"base64\"")
    }

    private static func mismatches(_ fields: Fields) throws(TranscriptError) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        for (index, element) in try fields.optionalArray("mismatches").enumerated() {
            let item = try fields.element(element, at: "mismatches[\(index)]")
            let code = try item.string("kind")
            guard let kind = Mismatch.Kind(rawValue: code) else {
                let known = Mismatch.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw item.malformed("kind", "one of \(known)", got: "\"\(code)\"")
            }
            mismatches.append(
                Mismatch(
                    path: try item.string("path"), kind: kind, expected: try item.optionalString("expected") ?? "",
                    actual: try item.optionalString("actual"), message: try item.string("message")))
        }
        return mismatches
    }

    private static func state(_ fields: Fields) throws(TranscriptError) -> RecordedState {
        RecordedState(
            outcome: try fields.outcome("outcome"), rows: try fields.optionalArray("rows"),
            mismatches: try mismatches(fields), note: try fields.optionalString("note"))
    }
}

/// The members of one JSON object in a transcript, read with errors that name the field.
private struct Fields {
    let object: JSONObject
    /// Where the object is, such as `steps[2].response`; nil at the document's root.
    let at: String?
    /// The file, for errors.
    let path: String

    func field(_ key: String) -> String { at.map { "\($0).\(key)" } ?? key }

    func malformed(_ key: String, _ wanted: String, got: String? = nil) -> TranscriptError {
        let found = got ?? object[key].map { $0.typeName } ?? "nothing"
        return TranscriptError(
            kind: .malformed, path: path, field: field(key), message: "expected \(wanted), got \(found)")
    }

    func element(_ value: JSONValue, at location: String) throws(TranscriptError) -> Fields {
        let place = at.map { "\($0).\(location)" } ?? location
        guard let object = value.object else {
            throw TranscriptError(
                kind: .malformed, path: path, field: place, message: "expected an object, got \(value.typeName)")
        }
        return Fields(object: object, at: place, path: path)
    }

    func string(_ key: String) throws(TranscriptError) -> String {
        guard let value = object[key]?.string else { throw malformed(key, "a string") }
        return value
    }

    func optionalString(_ key: String) throws(TranscriptError) -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let text = value.string else { throw malformed(key, "a string") }
        return text
    }

    func optionalInt(_ key: String) throws(TranscriptError) -> Int? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let number = value.number?.int else { throw malformed(key, "an integer") }
        return number
    }

    func optionalDouble(_ key: String) throws(TranscriptError) -> Double? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let number = value.number else { throw malformed(key, "a number") }
        return number.double
    }

    func object(_ key: String) throws(TranscriptError) -> Fields {
        guard let found = try optionalObject(key) else { throw malformed(key, "an object") }
        return found
    }

    func optionalObject(_ key: String) throws(TranscriptError) -> Fields? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let member = value.object else { throw malformed(key, "an object") }
        return Fields(object: member, at: field(key), path: path)
    }

    func array(_ key: String) throws(TranscriptError) -> [JSONValue] {
        guard let elements = object[key]?.array else { throw malformed(key, "an array") }
        return elements
    }

    func optionalArray(_ key: String) throws(TranscriptError) -> [JSONValue] {
        guard let value = object[key], !value.isNull else { return [] }
        guard let elements = value.array else { throw malformed(key, "an array") }
        return elements
    }

    func outcome(_ key: String) throws(TranscriptError) -> RecordedOutcome {
        let code = try string(key)
        guard let outcome = RecordedOutcome(rawValue: code) else {
            let known = RecordedOutcome.allCases.map(\.rawValue).joined(separator: ", ")
            throw malformed(key, "one of \(known)", got: "\"\(code)\"")
        }
        return outcome
    }
}
