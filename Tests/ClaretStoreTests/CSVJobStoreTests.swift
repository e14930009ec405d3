import ClaretModel
import ClaretStore
import Foundation
import Testing

@Suite("CSV import jobs: queue, claim, completion and job files")
struct CSVJobStoreTests {
    /// An upload with a BOM, CRLF, a quoted cell, an extra column and the columns out of order.
    static let upload =
        "\u{FEFF}lot_status,item_name,bin_name,lot_name,date_filled,quantity,uom\r\n"
        + "Active,124,SS-02,FG-GEN-LOT,2024-01-01,12.345,gal\r\n"
        + "Active,NOPE,SS-02,FG-GEN-LOT,2024-01-01,3,Gallon\r\n"
        + "Active,ZAMNVCAS19,SS-01,RM19CASRUT.ZAM,2023-08-01,1e3,9LE\r\n"
        + "Closed,\"122-16\",Refrigerator,FG-GEN-LOT,2024-13-01,3,Gallon\r\n"

    static let header = "item_name,bin_name,lot_name,date_filled,quantity,uom"
    static let cells = [
        "124,SS-02,FG-GEN-LOT,2024-01-01,12.345,gal",
        "NOPE,SS-02,FG-GEN-LOT,2024-01-01,3,Gallon",
        "ZAMNVCAS19,SS-01,RM19CASRUT.ZAM,2023-08-01,1e3,9LE",
        "122-16,Refrigerator,FG-GEN-LOT,2024-13-01,3,Gallon",
    ]

    static let inputPath =
        "/demo/download/demo/user-uploads/inventory-import/2024-01-01/1/inventory_20240101_untouched.csv"
    static let prefix = "/demo/download/demo/user-uploads/inventory-import/2024-01-01/1/inventory_20240101"

    /// CRLF-terminated CSV lines.
    static func csv(_ lines: [String]) -> String { lines.map { $0 + "\r\n" }.joined() }

    @Test("enqueueing keeps the untouched upload and records a queued job")
    func enqueue() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let request = try csvUpload(Self.upload)
        let job = try fixture.store.enqueue(
            request, fields: csvFields(), into: fixture.demo, by: fixture.admin, now: noonOfNewYear)
        #expect(job.id == 1)
        #expect(job.status == .queued)
        #expect(job.userID == fixture.admin.id)
        #expect(job.files == JobFiles(input: [Self.inputPath]))
        #expect(job.startedAt == nil && job.completedAt == nil)
        #expect(try fixture.store.job(1, of: fixture.demo, visibleTo: fixture.admin) == job)
        #expect(try fixture.store.jobs(of: fixture.demo) == [job])
        #expect(
            try fixture.store.jobFile(at: Self.inputPath, of: fixture.demo, visibleTo: fixture.admin)
                == Array(Self.upload.utf8))
        #expect(try fixture.store.hasQueuedJobs())
        #expect(try fixture.rows() == [DemoSeed.seededRow])
    }

    @Test("claiming moves the oldest queued job to processing and hands back what the client sent")
    func claim() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        var fields = csvFields()
        fields["mapping"] = #"{"item_name": "item_name"}"#
        let request = try csvUpload(Self.upload, fields: fields)
        try fixture.store.enqueue(request, fields: fields, into: fixture.demo, by: fixture.viewer, now: noonOfNewYear)
        try fixture.store.enqueue(
            request, fields: csvFields(), into: fixture.demo, by: fixture.admin, now: noonOfNewYear + 1)

        let claimed = try #require(try fixture.store.claimNextJob(now: noonOfNewYear + 60))
        #expect(claimed.tenant == fixture.demo)
        #expect(claimed.id == 1 && claimed.userID == fixture.viewer.id)
        #expect(claimed.fields == fields)
        #expect(claimed.filename == "stock.csv")
        #expect(claimed.inputPath == Self.inputPath)
        let job = try #require(try fixture.store.job(1, of: fixture.demo, visibleTo: fixture.admin))
        #expect(job.status == .processing)
        #expect(job.startedAt == "2024-01-01T12:01:00Z")
        #expect(job.completedAt == nil)
        #expect(job.currentStep != nil)
        #expect((1..<8).contains(job.completedSteps))
        #expect(try fixture.store.upload(of: claimed) == Array(Self.upload.utf8))

        try fixture.store.recordProgress(of: claimed, completedSteps: 4, step: "validating")
        let progressed = try #require(try fixture.store.job(1, of: fixture.demo, visibleTo: fixture.admin))
        #expect(progressed.completedSteps == 4 && progressed.currentStep == "validating")

        let next = try #require(try fixture.store.claimNextJob(now: noonOfNewYear + 61))
        #expect(next.id == 2 && next.userID == fixture.admin.id)
        #expect(try fixture.store.claimNextJob() == nil)
        #expect(try !fixture.store.hasQueuedJobs())
    }

    @Test("each tenant numbers its own CSV jobs, and jobs are claimed oldest first across tenants")
    func claimOrderAcrossTenants() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let acme = try fixture.store.createTenant(smallTenant(named: "acme"))
        let boss = try fixture.boss(of: acme)
        let request = try csvUpload(Self.upload)
        try fixture.store.enqueue(
            request, fields: csvFields(), into: fixture.demo, by: fixture.admin, now: noonOfNewYear)
        try fixture.store.enqueue(request, fields: csvFields(), into: acme, by: boss, now: noonOfNewYear - 30)
        #expect(try fixture.store.jobs(of: acme).map(\.id) == [1])
        #expect(try fixture.store.jobs(of: fixture.demo).map(\.id) == [1])
        #expect(try fixture.store.jobs(of: acme).first?.userID == boss.id)
        #expect(try fixture.store.claimNextJob()?.tenant == acme)
        #expect(try fixture.store.claimNextJob()?.tenant == fixture.demo)
        #expect(try fixture.store.job(1, of: acme, visibleTo: boss)?.status == .processing)
    }

    @Test("completing applies the valid rows and writes the staging, final and errors files")
    func complete() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let request = try csvUpload(Self.upload)
        try fixture.store.enqueue(
            request, fields: csvFields(), into: fixture.demo, by: fixture.admin, now: noonOfNewYear)
        let claimed = try #require(try fixture.store.claimNextJob(now: noonOfNewYear + 60))
        let outcome = try #require(
            try fixture.store.complete(claimed, with: request, profile: .standard, now: noonOfNewYear + 300))

        #expect(outcome.status == .completedWithErrors)
        #expect(outcome.summary == ImportSummary(received: 4, created: 1, updated: 1, failed: 2))
        #expect(outcome.errors.map(\.index) == [1, 3])
        #expect(outcome.errors.first?.message == "Item 'NOPE' does not exist.")
        #expect(outcome.errors.last?.field == "date_filled")

        #expect(
            try fixture.rows() == [
                InventoryRow(
                    item: "124", bin: "SS-02", locationArea: "North", location: "ZAM-WINERY", lot: "FG-GEN-LOT",
                    dateFilled: "2024-01-01", quantity: quantity("12.345"), unit: "Gallon"),
                InventoryRow(
                    item: "ZAMNVCAS19", bin: "SS-01", locationArea: "North", location: "ZAM-WINERY",
                    lot: "RM19CASRUT.ZAM", dateFilled: "2023-08-01", quantity: quantity("1000"), unit: "9LE Case"),
            ])

        let job = try #require(try fixture.store.job(1, of: fixture.demo, visibleTo: fixture.admin))
        #expect(job.status == .completedWithErrors)
        #expect(job.completedSteps == 8 && job.totalSteps == 8 && job.currentStep == nil)
        #expect(job.startedAt == "2024-01-01T12:01:00Z")
        #expect(job.completedAt == "2024-01-01T12:05:00Z")
        #expect(job.summary == outcome.summary)
        #expect(
            job.files
                == JobFiles(
                    input: [Self.inputPath], staging: ["\(Self.prefix)_staging.csv"],
                    output: ["\(Self.prefix)_final.csv"],
                    errors: ["\(Self.prefix)_errors.csv"]))

        func file(_ path: String) throws -> String? {
            text(try fixture.store.jobFile(at: path, of: fixture.demo, visibleTo: fixture.admin))
        }
        #expect(try file(Self.inputPath) == Self.upload)
        #expect(try file("\(Self.prefix)_staging.csv") == Self.csv([Self.header] + Self.cells))
        #expect(try file("\(Self.prefix)_final.csv") == Self.csv([Self.header, Self.cells[0], Self.cells[2]]))
        let dateMessage = outcome.errors[1].message
        #expect(dateMessage.contains("Y-m-d"))
        #expect(
            try file("\(Self.prefix)_errors.csv")
                == Self.csv([
                    Self.header + ",error", Self.cells[1] + ",Item 'NOPE' does not exist.",
                    Self.cells[3] + "," + dateMessage,
                ]))
    }

    @Test("a CSV job that stops on its first error applies nothing and says so in its files")
    func completeStopOnError() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let fields = csvFields(continueOnError: false)
        let request = try csvUpload(Self.upload, fields: fields)
        try fixture.store.enqueue(request, fields: fields, into: fixture.demo, by: fixture.admin, now: noonOfNewYear)
        let claimed = try #require(try fixture.store.claimNextJob(now: noonOfNewYear))
        let outcome = try #require(
            try fixture.store.complete(claimed, with: request, profile: .standard, now: noonOfNewYear))
        #expect(outcome.status == .failed)
        #expect(try fixture.rows() == [DemoSeed.seededRow])
        let job = try #require(try fixture.store.job(1, of: fixture.demo, visibleTo: fixture.admin))
        #expect(job.status == .failed)
        let final = try fixture.store.jobFile(
            at: "\(Self.prefix)_final.csv", of: fixture.demo, visibleTo: fixture.admin)
        #expect(text(final) == Self.csv([Self.header]))
        let errors = try fixture.store.jobFile(
            at: "\(Self.prefix)_errors.csv", of: fixture.demo, visibleTo: fixture.admin)
        #expect(text(errors) == Self.csv([Self.header + ",error", Self.cells[1] + ",Item 'NOPE' does not exist."]))
    }

    @Test("a file with a header and no rows makes a job that completes with 0 records")
    func emptyUpload() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let request = try csvUpload(Self.header + "\n")
        try fixture.store.enqueue(
            request, fields: csvFields(), into: fixture.demo, by: fixture.admin, now: noonOfNewYear)
        let claimed = try #require(try fixture.store.claimNextJob())
        let outcome = try #require(try fixture.store.complete(claimed, with: request, profile: .standard))
        #expect(outcome.status == .completed)
        #expect(outcome.summary == ImportSummary(received: 0))
        let job = try #require(try fixture.store.job(1, of: fixture.demo, visibleTo: fixture.admin))
        #expect(job.status == .completed)
        let staging = try fixture.store.jobFile(
            at: "\(Self.prefix)_staging.csv", of: fixture.demo, visibleTo: fixture.admin)
        #expect(text(staging) == Self.csv([Self.header]))
        #expect(try fixture.rows() == [DemoSeed.seededRow])
    }

    @Test("failing a claimed job ends it as failed without applying anything")
    func fail() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let request = try csvUpload(Self.upload)
        try fixture.store.enqueue(
            request, fields: csvFields(), into: fixture.demo, by: fixture.admin, now: noonOfNewYear)
        let claimed = try #require(try fixture.store.claimNextJob(now: noonOfNewYear))
        try fixture.store.fail(claimed, reason: "the upload could not be read", now: noonOfNewYear + 120)
        let job = try #require(try fixture.store.job(1, of: fixture.demo, visibleTo: fixture.admin))
        #expect(job.status == .failed)
        #expect(job.completedAt == "2024-01-01T12:02:00Z")
        #expect(job.currentStep == nil && job.completedSteps == job.totalSteps)
        #expect(job.files.input == [Self.inputPath])
        #expect(try fixture.rows() == [DemoSeed.seededRow])
        #expect(try fixture.store.claimNextJob() == nil)
    }

    @Test("job files follow job visibility: a non-admin cannot read another user's, nor a tenant another's")
    func jobFileVisibility() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let acme = try fixture.store.createTenant(smallTenant(named: "acme"))
        let boss = try fixture.boss(of: acme)
        let request = try csvUpload(Self.upload)
        try fixture.store.enqueue(
            request, fields: csvFields(), into: fixture.demo, by: fixture.admin, now: noonOfNewYear)
        let viewerJob = try fixture.store.enqueue(
            request, fields: csvFields(), into: fixture.demo, by: fixture.viewer, now: noonOfNewYear)
        let store = fixture.store
        #expect(try store.jobFile(at: Self.inputPath, of: fixture.demo, visibleTo: fixture.viewer) == nil)
        #expect(try store.jobFile(at: viewerJob.files.input[0], of: fixture.demo, visibleTo: fixture.viewer) != nil)
        #expect(try store.jobFile(at: viewerJob.files.input[0], of: fixture.demo, visibleTo: fixture.admin) != nil)
        #expect(try store.jobFile(at: Self.inputPath, of: acme, visibleTo: boss) == nil)
        let acmePath = Self.inputPath.replacingOccurrences(of: "demo", with: "acme")
        #expect(try store.jobFile(at: acmePath, of: acme, visibleTo: boss) == nil)
        // Paths the job does not list are not served.
        let unlisted = Self.inputPath.replacingOccurrences(of: "2024-01-01", with: "2024-01-02")
        #expect(try store.jobFile(at: unlisted, of: fixture.demo, visibleTo: fixture.admin) == nil)
        #expect(try store.jobFile(at: "\(Self.prefix)_final.csv", of: fixture.demo, visibleTo: fixture.admin) == nil)
        let sneaky = "/demo/download/demo/user-uploads/inventory-import/../1/inventory_20240101_untouched.csv"
        #expect(try store.jobFile(at: sneaky, of: fixture.demo, visibleTo: fixture.admin) == nil)
    }

    @Test("after a crash, a job left processing is requeued and can run to the end")
    func requeueAfterCrash() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("claret.sqlite")
        let request = try csvUpload(Self.upload)
        do {
            let fixture = try SeededStore(path: path)
            try fixture.store.enqueue(
                request, fields: csvFields(), into: fixture.demo, by: fixture.admin, now: noonOfNewYear)
            try fixture.store.enqueue(
                request, fields: csvFields(), into: fixture.demo, by: fixture.viewer, now: noonOfNewYear)
            let done = try #require(try fixture.store.claimNextJob())
            try fixture.store.complete(done, with: request, profile: .standard)
            let crashed = try #require(try fixture.store.claimNextJob())
            #expect(crashed.id == 2)
            fixture.close()  // the process dies before completing job 2
        }

        let store = try Store(path: path)
        defer { store.close() }
        let demo = try #require(try store.tenant(named: "demo"))
        let admin = try #require(try store.user(in: demo, email: DemoSeed.adminEmail, password: DemoSeed.adminPassword))
        #expect(try store.job(2, of: demo, visibleTo: admin)?.status == .processing)
        #expect(try store.claimNextJob() == nil)

        #expect(try store.requeueUnfinishedJobs() == 1)
        let requeued = try #require(try store.job(2, of: demo, visibleTo: admin))
        #expect(requeued.status == .queued)
        #expect(requeued.startedAt == nil && requeued.currentStep == nil && requeued.completedSteps == 0)
        #expect(try store.job(1, of: demo, visibleTo: admin)?.status == .completedWithErrors)

        let again = try #require(try store.claimNextJob())
        #expect(again.id == 2 && again.userID == 2 && again.fields == csvFields() && again.filename == "stock.csv")
        #expect(try store.upload(of: again) == Array(Self.upload.utf8))
        let outcome = try #require(try store.complete(again, with: request, profile: .standard))
        #expect(outcome.summary == ImportSummary(received: 4, created: 0, updated: 2, failed: 2))
        #expect(try store.job(2, of: demo, visibleTo: admin)?.status == .completedWithErrors)
        #expect(try store.requeueUnfinishedJobs() == 0)
    }

    @Test("a reset deletes the tenant's job files and leaves other tenants' files")
    func resetDeletesJobFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fixture = try SeededStore(path: directory.file("claret.sqlite"))
        defer { fixture.close() }
        let acme = try fixture.store.createTenant(smallTenant(named: "acme"))
        let boss = try fixture.boss(of: acme)
        let demoUpload = Self.upload + "Active,124,SS-03,FG-GEN-LOT,2024-01-01,777.125,gal\r\n"
        let acmeUpload = Self.header + "\n999,SS-01,RM19CASRUT.ZAM,2024-01-01,31.5,gal\n"
        let demoRequest = try csvUpload(demoUpload)
        let acmeRequest = try csvUpload(acmeUpload)
        try fixture.store.enqueue(demoRequest, fields: csvFields(), into: fixture.demo, by: fixture.admin)
        try fixture.store.enqueue(acmeRequest, fields: csvFields(), into: acme, by: boss)
        while let claimed = try fixture.store.claimNextJob() {
            let request = claimed.tenant == acme ? acmeRequest : demoRequest
            try fixture.store.complete(claimed, with: request, profile: .standard)
        }
        let acmeJob = try #require(try fixture.store.jobs(of: acme).first)
        let demoJob = try #require(try fixture.store.jobs(of: fixture.demo).first)
        #expect(Self.files(under: directory.url, containing: "777.125").count >= 3)
        #expect(Self.files(under: directory.url, containing: "31.5").count >= 3)

        try fixture.store.reset(fixture.demo)

        #expect(Self.files(under: directory.url, containing: "777.125").isEmpty)
        #expect(
            try fixture.store.jobFile(at: demoJob.files.input[0], of: fixture.demo, visibleTo: fixture.admin) == nil)
        #expect(Self.files(under: directory.url, containing: "31.5").count >= 3)
        for path in [acmeJob.files.input, acmeJob.files.staging, acmeJob.files.output].flatMap({ $0 }) {
            #expect(try fixture.store.jobFile(at: path, of: acme, visibleTo: boss) != nil, "\(path)")
        }
    }

    @Test("a job cleared by a reset while it was processing applies nothing when it completes")
    func completionAfterReset() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let request = try csvUpload(Self.upload)
        try fixture.store.enqueue(
            request, fields: csvFields(), into: fixture.demo, by: fixture.admin, now: noonOfNewYear)
        let claimed = try #require(try fixture.store.claimNextJob())
        try fixture.store.reset(fixture.demo)
        // A new upload after the reset takes the job id 1 again.
        try fixture.store.enqueue(
            request, fields: csvFields(), into: fixture.demo, by: fixture.viewer, now: noonOfNewYear)

        #expect(try fixture.store.complete(claimed, with: request, profile: .standard) == nil)

        #expect(try fixture.rows() == [DemoSeed.seededRow])
        let job = try #require(try fixture.store.job(1, of: fixture.demo, visibleTo: fixture.admin))
        #expect(job.status == .queued)
        #expect(job.userID == fixture.viewer.id)
    }

    /// Regular files under `url` whose text contains `needle`.
    static func files(under url: URL, containing needle: String) -> [String] {
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { file in
            guard !file.path.hasSuffix(".sqlite"), !file.path.contains(".sqlite-"),
                let data = FileManager.default.contents(atPath: file.path)
            else { return false }
            return String(decoding: data, as: UTF8.self).contains(needle)
        }.map(\.path)
    }
}
