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
        let selection: (sql: String, values: [SQLValue])
        switch request {
        case .rows(let rows): selection = Store.selection(matchingAnyOf: rows)
        case .filters(let filters): selection = Store.selection(matchingAll: filters)
        }
        return try database.write { connection in
            try connection.run(
                "DELETE FROM inventory WHERE tenant_id = ?1 AND (item_id, bin_id, lot_id, date_filled) IN (\(selection.sql))",
                [.integer(tenant.id)] + selection.values)
            return connection.changes
        }
    }

    /// The keys of records some row matches on all of its given fields (rows ORed, fields ANDed).
    ///
    /// The rows travel as one bound JSON array read with `json_each`, which also drives the lookup: each
    /// row finds its item by name, then that item's records, through the indexes. The statement text is the
    /// same for every request (one cached statement), and any number of rows fits, where an OR of a
    /// thousand alternatives would pass SQLite's expression depth limit.
    private static func selection(matchingAnyOf rows: [DeleteRow]) -> (sql: String, values: [SQLValue]) {
        let document = JSONValue.array(
            rows.map { row in
                func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
                return [
                    "item": .string(row.item), "location": text(row.location), "location_area": text(row.locationArea),
                    "bin": text(row.bin), "lot": text(row.lot), "date_filled": text(row.dateFilled?.text),
                ]
            })
        // The rows are unpacked once into plain columns: `->>` on json_each's value would parse the JSON text
        // again for every record compared.
        let sql = """
            WITH r AS MATERIALIZED (
                SELECT value ->> 'item' AS item, value ->> 'location' AS location,
                    value ->> 'location_area' AS area, value ->> 'bin' AS bin, value ->> 'lot' AS lot,
                    value ->> 'date_filled' AS date_filled
                FROM json_each(?2))
            SELECT inv.item_id, inv.bin_id, inv.lot_id, inv.date_filled
            FROM r
            JOIN items i ON i.tenant_id = ?1 AND i.name = r.item
            JOIN inventory inv ON inv.tenant_id = ?1 AND inv.item_id = i.id
            JOIN bins b ON b.id = inv.bin_id
            JOIN location_areas a ON a.id = b.area_id
            JOIN locations loc ON loc.id = a.location_id
            JOIN lots l ON l.id = inv.lot_id
            WHERE (r.location IS NULL OR loc.name = r.location) AND (r.area IS NULL OR a.name = r.area)
                AND (r.bin IS NULL OR b.name = r.bin) AND (r.lot IS NULL OR l.name = r.lot)
                AND (r.date_filled IS NULL OR inv.date_filled = r.date_filled)
            """
        return (sql, [.text(document.serialized())])
    }

    /// The keys of records matching every given filter (names inside one filter ORed, dates inclusive).
    private static func selection(matchingAll filters: DeleteFilters) -> (sql: String, values: [SQLValue]) {
        let condition = Store.condition(matchingAll: filters)
        let sql = """
            SELECT inv.item_id, inv.bin_id, inv.lot_id, inv.date_filled
            FROM inventory inv
            JOIN items i ON i.id = inv.item_id
            JOIN bins b ON b.id = inv.bin_id
            JOIN location_areas a ON a.id = b.area_id
            JOIN locations loc ON loc.id = a.location_id
            JOIN lots l ON l.id = inv.lot_id
            WHERE inv.tenant_id = ?1 AND \(condition.sql)
            """
        return (sql, condition.values)
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
            // One bound JSON array per list, however long: SQLite caps the number of bound variables (an
            // empty list matches nothing).
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
