import ExactJSON

/// One row of a row-mode batch delete: the item plus optional narrowing fields, all ANDed.
public struct DeleteRow: Sendable, Equatable {
    /// The item's name (required).
    public var item: String
    /// The location's name.
    public var location: String?
    /// The location area's name.
    public var locationArea: String?
    /// The bin's name.
    public var bin: String?
    /// The lot's name.
    public var lot: String?
    /// The date filled.
    public var dateFilled: CalendarDate?

    /// Creates a row.
    public init(
        item: String, location: String? = nil, locationArea: String? = nil, bin: String? = nil, lot: String? = nil,
        dateFilled: CalendarDate? = nil
    ) {
        self.item = item
        self.location = location
        self.locationArea = locationArea
        self.bin = bin
        self.lot = lot
        self.dateFilled = dateFilled
    }
}

/// Filter-mode criteria: different criteria ANDed, values inside one list ORed; nil means "not a criterion".
public struct DeleteFilters: Sendable, Equatable {
    /// Item names.
    public var items: [String]?
    /// Location names.
    public var locations: [String]?
    /// Location area names.
    public var locationAreas: [String]?
    /// Bin names.
    public var bins: [String]?
    /// Lot names.
    public var lots: [String]?
    /// Earliest date filled, inclusive.
    public var dateFilledFrom: CalendarDate?
    /// Latest date filled, inclusive.
    public var dateFilledTo: CalendarDate?

    /// Creates filters.
    public init(
        items: [String]? = nil, locations: [String]? = nil, locationAreas: [String]? = nil, bins: [String]? = nil,
        lots: [String]? = nil, dateFilledFrom: CalendarDate? = nil, dateFilledTo: CalendarDate? = nil
    ) {
        self.items = items
        self.locations = locations
        self.locationAreas = locationAreas
        self.bins = bins
        self.lots = lots
        self.dateFilledFrom = dateFilledFrom
        self.dateFilledTo = dateFilledTo
    }

    /// Whether any criterion is set.
    public var isEmpty: Bool {
        items == nil && locations == nil && locationAreas == nil && bins == nil && lots == nil
            && dateFilledFrom == nil && dateFilledTo == nil
    }
}

/// A validated batch delete (contract section 7): row mode wins over filters when both are given.
public enum BatchDeleteRequest: Sendable, Equatable {
    /// Delete records matching any of the rows.
    case rows([DeleteRow])
    /// Delete records matching all the filters.
    case filters(DeleteFilters)

    /// The mode's wire name.
    public var mode: String {
        switch self {
        case .rows: return "rows"
        case .filters: return "filters"
        }
    }

    /// Validates a batch delete body or returns every failure.
    public static func decode(_ body: JSONValue, profile: BehaviourProfile) throws(ValidationErrors)
        -> BatchDeleteRequest
    {
        var rules = FieldRules(profile: profile)
        if let rows = rules.optionalArray(body["rows"], "rows", max: profile.settings.maxBatchDeleteRows) {
            var decoded: [DeleteRow] = []
            // Over the limit only the limit is reported, and no row is checked.
            for (index, element) in rows.enumerated() where rows.count <= profile.settings.maxBatchDeleteRows {
                let row = element.object.map { JSONValue.object($0) } ?? .null
                let prefix = "rows.\(index)"
                let item = rules.requiredString(row["item"], "\(prefix).item")
                let location = rules.optionalString(row["location"], "\(prefix).location")
                let area = rules.optionalString(row["location_area"], "\(prefix).location_area")
                let bin = rules.optionalString(row["bin"], "\(prefix).bin")
                let lot = rules.optionalString(row["lot"], "\(prefix).lot")
                let date = rules.optionalDate(row["date_filled"], "\(prefix).date_filled")
                if let item {
                    decoded.append(
                        DeleteRow(
                            item: item, location: location, locationArea: area, bin: bin, lot: lot, dateFilled: date))
                }
            }
            guard rules.errors.isEmpty else { throw rules.errors }
            return .rows(decoded)
        }
        if !rules.errors.isEmpty { throw rules.errors }

        func names(_ key: String) -> [String]? {
            let limit = profile.settings.maxFilterValues
            guard let elements = rules.optionalArray(body[key], key, max: limit) else { return nil }
            var result: [String] = []
            for (index, element) in elements.enumerated() where elements.count <= limit {
                if let name = rules.requiredString(element, "\(key).\(index)") { result.append(name) }
            }
            return result
        }
        let filters = DeleteFilters(
            items: names("items"), locations: names("locations"), locationAreas: names("location_areas"),
            bins: names("bins"), lots: names("lots"),
            dateFilledFrom: rules.optionalDate(body["date_filled_from"], "date_filled_from"),
            dateFilledTo: rules.optionalDate(body["date_filled_to"], "date_filled_to"))
        guard rules.errors.isEmpty else { throw rules.errors }
        guard !filters.isEmpty else {
            var errors = ValidationErrors()
            errors.add("rows", profile.message(.criterionRequired))
            throw errors
        }
        return .filters(filters)
    }
}
