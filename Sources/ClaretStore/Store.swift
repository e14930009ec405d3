import ClaretModel
import Foundation

/// A tenant as the store knows it.
public struct TenantRef: Sendable, Hashable {
    /// The row id, used to scope every query.
    public let id: Int64
    /// The tenant's name.
    public let name: String
}

/// An authenticated user of a tenant.
public struct UserRef: Sendable, Hashable {
    /// The user's tenant.
    public let tenant: TenantRef
    /// The numeric user id.
    public let id: Int
    /// The user's e-mail.
    public let email: String
    /// Whether the user sees every job.
    public let isAdmin: Bool
}

/// Failures the store reports as values (SQLite failures arrive as `SQLiteError`).
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A tenant of that name exists already.
    case tenantExists(String)
    /// A stored seed could not be read back (the database was edited by hand?).
    case corruptSeed(tenant: String, reason: String)
    /// A job file is missing from, or could not be written to, the data directory.
    case missingJobFile(String)

    public var description: String {
        switch self {
        case .tenantExists(let name): return "a tenant named '\(name)' exists already"
        case .corruptSeed(let tenant, let reason):
            return "the stored seed of tenant '\(tenant)' is unreadable: \(reason)"
        case .missingJobFile(let path): return "the job file '\(path)' is missing or cannot be written"
        }
    }
}

/// The mock's state in one SQLite file: tenants, master data, inventory, tokens and job logs.
///
/// Every method is scoped to one tenant and every write is one transaction, so no request can see or
/// change another tenant's data, and a failed request leaves nothing behind.
public final class Store: Sendable {
    let database: Database
    /// Tenants by name: looked up on every request, never renamed or deleted, so found ones are kept.
    let tenants = Locked<[String: TenantRef]>([:])

    /// Opens (creating and migrating as needed) the store at `path`.
    public init(path: String) throws {
        database = try Database(path: path, migrations: Schema.migrations)
    }

    private init(database: Database) { self.database = database }

    /// A store in a fresh temporary file, removed on close.
    public static func temporary() throws -> Store {
        Store(database: try Database.temporary(migrations: Schema.migrations))
    }

    /// The database file's path.
    public var path: String { database.path }

    /// Closes every connection; idempotent.
    public func close() { database.close() }

    /// The current time as Claret's timestamps show it (`2024-01-01T10:00:00Z`).
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .current))
    }
}
