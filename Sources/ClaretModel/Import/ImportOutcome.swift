import ExactJSON

/// One refused record of an import.
public struct RecordError: Sendable, Equatable {
    /// The record's 0-based index in the request (or data row for CSV).
    public var index: Int
    /// The record field at fault (`item_name`), or nil when the record as a whole was refused.
    public var field: String?
    /// The sentence.
    public var message: String

    /// Creates a record error.
    public init(index: Int, field: String?, message: String) {
        self.index = index
        self.field = field
        self.message = message
    }
}

/// How an import ended.
public enum ImportStatus: String, Sendable, Equatable {
    /// Every record was applied.
    case completed
    /// Some records were applied, some refused.
    case completedWithErrors = "completed_with_errors"
    /// Nothing was applied.
    case failed
}

/// The counts an import reports.
public struct ImportSummary: Sendable, Equatable {
    /// Records received.
    public var received: Int
    /// Records created.
    public var created: Int
    /// Records updated.
    public var updated: Int
    /// Records refused.
    public var failed: Int

    /// Creates a summary.
    public init(received: Int, created: Int = 0, updated: Int = 0, failed: Int = 0) {
        self.received = received
        self.created = created
        self.updated = updated
        self.failed = failed
    }
}

extension ImportSummary {
    /// The counts as Claret's `summary` object: received, created, updated, failed.
    public var json: JSONValue {
        [
            "received": .number(JSONNumber(received)), "created": .number(JSONNumber(created)),
            "updated": .number(JSONNumber(updated)), "failed": .number(JSONNumber(failed)),
        ]
    }
}

/// What an import did: its status, counts, refusals, and which records were applied.
public struct ImportOutcome: Sendable, Equatable {
    /// How it ended.
    public var status: ImportStatus
    /// The counts.
    public var summary: ImportSummary
    /// Each refusal, in record order (several per record when several names are unknown).
    public var errors: [RecordError]
    /// Indexes of the records applied, in order.
    public var appliedIndexes: [Int]
    /// Whether everything the import wrote must be undone (a failure with `continueOnError` false).
    public var requiresRollback: Bool

    /// Creates an outcome.
    public init(
        status: ImportStatus, summary: ImportSummary, errors: [RecordError], appliedIndexes: [Int],
        requiresRollback: Bool
    ) {
        self.status = status
        self.summary = summary
        self.errors = errors
        self.appliedIndexes = appliedIndexes
        self.requiresRollback = requiresRollback
    }

    /// The `content` of the 200 response, without the job link.
    public var contentObject: JSONObject {
        JSONObject([
            ("status", .string(status.rawValue)),
            ("summary", summary.json),
            (
                "errors",
                .array(
                    errors.map { error in
                        [
                            "index": .number(JSONNumber(error.index)),
                            "field": error.field.map { .string($0) } ?? .null,
                            "message": .string(error.message),
                        ]
                    })
            ),
        ])
    }
}
