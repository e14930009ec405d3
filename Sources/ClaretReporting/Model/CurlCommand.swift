import Foundation

/// A copy-pasteable `curl` command (POSIX shell) that sends a recorded request again.
///
/// Secrets recorded as `{{name}}` become shell variables (`{{token}}` → `"$TOKEN"`), and so does a raw
/// Sanctum token that slipped through, so the command can be shared; set the variables before running it.
/// It uses `-i` to show the status and headers, and never `-L`: a redirect is part of what is compared.
/// JSON bodies are single-quoted compact JSON; a multipart upload is rebuilt with `--form-string` fields and
/// its one file read from standard input, fed by `printf`; any other body that a terminal could mangle
/// (line breaks with CR, control characters, bytes that are not UTF-8) is piped in verbatim the same way.
public enum CurlCommand {
    /// The command for `request`.
    public static func make(for request: RecordedRequest) -> String {
        make(method: request.method, url: request.url, headers: request.headers, body: request.body)
    }

    /// The command that sends `method` to `url` with `headers` and `body`.
    public static func make(method: String, url: String, headers: [RecordedHeader], body: RecordedBody?) -> String {
        var lines: [String] = []
        var feed: String?
        var bodyArguments: [String] = []
        var dropContentType = false
        switch body {
        case nil:
            break
        case .json(let value)?:
            bodyArguments = ["--data-raw " + word(value.serialized())]
        case .text(let text)?:
            if let form = Multipart(text: text, contentType: headers.value(named: "Content-Type")) {
                dropContentType = true
                bodyArguments = form.fields.map { "--form-string " + word("\($0.name)=\($0.value)") }
                if let file = form.file {
                    feed = "printf " + printfFormat(file.content)
                    var spec = "\(file.name)=@-;filename=\(file.filename)"
                    if let type = file.contentType { spec += ";type=\(type)" }
                    bodyArguments.append("-F " + word(spec))
                }
            } else if needsVerbatimFeed(text) {
                feed = "printf " + printfFormat(text)
                bodyArguments = ["--data-binary @-"]
            } else {
                bodyArguments = ["--data-raw " + word(text)]
            }
        case .base64(let encoded)?:
            feed = "printf '%s' " + word(encoded) + " | base64 -d"
            bodyArguments = ["--data-binary @-"]
        }
        var first = "curl -i"
        switch method.uppercased() {
        case "GET" where body == nil: break
        case "HEAD": first += " --head"
        default: first += " -X " + word(method.uppercased())
        }
        first += " " + word(url)
        lines.append(first)
        for header in headers where !skipped(header.name, dropContentType: dropContentType) {
            lines.append("-H " + word("\(header.name): \(header.value)"))
        }
        lines += bodyArguments
        let command = lines.joined(separator: " \\\n  ")
        return feed.map { "\($0) | \(command)" } ?? command
    }

    /// The shell variable for the placeholder `name`: upper case, other characters as `_`.
    public static func variableName(_ name: String) -> String {
        let mapped = name.uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }
        let text = String(mapped)
        return text.first?.isNumber == true ? "_" + text : text
    }

    /// Headers curl computes itself, or that a rebuilt multipart body replaces.
    private static func skipped(_ name: String, dropContentType: Bool) -> Bool {
        let lower = name.lowercased()
        return lower == "content-length" || lower == "host" || (dropContentType && lower == "content-type")
    }

    // MARK: - Shell words

    /// A piece of a word: literal text, or a secret that becomes a variable.
    enum Piece: Equatable {
        case literal(String)
        case variable(String)
    }

    private static let placeholder =
        (try? NSRegularExpression(
            pattern: #"\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}|\b\d+\|[A-Za-z0-9]{40}\b"#))!

    /// `text` split into literal text and variables: `{{name}}` placeholders and raw Sanctum tokens.
    static func pieces(_ text: String) -> [Piece] {
        let whole = NSRange(text.startIndex..., in: text)
        var pieces: [Piece] = []
        var cursor = text.startIndex
        for match in placeholder.matches(in: text, range: whole) {
            guard let range = Range(match.range, in: text) else { continue }
            if cursor < range.lowerBound { pieces.append(.literal(String(text[cursor..<range.lowerBound]))) }
            if let nameRange = Range(match.range(at: 1), in: text) {
                pieces.append(.variable(variableName(String(text[nameRange]))))
            } else {
                pieces.append(.variable("TOKEN"))
            }
            cursor = range.upperBound
        }
        if cursor < text.endIndex { pieces.append(.literal(String(text[cursor...]))) }
        return pieces
    }

    /// `text` as one shell word: bare when safe, single-quoted when literal, double-quoted around variables
    /// (`"Bearer $TOKEN"`), or single-quoted pieces joined to `"$VARIABLES"` when the text needs it.
    static func word(_ text: String) -> String {
        let pieces = pieces(text)
        let literals = pieces.compactMap { piece -> String? in
            if case .literal(let literal) = piece { return literal }
            return nil
        }
        if literals.count == pieces.count {
            return text.allSatisfy(isBare) && !text.isEmpty ? text : singleQuoted(text)
        }
        let doubleQuotable = literals.allSatisfy { $0.allSatisfy { !"\"\\$`!\n\r".contains($0) } }
        var output = doubleQuotable ? "\"" : ""
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .literal(let literal):
                output += doubleQuotable ? literal : singleQuoted(literal)
            case .variable(let name):
                var next: Character?
                if index + 1 < pieces.count, case .literal(let following) = pieces[index + 1] {
                    next = following.first
                }
                let braced = next.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false
                let reference = braced ? "${\(name)}" : "$\(name)"
                output += doubleQuotable ? reference : "\"\(reference)\""
            }
        }
        return doubleQuotable ? output + "\"" : output
    }

    private static func isBare(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "_-./:=@%+,".contains(character))
    }

    private static func singleQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// Whether `text` holds characters a pasted, single-quoted word would not carry intact.
    private static func needsVerbatimFeed(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || $0 == "\u{FEFF}" }
    }

    /// `text` as a single-quoted `printf` format that writes it back byte for byte: `\` and `%` doubled,
    /// CR and control characters (and a byte order mark) as escapes, line feeds kept as real line breaks.
    static func printfFormat(_ text: String) -> String {
        var format = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": format += #"\\"#
            case "%": format += "%%"
            case "'": format += #"'\''"#
            case "\r": format += #"\r"#
            case "\t": format += #"\t"#
            case "\n": format.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{FEFF}":
                for byte in String(scalar).utf8 { format += "\\" + String(byte, radix: 8) }
            default: format.unicodeScalars.append(scalar)
            }
        }
        return "'" + format + "'"
    }
}

/// A `multipart/form-data` body simple enough to rebuild with curl's form options: text fields and at
/// most one file, with names and file names that need no escaping.
struct Multipart {
    /// A text field.
    struct Field {
        var name: String
        var value: String
    }

    /// The uploaded file.
    struct File {
        var name: String
        var filename: String
        var contentType: String?
        var content: String
    }

    var fields: [Field] = []
    var file: File?

    /// Parses `text` as multipart with the boundary from `contentType`; nil when it is not multipart or not simple.
    init?(text: String, contentType: String?) {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = Multipart.parameter("boundary", in: contentType)
        else { return nil }
        let delimiter = "--" + boundary
        var chunks = text.components(separatedBy: delimiter)
        guard chunks.count >= 3, chunks.removeFirst().isEmpty, chunks.removeLast().hasPrefix("--") else {
            return nil
        }
        for chunk in chunks {
            // By scalars: Swift counts a CR LF pair as one Character.
            let scalars = chunk.unicodeScalars
            guard scalars.starts(with: "\r\n".unicodeScalars), scalars.reversed().starts(with: "\n\r".unicodeScalars)
            else { return nil }
            let inner = String(String.UnicodeScalarView(scalars.dropFirst(2).dropLast(2)))
            guard let split = inner.range(of: "\r\n\r\n") else { return nil }
            let head = inner[..<split.lowerBound]
            let content = String(inner[split.upperBound...])
            var disposition: String?
            var type: String?
            for line in head.components(separatedBy: "\r\n") {
                let parts = line.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { return nil }
                let value = parts[1].trimmingCharacters(in: .whitespaces)
                switch parts[0].lowercased() {
                case "content-disposition": disposition = value
                case "content-type": type = value
                default: return nil
                }
            }
            guard let disposition, disposition.lowercased().hasPrefix("form-data"),
                let name = Multipart.parameter("name", in: disposition), Multipart.isPlain(name)
            else { return nil }
            if let filename = Multipart.parameter("filename", in: disposition) {
                guard file == nil, Multipart.isPlain(filename) else { return nil }
                file = File(name: name, filename: filename, contentType: type, content: content)
            } else {
                guard type == nil, !content.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" })
                else { return nil }
                fields.append(Field(name: name, value: content))
            }
        }
    }

    /// The value of `name=value` or `name="value"` among the `;`-separated parameters of a header value.
    static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            var value = pair[1]
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }

    /// Whether `text` can stand in a curl form spec unquoted: no `;`, `=`, `"`, `,` or control characters.
    private static func isPlain(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.value >= 0x20 && !";=\",\\".unicodeScalars.contains($0) }
    }
}
