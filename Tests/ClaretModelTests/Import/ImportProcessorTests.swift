import ClaretModel
import Testing

@Suite("ImportProcessor applies an import record by record")
struct ImportProcessorTests {
    static let allowAll = ImportOptions(allowCreation: true, allowUpdate: true, continueOnError: true)

    static func record(
        item: String = "ZAMNVCAS19", bin: String = "SS-01", lot: String = "RM19CASRUT.ZAM", date: String = "2023-08-01",
        quantity: String = "5000", unit: String = "Gallon"
    ) -> InventoryRecord {
        guard let dateFilled = CalendarDate(parsing: date), let quantity = Quantity(parsing: quantity) else {
            preconditionFailure("test record with a bad date or quantity")
        }
        return InventoryRecord(
            key: InventoryKey(item: item, bin: bin, lot: lot, dateFilled: dateFilled), quantity: quantity, unit: unit)
    }

    func apply(
        _ records: [InventoryRecord], options: ImportOptions = allowAll, to ledger: InMemoryLedger,
        profile: BehaviourProfile = .standard
    ) throws -> ImportOutcome {
        try ImportProcessor.apply(records, options: options, to: ledger, profile: profile)
    }

    // MARK: Creation and update

    @Test("a new record is created with its exact quantity")
    func creates() throws {
        let ledger = InMemoryLedger()
        let outcome = try apply([Self.record(quantity: "12.345")], to: ledger)
        #expect(outcome.status == .completed)
        #expect(outcome.summary == ImportSummary(received: 1, created: 1))
        #expect(outcome.errors.isEmpty)
        #expect(outcome.appliedIndexes == [0])
        #expect(!outcome.requiresRollback)
        let stored = ledger.stored(item: "ZAMNVCAS19", bin: "SS-01", lot: "RM19CASRUT.ZAM", date: "2023-08-01")
        #expect(stored?.quantity.text == "12.345")
    }

    @Test("an existing record takes the new quantity and unit")
    func updates() throws {
        let ledger = InMemoryLedger()
        ledger.seed(
            item: "ZAMNVCAS19", bin: "SS-01", lot: "RM19CASRUT.ZAM", date: "2023-08-01", quantity: "5000",
            unit: "Gallon")
        let outcome = try apply([Self.record(quantity: "40", unit: "9le")], to: ledger)
        #expect(outcome.status == .completed)
        #expect(outcome.summary == ImportSummary(received: 1, updated: 1))
        let stored = ledger.stored(item: "ZAMNVCAS19", bin: "SS-01", lot: "RM19CASRUT.ZAM", date: "2023-08-01")
        #expect(stored == InMemoryLedger.Stored(quantity: Quantity(parsing: "40") ?? .zero, unit: 2))
    }

    @Test("the same item, bin and lot on another date is another record")
    func dateIsPartOfTheKey() throws {
        let ledger = InMemoryLedger()
        ledger.seed(
            item: "ZAMNVCAS19", bin: "SS-01", lot: "RM19CASRUT.ZAM", date: "2023-08-01", quantity: "5000",
            unit: "Gallon")
        let outcome = try apply([Self.record(date: "2023-08-02")], to: ledger)
        #expect(outcome.summary == ImportSummary(received: 1, created: 1))
        #expect(ledger.records.count == 2)
    }

    @Test("with creation not allowed, a new record is refused as a whole")
    func creationNotAllowed() throws {
        let ledger = InMemoryLedger()
        let options = ImportOptions(allowCreation: false, allowUpdate: true, continueOnError: true)
        let outcome = try apply([Self.record()], options: options, to: ledger)
        #expect(
            outcome.errors == [
                RecordError(
                    index: 0, field: nil, message: "The record does not exist and record creation is not allowed.")
            ])
        #expect(outcome.summary == ImportSummary(received: 1, failed: 1))
        #expect(outcome.status == .failed)
        #expect(ledger.writes.isEmpty)
    }

    @Test("with creation not allowed, an existing record is still updated")
    func creationNotAllowedStillUpdates() throws {
        let ledger = InMemoryLedger()
        ledger.seed(
            item: "ZAMNVCAS19", bin: "SS-01", lot: "RM19CASRUT.ZAM", date: "2023-08-01", quantity: "5000",
            unit: "Gallon")
        let options = ImportOptions(allowCreation: false, allowUpdate: true, continueOnError: true)
        let outcome = try apply([Self.record(quantity: "1")], options: options, to: ledger)
        #expect(outcome.summary == ImportSummary(received: 1, updated: 1))
    }

    @Test("with update not allowed, an existing record is refused and keeps its quantity")
    func updateNotAllowed() throws {
        let ledger = InMemoryLedger()
        ledger.seed(
            item: "ZAMNVCAS19", bin: "SS-01", lot: "RM19CASRUT.ZAM", date: "2023-08-01", quantity: "5000",
            unit: "Gallon")
        let options = ImportOptions(allowCreation: true, allowUpdate: false, continueOnError: true)
        let outcome = try apply([Self.record(quantity: "1")], options: options, to: ledger)
        #expect(
            outcome.errors == [
                RecordError(
                    index: 0, field: nil, message: "The record already exists and record update is not allowed.")
            ])
        #expect(outcome.summary == ImportSummary(received: 1, failed: 1))
        let stored = ledger.stored(item: "ZAMNVCAS19", bin: "SS-01", lot: "RM19CASRUT.ZAM", date: "2023-08-01")
        #expect(stored?.quantity.text == "5000")
        #expect(ledger.writes.isEmpty)
    }

    @Test("with update not allowed, a new record is still created")
    func updateNotAllowedStillCreates() throws {
        let ledger = InMemoryLedger()
        let options = ImportOptions(allowCreation: true, allowUpdate: false, continueOnError: true)
        let outcome = try apply([Self.record()], options: options, to: ledger)
        #expect(outcome.summary == ImportSummary(received: 1, created: 1))
    }

    @Test("the same key twice in one payload: the later record wins, counted as an update")
    func duplicateKeyLaterWins() throws {
        let ledger = InMemoryLedger()
        let outcome = try apply([Self.record(quantity: "10"), Self.record(quantity: "20", unit: "gal")], to: ledger)
        #expect(outcome.status == .completed)
        #expect(outcome.summary == ImportSummary(received: 2, created: 1, updated: 1))
        #expect(outcome.appliedIndexes == [0, 1])
        let stored = ledger.stored(item: "ZAMNVCAS19", bin: "SS-01", lot: "RM19CASRUT.ZAM", date: "2023-08-01")
        #expect(stored?.quantity.text == "20")
        #expect(ledger.records.count == 1)
    }

    // MARK: Unknown names

    @Test(
        "an unknown name is a record error on its field",
        arguments: [
            (ImportProcessorTests.record(item: "NOPE"), "item_name", "Item 'NOPE' does not exist."),
            (ImportProcessorTests.record(bin: "SS-99"), "bin_name", "Bin 'SS-99' does not exist."),
            (ImportProcessorTests.record(lot: "LOT-X"), "lot_name", "Lot 'LOT-X' does not exist."),
            (ImportProcessorTests.record(unit: "Litre"), "uom", "Unit of measure 'Litre' does not exist."),
        ])
    func unknownName(record: InventoryRecord, field: String, message: String) throws {
        let ledger = InMemoryLedger()
        let outcome = try apply([record], to: ledger)
        #expect(outcome.errors == [RecordError(index: 0, field: field, message: message)])
        #expect(outcome.summary == ImportSummary(received: 1, failed: 1))
        #expect(ledger.writes.isEmpty)
    }

    @Test("several unknown names give one error each and count once")
    func severalUnknownNames() throws {
        let ledger = InMemoryLedger()
        let outcome = try apply(
            [Self.record(), Self.record(item: "X1", bin: "B1", lot: "L1", unit: "U1")], to: ledger)
        #expect(
            outcome.errors == [
                RecordError(index: 1, field: "item_name", message: "Item 'X1' does not exist."),
                RecordError(index: 1, field: "bin_name", message: "Bin 'B1' does not exist."),
                RecordError(index: 1, field: "lot_name", message: "Lot 'L1' does not exist."),
                RecordError(index: 1, field: "uom", message: "Unit of measure 'U1' does not exist."),
            ])
        #expect(outcome.summary == ImportSummary(received: 2, created: 1, failed: 1))
        #expect(outcome.status == .completedWithErrors)
    }

    @Test("a unit matches by abbreviation as well as by name")
    func unitByAbbreviation() throws {
        let ledger = InMemoryLedger()
        let outcome = try apply([Self.record(unit: "9LE")], to: ledger)
        #expect(outcome.status == .completed)
        #expect(
            ledger.stored(item: "ZAMNVCAS19", bin: "SS-01", lot: "RM19CASRUT.ZAM", date: "2023-08-01")?.unit == 2)
    }

    @Test("record error sentences come from the profile")
    func messagesFromProfile() throws {
        let profile = try BehaviourProfile(overrides: ["messages": ["item_not_found": "No item {name}."]])
        let outcome = try apply([Self.record(item: "X")], to: InMemoryLedger(), profile: profile)
        #expect(outcome.errors.map(\.message) == ["No item X."])
    }

    // MARK: Continue on error

    @Test("continuing on error applies the valid records and reports the failed ones")
    func continueOnError() throws {
        let ledger = InMemoryLedger()
        let records = [
            Self.record(), Self.record(item: "NOPE"), Self.record(item: "124", bin: "Refrigerator", lot: "FG-GEN-LOT"),
        ]
        let outcome = try apply(records, to: ledger)
        #expect(outcome.status == .completedWithErrors)
        #expect(outcome.summary == ImportSummary(received: 3, created: 2, failed: 1))
        #expect(outcome.errors.map(\.index) == [1])
        #expect(outcome.appliedIndexes == [0, 2])
        #expect(!outcome.requiresRollback)
        #expect(ledger.records.count == 2)
    }

    @Test("continuing on error with every record refused ends failed without rollback")
    func continueOnErrorAllRefused() throws {
        let outcome = try apply([Self.record(item: "A"), Self.record(lot: "B")], to: InMemoryLedger())
        #expect(outcome.status == .failed)
        #expect(outcome.summary == ImportSummary(received: 2, failed: 2))
        #expect(outcome.appliedIndexes.isEmpty)
        #expect(!outcome.requiresRollback)
    }

    @Test("stopping on error: the first record error fails the import, applies nothing and asks for a rollback")
    func stopOnError() throws {
        let ledger = InMemoryLedger()
        let options = ImportOptions(allowCreation: true, allowUpdate: true, continueOnError: false)
        let records = [
            Self.record(), Self.record(date: "2023-09-01"), Self.record(item: "NOPE"), Self.record(bin: "ALSO-NOPE"),
        ]
        let outcome = try apply(records, options: options, to: ledger)
        #expect(outcome.status == .failed)
        #expect(outcome.summary == ImportSummary(received: 4, created: 0, updated: 0, failed: 1))
        #expect(outcome.errors == [RecordError(index: 2, field: "item_name", message: "Item 'NOPE' does not exist.")])
        #expect(outcome.appliedIndexes.isEmpty)
        #expect(outcome.requiresRollback)
        #expect(ledger.writes.count == 2, "records after the failure are not even attempted")
    }

    @Test("stopping on error, a record with several unknown names reports each and counts once")
    func stopOnErrorSeveralNames() throws {
        let options = ImportOptions(allowCreation: true, allowUpdate: true, continueOnError: false)
        let outcome = try apply([Self.record(item: "X", unit: "Y")], options: options, to: InMemoryLedger())
        #expect(outcome.errors.map(\.field) == ["item_name", "uom"])
        #expect(outcome.summary == ImportSummary(received: 1, failed: 1))
        #expect(outcome.requiresRollback)
    }

    @Test("stopping on error, a refused update also stops the import")
    func stopOnRefusedUpdate() throws {
        let ledger = InMemoryLedger()
        ledger.seed(
            item: "ZAMNVCAS19", bin: "SS-01", lot: "RM19CASRUT.ZAM", date: "2023-08-01", quantity: "5000",
            unit: "Gallon")
        let options = ImportOptions(allowCreation: true, allowUpdate: false, continueOnError: false)
        let outcome = try apply([Self.record(item: "124"), Self.record()], options: options, to: ledger)
        #expect(outcome.status == .failed)
        #expect(outcome.summary == ImportSummary(received: 2, failed: 1))
        #expect(outcome.errors.map(\.field) == [nil])
        #expect(outcome.requiresRollback)
    }

    @Test("stopping on error with no record error completes normally")
    func stopOnErrorAllValid() throws {
        let options = ImportOptions(allowCreation: true, allowUpdate: true, continueOnError: false)
        let outcome = try apply([Self.record(), Self.record(item: "124")], options: options, to: InMemoryLedger())
        #expect(outcome.status == .completed)
        #expect(outcome.summary == ImportSummary(received: 2, created: 2))
        #expect(!outcome.requiresRollback)
    }

    @Test("an import of no records completes with zero counts")
    func noRecords() throws {
        let outcome = try apply([], to: InMemoryLedger())
        #expect(outcome.status == .completed)
        #expect(outcome.summary == ImportSummary(received: 0))
        #expect(outcome.errors.isEmpty)
    }

    @Test("a ledger failure propagates instead of becoming a record error")
    func ledgerFailure() {
        let ledger = InMemoryLedger()
        ledger.isBroken = true
        #expect(throws: InMemoryLedger.Failure.self) { try self.apply([Self.record()], to: ledger) }
    }

    // MARK: One record

    @Test("applying one record reports what happened to it")
    func singleRecord() throws {
        let ledger = InMemoryLedger()
        let first = try ImportProcessor.apply(
            Self.record(), at: 7, options: Self.allowAll, to: ledger, profile: .standard)
        let second = try ImportProcessor.apply(
            Self.record(), at: 8, options: Self.allowAll, to: ledger, profile: .standard)
        let third = try ImportProcessor.apply(
            Self.record(lot: "?"), at: 9, options: Self.allowAll, to: ledger, profile: .standard)
        #expect(first == .created)
        #expect(second == .updated)
        #expect(third == .refused([RecordError(index: 9, field: "lot_name", message: "Lot '?' does not exist.")]))
    }
}
