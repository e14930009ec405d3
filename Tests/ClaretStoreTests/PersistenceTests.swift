import ClaretModel
import ClaretStore
import Foundation
import Testing

@Suite("Persistence: closing and reopening the database file")
struct PersistenceTests {
    @Test("tenants, inventory, tokens, jobs and job files survive closing and reopening the store")
    func survivesReopen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("claret.sqlite")
        let token: String
        let jobs: [JobLog]
        let rows: [InventoryRow]
        let upload = CSVJobStoreTests.upload
        do {
            let fixture = try SeededStore(path: path)
            defer { fixture.close() }
            try fixture.store.createTenant(smallTenant(named: "acme"))
            try fixture.importing([record("124", "SS-02", "FG-GEN-LOT", "2024-01-01", "12.345", "gal")])
            try fixture.store.enqueue(
                try csvUpload(upload), fields: csvFields(), into: fixture.demo, by: fixture.viewer, now: noonOfNewYear)
            token = try fixture.store.issueToken(for: fixture.viewer, lifetimeSeconds: nil)
            jobs = try fixture.store.jobs(of: fixture.demo)
            rows = try fixture.rows()
        }

        let reopened = try SeededStore(path: path)  // installs the built-in seed again: state must be kept
        defer { reopened.close() }
        #expect(try reopened.store.tenantNames() == ["acme", "demo"])
        #expect(try reopened.rows() == rows)
        #expect(rows.contains { $0.quantity.text == "12.345" && $0.item == "124" })
        #expect(try reopened.store.jobs(of: reopened.demo) == jobs)
        #expect(jobs.count == 2)
        #expect(try reopened.store.authenticate(token: token, in: reopened.demo) == reopened.viewer)
        #expect(try reopened.store.issueToken(for: reopened.admin, lifetimeSeconds: nil).hasPrefix("2|"))
        let queued = try #require(jobs.first)
        #expect(queued.status == .queued)
        #expect(
            text(try reopened.store.jobFile(at: queued.files.input[0], of: reopened.demo, visibleTo: reopened.viewer))
                == upload)
        #expect(try reopened.store.hasQueuedJobs())
        let (_, next) = try reopened.importing([record("124", "SS-02", "FG-GEN-LOT", "2024-01-01", "1")])
        #expect(next.id == 3)
        let acme = try #require(try reopened.store.tenant(named: "acme"))
        #expect(try reopened.boss(of: acme).tenant == acme)
    }

    @Test("a store opens an empty file path as a new, empty database")
    func emptyStore() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Store(path: directory.file("fresh.sqlite"))
        defer { store.close() }
        #expect(try store.tenantNames().isEmpty)
        #expect(try store.tenant(named: "demo") == nil)
        #expect(try store.claimNextJob() == nil)
        #expect(store.path == directory.file("fresh.sqlite"))
    }

    @Test("a database from a newer schema version is refused and left as it was")
    func newerSchemaRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("claret.sqlite")
        let fixture = try SeededStore(path: path)
        fixture.close()
        do {
            let connection = try Connection(path: path)
            defer { connection.close() }
            try connection.run(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', '2099-01-01T00:00:00Z')"
            )
        }

        let error = #expect(throws: MigrationError.self) { try Store(path: path) }
        guard case .databaseIsNewer(let found, let supported, let refusedPath)? = error else {
            Issue.record("expected databaseIsNewer, got \(String(describing: error))")
            return
        }
        #expect(found == 99)
        #expect(supported < 99)
        #expect(refusedPath == path)
        #expect(error?.description.contains("newer claret-harness") == true)

        let connection = try Connection(path: path, readOnly: true)
        defer { connection.close() }
        #expect(try connection.queryOne("SELECT count(*) FROM tenants")?.int(0) == 1)
        #expect(try connection.queryOne("SELECT max(version) FROM schema_migrations")?.int(0) == 99)
    }

    @Test("a temporary store lives in its own file and removes it on close")
    func temporaryStore() throws {
        let first = try Store.temporary()
        let second = try Store.temporary()
        #expect(first.path != second.path)
        #expect(FileManager.default.fileExists(atPath: first.path))
        try first.install(SeedFile.builtIn())
        #expect(try second.tenantNames().isEmpty)
        first.close()
        second.close()
        #expect(!FileManager.default.fileExists(atPath: first.path))
        #expect(!FileManager.default.fileExists(atPath: second.path))
    }
}
