import ExactJSON
import Foundation

/// Turns a step's request template into the bytes to send, with variables filled in.
enum RequestBuilder {
    /// Why a request could not be built.
    struct BuildError: Error, CustomStringConvertible {
        let description: String
    }

    static func build(_ spec: RequestSpec, scenario: Scenario, variables: Variables) throws -> OutgoingRequest {
        let baseURL = variables["base_url"]?.string ?? ""
        let path = try Template.render(spec.path, with: variables)
        var components = URLComponents()
        components.path = path
        if !spec.query.isEmpty {
            components.queryItems = try spec.query.map {
                URLQueryItem(name: $0.name, value: try Template.render($0.value, with: variables))
            }
        }
        // URLComponents leaves '+' alone in queries, but servers read it as a space.
        let encoded = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        let url = baseURL + components.percentEncodedPath + (encoded.isEmpty ? "" : "?\(encoded)")

        var headers: [(name: String, value: String)] = []
        func set(_ name: String, _ value: String) {
            headers.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
            if !value.isEmpty { headers.append((name, value)) }
        }
        for header in scenario.defaultHeaders + spec.headers {
            set(header.name, try Template.render(header.value, with: variables))
        }
        func hasHeader(_ name: String) -> Bool {
            headers.contains { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        }

        var body: [UInt8] = []
        switch spec.body {
        case .none:
            break
        case .json(let template):
            body = try Template.render(template, with: variables).serializedBytes()
            if !hasHeader("Content-Type") { headers.append(("Content-Type", "application/json")) }
        case .raw(let text, let contentType):
            body = Array(try Template.render(text, with: variables).utf8)
            if let contentType, !hasHeader("Content-Type") { headers.append(("Content-Type", contentType)) }
        case .multipart(let fields, let files):
            let boundary = "claret-harness-\(UUID().uuidString)"
            for field in fields {
                body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field.name)\"\r\n\r\n".utf8)
                body += Array(try Template.render(field.value, with: variables).utf8) + Array("\r\n".utf8)
            }
            for file in files {
                let content: [UInt8]
                switch file.source {
                case .fixture(let path):
                    guard let data = FileManager.default.contents(atPath: path) else {
                        throw BuildError(description: "the fixture '\(path)' cannot be read")
                    }
                    content = Array(data)
                case .inline(let text):
                    content = Array(try Template.render(text, with: variables).utf8)
                }
                body += Array(
                    """
                    --\(boundary)\r\nContent-Disposition: form-data; name="\(file.field)"; filename="\(file.filename)"\r\n\
                    Content-Type: text/csv\r\n\r\n
                    """.utf8)
                body += content + Array("\r\n".utf8)
            }
            body += Array("--\(boundary)--\r\n".utf8)
            set("Content-Type", "multipart/form-data; boundary=\(boundary)")
        }
        return OutgoingRequest(method: spec.method, url: url, headers: headers, body: body)
    }
}
