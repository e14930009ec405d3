import ClaretModel
import ClaretStore
import Foundation
import Testing

@Suite("Job logs of JSON imports")
struct JobStoreTests {
    @Test("a JSON import writes a finished job log with its counts, user and timestamps")
    func jsonImportJobLog() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let (outcome, job) = try fixture.importing(
            [
                record("124", "SS-02", "FG-GEN-LOT", "2024-01-01", "3"),
                record("NOPE", "SS-02", "FG-GEN-LOT", "2024-01-01", "3"),
            ], by: fixture.viewer)
        #expect(job.id == 1)
        #expect(job.type == "inventory-import")
        #expect(job.description == "Inventory Import")
        #expect(job.status == .completedWithErrors)
        #expect(job.completedSteps == 8 && job.totalSteps == 8)
        #expect(job.currentStep == nil)
        #expect(job.startedAt == "2024-01-01T12:00:00Z")
        #expect(job.completedAt == "2024-01-01T12:00:00Z")
        #expect(job.userID == fixture.viewer.id)
        #expect(job.summary == outcome.summary)
        #expect(try fixture.store.job(1, of: fixture.demo, visibleTo: fixture.viewer) == job)
        #expect(try fixture.store.jobs(of: fixture.demo) == [job])
    }

    @Test("job ids count up per tenant and job lists are newest first")
    func numberingAndOrder() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let acme = try fixture.store.createTenant(smallTenant(named: "acme"))
        let boss = try fixture.boss(of: acme)
        let one = record("124", "SS-02", "FG-GEN-LOT", "2024-01-01", "3")
        let ids = try [
            fixture.importing([one]).1.id,
            fixture.importing([one], by: fixture.viewer).1.id,
            fixture.importing([record("999", "SS-01", "RM19CASRUT.ZAM", "2024-01-01", "1")], into: acme, by: boss).1.id,
            fixture.importing([one]).1.id,
        ]
        #expect(ids == [1, 2, 1, 3])
        #expect(try fixture.store.jobs(of: fixture.demo).map(\.id) == [3, 2, 1])
        #expect(try fixture.store.jobs(of: fixture.demo).map(\.userID) == [1, 2, 1])
        #expect(try fixture.store.jobs(of: acme).map(\.id) == [1])
        #expect(try fixture.store.jobs(of: acme).first?.userID == boss.id)
    }

    @Test("a non-admin sees only the jobs they started; an admin sees every job")
    func visibility() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let one = record("124", "SS-02", "FG-GEN-LOT", "2024-01-01", "3")
        let byAdmin = try fixture.importing([one]).1
        let byViewer = try fixture.importing([one], by: fixture.viewer).1
        let store = fixture.store
        #expect(try store.job(byAdmin.id, of: fixture.demo, visibleTo: fixture.admin) == byAdmin)
        #expect(try store.job(byViewer.id, of: fixture.demo, visibleTo: fixture.admin) == byViewer)
        #expect(try store.job(byViewer.id, of: fixture.demo, visibleTo: fixture.viewer) == byViewer)
        #expect(try store.job(byAdmin.id, of: fixture.demo, visibleTo: fixture.viewer) == nil)
        #expect(try store.job(99, of: fixture.demo, visibleTo: fixture.admin) == nil)
    }

    @Test("a job id of one tenant finds nothing in another")
    func jobIsolation() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let acme = try fixture.store.createTenant(smallTenant(named: "acme"))
        let boss = try fixture.boss(of: acme)
        let job = try fixture.importing([record("124", "SS-02", "FG-GEN-LOT", "2024-01-01", "3")]).1
        #expect(job.id == 1)
        #expect(try fixture.store.job(1, of: acme, visibleTo: boss) == nil)
        #expect(try fixture.store.jobs(of: acme).isEmpty)
    }

    @Test("a failed import's job log reports the failure")
    func failedJobLog() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let refuse = ImportOptions(allowCreation: false, allowUpdate: false, continueOnError: true)
        let (outcome, job) = try fixture.importing(
            [record("124", "SS-02", "FG-GEN-LOT", "2024-01-01", "3")], options: refuse)
        #expect(outcome.status == .failed)
        #expect(job.status == .failed)
        #expect(job.summary == ImportSummary(received: 1, created: 0, updated: 0, failed: 1))
        #expect(try fixture.store.jobs(of: fixture.demo).first?.status == .failed)
    }
}
