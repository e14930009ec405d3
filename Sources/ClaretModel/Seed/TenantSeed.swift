/// A user of a tenant, as seeded.
public struct UserSeed: Sendable, Equatable {
    /// The numeric user id jobs are attributed to.
    public var id: Int
    /// The login e-mail (matched case-insensitively).
    public var email: String
    /// The password in clear, as a seed file may give it; empty when only a digest is known.
    public var password: String
    /// The password's salted digest, when the seed gives that instead of the password.
    public var passwordDigest: PasswordDigest?
    /// Whether the user sees every job, not only their own.
    public var isAdmin: Bool

    /// Creates a user.
    public init(id: Int, email: String, password: String, isAdmin: Bool, passwordDigest: PasswordDigest? = nil) {
        self.passwordDigest = passwordDigest
        self.id = id
        self.email = email
        self.password = password
        self.isAdmin = isAdmin
    }
}

extension UserSeed {
    /// The digest to store: the given one, or one made now from the clear password.
    public var digest: PasswordDigest { passwordDigest ?? PasswordDigest(password: password) }
}

/// A location with its areas and their bins.
public struct LocationSeed: Sendable, Equatable {
    /// The location's name.
    public var name: String
    /// Its areas, in order.
    public var areas: [AreaSeed]

    /// Creates a location.
    public init(name: String, areas: [AreaSeed]) {
        self.name = name
        self.areas = areas
    }
}

/// A location area with its bins.
public struct AreaSeed: Sendable, Equatable {
    /// The area's name.
    public var name: String
    /// Its bins' names.
    public var bins: [String]

    /// Creates an area.
    public init(name: String, bins: [String]) {
        self.name = name
        self.bins = bins
    }
}

/// A unit of measure: the import accepts either its name or its abbreviation.
public struct UnitSeed: Sendable, Equatable {
    /// The full name, e.g. `Gallon`.
    public var name: String
    /// The abbreviation, e.g. `gal`.
    public var abbreviation: String

    /// Creates a unit.
    public init(name: String, abbreviation: String) {
        self.name = name
        self.abbreviation = abbreviation
    }
}

/// Everything a tenant starts with: users, master data and inventory.
public struct TenantSeed: Sendable, Equatable {
    /// The tenant's name, the first segment of every path.
    public var name: String
    /// Its users.
    public var users: [UserSeed]
    /// Item names.
    public var items: [String]
    /// Locations → areas → bins.
    public var locations: [LocationSeed]
    /// Lot names.
    public var lots: [String]
    /// Units of measure.
    public var units: [UnitSeed]
    /// Seeded inventory records.
    public var inventory: [InventoryRecord]

    /// Creates a seed.
    public init(
        name: String, users: [UserSeed], items: [String], locations: [LocationSeed], lots: [String],
        units: [UnitSeed], inventory: [InventoryRecord]
    ) {
        self.name = name
        self.users = users
        self.items = items
        self.locations = locations
        self.lots = lots
        self.units = units
        self.inventory = inventory
    }

    /// Whether `name` is a valid tenant name: lowercase letters, digits and `-`, starting with a letter or digit.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first != UInt8(ascii: "-"), name.utf8.count <= 63 else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-")
        }
    }

    /// Checks names are unique and every inventory record names known master data.
    /// `entry` prefixes the places named in errors (e.g. `tenants.demo`).
    public func validate(file: String, entry: String) throws(SeedError) {
        func fail(_ place: String, _ reason: String) -> SeedError {
            SeedError(file: file, entry: "\(entry).\(place)", reason: reason)
        }
        guard TenantSeed.isValidName(name) else {
            throw SeedError(
                file: file, entry: entry,
                reason: "'\(name)' is not a valid tenant name (use lowercase letters, digits and '-')")
        }
        func unique(_ names: [String], _ place: String, caseInsensitive: Bool = false) throws(SeedError) {
            var seen = Set<String>()
            for (index, name) in names.enumerated() {
                guard !name.isEmpty else { throw fail("\(place)[\(index)]", "the name is empty") }
                let folded = caseInsensitive ? name.lowercased() : name
                guard seen.insert(folded).inserted else {
                    throw fail("\(place)[\(index)]", "'\(name)' is repeated")
                }
            }
        }
        try unique(users.map(\.email), "users", caseInsensitive: true)
        var userIDs = Set<Int>()
        for (index, user) in users.enumerated() {
            guard user.id > 0, userIDs.insert(user.id).inserted else {
                throw fail("users[\(index)].id", "user ids must be positive and unique, found \(user.id)")
            }
            guard !user.password.isEmpty || user.passwordDigest != nil else {
                throw fail("users[\(index)].password", "the password is empty")
            }
        }
        try unique(items, "items")
        try unique(lots, "lots")
        try unique(locations.map(\.name), "locations")
        let areas = locations.flatMap(\.areas)
        try unique(areas.map(\.name), "locations.areas")
        let bins = areas.flatMap(\.bins)
        try unique(bins, "locations.areas.bins")
        // Names and abbreviations share one namespace; the error names the unit (not the flattened list index),
        // and a unit whose abbreviation is its own name repeats nothing.
        var unitNames = Set<String>()
        for (index, unit) in units.enumerated() {
            var names = [unit.name]
            if unit.abbreviation.lowercased() != unit.name.lowercased() { names.append(unit.abbreviation) }
            for name in names {
                guard !name.isEmpty else { throw fail("uoms[\(index)]", "the name is empty") }
                guard unitNames.insert(name.lowercased()).inserted else {
                    throw fail("uoms[\(index)]", "'\(name)' is repeated")
                }
            }
        }

        let itemSet = Set(items)
        let binSet = Set(bins)
        let lotSet = Set(lots)
        let unitSet = Set(units.flatMap { [$0.name.lowercased(), $0.abbreviation.lowercased()] })
        var keys = Set<InventoryKey>()
        for (index, record) in inventory.enumerated() {
            let place = "inventory[\(index)]"
            guard itemSet.contains(record.key.item) else { throw fail(place, "unknown item '\(record.key.item)'") }
            guard binSet.contains(record.key.bin) else { throw fail(place, "unknown bin '\(record.key.bin)'") }
            guard lotSet.contains(record.key.lot) else { throw fail(place, "unknown lot '\(record.key.lot)'") }
            guard unitSet.contains(record.unit.lowercased()) else { throw fail(place, "unknown uom '\(record.unit)'") }
            guard record.quantity.isPositive else { throw fail(place, "the quantity must be greater than 0") }
            guard keys.insert(record.key).inserted else {
                throw fail(place, "repeats the record (item, bin, lot, date_filled) of an earlier entry")
            }
        }
    }
}

/// Why a seed was refused: the file, the entry within it, and the reason.
public struct SeedError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The seed file's path (or `built-in`).
    public let file: String
    /// The entry, as a dotted path (`tenants.demo.inventory[3]`).
    public let entry: String
    /// What was wrong.
    public let reason: String

    /// Creates a seed error.
    public init(file: String, entry: String, reason: String) {
        self.file = file
        self.entry = entry
        self.reason = reason
    }

    public var description: String { "\(file): \(entry): \(reason)" }
}
