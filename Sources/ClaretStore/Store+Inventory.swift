import ClaretModel
import ExactJSON
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
            let outcome = try Store.applyRecords(on: connection) {
                try ImportProcessor.apply(
                    request.records, options: request.options, to: SQLLedger(connection: connection, tenant: tenant),
                    profile: profile)
            }
            let stamp = Store.timestamp(now)
            var job = JobLog(
                id: 0, status: JobStatus(outcome.status), completedSteps: JobLog.standardStepCount,
                startedAt: stamp, completedAt: stamp, userID: user.id, summary: outcome.summary)
            job.id = try Store.insert(job, tenant: tenant, createdAt: stamp, into: connection)
            return (outcome, job)
        }
    }

    /// Runs an import's record rules inside a savepoint: everything they wrote is undone when the outcome
    /// asks for it (a failure with `continueOnError` false) or when they throw, while the enclosing
    /// transaction goes on to write the job log.
    static func applyRecords(on connection: Connection, _ apply: () throws -> ImportOutcome) throws -> ImportOutcome {
        try connection.execute("SAVEPOINT import_records")
        let outcome: ImportOutcome
        do {
            outcome = try apply()
        } catch {
            try? connection.execute("ROLLBACK TO import_records")
            throw error
        }
        if outcome.requiresRollback { try connection.execute("ROLLBACK TO import_records") }
        try connection.execute("RELEASE import_records")
        return outcome
    }

    /// Deletes what the request selects, in one transaction; returns how many records went.
    public func delete(_ request: BatchDeleteRequest, from tenant: TenantRef) throws -> Int {
        // SQLite refuses expressions nested about 1000 deep, so rows go in chunks of OR'd alternatives;
        // rows are ORed, so deleting chunk by chunk inside one transaction selects the same records.
        let conditions: [(sql: String, values: [SQLValue])]
        switch request {
        case .rows(let rows):
            conditions = stride(from: 0, to: rows.count, by: 200).map { start in
                Store.condition(matchingAnyOf: rows[start..<min(start + 200, rows.count)])
            }
        case .filters(let filters):
            conditions = [Store.condition(matchingAll: filters)]
        }
        return try database.write { connection in
            var deleted = 0
            for condition in conditions {
                try connection.run(
                    """
                    DELETE FROM inventory WHERE tenant_id = ?1 AND (item_id, bin_id, lot_id, date_filled) IN (
                        SELECT inv.item_id, inv.bin_id, inv.lot_id, inv.date_filled
                        FROM inventory inv
                        JOIN items i ON i.id = inv.item_id
                        JOIN bins b ON b.id = inv.bin_id
                        JOIN location_areas a ON a.id = b.area_id
                        JOIN locations loc ON loc.id = a.location_id
                        JOIN lots l ON l.id = inv.lot_id
                        WHERE inv.tenant_id = ?1 AND \(condition.sql))
                    """, [.integer(tenant.id)] + condition.values)
                deleted += connection.changes
            }
            return deleted
        }
    }

    /// `(row AND row fields) OR (...)`; placeholders after `?1` number from 2 in order of appearance.
    private static func condition(matchingAnyOf rows: ArraySlice<DeleteRow>) -> (sql: String, values: [SQLValue]) {
        var values: [SQLValue] = []
        let alternatives = rows.map { row in
            let fields: [(String, String?)] = [
                ("i.name", row.item), ("loc.name", row.location), ("a.name", row.locationArea), ("b.name", row.bin),
                ("l.name", row.lot), ("inv.date_filled", row.dateFilled?.text),
            ]
            let parts = fields.compactMap { column, value -> String? in
                guard let value else { return nil }
                values.append(.text(value))
                return "\(column) = ?"
            }
            return "(" + parts.joined(separator: " AND ") + ")"
        }
        return ("(" + (alternatives.isEmpty ? "0" : alternatives.joined(separator: " OR ")) + ")", values)
    }

    /// Every given filter ANDed; the names inside one filter ORed; dates inclusive at both ends.
    private static func condition(matchingAll filters: DeleteFilters) -> (sql: String, values: [SQLValue]) {
        var values: [SQLValue] = []
        var parts: [String] = []
        let lists: [(String, [String]?)] = [
            ("i.name", filters.items), ("loc.name", filters.locations), ("a.name", filters.locationAreas),
            ("b.name", filters.bins), ("l.name", filters.lots),
        ]
        for (column, names) in lists {
            guard let names else { continue }
            guard !names.isEmpty else {
                parts.append("0")
                continue
            }
            // One bound JSON array per list, however long: SQLite caps the number of bound variables.
            values.append(.text(JSONValue.array(names.map { .string($0) }).serialized()))
            parts.append("\(column) IN (SELECT value FROM json_each(?))")
        }
        if let from = filters.dateFilledFrom {
            values.append(.text(from.text))
            parts.append("inv.date_filled >= ?")
        }
        if let to = filters.dateFilledTo {
            values.append(.text(to.text))
            parts.append("inv.date_filled <= ?")
        }
        return (parts.isEmpty ? "0" : parts.joined(separator: " AND "), values)
    }

    /// A page of the tenant's inventory starting at row `index` (0-based), at most `limit` rows.
    public func inventory(of tenant: TenantRef, from index: Int, limit: Int) throws -> InventoryPage {
        try database.read { connection in
            let total =
                try connection.queryOne(
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
                    lot: row.text(4), dateFilled: row.text(5),
                    quantity: Quantity(parsing: row.text(6)) ?? Quantity.zero,
                    unit: row.text(7))
            }
            let next = index + rows.count
            return InventoryPage(rows: rows, total: total, nextIndex: next < total && !rows.isEmpty ? next : nil)
        }
    }
}
