/// The values of one parsed command line, read back by argument name.
///
/// Options and positionals are both read with `value(_:)` and `values(_:)`; an argument that was not given
/// reads as its default, if it has one. Asking for a name the command does not declare is a programming
/// error, caught by an assertion in debug builds.
public struct ParsedArguments: Sendable, Equatable {
    /// The command these arguments were parsed for.
    public let command: CommandSpec
    /// How the command was invoked, e.g. `claret-harness serve`; used in error messages.
    public let commandPath: String
    let givenValues: [String: [String]]
    let givenFlags: Set<String>

    /// The value of an option or positional argument: the given one, else its default, else `nil`.
    ///
    /// For a repeatable argument this is the last value given.
    public func value(_ name: String) -> String? {
        values(name).last
    }

    /// Every value given for an option or positional argument, in order; its default alone if none was given.
    public func values(_ name: String) -> [String] {
        let argument = declaredArgument(name)
        return givenValues[name] ?? argument?.defaultValue.map { [$0] } ?? []
    }

    /// Whether a flag was given.
    public func flag(_ name: String) -> Bool {
        assert(declaredArgument(name)?.kind == .flag, "'\(name)' is not a flag of '\(command.name)'")
        return givenFlags.contains(name)
    }

    /// Whether an option, flag or positional argument was given on the command line, as opposed to defaulted.
    public func isGiven(_ name: String) -> Bool {
        declaredArgument(name)
        return givenValues[name] != nil || givenFlags.contains(name)
    }

    /// The value as a whole number, optionally within `range`; `nil` when the argument is absent.
    ///
    /// - Throws: `UsageError` such as "--port must be a whole number from 0 to 65535, got 'abc'."
    public func int(_ name: String, range: ClosedRange<Int>? = nil) throws(UsageError) -> Int? {
        let expectation = range.map { "a whole number from \($0.lowerBound) to \($0.upperBound)" } ?? "a whole number"
        return try value(name, as: expectation) { text in
            guard let number = Int(text), range?.contains(number) ?? true else { return nil }
            return number
        }
    }

    /// The value converted by `convert`, which returns `nil` for text it rejects; `nil` when absent.
    ///
    /// `expectation` completes the sentence "--NAME must be …": `value("format", as: "one of json, html")
    /// { Format(rawValue: $0) }` fails with "--format must be one of json, html, got 'xml'."
    public func value<Value>(
        _ name: String, as expectation: String, _ convert: (String) -> Value?
    ) throws(UsageError) -> Value? {
        guard let text = value(name) else { return nil }
        guard let converted = convert(text) else {
            let displayName = declaredArgument(name)?.displayName ?? name
            throw UsageError(
                .invalidValue, "\(displayName) must be \(expectation), got '\(text)'.", commandPath: commandPath,
                usage: usageLine)
        }
        return converted
    }

    /// The command's usage line as invoked, for errors found after parsing.
    public var usageLine: String {
        "\(commandPath)\(command.usageArguments)"
    }

    @discardableResult
    private func declaredArgument(_ name: String) -> ArgumentSpec? {
        let argument = command.argument(named: name)
        assert(argument != nil, "'\(command.name)' declares no argument '\(name)'")
        return argument
    }
}
