import ExactJSON

extension TenantSeed {
    /// The tenant in seed-file form (without its name), so it can be stored and read back for resets.
    /// Passwords appear only as salted digests, so the stored seed holds no password in clear.
    public var seedObject: JSONValue {
        .object(
            JSONObject([
                (
                    "users",
                    .array(
                        users.map { user in
                            // One digest per user: `digest` makes a fresh salt each time it is read.
                            let digest = user.digest
                            return [
                                "id": .number(JSONNumber(user.id)), "email": .string(user.email),
                                "password_digest": [
                                    "salt": .string(SHA256.hex(digest.salt)),
                                    "sha256": .string(SHA256.hex(digest.hash)),
                                ],
                                "admin": .bool(user.isAdmin),
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
