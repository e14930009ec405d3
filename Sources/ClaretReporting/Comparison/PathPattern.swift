/// Which values a normalization rule or a known difference is about, written like the paths in findings.
///
/// - JSON bodies: `$.content.job_status_link`, `$.errors["payload.2.date_filled"]`, `$.data[0]`; `[*]` or
///   `.*` stands for any one member or element, `..` for any depth (`$..job_log_id`).
/// - CSV bodies: `csv[row 2].quantity`, `csv[*].quantity` (a cell), `csv.quantity` (the column itself),
///   `csv[row 3]` (a whole row).
/// - The final state: `state.rows[*].quantity`.
/// - Anything else is a locator, compared without regard to case, `*` matching any run of characters:
///   `status`, a header name such as `Content-Type`, `body`, `response`, `step`, `scenario`.
public struct PathPattern: Sendable, Hashable, CustomStringConvertible {
    /// One step of a structured pattern.
    enum Segment: Sendable, Hashable {
        case key(String)
        case index(Int)
        /// Any one member or element.
        case any
        /// Zero or more steps of any kind.
        case descendants
    }

    enum Form: Sendable, Hashable {
        case structured(ValuePath.Root, [Segment])
        case locator(String)
    }

    let form: Form
    /// The pattern as written.
    public let description: String

    /// Parses `text`; the error is a sentence saying what is wrong and where.
    public init(parsing text: String) throws(ConfigurationError) {
        description = text
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw ConfigurationError(kind: .invalid, message: "a path must not be empty")
        }
        let root: ValuePath.Root?
        if trimmed.hasPrefix("$") {
            root = .json
        } else if let rest = PathPattern.rest(of: trimmed, after: "csv") {
            root = rest.isEmpty || rest.hasPrefix(".") || rest.hasPrefix("[") ? .csv : nil
        } else if let rest = PathPattern.rest(of: trimmed, after: "state") {
            root = rest.isEmpty || rest.hasPrefix(".") || rest.hasPrefix("[") ? .state : nil
        } else {
            root = nil
        }
        guard let root else {
            form = .locator(trimmed)
            return
        }
        var parser = Parser(text: Array(trimmed.dropFirst(root.rawValue.count)), whole: text)
        form = .structured(root, try parser.segments())
    }

    private static func rest(of text: String, after prefix: String) -> Substring? {
        text.hasPrefix(prefix) ? text.dropFirst(prefix.count) : nil
    }

    /// Whether the pattern selects `path` exactly.
    func matches(_ path: ValuePath) -> Bool {
        guard case .structured(let root, let segments) = form, root == path.root else { return false }
        return PathPattern.match(segments[...], path.segments[...], prefix: false)
    }

    /// Whether the pattern selects the value at `path` (a path as findings write it) or, with
    /// `orInside`, a member, element, cell or row inside what it selects.
    func matches(_ path: String, orInside: Bool) -> Bool {
        switch form {
        case .locator(let glob):
            return PathPattern.glob(glob.lowercased(), matches: path.lowercased())
        case .structured(let root, let segments):
            guard let concrete = try? PathPattern(parsing: path),
                case .structured(let pathRoot, let pathSegments) = concrete.form, pathRoot == root
            else { return false }
            // A concrete path has no wildcards; one that does (a typed pattern) never matches.
            var steps: [ValuePath.Segment] = []
            for segment in pathSegments {
                switch segment {
                case .key(let key): steps.append(.key(key))
                case .index(let index): steps.append(.index(index))
                case .any, .descendants: return false
                }
            }
            return PathPattern.match(segments[...], steps[...], prefix: orInside)
        }
    }

    private static func match(_ pattern: ArraySlice<Segment>, _ path: ArraySlice<ValuePath.Segment>, prefix: Bool)
        -> Bool
    {
        guard let first = pattern.first else { return prefix || path.isEmpty }
        let rest = pattern.dropFirst()
        switch first {
        case .descendants:
            var remaining = path
            while true {
                if match(rest, remaining, prefix: prefix) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        case .any:
            return !path.isEmpty && match(rest, path.dropFirst(), prefix: prefix)
        case .key(let key):
            return path.first == .key(key) && match(rest, path.dropFirst(), prefix: prefix)
        case .index(let index):
            return path.first == .index(index) && match(rest, path.dropFirst(), prefix: prefix)
        }
    }

    /// Whether `glob` (where `*` matches any run of characters) matches the whole of `text`.
    static func glob(_ glob: String, matches text: String) -> Bool {
        let pattern = Array(glob)
        let characters = Array(text)
        var (patternIndex, textIndex) = (0, 0)
        var star: (pattern: Int, text: Int)?
        while textIndex < characters.count {
            if patternIndex < pattern.count, pattern[patternIndex] == "*" {
                star = (patternIndex, textIndex)
                patternIndex += 1
            } else if patternIndex < pattern.count, pattern[patternIndex] == characters[textIndex] {
                patternIndex += 1
                textIndex += 1
            } else if let backtrack = star {
                // Let the last `*` swallow one more character and try again from there.
                star = (backtrack.pattern, backtrack.text + 1)
                patternIndex = backtrack.pattern + 1
                textIndex = backtrack.text + 1
            } else {
                return false
            }
        }
        return pattern[patternIndex...].allSatisfy { $0 == "*" }
    }

    /// Reads the steps after the root.
    private struct Parser {
        let text: [Character]
        let whole: String
        var position = 0

        init(text: [Character], whole: String) {
            self.text = text
            self.whole = whole
        }

        mutating func segments() throws(ConfigurationError) -> [Segment] {
            var segments: [Segment] = []
            while position < text.count {
                if text[position] == "." {
                    position += 1
                    if position < text.count, text[position] == "." {
                        position += 1
                        segments.append(.descendants)
                        if position < text.count, text[position] == "[" { continue }
                    }
                    segments.append(try name())
                } else if text[position] == "[" {
                    segments.append(try bracket())
                } else {
                    throw problem("expected '.' or '[' at '\(String(text[position...]))'")
                }
            }
            return segments
        }

        mutating func name() throws(ConfigurationError) -> Segment {
            let start = position
            while position < text.count, text[position] != ".", text[position] != "[" { position += 1 }
            let name = String(text[start..<position])
            guard !name.isEmpty else { throw problem("expected a name after '.'") }
            return name == "*" ? .any : .key(name)
        }

        mutating func bracket() throws(ConfigurationError) -> Segment {
            position += 1
            guard let close = text[position...].firstIndex(of: "]") else { throw problem("'[' is never closed") }
            if text[position] == "\"" || text[position] == "'" {
                let quote = text[position]
                var key = ""
                position += 1
                while position < text.count, text[position] != quote {
                    if text[position] == "\\", position + 1 < text.count { position += 1 }
                    key.append(text[position])
                    position += 1
                }
                guard position + 1 < text.count, text[position + 1] == "]" else {
                    throw problem("a quoted key must be closed by \(quote)]")
                }
                position += 2
                return .key(key)
            }
            let inside = String(text[position..<close]).trimmingCharacters(in: .whitespaces)
            position = close + 1
            if inside == "*" { return .any }
            let number =
                inside.hasPrefix("row ") ? String(inside.dropFirst(4)).trimmingCharacters(in: .whitespaces) : inside
            guard let index = Int(number) else {
                throw problem("expected [n], [row n], [*] or [\"key\"], got [\(inside)]")
            }
            return .index(index)
        }

        func problem(_ sentence: String) -> ConfigurationError {
            ConfigurationError(kind: .invalid, message: "path \(whole): \(sentence)")
        }
    }
}
