import ExactJSON
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The built `claret-harness` binary, next to the test bundle in the build folder.
enum Binary {
    static var url: URL {
        get throws {
            var folder = Bundle.main.bundleURL
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("claret-harness")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
            let fromBuild = URL(fileURLWithPath: ".build/debug/claret-harness")
            if FileManager.default.isExecutableFile(atPath: fromBuild.path) { return fromBuild }
            throw BinaryError("the claret-harness binary was not built; run 'swift build' first")
        }
    }

    /// Runs the binary to completion and returns its exit status and output. A run still going after
    /// `deadline` seconds is killed and reported as an error, so a hung binary fails its test.
    static func run(_ arguments: [String], deadline: Double = 120) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let process = Process()
        process.executableURL = try url
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let timedOut = Guarded(false)
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + deadline) {
            guard process.isRunning else { return }
            timedOut.withLock { $0 = true }
            kill(pid, SIGKILL)
        }
        // Both pipes are drained at once: read one after the other, a child that fills the second pipe's buffer
        // while the first is read would block forever.
        let stderr = Guarded(Data())
        let drained = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            stderr.withLock { $0 = data }
            drained.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        if timedOut.withLock({ $0 }) {
            throw BinaryError("claret-harness \(arguments.joined(separator: " ")) did not finish within \(deadline) s")
        }
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self),
            String(decoding: stderr.withLock { $0 }, as: UTF8.self)
        )
    }
}

/// A value shared between threads behind a lock (the end-to-end tests use none of the project's modules).
final class Guarded<Value>: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

extension Process {
    /// Sends SIGTERM and waits for the exit; a process still running after `grace` seconds is killed.
    /// Returns the exit status (or the signal that ended it).
    @discardableResult
    func stop(grace: Double = 20) -> Int32 {
        if isRunning { terminate() }
        let deadline = Date().addingTimeInterval(grace)
        while isRunning, Date() < deadline { usleep(10_000) }
        if isRunning { kill(processIdentifier, SIGKILL) }
        waitUntilExit()
        return terminationStatus
    }
}

struct BinaryError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A `claret-harness serve` process started for one test.
final class ServerProcess {
    let process = Process()
    let baseURL: String
    private let stderrPipe = Pipe()

    /// Starts the server and waits for its `listening on` line.
    init(_ arguments: [String]) throws {
        process.executableURL = try Binary.url
        process.arguments = ["serve", "--port", "0"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = stderrPipe
        try process.run()
        // Read on a thread of its own, so that a server that hangs without a word fails the test at the
        // deadline instead of blocking it.
        let seen = Guarded((text: "", baseURL: String?.none))
        let ready = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let reader = out.fileHandleForReading
            while true {
                let chunk = reader.availableData
                let done = seen.withLock { seen -> Bool in
                    seen.text += String(decoding: chunk, as: UTF8.self)
                    if let line = seen.text.split(separator: "\n").first, line.hasPrefix("listening on "),
                        seen.text.contains("\n")
                    {
                        seen.baseURL = String(line.dropFirst("listening on ".count))
                    }
                    return chunk.isEmpty || seen.baseURL != nil
                }
                if done { break }
            }
            ready.signal()
        }
        _ = ready.wait(timeout: .now() + 30)
        if let url = seen.withLock({ $0.baseURL }) {
            baseURL = url
            return
        }
        process.stop(grace: 5)
        throw BinaryError("the server did not report 'listening on' within 30 s: \(seen.withLock { $0.text })")
    }

    /// Sends SIGTERM and waits (killing the server if it has not exited within 20 s); returns the exit
    /// status.
    func terminate() -> Int32 { process.stop() }

    deinit { process.stop() }
}

/// A plain HTTP call and its decoded JSON answer.
struct Reply {
    let status: Int
    let json: JSONValue
    let text: String
}

enum HTTP {
    static func call(
        _ method: String, _ url: String, headers: [String: String] = [:], body: [UInt8]? = nil
    ) async throws -> Reply {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        request.timeoutInterval = 10
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let json = (try? JSONParser.parse(Array(data))) ?? .null
        return Reply(status: status, json: json, text: String(decoding: data, as: UTF8.self))
    }

    static func multipart(fields: [(String, String)], file: (name: String, filename: String, content: String))
        -> (contentType: String, body: [UInt8])
    {
        let boundary = "claret-test-boundary-7d1e"
        var text = ""
        for (name, value) in fields {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        text +=
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n"
        text += "Content-Type: text/csv\r\n\r\n\(file.content)\r\n--\(boundary)--\r\n"
        return ("multipart/form-data; boundary=\(boundary)", Array(text.utf8))
    }
}

/// A temporary folder removed when the value dies.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("claret-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
