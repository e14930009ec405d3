import ClaretModel
import ExactJSON
import Foundation

/// Reads `--profile FILE` into a behaviour profile, with errors that name the file and the place.
enum ProfileLoader {
    static func load(_ path: String?) throws -> BehaviourProfile {
        guard let path else { return .standard }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(
                "cannot read the profile '\(path)'; check the path given to --profile", exitCode: .noInput)
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(Array(data))
        } catch {
            throw CommandFailure("the profile '\(path)' is not valid JSON: \(error)", exitCode: .dataError)
        }
        do {
            return try BehaviourProfile(overrides: document)
        } catch {
            throw CommandFailure("the profile '\(path)' was refused: \(error)", exitCode: .dataError)
        }
    }
}

/// `claret-harness profile`: prints the behaviour profile in force, to copy into a `--profile` file.
struct ProfileCommand {
    static let spec = CommandSpec(
        name: "profile", abstract: "Print the behaviour profile: every assumed status, message and setting.",
        discussion: """
            Prints the profile as JSON: the contract's defaults, or with a --profile file applied. Copy the
            parts you need to change into a file of your own and pass it to 'serve --profile FILE'; a profile
            file only needs the keys it changes. docs/assumptions.md explains each entry.
            """,
        arguments: [.option("profile", value: "FILE", help: "A profile file to apply to the defaults.")],
        examples: ["claret-harness profile > my-profile.json", "claret-harness profile --profile tenant.json"])

    let arguments: ParsedArguments
    /// Where the command's messages go.
    let console: Console

    init(_ arguments: ParsedArguments, console: Console) {
        self.arguments = arguments
        self.console = console
    }

    func run() throws -> ExitCode {
        let profile = try ProfileLoader.load(arguments.value("profile"))
        console.line(profile.document.serialized(pretty: true))
        return .success
    }
}
