/// How single command-line words are classified.
enum CommandLineWord {
    /// Whether a word is an option rather than a value.
    ///
    /// `-` (standard input by convention) and negative numbers such as `-5` are values.
    static func isOption(_ word: String) -> Bool {
        guard word.hasPrefix("-"), let second = word.dropFirst().first else { return false }
        return !second.isNumber
    }

    /// Whether `text` can name a tool, command or argument: one word, not starting with `-`.
    static func isName(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && !text.contains { $0.isWhitespace }
    }
}
