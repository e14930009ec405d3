import ClaretModel
import Foundation

/// One page of a tenant's inventory, sorted by (item, bin, lot, date filled).
public struct InventoryPage: Sendable, Equatable {
    /// The rows of this page.
    public var rows: [InventoryRow]
    /// All rows of the tenant.
    public var total: Int
    /// The index to ask for next, or nil on the last page.
    public var nextIndex: Int?
}

extension Store {
    /// Applies a validated JSON import as one transaction and writes its (already finished) job log.
    ///
    /// When the outcome asks for a rollback (a failure with `continueOnError` false), the records are undone
    /// through a savepoint while the job log, which reports the failure, is still committed.
    public func importRecords(
        _ request: ImportRequest, into tenant: TenantRef, by user: UserRef, profile: BehaviourProfile,
        now: Date = Date()
    ) throws -> (ImportOutcome, JobLog) {
        try database.write { connection in
            try connection.execute("SAVEPOINT import_records")
            let outcome: ImportOutcome
            do {
                outcome = try ImportProcessor.apply(
                    request.records, options: request.options, to: SQLLedger(connection: connection, tenant: tenant),
                    profile: profile)
            } catch {
                try? connection.execute("ROLLBACK TO import_records")
                throw error
            }
            if outcome.requiresRollback { try connection.execute("ROLLBACK TO import_records") }
            try connection.execute("RELEASE import_records")
            let stamp = Store.timestamp(now)
            var job = JobLog(
                id: 0, status: JobStatus(outcome.status), completedSteps: JobLog.standardStepCount,
                startedAt: stamp, completedAt: stamp, userID: user.id, summary: outcome.summary)
            job.id = try Store.insert(job, tenant: tenant, createdAt: stamp, into: connection)
            return (outcome, job)
        }
    }

    /// Deletes what the request selects, in one transaction; returns how many records went.
    public func delete(_ request: BatchDeleteRequest, from tenant: TenantRef) throws -> Int {
        var conditions: [String] = []
        var values: [SQLValue] = [.integer(tenant.id)]
        func equals(_ column: String, _ value: String?) -> String? {
            guard let value else { return nil }
            values.append(.text(value))
            return "\(column) = ?"
        }
        func oneOf(_ column: String, _ names: [String]?) -> String? {
            guard let names else { return nil }
            guard !names.isEmpty else { return "0" }
            values += names.map { .text($0) }
            return "\(column) IN (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))"
        }
        switch request {
        case .rows(let rows):
            var alternatives: [String] = []
            for row in rows {
                let parts = [
                    equals("i.name", row.item), equals("loc.name", row.location), equals("a.name", row.locationArea),
                    equals("b.name", row.bin), equals("l.name", row.lot), equals("inv.date_filled", row.dateFilled?.text),
                ].compactMap { $0 }
                alternatives.append("(" + parts.joined(separator: " AND ") + ")")
            }
            conditions.append("(" + (alternatives.isEmpty ? "0" : alternatives.joined(separator: " OR ")) + ")")
        case .filters(let filters):
            conditions += [
                oneOf("i.name", filters.items), oneOf("loc.name", filters.locations),
                oneOf("a.name", filters.locationAreas), oneOf("b.name", filters.bins), oneOf("l.name", filters.lots),
            ].compactMap { $0 }
            if let from = filters.dateFilledFrom {
                values.append(.text(from.text))
                conditions.append("inv.date_filled >= ?")
            }
            if let to = filters.dateFilledTo {
                values.append(.text(to.text))
                conditions.append("inv.date_filled <= ?")
            }
        }
        let sql = """
            DELETE FROM inventory WHERE tenant_id = ?1 AND (item_id, bin_id, lot_id, date_filled) IN (
                SELECT inv.item_id, inv.bin_id, inv.lot_id, inv.date_filled
                FROM inventory inv
                JOIN items i ON i.id = inv.item_id
                JOIN bins b ON b.id = inv.bin_id
                JOIN location_areas a ON a.id = b.area_id
                JOIN locations loc ON loc.id = a.location_id
                JOIN lots l ON l.id = inv.lot_id
                WHERE inv.tenant_id = ?1 AND \(conditions.joined(separator: " AND ")))
            """
        // Placeholders after ?1 are numbered from 2 in order of appearance.
        return try database.write { connection in
            try connection.run(sql, values)
            return connection.changes
        }
    }

    /// A page of the tenant's inventory starting at row `index` (0-based), at most `limit` rows.
    public func inventory(of tenant: TenantRef, from index: Int, limit: Int) throws -> InventoryPage {
        try database.read { connection in
            let total = try connection.queryOne(
                "SELECT count(*) FROM inventory WHERE tenant_id = ?", [.integer(tenant.id)])?.int(0) ?? 0
            let rows = try connection.query(
                """
                SELECT i.name, b.name, a.name, loc.name, l.name, inv.date_filled, inv.quantity, u.name
                FROM inventory inv
                JOIN items i ON i.id = inv.item_id
                JOIN bins b ON b.id = inv.bin_id
                JOIN location_areas a ON a.id = b.area_id
                JOIN locations loc ON loc.id = a.location_id
                JOIN lots l ON l.id = inv.lot_id
                JOIN uoms u ON u.id = inv.uom_id
                WHERE inv.tenant_id = ?
                ORDER BY i.name, b.name, l.name, inv.date_filled
                LIMIT ? OFFSET ?
                """, [.integer(tenant.id), .integer(Int64(limit)), .integer(Int64(index))]
            ).map { row in
                InventoryRow(
                    item: row.text(0), bin: row.text(1), locationArea: row.text(2), location: row.text(3),
                    lot: row.text(4), dateFilled: row.text(5), quantity: Quantity(parsing: row.text(6)) ?? Quantity.zero,
                    unit: row.text(7))
            }
            let next = index + rows.count
            return InventoryPage(rows: rows, total: total, nextIndex: next < total && !rows.isEmpty ? next : nil)
        }
    }
}
