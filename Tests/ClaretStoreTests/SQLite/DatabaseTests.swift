import ClaretStore
import Dispatch
import Foundation
import Testing

@Suite("Database")
struct DatabaseTests {
    static let ledger = Migration(
        version: 1, name: "ledger",
        sql: """
            CREATE TABLE entries (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL);
            CREATE TABLE totals (id INTEGER PRIMARY KEY CHECK (id = 1), entry_count INTEGER NOT NULL);
            INSERT INTO totals VALUES (1, 0);
            """)

    private func count(_ database: Database) throws -> Int {
        try database.read { try $0.queryOne("SELECT count(*) FROM entries")?.int(0) ?? -1 }
    }

    @Test("a write that throws leaves nothing behind and its error comes back unchanged")
    func rollbackOnThrow() throws {
        let database = try Database.temporary(migrations: [Self.ledger])
        defer { database.close() }
        let error = #expect(throws: Deliberate.self) {
            try database.write { connection in
                try connection.run("INSERT INTO entries (amount) VALUES (10)")
                try connection.run("UPDATE totals SET entry_count = entry_count + 1")
                throw Deliberate(tag: "abandon")
            }
        }
        #expect(error == Deliberate(tag: "abandon"))
        #expect(try count(database) == 0)
        #expect(try database.read { try $0.queryOne("SELECT entry_count FROM totals")?.int(0) } == 0)
        try database.write { try $0.run("INSERT INTO entries (amount) VALUES (1)") }
        #expect(try count(database) == 1)
    }

    @Test("a write returns its body's value and commits it for later reads")
    func commit() throws {
        let database = try Database.temporary(migrations: [Self.ledger])
        defer { database.close() }
        let id = try database.write { connection -> Int64 in
            try connection.run("INSERT INTO entries (amount) VALUES (?)", [25])
            return connection.lastInsertRowID
        }
        #expect(id == 1)
        let amount = try database.read { try $0.queryOne("SELECT amount FROM entries WHERE id = ?", [.integer(id)]) }
        #expect(amount?.int(0) == 25)
    }

    @Test("a failed COMMIT is rolled back, reported, and the writer stays usable")
    func failedCommit() throws {
        let deferred = Migration(
            version: 2, name: "deferred reference",
            sql: """
                CREATE TABLE notes (entry_id INTEGER NOT NULL
                                    REFERENCES entries(id) DEFERRABLE INITIALLY DEFERRED);
                """)
        let database = try Database.temporary(migrations: [Self.ledger, deferred])
        defer { database.close() }
        let error = #expect(throws: SQLiteError.self) {
            try database.write { connection in
                try connection.run("INSERT INTO entries (amount) VALUES (1)")
                try connection.run("INSERT INTO notes (entry_id) VALUES (999)")
            }
        }
        #expect(error?.isForeignKeyViolation == true)
        #expect(error?.sql == "COMMIT")
        #expect(try count(database) == 0)
        try database.write { try $0.run("INSERT INTO entries (amount) VALUES (2)") }
        #expect(try count(database) == 1)
    }

    @Test("a read keeps one snapshot while a write commits in between")
    func readSnapshot() throws {
        let database = try Database.temporary(migrations: [Self.ledger])
        defer { database.close() }
        let (before, during) = try database.read { connection -> (Int, Int) in
            let before = try connection.queryOne("SELECT count(*) FROM entries")?.int(0) ?? -1
            try database.write { try $0.run("INSERT INTO entries (amount) VALUES (5)") }
            let during = try connection.queryOne("SELECT count(*) FROM entries")?.int(0) ?? -1
            return (before, during)
        }
        #expect(before == 0)
        #expect(during == 0)
        #expect(try count(database) == 1)
    }

    @Test("concurrent readers and one writer from several threads see consistent counts")
    func concurrentReadersAndWriter() throws {
        let database = try Database.temporary(migrations: [Self.ledger])
        defer { database.close() }
        let workers = 8
        let rounds = 25
        let failures = Gathered<String>()
        let observed = Gathered<Int>()
        let writers = OverlapProbe()
        // Every worker both writes and reads, so writes from different threads contend for the writer even on a
        // two-core machine, and reads run while other threads' writes commit.
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do {
                var last = 0
                for _ in 0..<rounds {
                    try database.write { connection in
                        writers.enter()
                        defer { writers.leave() }
                        try connection.run("INSERT INTO entries (amount) VALUES (?)", [10])
                        // Widens the window in which a second writer would overlap if writes were not serialized.
                        Thread.sleep(forTimeInterval: 0.0002)
                        try connection.run("INSERT INTO entries (amount) VALUES (?)", [-10])
                        try connection.run("UPDATE totals SET entry_count = entry_count + 2")
                    }
                    let (entries, total, sum) = try database.read { connection -> (Int, Int, Int) in
                        let entries = try connection.queryOne("SELECT count(*), total(amount) FROM entries")
                        let total = try connection.queryOne("SELECT entry_count FROM totals")?.int(0) ?? -1
                        return (entries?.int(0) ?? -1, total, entries?.int(1) ?? -1)
                    }
                    if entries != total || sum != 0 {
                        failures.append("snapshot mismatch: \(entries) entries, total \(total), sum \(sum)")
                    }
                    if entries <= last { failures.append("worker \(worker) saw \(entries) after \(last)") }
                    last = entries
                    observed.append(entries)
                }
            } catch {
                failures.append("worker \(worker): \(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.count) failures, first: \(failures.all.prefix(3))")
        #expect(writers.maximum == 1)
        #expect(observed.all.count == workers * rounds)
        #expect(try count(database) == workers * rounds * 2)
        #expect(try database.read { try $0.queryOne("SELECT entry_count FROM totals")?.int(0) } == workers * rounds * 2)
    }

    @Test("readers are pooled: sequential reads reuse one connection")
    func readerReuse() throws {
        let database = try Database.temporary(migrations: [Self.ledger])
        defer { database.close() }
        let first = try database.read { ObjectIdentifier($0) }
        let second = try database.read { ObjectIdentifier($0) }
        #expect(first == second)
        let (outer, inner) = try database.read { outer in
            (ObjectIdentifier(outer), try database.read { ObjectIdentifier($0) })
        }
        #expect(outer != inner)
    }

    @Test("a read's error comes back unchanged and the reader is not left in a transaction")
    func readErrors() throws {
        let database = try Database.temporary(migrations: [Self.ledger])
        defer { database.close() }
        let error = #expect(throws: Deliberate.self) {
            try database.read { _ in throw Deliberate(tag: "read failed") }
        }
        #expect(error?.tag == "read failed")
        #expect(try database.read { $0.isInTransaction && $0.isReadOnly })
        let refused = #expect(throws: SQLiteError.self) {
            try database.read { try $0.run("INSERT INTO entries (amount) VALUES (1)") }
        }
        #expect(refused?.primaryCode == 8)  // SQLITE_READONLY
    }

    @Test("write inside write on the same thread throws instead of deadlocking")
    func nestedWrite() throws {
        let database = try Database.temporary(migrations: [Self.ledger])
        defer { database.close() }
        try database.write { connection in
            try connection.run("INSERT INTO entries (amount) VALUES (1)")
            let error = #expect(throws: DatabaseError.self) {
                try database.write { try $0.run("INSERT INTO entries (amount) VALUES (2)") }
            }
            #expect(error == .nestedWrite)
        }
        #expect(try count(database) == 1)
    }

    @Test("read inside write on the same thread throws rather than missing the write's changes")
    func readInsideWrite() throws {
        let database = try Database.temporary(migrations: [Self.ledger])
        defer { database.close() }
        try database.write { connection in
            let error = #expect(throws: DatabaseError.self) { try database.read { _ in 0 } }
            #expect(error == .readInsideWrite)
        }
    }

    @Test("close is idempotent and later reads and writes throw a closed error")
    func closeIsIdempotent() throws {
        let database = try Database.temporary(migrations: [Self.ledger])
        try database.write { try $0.run("INSERT INTO entries (amount) VALUES (1)") }
        _ = try count(database)
        database.close()
        database.close()
        let writeError = #expect(throws: DatabaseError.self) { try database.write { _ in 0 } }
        #expect(writeError == .closed(path: database.path))
        let readError = #expect(throws: DatabaseError.self) { try database.read { _ in 0 } }
        #expect(readError == .closed(path: database.path))
        #expect(readError?.description == "the database at \(database.path) is closed")
    }

    @Test("closing a temporary database deletes its directory")
    func temporaryIsDeleted() throws {
        let database = try Database.temporary(migrations: [Self.ledger])
        let directory = URL(fileURLWithPath: database.path).deletingLastPathComponent().path
        try database.write { try $0.run("INSERT INTO entries (amount) VALUES (1)") }
        #expect(FileManager.default.fileExists(atPath: database.path))
        database.close()
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    @Test("close waits for an in-flight write to commit")
    func closeWaitsForWrite() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("claret.sqlite")
        let database = try Database(path: path, migrations: [Self.ledger])
        let inside = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let outcome = Gathered<String>()
        Thread.detachNewThread {
            do {
                try database.write { connection in
                    inside.signal()
                    Thread.sleep(forTimeInterval: 0.2)
                    try connection.run("INSERT INTO entries (amount) VALUES (7)")
                    outcome.append("body done")
                }
                outcome.append("committed")
            } catch {
                outcome.append("failed: \(error)")
            }
            finished.signal()
        }
        inside.wait()
        database.close()
        #expect(outcome.all.first == "body done")
        finished.wait()
        #expect(outcome.all == ["body done", "committed"])
        let reopened = try Database(path: path, migrations: [Self.ledger])
        defer { reopened.close() }
        #expect(try count(reopened) == 1)
    }

    @Test("close inside a write completes when that write has committed")
    func closeInsideWrite() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("claret.sqlite")
        let database = try Database(path: path, migrations: [Self.ledger])
        try database.write { connection in
            try connection.run("INSERT INTO entries (amount) VALUES (3)")
            database.close()
            try connection.run("INSERT INTO entries (amount) VALUES (4)")
        }
        #expect(throws: DatabaseError.self) { try database.write { _ in 0 } }
        let reopened = try Database(path: path, migrations: [Self.ledger])
        defer { reopened.close() }
        #expect(try count(reopened) == 2)
    }
}
