import ClaretModel
import ClaretServer
import ClaretStore
import Foundation

/// `claret-harness serve`: the mock Claret server in the foreground until SIGINT or SIGTERM.
struct ServeCommand {
    static let spec = CommandSpec(
        name: "serve", abstract: "Run the mock Claret server.",
        discussion: """
            Serves Claret's inventory API on the same paths as https://plan.claret.app/{tenant}/api/v1/...,
            so a client under test only changes its base URL. State is kept in SQLite: in a fresh temporary
            directory (removed on exit) unless --data names one to keep. Without --seed the built-in demo
            tenant is served (user integrator@demo.test, password demo-password).

            Once it accepts connections it prints one line, 'listening on http://HOST:PORT', on standard
            output. Ctrl-C (SIGINT) or SIGTERM stops it: requests under way finish, the database closes
            cleanly, and it exits 0.

            Off loopback (--host 0.0.0.0) the /__harness/ endpoints need --harness-token; clients send it as
            X-Harness-Token.
            """,
        arguments: [
            .option("host", value: "HOST", help: "Address to listen on.", default: "127.0.0.1"),
            .option("port", short: "p", value: "PORT", help: "Port to listen on; 0 picks a free one.", default: "8080"),
            .option("data", value: "DIR", help: "Keep the SQLite data in DIR (created if missing) across restarts."),
            .option("seed", value: "FILE", help: "Seed file of tenants to serve instead of the built-in demo tenant."),
            .option("profile", value: "FILE", help: "Behaviour profile overriding assumed responses (see 'profile')."),
            .option(
                "harness-token", value: "TOKEN",
                help: "Require this X-Harness-Token on /__harness/ endpoints (always needed for them off loopback)."),
            .option(
                "job-delay", value: "MS",
                help: "How long each CSV import job takes at least, in milliseconds (clients must poll).",
                default: "200"),
            .option(
                "threads", value: "MODE",
                help: "Connection threading: thread-per-connection, pool or epoll.", default: "thread-per-connection"),
        ],
        examples: [
            "claret-harness serve",
            "claret-harness serve --port 0 --data ./mock-data",
            "claret-harness serve --seed seeds/acme.json --profile acme-profile.json",
        ])

    let arguments: ParsedArguments
    /// Where the command's messages go.
    let console: Console

    init(_ arguments: ParsedArguments, console: Console) {
        self.arguments = arguments
        self.console = console
    }

    func run() throws -> ExitCode {
        let host = arguments.value("host") ?? "127.0.0.1"
        let port = try arguments.int("port", range: 0...65535) ?? 8080
        let mode =
            try arguments.value("threads", as: "one of thread-per-connection, pool, epoll") {
                HTTPThreadMode(rawValue: $0)
            } ?? .threadPerConnection
        let jobDelay = try arguments.int("job-delay", range: 0...3_600_000) ?? 200
        let profile = try ProfileLoader.load(arguments.value("profile"))
        if let path = arguments.value("seed"), !FileManager.default.isReadableFile(atPath: path) {
            throw CommandFailure("cannot read the seed '\(path)'; check the path given to --seed", exitCode: .noInput)
        }
        let seed: SeedFile
        do {
            seed = try arguments.value("seed").map { try SeedFile.load(path: $0) } ?? SeedFile.builtIn()
        } catch let error as SeedError {
            throw CommandFailure("the seed was refused: \(error)", exitCode: .dataError)
        }

        let dataDirectory = try DataDirectory(arguments.value("data"))
        defer { dataDirectory.removeIfTemporary() }
        let store: Store
        do {
            store = try Store(path: dataDirectory.databasePath)
            try store.install(seed)
        } catch {
            throw CommandFailure("cannot open the data in '\(dataDirectory.path)': \(error)", exitCode: .dataError)
        }
        defer { store.close() }

        // Block the stop signals before libmicrohttpd starts its threads, so they inherit the mask and only
        // this thread's sigwait receives them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)

        let service = MockService(
            store: store, profile: profile, host: host, port: UInt16(port), threadMode: mode,
            harnessToken: arguments.value("harness-token"), jobProcessingTime: Double(jobDelay) / 1000)
        do {
            try service.start()
        } catch {
            throw CommandFailure("\(error)", exitCode: .failure)
        }
        if !MockService.isLoopback(host), arguments.value("harness-token") == nil {
            console.error(
                "note: listening beyond loopback; /__harness/ endpoints are off until --harness-token is given")
        }
        console.line("listening on \(service.baseURL ?? "http://\(host):\(port)")")

        var received: Int32 = 0
        sigwait(&signals, &received)
        console.error("received \(received == SIGINT ? "SIGINT" : "SIGTERM"); finishing requests under way")
        service.stop()
        return .success
    }
}

/// The folder holding the SQLite file: the one given with --data, or a temporary one removed on exit.
struct DataDirectory {
    let path: String
    let isTemporary: Bool

    init(_ given: String?) throws {
        let fileManager = FileManager.default
        if let given {
            do {
                try fileManager.createDirectory(atPath: given, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure(
                    "cannot create the data directory '\(given)': \(error.localizedDescription)",
                    exitCode: .cannotCreate)
            }
            path = given
            isTemporary = false
        } else {
            let temporary = fileManager.temporaryDirectory.appendingPathComponent(
                "claret-harness-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
            do {
                try fileManager.createDirectory(at: temporary, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure(
                    "cannot create a temporary data directory: \(error.localizedDescription)",
                    exitCode: .cannotCreate)
            }
            path = temporary.path
            isTemporary = true
        }
    }

    /// The SQLite database file inside the folder.
    var databasePath: String { "\(path)/claret-harness.sqlite" }

    func removeIfTemporary() {
        if isTemporary { try? FileManager.default.removeItem(atPath: path) }
    }
}
