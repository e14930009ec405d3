import ClaretModel
import ExactJSON
import Foundation

/// Reads a request's input the way Laravel does: JSON bodies when the content type says JSON, form
/// fields for forms, nothing otherwise.
enum RequestInput {
    /// The content type without its parameters, lower case (`multipart/form-data`), read as the HTTP adapter
    /// reads it when it decides whether to parse a form.
    static func mediaType(of request: HTTPRequest) -> String? {
        request.headers["Content-Type"].flatMap { type in
            type.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        }
    }

    /// Whether the content type names JSON (`application/json`, `application/vnd.x+json`).
    static func isJSON(_ request: HTTPRequest) -> Bool {
        guard let mediaType = mediaType(of: request) else { return false }
        return mediaType.contains("/json") || mediaType.contains("+json")
    }

    /// Whether the body is `multipart/form-data`.
    static func isMultipart(_ request: HTTPRequest) -> Bool {
        mediaType(of: request) == "multipart/form-data"
    }

    /// The body as JSON: the parsed document for JSON bodies (an empty body is an empty object), form fields as
    /// strings for forms, and an empty object for anything else, as Laravel sees no input there.
    static func body(of call: Call) throws(HandlerFailure) -> JSONValue {
        let request = call.request
        if isJSON(request) {
            if request.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                return .object(JSONObject())
            }
            do {
                return try JSONParser.parse(request.body)
            } catch {
                throw HandlerFailure(call.profile.response(.malformedJSON, ["detail": .string(error.description)]))
            }
        }
        if let form = request.form {
            return .object(JSONObject(form.fields.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        }
        return .object(JSONObject())
    }
}

extension BehaviourProfile {
    /// The 422 answer for `errors`.
    func validationFailure(_ errors: ValidationErrors) -> HandlerFailure {
        HandlerFailure(
            response(
                .validationFailed, ["message": .string(errors.summary(using: self)), "errors": errors.errorsObject]))
    }
}
