import ClaretModel

/// The import rules' view of one tenant's inventory, over a connection inside a write transaction.
///
/// Name lookups are cached for the request: a 1000-record import names the same few items and bins over
/// and over, and each cached hit saves a statement.
final class SQLLedger: InventoryLedger {
    private let connection: Connection
    private let scope: SQLValue
    private var cache: [String: [String: Int64?]] = [:]

    init(connection: Connection, tenant: TenantRef) {
        self.connection = connection
        scope = .integer(tenant.id)
    }

    private func lookup(_ table: String, _ name: String, sql: String) throws -> Int64? {
        if let cached = cache[table]?[name] { return cached }
        let id = try connection.queryOne(sql, [scope, .text(name)]).map { $0.int64(0) }
        cache[table, default: [:]][name] = .some(id)
        return id
    }

    func item(named name: String) throws -> Int64? {
        try lookup("items", name, sql: "SELECT id FROM items WHERE tenant_id = ? AND name = ?")
    }

    func bin(named name: String) throws -> Int64? {
        try lookup("bins", name, sql: "SELECT id FROM bins WHERE tenant_id = ? AND name = ?")
    }

    func lot(named name: String) throws -> Int64? {
        try lookup("lots", name, sql: "SELECT id FROM lots WHERE tenant_id = ? AND name = ?")
    }

    func unit(named nameOrAbbreviation: String) throws -> Int64? {
        // Both columns are COLLATE NOCASE: units match case-insensitively (an assumed rule).
        try lookup(
            "uoms", nameOrAbbreviation,
            sql: "SELECT id FROM uoms WHERE tenant_id = ?1 AND (name = ?2 OR abbreviation = ?2) ORDER BY name = ?2 DESC"
        )
    }

    func contains(_ key: ResolvedKey) throws -> Bool {
        try connection.queryOne(
            "SELECT 1 FROM inventory WHERE tenant_id = ? AND item_id = ? AND bin_id = ? AND lot_id = ? AND date_filled = ?",
            keyValues(key)) != nil
    }

    func create(_ key: ResolvedKey, quantity: Quantity, unit: Int64) throws {
        try connection.run(
            """
            INSERT INTO inventory (tenant_id, item_id, bin_id, lot_id, date_filled, quantity, uom_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, keyValues(key) + [.text(quantity.text), .integer(unit)])
    }

    func update(_ key: ResolvedKey, quantity: Quantity, unit: Int64) throws {
        try connection.run(
            """
            UPDATE inventory SET quantity = ?, uom_id = ?
            WHERE tenant_id = ? AND item_id = ? AND bin_id = ? AND lot_id = ? AND date_filled = ?
            """, [.text(quantity.text), .integer(unit)] + keyValues(key))
    }

    private func keyValues(_ key: ResolvedKey) -> [SQLValue] {
        [scope, .integer(key.item), .integer(key.bin), .integer(key.lot), .text(key.dateFilled)]
    }
}
