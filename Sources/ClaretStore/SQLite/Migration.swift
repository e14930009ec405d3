import CSQLite

/// One numbered schema change. The list is append-only: a shipped migration is never edited or renumbered.
public struct Migration: Sendable {
    /// 1, 2, 3 … without gaps; the database records every version it has applied.
    public let version: Int
    /// A short name, recorded beside the version (e.g. "create items").
    public let name: String
    /// One or more SQL statements, run together in one transaction.
    public let sql: String

    /// Makes a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// Why a database could not be brought to the schema this build expects.
public enum MigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database has migrations this build does not know: it was written by a newer claret-harness.
    case databaseIsNewer(found: Int, supported: Int, path: String)
    /// A migration's SQL failed; its transaction was rolled back, earlier migrations stay applied.
    case failed(version: Int, name: String, error: SQLiteError)
    /// The migration list itself is wrong (versions not 1, 2, 3 … in order): a bug in this build.
    case invalidList(reason: String)

    /// A sentence for the user.
    public var description: String {
        switch self {
        case .databaseIsNewer(let found, let supported, let path):
            return "the database at \(path) was written by a newer claret-harness (schema version \(found); "
                + "this build knows up to \(supported)). Use a newer claret-harness or another --data directory."
        case .failed(let version, let name, let error):
            return "migration \(version) (\(name)) failed: \(error)"
        case .invalidList(let reason):
            return "the migration list is invalid: \(reason)"
        }
    }
}

/// Applies pending migrations on the writer connection and records them in `schema_migrations`.
enum Migrator {
    /// The table holding one row per applied migration: version, name and when it was applied (UTC, ISO 8601).
    static let table = "schema_migrations"

    /// Brings the database up to the last migration and returns the resulting schema version.
    static func migrate(_ connection: Connection, path: String, migrations: [Migration]) throws -> Int {
        for (offset, migration) in migrations.enumerated() where migration.version != offset + 1 {
            throw MigrationError.invalidList(
                reason: "expected version \(offset + 1) at position \(offset + 1), found \(migration.version)")
        }
        try connection.execute(
            """
            CREATE TABLE IF NOT EXISTS \(table) (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """)
        let found = try appliedVersion(connection)
        let supported = migrations.last?.version ?? 0
        guard found <= supported else {
            throw MigrationError.databaseIsNewer(found: found, supported: supported, path: path)
        }
        for migration in migrations where migration.version > found {
            try apply(migration, on: connection)
        }
        return try appliedVersion(connection)
    }

    /// The highest recorded version, 0 for a new database.
    static func appliedVersion(_ connection: Connection) throws(SQLiteError) -> Int {
        try connection.queryOne("SELECT COALESCE(MAX(version), 0) FROM \(table)")?.int(0) ?? 0
    }

    /// Runs one migration in its own transaction, with foreign keys off so that table rebuilds cannot cascade.
    private static func apply(_ migration: Migration, on connection: Connection) throws(MigrationError) {
        do throws(SQLiteError) {
            // foreign_keys cannot change inside a transaction, so it is switched around it. With it on, rebuilding a
            // table (create new, copy, drop old, rename) would cascade deletes from the drop; with it off, the
            // foreign_key_check in the transaction still refuses a migration that leaves dangling references.
            try connection.execute("PRAGMA foreign_keys=OFF")
            var failure: SQLiteError?
            do {
                try applyInTransaction(migration, on: connection)
            } catch {
                failure = error
            }
            try connection.execute("PRAGMA foreign_keys=ON")
            if let failure { throw failure }
        } catch {
            throw .failed(version: migration.version, name: migration.name, error: error)
        }
    }

    private static func applyInTransaction(_ migration: Migration, on connection: Connection) throws(SQLiteError) {
        try connection.run("BEGIN IMMEDIATE")
        do throws(SQLiteError) {
            try connection.execute(migration.sql)
            if let dangling = try connection.queryOne("PRAGMA foreign_key_check") {
                throw SQLiteError(
                    code: SQLiteError.constraintForeignKey,
                    message: "FOREIGN KEY constraint failed: a row of \(dangling.text(0)) (rowid \(dangling.text(1))) "
                        + "references a missing row of \(dangling.text(2))",
                    sql: migration.sql)
            }
            try connection.run(
                "INSERT INTO \(table) (version, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ'))",
                [SQLValue(migration.version), SQLValue(migration.name)])
            try connection.run("COMMIT")
        } catch {
            // Some errors (I/O, out of memory) make SQLite roll back by itself; only roll back what is still open.
            if connection.isInTransaction { try? connection.run("ROLLBACK") }
            throw error
        }
    }
}
