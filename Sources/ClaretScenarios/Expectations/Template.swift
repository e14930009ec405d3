import ExactJSON

/// Puts variables into scenario values: `{{name}}` is replaced by the variable's value.
///
/// A string that is exactly one placeholder (`"{{job_id}}"`, spaces inside the braces allowed) becomes
/// the variable's JSON value as is, so a captured number stays a number and an object stays an object.
/// Inside a longer string the value is inserted as text: a string as it is, anything else as compact
/// JSON (numbers keep their exact text). Object keys are rendered as text too.
///
/// Names are letters, digits, `_`, `-` and `.`; dots carry no meaning (`env.HOME` is one name).
/// `\{{` writes a literal `{{`; a backslash elsewhere is literal, except that `\\{{` writes one backslash
/// followed by a placeholder. `{{{{` is not an escape.
public enum Template {
    /// `value` with every placeholder in its strings and object keys replaced.
    public static func render(_ value: JSONValue, with variables: Variables) throws(TemplateError) -> JSONValue {
        try render(value, with: variables, at: .root)
    }

    /// `text` with every placeholder replaced by its variable's value as text.
    public static func render(_ text: String, with variables: Variables) throws(TemplateError) -> String {
        var rendered = ""
        for piece in try pieces(of: text, strict: true) {
            switch piece {
            case .literal(let literal):
                rendered += literal
            case .placeholder(let name):
                rendered += inserted(try lookUp(name, in: variables))
            }
        }
        return rendered
    }

    /// The variable names that `value`'s strings and object keys refer to; malformed placeholders are skipped.
    public static func names(in value: JSONValue) -> Set<String> {
        switch value {
        case .string(let text):
            return names(in: text)
        case .array(let elements):
            return elements.reduce(into: []) { $0.formUnion(names(in: $1)) }
        case .object(let object):
            return object.reduce(into: []) { found, member in
                found.formUnion(names(in: member.key))
                found.formUnion(names(in: member.value))
            }
        case .null, .bool, .number:
            return []
        }
    }

    /// The variable names that `text` refers to; malformed placeholders are skipped.
    public static func names(in text: String) -> Set<String> {
        // Lenient reading never throws; the fallback only satisfies the type checker.
        let pieces = (try? pieces(of: text, strict: false)) ?? []
        return Set(
            pieces.compactMap { piece in
                if case .placeholder(let name) = piece { return name }
                return nil
            })
    }

    /// `value` rendered, where `path` locates it for error messages.
    private static func render(_ value: JSONValue, with variables: Variables, at path: JSONPath)
        throws(TemplateError) -> JSONValue
    {
        switch value {
        case .string(let text):
            do throws(TemplateError) {
                let parts = try pieces(of: text, strict: true)
                if parts.count == 1, case .placeholder(let name) = parts[0] {
                    return try lookUp(name, in: variables)
                }
                return .string(try render(text, with: variables))
            } catch {
                throw error.located(at: path)
            }
        case .array(let elements):
            var rendered: [JSONValue] = []
            for (index, element) in elements.enumerated() {
                rendered.append(try render(element, with: variables, at: path.appending(index: index)))
            }
            return .array(rendered)
        case .object(let object):
            var rendered = JSONObject()
            for (key, member) in object {
                let memberPath = path.appending(key: key)
                let renderedKey: String
                do throws(TemplateError) {
                    renderedKey = try render(key, with: variables)
                } catch {
                    throw error.located(at: memberPath)
                }
                rendered.append(renderedKey, try render(member, with: variables, at: memberPath))
            }
            return .object(rendered)
        case .null, .bool, .number:
            return value
        }
    }

    /// The value of `name`, or an error listing the names that exist.
    private static func lookUp(_ name: String, in variables: Variables) throws(TemplateError) -> JSONValue {
        if let value = variables[name] { return value }
        let known = variables.names
        var message = "unknown variable '\(name)'"
        if let suggestion = SpellingSuggester.suggestion(for: name, among: known) {
            message += "; did you mean '\(suggestion)'?"
        }
        if known.isEmpty {
            message += "; no variables are defined"
        } else {
            let shown = known.prefix(listedNames).joined(separator: ", ")
            let more = known.count > listedNames ? " and \(known.count - listedNames) more" : ""
            message += message.hasSuffix("?") ? " Known variables: " : "; known variables: "
            message += shown + more
        }
        throw TemplateError(kind: .unknownVariable, message: message, name: name, knownNames: known)
    }

    /// How many known names an unknown-variable message lists before summarising the rest.
    private static let listedNames = 20

    /// A variable's value as it appears inside a longer string.
    private static func inserted(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return value.serialized()
    }

    /// A stretch of template text.
    private enum Piece: Equatable {
        /// Text copied as is, escapes already resolved.
        case literal(String)
        /// A `{{name}}` placeholder.
        case placeholder(String)
    }

    /// Splits `text` into literal text and placeholders. Strict reading refuses an unclosed `{{` or a
    /// placeholder that is not a name; lenient reading keeps them as literal text.
    private static func pieces(of text: String, strict: Bool) throws(TemplateError) -> [Piece] {
        let characters = Array(text)
        var pieces: [Piece] = []
        var literal = ""
        var position = 0
        /// Whether `{{` starts at `index`.
        func opensPlaceholder(at index: Int) -> Bool {
            index + 1 < characters.count && characters[index] == "{" && characters[index + 1] == "{"
        }
        while position < characters.count {
            let character = characters[position]
            if character == "\\" {
                var end = position
                while end < characters.count, characters[end] == "\\" { end += 1 }
                let backslashes = end - position
                guard opensPlaceholder(at: end) else {
                    literal += String(repeating: "\\", count: backslashes)
                    position = end
                    continue
                }
                // Before `{{`, backslashes pair up; an odd one out makes the braces literal.
                literal += String(repeating: "\\", count: backslashes / 2)
                position = end
                if backslashes % 2 == 1 {
                    literal += "{{"
                    position += 2
                }
                continue
            }
            guard opensPlaceholder(at: position) else {
                literal.append(character)
                position += 1
                continue
            }
            guard let close = closingBraces(in: characters, from: position + 2) else {
                guard strict else {
                    literal.append(contentsOf: characters[position...])
                    break
                }
                let rest = String(characters[position...])
                throw TemplateError(
                    kind: .unterminatedPlaceholder,
                    message: "'\(rest)' opens a placeholder with '{{' but never closes it with '}}'; "
                        + "write \\{{ for a literal '{{'",
                    name: String(characters[(position + 2)...]))
            }
            let inner = String(characters[(position + 2)..<close])
            let name = inner.trimmingWhitespace()
            guard isName(name) else {
                guard strict else {
                    literal.append(contentsOf: characters[position..<(close + 2)])
                    position = close + 2
                    continue
                }
                throw TemplateError(
                    kind: .invalidName,
                    message: "'{{\(inner)}}' is not a placeholder: a name is letters, digits, '_', '-' and '.'; "
                        + "write \\{{ for a literal '{{'",
                    name: inner)
            }
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
            pieces.append(.placeholder(name))
            position = close + 2
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }

    /// The index of the first `}}` at or after `start`, or nil.
    private static func closingBraces(in characters: [Character], from start: Int) -> Int? {
        var index = start
        while index + 1 < characters.count {
            if characters[index] == "}" && characters[index + 1] == "}" { return index }
            index += 1
        }
        return nil
    }

    /// Whether `text` is a variable name: non-empty; letters, digits, `_`, `-` and `.` only.
    private static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    fileprivate func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
