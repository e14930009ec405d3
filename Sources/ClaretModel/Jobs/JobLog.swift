import ExactJSON

/// The states a job log passes through.
public enum JobStatus: String, Sendable, Equatable, CaseIterable {
    /// Accepted, not started.
    case queued
    /// Being applied.
    case processing
    /// Finished, every record applied.
    case completed
    /// Finished, some records refused.
    case completedWithErrors = "completed_with_errors"
    /// Finished, nothing applied.
    case failed

    /// Whether the job has finished.
    public var isFinished: Bool { self == .completed || self == .completedWithErrors || self == .failed }

    /// The job status matching an import's outcome.
    public init(_ status: ImportStatus) {
        switch status {
        case .completed: self = .completed
        case .completedWithErrors: self = .completedWithErrors
        case .failed: self = .failed
        }
    }
}

/// The files a job lists, by role, as download paths.
public struct JobFiles: Sendable, Equatable {
    /// The untouched upload.
    public var input: [String] = []
    /// The rows as read and mapped.
    public var staging: [String] = []
    /// The rows applied.
    public var output: [String] = []
    /// The rows refused, with an `error` column.
    public var errors: [String] = []

    /// Creates an empty file list.
    public init(input: [String] = [], staging: [String] = [], output: [String] = [], errors: [String] = []) {
        self.input = input
        self.staging = staging
        self.output = output
        self.errors = errors
    }
}

/// A job log: one import (JSON or CSV) and how far it got.
public struct JobLog: Sendable, Equatable {
    /// The tenant-scoped id (`job_log_id`).
    public var id: Int
    /// The job type, e.g. `inventory-import`.
    public var type: String
    /// The human description, e.g. `Inventory Import`.
    public var description: String
    /// The current state.
    public var status: JobStatus
    /// Steps done so far.
    public var completedSteps: Int
    /// Steps in all (8, as in Claret's documented example).
    public var totalSteps: Int
    /// The step under way, nil when not processing.
    public var currentStep: String?
    /// The files listed so far.
    public var files: JobFiles
    /// When processing started (ISO 8601, UTC), nil while queued.
    public var startedAt: String?
    /// When it finished, nil until then.
    public var completedAt: String?
    /// Who started it.
    public var userID: Int
    /// The outcome's counts and errors once finished (for the harness's own views).
    public var summary: ImportSummary?

    /// The number of steps Claret's documented job example shows.
    public static let standardStepCount = 8

    /// Creates a job log.
    public init(
        id: Int, type: String = "inventory-import", description: String = "Inventory Import", status: JobStatus,
        completedSteps: Int = 0, totalSteps: Int = JobLog.standardStepCount, currentStep: String? = nil,
        files: JobFiles = JobFiles(), startedAt: String? = nil, completedAt: String? = nil, userID: Int,
        summary: ImportSummary? = nil
    ) {
        self.id = id
        self.type = type
        self.description = description
        self.status = status
        self.completedSteps = completedSteps
        self.totalSteps = totalSteps
        self.currentStep = currentStep
        self.files = files
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.userID = userID
        self.summary = summary
    }

    /// The link Claret's UI shows for the job, on `baseURL` (`http://host`).
    public static func statusLink(baseURL: String, tenant: String, id: Int) -> String {
        "\(baseURL)/\(tenant)/settings/application-maintenance/job-management/imports/logs/\(id)"
    }

    /// The job-status `content` object (contract section 6).
    public func contentObject(baseURL: String, tenant: String) -> JSONValue {
        func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }
        return [
            "job_log_id": .number(JSONNumber(id)),
            "status": .string(status.rawValue),
            "type": .string(type),
            "description": .string(description),
            "progress": [
                "completed_steps": .number(JSONNumber(completedSteps)),
                "total_steps": .number(JSONNumber(totalSteps)),
                "current_step": currentStep.map { .string($0) } ?? .null,
            ],
            "files": [
                "input": strings(files.input), "staging": strings(files.staging), "output": strings(files.output),
                "errors": strings(files.errors),
            ],
            "job_status_link": .string(JobLog.statusLink(baseURL: baseURL, tenant: tenant, id: id)),
            "timestamps": [
                "started_at": startedAt.map { .string($0) } ?? .null,
                "completed_at": completedAt.map { .string($0) } ?? .null,
            ],
            "user_id": .number(JSONNumber(userID)),
        ]
    }
}
