/// A record's key with every name resolved to the tenant's stored ids.
public struct ResolvedKey: Sendable, Hashable {
    /// The item's id.
    public var item: Int64
    /// The bin's id.
    public var bin: Int64
    /// The lot's id.
    public var lot: Int64
    /// The date filled, `YYYY-MM-DD`.
    public var dateFilled: String

    /// Creates a resolved key.
    public init(item: Int64, bin: Int64, lot: Int64, dateFilled: String) {
        self.item = item
        self.bin = bin
        self.lot = lot
        self.dateFilled = dateFilled
    }
}

/// The one tenant's inventory as an import sees it: name lookups, existence, and writes.
public protocol InventoryLedger {
    /// The item's id, or nil when no item has that name.
    func item(named name: String) throws -> Int64?
    /// The bin's id, or nil when no bin has that name.
    func bin(named name: String) throws -> Int64?
    /// The lot's id, or nil when no lot has that name.
    func lot(named name: String) throws -> Int64?
    /// The unit's id by name or abbreviation, or nil when none matches.
    func unit(named nameOrAbbreviation: String) throws -> Int64?
    /// Whether a record with this key is stored.
    func contains(_ key: ResolvedKey) throws -> Bool
    /// Stores a new record.
    func create(_ key: ResolvedKey, quantity: Quantity, unit: Int64) throws
    /// Replaces the quantity and unit of a stored record.
    func update(_ key: ResolvedKey, quantity: Quantity, unit: Int64) throws
}

/// The per-record import rules of contract section 5a, independent of storage.
public enum ImportProcessor {
    /// What happened to one record.
    public enum RecordResult: Sendable, Equatable {
        /// A new record was stored.
        case created
        /// A stored record took the new quantity and unit.
        case updated
        /// The record was refused, with one error per reason.
        case refused([RecordError])
    }

    /// Applies `records` in order to `ledger` under `options`.
    ///
    /// With `continueOnError` false the first refused record stops the import; the outcome then asks the
    /// caller to undo everything written (the store rolls back to before the first record), and counts
    /// only the failures seen before stopping.
    public static func apply(
        _ records: [InventoryRecord], options: ImportOptions, to ledger: some InventoryLedger,
        profile: BehaviourProfile
    ) throws -> ImportOutcome {
        try apply(entries: records.map { (record: $0, errors: []) }, options: options, to: ledger, profile: profile)
    }

    /// Applies CSV rows: a row whose cells failed is refused with those errors, the others go through the
    /// same rules as JSON records.
    public static func apply(
        _ entries: [CSVImportEntry], options: ImportOptions, to ledger: some InventoryLedger,
        profile: BehaviourProfile
    ) throws -> ImportOutcome {
        try apply(
            entries: entries.map { (record: $0.errors.isEmpty ? $0.record : nil, errors: $0.errors) },
            options: options, to: ledger, profile: profile)
    }

    private static func apply(
        entries: [(record: InventoryRecord?, errors: [RecordError])], options: ImportOptions,
        to ledger: some InventoryLedger, profile: BehaviourProfile
    ) throws -> ImportOutcome {
        var summary = ImportSummary(received: entries.count)
        var errors: [RecordError] = []
        var applied: [Int] = []
        for (index, entry) in entries.enumerated() {
            let result: RecordResult
            if let record = entry.record, entry.errors.isEmpty {
                result = try apply(record, at: index, options: options, to: ledger, profile: profile)
            } else {
                result = .refused(entry.errors)
            }
            switch result {
            case .created:
                summary.created += 1
                applied.append(index)
            case .updated:
                summary.updated += 1
                applied.append(index)
            case .refused(let refusals):
                errors += refusals
                summary.failed += 1
                if !options.continueOnError {
                    return ImportOutcome(
                        status: .failed, summary: ImportSummary(received: entries.count, failed: summary.failed),
                        errors: errors, appliedIndexes: [], requiresRollback: true)
                }
            }
        }
        let status: ImportStatus =
            summary.failed == 0 ? .completed : (applied.isEmpty ? .failed : .completedWithErrors)
        return ImportOutcome(
            status: status, summary: summary, errors: errors, appliedIndexes: applied, requiresRollback: false)
    }

    /// Applies one record: every unknown name is its own error; then the creation or update switch decides.
    public static func apply(
        _ record: InventoryRecord, at index: Int, options: ImportOptions, to ledger: some InventoryLedger,
        profile: BehaviourProfile
    ) throws -> RecordResult {
        var refusals: [RecordError] = []
        func refuse(_ field: String, _ message: MessageName, _ name: String) {
            refusals.append(RecordError(index: index, field: field, message: profile.message(message, ["name": name])))
        }
        let item = try ledger.item(named: record.key.item)
        if item == nil { refuse("item_name", .itemNotFound, record.key.item) }
        let bin = try ledger.bin(named: record.key.bin)
        if bin == nil { refuse("bin_name", .binNotFound, record.key.bin) }
        let lot = try ledger.lot(named: record.key.lot)
        if lot == nil { refuse("lot_name", .lotNotFound, record.key.lot) }
        let unit = try ledger.unit(named: record.unit)
        if unit == nil { refuse("uom", .uomNotFound, record.unit) }
        guard let item, let bin, let lot, let unit else { return .refused(refusals) }

        let key = ResolvedKey(item: item, bin: bin, lot: lot, dateFilled: record.key.dateFilled.text)
        if try ledger.contains(key) {
            guard options.allowUpdate else {
                return .refused([RecordError(index: index, field: nil, message: profile.message(.updateNotAllowed))])
            }
            try ledger.update(key, quantity: record.quantity, unit: unit)
            return .updated
        }
        guard options.allowCreation else {
            return .refused([RecordError(index: index, field: nil, message: profile.message(.creationNotAllowed))])
        }
        try ledger.create(key, quantity: record.quantity, unit: unit)
        return .created
    }
}
