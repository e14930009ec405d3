import ExactJSON
import Foundation
import YAMLReader

/// Reads scenario files (YAML or JSON) into validated `Scenario` values, refusing anything unclear with
/// its file, line and column.
public enum ScenarioParser {
    /// The top-level keys a scenario may have.
    static let scenarioKeys = [
        "name", "description", "tags", "seed", "variables", "defaults", "definitions", "steps", "state",
    ]
    /// The keys of a step.
    static let stepKeys = ["name", "use", "request", "expect", "capture", "poll"]
    /// The keys of a request.
    static let requestKeys = ["method", "path", "query", "headers", "json", "body", "content_type", "multipart"]

    /// Reads and validates the scenario file at `path`.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(file: path, position: nil, message: "cannot be read")
        }
        return try parse(Array(data), file: path)
    }

    /// Validates scenario text; `file` names it in errors and anchors relative fixture paths.
    public static func parse(_ bytes: [UInt8], file: String) throws(ScenarioError) -> Scenario {
        let root: YAMLNode
        do {
            root = try YAMLParser.parse(bytes)
        } catch {
            throw ScenarioError(file: file, position: error.position, message: error.message)
        }
        return try Reader(file: file).scenario(root)
    }
}

/// Walks one file's tree; every failure names the node it is about.
private struct Reader {
    let file: String

    var folder: String { URL(fileURLWithPath: file).deletingLastPathComponent().path }

    func fail(_ node: YAMLNode?, _ message: String) -> ScenarioError {
        ScenarioError(file: file, position: node?.position, message: message)
    }

    func mapping(_ node: YAMLNode, _ what: String, keys allowed: [String]) throws(ScenarioError) -> YAMLNode {
        guard case .mapping(let pairs) = node.content else {
            throw fail(node, "\(what) must be a mapping, found \(node.typeName)")
        }
        for pair in pairs {
            let key = pair.key.json.string ?? ""
            guard allowed.contains(key) else {
                var message = "unknown key '\(key)' in \(what)"
                if let guess = SpellingSuggester.suggestion(for: key, among: allowed) {
                    message += "; did you mean '\(guess)'?"
                } else {
                    message += "; expected one of: \(allowed.joined(separator: ", "))"
                }
                throw fail(pair.key, message)
            }
        }
        return node
    }

    func pairs(_ node: YAMLNode) -> [YAMLPair] {
        if case .mapping(let pairs) = node.content { return pairs }
        return []
    }

    func string(_ node: YAMLNode?, _ what: String, in parent: YAMLNode) throws(ScenarioError) -> String {
        guard let node else { throw fail(parent, "\(what) is required") }
        switch node.json {
        case .string(let text): return text
        case .number(let number): return number.text
        case .bool(let flag): return flag ? "true" : "false"
        default: throw fail(node, "\(what) must be a text, found \(node.typeName)")
        }
    }

    func stringPairs(_ node: YAMLNode?, _ what: String) throws(ScenarioError) -> [(name: String, value: String)] {
        guard let node, !node.isNull else { return [] }
        guard case .mapping(let entries) = node.content else {
            throw fail(node, "\(what) must be a mapping of names to values, found \(node.typeName)")
        }
        var result: [(name: String, value: String)] = []
        for entry in entries {
            let name = entry.key.json.string ?? ""
            if entry.value.isNull {
                result.append((name, ""))
            } else {
                result.append((name, try string(entry.value, "\(what) '\(name)'", in: entry.key)))
            }
        }
        return result
    }

    func path(_ node: YAMLNode, _ text: String) throws(ScenarioError) -> JSONPath {
        do {
            return try JSONPath(parsing: text)
        } catch {
            throw fail(node, "'\(text)' is not a JSON path: \(error.message) (write paths like $.content.status)")
        }
    }

    func matcher(_ node: YAMLNode, _ what: String) throws(ScenarioError) -> Matcher {
        // A lone key one typo away from a matcher keyword is almost surely a mistyped matcher, not a literal
        // object to compare with ({ge: 1} meant {gte: 1}); say so instead of comparing literally.
        if case .object(let object) = node.json, object.count == 1, let key = object.keys.first,
            !Matcher.keywords.contains(key),
            let guess = SpellingSuggester.suggestion(for: key, among: Matcher.keywords)
        {
            throw fail(
                node,
                "\(what): unknown matcher '\(key)'; did you mean '\(guess)'? (to compare with an object literally, write {equals: {...}})"
            )
        }
        do {
            return try Matcher.parse(node.json)
        } catch {
            throw fail(node, "\(what): \(error.message)")
        }
    }

    /// The node's value when it holds `{{variables}}` (so it is rendered when the step runs), else nil.
    func template(_ node: YAMLNode) -> JSONValue? {
        // `Optional.none`, not `nil`: JSONValue takes nil literals too, and would make this `.null`.
        Template.names(in: node.json).isEmpty ? Optional.none : node.json
    }

    func checks(_ node: YAMLNode?, _ what: String) throws(ScenarioError) -> [(path: JSONPath, matcher: Matcher)] {
        guard let node, !node.isNull else { return [] }
        guard case .mapping(let entries) = node.content else {
            throw fail(node, "\(what) must map JSON paths to expectations, e.g. {\"$.content.status\": completed}")
        }
        var result: [(path: JSONPath, matcher: Matcher)] = []
        for entry in entries {
            let text = entry.key.json.string ?? ""
            result.append((try path(entry.key, text), try matcher(entry.value, "\(what) '\(text)'")))
        }
        return result
    }

    func seconds(_ node: YAMLNode?, _ what: String, default value: Double) throws(ScenarioError) -> Double {
        guard let node, !node.isNull else { return value }
        var seconds: Double?
        if let number = node.json.number {
            seconds = number.double
        } else if let text = node.json.string {
            if text.hasSuffix("ms"), let amount = Double(text.dropLast(2)) {
                seconds = amount / 1000
            } else if text.hasSuffix("s"), let amount = Double(text.dropLast()) {
                seconds = amount
            }
        }
        // A day at most: beyond that a duration is a typo, and huge values would not fit a sleep.
        guard let seconds, seconds.isFinite, seconds >= 0, seconds <= 86_400 else {
            throw fail(node, "\(what) must be a duration up to a day: seconds (2.5) or text like 250ms or 10s")
        }
        return seconds
    }

    // MARK: - Scenario

    func scenario(_ root: YAMLNode) throws(ScenarioError) -> Scenario {
        if root.isNull { throw fail(root, "the file is empty; a scenario needs at least 'name' and 'steps'") }
        _ = try mapping(root, "a scenario", keys: ScenarioParser.scenarioKeys)
        let name = try string(root["name"], "'name'", in: root)
        let description =
            try root["description"].map { node throws(ScenarioError) in
                try string(node, "'description'", in: root)
            } ?? ""
        var tags: [String] = []
        if let node = root["tags"] {
            guard case .sequence(let items) = node.content else { throw fail(node, "'tags' must be a list of words") }
            for item in items { tags.append(try string(item, "a tag", in: node)) }
        }
        var variables: [String: JSONValue] = [:]
        if let node = root["variables"], !node.isNull {
            guard case .mapping = node.content else {
                throw fail(node, "'variables' must be a mapping of names to values")
            }
            for pair in pairs(node) { variables[pair.key.json.string ?? ""] = pair.value.json }
        }
        var defaultHeaders: [(name: String, value: String)] = []
        if let node = root["defaults"], !node.isNull {
            _ = try mapping(node, "'defaults'", keys: ["headers"])
            defaultHeaders = try stringPairs(node["headers"], "default headers")
        }
        let seed = try self.seed(root["seed"])

        var definitions: [String: YAMLNode] = [:]
        if let node = root["definitions"], !node.isNull {
            guard case .mapping = node.content else {
                throw fail(node, "'definitions' must map names to reusable steps")
            }
            for pair in pairs(node) { definitions[pair.key.json.string ?? ""] = pair.value }
        }
        guard let stepsNode = root["steps"] else { throw fail(root, "'steps' is required: a list of steps") }
        guard case .sequence(let stepNodes) = stepsNode.content, !stepNodes.isEmpty else {
            throw fail(stepsNode, "'steps' must be a non-empty list of steps")
        }
        var steps: [Step] = []
        var names = Set<String>()
        for (index, node) in stepNodes.enumerated() {
            let step = try self.step(node, index: index, definitions: definitions)
            guard names.insert(step.name).inserted else {
                throw fail(node, "a step named '\(step.name)' already exists; step names must be unique (add 'name:')")
            }
            steps.append(step)
        }
        return Scenario(
            name: name, description: description, file: file, seed: seed, variables: variables,
            defaultHeaders: defaultHeaders, steps: steps, state: try state(root["state"]), tags: tags)
    }

    /// A seed: a path to a seed file (its first tenant) or an inline tenant object.
    func seed(_ node: YAMLNode?) throws(ScenarioError) -> JSONValue? {
        guard let node, !node.isNull else { return nil }
        if case .mapping = node.content { return node.json }
        let relative = try string(node, "'seed'", in: node)
        let resolved = relative.hasPrefix("/") ? relative : "\(folder)/\(relative)"
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw fail(node, "the seed file '\(resolved)' cannot be read")
        }
        guard let document = try? JSONParser.parse(Array(data)), let tenants = document["tenants"]?.object,
            let first = tenants.first(where: { _ in true })
        else {
            throw fail(node, "the seed file '\(resolved)' must be a seed: {\"tenants\": {\"name\": {...}}}")
        }
        return first.value
    }

    func step(_ node: YAMLNode, index: Int, definitions: [String: YAMLNode]) throws(ScenarioError) -> Step {
        _ = try mapping(node, "step \(index + 1)", keys: ScenarioParser.stepKeys)
        var body = node
        var name = try node["name"].map { value throws(ScenarioError) in try string(value, "'name'", in: node) }
        if let use = node["use"] {
            let reference = try string(use, "'use'", in: node)
            guard let definition = definitions[reference] else {
                var message = "no definition named '\(reference)'"
                if let guess = SpellingSuggester.suggestion(for: reference, among: Array(definitions.keys)) {
                    message += "; did you mean '\(guess)'?"
                }
                throw fail(use, message)
            }
            guard node.mappingKeys.allSatisfy({ $0 == "use" || $0 == "name" }) else {
                throw fail(node, "a step with 'use' takes only 'name' besides; change the definition instead")
            }
            _ = try mapping(definition, "definition '\(reference)'", keys: ScenarioParser.stepKeys)
            body = definition
            if name == nil {
                name =
                    try definition["name"].map { value throws(ScenarioError) in
                        try string(value, "'name'", in: definition)
                    } ?? reference
            }
        }
        guard let requestNode = body["request"] else {
            throw fail(body, "step \(index + 1) has no 'request'")
        }
        let request = try self.request(requestNode)
        let stepName = name ?? "\(request.method) \(request.path)"

        var expect = ResponseExpectation.none
        if let node = body["expect"], !node.isNull {
            _ = try mapping(node, "'expect'", keys: ["status", "headers", "body"])
            expect.status = try node["status"].map { value throws(ScenarioError) in try matcher(value, "status") }
            if let status = node["status"], let spec = template(status) { expect.templates["status"] = spec }
            if let headers = node["headers"], !headers.isNull {
                guard case .mapping = headers.content else {
                    throw fail(headers, "'headers' must map names to expectations")
                }
                for pair in pairs(headers) {
                    let header = pair.key.json.string ?? ""
                    if let spec = template(pair.value) { expect.templates["header \(expect.headers.count)"] = spec }
                    expect.headers.append((header, try matcher(pair.value, "header '\(header)'")))
                }
            }
            expect.body = try checks(node["body"], "'body'")
            if let bodyNode = node["body"] {
                for (index, pair) in pairs(bodyNode).enumerated() {
                    if let spec = template(pair.value) { expect.templates["body \(index)"] = spec }
                }
            }
        }
        var captures: [(name: String, path: JSONPath)] = []
        if let node = body["capture"], !node.isNull {
            guard case .mapping = node.content else {
                throw fail(node, "'capture' must map variable names to JSON paths, e.g. {token: $.token}")
            }
            for pair in pairs(node) {
                let text = try string(pair.value, "capture '\(pair.key.json.string ?? "")'", in: pair.key)
                captures.append((pair.key.json.string ?? "", try path(pair.value, text)))
            }
        }
        var poll: PollSpec?
        if let node = body["poll"], !node.isNull {
            _ = try mapping(node, "'poll'", keys: ["until", "interval", "timeout"])
            let until = try checks(node["until"], "'until'")
            guard !until.isEmpty else { throw fail(node, "'poll' needs 'until': the condition that ends the polling") }
            poll = PollSpec(
                until: until, interval: try seconds(node["interval"], "'interval'", default: 0.2),
                timeout: try seconds(node["timeout"], "'timeout'", default: 30))
            if let untilNode = node["until"] {
                for (index, pair) in pairs(untilNode).enumerated() {
                    if let spec = template(pair.value) { poll?.templates[index] = spec }
                }
            }
        }
        return Step(
            name: stepName, position: node.position, request: request, expect: expect, captures: captures, poll: poll)
    }

    func request(_ node: YAMLNode) throws(ScenarioError) -> RequestSpec {
        _ = try mapping(node, "'request'", keys: ScenarioParser.requestKeys)
        let method = try string(node["method"] ?? YAMLNode.fallback("GET", at: node.position), "'method'", in: node)
            .uppercased()
        guard ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"].contains(method) else {
            throw fail(node["method"], "'\(method)' is not an HTTP method this runner sends")
        }
        let path = try string(node["path"], "'path'", in: node)
        guard path.hasPrefix("/") || path.hasPrefix("{{") else {
            throw fail(node["path"], "'path' must start with '/', e.g. /{{tenant}}/api/v1/tokens/create")
        }
        let bodies = ["json", "body", "multipart"].filter { node[$0] != nil }
        guard bodies.count <= 1 else {
            throw fail(node, "a request has one body: give only one of \(bodies.joined(separator: ", "))")
        }
        var body = RequestBody.none
        if let json = node["json"] {
            body = .json(json.json)
        } else if let raw = node["body"] {
            let contentType = try node["content_type"].map { value throws(ScenarioError) in
                try string(value, "'content_type'", in: node)
            }
            body = .raw(try string(raw, "'body'", in: node), contentType: contentType)
        } else if let multipart = node["multipart"] {
            _ = try mapping(multipart, "'multipart'", keys: ["fields", "files"])
            var files: [FormFileSpec] = []
            if let filesNode = multipart["files"], !filesNode.isNull {
                guard case .mapping = filesNode.content else {
                    throw fail(filesNode, "'files' must map field names to files")
                }
                for pair in pairs(filesNode) {
                    files.append(try file(pair.value, field: pair.key.json.string ?? "file"))
                }
            }
            body = .multipart(fields: try stringPairs(multipart["fields"], "form field"), files: files)
        }
        return RequestSpec(
            method: method, path: path, query: try stringPairs(node["query"], "query parameter"),
            headers: try stringPairs(node["headers"], "header"), body: body)
    }

    func file(_ node: YAMLNode, field: String) throws(ScenarioError) -> FormFileSpec {
        _ = try mapping(node, "file '\(field)'", keys: ["fixture", "content", "filename"])
        if let fixture = node["fixture"] {
            let relative = try string(fixture, "'fixture'", in: node)
            let resolved = relative.hasPrefix("/") ? relative : "\(folder)/\(relative)"
            guard FileManager.default.isReadableFile(atPath: resolved) else {
                throw fail(fixture, "the fixture '\(resolved)' cannot be read")
            }
            let filename =
                try node["filename"].map { value throws(ScenarioError) in
                    try string(value, "'filename'", in: node)
                } ?? URL(fileURLWithPath: resolved).lastPathComponent
            return FormFileSpec(field: field, filename: filename, source: .fixture(path: resolved))
        }
        guard let content = node["content"] else {
            throw fail(node, "file '\(field)' needs 'fixture' (a path) or 'content' (inline text)")
        }
        let filename =
            try node["filename"].map { value throws(ScenarioError) in
                try string(value, "'filename'", in: node)
            } ?? "\(field).csv"
        return FormFileSpec(
            field: field, filename: filename, source: .inline(try string(content, "'content'", in: node)))
    }

    func state(_ node: YAMLNode?) throws(ScenarioError) -> StateExpectation? {
        guard let node, !node.isNull else { return nil }
        _ = try mapping(node, "'state'", keys: ["count", "contains", "absent", "exactly"])
        func rows(_ key: String) throws(ScenarioError) -> [JSONValue]? {
            guard let list = node[key], !list.isNull else { return nil }
            guard case .sequence(let items) = list.content else {
                throw fail(list, "'\(key)' must be a list of rows like {item: \"124\", bin: SS-02, quantity: 10}")
            }
            for item in items {
                guard case .mapping = item.content else { throw fail(item, "a row must be a mapping of fields") }
                let known = ["item", "bin", "location_area", "location", "lot", "date_filled", "quantity", "uom"]
                for key in item.mappingKeys where !known.contains(key) {
                    throw fail(item, "unknown row field '\(key)'; rows have: \(known.joined(separator: ", "))")
                }
            }
            return items.map(\.json)
        }
        return StateExpectation(
            count: try node["count"].map { value throws(ScenarioError) in try matcher(value, "'count'") },
            contains: try rows("contains") ?? [], absent: try rows("absent") ?? [], exactly: try rows("exactly"),
            position: node.position)
    }
}

extension YAMLNode {
    /// A scalar node standing in for a key the file left out.
    static func fallback(_ text: String, at position: SourcePosition) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: text, isPlain: true)), at: position)
    }
}
