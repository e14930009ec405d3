import ExactJSON
import Foundation

/// Turns a recorded run into a scenario that replays it, with the recorded answers as expectations.
///
/// Made for support: a transcript recorded against a customer's tenant becomes a scenario file to run
/// against the mock, so what the customer saw and what the mock does can be told apart. Volatile values
/// (tokens, job ids, timestamps, links carrying ids) are checked by type or shape, not by value; the
/// token and job ids are captured so later requests use the new ones.
public enum ScenarioReproducer {
    /// Headers a client sets by itself; replaying them would only pin the recording's transport details.
    static let skippedHeaders: Set<String> = [
        "host", "content-length", "user-agent", "accept-encoding", "connection", "accept-language", "content-type",
    ]

    /// The scenario, as YAML text.
    public static func scenarioText(for recorded: RecordedScenario) -> String {
        YAMLWriter.write(scenario(for: recorded))
    }

    /// The scenario, as the JSON value its YAML spells.
    public static func scenario(for recorded: RecordedScenario) -> JSONValue {
        var captured: [(text: String, variable: String)] = []
        var steps: [JSONValue] = []
        var names = Set<String>()
        for step in recorded.steps {
            guard let request = step.request else { continue }
            var stepObject = JSONObject()
            var name = step.name
            var counter = 2
            while !names.insert(name).inserted {
                name = "\(step.name) (\(counter))"
                counter += 1
            }
            stepObject["name"] = .string(name)
            stepObject["request"] = .object(requestObject(request, tenant: recorded.target.tenant, captured: captured))
            if let response = step.response {
                stepObject["expect"] = .object(expectObject(response))
                var captures = JSONObject()
                if case .json(let document)? = response.body {
                    if let token = document["token"]?.string {
                        captures["token"] = "$.token"
                        captured.append((token, "token"))
                    }
                    if let job = document["content"]?["job_log_id"]?.number, response.status == 202 {
                        let variable = "job\(captured.filter { $0.variable.hasPrefix("job") }.count + 1)"
                        captures[variable] = "$.content.job_log_id"
                        captured.append((job.text, variable))
                    }
                }
                if captures.count > 0 { stepObject["capture"] = .object(captures) }
            }
            steps.append(.object(stepObject))
        }
        var scenario = JSONObject()
        scenario["name"] = .string("reproduce \(recorded.name)")
        scenario["description"] = .string(
            """
            Replays '\(recorded.name)' as recorded against \(recorded.target.baseURL) (tenant \
            \(recorded.target.tenant)) at \(recorded.startedAt), with the recorded answers as expectations.
            Tokens, job ids, timestamps and links are checked by shape. Run it against the mock with
            'claret-harness run FILE'; pass the recording's credentials with --var email=... --var password=...
            if they differ from the demo tenant's.

            """)
        scenario["tags"] = ["reproduce"]
        scenario["variables"] = ["email": "integrator@demo.test", "password": "demo-password"]
        scenario["steps"] = .array(steps)
        if let state = recorded.state, state.outcome != .skipped, !state.rows.isEmpty || state.outcome == .passed {
            scenario["state"] = ["count": .number(JSONNumber(state.rows.count)), "exactly": .array(state.rows)]
        }
        return .object(scenario)
    }

    // MARK: - Requests

    private static func requestObject(
        _ request: RecordedRequest, tenant: String, captured: [(text: String, variable: String)]
    ) -> JSONObject {
        var object = JSONObject()
        object["method"] = .string(request.method)
        let components = URLComponents(string: request.url)
        var path = components?.percentEncodedPath.removingPercentEncoding ?? "/"
        if !tenant.isEmpty {
            path = path.replacingOccurrences(of: "/\(tenant)/", with: "/{{tenant}}/")
        }
        // Later requests name ids the recording's earlier answers gave: use the captured ones instead.
        for (text, variable) in captured where variable.hasPrefix("job") {
            path = path.replacingOccurrences(of: "/\(text)", with: "/{{\(variable)}}")
        }
        object["path"] = .string(path)
        if let items = components?.queryItems, !items.isEmpty {
            object["query"] = .object(JSONObject(items.map { ($0.name, .string($0.value ?? "")) }))
        }
        var headers = JSONObject()
        var contentType: String?
        for header in request.headers {
            let lower = header.name.lowercased()
            if lower == "content-type" { contentType = header.value }
            if skippedHeaders.contains(lower) { continue }
            headers[header.name] = .string(header.value)
        }
        if headers.count > 0 { object["headers"] = .object(headers) }
        switch request.body {
        case .json(let value)?:
            object["json"] = value
        case .text(let text)?:
            object["body"] = .string(text)
            if let contentType { object["content_type"] = .string(contentType) }
        case .base64?, nil:
            break
        }
        return object
    }

    // MARK: - Expectations

    private static func expectObject(_ response: RecordedResponse) -> JSONObject {
        var object = JSONObject()
        object["status"] = .number(JSONNumber(response.status))
        var headers = JSONObject()
        for header in response.headers where header.name.lowercased() == "location" {
            headers["Location"] = ["matches": .string(shape(ofLink: header.value))]
        }
        if headers.count > 0 { object["headers"] = .object(headers) }
        var checks = JSONObject()
        switch response.body {
        case .json(let document)?:
            flatten(document, at: "$", into: &checks)
        case .text(let text)?:
            // A CSV file or an HTML page: pin its first line, which names its columns or its kind.
            if let first = text.split(separator: "\n").first {
                checks["$"] = ["contains": .string(String(first).trimmingCharacters(in: .whitespacesAndNewlines))]
            }
        default:
            break
        }
        if checks.count > 0 { object["body"] = .object(checks) }
        return object
    }

    /// One check per leaf, at most `limit` of them; volatile leaves are checked by shape.
    private static func flatten(_ value: JSONValue, at path: String, into checks: inout JSONObject, limit: Int = 60) {
        guard checks.count < limit else { return }
        switch value {
        case .object(let object) where object.count > 0:
            for (key, child) in object { flatten(child, at: pathAppending(path, key), into: &checks, limit: limit) }
        case .array(let elements) where !elements.isEmpty:
            checks[path] = ["length": .number(JSONNumber(elements.count))]
            for (index, child) in elements.enumerated().prefix(20) {
                flatten(child, at: "\(path)[\(index)]", into: &checks, limit: limit)
            }
        default:
            checks[path] = expectation(for: value, at: path)
        }
    }

    private static func pathAppending(_ path: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        return plain ? "\(path).\(key)" : "\(path)[\(JSONValue.string(key).serialized())]"
    }

    /// The recorded value, or its shape when the value changes from run to run.
    static func expectation(for value: JSONValue, at path: String) -> JSONValue {
        let key = path.split(separator: ".").last.map(String.init) ?? path
        switch value {
        case .string(let text):
            if text.range(of: #"^\d+\|[A-Za-z0-9]{40}$"#, options: .regularExpression) != nil || text.contains("{{") {
                return ["matches": #"^\d+\|[A-Za-z0-9]{40}$"#]
            }
            if text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}"#, options: .regularExpression) != nil {
                return ["matches": #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}"#]
            }
            if text.hasPrefix("http://") || text.hasPrefix("https://")
                || text.hasPrefix("/") && text.contains("/download/")
            {
                return ["matches": .string(shape(ofLink: text))]
            }
            return value
        case .number where ["job_log_id", "user_id", "id"].contains(key):
            return ["type": "integer"]
        default:
            return value
        }
    }

    /// A pattern matching links like `text`: its tail with digits generalised, its host and tenant free.
    static func shape(ofLink text: String) -> String {
        var tail = text
        if let url = URL(string: text), url.host != nil {
            tail = url.path
        }
        let segments = tail.split(separator: "/", omittingEmptySubsequences: false).enumerated().map { index, part in
            if index == 1 { return "[^/]+" }  // the tenant
            let escaped = NSRegularExpression.escapedPattern(for: String(part))
            return escaped.replacingOccurrences(of: #"\d+"#, with: #"\\d+"#, options: .regularExpression)
        }
        return segments.joined(separator: "/") + "$"
    }
}
