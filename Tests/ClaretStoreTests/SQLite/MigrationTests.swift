import ClaretStore
import Foundation
import Testing

@Suite("Migrations")
struct MigrationTests {
    static let first = Migration(
        version: 1, name: "create items", sql: "CREATE TABLE items (id INTEGER PRIMARY KEY, sku TEXT NOT NULL)")
    static let second = Migration(
        version: 2, name: "create log",
        sql: """
            CREATE TABLE log (entry TEXT NOT NULL);
            INSERT INTO log (entry) VALUES ('migration 2 ran');
            """)
    static let third = Migration(
        version: 3, name: "add item notes", sql: "ALTER TABLE items ADD COLUMN notes TEXT")

    @Test("migrations apply once, in order, and record their versions and names")
    func applyAndRecord() throws {
        let database = try Database.temporary(migrations: [Self.first, Self.second])
        defer { database.close() }
        #expect(database.schemaVersion == 2)
        let recorded = try database.read { connection in
            try connection.query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version")
        }
        #expect(recorded.map { $0.int(0) } == [1, 2])
        #expect(recorded.map { $0.text(1) } == ["create items", "create log"])
        #expect(recorded.allSatisfy { $0.text(2).hasSuffix("Z") })
        #expect(try database.read { try $0.queryOne("SELECT count(*) FROM log")?.int(0) } == 1)
    }

    @Test("reopening runs nothing again, and an appended migration runs alone")
    func reopen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("claret.sqlite")
        try Database(path: path, migrations: [Self.first, Self.second]).close()

        let again = try Database(path: path, migrations: [Self.first, Self.second])
        #expect(again.schemaVersion == 2)
        #expect(try again.read { try $0.queryOne("SELECT count(*) FROM log")?.int(0) } == 1)
        again.close()

        let extended = try Database(path: path, migrations: [Self.first, Self.second, Self.third])
        defer { extended.close() }
        #expect(extended.schemaVersion == 3)
        #expect(try extended.read { try $0.queryOne("SELECT count(*) FROM log")?.int(0) } == 1)
        try extended.write { try $0.run("INSERT INTO items (sku, notes) VALUES ('A', 'fragile')") }
        #expect(try extended.read { try $0.queryOne("SELECT count(*) FROM schema_migrations")?.int(0) } == 3)
    }

    @Test("a database written by a newer version is refused with a clear message")
    func newerDatabaseIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("claret.sqlite")
        try Database(path: path, migrations: [Self.first, Self.second, Self.third]).close()

        let error = #expect(throws: MigrationError.self) {
            try Database(path: path, migrations: [Self.first, Self.second])
        }
        #expect(error == .databaseIsNewer(found: 3, supported: 2, path: path))
        #expect(
            error?.description
                == "the database at \(path) was written by a newer claret-harness (schema version 3; this build "
                + "knows up to 2). Use a newer claret-harness or another --data directory.")
        // The refusal changed nothing: the newer build can still open it.
        let newer = try Database(path: path, migrations: [Self.first, Self.second, Self.third])
        #expect(newer.schemaVersion == 3)
        newer.close()
    }

    @Test("a failing migration is rolled back and named; earlier migrations stay applied")
    func failingMigration() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("claret.sqlite")
        let broken = Migration(
            version: 2, name: "half broken",
            sql: """
                CREATE TABLE half (x);
                INSERT INTO no_such_table VALUES (1);
                """)
        let error = #expect(throws: MigrationError.self) {
            try Database(path: path, migrations: [Self.first, broken])
        }
        guard case .failed(let version, let name, let cause) = error else {
            Issue.record("expected .failed, got \(String(describing: error))")
            return
        }
        #expect(version == 2)
        #expect(name == "half broken")
        #expect(cause.message == "no such table: no_such_table")
        #expect(error?.description.hasPrefix("migration 2 (half broken) failed: SQLite error 1:") == true)

        let reopened = try Database(path: path, migrations: [Self.first])
        defer { reopened.close() }
        #expect(reopened.schemaVersion == 1)
        let tables = try reopened.read { connection in
            try connection.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map { $0.text(0) }
        }
        #expect(tables == ["items", "schema_migrations"])
    }

    @Test("a migration that leaves a dangling foreign key is refused")
    func danglingForeignKey() throws {
        let dangling = Migration(
            version: 2, name: "orphan",
            sql: """
                CREATE TABLE stock (item_id INTEGER NOT NULL REFERENCES items(id));
                INSERT INTO stock VALUES (404);
                """)
        let error = #expect(throws: MigrationError.self) {
            try Database.temporary(migrations: [Self.first, dangling])
        }
        guard case .failed(2, "orphan", let cause) = error else {
            Issue.record("expected migration 2 to fail, got \(String(describing: error))")
            return
        }
        #expect(cause.isForeignKeyViolation)
    }

    @Test("a migration can rebuild a referenced table without cascading deletes, and foreign keys are back on after")
    func rebuildKeepsChildren() throws {
        let schema = Migration(
            version: 1, name: "parent and child",
            sql: """
                CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);
                CREATE TABLE child (id INTEGER PRIMARY KEY,
                                    parent_id INTEGER NOT NULL REFERENCES parent(id) ON DELETE CASCADE);
                INSERT INTO parent VALUES (1, 'p');
                INSERT INTO child VALUES (10, 1);
                """)
        let rebuild = Migration(
            version: 2, name: "rebuild parent",
            sql: """
                CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');
                INSERT INTO parent_new SELECT id, name FROM parent;
                DROP TABLE parent;
                ALTER TABLE parent_new RENAME TO parent;
                """)
        let database = try Database.temporary(migrations: [schema, rebuild])
        defer { database.close() }
        let children = try database.read { try $0.queryOne("SELECT count(*) FROM child")?.int(0) }
        #expect(children == 1)
        let foreignKeys = try database.write { try $0.queryOne("PRAGMA foreign_keys")?.int(0) }
        #expect(foreignKeys == 1)
    }

    @Test("a migration list that is not 1, 2, 3 … is refused before anything runs")
    func invalidList() throws {
        let skipping = Migration(version: 3, name: "skips 2", sql: "CREATE TABLE x (y)")
        let error = #expect(throws: MigrationError.self) {
            try Database.temporary(migrations: [Self.first, skipping])
        }
        #expect(error == .invalidList(reason: "expected version 2 at position 2, found 3"))
    }

    @Test("a file that is not an SQLite database is refused with SQLite's error")
    func notADatabase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("claret.sqlite")
        try Data(String(repeating: "not a database. ", count: 256).utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SQLiteError.self) { try Database(path: path, migrations: [Self.first]) }
        #expect(error?.code == 26)  // SQLITE_NOTADB
    }
}
