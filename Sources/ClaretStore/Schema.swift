/// The store's schema, as numbered, append-only migrations: a shipped migration is never edited.
enum Schema {
    static let migrations: [Migration] = [
        Migration(
            version: 1, name: "tenants, master data, inventory, tokens, job logs",
            sql: """
                CREATE TABLE tenants (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    seed TEXT NOT NULL,                 -- the tenant's seed JSON: what a reset returns it to
                    next_token_id INTEGER NOT NULL DEFAULT 1,
                    next_job_id INTEGER NOT NULL DEFAULT 1
                );
                CREATE TABLE users (
                    tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                    id INTEGER NOT NULL,
                    email TEXT NOT NULL COLLATE NOCASE,
                    password_salt BLOB NOT NULL,
                    password_hash BLOB NOT NULL,        -- SHA-256(salt || password); never the password itself
                    is_admin INTEGER NOT NULL,
                    PRIMARY KEY (tenant_id, id),
                    UNIQUE (tenant_id, email)
                );
                CREATE TABLE items (
                    id INTEGER PRIMARY KEY,
                    tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    UNIQUE (tenant_id, name)
                );
                CREATE TABLE locations (
                    id INTEGER PRIMARY KEY,
                    tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    UNIQUE (tenant_id, name)
                );
                CREATE TABLE location_areas (
                    id INTEGER PRIMARY KEY,
                    tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                    location_id INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    UNIQUE (tenant_id, name)
                );
                CREATE TABLE bins (
                    id INTEGER PRIMARY KEY,
                    tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                    area_id INTEGER NOT NULL REFERENCES location_areas(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    UNIQUE (tenant_id, name)
                );
                CREATE TABLE lots (
                    id INTEGER PRIMARY KEY,
                    tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    UNIQUE (tenant_id, name)
                );
                CREATE TABLE uoms (
                    id INTEGER PRIMARY KEY,
                    tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                    name TEXT NOT NULL COLLATE NOCASE,
                    abbreviation TEXT NOT NULL COLLATE NOCASE,
                    UNIQUE (tenant_id, name),
                    UNIQUE (tenant_id, abbreviation)
                );
                CREATE TABLE inventory (
                    tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
                    bin_id INTEGER NOT NULL REFERENCES bins(id) ON DELETE CASCADE,
                    lot_id INTEGER NOT NULL REFERENCES lots(id) ON DELETE CASCADE,
                    date_filled TEXT NOT NULL,
                    quantity TEXT NOT NULL,             -- exact decimal text, never a float
                    uom_id INTEGER NOT NULL REFERENCES uoms(id) ON DELETE CASCADE,
                    PRIMARY KEY (tenant_id, item_id, bin_id, lot_id, date_filled)
                ) WITHOUT ROWID;
                CREATE TABLE tokens (
                    tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                    id INTEGER NOT NULL,
                    user_id INTEGER NOT NULL,
                    secret_hash BLOB NOT NULL,          -- SHA-256 of the part after '|', as Laravel Sanctum keeps it
                    created_at REAL NOT NULL,
                    expires_at REAL,
                    revoked INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (tenant_id, id)
                );
                CREATE TABLE job_logs (
                    tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                    id INTEGER NOT NULL,
                    user_id INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    description TEXT NOT NULL,
                    status TEXT NOT NULL,
                    completed_steps INTEGER NOT NULL,
                    total_steps INTEGER NOT NULL,
                    current_step TEXT,
                    files TEXT NOT NULL,                -- JSON object of the four file lists
                    summary TEXT,                       -- JSON of the outcome counts, once finished
                    created_at TEXT NOT NULL,
                    started_at TEXT,
                    completed_at TEXT,
                    PRIMARY KEY (tenant_id, id)
                );
                """),
        Migration(
            version: 2, name: "job parameters, for CSV imports processed in the background",
            sql: """
                ALTER TABLE job_logs ADD COLUMN parameters TEXT;   -- the upload's form fields, as JSON
                CREATE INDEX job_logs_by_status ON job_logs (status);
                """),
        Migration(
            version: 3, name: "job claims, so a worker never finishes a job that a reset replaced",
            sql: """
                ALTER TABLE job_logs ADD COLUMN claim TEXT;   -- set when a worker takes the job
                """),
    ]
}
