import ClaretModel
import ExactJSON

/// Profile overrides that would make the mock answer as a real tenant did, from a parity report.
///
/// The mock names the profile entry behind each of its answers in `X-Harness-Response`. Where the other
/// side answered such a step differently and the entry's template is fixed (no `{placeholders}`, such as
/// `tenant_not_found` or `unauthenticated`), the other side's status and JSON body become the entry's
/// override. Templated entries (validation bodies, import results) cannot be read back from one answer;
/// they are listed for a person to edit.
public struct ProfileSuggestion: Sendable {
    /// The overrides, as a `--profile` document (`{"responses": {...}}`).
    public var document: JSONValue
    /// Entries that differed but are templated, with the step where each was seen.
    public var needsEditing: [(entry: String, step: String)]

    /// Whether there is anything to override.
    public var isEmpty: Bool { document["responses"]?.object?.count ?? 0 == 0 }

    /// Reads the suggestions off `report`, where `mockSide` names the mock's side.
    public static func make(from report: Report, mockSide: String, profile: BehaviourProfile = .standard)
        -> ProfileSuggestion
    {
        var responses = JSONObject()
        var needsEditing: [(entry: String, step: String)] = []
        var seen = Set<String>()
        for reportCase in report.cases where !reportCase.findings.isEmpty {
            guard let mock = reportCase.exchanges.first(where: { $0.side == mockSide }),
                let other = reportCase.exchanges.first(where: { $0.side != mockSide }), let status = other.status,
                let entry = mock.responseHeaders.first(where: {
                    $0.name.caseInsensitiveCompare("X-Harness-Response") == .orderedSame
                })?.value
            else { continue }
            guard seen.insert(entry).inserted else { continue }
            let template = profile.document["responses"]?[entry] ?? .null
            guard template != .null, !hasPlaceholders(template), template["text"] == nil,
                let body = other.responseBody.flatMap({ try? JSONParser.parse($0) })
            else {
                needsEditing.append((entry, "\(reportCase.scenario) › \(reportCase.step)"))
                continue
            }
            responses[entry] = ["status": .number(JSONNumber(status)), "body": body]
        }
        return ProfileSuggestion(document: ["responses": .object(responses)], needsEditing: needsEditing)
    }

    /// Whether any string in the template holds a `{placeholder}`.
    static func hasPlaceholders(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): return text.contains("{") && text.contains("}")
        case .array(let elements): return elements.contains(where: hasPlaceholders)
        case .object(let object): return object.contains { hasPlaceholders($0.value) }
        default: return false
        }
    }
}
