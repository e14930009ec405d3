import ClaretModel
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

    /// Runs the binary to completion and returns its exit status and output.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try url
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are drained at once: read one after the other, a child that fills the second pipe's buffer
        // while the first is read would block forever.
        let stderr = Locked(Data())
        let drained = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            stderr.withLock { $0 = data }
            drained.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self),
            String(decoding: stderr.withLock { $0 }, as: UTF8.self)
        )
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
        let seen = Locked((text: "", baseURL: String?.none))
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
        process.terminate()
        process.waitUntilExit()
        throw BinaryError("the server did not report 'listening on' within 30 s: \(seen.withLock { $0.text })")
    }

    /// Sends SIGTERM and waits; returns the exit status.
    func terminate() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
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
