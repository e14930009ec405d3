import ClaretModel
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
                stepObject["expect"] = .object(expectObject(response, tenant: recorded.target.tenant))
                var captures = JSONObject()
                if case .json(let document)? = response.body {
                    // Capture under the names the recording used, so later requests' {{name}} placeholders
                    // resolve; a secret capture (recorded as "[secret]") is the login's token.
                    for (variable, value) in step.captures {
                        if value == "[secret]" {
                            if document["token"] != nil { captures[variable] = "$.token" }
                        } else if let path = path(of: value, in: document, at: "$") {
                            captures[variable] = .string(path)
                            if let text = value.number?.text ?? value.string { captured.append((text, variable)) }
                        }
                    }
                    if step.captures.count == 0, document["token"]?.string != nil {
                        captures["token"] = "$.token"
                    }
                    if step.captures.count == 0, let job = document["content"]?["job_log_id"]?.number,
                        response.status == 202
                    {
                        let variable = "job\(captured.filter { $0.variable.hasPrefix("job") }.count + 1)"
                        captures[variable] = "$.content.job_log_id"
                        captured.append((job.text, variable))
                    }
                    // A step the recording sent several times was polling, and a job status that had already
                    // reached its end when it was recorded may not have yet when replayed: poll again until the
                    // job's status is the one recorded.
                    if let status = document["content"]?["status"],
                        step.attempts > 1 || isFinishedJobStatus(status, of: step.request)
                    {
                        stepObject["poll"] = [
                            "until": ["$.content.status": status], "interval": "100ms", "timeout": "30s",
                        ]
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
        let email = recorded.steps.lazy.compactMap { step in
            step.request.flatMap { request in
                queryItems(of: request.url).first { $0.name == "email" }?.value
            }
        }.first
        scenario["variables"] = ["email": .string(email ?? "integrator@demo.test"), "password": "demo-password"]
        scenario["steps"] = .array(steps)
        if let state = recorded.state, state.outcome != .skipped, !state.rows.isEmpty || state.outcome == .passed {
            scenario["state"] = ["count": .number(JSONNumber(state.rows.count)), "exactly": .array(state.rows)]
        }
        return .object(scenario)
    }

    /// Whether `status` answered a job-status request (`/imports/status/{id}`) with a job that had finished.
    private static func isFinishedJobStatus(_ status: JSONValue, of request: RecordedRequest?) -> Bool {
        guard let request, request.method == "GET",
            URLComponents(string: request.url)?.path.contains("/imports/status/") == true
        else { return false }
        return status.string.flatMap(JobStatus.init(rawValue:))?.isFinished ?? false
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
        // Whole segments only: job 1 must not rewrite the "1" of job 12's path.
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for (text, variable) in captured where variable.hasPrefix("job") {
            segments = segments.map { $0 == text ? "{{\(variable)}}" : $0 }
        }
        path = segments.joined(separator: "/")
        object["path"] = .string(path)
        let items = queryItems(of: request.url)
        if !items.isEmpty {
            // The login's e-mail becomes {{email}} (its recorded value is the variable's default), so a run
            // against another tenant only needs --var email=... --var password=...
            object["query"] = .object(
                JSONObject(items.map { ($0.name, .string($0.name == "email" ? "{{email}}" : $0.value)) }))
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

    /// A URL's query items, each value percent-decoded exactly once (a recorded URL may hold `{{password}}`,
    /// which URLComponents would otherwise re-encode).
    static func queryItems(of url: String) -> [(name: String, value: String)] {
        guard let query = url.split(separator: "?", maxSplits: 1).dropFirst().first else { return [] }
        return query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            func decode(_ text: String) -> String {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The path of the first leaf equal to `value`, depth first.
    static func path(of value: JSONValue, in document: JSONValue, at path: String) -> String? {
        switch document {
        case .object(let object):
            for (key, child) in object {
                if let found = self.path(of: value, in: child, at: pathAppending(path, key)) { return found }
            }
            return nil
        case .array(let elements):
            for (index, child) in elements.enumerated() {
                if let found = self.path(of: value, in: child, at: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return document == value ? path : nil
        }
    }

    // MARK: - Expectations

    private static func expectObject(_ response: RecordedResponse, tenant: String) -> JSONObject {
        var object = JSONObject()
        object["status"] = .number(JSONNumber(response.status))
        var headers = JSONObject()
        for header in response.headers where header.name.lowercased() == "location" {
            headers["Location"] = ["matches": .string(shape(ofLink: header.value, tenant: tenant))]
        }
        if headers.count > 0 { object["headers"] = .object(headers) }
        var checks = JSONObject()
        switch response.body {
        case .json(let document)?:
            flatten(document, at: "$", tenant: tenant, into: &checks)
        case .text(let text)?:
            // A CSV file or an HTML page: pin its first line, which names its columns or its kind.
            if let first = text.split(whereSeparator: \.isNewline).first {
                checks["$"] = ["contains": .string(String(first).trimmingCharacters(in: .whitespacesAndNewlines))]
            }
        default:
            break
        }
        if checks.count > 0 { object["body"] = .object(checks) }
        return object
    }

    /// One check per leaf, at most `limit` of them; volatile leaves are checked by shape.
    private static func flatten(
        _ value: JSONValue, at path: String, tenant: String, into checks: inout JSONObject, limit: Int = 60
    ) {
        guard checks.count < limit else { return }
        switch value {
        case .object(let object) where object.count > 0:
            for (key, child) in object {
                flatten(child, at: pathAppending(path, key), tenant: tenant, into: &checks, limit: limit)
            }
        case .array(let elements) where !elements.isEmpty:
            checks[path] = ["length": .number(JSONNumber(elements.count))]
            for (index, child) in elements.enumerated().prefix(20) {
                flatten(child, at: "\(path)[\(index)]", tenant: tenant, into: &checks, limit: limit)
            }
        default:
            checks[path] = expectation(for: value, at: path, tenant: tenant)
        }
    }

    private static func pathAppending(_ path: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        return plain ? "\(path).\(key)" : "\(path)[\(JSONValue.string(key).serialized())]"
    }

    /// The recorded value, or its shape when the value changes from run to run.
    static func expectation(for value: JSONValue, at path: String, tenant: String = "") -> JSONValue {
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
                return ["matches": .string(shape(ofLink: text, tenant: tenant))]
            }
            return value
        case .number where ["job_log_id", "user_id", "id"].contains(key):
            return ["type": "integer"]
        default:
            return value
        }
    }

    /// A pattern matching links like `text`: its tail with digits generalised, its host and tenant free.
    static func shape(ofLink text: String, tenant: String = "") -> String {
        var tail = text
        if let url = URL(string: text), url.host != nil {
            tail = url.path
        }
        let segments = tail.split(separator: "/", omittingEmptySubsequences: false).enumerated().map { index, part in
            // The tenant, wherever it stands (the first segment, and again in job-file paths).
            if index == 1 || (!tenant.isEmpty && part == tenant) { return "[^/]+" }
            let escaped = NSRegularExpression.escapedPattern(for: String(part))
            return escaped.replacingOccurrences(of: #"\d+"#, with: #"\\d+"#, options: .regularExpression)
        }
        return segments.joined(separator: "/") + "$"
    }
}
