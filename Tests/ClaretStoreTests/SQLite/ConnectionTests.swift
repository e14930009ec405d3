import ClaretStore
import Foundation
import Testing

@Suite("Connection")
struct ConnectionTests {
    /// Opens a writable connection on a new file; the directory is removed by the caller's `defer`.
    private func open(_ directory: TemporaryDirectory) throws -> Connection {
        try Connection(path: directory.file("test.sqlite"))
    }

    static let roundTripValues: [SQLValue] = [
        .null,
        .integer(0), .integer(Int64.max), .integer(Int64.min), .integer(-1),
        .real(3.141592653589793), .real(-0.5), .real(1e308), .real(-2.2250738585072014e-308),
        .text(""), .text("plain"), .text("Grüße, 東京, emoji 🧪👩🏽‍🔬, RTL שלום"), .text("tab\tand\nnewline"),
        .text("embedded\u{0}nul"),
        .blob([]), .blob([0, 1, 2, 255]), .blob(Array(0...255)),
    ]

    @Test("values round-trip through bind and read unchanged", arguments: roundTripValues)
    func roundTrip(_ value: SQLValue) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        try connection.execute("CREATE TABLE v (x)")  // no declared type, so no affinity conversion
        try connection.run("INSERT INTO v (x) VALUES (?)", [value])
        let row = try connection.queryOne("SELECT x, typeof(x) FROM v")
        #expect(row?[0] == value)
        let expectedType: String
        switch value {
        case .null: expectedType = "null"
        case .integer: expectedType = "integer"
        case .real: expectedType = "real"
        case .text: expectedType = "text"
        case .blob: expectedType = "blob"
        }
        #expect(row?.text(1) == expectedType)
    }

    @Test("a UNIQUE violation reports its extended code, SQLite's message and the SQL")
    func uniqueViolation() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        try connection.execute("CREATE TABLE items (sku TEXT NOT NULL UNIQUE)")
        let insert = "INSERT INTO items (sku) VALUES (?)"
        try connection.run(insert, ["A-1"])
        let error = #expect(throws: SQLiteError.self) { try connection.run(insert, ["A-1"]) }
        #expect(error?.code == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(error?.isConstraintViolation == true)
        #expect(error?.isUniqueViolation == true)
        #expect(error?.isForeignKeyViolation == false)
        #expect(error?.message == "UNIQUE constraint failed: items.sku")
        #expect(error?.sql == insert)
        #expect(error?.description.contains("INSERT INTO items") == true)
        #expect(try connection.query("SELECT sku FROM items").count == 1)
    }

    @Test("foreign keys are enforced, and a violation says so")
    func foreignKeyViolation() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        try connection.execute(
            """
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id));
            """)
        let error = #expect(throws: SQLiteError.self) {
            try connection.run("INSERT INTO child (parent_id) VALUES (?)", [99])
        }
        #expect(error?.isForeignKeyViolation == true)
        #expect(error?.isConstraintViolation == true)
    }

    @Test("a syntax error carries SQLITE_ERROR and the SQL")
    func syntaxError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        let error = #expect(throws: SQLiteError.self) { try connection.query("SELEC 1") }
        #expect(error?.code == 1)
        #expect(error?.sql == "SELEC 1")
        #expect(error?.message.contains("syntax error") == true)
    }

    @Test("run and query take exactly one statement; a trailing semicolon or comment is fine")
    func oneStatementOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        try connection.execute("CREATE TABLE t (x)")
        let error = #expect(throws: SQLiteError.self) {
            try connection.run("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)")
        }
        #expect(error?.message.contains("more than one statement") == true)
        #expect(try connection.queryOne("SELECT count(*) FROM t")?.int(0) == 0)
        try connection.run("INSERT INTO t VALUES (3);  -- trailing comment\n")
        #expect(try connection.queryOne("SELECT count(*) FROM t")?.int(0) == 1)
    }

    @Test("the number of bindings must match the statement's parameters")
    func bindingCount() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        try connection.execute("CREATE TABLE t (a, b)")
        let tooFew = #expect(throws: SQLiteError.self) { try connection.run("INSERT INTO t VALUES (?, ?)", [1]) }
        #expect(tooFew?.message == "the statement takes 2 bindings but 1 were given")
        let tooMany = #expect(throws: SQLiteError.self) { try connection.run("INSERT INTO t VALUES (?, 0)", [1, 2]) }
        #expect(tooMany?.code == 25)  // SQLITE_RANGE
        try connection.run("INSERT INTO t VALUES (?, ?)", [1, 2])
        #expect(try connection.queryOne("SELECT a + b FROM t")?.int(0) == 3)
    }

    @Test("repeated SQL reuses one cached prepared statement")
    func statementCacheReuse() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        try connection.execute("CREATE TABLE t (x INTEGER)")
        let before = connection.preparedStatementCount
        let insert = "INSERT INTO t (x) VALUES (?)"
        let select = "SELECT count(*) FROM t WHERE x >= ?"
        for number in 0..<100 {
            try connection.run(insert, [.integer(Int64(number))])
            _ = try connection.queryOne(select, [0])
        }
        #expect(connection.preparedStatementCount == before + 2)
        #expect(connection.runCount(ofCached: insert) == 100)
        #expect(connection.runCount(ofCached: select) == 100)
        #expect(try connection.queryOne(select, [50])?.int(0) == 50)
    }

    @Test("distinct SQL beyond the cache limit does not grow the cache")
    func statementCacheLimit() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        connection.statementCacheLimit = 4
        for number in 0..<20 {
            #expect(try connection.queryOne("SELECT \(number)")?.int(0) == number)
        }
        #expect(connection.preparedStatementCount <= 4)
        #expect(connection.preparedStatementCount >= 1)
    }

    @Test("the same SQL may run again inside forEachRow on the same connection")
    func nestedSameSQL() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        try connection.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);")
        let sql = "SELECT x FROM t WHERE x >= ? ORDER BY x"
        var pairs: [[Int]] = []
        try connection.forEachRow(sql, [1]) { outer in
            let inner = try connection.query(sql, [.integer(outer.int64(0))])
            pairs.append(inner.map { $0.int(0) })
        }
        #expect(pairs == [[1, 2, 3], [2, 3], [3]])
    }

    @Test("forEachRow streams every row, rethrows the body's error unchanged, and the SQL stays usable")
    func forEachRowErrors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        try connection.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);")
        let sql = "SELECT x FROM t ORDER BY x"
        var seen: [Int] = []
        let error = #expect(throws: Deliberate.self) {
            try connection.forEachRow(sql) { row in
                seen.append(row.int(0))
                if row.int(0) == 2 { throw Deliberate(tag: "stop at 2") }
            }
        }
        #expect(error == Deliberate(tag: "stop at 2"))
        #expect(seen == [1, 2])
        var all: [Int] = []
        try connection.forEachRow(sql) { all.append($0.int(0)) }
        #expect(all == [1, 2, 3])
    }

    @Test("queryOne gives the first row or nil")
    func queryOne() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        try connection.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (5), (6);")
        #expect(try connection.queryOne("SELECT x FROM t ORDER BY x")?.int(0) == 5)
        #expect(try connection.queryOne("SELECT x FROM t WHERE x > 100") == nil)
    }

    @Test("lastInsertRowID and changes describe the last statement")
    func insertIDAndChanges() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER)")
        try connection.run("INSERT INTO t (id, x) VALUES (41, 0)")
        try connection.run("INSERT INTO t (x) VALUES (1)")
        #expect(connection.lastInsertRowID == 42)
        #expect(connection.changes == 1)
        try connection.run("UPDATE t SET x = x + 1")
        #expect(connection.changes == 2)
    }

    @Test("execute runs a script of several statements")
    func executeScript() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        try connection.execute(
            """
            CREATE TABLE a (x);
            CREATE TABLE b (y);
            INSERT INTO a VALUES (1);
            INSERT INTO b VALUES (2);
            """)
        #expect(try connection.queryOne("SELECT (SELECT x FROM a) + (SELECT y FROM b)")?.int(0) == 3)
        let error = #expect(throws: SQLiteError.self) { try connection.execute("CREATE TABLE a (x)") }
        #expect(error?.message == "table a already exists")
    }

    @Test("a writable connection uses WAL, synchronous=NORMAL, foreign keys and in-memory temp storage")
    func settings() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        #expect(try connection.queryOne("PRAGMA journal_mode")?.text(0) == "wal")
        #expect(try connection.queryOne("PRAGMA synchronous")?.int(0) == 1)
        #expect(try connection.queryOne("PRAGMA foreign_keys")?.int(0) == 1)
        #expect(try connection.queryOne("PRAGMA temp_store")?.int(0) == 2)
        #expect(try connection.queryOne("PRAGMA busy_timeout")?.int(0) == 5000)
    }

    @Test("a read-only connection sees the data and refuses writes")
    func readOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = try open(directory)
        try writer.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        let reader = try Connection(path: directory.file("test.sqlite"), readOnly: true)
        #expect(try reader.queryOne("SELECT x FROM t")?.int(0) == 1)
        let error = #expect(throws: SQLiteError.self) { try reader.run("INSERT INTO t VALUES (2)") }
        #expect(error?.primaryCode == 8)  // SQLITE_READONLY
        reader.close()
        writer.close()
    }

    @Test("opening a missing file read-only fails with SQLite's message and the path")
    func openFailure() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("missing.sqlite")
        let error = #expect(throws: SQLiteError.self) { try Connection(path: path, readOnly: true) }
        #expect(error?.primaryCode == 14)  // SQLITE_CANTOPEN
        #expect(error?.message.contains(path) == true)
    }

    @Test("close is idempotent and later calls throw a closed-connection error")
    func closeIsIdempotent() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        try connection.execute("CREATE TABLE t (x)")
        try connection.run("INSERT INTO t VALUES (1)")
        connection.close()
        connection.close()
        #expect(!connection.isOpen)
        #expect(connection.preparedStatementCount == 0)
        let error = #expect(throws: SQLiteError.self) { try connection.run("INSERT INTO t VALUES (1)") }
        #expect(error?.message == "the connection is closed")
        #expect(throws: SQLiteError.self) { try connection.execute("SELECT 1") }
    }

    @Test("close inside forEachRow completes when the iteration ends")
    func closeDuringIteration() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        try connection.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);")
        var seen: [Int] = []
        try connection.forEachRow("SELECT x FROM t ORDER BY x") { row in
            seen.append(row.int(0))
            connection.close()
        }
        #expect(seen == [1, 2, 3])
        #expect(!connection.isOpen)
        #expect(throws: SQLiteError.self) { try connection.query("SELECT 1") }
    }

    @Test("a savepoint undoes only its own changes when its body throws")
    func savepoint() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        try connection.execute("CREATE TABLE t (x INTEGER)")
        try connection.run("BEGIN IMMEDIATE")
        try connection.run("INSERT INTO t VALUES (1)")
        let error = #expect(throws: Deliberate.self) {
            try connection.savepoint {
                try connection.run("INSERT INTO t VALUES (2)")
                throw Deliberate(tag: "undo 2")
            }
        }
        #expect(error?.tag == "undo 2")
        let kept = try connection.savepoint { () throws -> Int in
            try connection.run("INSERT INTO t VALUES (3)")
            return connection.changes
        }
        #expect(kept == 1)
        #expect(connection.isInTransaction)
        try connection.run("COMMIT")
        #expect(try connection.query("SELECT x FROM t ORDER BY x").map { $0.int(0) } == [1, 3])
    }
}
