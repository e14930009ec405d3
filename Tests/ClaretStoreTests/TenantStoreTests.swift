import ClaretModel
import ClaretStore
import Foundation
import Testing

@Suite("Tenants: seeding, creation, reset and isolation")
struct TenantStoreTests {
    @Test("installing the built-in seed creates the demo tenant, its master data and its inventory")
    func installCreatesMasterDataAndInventory() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        #expect(try fixture.store.tenantNames() == ["demo"])
        #expect(fixture.admin.isAdmin && fixture.admin.id == 1)
        #expect(!fixture.viewer.isAdmin && fixture.viewer.id == 2)
        #expect(try fixture.rows() == [DemoSeed.seededRow])

        // Every seeded item, bin, lot and unit resolves: a record naming each one is created.
        var records: [InventoryRecord] = []
        for (index, item) in DemoSeed.items.enumerated() {
            records.append(record(item, DemoSeed.bins[index], DemoSeed.lots[index], "2024-03-01", "1", "Gallon"))
        }
        records.append(record("124", "Refrigerator", "FG-GEN-LOT", "2024-03-02", "2", "9LE Case"))
        let (outcome, _) = try fixture.importing(records)
        #expect(outcome.summary == ImportSummary(received: 5, created: 5))
        #expect(outcome.errors.isEmpty)

        // Bins carry their area and location.
        let refrigerator = try #require(try fixture.rows().first { $0.bin == "Refrigerator" })
        #expect(refrigerator.locationArea == "South Storage Building")
        #expect(refrigerator.location == "ZAM-PARTNER")
        let warehouse = try #require(try fixture.rows().first { $0.bin == "FG-GEN-BIN" })
        #expect(warehouse.locationArea == "Storage" && warehouse.location == "ZAM-WHS")
    }

    @Test("a name the seed does not know is not master data")
    func unseededNamesAreUnknown() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let (outcome, _) = try fixture.importing([record("NOT-AN-ITEM", "SS-01", "FG-GEN-LOT", "2024-03-01", "1")])
        #expect(outcome.status == .failed)
        #expect(outcome.errors.map(\.field) == ["item_name"])
        #expect(try fixture.rows() == [DemoSeed.seededRow])
    }

    @Test("installing on an existing store keeps the tenant's state but changes what a reset returns to")
    func reinstallKeepsStateAndReplacesResetTarget() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        try fixture.importing([record("124", "SS-02", "FG-GEN-LOT", "2024-02-02", "7")])
        let before = try fixture.rows()

        var changed = try demoCopy(named: "demo")
        changed.items.append("NEW-ITEM")
        changed.inventory = [record("NEW-ITEM", "SS-03", "FG-GEN-LOT", "2021-01-01", "42.5", "gal")]
        try fixture.store.install(SeedFile(tenants: [changed, smallTenant(named: "acme")]))

        #expect(try fixture.store.tenantNames() == ["acme", "demo"])
        #expect(try fixture.store.tenant(named: "demo") == fixture.demo)
        #expect(try fixture.rows() == before)
        // The new seed's master data arrives only with the reset.
        let (early, _) = try fixture.importing([record("NEW-ITEM", "SS-01", "FG-GEN-LOT", "2024-01-01", "1")])
        #expect(early.summary.failed == 1)

        try fixture.store.reset(fixture.demo)
        #expect(
            try fixture.rows() == [
                InventoryRow(
                    item: "NEW-ITEM", bin: "SS-03", locationArea: "North", location: "ZAM-WINERY", lot: "FG-GEN-LOT",
                    dateFilled: "2021-01-01", quantity: quantity("42.5"), unit: "Gallon")
            ])
    }

    @Test("creating a tenant whose name exists is refused and changes nothing")
    func createTenantRefusesExistingName() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        try fixture.importing([record("124", "SS-02", "FG-GEN-LOT", "2024-02-02", "7")])
        let before = try fixture.rows()
        #expect(throws: StoreError.tenantExists("demo")) {
            try fixture.store.createTenant(smallTenant(named: "demo"))
        }
        #expect(try fixture.rows() == before)
        #expect(try fixture.store.user(in: fixture.demo, email: "boss@demo.test", password: "acme-password") == nil)

        let acme = try fixture.store.createTenant(smallTenant(named: "acme"))
        #expect(acme.name == "acme")
        #expect(try fixture.store.tenant(named: "acme") == acme)
        #expect(acme.id != fixture.demo.id)
        #expect(throws: StoreError.tenantExists("acme")) {
            try fixture.store.createTenant(demoCopy(named: "acme"))
        }
        #expect(try fixture.store.tenantNames() == ["acme", "demo"])
    }

    @Test("an unknown tenant name finds nothing")
    func unknownTenant() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        #expect(try fixture.store.tenant(named: "nobody") == nil)
        #expect(try fixture.store.tenant(named: "DEMO") == nil)
    }

    @Test("a reset restores the seeded inventory and clears jobs and tokens, restarting their ids")
    func resetRestoresSeed() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        try fixture.importing([
            record("ZAMNVCAS19", "SS-01", "RM19CASRUT.ZAM", "2023-08-01", "1.5", "9LE"),
            record("124", "SS-02", "FG-GEN-LOT", "2024-02-02", "7"),
        ])
        try fixture.importing([record("122-16", "SS-03", "FG-GEN-LOT", "2024-02-03", "8")], by: fixture.viewer)
        let first = try fixture.store.issueToken(for: fixture.admin, lifetimeSeconds: nil)
        let second = try fixture.store.issueToken(for: fixture.viewer, lifetimeSeconds: nil)
        #expect(first.hasPrefix("1|") && second.hasPrefix("2|"))
        #expect(try fixture.store.jobs(of: fixture.demo).count == 2)

        try fixture.store.reset(fixture.demo)

        #expect(try fixture.rows() == [DemoSeed.seededRow])
        #expect(try fixture.store.jobs(of: fixture.demo).isEmpty)
        #expect(try fixture.store.job(1, of: fixture.demo, visibleTo: fixture.admin) == nil)
        #expect(try fixture.store.authenticate(token: first, in: fixture.demo) == nil)
        #expect(try fixture.store.authenticate(token: second, in: fixture.demo) == nil)
        // Users are seeded again: the passwords still work, and ids start over.
        let admin = try #require(
            try fixture.store.user(in: fixture.demo, email: DemoSeed.adminEmail, password: DemoSeed.adminPassword))
        let token = try fixture.store.issueToken(for: admin, lifetimeSeconds: nil)
        #expect(token.hasPrefix("1|"))
        #expect(token != first)
        #expect(try fixture.store.authenticate(token: token, in: fixture.demo) == admin)
        let (_, job) = try fixture.importing([record("124", "SS-02", "FG-GEN-LOT", "2024-02-02", "7")])
        #expect(job.id == 1)
    }

    @Test("a reset leaves other tenants untouched")
    func resetLeavesOthersAlone() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let acme = try fixture.store.createTenant(demoCopy(named: "acme"))
        let acmeAdmin = try #require(
            try fixture.store.user(in: acme, email: DemoSeed.adminEmail, password: DemoSeed.adminPassword))
        try fixture.importing([record("124", "SS-02", "FG-GEN-LOT", "2024-02-02", "7")], into: acme, by: acmeAdmin)
        _ = try fixture.store.delete(.filters(DeleteFilters(items: ["ZAMNVCAS19"])), from: acme)
        let acmeToken = try fixture.store.issueToken(for: acmeAdmin, lifetimeSeconds: nil)
        try fixture.importing([record("122-16", "SS-02", "FG-GEN-LOT", "2024-02-02", "7")])
        let acmeRows = try fixture.rows(of: acme)
        let acmeJobs = try fixture.store.jobs(of: acme)

        try fixture.store.reset(fixture.demo)

        #expect(try fixture.rows(of: acme) == acmeRows)
        #expect(acmeRows.map(\.item) == ["124"])
        #expect(try fixture.store.jobs(of: acme) == acmeJobs)
        #expect(acmeJobs.count == 1)
        #expect(try fixture.store.authenticate(token: acmeToken, in: acme) == acmeAdmin)
        #expect(try fixture.store.issueToken(for: acmeAdmin, lifetimeSeconds: nil).hasPrefix("2|"))
    }

    @Test("two tenants may use the same names and never see each other's inventory")
    func sameNamesInTwoTenants() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let acme = try fixture.store.createTenant(demoCopy(named: "acme"))
        let acmeAdmin = try #require(
            try fixture.store.user(in: acme, email: DemoSeed.adminEmail, password: DemoSeed.adminPassword))
        #expect(acmeAdmin.tenant == acme)

        // The same key in both tenants: an update in one does not touch the other.
        let (outcome, _) = try fixture.importing(
            [record("ZAMNVCAS19", "SS-01", "RM19CASRUT.ZAM", "2023-08-01", "1", "gal")], into: acme, by: acmeAdmin)
        #expect(outcome.summary.updated == 1)
        try fixture.importing([record("124", "SS-02", "FG-GEN-LOT", "2024-02-02", "7")], into: acme, by: acmeAdmin)
        #expect(try fixture.rows() == [DemoSeed.seededRow])
        #expect(try fixture.rows(of: acme).map(\.quantity.text) == ["7", "1"])
        #expect(try fixture.store.jobs(of: fixture.demo).isEmpty)

        // A delete in the demo does not reach acme's records of the same names.
        #expect(try fixture.store.delete(.filters(DeleteFilters(items: DemoSeed.items)), from: fixture.demo) == 1)
        #expect(try fixture.rows().isEmpty)
        #expect(try fixture.rows(of: acme).count == 2)
        #expect(try fixture.store.inventory(of: acme, from: 0, limit: 1000).total == 2)
    }

    @Test("a tenant created from a seed gets exactly that seed's master data")
    func createdTenantHasItsOwnMasterData() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let acme = try fixture.store.createTenant(smallTenant(named: "acme"))
        let boss = try fixture.boss(of: acme)
        #expect(
            try fixture.rows(of: acme) == [
                InventoryRow(
                    item: "122-16", bin: "SS-01", locationArea: "North", location: "ZAM-WINERY", lot: "RM19CASRUT.ZAM",
                    dateFilled: "2022-02-02", quantity: quantity("3"), unit: "Gallon")
            ])
        // "999" exists only in acme; "124" only in demo.
        let (inAcme, _) = try fixture.importing(
            [
                record("999", "SS-01", "RM19CASRUT.ZAM", "2024-01-01", "1", "GAL"),
                record("124", "SS-01", "RM19CASRUT.ZAM", "2024-01-01", "1"),
            ], into: acme, by: boss)
        #expect(inAcme.summary == ImportSummary(received: 2, created: 1, failed: 1))
        #expect(inAcme.errors.map(\.index) == [1])
        let (inDemo, _) = try fixture.importing([record("999", "SS-01", "RM19CASRUT.ZAM", "2024-01-01", "1")])
        #expect(inDemo.summary.failed == 1)
    }
}
