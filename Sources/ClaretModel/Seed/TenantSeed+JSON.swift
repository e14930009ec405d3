import ExactJSON

extension TenantSeed {
    /// The tenant in seed-file form (without its name), so it can be stored and read back for resets.
    public var seedObject: JSONValue {
        .object(
            JSONObject([
                (
                    "users",
                    .array(
                        users.map {
                            [
                                "id": .number(JSONNumber($0.id)), "email": .string($0.email),
                                "password": .string($0.password), "admin": .bool($0.isAdmin),
                            ]
                        })
                ),
                ("items", .array(items.map { .string($0) })),
                (
                    "locations",
                    .array(
                        locations.map { location in
                            [
                                "name": .string(location.name),
                                "areas": .array(
                                    location.areas.map { area in
                                        ["name": .string(area.name), "bins": .array(area.bins.map { .string($0) })]
                                    }),
                            ]
                        })
                ),
                ("lots", .array(lots.map { .string($0) })),
                (
                    "uoms",
                    .array(units.map { ["name": .string($0.name), "abbreviation": .string($0.abbreviation)] })
                ),
                (
                    "inventory",
                    .array(
                        inventory.map { record in
                            [
                                "item_name": .string(record.key.item), "bin_name": .string(record.key.bin),
                                "lot_name": .string(record.key.lot), "date_filled": .string(record.key.dateFilled.text),
                                "quantity": .string(record.quantity.text), "uom": .string(record.unit),
                            ]
                        })
                ),
            ]))
    }
}
