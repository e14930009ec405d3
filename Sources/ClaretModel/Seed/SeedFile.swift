import CSVFormat
import ExactJSON
import Foundation

/// A seed file: the tenants a server starts with (contract section 10).
public struct SeedFile: Sendable, Equatable {
    /// The tenants, in file order.
    public var tenants: [TenantSeed]

    /// Creates a seed file value.
    public init(tenants: [TenantSeed]) { self.tenants = tenants }

    /// The built-in demo tenant, exactly as the contract gives it.
    public static let builtInText = #"""
        {"tenants": {
          "demo": {
            "users": [{"id": 1, "email": "integrator@demo.test", "password": "demo-password", "admin": true},
                      {"id": 2, "email": "viewer@demo.test", "password": "viewer-password", "admin": false}],
            "items": ["122-16", "124", "ZAMNVCAS19", "ZAMNVCAS20"],
            "locations": [{"name": "ZAM-WINERY", "areas": [{"name": "North", "bins": ["SS-01", "SS-02", "SS-03"]}]},
                          {"name": "ZAM-WHS", "areas": [{"name": "Storage", "bins": ["FG-GEN-BIN"]}]},
                          {"name": "ZAM-PARTNER", "areas": [{"name": "South Storage Building", "bins": ["Refrigerator"]}]}],
            "lots": ["RM19CASRUT.ZAM", "RM19CASSH.ZAM", "RM20CASRUT.ZAM", "FG-GEN-LOT"],
            "uoms": [{"name": "Gallon", "abbreviation": "gal"}, {"name": "9LE Case", "abbreviation": "9LE"}],
            "inventory": [{"item_name": "ZAMNVCAS19", "bin_name": "SS-01", "lot_name": "RM19CASRUT.ZAM",
                           "date_filled": "2023-08-01", "quantity": 5000, "uom": "Gallon"}]
          }}}
        """#

    /// The built-in seed, parsed.
    public static func builtIn() throws(SeedError) -> SeedFile {
        try parse(Array(builtInText.utf8), file: "built-in seed", directory: nil)
    }

    /// Reads and validates the seed at `path`; CSV paths inside it are relative to its folder.
    public static func load(path: String) throws(SeedError) -> SeedFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SeedError(file: path, entry: "(file)", reason: "cannot be read; check the path given to --seed")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(Array(data), file: path, directory: directory)
    }

    /// Parses and validates seed JSON. `directory` resolves `locations_csv` / `inventory_csv` paths.
    public static func parse(_ bytes: [UInt8], file: String, directory: String?) throws(SeedError) -> SeedFile {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw SeedError(file: file, entry: "(file)", reason: "not valid JSON: \(error)")
        }
        guard let tenants = document["tenants"]?.object, tenants.count > 0 else {
            throw SeedError(file: file, entry: "tenants", reason: "must be an object naming at least one tenant")
        }
        var result: [TenantSeed] = []
        var seen = Set<String>()
        for (name, value) in tenants {
            // JSON objects keep duplicate keys, so a tenant named twice must be caught here.
            guard seen.insert(name).inserted else {
                throw SeedError(file: file, entry: "tenants.\(name)", reason: "'\(name)' is repeated")
            }
            let reader = SeedReader(file: file, directory: directory, entry: "tenants.\(name)")
            let tenant = try reader.tenant(named: name, value)
            try tenant.validate(file: file, entry: "tenants.\(name)")
            result.append(tenant)
        }
        return SeedFile(tenants: result)
    }

    /// Parses and validates one tenant object (the body of `POST /__harness/tenants`, which carries `name`).
    public static func parseTenant(_ value: JSONValue, source: String) throws(SeedError) -> TenantSeed {
        guard let name = value["name"]?.string else {
            throw SeedError(file: source, entry: "name", reason: "is required: the new tenant's name")
        }
        let reader = SeedReader(file: source, directory: nil, entry: "tenant")
        var object = value.object ?? JSONObject()
        object["name"] = nil
        // Over HTTP a file path would let any caller read the server's files: the CSV forms are for seed files.
        for key in ["locations_csv", "inventory_csv"] where object[key] != nil {
            throw SeedError(
                file: source, entry: "tenant.\(key)",
                reason: "file paths are not accepted here; send 'locations' and 'inventory' inline")
        }
        let tenant = try reader.tenant(named: name, .object(object))
        try tenant.validate(file: source, entry: "tenant")
        return tenant
    }
}

/// Reads one tenant's JSON (and any CSV files it points to) into a `TenantSeed`.
private struct SeedReader {
    let file: String
    let directory: String?
    let entry: String

    func fail(_ place: String, _ reason: String) -> SeedError {
        SeedError(file: file, entry: place.isEmpty ? entry : "\(entry).\(place)", reason: reason)
    }

    func tenant(named name: String, _ value: JSONValue) throws(SeedError) -> TenantSeed {
        guard let object = value.object else { throw fail("", "must be an object") }
        let known: Set<String> = [
            "users", "items", "locations", "locations_csv", "lots", "uoms", "inventory", "inventory_csv",
        ]
        for key in object.keys where !known.contains(key) {
            throw fail(key, "unknown field; known fields: \(known.sorted().joined(separator: ", "))")
        }
        for (json, csv) in [("locations", "locations_csv"), ("inventory", "inventory_csv")]
        where object[json] != nil && object[csv] != nil {
            throw fail(csv, "give either \(json) or \(csv), not both")
        }
        let users = try list(object["users"], "users").enumerated().map { (index, user) throws(SeedError) in
            try self.user(user, "users[\(index)]")
        }
        let locations: [LocationSeed]
        if let path = object["locations_csv"]?.string {
            locations = try locationsFromCSV(path)
        } else {
            locations = try list(object["locations"], "locations").enumerated().map {
                (index, location) throws(SeedError) in
                try self.location(location, "locations[\(index)]")
            }
        }
        let units = try list(object["uoms"], "uoms").enumerated().map { (index, unit) throws(SeedError) in
            let place = "uoms[\(index)]"
            guard let name = unit["name"]?.string, let abbreviation = unit["abbreviation"]?.string else {
                throw fail(place, "needs a string name and abbreviation")
            }
            return UnitSeed(name: name, abbreviation: abbreviation)
        }
        let inventory: [InventoryRecord]
        if let path = object["inventory_csv"]?.string {
            inventory = try inventoryFromCSV(path)
        } else {
            inventory = try list(object["inventory"], "inventory").enumerated().map {
                (index, record) throws(SeedError) in
                let place = "inventory[\(index)]"
                func field(_ key: String) -> String? {
                    if let number = record[key]?.number { return number.text }
                    return record[key]?.string
                }
                return try self.record(
                    [
                        field("item_name"), field("bin_name"), field("lot_name"), field("date_filled"),
                        field("quantity"), field("uom"),
                    ], place)
            }
        }
        return TenantSeed(
            name: name, users: users, items: try names(object["items"], "items"), locations: locations,
            lots: try names(object["lots"], "lots"), units: units, inventory: inventory)
    }

    /// The elements of an optional array field; anything but an array is refused.
    private func list(_ value: JSONValue?, _ place: String) throws(SeedError) -> [JSONValue] {
        guard let value, !value.isNull else { return [] }
        guard let elements = value.array else { throw fail(place, "must be an array, found \(value.typeName)") }
        return elements
    }

    private func names(_ value: JSONValue?, _ place: String) throws(SeedError) -> [String] {
        guard let value else { return [] }
        guard let elements = value.array else { throw fail(place, "must be an array of names") }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            guard let name = element.string else { throw fail("\(place)[\(index)]", "must be a string") }
            result.append(name)
        }
        return result
    }

    private func user(_ value: JSONValue, _ place: String) throws(SeedError) -> UserSeed {
        guard let id = value["id"]?.number?.int else { throw fail("\(place).id", "must be a whole number") }
        guard let email = value["email"]?.string else { throw fail("\(place).email", "must be a string") }
        var digest: PasswordDigest?
        if let stored = value["password_digest"] {
            guard let salt = stored["salt"]?.string.flatMap(SHA256.bytes(fromHex:)),
                let hash = stored["sha256"]?.string.flatMap(SHA256.bytes(fromHex:)), hash.count == 32
            else {
                throw fail("\(place).password_digest", "must be {\"salt\": hex, \"sha256\": 64 hex digits}")
            }
            digest = PasswordDigest(salt: salt, hash: hash)
        }
        let password = value["password"]?.string ?? ""
        guard digest != nil || value["password"]?.string != nil else {
            throw fail("\(place).password", "must be a string")
        }
        var admin = false
        if let flag = value["admin"], !flag.isNull {
            guard let given = flag.bool else { throw fail("\(place).admin", "must be true or false") }
            admin = given
        }
        return UserSeed(id: id, email: email, password: password, isAdmin: admin, passwordDigest: digest)
    }

    private func location(_ value: JSONValue, _ place: String) throws(SeedError) -> LocationSeed {
        guard let name = value["name"]?.string else { throw fail("\(place).name", "must be a string") }
        var areas: [AreaSeed] = []
        for (index, area) in try list(value["areas"], "\(place).areas").enumerated() {
            let areaPlace = "\(place).areas[\(index)]"
            guard let areaName = area["name"]?.string else { throw fail("\(areaPlace).name", "must be a string") }
            areas.append(AreaSeed(name: areaName, bins: try names(area["bins"], "\(areaPlace).bins")))
        }
        return LocationSeed(name: name, areas: areas)
    }

    private func record(_ fields: [String?], _ place: String) throws(SeedError) -> InventoryRecord {
        let names = ImportRequest.recordFields
        for (index, field) in fields.enumerated() where field?.isEmpty ?? true {
            throw fail(place, "\(names[index]) is missing")
        }
        guard let date = CalendarDate(parsing: fields[3] ?? "") else {
            throw fail(place, "date_filled '\(fields[3] ?? "")' is not a YYYY-MM-DD date")
        }
        guard let quantity = Quantity(parsing: fields[4] ?? "") else {
            throw fail(place, "quantity '\(fields[4] ?? "")' is not a number")
        }
        return InventoryRecord(
            key: InventoryKey(item: fields[0] ?? "", bin: fields[1] ?? "", lot: fields[2] ?? "", dateFilled: date),
            quantity: quantity, unit: fields[5] ?? "")
    }

    // MARK: - Inbound file feed CSV forms

    private func readCSV(_ path: String, place: String, required: [String]) throws(SeedError) -> (CSVTable, [Int]) {
        let resolved = path.hasPrefix("/") || directory == nil ? path : "\(directory ?? ".")/\(path)"
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw fail(place, "cannot read '\(resolved)'")
        }
        let table: CSVTable
        do {
            table = try CSVReader.parse(Array(data))
        } catch {
            throw fail(place, "'\(resolved)' is not valid CSV: \(error)")
        }
        var columns: [Int] = []
        for name in required {
            guard let column = table.columnIndex(of: name) else {
                throw fail(
                    place, "'\(resolved)' has no '\(name)' column (header: \(table.header.joined(separator: ",")))")
            }
            columns.append(column)
        }
        return (table, columns)
    }

    /// `entity_type,name,parent_name,...`: locations, then areas naming their location, then bins naming their area.
    private func locationsFromCSV(_ path: String) throws(SeedError) -> [LocationSeed] {
        let (table, columns) = try readCSV(
            path, place: "locations_csv", required: ["entity_type", "name", "parent_name"])
        var locations: [LocationSeed] = []
        var areaLocation: [String: Int] = [:]
        var pendingAreas: [(row: Int, name: String, parent: String)] = []
        var pendingBins: [(row: Int, name: String, parent: String)] = []
        for row in table.rows {
            let kind = (row[columns[0]] ?? "").trimmingSpaces.lowercased().replacingUnderscoresWithSpaces
            let name = (row[columns[1]] ?? "").trimmingSpaces
            let parent = (row[columns[2]] ?? "").trimmingSpaces
            switch kind {
            case "location": locations.append(LocationSeed(name: name, areas: []))
            case "location area", "area": pendingAreas.append((row.line, name, parent))
            case "bin": pendingBins.append((row.line, name, parent))
            default:
                throw fail(
                    "locations_csv", "line \(row.line): entity_type '\(kind)' is not location, location_area or bin")
            }
        }
        for area in pendingAreas {
            guard let index = locations.firstIndex(where: { $0.name == area.parent }) else {
                throw fail(
                    "locations_csv", "line \(area.row): area '\(area.name)' names unknown location '\(area.parent)'")
            }
            locations[index].areas.append(AreaSeed(name: area.name, bins: []))
            areaLocation[area.name] = index
        }
        for bin in pendingBins {
            guard let locationIndex = areaLocation[bin.parent],
                let areaIndex = locations[locationIndex].areas.firstIndex(where: { $0.name == bin.parent })
            else {
                throw fail("locations_csv", "line \(bin.row): bin '\(bin.name)' names unknown area '\(bin.parent)'")
            }
            locations[locationIndex].areas[areaIndex].bins.append(bin.name)
        }
        return locations
    }

    /// `item_name,bin_name,lot_name,date_filled,quantity,uom,lot_status`.
    private func inventoryFromCSV(_ path: String) throws(SeedError) -> [InventoryRecord] {
        let (table, columns) = try readCSV(path, place: "inventory_csv", required: ImportRequest.recordFields)
        var records: [InventoryRecord] = []
        for row in table.rows {
            records.append(
                try record(columns.map { row[$0]?.trimmingSpaces }, "inventory_csv line \(row.line)"))
        }
        return records
    }
}
