import Testing

@testable import ClaretCLI

@Suite("Parsing a command's arguments")
struct CommandParsingTests {
    let serve = ArgumentFixtures.serve
    let run = ArgumentFixtures.run

    @Test("an option takes the next word as its value")
    func optionWithSeparateValue() throws {
        let parsed = try serve.parse(["--port", "0", "--host", "0.0.0.0"])
        #expect(parsed.value("port") == "0")
        #expect(parsed.value("host") == "0.0.0.0")
    }

    @Test("an option takes the text after '=' as its value")
    func optionWithAttachedValue() throws {
        let parsed = try serve.parse(["--port=0", "--host=0.0.0.0"])
        #expect(parsed.value("port") == "0")
        #expect(parsed.value("host") == "0.0.0.0")
    }

    @Test("only the first '=' separates name from value")
    func attachedValueContainingEquals() throws {
        let parsed = try serve.parse(["--var=region=eu=west"])
        #expect(parsed.values("var") == ["region=eu=west"])
    }

    @Test("'--name=' gives an empty value")
    func emptyAttachedValue() throws {
        let parsed = try serve.parse(["--host="])
        #expect(parsed.value("host") == "")
        #expect(parsed.isGiven("host"))
    }

    @Test("a value starting with '-' can be attached with '='")
    func attachedValueStartingWithDash() throws {
        let parsed = try serve.parse(["--host=-weird"])
        #expect(parsed.value("host") == "-weird")
    }

    @Test("a negative number after an option is its value")
    func negativeNumberValue() throws {
        let parsed = try serve.parse(["--port", "-1"])
        #expect(parsed.value("port") == "-1")
    }

    @Test("a short alias takes the next word as its value")
    func shortOptionWithSeparateValue() throws {
        let parsed = try serve.parse(["-p", "9000"])
        #expect(parsed.value("port") == "9000")
    }

    @Test("a short alias takes the rest of its word as its value, with or without '='")
    func shortOptionWithAttachedValue() throws {
        #expect(try serve.parse(["-p9000"]).value("port") == "9000")
        #expect(try serve.parse(["-p=9000"]).value("port") == "9000")
    }

    @Test("short flags group, and a short option may end the group")
    func groupedShortOptions() throws {
        let parsed = try serve.parse(["-vp", "9000"])
        #expect(parsed.flag("verbose"))
        #expect(parsed.value("port") == "9000")
    }

    @Test("a short flag on its own sets the flag")
    func shortFlag() throws {
        #expect(try serve.parse(["-v"]).flag("verbose"))
    }

    @Test("an absent option reads as its default and is not counted as given")
    func defaults() throws {
        let parsed = try serve.parse([])
        #expect(parsed.value("port") == "8080")
        #expect(parsed.values("host") == ["127.0.0.1"])
        #expect(!parsed.isGiven("port"))
    }

    @Test("an absent option without a default reads as nothing")
    func absentOptionWithoutDefault() throws {
        let parsed = try serve.parse([])
        #expect(parsed.value("var") == nil)
        #expect(parsed.values("var").isEmpty)
    }

    @Test("a given option replaces its default and counts as given")
    func givenOverridesDefault() throws {
        let parsed = try serve.parse(["--port", "8080"])
        #expect(parsed.value("port") == "8080")
        #expect(parsed.isGiven("port"))
    }

    @Test("a flag is false when absent and true when present")
    func flags() throws {
        #expect(try !serve.parse([]).flag("allow-writes"))
        #expect(try serve.parse(["--allow-writes"]).flag("allow-writes"))
    }

    @Test("a flag given twice is still just set")
    func repeatedFlag() throws {
        let parsed = try serve.parse(["--allow-writes", "--allow-writes"])
        #expect(parsed.flag("allow-writes"))
    }

    @Test("a repeatable option collects every value in order, mixing both spellings")
    func repeatableOption() throws {
        let parsed = try serve.parse(["--var", "a=1", "--port", "1", "--var=b=2", "--var", "c=3"])
        #expect(parsed.values("var") == ["a=1", "b=2", "c=3"])
        #expect(parsed.value("var") == "c=3")
    }

    @Test("a repeatable positional takes every bare word, wherever it appears")
    func repeatablePositional() throws {
        let parsed = try serve.parse(["a.json", "--port", "1", "b.json", "-v", "c.json"])
        #expect(parsed.values("paths") == ["a.json", "b.json", "c.json"])
        #expect(parsed.value("port") == "1")
        #expect(parsed.flag("verbose"))
    }

    @Test("an optional positional that is not given reads as nothing")
    func absentOptionalPositional() throws {
        let parsed = try serve.parse(["--port", "1"])
        #expect(parsed.values("paths").isEmpty)
        #expect(!parsed.isGiven("paths"))
    }

    @Test("positionals are handed out in declaration order")
    func positionalOrder() throws {
        let parsed = try run.parse(["smoke.yaml", "-t", "http://localhost:1", "out.json"])
        #expect(parsed.value("scenario") == "smoke.yaml")
        #expect(parsed.value("report") == "out.json")
        #expect(parsed.value("target") == "http://localhost:1")
    }

    @Test("an optional positional may be left out while the required one is given")
    func optionalPositionalLeftOut() throws {
        let parsed = try run.parse(["smoke.yaml", "--target", "http://x"])
        #expect(parsed.value("scenario") == "smoke.yaml")
        #expect(parsed.value("report") == nil)
    }

    @Test("'--' ends options: every later word is positional, even ones that look like options")
    func doubleDashEndsOptions() throws {
        let parsed = try serve.parse(["--port", "1", "--", "--port", "-v", "--help", "--"])
        #expect(parsed.value("port") == "1")
        #expect(!parsed.flag("verbose"))
        #expect(parsed.values("paths") == ["--port", "-v", "--help", "--"])
    }

    @Test("a lone '-' is a positional value, by the standard-input convention")
    func loneDashIsPositional() throws {
        #expect(try serve.parse(["-"]).values("paths") == ["-"])
    }

    @Test("a negative number in a positional slot is a value, not an option")
    func negativeNumberPositional() throws {
        #expect(try serve.parse(["-5"]).values("paths") == ["-5"])
    }

    @Test("parsed arguments remember the command and how it was invoked")
    func parsedKeepsCommand() throws {
        let parsed = try serve.parse([])
        #expect(parsed.command == serve)
        #expect(parsed.commandPath == "serve")
        #expect(parsed.usageLine == serve.usageLine())
    }

    @Test("'--help' anywhere asks for the command's help")
    func longHelp() throws {
        let request = try #require(throws: HelpRequest.self) { try serve.parse(["--port", "1", "--help"]) }
        #expect(request.text == serve.helpText())
    }

    @Test("'-h' asks for help even when the rest of the line is wrong")
    func helpWinsOverMistakes() throws {
        let request = try #require(throws: HelpRequest.self) { try serve.parse(["--prot", "x", "-h", "--port"]) }
        #expect(request.text == serve.helpText())
    }

    @Test("'h' in a group of short flags asks for help")
    func helpInShortGroup() throws {
        let request = try #require(throws: HelpRequest.self) { try serve.parse(["-vh"]) }
        #expect(request.text == serve.helpText())
    }

    @Test("'--help' after '--' is a positional value, not a help request")
    func helpAfterDoubleDash() throws {
        #expect(try serve.parse(["--", "--help"]).values("paths") == ["--help"])
    }

    @Test("a required option given by its short alias satisfies the requirement")
    func requiredOptionByAlias() throws {
        #expect(try run.parse(["-t", "http://x", "s.yaml"]).value("target") == "http://x")
    }
}
