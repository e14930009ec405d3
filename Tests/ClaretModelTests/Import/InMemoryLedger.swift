import ClaretModel

/// An `InventoryLedger` over dictionaries, so the import rules run without a database.
///
/// Names match as Claret's master data does: items, bins and lots exactly, units by name or abbreviation
/// ignoring case. Every write is recorded so tests can tell what the processor did.
final class InMemoryLedger: InventoryLedger {
    struct Stored: Equatable {
        var quantity: Quantity
        var unit: Int64
    }

    enum Write: Equatable {
        case create(ResolvedKey)
        case update(ResolvedKey)
    }

    struct Failure: Error {}

    private(set) var itemIDs: [String: Int64] = [:]
    private(set) var binIDs: [String: Int64] = [:]
    private(set) var lotIDs: [String: Int64] = [:]
    private(set) var unitIDs: [String: Int64] = [:]
    private(set) var records: [ResolvedKey: Stored] = [:]
    private(set) var writes: [Write] = []
    /// When set, every lookup throws, as a store whose connection broke would.
    var isBroken = false

    init(
        items: [String] = ["122-16", "124", "ZAMNVCAS19"], bins: [String] = ["SS-01", "SS-02", "Refrigerator"],
        lots: [String] = ["RM19CASRUT.ZAM", "FG-GEN-LOT"],
        units: [(name: String, abbreviation: String)] = [("Gallon", "gal"), ("9LE Case", "9LE")]
    ) {
        for (index, name) in items.enumerated() { itemIDs[name] = Int64(index + 1) }
        for (index, name) in bins.enumerated() { binIDs[name] = Int64(index + 1) }
        for (index, name) in lots.enumerated() { lotIDs[name] = Int64(index + 1) }
        for (index, unit) in units.enumerated() {
            unitIDs[unit.name.lowercased()] = Int64(index + 1)
            unitIDs[unit.abbreviation.lowercased()] = Int64(index + 1)
        }
    }

    func item(named name: String) throws -> Int64? {
        if isBroken { throw Failure() }
        return itemIDs[name]
    }

    func bin(named name: String) throws -> Int64? {
        if isBroken { throw Failure() }
        return binIDs[name]
    }

    func lot(named name: String) throws -> Int64? {
        if isBroken { throw Failure() }
        return lotIDs[name]
    }

    func unit(named nameOrAbbreviation: String) throws -> Int64? {
        if isBroken { throw Failure() }
        return unitIDs[nameOrAbbreviation.lowercased()]
    }

    func contains(_ key: ResolvedKey) throws -> Bool {
        records[key] != nil
    }

    func create(_ key: ResolvedKey, quantity: Quantity, unit: Int64) throws {
        precondition(records[key] == nil, "create called for a stored key")
        records[key] = Stored(quantity: quantity, unit: unit)
        writes.append(.create(key))
    }

    func update(_ key: ResolvedKey, quantity: Quantity, unit: Int64) throws {
        precondition(records[key] != nil, "update called for a missing key")
        records[key] = Stored(quantity: quantity, unit: unit)
        writes.append(.update(key))
    }

    /// The key of a record by names, when every name is known.
    func key(item: String, bin: String, lot: String, date: String) -> ResolvedKey? {
        guard let item = itemIDs[item], let bin = binIDs[bin], let lot = lotIDs[lot] else { return nil }
        return ResolvedKey(item: item, bin: bin, lot: lot, dateFilled: date)
    }

    /// The stored record with these names, if any.
    func stored(item: String, bin: String, lot: String, date: String) -> Stored? {
        key(item: item, bin: bin, lot: lot, date: date).flatMap { records[$0] }
    }

    /// Stores a record directly, as a seed would.
    func seed(item: String, bin: String, lot: String, date: String, quantity: String, unit: String) {
        guard let key = key(item: item, bin: bin, lot: lot, date: date), let quantity = Quantity(parsing: quantity),
            let unit = unitIDs[unit.lowercased()]
        else { preconditionFailure("seed names unknown master data") }
        records[key] = Stored(quantity: quantity, unit: unit)
    }
}
