import CSQLite

/// One prepared statement: prepared in `init`, finalized in `finalize()` or `deinit`, reset after every use.
///
/// Owned by exactly one `Connection` (in its cache, or for the length of one call) and used on that connection's
/// thread only. It keeps the raw `sqlite3*` for error messages; that pointer stays valid while any statement lives
/// because connections close with `sqlite3_close_v2`, which defers the real close until the last finalize.
final class Statement {
    /// The SQL text this statement was prepared from; also its key in the connection's cache.
    let sql: String
    /// Whether the connection's cache owns this statement (otherwise it is finalized right after its one use).
    let isCached: Bool
    /// Set while a call is stepping this statement, so a nested call with the same SQL prepares its own.
    var isInUse = false

    private var handle: OpaquePointer?
    private let database: OpaquePointer

    /// Prepares exactly one SQL statement; text after the first statement is refused rather than silently ignored.
    init(database: OpaquePointer, sql: String, cached: Bool) throws(SQLiteError) {
        self.database = database
        self.sql = sql
        self.isCached = cached
        // PERSISTENT tells SQLite this statement will be reused many times, so it allocates outside the lookaside.
        let flags = cached ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        var prepared: OpaquePointer?
        var hasMoreSQL = false
        let code = sql.utf8CString.withUnsafeBufferPointer { text -> Int32 in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(
                database, text.baseAddress, Int32(clamping: text.count), flags, &prepared, &tail)
            if code == SQLITE_OK, let tail {
                hasMoreSQL = Statement.startsAnotherStatement(database: database, tail)
            }
            return code
        }
        guard code == SQLITE_OK else {
            let error = SQLiteError(code: code, message: String(cString: sqlite3_errmsg(database)), sql: sql)
            // On failure SQLite sets the handle to NULL, but finalizing NULL is a harmless no-op, so be defensive.
            sqlite3_finalize(prepared)
            throw error
        }
        guard let prepared else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "the SQL text holds no statement", sql: sql)
        }
        handle = prepared
        if hasMoreSQL {
            finalize()
            throw SQLiteError(
                code: SQLITE_MISUSE,
                message: "the SQL text holds more than one statement; use Connection.execute for scripts",
                sql: sql)
        }
    }

    deinit {
        finalize()
    }

    /// Releases the C statement; later use throws. Safe to call twice.
    func finalize() {
        guard let handle else { return }
        // sqlite3_finalize returns the error of the last step, which step() already reported; the handle is freed
        // either way.
        sqlite3_finalize(handle)
        self.handle = nil
    }

    /// Binds `values` to the `?` parameters in order; the count must match the statement's parameter count.
    func bind(_ values: [SQLValue]) throws(SQLiteError) {
        let handle = try liveHandle()
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == expected else {
            throw SQLiteError(
                code: SQLITE_RANGE, message: "the statement takes \(expected) bindings but \(values.count) were given",
                sql: sql)
        }
        for (offset, value) in values.enumerated() {
            let code = Statement.bind(value, at: Int32(offset + 1), in: handle)
            guard code == SQLITE_OK else { throw error(code) }
        }
    }

    /// Advances to the next row: true when a row is ready, false when the statement is done.
    func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(try liveHandle())
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw error(code)
        }
    }

    /// The names of the result columns; read after a step, since SQLite re-prepares on schema changes.
    func columnNames() -> [String] {
        guard let handle else { return [] }
        return (0..<sqlite3_column_count(handle)).map { index in
            // The name pointer is owned by the statement and may change on re-prepare, so copy it now.
            sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
        }
    }

    /// Copies the current row out of SQLite.
    func currentRow(columnNames: [String]) throws(SQLiteError) -> Row {
        let handle = try liveHandle()
        let count = sqlite3_column_count(handle)
        var values: [SQLValue] = []
        values.reserveCapacity(Int(count))
        for index in 0..<count {
            values.append(try value(at: index, in: handle))
        }
        return Row(values: values, columnNames: columnNames)
    }

    /// Makes the statement ready for its next use and drops the copies of bound text and blobs.
    func reset() {
        guard let handle else { return }
        // Reset ends the statement's read of the database (a statement left mid-rows keeps its snapshot and blocks
        // WAL checkpoints). It returns the error of the last step, which step() already threw, so it is not
        // rechecked here.
        sqlite3_reset(handle)
        // clear_bindings only sets parameters to NULL and always returns SQLITE_OK.
        sqlite3_clear_bindings(handle)
    }

    /// How many times this statement has run to its first step (SQLITE_STMTSTATUS_RUN); for tests and diagnostics.
    var runCount: Int {
        guard let handle else { return 0 }
        return Int(sqlite3_stmt_status(handle, SQLITE_STMTSTATUS_RUN, 0))
    }

    private func liveHandle() throws(SQLiteError) -> OpaquePointer {
        guard let handle else { throw SQLiteError.connectionClosed(sql: sql) }
        return handle
    }

    private func error(_ code: Int32) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(database)), sql: sql)
    }

    private func value(at index: Int32, in handle: OpaquePointer) throws(SQLiteError) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            // Ask for the text before its length: the length call must follow the conversion (SQLite docs).
            let text = sqlite3_column_text(handle, index)
            let length = Int(sqlite3_column_bytes(handle, index))
            guard let text else { return try emptyUnlessOutOfMemory(.text("")) }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let bytes = sqlite3_column_blob(handle, index)
            let length = Int(sqlite3_column_bytes(handle, index))
            // A zero-length blob comes back as a NULL pointer.
            guard let bytes else { return try emptyUnlessOutOfMemory(.blob([])) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: length)))
        default:
            return .null
        }
    }

    /// `empty`, unless the NULL pointer SQLite just returned means it ran out of memory converting the value.
    private func emptyUnlessOutOfMemory(_ empty: SQLValue) throws(SQLiteError) -> SQLValue {
        let code = sqlite3_errcode(database)
        if code == SQLITE_NOMEM { throw error(code) }
        return empty
    }

    private static func bind(_ value: SQLValue, at index: Int32, in handle: OpaquePointer) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let number):
            return sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            return sqlite3_bind_double(handle, index, number)
        case .text(var text):
            // An explicit byte length (not -1) keeps text with embedded NULs whole. SQLite copies the bytes
            // (SQLITE_TRANSIENT in the shim), so the buffer only has to live for this call.
            return text.withUTF8 { bytes in
                guard bytes.count <= Int(Int32.max) else { return SQLITE_TOOBIG }
                // A NULL pointer would bind NULL, so an empty string needs a real (empty) C string.
                guard let base = bytes.baseAddress else { return csqlite_bind_text(handle, index, "", 0) }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    csqlite_bind_text(handle, index, $0, Int32(bytes.count))
                }
            }
        case .blob(let bytes):
            guard bytes.count <= Int(Int32.max) else { return SQLITE_TOOBIG }
            // A NULL pointer would bind NULL, so an empty blob is bound as a zero-length zeroblob.
            if bytes.isEmpty { return sqlite3_bind_zeroblob(handle, index, 0) }
            return bytes.withUnsafeBytes { csqlite_bind_blob(handle, index, $0.baseAddress, Int32(bytes.count)) }
        }
    }

    /// Whether the text after the first statement holds another statement (not just spaces, `;` or comments).
    private static func startsAnotherStatement(database: OpaquePointer, _ tail: UnsafePointer<CChar>) -> Bool {
        var cursor = tail
        while cursor.pointee != 0 {
            switch UInt8(bitPattern: cursor.pointee) {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ";"):
                cursor += 1
            default:
                // Something is left: let SQLite decide whether it is a statement or only a comment.
                var next: OpaquePointer?
                let code = sqlite3_prepare_v2(database, cursor, -1, &next, nil)
                // The probe is never run; finalize it at once. A tail that does not even parse counts as more SQL.
                sqlite3_finalize(next)
                return code != SQLITE_OK || next != nil
            }
        }
        return false
    }
}
