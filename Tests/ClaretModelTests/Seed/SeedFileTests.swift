import ClaretModel
import ExactJSON
import Testing

@Suite("SeedFile reads and validates the tenants a server starts with")
struct SeedFileTests {
    /// A valid one-tenant seed whose `demo` tenant takes `tenant`'s members over the defaults.
    static func seedText(_ tenant: String = "") -> String {
        let members = [
            #""users": [{"id": 1, "email": "integrator@demo.test", "password": "demo-password", "admin": true}]"#,
            #""items": ["122-16", "124"]"#,
            #""locations": [{"name": "ZAM-WHS", "areas": [{"name": "Storage", "bins": ["FG-GEN-BIN", "SS-01"]}]}]"#,
            #""lots": ["FG-GEN-LOT"]"#,
            #""uoms": [{"name": "Gallon", "abbreviation": "gal"}]"#,
            #""inventory": [{"item_name": "124", "bin_name": "SS-01", "lot_name": "FG-GEN-LOT", "date_filled": "2023-08-01", "quantity": 12.345, "uom": "gal"}]"#,
        ]
        var object: [String] = []
        for member in members {
            let key = String(member.prefix { $0 != ":" })
            // A CSV form replaces its JSON form: a tenant may not give both.
            let csvKey = String(key.dropLast()) + "_csv\""
            if !tenant.contains(key + ":") && !tenant.contains(csvKey) { object.append(member) }
        }
        if !tenant.isEmpty { object.append(tenant) }
        return #"{"tenants": {"demo": {\#(object.joined(separator: ", "))}}}"#
    }

    func parse(_ text: String, directory: String? = nil) throws -> SeedFile {
        try SeedFile.parse(Array(text.utf8), file: "seed.json", directory: directory)
    }

    func refusal(_ text: String, directory: String? = nil) throws -> SeedError {
        try #require(throws: SeedError.self) { try parse(text, directory: directory) }
    }

    // MARK: The built-in seed

    @Test("the built-in seed is exactly the contract's demo tenant")
    func builtIn() throws {
        let seed = try SeedFile.builtIn()
        #expect(seed.tenants.count == 1)
        let demo = try #require(seed.tenants.first)
        #expect(demo.name == "demo")
        #expect(
            demo.users == [
                UserSeed(id: 1, email: "integrator@demo.test", password: "demo-password", isAdmin: true),
                UserSeed(id: 2, email: "viewer@demo.test", password: "viewer-password", isAdmin: false),
            ])
        #expect(demo.items == ["122-16", "124", "ZAMNVCAS19", "ZAMNVCAS20"])
        #expect(
            demo.locations == [
                LocationSeed(name: "ZAM-WINERY", areas: [AreaSeed(name: "North", bins: ["SS-01", "SS-02", "SS-03"])]),
                LocationSeed(name: "ZAM-WHS", areas: [AreaSeed(name: "Storage", bins: ["FG-GEN-BIN"])]),
                LocationSeed(
                    name: "ZAM-PARTNER", areas: [AreaSeed(name: "South Storage Building", bins: ["Refrigerator"])]),
            ])
        #expect(demo.lots == ["RM19CASRUT.ZAM", "RM19CASSH.ZAM", "RM20CASRUT.ZAM", "FG-GEN-LOT"])
        #expect(
            demo.units == [
                UnitSeed(name: "Gallon", abbreviation: "gal"), UnitSeed(name: "9LE Case", abbreviation: "9LE"),
            ])
        let record = try #require(demo.inventory.first)
        #expect(demo.inventory.count == 1)
        #expect(record.key.item == "ZAMNVCAS19")
        #expect(record.key.bin == "SS-01")
        #expect(record.key.lot == "RM19CASRUT.ZAM")
        #expect(record.key.dateFilled.text == "2023-08-01")
        #expect(record.quantity.text == "5000")
        #expect(record.unit == "Gallon")
    }

    @Test("the built-in text is the contract's JSON")
    func builtInText() throws {
        let document = try JSONParser.parse(SeedFile.builtInText)
        #expect(document["tenants"]?.object?.keys == ["demo"])
        #expect(document["tenants"]?["demo"]?["inventory"]?[0]?["quantity"] == 5000)
    }

    // MARK: JSON form

    @Test("a valid seed keeps an exact quantity and reads a unit by abbreviation")
    func validSeed() throws {
        let seed = try parse(Self.seedText())
        let tenant = try #require(seed.tenants.first)
        #expect(tenant.inventory.first?.quantity.text == "12.345")
        #expect(tenant.inventory.first?.unit == "gal")
    }

    @Test("several tenants are kept in file order")
    func severalTenants() throws {
        let seed = try parse(#"{"tenants": {"zeta": {}, "alpha": {"items": ["1"]}}}"#)
        #expect(seed.tenants.map(\.name) == ["zeta", "alpha"])
        #expect(seed.tenants.last?.items == ["1"])
    }

    @Test("a tenant named twice is refused")
    func repeatedTenant() throws {
        let error = try refusal(#"{"tenants": {"demo": {}, "demo": {"items": ["124"]}}}"#)
        #expect(error.file == "seed.json")
        #expect(error.entry == "tenants.demo")
        #expect(error.reason.contains("repeated"))
    }

    @Test("text that is not JSON is refused for the whole file")
    func notJSON() throws {
        let error = try refusal("{tenants")
        #expect(error.file == "seed.json")
        #expect(error.entry == "(file)")
        #expect(error.reason.hasPrefix("not valid JSON: "))
    }

    @Test("a seed without tenants is refused", arguments: ["{}", #"{"tenants": {}}"#, #"{"tenants": []}"#])
    func noTenants(text: String) throws {
        let error = try refusal(text)
        #expect(
            error
                == SeedError(
                    file: "seed.json", entry: "tenants", reason: "must be an object naming at least one tenant"))
    }

    @Test(
        "an inventory record naming unknown master data is refused with the file, the entry and the reason",
        arguments: [
            (#""item_name": "999""#, "unknown item '999'"), (#""bin_name": "SS-99""#, "unknown bin 'SS-99'"),
            (#""lot_name": "NOPE""#, "unknown lot 'NOPE'"), (#""uom": "Litre""#, "unknown uom 'Litre'"),
        ])
    func unknownMasterData(field: String, reason: String) throws {
        var fields = [
            #""item_name": "124""#, #""bin_name": "SS-01""#, #""lot_name": "FG-GEN-LOT""#,
            #""date_filled": "2023-08-01""#,
            #""quantity": 1"#, #""uom": "Gallon""#,
        ]
        let name = String(field.prefix { $0 != ":" })
        fields = fields.map { $0.hasPrefix(name + ":") ? field : $0 }
        let good =
            #"{"item_name": "122-16", "bin_name": "SS-01", "lot_name": "FG-GEN-LOT", "date_filled": "2023-08-01", "quantity": 1, "uom": "gal"}"#
        let error = try refusal(Self.seedText(#""inventory": [\#(good), {\#(fields.joined(separator: ", "))}]"#))
        #expect(error == SeedError(file: "seed.json", entry: "tenants.demo.inventory[1]", reason: reason))
        #expect(error.description == "seed.json: tenants.demo.inventory[1]: \(reason)")
    }

    @Test("units match case-insensitively by name or abbreviation")
    func unitCaseInsensitive() throws {
        let record =
            #"{"item_name": "124", "bin_name": "SS-01", "lot_name": "FG-GEN-LOT", "date_filled": "2023-08-01", "quantity": 1, "uom": "GALLON"}"#
        #expect(try parse(Self.seedText(#""inventory": [\#(record)]"#)).tenants.first?.inventory.count == 1)
    }

    @Test(
        "a repeated name is refused at its entry",
        arguments: [
            (#""items": ["124", "122-16", "124"]"#, "tenants.demo.items[2]", "'124' is repeated"),
            (#""lots": ["FG-GEN-LOT", "FG-GEN-LOT"]"#, "tenants.demo.lots[1]", "'FG-GEN-LOT' is repeated"),
            (
                #""locations": [{"name": "A", "areas": [{"name": "X", "bins": ["SS-01"]}]}, {"name": "A", "areas": []}]"#,
                "tenants.demo.locations[1]", "'A' is repeated"
            ),
            (
                #""locations": [{"name": "A", "areas": [{"name": "X", "bins": ["SS-01"]}]}, {"name": "B", "areas": [{"name": "X", "bins": []}]}]"#,
                "tenants.demo.locations.areas[1]", "'X' is repeated"
            ),
            (
                #""locations": [{"name": "A", "areas": [{"name": "X", "bins": ["SS-01"]}, {"name": "Y", "bins": ["SS-01"]}]}]"#,
                "tenants.demo.locations.areas.bins[1]", "'SS-01' is repeated"
            ),
            (
                #""uoms": [{"name": "Gallon", "abbreviation": "gal"}, {"name": "GAL", "abbreviation": "g"}]"#,
                "tenants.demo.uoms[1]", "'GAL' is repeated"
            ),
            (
                #""users": [{"id": 1, "email": "a@demo.test", "password": "p"}, {"id": 2, "email": "A@Demo.test", "password": "q"}]"#,
                "tenants.demo.users[1]", "'A@Demo.test' is repeated"
            ),
        ])
    func repeatedName(member: String, entry: String, reason: String) throws {
        let error = try refusal(Self.seedText(member))
        #expect(error == SeedError(file: "seed.json", entry: entry, reason: reason))
    }

    @Test("a repeated user id is refused")
    func repeatedUserID() throws {
        let users =
            #""users": [{"id": 1, "email": "a@demo.test", "password": "p"}, {"id": 1, "email": "b@demo.test", "password": "q"}]"#
        let error = try refusal(Self.seedText(users))
        #expect(error.entry == "tenants.demo.users[1].id")
        #expect(error.reason == "user ids must be positive and unique, found 1")
    }

    @Test("a repeated inventory record is refused")
    func repeatedRecord() throws {
        let record =
            #"{"item_name": "124", "bin_name": "SS-01", "lot_name": "FG-GEN-LOT", "date_filled": "2023-08-01", "quantity": 1, "uom": "gal"}"#
        let error = try refusal(Self.seedText(#""inventory": [\#(record), \#(record)]"#))
        #expect(error.entry == "tenants.demo.inventory[1]")
        #expect(error.reason == "repeats the record (item, bin, lot, date_filled) of an earlier entry")
    }

    @Test(
        "a malformed inventory record is refused with the field at fault",
        arguments: [
            (#""uom": """#, "uom is missing"),
            (#""date_filled": "2023-02-30""#, "date_filled '2023-02-30' is not a YYYY-MM-DD date"),
            (#""quantity": "many""#, "quantity 'many' is not a number"),
            (#""quantity": 0"#, "the quantity must be greater than 0"),
        ])
    func malformedRecord(field: String, reason: String) throws {
        let name = String(field.prefix { $0 != ":" })
        let fields = [
            #""item_name": "124""#, #""bin_name": "SS-01""#, #""lot_name": "FG-GEN-LOT""#,
            #""date_filled": "2023-08-01""#,
            #""quantity": 1"#, #""uom": "gal""#,
        ].map { $0.hasPrefix(name + ":") ? field : $0 }
        let error = try refusal(Self.seedText(#""inventory": [{\#(fields.joined(separator: ", "))}]"#))
        #expect(error == SeedError(file: "seed.json", entry: "tenants.demo.inventory[0]", reason: reason))
    }

    @Test("an unknown tenant field is refused, naming the known ones")
    func unknownField() throws {
        let error = try refusal(Self.seedText(#""bins": []"#))
        #expect(error.entry == "tenants.demo.bins")
        #expect(error.reason.hasPrefix("unknown field; known fields: "))
        #expect(error.reason.contains("locations_csv"))
    }

    @Test("an invalid tenant name is refused")
    func invalidTenantName() throws {
        let error = try refusal(#"{"tenants": {"Demo": {}}}"#)
        #expect(error.entry == "tenants.Demo")
        #expect(error.reason == "'Demo' is not a valid tenant name (use lowercase letters, digits and '-')")
    }

    @Test("a name that is not a string is refused")
    func nameNotString() throws {
        let error = try refusal(Self.seedText(#""items": ["124", 5]"#))
        #expect(error == SeedError(file: "seed.json", entry: "tenants.demo.items[1]", reason: "must be a string"))
    }

    @Test("a user without a password is refused")
    func userWithoutPassword() throws {
        let error = try refusal(Self.seedText(#""users": [{"id": 1, "email": "a@demo.test"}]"#))
        #expect(
            error == SeedError(file: "seed.json", entry: "tenants.demo.users[0].password", reason: "must be a string"))
    }

    @Test("a unit without an abbreviation is refused")
    func unitWithoutAbbreviation() throws {
        let error = try refusal(Self.seedText(#""uoms": [{"name": "Gallon"}]"#))
        #expect(error.entry == "tenants.demo.uoms[0]")
    }

    // MARK: Files

    @Test("a seed file that cannot be read is refused with its path")
    func unreadableFile() throws {
        let error = try #require(throws: SeedError.self) { try SeedFile.load(path: "/nonexistent/seed.json") }
        #expect(error.file == "/nonexistent/seed.json")
        #expect(error.entry == "(file)")
    }

    @Test("a seed may give locations and inventory as inbound-file-feed CSV files beside it")
    func csvForms() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(
            "locations.csv",
            "\u{FEFF}entity_type,name,parent_name,description,bin_type,external_system_id\r\n"
                + "bin,Refrigerator,South Storage Building,,cold,B-1\r\n"
                + "location,ZAM-PARTNER,,Partner site,,L-1\r\n"
                + "location_area,South Storage Building,ZAM-PARTNER,\"Big, cold\",,A-1\r\n"
                + "location,ZAM-WINERY,,,,\r\n"
                + "location_area,North,ZAM-WINERY,,,\r\n"
                + "bin,SS-01,North,,tank,\r\n"
                + "bin,SS-02,North,,tank,\r\n")
        try directory.write(
            "inventory.csv",
            "lot_status,quantity,uom,item_name,bin_name,lot_name,date_filled\n"
                + "Active,12.345,gal,124,Refrigerator,FG-GEN-LOT,2023-08-01\n"
                + "Active,\"5000\",Gallon,122-16,SS-01,FG-GEN-LOT,2023-08-02\n")
        let seedPath = try directory.write(
            "seed.json",
            #"""
            {"tenants": {"partner": {
              "items": ["122-16", "124"], "lots": ["FG-GEN-LOT"], "uoms": [{"name": "Gallon", "abbreviation": "gal"}],
              "locations_csv": "locations.csv", "inventory_csv": "inventory.csv"}}}
            """#)
        let tenant = try #require(try SeedFile.load(path: seedPath).tenants.first)
        #expect(
            tenant.locations == [
                LocationSeed(
                    name: "ZAM-PARTNER", areas: [AreaSeed(name: "South Storage Building", bins: ["Refrigerator"])]),
                LocationSeed(name: "ZAM-WINERY", areas: [AreaSeed(name: "North", bins: ["SS-01", "SS-02"])]),
            ])
        #expect(tenant.inventory.count == 2)
        #expect(tenant.inventory.first?.key.bin == "Refrigerator")
        #expect(tenant.inventory.first?.quantity.text == "12.345")
        #expect(tenant.inventory.first?.unit == "gal")
        #expect(tenant.inventory.last?.key.dateFilled.text == "2023-08-02")
        #expect(tenant.inventory.last?.quantity.text == "5000")
    }

    @Test("an absolute CSV path is read as given")
    func absoluteCSVPath() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(
            "feed.csv", "entity_type,name,parent_name\nlocation,HQ,\narea,Dock,HQ\nbin,D1,Dock\n")
        let seed = try parse(#"{"tenants": {"demo": {"locations_csv": "\#(path)"}}}"#)
        #expect(
            seed.tenants.first?.locations == [LocationSeed(name: "HQ", areas: [AreaSeed(name: "Dock", bins: ["D1"])])])
    }

    @Test("a CSV-sourced record naming an unknown bin is refused like a JSON one")
    func csvUnknownBin() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(
            "inventory.csv",
            "item_name,bin_name,lot_name,date_filled,quantity,uom\n124,SS-01,FG-GEN-LOT,2023-08-01,1,gal\n"
                + "124,NOWHERE,FG-GEN-LOT,2023-08-01,1,gal\n")
        let error = try refusal(Self.seedText(#""inventory_csv": "inventory.csv""#), directory: directory.url.path)
        #expect(error.file == "seed.json")
        #expect(error.entry.hasPrefix("tenants.demo.inventory"))
        #expect(error.reason == "unknown bin 'NOWHERE'")
    }

    @Test("a blank CSV cell is refused with the line")
    func csvBlankCell() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(
            "inventory.csv",
            "item_name,bin_name,lot_name,date_filled,quantity,uom\n124,SS-01,FG-GEN-LOT,2023-08-01, ,gal\n")
        let error = try refusal(Self.seedText(#""inventory_csv": "inventory.csv""#), directory: directory.url.path)
        #expect(
            error
                == SeedError(
                    file: "seed.json", entry: "tenants.demo.inventory_csv line 2", reason: "quantity is missing"))
    }

    @Test("an inventory CSV without a required column is refused, showing its header")
    func csvMissingColumn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("inventory.csv", "item_name,bin_name,lot_name,date_filled,quantity\n")
        let error = try refusal(Self.seedText(#""inventory_csv": "inventory.csv""#), directory: directory.url.path)
        #expect(error.entry == "tenants.demo.inventory_csv")
        #expect(
            error.reason
                == "'\(path)' has no 'uom' column (header: item_name,bin_name,lot_name,date_filled,quantity)")
    }

    @Test("a CSV file that is missing is refused with its resolved path")
    func csvMissingFile() throws {
        let error = try refusal(Self.seedText(#""locations_csv": "nope.csv""#), directory: "/tmp/no-such-dir")
        #expect(
            error
                == SeedError(
                    file: "seed.json", entry: "tenants.demo.locations_csv",
                    reason: "cannot read '/tmp/no-such-dir/nope.csv'"))
    }

    @Test(
        "a locations CSV with a dangling parent or an unknown entity type is refused with the line",
        arguments: [
            ("entity_type,name,parent_name\narea,Dock,HQ\n", "line 2: area 'Dock' names unknown location 'HQ'"),
            ("entity_type,name,parent_name\nlocation,HQ,\nbin,D1,Dock\n", "line 3: bin 'D1' names unknown area 'Dock'"),
            (
                "entity_type,name,parent_name\nlocation,HQ,\nshelf,S1,HQ\n",
                "line 3: entity_type 'shelf' is not location, location_area or bin"
            ),
        ])
    func csvLocationProblems(text: String, reason: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("locations.csv", text)
        let error = try refusal(
            #"{"tenants": {"demo": {"locations_csv": "locations.csv"}}}"#, directory: directory.url.path)
        #expect(error == SeedError(file: "seed.json", entry: "tenants.demo.locations_csv", reason: reason))
    }

    @Test("a repeated bin across CSV rows is refused")
    func csvRepeatedBin() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(
            "locations.csv", "entity_type,name,parent_name\nlocation,HQ,\narea,Dock,HQ\nbin,D1,Dock\nbin,D1,Dock\n")
        let error = try refusal(
            #"{"tenants": {"demo": {"locations_csv": "locations.csv"}}}"#, directory: directory.url.path)
        #expect(error.entry == "tenants.demo.locations.areas.bins[1]")
        #expect(error.reason == "'D1' is repeated")
    }

    // MARK: One tenant

    @Test("one tenant object with its name parses for the harness's tenant creation")
    func parseTenant() throws {
        let value = try JSONParser.parse(#"{"name": "ci-job-7", "items": ["124"], "lots": ["L"]}"#)
        let tenant = try SeedFile.parseTenant(value, source: "request body")
        #expect(tenant.name == "ci-job-7")
        #expect(tenant.items == ["124"])
        #expect(tenant.lots == ["L"])
    }

    @Test("a tenant object without a name is refused")
    func parseTenantWithoutName() throws {
        let error = try #require(throws: SeedError.self) {
            try SeedFile.parseTenant(["items": []], source: "request body")
        }
        #expect(error == SeedError(file: "request body", entry: "name", reason: "is required: the new tenant's name"))
    }

    @Test("a tenant object is validated like a seed file's")
    func parseTenantValidated() throws {
        let error = try #require(throws: SeedError.self) {
            try SeedFile.parseTenant(["name": "t", "items": ["1", "1"]], source: "request body")
        }
        #expect(error == SeedError(file: "request body", entry: "tenant.items[1]", reason: "'1' is repeated"))
    }
}
