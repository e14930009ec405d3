import CSQLite
import Foundation

/// A failed SQLite call: the result code, SQLite's own message and, when known, the statement that failed.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code when SQLite gave one (connections enable extended codes), else the primary code.
    public let code: Int32
    /// The message from `sqlite3_errmsg`, or a sentence of ours for misuse SQLite cannot see.
    public let message: String
    /// The SQL that failed, when the failure belongs to one statement.
    public let sql: String?

    /// Makes an error value; normally built by `Connection` from a result code.
    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code (the low 8 bits), e.g. `SQLITE_CONSTRAINT` for every kind of constraint failure.
    public var primaryCode: Int32 { code & 0xFF }

    /// Whether a UNIQUE, PRIMARY KEY, NOT NULL, CHECK or FOREIGN KEY constraint refused the change.
    public var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }

    /// Whether a UNIQUE index or PRIMARY KEY refused a duplicate.
    public var isUniqueViolation: Bool {
        code == SQLiteError.constraintUnique || code == SQLiteError.constraintPrimaryKey
    }

    /// Whether a FOREIGN KEY constraint refused the change.
    public var isForeignKeyViolation: Bool { code == SQLiteError.constraintForeignKey }

    /// Whether SQLite gave up waiting for a lock (busy_timeout expired).
    public var isBusy: Bool { primaryCode == SQLITE_BUSY }

    /// One line: the code, SQLite's message and the SQL (shortened) that failed.
    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql {
            let lines = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            let oneLine = lines.joined(separator: " ")
            let shown = oneLine.count > 300 ? String(oneLine.prefix(300)) + "…" : oneLine
            text += " (in: \(shown))"
        }
        return text
    }

    // The extended constraint codes are C macros built with `|` and `<<`, which Swift does not import.
    static let constraintForeignKey = SQLITE_CONSTRAINT | (3 << 8)
    static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
    static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)

    /// The error for using a connection after `close()`.
    static func connectionClosed(sql: String?) -> SQLiteError {
        SQLiteError(code: SQLITE_MISUSE, message: "the connection is closed", sql: sql)
    }
}
