import ClaretModel
import ExactJSON
import Foundation

extension Store {
    /// The tenant called `name`, or nil.
    public func tenant(named name: String) throws -> TenantRef? {
        if let known = tenants.withLock({ $0[name] }) { return known }
        // Misses are not kept: a tenant of that name may be created later.
        let found = try database.read { connection in
            try connection.queryOne("SELECT id FROM tenants WHERE name = ?", [.text(name)]).map {
                TenantRef(id: $0.int64(0), name: name)
            }
        }
        if let found { tenants.withLock { $0[name] = found } }
        return found
    }

    /// Every tenant's name, sorted.
    public func tenantNames() throws -> [String] {
        try database.read { connection in
            try connection.query("SELECT name FROM tenants ORDER BY name").map { $0.text(0) }
        }
    }

    /// Makes the seed's tenants exist: new ones are created from it; stored ones keep their state and
    /// take the seed as what a reset returns them to.
    public func install(_ seed: SeedFile) throws {
        try database.write { connection in
            for tenant in seed.tenants {
                let text = tenant.seedObject.serialized()
                if let row = try connection.queryOne("SELECT id FROM tenants WHERE name = ?", [.text(tenant.name)]) {
                    try connection.run(
                        "UPDATE tenants SET seed = ? WHERE id = ?", [.text(text), .integer(row.int64(0))])
                } else {
                    try Store.insert(tenant, seedText: text, into: connection)
                }
            }
        }
    }

    /// Creates a tenant from its seed; throws `StoreError.tenantExists` when the name is taken.
    @discardableResult
    public func createTenant(_ tenant: TenantSeed) throws -> TenantRef {
        try database.write { connection in
            if try connection.queryOne("SELECT 1 FROM tenants WHERE name = ?", [.text(tenant.name)]) != nil {
                throw StoreError.tenantExists(tenant.name)
            }
            return try Store.insert(tenant, seedText: tenant.seedObject.serialized(), into: connection)
        }
    }

    /// Puts the tenant back to its seed: master data and inventory as seeded; jobs and tokens cleared.
    public func reset(_ tenant: TenantRef) throws {
        let aside: String? = try database.write { connection in
            guard let row = try connection.queryOne("SELECT seed FROM tenants WHERE id = ?", [.integer(tenant.id)])
            else { return nil }
            let seed: TenantSeed
            do {
                var object = try JSONParser.parse(row.text(0)).object ?? JSONObject()
                object["name"] = .string(tenant.name)
                seed = try SeedFile.parseTenant(.object(object), source: "stored seed")
            } catch {
                throw StoreError.corruptSeed(tenant: tenant.name, reason: "\(error)")
            }
            // Children before parents; the foreign keys would cascade, but explicit deletes keep this readable.
            for table in [
                "inventory", "tokens", "job_logs", "users", "bins", "location_areas", "locations", "items",
                "lots", "uoms",
            ] {
                try connection.run("DELETE FROM \(table) WHERE tenant_id = ?", [.integer(tenant.id)])
            }
            try connection.run(
                "UPDATE tenants SET next_token_id = 1, next_job_id = 1 WHERE id = ?", [.integer(tenant.id)])
            try Store.insertContents(of: seed, tenantID: tenant.id, into: connection)
            // The jobs are gone, so their files go too. The folder is moved aside while the writer lock is
            // held, so an upload queued right after the reset (reusing job id 1) never loses its file.
            let folder = "\(filesDirectory)/\(tenant.name)"
            let aside = "\(filesDirectory)/.reset-\(UUID().uuidString)"
            if (try? FileManager.default.moveItem(atPath: folder, toPath: aside)) != nil {
                return aside
            }
            return nil
        }
        if let aside { try? FileManager.default.removeItem(atPath: aside) }
    }

    @discardableResult
    private static func insert(_ tenant: TenantSeed, seedText: String, into connection: Connection) throws -> TenantRef
    {
        try connection.run("INSERT INTO tenants (name, seed) VALUES (?, ?)", [.text(tenant.name), .text(seedText)])
        let id = connection.lastInsertRowID
        try insertContents(of: tenant, tenantID: id, into: connection)
        return TenantRef(id: id, name: tenant.name)
    }

    /// Inserts users, master data and inventory; the seed was validated, so every name resolves.
    private static func insertContents(of tenant: TenantSeed, tenantID: Int64, into connection: Connection) throws {
        let scope = SQLValue.integer(tenantID)
        for user in tenant.users {
            let digest = user.digest
            try connection.run(
                "INSERT INTO users (tenant_id, id, email, password_salt, password_hash, is_admin) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    scope, .integer(Int64(user.id)), .text(user.email), .blob(digest.salt), .blob(digest.hash),
                    .integer(user.isAdmin ? 1 : 0),
                ])
        }
        func insertNames(_ table: String, _ names: [String]) throws -> [String: Int64] {
            var ids: [String: Int64] = [:]
            for name in names {
                try connection.run("INSERT INTO \(table) (tenant_id, name) VALUES (?, ?)", [scope, .text(name)])
                ids[name] = connection.lastInsertRowID
            }
            return ids
        }
        let items = try insertNames("items", tenant.items)
        let lots = try insertNames("lots", tenant.lots)
        var bins: [String: Int64] = [:]
        for location in tenant.locations {
            try connection.run("INSERT INTO locations (tenant_id, name) VALUES (?, ?)", [scope, .text(location.name)])
            let locationID = connection.lastInsertRowID
            for area in location.areas {
                try connection.run(
                    "INSERT INTO location_areas (tenant_id, location_id, name) VALUES (?, ?, ?)",
                    [scope, .integer(locationID), .text(area.name)])
                let areaID = connection.lastInsertRowID
                for bin in area.bins {
                    try connection.run(
                        "INSERT INTO bins (tenant_id, area_id, name) VALUES (?, ?, ?)",
                        [scope, .integer(areaID), .text(bin)])
                    bins[bin] = connection.lastInsertRowID
                }
            }
        }
        var units: [String: Int64] = [:]
        for unit in tenant.units {
            try connection.run(
                "INSERT INTO uoms (tenant_id, name, abbreviation) VALUES (?, ?, ?)",
                [scope, .text(unit.name), .text(unit.abbreviation)])
            units[unit.name.lowercased()] = connection.lastInsertRowID
            units[unit.abbreviation.lowercased()] = connection.lastInsertRowID
        }
        for record in tenant.inventory {
            guard let item = items[record.key.item], let bin = bins[record.key.bin], let lot = lots[record.key.lot],
                let unit = units[record.unit.lowercased()]
            else { continue }  // unreachable for a validated seed
            try connection.run(
                """
                INSERT INTO inventory (tenant_id, item_id, bin_id, lot_id, date_filled, quantity, uom_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    scope, .integer(item), .integer(bin), .integer(lot), .text(record.key.dateFilled.text),
                    .text(record.quantity.text), .integer(unit),
                ])
        }
    }
}
