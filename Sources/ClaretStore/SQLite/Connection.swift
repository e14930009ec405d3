import CSQLite

/// One SQLite connection with its own cache of prepared statements.
///
/// Not thread-safe: one thread at a time, enforced by its owner (the `Database` lock or reader pool). That invariant
/// is why it can be `@unchecked Sendable`; the connection is opened with SQLITE_OPEN_NOMUTEX, so SQLite does not lock
/// for it either.
public final class Connection: @unchecked Sendable {
    /// The database file (or ":memory:").
    public let path: String
    /// Whether the connection was opened read-only.
    public let isReadOnly: Bool
    /// How many prepared statements the cache keeps; when full, idle ones are dropped before the next is added.
    public var statementCacheLimit = 256

    private var handle: OpaquePointer?
    private var cache: [String: Statement] = [:]
    private var statementsInUse = 0
    private var isClosing = false
    private var savepointDepth = 0

    /// Opens the database (creating it unless read-only) and applies the connection settings.
    ///
    /// Every connection: NOMUTEX, extended result codes, busy_timeout 5000 ms, synchronous=NORMAL, foreign_keys=ON,
    /// temp_store=MEMORY. A writable connection also switches the file to WAL, which persists in the file.
    public init(path: String, readOnly: Bool = false) throws(SQLiteError) {
        self.path = path
        self.isReadOnly = readOnly
        // NOMUTEX: Debian's SQLite is built serialized, which would take a mutex on every call; the owner already
        // guarantees one thread at a time.
        let flags =
            (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_NOMUTEX
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open the database"
            // open_v2 usually hands back a handle even when it fails; it must still be closed to free it.
            sqlite3_close_v2(opened)
            throw SQLiteError(code: code, message: "\(message) (\(path))")
        }
        handle = opened
        do throws(SQLiteError) {
            try check(sqlite3_extended_result_codes(opened, 1))
            // How long to wait for another connection's lock before SQLITE_BUSY: a safety net, since this process
            // has one writer, but a checkpoint or an outside sqlite3 shell can still hold a lock for a moment.
            try check(sqlite3_busy_timeout(opened, 5000))
            if !readOnly {
                let mode = try queryOne("PRAGMA journal_mode=WAL")?.text(0).lowercased() ?? ""
                guard mode == "wal" || mode == "memory" else {
                    throw SQLiteError(
                        code: SQLITE_ERROR, message: "could not switch \(path) to WAL (journal_mode is \(mode))")
                }
            }
            // Debian builds SQLite with WAL defaulting to synchronous=FULL, about 6x slower per commit; NORMAL keeps
            // the database consistent and loses at most the last commits on power loss.
            try execute("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY")
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Runs one or more SQL statements separated by `;`, without bindings or results (schema scripts, PRAGMAs).
    public func execute(_ sql: String) throws(SQLiteError) {
        let handle = try openHandle(sql)
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        // sqlite3_exec allocates the message with sqlite3_malloc; it must be freed with sqlite3_free.
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            throw SQLiteError(code: code, message: text, sql: sql)
        }
    }

    /// Runs one statement to completion with `bindings` for its `?` parameters (INSERT, UPDATE, DELETE, DDL).
    public func run(_ sql: String, _ bindings: [SQLValue] = []) throws(SQLiteError) {
        let statement = try checkOut(sql)
        defer { checkIn(statement) }
        try statement.bind(bindings)
        while try statement.step() {}
    }

    /// Runs one query and copies all its rows.
    public func query(_ sql: String, _ bindings: [SQLValue] = []) throws(SQLiteError) -> [Row] {
        let statement = try checkOut(sql)
        defer { checkIn(statement) }
        try statement.bind(bindings)
        var rows: [Row] = []
        var names: [String]?
        while try statement.step() {
            let columns = names ?? statement.columnNames()
            names = columns
            rows.append(try statement.currentRow(columnNames: columns))
        }
        return rows
    }

    /// Runs one query and returns its first row, or nil when there is none; the rest is not computed.
    public func queryOne(_ sql: String, _ bindings: [SQLValue] = []) throws(SQLiteError) -> Row? {
        let statement = try checkOut(sql)
        defer { checkIn(statement) }
        try statement.bind(bindings)
        guard try statement.step() else { return nil }
        return try statement.currentRow(columnNames: statement.columnNames())
    }

    /// Runs one query and hands each row to `body` as it is produced, without collecting them.
    ///
    /// Rows are copies, so keeping one is safe. `body` may use this connection (even the same SQL); an error
    /// thrown by `body` stops the query and is rethrown unchanged.
    public func forEachRow(_ sql: String, _ bindings: [SQLValue] = [], _ body: (Row) throws -> Void) throws {
        let statement = try checkOut(sql)
        defer { checkIn(statement) }
        try statement.bind(bindings)
        var names: [String]?
        while try statement.step() {
            let columns = names ?? statement.columnNames()
            names = columns
            try body(try statement.currentRow(columnNames: columns))
        }
    }

    /// Runs `body` inside a savepoint: its changes are kept when it returns and undone when it throws.
    ///
    /// Meant for use inside `Database.write`, to undo one part of a larger transaction (one record of a bulk import)
    /// while keeping the rest. The body's error is rethrown unchanged.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "claret_savepoint_\(savepointDepth)"
        try run("SAVEPOINT \(name)")
        let result: T
        do {
            result = try body()
        } catch {
            // ROLLBACK TO undoes the changes but leaves the savepoint open; RELEASE then removes it. If SQLite has
            // already rolled back the whole transaction (some I/O errors do), both fail and there is nothing to undo.
            try? run("ROLLBACK TO \(name)")
            try? run("RELEASE \(name)")
            throw error
        }
        try run("RELEASE \(name)")
        return result
    }

    /// The rowid of the last row inserted on this connection.
    public var lastInsertRowID: Int64 {
        guard let handle, !isClosing else { return 0 }
        return sqlite3_last_insert_rowid(handle)
    }

    /// The number of rows inserted, updated or deleted by the last such statement on this connection.
    public var changes: Int {
        guard let handle, !isClosing else { return 0 }
        return Int(sqlite3_changes64(handle))
    }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool {
        guard let handle, !isClosing else { return false }
        return sqlite3_get_autocommit(handle) == 0
    }

    /// Whether the connection is usable (not closed).
    public var isOpen: Bool { handle != nil && !isClosing }

    /// How many prepared statements are alive on this connection (cached ones plus any in use); for tests and
    /// diagnostics.
    public var preparedStatementCount: Int {
        guard let handle else { return 0 }
        var count = 0
        var next = sqlite3_next_stmt(handle, nil)
        while let statement = next {
            count += 1
            next = sqlite3_next_stmt(handle, statement)
        }
        return count
    }

    /// How many times the cached statement for `sql` has been run, or nil when it is not cached; for tests.
    public func runCount(ofCached sql: String) -> Int? {
        cache[sql]?.runCount
    }

    /// Finalizes the cached statements and closes the connection; safe to call more than once.
    ///
    /// Called from inside `forEachRow` on the same connection, the close completes when the iteration ends.
    public func close() {
        guard !isClosing else { return }
        isClosing = true
        if statementsInUse == 0 { finishClose() }
    }

    private func finishClose() {
        for statement in cache.values { statement.finalize() }
        cache.removeAll()
        guard let handle else { return }
        // close_v2 rather than close: if some statement were still unfinalized it defers the real close until that
        // statement is finalized instead of failing with SQLITE_BUSY; it always returns SQLITE_OK.
        sqlite3_close_v2(handle)
        self.handle = nil
    }

    /// The open handle, or an error naming `sql` when the connection is closed.
    private func openHandle(_ sql: String) throws(SQLiteError) -> OpaquePointer {
        guard let handle, !isClosing else { throw SQLiteError.connectionClosed(sql: sql) }
        return handle
    }

    /// The cached statement for `sql`, prepared on first use; a fresh one when the cached one is busy (nested use).
    private func checkOut(_ sql: String) throws(SQLiteError) -> Statement {
        let handle = try openHandle(sql)
        let statement: Statement
        if let cached = cache[sql] {
            statement = cached.isInUse ? try Statement(database: handle, sql: sql, cached: false) : cached
        } else {
            if cache.count >= statementCacheLimit {
                // Dropping a statement from the dictionary finalizes it (deinit) unless a caller still holds it.
                cache = cache.filter { $0.value.isInUse }
            }
            statement = try Statement(database: handle, sql: sql, cached: true)
            cache[sql] = statement
        }
        statement.isInUse = true
        statementsInUse += 1
        return statement
    }

    private func checkIn(_ statement: Statement) {
        statement.reset()
        statement.isInUse = false
        if !statement.isCached { statement.finalize() }
        statementsInUse -= 1
        if isClosing && statementsInUse == 0 { finishClose() }
    }

    private func check(_ code: Int32) throws(SQLiteError) {
        guard code == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "SQLite error"
            throw SQLiteError(code: code, message: message)
        }
    }
}
