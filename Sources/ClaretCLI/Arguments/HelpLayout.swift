/// Text layout shared by help texts and error reports: word wrapping, two-column rows and usage lines.
///
/// Everything is measured in characters and laid out for a fixed width, so output is deterministic and
/// independent of the terminal.
enum HelpLayout {
    /// The column no line goes past, unless a single word is longer.
    static let width = 100
    /// The indentation of rows under a section heading.
    static let rowIndent = 2
    /// Row labels wider than this put their description on the next line instead of widening the column.
    static let maximumLabelWidth = 28
    /// The space between a label and its description.
    static let columnGap = 2
    /// Usage continuation lines never indent further than this, to leave room for the arguments.
    static let maximumUsageIndent = 40

    /// Wraps one line of prose at spaces; the first line starts with `prefix`, later ones are indented by
    /// `hangingIndent`. A word longer than the line gets a line of its own rather than being split.
    static func wrap(_ text: String, prefix: String = "", hangingIndent: Int, width: Int = width) -> [String] {
        let continuation = String(repeating: " ", count: hangingIndent)
        var lines: [String] = []
        var line = prefix
        var lineHasWord = false
        for word in text.split(separator: " ") {
            if !lineHasWord {
                line += word
                lineHasWord = true
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = continuation + word
            }
        }
        lines.append(line)
        return lines.map(trimmingTrailingSpaces)
    }

    /// Wraps free prose line by line: the author's line breaks and blank lines are kept, a line's leading
    /// spaces become its hanging indent, and a `- ` or `* ` bullet hangs under its text.
    static func wrapProse(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent)
            let isBullet = content.hasPrefix("- ") || content.hasPrefix("* ")
            return wrap(
                String(content), prefix: String(repeating: " ", count: indent),
                hangingIndent: indent + (isBullet ? 2 : 0))
        }
    }

    /// The column where descriptions start for rows with these labels.
    static func descriptionColumn(forLabels labels: [String]) -> Int {
        let widest = labels.map(\.count).filter { $0 <= maximumLabelWidth }.max() ?? maximumLabelWidth
        return rowIndent + widest + columnGap
    }

    /// Lays out `label  description` rows with descriptions aligned at `column` and wrapped under it.
    static func rows(_ rows: [(label: String, description: String)], column: Int) -> [String] {
        rows.flatMap { row -> [String] in
            let label = String(repeating: " ", count: rowIndent) + row.label
            if row.description.isEmpty { return [label] }
            if label.count + columnGap <= column {
                let padded = label + String(repeating: " ", count: column - label.count)
                return wrap(row.description, prefix: padded, hangingIndent: column)
            }
            let indent = String(repeating: " ", count: column)
            return [label] + wrap(row.description, prefix: indent, hangingIndent: column)
        }
    }

    /// A usage line such as `USAGE: tool cmd [--a <A>] <B>`, wrapped so that no bracketed group is split and
    /// continuation lines start under the first argument.
    static func usageLines(heading: String, path: String, arguments: String) -> [String] {
        let tokens = usageTokens(arguments)
        let first = heading + path
        guard !tokens.isEmpty else { return [first] }
        let indent = min(first.count + 1, maximumUsageIndent)
        let continuation = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = first
        for token in tokens {
            if line.count + 1 + token.count <= width {
                line += (line.hasSuffix(" ") ? "" : " ") + token
            } else {
                lines.append(line)
                line = continuation + token
            }
        }
        lines.append(line)
        return lines
    }

    /// Splits the arguments part of a usage line at spaces outside `[...]` and `<...>`, keeping a trailing
    /// `...` with the argument it repeats.
    static func usageTokens(_ arguments: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var depth = 0
        for character in arguments {
            switch character {
            case "[", "<":
                depth += 1
                current.append(character)
            case "]", ">":
                depth -= 1
                current.append(character)
            case " " where depth <= 0:
                if !current.isEmpty {
                    tokens.append(current)
                    current = ""
                }
            default:
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens.reduce(into: []) { merged, token in
            if token == "...", let last = merged.popLast() {
                merged.append(last + " ...")
            } else {
                merged.append(token)
            }
        }
    }

    private static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
