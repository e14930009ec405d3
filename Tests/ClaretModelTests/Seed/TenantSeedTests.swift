import ClaretModel
import ExactJSON
import Testing

@Suite("TenantSeed checks a tenant's master data and round-trips through its seed object")
struct TenantSeedTests {
    static func record(_ item: String = "124", bin: String = "SS-01", unit: String = "gal") -> InventoryRecord {
        guard let date = CalendarDate(parsing: "2023-08-01"), let quantity = Quantity(parsing: "12.345") else {
            preconditionFailure("bad test record")
        }
        return InventoryRecord(
            key: InventoryKey(item: item, bin: bin, lot: "FG-GEN-LOT", dateFilled: date), quantity: quantity, unit: unit
        )
    }

    static func tenant(name: String = "demo", inventory: [InventoryRecord] = [record()]) -> TenantSeed {
        TenantSeed(
            name: name,
            users: [UserSeed(id: 1, email: "integrator@demo.test", password: "demo-password", isAdmin: true)],
            items: ["124"],
            locations: [
                LocationSeed(name: "ZAM-PARTNER", areas: [AreaSeed(name: "South Storage Building", bins: ["SS-01"])])
            ],
            lots: ["FG-GEN-LOT"], units: [UnitSeed(name: "Gallon", abbreviation: "gal")], inventory: inventory)
    }

    func refusal(_ tenant: TenantSeed) throws -> SeedError {
        try #require(throws: SeedError.self) { try tenant.validate(file: "seed.json", entry: "tenants.demo") }
    }

    @Test(
        "tenant names are lowercase letters, digits and '-'",
        arguments: [
            ("demo", true), ("yourcompany", true), ("ci-job-7", true), ("7up", true), ("Demo", false), ("", false),
            ("-demo", false), ("de mo", false), ("demo_1", false), ("__harness", false), ("dé", false),
            (String(repeating: "a", count: 63), true), (String(repeating: "a", count: 64), false),
        ])
    func tenantNames(name: String, valid: Bool) {
        #expect(TenantSeed.isValidName(name) == valid)
    }

    @Test("a consistent tenant validates")
    func valid() throws {
        try Self.tenant().validate(file: "seed.json", entry: "tenants.demo")
    }

    @Test("an unknown item in the inventory is refused at its entry")
    func unknownItem() throws {
        let error = try refusal(Self.tenant(inventory: [Self.record(), Self.record("ZZZ")]))
        #expect(error == SeedError(file: "seed.json", entry: "tenants.demo.inventory[1]", reason: "unknown item 'ZZZ'"))
    }

    @Test("an unknown uom in the inventory is refused")
    func unknownUnit() throws {
        let error = try refusal(Self.tenant(inventory: [Self.record(unit: "l")]))
        #expect(error.reason == "unknown uom 'l'")
    }

    @Test("the inventory may name a unit by its name in any case")
    func unitByName() throws {
        try Self.tenant(inventory: [Self.record(unit: "GALLON")]).validate(file: "seed.json", entry: "tenants.demo")
    }

    @Test("an empty name is refused")
    func emptyName() throws {
        var tenant = Self.tenant()
        tenant.lots = ["FG-GEN-LOT", ""]
        let error = try refusal(tenant)
        #expect(error == SeedError(file: "seed.json", entry: "tenants.demo.lots[1]", reason: "the name is empty"))
    }

    @Test("an empty password is refused")
    func emptyPassword() throws {
        var tenant = Self.tenant()
        tenant.users[0].password = ""
        let error = try refusal(tenant)
        #expect(
            error
                == SeedError(
                    file: "seed.json", entry: "tenants.demo.users[0].password", reason: "the password is empty"))
    }

    @Test("a user id must be positive")
    func nonPositiveUserID() throws {
        var tenant = Self.tenant()
        tenant.users[0].id = 0
        #expect(try refusal(tenant).entry == "tenants.demo.users[0].id")
    }

    @Test("a repeated unit is refused at the unit that repeats it")
    func repeatedUnit() throws {
        var tenant = Self.tenant()
        tenant.units.append(UnitSeed(name: "Gal", abbreviation: "G"))
        let error = try refusal(tenant)
        #expect(error == SeedError(file: "seed.json", entry: "tenants.demo.uoms[1]", reason: "'Gal' is repeated"))
    }

    @Test("a unit whose abbreviation is its own name repeats nothing")
    func unitNamedAsAbbreviation() throws {
        var tenant = Self.tenant()
        tenant.units.append(UnitSeed(name: "Each", abbreviation: "EACH"))
        try tenant.validate(file: "seed.json", entry: "tenants.demo")
    }

    @Test("an empty unit abbreviation is refused at its unit")
    func emptyUnitAbbreviation() throws {
        var tenant = Self.tenant()
        tenant.units.append(UnitSeed(name: "Case", abbreviation: ""))
        let error = try refusal(tenant)
        #expect(error == SeedError(file: "seed.json", entry: "tenants.demo.uoms[1]", reason: "the name is empty"))
    }

    @Test("an invalid tenant name is refused at the tenant's entry")
    func invalidName() throws {
        let error = try refusal(Self.tenant(name: "Bad Name"))
        #expect(error.entry == "tenants.demo")
    }

    @Test("the seed object round-trips through the tenant parser")
    func seedObjectRoundTrip() throws {
        let tenant = Self.tenant()
        var object = try #require(tenant.seedObject.object)
        object["name"] = .string(tenant.name)
        let parsed = try SeedFile.parseTenant(.object(object), source: "stored seed")
        #expect(parsed.items == tenant.items && parsed.locations == tenant.locations && parsed.lots == tenant.lots)
        #expect(parsed.units == tenant.units && parsed.inventory == tenant.inventory)
        // Passwords come back as digests only, each matching the original password.
        #expect(parsed.users.allSatisfy { $0.password.isEmpty })
        for (stored, original) in zip(parsed.users, tenant.users) {
            #expect(stored.passwordDigest?.matches(original.password) == true)
            #expect(stored.email == original.email && stored.id == original.id && stored.isAdmin == original.isAdmin)
        }
    }

    @Test("the seed object holds no password in clear")
    func seedObjectHidesPasswords() {
        let tenant = Self.tenant()
        let text = tenant.seedObject.serialized()
        for user in tenant.users { #expect(!text.contains(user.password)) }
    }

    @Test("the seed object keeps the quantity's exact text")
    func seedObjectQuantity() throws {
        let object = Self.tenant().seedObject
        #expect(object["inventory"]?[0]?["quantity"] == "12.345")
        #expect(object["inventory"]?[0]?["date_filled"] == "2023-08-01")
        #expect(object.object?.keys == ["users", "items", "locations", "lots", "uoms", "inventory"])
        #expect(object["users"]?[0]?["admin"] == true)
    }

    @Test("the built-in seed round-trips through its seed object")
    func builtInRoundTrip() throws {
        let demo = try #require(try SeedFile.builtIn().tenants.first)
        var object = try #require(demo.seedObject.object)
        object["name"] = "demo"
        let parsed = try SeedFile.parseTenant(.object(object), source: "stored seed")
        #expect(parsed.inventory == demo.inventory && parsed.locations == demo.locations)
        #expect(parsed.users[0].passwordDigest?.matches("demo-password") == true)
    }
}
