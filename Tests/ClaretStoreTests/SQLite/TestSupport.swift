import ClaretStore
import Foundation

/// A fresh directory under the system temporary directory; call `remove()` when done (usually in a `defer`).
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("claret-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Values gathered from several threads, read back after they have all finished.
final class Gathered<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value] = []

    func append(_ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        values.append(value)
    }

    var all: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}

/// An error of the test's own, to check that bodies' errors come back unchanged.
struct Deliberate: Error, Equatable {
    let tag: String
}

/// Counts threads inside a region at once and remembers the most seen together.
final class OverlapProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var inside = 0
    private var most = 0

    func enter() {
        lock.lock()
        defer { lock.unlock() }
        inside += 1
        most = max(most, inside)
    }

    func leave() {
        lock.lock()
        defer { lock.unlock() }
        inside -= 1
    }

    var maximum: Int {
        lock.lock()
        defer { lock.unlock() }
        return most
    }
}
