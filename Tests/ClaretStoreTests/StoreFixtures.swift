import ClaretModel
import ClaretStore
import Foundation
import Testing

/// The built-in demo tenant's users and seeded record, as the contract gives them.
enum DemoSeed {
    static let adminEmail = "integrator@demo.test"
    static let adminPassword = "demo-password"
    static let viewerEmail = "viewer@demo.test"
    static let viewerPassword = "viewer-password"

    static let items = ["122-16", "124", "ZAMNVCAS19", "ZAMNVCAS20"]
    static let bins = ["SS-01", "SS-02", "SS-03", "FG-GEN-BIN", "Refrigerator"]
    static let lots = ["RM19CASRUT.ZAM", "RM19CASSH.ZAM", "RM20CASRUT.ZAM", "FG-GEN-LOT"]

    /// The one seeded inventory record, as the inventory page shows it.
    static let seededRow = InventoryRow(
        item: "ZAMNVCAS19", bin: "SS-01", locationArea: "North", location: "ZAM-WINERY", lot: "RM19CASRUT.ZAM",
        dateFilled: "2023-08-01", quantity: quantity("5000"), unit: "Gallon")
}

/// A fixed instant, so timestamps and job file paths are predictable.
let noonOfNewYear = Date(timeIntervalSince1970: 1_704_110_400)  // 2024-01-01T12:00:00Z

/// Import switches that let every valid record through.
let applyEverything = ImportOptions(allowCreation: true, allowUpdate: true, continueOnError: true)

/// A date the test spells correctly.
func date(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(parsing: text) else { preconditionFailure("bad test date \(text)") }
    return date
}

/// A quantity the test spells correctly.
func quantity(_ text: String) -> Quantity {
    guard let quantity = Quantity(parsing: text) else { preconditionFailure("bad test quantity \(text)") }
    return quantity
}

/// An import record.
func record(
    _ item: String, _ bin: String, _ lot: String, _ dateFilled: String, _ amount: String, _ unit: String = "Gallon"
) -> InventoryRecord {
    InventoryRecord(
        key: InventoryKey(item: item, bin: bin, lot: lot, dateFilled: date(dateFilled)), quantity: quantity(amount),
        unit: unit)
}

/// The demo tenant under another name: the same master data, inventory and users.
func demoCopy(named name: String) throws -> TenantSeed {
    var seed = try #require(try SeedFile.builtIn().tenants.first)
    seed.name = name
    return seed
}

/// A small tenant with its own users, sharing some names with the demo tenant.
func smallTenant(named name: String, adminPassword: String = "acme-password") -> TenantSeed {
    TenantSeed(
        name: name,
        users: [
            UserSeed(id: 1, email: "boss@\(name).test", password: adminPassword, isAdmin: true),
            UserSeed(id: 7, email: "clerk@\(name).test", password: "clerk-password", isAdmin: false),
        ],
        items: ["122-16", "999"],
        locations: [LocationSeed(name: "ZAM-WINERY", areas: [AreaSeed(name: "North", bins: ["SS-01"])])],
        lots: ["RM19CASRUT.ZAM"], units: [UnitSeed(name: "Gallon", abbreviation: "gal")],
        inventory: [record("122-16", "SS-01", "RM19CASRUT.ZAM", "2022-02-02", "3")])
}

/// A store of its own, seeded with the built-in demo tenant, with the demo's two users logged in.
struct SeededStore {
    let store: Store
    let demo: TenantRef
    let admin: UserRef
    let viewer: UserRef

    /// A fresh temporary store (`Store.temporary()`), or a store at `path`.
    init(path: String? = nil) throws {
        store = try path.map { try Store(path: $0) } ?? Store.temporary()
        try store.install(SeedFile.builtIn())
        demo = try #require(try store.tenant(named: "demo"))
        admin = try #require(try store.user(in: demo, email: DemoSeed.adminEmail, password: DemoSeed.adminPassword))
        viewer = try #require(
            try store.user(in: demo, email: DemoSeed.viewerEmail, password: DemoSeed.viewerPassword))
    }

    func close() { store.close() }

    /// Every inventory row of `tenant` (the demo by default), reading page after page.
    func rows(of tenant: TenantRef? = nil) throws -> [InventoryRow] {
        var rows: [InventoryRow] = []
        var index: Int? = 0
        while let start = index {
            let page = try store.inventory(of: tenant ?? demo, from: start, limit: 1000)
            rows += page.rows
            index = page.nextIndex
        }
        return rows
    }

    /// Imports `records` into `tenant` (the demo by default) as the demo admin or `user`.
    @discardableResult
    func importing(
        _ records: [InventoryRecord], options: ImportOptions = applyEverything, into tenant: TenantRef? = nil,
        by user: UserRef? = nil, now: Date = noonOfNewYear
    ) throws -> (ImportOutcome, JobLog) {
        try store.importRecords(
            ImportRequest(options: options, records: records), into: tenant ?? demo, by: user ?? admin,
            profile: .standard, now: now)
    }

    /// The admin user of a tenant made by `smallTenant(named:)`.
    func boss(of tenant: TenantRef, password: String = "acme-password") throws -> UserRef {
        try #require(try store.user(in: tenant, email: "boss@\(tenant.name).test", password: password))
    }
}

/// Every combination of the demo's items, bins and lots on `dates`: `4 x 5 x 4 x dates.count` records.
func grid(dates: [String], amount: String = "10") -> [InventoryRecord] {
    var records: [InventoryRecord] = []
    for day in dates {
        for item in DemoSeed.items {
            for bin in DemoSeed.bins {
                for lot in DemoSeed.lots { records.append(record(item, bin, lot, day, amount)) }
            }
        }
    }
    return records
}

/// `count` distinct dates from 2023-01-01 on, 28 a month (no date of August 2023 before count 197).
func dates(_ count: Int) -> [String] {
    (0..<count).map { index in
        let month = index / 28 + 1
        let day = index % 28 + 1
        return "2023-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}

/// The identity of a row, to compare stored rows with import records.
struct RowKey: Hashable, Comparable {
    let item: String
    let bin: String
    let lot: String
    let dateFilled: String

    init(item: String, bin: String, lot: String, dateFilled: String) {
        self.item = item
        self.bin = bin
        self.lot = lot
        self.dateFilled = dateFilled
    }

    init(_ row: InventoryRow) {
        self.init(item: row.item, bin: row.bin, lot: row.lot, dateFilled: row.dateFilled)
    }

    init(_ record: InventoryRecord) {
        self.init(
            item: record.key.item, bin: record.key.bin, lot: record.key.lot, dateFilled: record.key.dateFilled.text)
    }

    static func < (lhs: RowKey, rhs: RowKey) -> Bool {
        (lhs.item, lhs.bin, lhs.lot, lhs.dateFilled) < (rhs.item, rhs.bin, rhs.lot, rhs.dateFilled)
    }
}

/// Whether `needle` occurs in `haystack` as a run of bytes.
func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
    return (0...(haystack.count - needle.count)).contains { start in
        haystack[start..<(start + needle.count)].elementsEqual(needle)
    }
}

/// Every text and blob value of every table in the SQLite file, with where it was found.
func storedValues(inDatabaseAt path: String) throws -> [(place: String, bytes: [UInt8])] {
    let connection = try Connection(path: path, readOnly: true)
    defer { connection.close() }
    var found: [(place: String, bytes: [UInt8])] = []
    let tables = try connection.query("SELECT name FROM sqlite_master WHERE type = 'table'").map { $0.text(0) }
    for table in tables {
        for row in try connection.query("SELECT * FROM \"\(table)\"") {
            for (column, value) in row.values.enumerated() {
                let place =
                    "\(table).\(row.columnNames.indices.contains(column) ? row.columnNames[column] : "\(column)")"
                switch value {
                case .text(let text): found.append((place, Array(text.utf8)))
                case .blob(let blob): found.append((place, blob))
                default: break
                }
            }
        }
    }
    return found
}

/// A CSV upload's form fields with the three switches.
func csvFields(creation: Bool = true, update: Bool = true, continueOnError: Bool = true) -> [String: String] {
    [
        "source": "api", "allow_record_creation": creation ? "true" : "false",
        "allow_record_update": update ? "1" : "0", "should_continue_on_error": continueOnError ? "true" : "false",
    ]
}

/// A validated CSV upload.
func csvUpload(_ text: String, fields: [String: String] = csvFields(), filename: String = "stock.csv") throws
    -> CSVImportRequest
{
    try CSVImportRequest.decode(fields: fields, file: (filename, Array(text.utf8)), profile: .standard)
}

/// The text of bytes read back.
func text(_ bytes: [UInt8]?) -> String? { bytes.map { String(decoding: $0, as: UTF8.self) } }
