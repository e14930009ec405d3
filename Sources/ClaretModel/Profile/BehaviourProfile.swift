import ExactJSON

/// The named responses whose status and body the profile decides.
public enum ResponseName: String, Sendable, CaseIterable {
    case tokenCreated = "token_created"
    case tenantNotFound = "tenant_not_found"
    case unauthenticated
    case unauthenticatedRedirect = "unauthenticated_redirect"
    case validationFailed = "validation_failed"
    case malformedJSON = "malformed_json"
    case malformedForm = "malformed_form"
    case importProcessed = "import_processed"
    case importQueued = "import_queued"
    case batchDeleted = "batch_deleted"
    case jobNotFound = "job_not_found"
    case routeNotFound = "route_not_found"
    case methodNotAllowed = "method_not_allowed"
    case payloadTooLarge = "payload_too_large"
    case serverError = "server_error"
}

/// The named sentences (validation and record errors) the profile decides.
public enum MessageName: String, Sendable, CaseIterable {
    case required, boolean, array, string, numeric
    case greaterThanZero = "greater_than_zero"
    case dateFormat = "date_format"
    case `in`
    case maxItems = "max_items"
    case moreErrorsOne = "more_errors_one"
    case moreErrorsMany = "more_errors_many"
    case credentialsIncorrect = "credentials_incorrect"
    case criterionRequired = "criterion_required"
    case itemNotFound = "item_not_found"
    case binNotFound = "bin_not_found"
    case lotNotFound = "lot_not_found"
    case uomNotFound = "uom_not_found"
    case creationNotAllowed = "creation_not_allowed"
    case updateNotAllowed = "update_not_allowed"
    case csvInvalid = "csv_invalid"
    case csvMissingColumn = "csv_missing_column"
    case mappingInvalid = "mapping_invalid"
}

/// A response rendered from the profile: what the server sends, free of HTTP machinery.
public struct RenderedResponse: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// Extra headers, in order (the content type is separate).
    public var headers: [Header]
    /// The content type of `body`.
    public var contentType: String
    /// The body bytes.
    public var body: [UInt8]
    /// Which profile entry rendered it (the mock names it in `X-Harness-Response`, so a parity run can
    /// propose a profile from a real tenant's answers).
    public var name: ResponseName?

    /// One header line.
    public struct Header: Sendable, Equatable {
        /// The header's name.
        public var name: String
        /// The header's value.
        public var value: String
    }
}

/// Knobs of assumed behaviour that are not response shapes.
public struct ProfileSettings: Sendable, Equatable {
    /// The most records one import request may carry.
    public var maxRecordsPerRequest: Int
    /// The most rows one batch delete may carry.
    public var maxBatchDeleteRows: Int
    /// The most names one batch-delete filter list may carry.
    public var maxFilterValues: Int
    /// The largest request body accepted, in bytes.
    public var maxBodyBytes: Int
    /// How long a token lives, or nil for forever.
    public var tokenLifetimeSeconds: Int?
    /// Whether `tokens/create` also reads credentials from a JSON or form body.
    public var credentialsInBody: Bool
    /// Whether an `Accept` naming JSON earns the 401 JSON answer like `X-Requested-With` does.
    public var acceptJSONCountsAsAjax: Bool
}

/// Why a profile file was refused.
public struct ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the profile (a dotted path), or empty for the whole document.
    public let path: String
    /// What was wrong and how to fix it.
    public let reason: String

    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
}

/// Every assumed status, message and body shape in one place, overridable by a JSON profile file.
public struct BehaviourProfile: Sendable {
    /// The merged document (defaults with the overrides applied).
    public let document: JSONValue
    /// The settings read from the document.
    public let settings: ProfileSettings
    private let responses: [ResponseName: JSONObject]
    private let messages: [MessageName: String]

    /// The contract's defaults.
    public static let standard: BehaviourProfile = {
        do {
            return try BehaviourProfile(overrides: .object(JSONObject()))
        } catch {
            preconditionFailure("the built-in profile is invalid: \(error)")
        }
    }()

    /// Applies `overrides` (a partial document of the same shape) on top of the defaults.
    ///
    /// Objects merge key by key; any other value replaces the default. Unknown names are refused, so a
    /// typo in a profile cannot silently do nothing.
    public init(overrides: JSONValue) throws(ProfileError) {
        let defaults: JSONValue
        do {
            defaults = try JSONParser.parse(BehaviourProfile.defaultDocument)
        } catch {
            throw ProfileError(path: "", reason: "the built-in profile does not parse: \(error)")
        }
        guard case .object = overrides else {
            throw ProfileError(path: "", reason: "a profile must be a JSON object, found \(overrides.typeName)")
        }
        let merged = try BehaviourProfile.merge(overrides, into: defaults, path: "")
        document = merged

        var responses: [ResponseName: JSONObject] = [:]
        for name in ResponseName.allCases {
            guard let template = merged["responses"]?[name.rawValue]?.object else {
                throw ProfileError(path: "responses.\(name.rawValue)", reason: "must be an object")
            }
            guard let status = template["status"]?.number?.int, (100...599).contains(status) else {
                throw ProfileError(
                    path: "responses.\(name.rawValue).status", reason: "must be an HTTP status code (100-599)")
            }
            responses[name] = template
        }
        self.responses = responses

        var messages: [MessageName: String] = [:]
        for name in MessageName.allCases {
            guard let text = merged["messages"]?[name.rawValue]?.string else {
                throw ProfileError(path: "messages.\(name.rawValue)", reason: "must be a string")
            }
            messages[name] = text
        }
        self.messages = messages

        let settings = merged["settings"] ?? .null
        func integer(_ key: String, minimum: Int) throws(ProfileError) -> Int {
            guard let value = settings[key]?.number?.int, value >= minimum else {
                throw ProfileError(path: "settings.\(key)", reason: "must be a whole number of at least \(minimum)")
            }
            return value
        }
        func flag(_ key: String) throws(ProfileError) -> Bool {
            guard let value = settings[key]?.bool else {
                throw ProfileError(path: "settings.\(key)", reason: "must be true or false")
            }
            return value
        }
        var lifetime: Int?
        if let value = settings["token_lifetime_seconds"], !value.isNull {
            guard let seconds = value.number?.int, seconds > 0 else {
                throw ProfileError(
                    path: "settings.token_lifetime_seconds", reason: "must be null (never expire) or seconds above 0")
            }
            lifetime = seconds
        }
        self.settings = ProfileSettings(
            maxRecordsPerRequest: try integer("max_records_per_request", minimum: 1),
            maxBatchDeleteRows: try integer("max_batch_delete_rows", minimum: 1),
            maxFilterValues: try integer("max_filter_values", minimum: 1),
            maxBodyBytes: try integer("max_body_bytes", minimum: 1024),
            tokenLifetimeSeconds: lifetime,
            credentialsInBody: try flag("credentials_in_body"),
            acceptJSONCountsAsAjax: try flag("accept_json_counts_as_ajax"))
    }

    /// The sentence `name` with its placeholders filled.
    public func message(_ name: MessageName, _ parameters: [String: String] = [:]) -> String {
        BehaviourProfile.fill(messages[name] ?? name.rawValue, parameters.mapValues { JSONValue.string($0) })
    }

    /// The response `name` with its placeholders filled from `parameters`.
    public func response(_ name: ResponseName, _ parameters: [String: JSONValue] = [:]) -> RenderedResponse {
        let template = responses[name] ?? JSONObject()
        let status = template["status"]?.number?.int ?? 500
        var headers: [RenderedResponse.Header] = []
        for (headerName, value) in template["headers"]?.object ?? JSONObject() {
            let text = value.string.map { BehaviourProfile.fill($0, parameters) } ?? value.serialized()
            headers.append(RenderedResponse.Header(name: headerName, value: text))
        }
        if let text = template["text"]?.string {
            let contentType = template["content_type"]?.string ?? "text/plain; charset=UTF-8"
            let body = Array(BehaviourProfile.fill(text, parameters).utf8)
            return RenderedResponse(status: status, headers: headers, contentType: contentType, body: body, name: name)
        }
        let body = BehaviourProfile.substitute(template["body"] ?? .null, parameters)
        let contentType = template["content_type"]?.string ?? "application/json"
        return RenderedResponse(
            status: status, headers: headers, contentType: contentType, body: body.serializedBytes(), name: name)
    }

    // MARK: - Templates

    /// Replaces placeholders inside a JSON template; a string that is exactly `{name}` takes the value itself.
    static func substitute(_ template: JSONValue, _ parameters: [String: JSONValue]) -> JSONValue {
        switch template {
        case .string(let text):
            if text.hasPrefix("{"), text.hasSuffix("}"), let value = parameters[String(text.dropFirst().dropLast())] {
                return value
            }
            return .string(fill(text, parameters))
        case .array(let elements):
            return .array(elements.map { substitute($0, parameters) })
        case .object(let object):
            return .object(JSONObject(object.map { ($0.key, substitute($0.value, parameters)) }))
        default:
            return template
        }
    }

    /// Replaces every `{name}` in `text` whose name is a parameter; other braces stay as written.
    static func fill(_ text: String, _ parameters: [String: JSONValue]) -> String {
        guard text.contains("{") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            // An unclosed brace ends the placeholders; the rest, text before it included, is kept as written.
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            result += rest[..<open]
            let name = String(rest[afterOpen..<close])
            if let value = parameters[name] {
                result += value.string ?? value.serialized()
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Merges `overrides` into `base`, refusing keys the base does not have.
    private static func merge(_ overrides: JSONValue, into base: JSONValue, path: String) throws(ProfileError)
        -> JSONValue
    {
        guard case .object(let overrideObject) = overrides, case .object(var baseObject) = base else {
            return overrides
        }
        for (key, value) in overrideObject {
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            // Inside one response template any key may be added, replaced or dropped (headers, text, body).
            if path.hasPrefix("responses.") {
                baseObject[key] = value.isNull ? nil : value
                continue
            }
            guard let existing = baseObject[key] else {
                let known = baseObject.keys.joined(separator: ", ")
                throw ProfileError(path: childPath, reason: "unknown name; known here: \(known)")
            }
            if case .object = existing {
                baseObject[key] = try merge(value, into: existing, path: childPath)
            } else {
                baseObject[key] = value
            }
        }
        return .object(baseObject)
    }
}
