@testable import ClaretCLI

/// Command descriptions shaped like the real ones, shared by the argument-parsing tests.
enum ArgumentFixtures {
    static let serve = CommandSpec(
        name: "serve", abstract: "Run the mock Claret server.",
        discussion: """
            Starts an HTTP server that answers like the Claret API, backed by a local SQLite database. It runs \
            until interrupted.

            Writes are refused unless --allow-writes is given:
              - POST, PUT and DELETE answer 403 in read-only mode, with Claret's own error body.
            """,
        arguments: [
            .option("host", value: "HOST", help: "Address to listen on.", default: "127.0.0.1"),
            .option("port", short: "p", value: "PORT", help: "Port (0 picks a free one).", default: "8080"),
            .option(
                "var", value: "KEY=VALUE", help: "Set a template variable; give it once per variable.", repeatable: true
            ),
            .flag("allow-writes", help: "Accept POST, PUT and DELETE requests."),
            .flag("verbose", short: "v", help: "Log every request."),
            .positional(
                "paths", value: "PATH", help: "Fixture files to load at start.", repeatable: true, optional: true),
        ],
        examples: ["claret-harness serve --port 0", "claret-harness serve --allow-writes fixtures/items.json"])

    static let run = CommandSpec(
        name: "run", abstract: "Run a scenario against a target.",
        arguments: [
            .option("target", short: "t", value: "URL", help: "Base URL of the API under test.", required: true),
            .option("timeout", value: "SECONDS", help: "Give up on a request after this long.", default: "30"),
            .positional("scenario", value: "SCENARIO", help: "The scenario file to run."),
            .positional("report", value: "REPORT", help: "Where to write the report.", optional: true),
        ])

    static let tool = ToolSpec(
        name: "claret-harness", version: "0.1.0", abstract: "A mock of the Claret API and a scenario runner.",
        commands: [serve, run])
}
