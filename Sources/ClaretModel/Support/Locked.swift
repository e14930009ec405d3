import Foundation

/// A value guarded by an `NSLock`, for state shared between request threads.
///
/// NSLock (a pthread mutex on Linux) rather than `Synchronization.Mutex`: on Linux with Swift 6.3 the
/// latter is invisible to ThreadSanitizer and collapsed under thread-per-connection oversubscription
/// (see shared/notes/swift-libmicrohttpd-sqlite.md, section 4).
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Wraps `value`; from now on it is reached only through `withLock`.
    public init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
