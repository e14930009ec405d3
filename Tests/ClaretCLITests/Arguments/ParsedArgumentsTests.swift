import Testing

@testable import ClaretCLI

@Suite("Reading parsed values")
struct ParsedArgumentsTests {
    let serve = ArgumentFixtures.serve

    @Test("a whole number within range is read as an Int")
    func intWithinRange() throws {
        #expect(try serve.parse(["--port", "65535"]).int("port", range: 0...65535) == 65535)
        #expect(try serve.parse(["--port", "0"]).int("port", range: 0...65535) == 0)
    }

    @Test("an option's default is read as an Int when it is not given")
    func intFromDefault() throws {
        #expect(try serve.parse([]).int("port") == 8080)
    }

    @Test("an absent option without a default reads as no Int")
    func intAbsent() throws {
        #expect(try serve.parse([]).int("var") == nil)
    }

    @Test("text that is not a whole number is refused, naming the range")
    func intNotANumber() throws {
        let parsed = try serve.parse(["--port", "abc"])
        let error = try #require(throws: UsageError.self) { try parsed.int("port", range: 0...65535) }
        #expect(error.code == .invalidValue)
        #expect(error.message == "--port must be a whole number from 0 to 65535, got 'abc'.")
        #expect(error.exitCode == .usage)
    }

    @Test("a whole number outside the range is refused")
    func intOutOfRange() throws {
        let parsed = try serve.parse(["--port", "70000"])
        let error = try #require(throws: UsageError.self) { try parsed.int("port", range: 0...65535) }
        #expect(error.message == "--port must be a whole number from 0 to 65535, got '70000'.")
    }

    @Test("without a range, only the number's form is checked")
    func intWithoutRange() throws {
        #expect(try serve.parse(["--port", "-3"]).int("port") == -3)
        let parsed = try serve.parse(["--port", "1.5"])
        let error = try #require(throws: UsageError.self) { try parsed.int("port") }
        #expect(error.message == "--port must be a whole number, got '1.5'.")
    }

    @Test("a positional's invalid value is named by its placeholder")
    func invalidPositional() throws {
        let parsed = try serve.parse(["x"])
        let error = try #require(throws: UsageError.self) { try parsed.int("paths") }
        #expect(error.message == "<PATH> must be a whole number, got 'x'.")
    }

    @Test("a custom conversion reads a value into any type")
    func customConversion() throws {
        let parsed = try serve.parse(["--host", "LOCAL"])
        #expect(try parsed.value("host", as: "a host name") { $0.lowercased() } == "local")
    }

    @Test("a custom conversion that rejects the text completes the error sentence")
    func customConversionRejects() throws {
        enum Format: String { case json, html }
        let parsed = try serve.parse(["--host", "xml"])
        let error = try #require(throws: UsageError.self) {
            try parsed.value("host", as: "one of json, html") { Format(rawValue: $0) }
        }
        #expect(error.message == "--host must be one of json, html, got 'xml'.")
        #expect(error.commandPath == "serve")
    }

    @Test("isGiven tells a flag that was given from one that was not")
    func isGivenForFlags() throws {
        #expect(try serve.parse(["-v"]).isGiven("verbose"))
        #expect(try !serve.parse([]).isGiven("verbose"))
    }
}
