import Foundation

/// Why the database refused a `read` or `write` before running it.
public enum DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `close()` was called; the database takes no more work.
    case closed(path: String)
    /// `write` was called from inside a `write` body on the same thread, which would wait for itself forever.
    case nestedWrite
    /// `read` was called from inside a `write` body on the same thread; it would not see the write's own changes.
    case readInsideWrite

    /// A sentence for the developer.
    public var description: String {
        switch self {
        case .closed(let path):
            return "the database at \(path) is closed"
        case .nestedWrite:
            return "write was called inside a write on the same thread; use the Connection the outer write gave you"
        case .readInsideWrite:
            return "read was called inside a write on the same thread; it could not see the write's own changes, "
                + "so use the Connection the write gave you"
        }
    }
}

/// A database file in WAL mode: one writer connection behind a lock and a pool of reader connections.
///
/// Thread-safe: `write` serializes on the writer lock, each `read` checks a reader out of the pool, and all shared
/// state is guarded by `state`. Connections are only ever used by the thread that holds them, which is what makes
/// both this class and `Connection` `@unchecked Sendable`.
public final class Database: @unchecked Sendable {
    /// The database file.
    public let path: String
    /// The version of the last migration applied (0 with no migrations); migrations run only in `init`.
    public let schemaVersion: Int

    private let writer: Connection
    // NSLock (a pthread mutex) rather than Synchronization.Mutex: on Linux the latter is invisible to TSan and
    // collapsed under thread-per-connection oversubscription (notes/swift-libmicrohttpd-sqlite.md).
    private let writerLock = NSLock()
    private let temporaryDirectory: URL?

    // Guarded by `state`, which also signals when in-flight work finishes (for close).
    private let state = NSCondition()
    private var idleReaders: [Connection] = []
    private var writesInFlight = 0
    private var readsInFlight = 0
    private var writeOwner: pthread_t?
    private var readingThreads: [pthread_t: Int] = [:]
    private var isClosed = false
    private var connectionsClosed = false

    /// Opens (or creates) the database at `path`, switches it to WAL and applies pending migrations.
    ///
    /// Each pending migration runs in its own transaction and is recorded in the `schema_migrations` table. A
    /// database whose recorded version is above the last of `migrations` is refused with
    /// `MigrationError.databaseIsNewer`.
    public convenience init(path: String, migrations: [Migration]) throws {
        try self.init(path: path, migrations: migrations, temporaryDirectory: nil)
    }

    /// A database in a fresh temporary directory, which is deleted when the database closes (for tests).
    public static func temporary(migrations: [Migration]) throws -> Database {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("claret-store-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            return try Database(
                path: directory.appendingPathComponent("claret.sqlite").path, migrations: migrations,
                temporaryDirectory: directory)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    private init(path: String, migrations: [Migration], temporaryDirectory: URL?) throws {
        self.path = path
        self.temporaryDirectory = temporaryDirectory
        writer = try Connection(path: path)
        do {
            schemaVersion = try Migrator.migrate(writer, path: path, migrations: migrations)
        } catch {
            writer.close()
            throw error
        }
    }

    deinit {
        // Every read and write holds a reference to self, so nothing can be in flight here.
        closeConnections()
    }

    /// Runs `body` in one `BEGIN IMMEDIATE … COMMIT` transaction on the writer; rolls back and rethrows if it throws.
    ///
    /// Writes are serialized. The body's error is rethrown unchanged; a failed COMMIT is rolled back and thrown as
    /// `SQLiteError`. Calling `write` or `read` again inside the body on the same thread throws `DatabaseError`
    /// instead of deadlocking or reading stale data: use the `Connection` passed to the body.
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        let thread = pthread_self()
        try enter { () throws(DatabaseError) in
            if let owner = writeOwner, pthread_equal(owner, thread) != 0 { throw .nestedWrite }
            writesInFlight += 1
        }
        defer { leave { writesInFlight -= 1 } }

        writerLock.lock()
        state.withLock { writeOwner = thread }
        defer {
            state.withLock { writeOwner = nil }
            writerLock.unlock()
        }
        // A transaction left open by an earlier failure (a ROLLBACK that itself failed) would make BEGIN fail forever.
        if writer.isInTransaction { try? writer.run("ROLLBACK") }
        // IMMEDIATE takes the write lock now: a deferred BEGIN that later writes can fail with SQLITE_BUSY without
        // waiting out busy_timeout.
        try writer.run("BEGIN IMMEDIATE")
        return try finishTransaction(on: writer, body)
    }

    /// Runs `body` on a pooled read-only connection inside one `BEGIN … COMMIT`, so all its queries see one snapshot.
    ///
    /// Readers see every committed write and never wait for the writer (WAL). The body's error is rethrown unchanged.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        let thread = pthread_self()
        let pooled = try enter { () throws(DatabaseError) -> Connection? in
            if let owner = writeOwner, pthread_equal(owner, thread) != 0 { throw .readInsideWrite }
            readsInFlight += 1
            readingThreads[thread, default: 0] += 1
            return idleReaders.popLast()
        }
        var reader: Connection?
        var reusable = false
        defer {
            leave {
                readsInFlight -= 1
                readingThreads[thread, default: 1] -= 1
                if readingThreads[thread] == 0 { readingThreads[thread] = nil }
                if let reader, reusable { idleReaders.append(reader) }
            }
            // A reader the body closed or left in a transaction does not go back to the pool.
            if !reusable { reader?.close() }
        }
        // A new reader is opened outside the lock: opening takes a while and other threads need not wait for it.
        let connection = try pooled ?? Connection(path: path, readOnly: true)
        reader = connection
        try connection.run("BEGIN")
        let result = try finishTransaction(on: connection, body)
        reusable = connection.isOpen && !connection.isInTransaction
        return result
    }

    /// Refuses new work, waits for in-flight reads and writes, then closes every connection; safe to call again.
    ///
    /// A temporary database's directory is deleted. Called from inside a `read` or `write` body, it returns at once
    /// and the close completes when that body's call ends.
    public func close() {
        let thread = pthread_self()
        state.lock()
        defer { state.unlock() }
        isClosed = true
        let callerIsWriting = writeOwner.map { pthread_equal($0, thread) != 0 } ?? false
        let callerIsInFlight = callerIsWriting || readingThreads[thread] != nil
        if callerIsInFlight { return }
        while writesInFlight > 0 || readsInFlight > 0 { state.wait() }
        closeConnectionsLocked()
    }

    /// Runs `body` and commits, or rolls back and rethrows the body's error unchanged.
    private func finishTransaction<T>(on connection: Connection, _ body: (Connection) throws -> T) throws -> T {
        let result: T
        do {
            result = try body(connection)
        } catch {
            // Some errors (I/O, out of memory) make SQLite roll back by itself; then there is nothing left to undo.
            // A failing ROLLBACK is not reported: the body's error is the one the caller needs.
            if connection.isInTransaction { try? connection.run("ROLLBACK") }
            throw error
        }
        do {
            try connection.run("COMMIT")
        } catch {
            if connection.isInTransaction { try? connection.run("ROLLBACK") }
            throw error
        }
        return result
    }

    /// Under the state lock: refuses work once closed, then runs `body`.
    private func enter<T>(_ body: () throws(DatabaseError) -> T) throws(DatabaseError) -> T {
        state.lock()
        defer { state.unlock() }
        guard !isClosed else { throw .closed(path: path) }
        return try body()
    }

    /// Under the state lock: runs `body`, then completes a pending close once nothing is in flight.
    private func leave(_ body: () -> Void) {
        state.lock()
        defer { state.unlock() }
        body()
        if writesInFlight == 0 && readsInFlight == 0 {
            if isClosed { closeConnectionsLocked() }
            state.broadcast()
        }
    }

    /// Closes every connection once; the caller holds `state` (or is `deinit`).
    private func closeConnectionsLocked() {
        guard !connectionsClosed else { return }
        connectionsClosed = true
        for reader in idleReaders { reader.close() }
        idleReaders.removeAll()
        // The writer closes last: the last connection to close checkpoints the WAL and removes the -wal/-shm files.
        writer.close()
        if let temporaryDirectory { try? FileManager.default.removeItem(at: temporaryDirectory) }
    }

    private func closeConnections() {
        state.withLock { closeConnectionsLocked() }
    }
}
