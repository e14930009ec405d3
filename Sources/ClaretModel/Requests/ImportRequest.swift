import ExactJSON

/// The three switches of an inventory import.
public struct ImportOptions: Sendable, Equatable {
    /// Whether a record whose key is new may be created.
    public var allowCreation: Bool
    /// Whether a record whose key exists may be updated.
    public var allowUpdate: Bool
    /// Whether valid records are applied when others fail (else one failure applies nothing).
    public var continueOnError: Bool

    /// Creates options.
    public init(allowCreation: Bool, allowUpdate: Bool, continueOnError: Bool) {
        self.allowCreation = allowCreation
        self.allowUpdate = allowUpdate
        self.continueOnError = continueOnError
    }
}

/// A validated inventory import: options plus records, in request order.
public struct ImportRequest: Sendable, Equatable {
    /// The switches.
    public var options: ImportOptions
    /// The records, in the order sent.
    public var records: [InventoryRecord]

    /// Creates a request.
    public init(options: ImportOptions, records: [InventoryRecord]) {
        self.options = options
        self.records = records
    }

    /// The record fields in the order Laravel's rules list them (`payload.*.item_name` first, and so on).
    public static let recordFields = ["item_name", "bin_name", "lot_name", "date_filled", "quantity", "uom"]

    /// Validates a JSON import body (contract section 5a) or returns every failure.
    public static func decode(_ body: JSONValue, profile: BehaviourProfile) throws(ValidationErrors) -> ImportRequest {
        var rules = FieldRules(profile: profile)
        if let source = rules.requiredString(body["source"], "source"), source != "api" {
            rules.fail("source", .in)
        }
        let arguments = rules.requiredObject(body["arguments"], "arguments")
        let argumentValue = arguments.map { JSONValue.object($0) }
        var flags: [Bool?] = []
        for name in ["allow_record_creation", "allow_record_update", "should_continue_on_error"] {
            let key = "arguments.\(name)"
            // Laravel checks `arguments.*` even when `arguments` itself is missing, so each switch is reported.
            flags.append(rules.requiredBoolean(argumentValue?[name], key))
        }
        let payload = rules.requiredArray(
            body["payload"], "payload", max: profile.settings.maxRecordsPerRequest)
        // Over the limit only the limit is reported (contract section 5), and nothing else is checked: a
        // huge body must not cost a validation of every element.
        let elements = (payload?.count ?? 0) > profile.settings.maxRecordsPerRequest ? [] : payload ?? []
        let records = decodeRecords(elements.map { $0.object ?? JSONObject() }, rules: &rules) { index, field in
            "payload.\(index).\(field)"
        }
        guard rules.errors.isEmpty, let creation = flags[0], let update = flags[1], let continueOnError = flags[2]
        else {
            throw rules.errors
        }
        return ImportRequest(
            options: ImportOptions(allowCreation: creation, allowUpdate: update, continueOnError: continueOnError),
            records: records.compactMap { $0 })
    }

    /// Validates records field by field (all item names first, as Laravel expands `payload.*.item_name`),
    /// returning each record or nil where one of its fields failed.
    public static func decodeRecords(
        _ elements: [JSONObject], rules: inout FieldRules, key: (Int, String) -> String
    ) -> [InventoryRecord?] {
        let count = elements.count
        var items = [String?](repeating: nil, count: count)
        var bins = items
        var lots = items
        var units = items
        var dates = [CalendarDate?](repeating: nil, count: count)
        var quantities = [Quantity?](repeating: nil, count: count)
        for index in 0..<count {
            items[index] = rules.requiredString(elements[index]["item_name"], key(index, "item_name"))
        }
        for index in 0..<count {
            bins[index] = rules.requiredString(elements[index]["bin_name"], key(index, "bin_name"))
        }
        for index in 0..<count {
            lots[index] = rules.requiredString(elements[index]["lot_name"], key(index, "lot_name"))
        }
        for index in 0..<count {
            dates[index] = rules.requiredDate(elements[index]["date_filled"], key(index, "date_filled"))
        }
        for index in 0..<count {
            quantities[index] = rules.requiredPositiveQuantity(elements[index]["quantity"], key(index, "quantity"))
        }
        for index in 0..<count { units[index] = rules.requiredString(elements[index]["uom"], key(index, "uom")) }
        return (0..<count).map { index in
            guard let item = items[index], let bin = bins[index], let lot = lots[index], let date = dates[index],
                let quantity = quantities[index], let unit = units[index]
            else { return nil }
            return InventoryRecord(
                key: InventoryKey(item: item, bin: bin, lot: lot, dateFilled: date), quantity: quantity, unit: unit)
        }
    }
}
