import ClaretModel
import ExactJSON

extension Store {
    /// The tenant's job logs, newest first.
    public func jobs(of tenant: TenantRef) throws -> [JobLog] {
        try database.read { connection in
            try connection.query(
                "SELECT \(Store.jobColumns) FROM job_logs WHERE tenant_id = ? ORDER BY id DESC", [.integer(tenant.id)]
            ).map(Store.job(from:))
        }
    }

    /// The job `id` of the tenant as `user` may see it: admins see every job, others only their own.
    public func job(_ id: Int, of tenant: TenantRef, visibleTo user: UserRef) throws -> JobLog? {
        try database.read { connection in
            try connection.queryOne(
                "SELECT \(Store.jobColumns) FROM job_logs WHERE tenant_id = ? AND id = ? AND (? OR user_id = ?)",
                [.integer(tenant.id), .integer(Int64(id)), .integer(user.isAdmin ? 1 : 0), .integer(Int64(user.id))]
            ).map(Store.job(from:))
        }
    }

    static let jobColumns =
        "id, type, description, status, completed_steps, total_steps, current_step, files, summary, started_at, completed_at, user_id"

    static func job(from row: Row) -> JobLog {
        let files = (try? JSONParser.parse(row.text(7))) ?? .null
        func list(_ key: String) -> [String] { files[key]?.array?.compactMap(\.string) ?? [] }
        var summary: ImportSummary?
        if let text = row.optionalText(8), let value = try? JSONParser.parse(text) {
            func count(_ key: String) -> Int { value[key]?.number?.int ?? 0 }
            summary = ImportSummary(
                received: count("received"), created: count("created"), updated: count("updated"),
                failed: count("failed"))
        }
        return JobLog(
            id: row.int(0), type: row.text(1), description: row.text(2),
            status: JobStatus(rawValue: row.text(3)) ?? .failed, completedSteps: row.int(4), totalSteps: row.int(5),
            currentStep: row.optionalText(6),
            files: JobFiles(
                input: list("input"), staging: list("staging"), output: list("output"), errors: list("errors")),
            startedAt: row.optionalText(9), completedAt: row.optionalText(10), userID: row.int(11), summary: summary)
    }

    /// Inserts a job log with the tenant's next id; returns the id.
    static func insert(_ job: JobLog, tenant: TenantRef, createdAt: String, into connection: Connection) throws -> Int {
        let id =
            try connection.queryOne(
                "UPDATE tenants SET next_job_id = next_job_id + 1 WHERE id = ? RETURNING next_job_id - 1",
                [.integer(tenant.id)])?.int(0) ?? 1
        let summary: SQLValue = job.summary.map { .text($0.json.serialized()) } ?? .null
        try connection.run(
            """
            INSERT INTO job_logs (tenant_id, id, user_id, type, description, status, completed_steps, total_steps,
                current_step, files, summary, created_at, started_at, completed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .integer(tenant.id), .integer(Int64(id)), .integer(Int64(job.userID)), .text(job.type),
                .text(job.description), .text(job.status.rawValue), .integer(Int64(job.completedSteps)),
                .integer(Int64(job.totalSteps)), job.currentStep.map { .text($0) } ?? .null,
                .text(filesJSON(job.files)),
                summary, .text(createdAt), job.startedAt.map { .text($0) } ?? .null,
                job.completedAt.map { .text($0) } ?? .null,
            ])
        return id
    }
}
