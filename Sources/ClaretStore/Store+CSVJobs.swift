import CSVFormat
import ClaretModel
import ExactJSON
import Foundation

/// A CSV import a worker has claimed: where it lives and what the client sent.
public struct ClaimedJob: Sendable, Equatable {
    /// The job's tenant.
    public let tenant: TenantRef
    /// The job id.
    public let id: Int
    /// The user who uploaded.
    public let userID: Int
    /// The upload's form fields (switches and mapping).
    public let fields: [String: String]
    /// The file name the client sent.
    public let filename: String
    /// The untouched upload's download path.
    public let inputPath: String
    /// The claim's unique mark: later updates apply only while the job still carries it.
    public let claim: String
}

extension Store {
    /// The folder job files live in, beside the database file.
    var filesDirectory: String {
        URL(fileURLWithPath: database.path).deletingLastPathComponent().appendingPathComponent("job-files").path
    }

    /// Where the file behind a download path is kept on disk, or nil when the path is not a job file's.
    ///
    /// Download paths follow Claret's pattern
    /// `/{tenant}/download/{tenant}/user-uploads/inventory-import/{date}/{job}/{file}`.
    func diskPath(forDownload path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 8, parts[1] == "download", parts[0] == parts[2], parts[3] == "user-uploads",
            parts[4] == "inventory-import", Int(parts[6]) != nil,
            !parts.contains(where: { $0 == ".." || $0 == "." || $0.contains("\\") })
        else { return nil }
        return "\(filesDirectory)/\(parts[0])/\(parts[5])/\(parts[6])/\(parts[7])"
    }

    /// The bytes of a job file the user may see, or nil (unknown file, another user's job for a non-admin).
    public func jobFile(at path: String, of tenant: TenantRef, visibleTo user: UserRef) throws -> [UInt8]? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 8, parts[0] == tenant.name, let id = Int(parts[6]),
            let job = try job(id, of: tenant, visibleTo: user)
        else { return nil }
        let listed = job.files.input + job.files.staging + job.files.output + job.files.errors
        guard listed.contains(path), let disk = diskPath(forDownload: path),
            let data = FileManager.default.contents(atPath: disk)
        else { return nil }
        return Array(data)
    }

    /// Records a queued CSV import and keeps the untouched upload; the worker applies it later.
    public func enqueue(
        _ request: CSVImportRequest, fields: [String: String], into tenant: TenantRef, by user: UserRef,
        now: Date = Date()
    ) throws -> JobLog {
        try database.write { connection in
            let stamp = Store.timestamp(now)
            var job = JobLog(id: 0, status: .queued, userID: user.id)
            job.id = try Store.insert(job, tenant: tenant, createdAt: stamp, into: connection)
            let day = String(stamp.prefix(10))
            let compactDay = day.replacingOccurrences(of: "-", with: "")
            let base = "/\(tenant.name)/download/\(tenant.name)/user-uploads/inventory-import/\(day)/\(job.id)"
            job.files.input = ["\(base)/inventory_\(compactDay)_untouched.csv"]
            try write(request.upload, toDownloadPath: job.files.input[0])
            var parameters = JSONObject(fields.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
            parameters["__filename"] = .string(request.filename)
            try connection.run(
                "UPDATE job_logs SET files = ?, parameters = ? WHERE tenant_id = ? AND id = ?",
                [
                    .text(Store.filesJSON(job.files)), .text(JSONValue.object(parameters).serialized()),
                    .integer(tenant.id), .integer(Int64(job.id)),
                ])
            return job
        }
    }

    /// Marks the oldest queued job as processing and returns it, or nil when none waits.
    public func claimNextJob(now: Date = Date()) throws -> ClaimedJob? {
        try database.write { connection in
            guard
                let row = try connection.queryOne(
                    """
                    SELECT j.tenant_id, t.name, j.id, j.user_id, j.parameters, j.files
                    FROM job_logs j JOIN tenants t ON t.id = j.tenant_id
                    WHERE j.status = 'queued' ORDER BY j.created_at, j.tenant_id, j.id LIMIT 1
                    """)
            else { return nil }
            let tenant = TenantRef(id: row.int64(0), name: row.text(1))
            let id = row.int(2)
            let claim = UUID().uuidString
            try connection.run(
                """
                UPDATE job_logs SET status = 'processing', started_at = ?, completed_steps = 1, current_step = 'reading',
                    claim = ?
                WHERE tenant_id = ? AND id = ?
                """, [.text(Store.timestamp(now)), .text(claim), .integer(tenant.id), .integer(Int64(id))])
            var fields: [String: String] = [:]
            var filename = "upload.csv"
            for (key, value) in (try? JSONParser.parse(row.text(4)).object) ?? JSONObject() {
                if key == "__filename" { filename = value.string ?? filename } else { fields[key] = value.string }
            }
            let input = (try? JSONParser.parse(row.text(5)))?["input"]?[0]?.string ?? ""
            return ClaimedJob(
                tenant: tenant, id: id, userID: row.int(3), fields: fields, filename: filename, inputPath: input,
                claim: claim)
        }
    }

    /// Moves a processing job on to step `completed` (of 8) named `step`.
    public func recordProgress(of job: ClaimedJob, completedSteps: Int, step: String) throws {
        try database.write { connection in
            try connection.run(
                "UPDATE job_logs SET completed_steps = ?, current_step = ? WHERE tenant_id = ? AND id = ? AND claim = ?",
                [
                    .integer(Int64(completedSteps)), .text(step), .integer(job.tenant.id), .integer(Int64(job.id)),
                    .text(job.claim),
                ])
        }
    }

    /// The untouched upload of a claimed job.
    public func upload(of job: ClaimedJob) throws -> [UInt8] {
        guard let disk = diskPath(forDownload: job.inputPath), let data = FileManager.default.contents(atPath: disk)
        else {
            throw StoreError.missingJobFile(job.inputPath)
        }
        return Array(data)
    }

    /// Whether the job still carries this claim (a tenant reset since the claim removed or replaced it).
    private static func holds(_ job: ClaimedJob, on connection: Connection) throws -> Bool {
        try connection.queryOne(
            "SELECT 1 FROM job_logs WHERE tenant_id = ? AND id = ? AND claim = ? AND status = 'processing'",
            [.integer(job.tenant.id), .integer(Int64(job.id)), .text(job.claim)]) != nil
    }

    /// Applies a claimed job's rows in one transaction, writes its staging, final and errors files, and
    /// finishes the job log. Returns nil, applying nothing, when the claim is stale (the tenant was reset).
    @discardableResult
    public func complete(
        _ job: ClaimedJob, with request: CSVImportRequest, profile: BehaviourProfile, now: Date = Date()
    ) throws -> ImportOutcome? {
        try database.write { connection in
            guard try Store.holds(job, on: connection) else { return nil }
            let outcome = try Store.applyRecords(on: connection) {
                try ImportProcessor.apply(
                    request.entries, options: request.options,
                    to: SQLLedger(connection: connection, tenant: job.tenant), profile: profile)
            }

            let files = try writeResultFiles(of: job, request: request, outcome: outcome)
            let summary = outcome.summary.json
            try connection.run(
                """
                UPDATE job_logs SET status = ?, completed_steps = total_steps, current_step = NULL, files = ?,
                    summary = ?, completed_at = ?
                WHERE tenant_id = ? AND id = ?
                """,
                [
                    .text(JobStatus(outcome.status).rawValue), .text(Store.filesJSON(files)),
                    .text(summary.serialized()),
                    .text(Store.timestamp(now)), .integer(job.tenant.id), .integer(Int64(job.id)),
                ])
            return outcome
        }
    }

    /// Ends a claimed job as failed without applying anything (its upload could no longer be read or parsed).
    public func fail(_ job: ClaimedJob, reason: String, now: Date = Date()) throws {
        try database.write { connection in
            guard try Store.holds(job, on: connection) else { return }
            let summary: JSONValue = [
                "received": 0, "created": 0, "updated": 0, "failed": 0, "reason": .string(reason),
            ]
            try connection.run(
                """
                UPDATE job_logs SET status = 'failed', completed_steps = total_steps, current_step = NULL, summary = ?,
                    completed_at = ?
                WHERE tenant_id = ? AND id = ?
                """,
                [
                    .text(summary.serialized()), .text(Store.timestamp(now)), .integer(job.tenant.id),
                    .integer(Int64(job.id)),
                ])
        }
    }

    /// Puts jobs a crash or stop left processing back in the queue; their rows were never committed, since a
    /// job applies in one transaction. Returns how many were requeued.
    @discardableResult
    public func requeueUnfinishedJobs() throws -> Int {
        try database.write { connection in
            try connection.run(
                """
                UPDATE job_logs SET status = 'queued', completed_steps = 0, current_step = NULL, started_at = NULL,
                    claim = NULL
                WHERE status = 'processing'
                """)
            return connection.changes
        }
    }

    /// Whether any job waits in the queue.
    public func hasQueuedJobs() throws -> Bool {
        try database.read { connection in
            try connection.queryOne("SELECT 1 FROM job_logs WHERE status = 'queued' LIMIT 1") != nil
        }
    }

    // MARK: - Files

    private func write(_ bytes: [UInt8], toDownloadPath path: String) throws {
        guard let disk = diskPath(forDownload: path) else { throw StoreError.missingJobFile(path) }
        let folder = URL(fileURLWithPath: disk).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: disk, contents: Data(bytes)) else {
            throw StoreError.missingJobFile(path)
        }
    }

    private func writeResultFiles(of job: ClaimedJob, request: CSVImportRequest, outcome: ImportOutcome) throws
        -> JobFiles
    {
        let prefix = String(job.inputPath.dropLast("_untouched.csv".count))
        let header = ImportRequest.recordFields
        let applied = Set(outcome.appliedIndexes)
        var messages: [Int: [String]] = [:]
        for error in outcome.errors { messages[error.index, default: []].append(error.message) }
        let staging = CSVWriter.write(header: header, rows: request.entries.map(\.cells))
        let output = CSVWriter.write(
            header: header, rows: request.entries.filter { applied.contains($0.index) }.map(\.cells))
        let rejected = request.entries.compactMap { entry -> [String]? in
            guard let list = messages[entry.index] else { return nil }
            return entry.cells + [list.joined(separator: " ")]
        }
        let errors = CSVWriter.write(header: header + ["error"], rows: rejected)
        var files = JobFiles(input: [job.inputPath])
        files.staging = ["\(prefix)_staging.csv"]
        files.output = ["\(prefix)_final.csv"]
        files.errors = ["\(prefix)_errors.csv"]
        try write(Array(staging.utf8), toDownloadPath: files.staging[0])
        try write(Array(output.utf8), toDownloadPath: files.output[0])
        try write(Array(errors.utf8), toDownloadPath: files.errors[0])
        return files
    }

    static func filesJSON(_ files: JobFiles) -> String {
        let value: JSONValue = [
            "input": .array(files.input.map { .string($0) }), "staging": .array(files.staging.map { .string($0) }),
            "output": .array(files.output.map { .string($0) }), "errors": .array(files.errors.map { .string($0) }),
        ]
        return value.serialized()
    }
}
