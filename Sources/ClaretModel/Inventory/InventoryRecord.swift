/// The identity of an inventory record: one record per (item, bin, lot, date filled).
public struct InventoryKey: Sendable, Hashable {
    /// The item's name.
    public var item: String
    /// The bin's name.
    public var bin: String
    /// The lot's name.
    public var lot: String
    /// The date the lot was filled.
    public var dateFilled: CalendarDate

    /// Creates a key.
    public init(item: String, bin: String, lot: String, dateFilled: CalendarDate) {
        self.item = item
        self.bin = bin
        self.lot = lot
        self.dateFilled = dateFilled
    }
}

/// An inventory record as an import sends it: a key plus the values an update changes.
public struct InventoryRecord: Sendable, Hashable {
    /// Which record this is.
    public var key: InventoryKey
    /// How much there is.
    public var quantity: Quantity
    /// The unit of measure, by name or abbreviation.
    public var unit: String

    /// Creates a record.
    public init(key: InventoryKey, quantity: Quantity, unit: String) {
        self.key = key
        self.quantity = quantity
        self.unit = unit
    }
}

/// A stored inventory record as read back, with the bin's area and location resolved.
public struct InventoryRow: Sendable, Hashable {
    /// The item's name.
    public var item: String
    /// The bin's name.
    public var bin: String
    /// The bin's location area.
    public var locationArea: String
    /// The area's location.
    public var location: String
    /// The lot's name.
    public var lot: String
    /// The date filled, `YYYY-MM-DD`.
    public var dateFilled: String
    /// The exact quantity.
    public var quantity: Quantity
    /// The unit of measure's name.
    public var unit: String

    /// Creates a row.
    public init(
        item: String, bin: String, locationArea: String, location: String, lot: String, dateFilled: String,
        quantity: Quantity, unit: String
    ) {
        self.item = item
        self.bin = bin
        self.locationArea = locationArea
        self.location = location
        self.lot = lot
        self.dateFilled = dateFilled
        self.quantity = quantity
        self.unit = unit
    }
}
