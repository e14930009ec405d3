import ClaretModel
import Foundation

extension Credentials {
    /// 40 random letters and digits: the secret part of a Sanctum-style token.
    static func randomSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var generator = SystemRandomNumberGenerator()
        let letters = (0..<40).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return String(decoding: letters, as: UTF8.self)
    }
}

extension Store {
    /// The user whose e-mail (case-insensitively) and password match, or nil.
    public func user(in tenant: TenantRef, email: String, password: String) throws -> UserRef? {
        // E-mails are compared after Unicode lowercasing in Swift: SQLite's NOCASE folds ASCII only.
        let wanted = email.lowercased()
        return try database.read { connection in
            let rows = try connection.query(
                "SELECT id, email, password_salt, password_hash, is_admin FROM users WHERE tenant_id = ?",
                [.integer(tenant.id)])
            guard let row = rows.first(where: { $0.text(1).lowercased() == wanted }),
                case .blob(let salt) = row[2], case .blob(let hash) = row[3],
                PasswordDigest(salt: salt, hash: hash).matches(password)
            else {
                return nil
            }
            return UserRef(tenant: tenant, id: row.int(0), email: row.text(1), isAdmin: row.bool(4))
        }
    }

    /// Issues a token `<id>|<40 letters and digits>` for `user`; only the secret's SHA-256 is stored.
    public func issueToken(for user: UserRef, lifetimeSeconds: Int?, now: Date = Date()) throws -> String {
        let secret = Credentials.randomSecret()
        let id = try database.write { connection in
            let row = try connection.queryOne(
                "UPDATE tenants SET next_token_id = next_token_id + 1 WHERE id = ? RETURNING next_token_id - 1",
                [.integer(user.tenant.id)])
            let id = row?.int64(0) ?? 1
            let created = now.timeIntervalSince1970
            try connection.run(
                "INSERT INTO tokens (tenant_id, id, user_id, secret_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    .integer(user.tenant.id), .integer(id), .integer(Int64(user.id)),
                    .blob(SHA256.digest(Array(secret.utf8))), .real(created),
                    lifetimeSeconds.map { .real(created + Double($0)) } ?? .null,
                ])
            return id
        }
        return "\(id)|\(secret)"
    }

    /// The user a bearer token belongs to in `tenant`, or nil when it is malformed, unknown, revoked,
    /// expired, or issued by another tenant.
    public func authenticate(token: String, in tenant: TenantRef, now: Date = Date()) throws -> UserRef? {
        guard let bar = token.firstIndex(of: "|"), let id = Int64(token[..<bar]), id > 0 else { return nil }
        let secret = Array(token[token.index(after: bar)...].utf8)
        guard !secret.isEmpty else { return nil }
        return try database.read { connection in
            guard
                let row = try connection.queryOne(
                    """
                    SELECT t.secret_hash, t.expires_at, t.revoked, u.id, u.email, u.is_admin
                    FROM tokens t JOIN users u ON u.tenant_id = t.tenant_id AND u.id = t.user_id
                    WHERE t.tenant_id = ? AND t.id = ?
                    """, [.integer(tenant.id), .integer(id)])
            else { return nil }
            // Constant-time comparison of the hashes, so response timing says nothing about the secret.
            guard case .blob(let stored) = row[0], SHA256.constantTimeEquals(SHA256.digest(secret), stored) else {
                return nil
            }
            if row.bool(2) { return nil }
            if case .real(let expiry) = row[1], expiry <= now.timeIntervalSince1970 { return nil }
            return UserRef(tenant: tenant, id: row.int(3), email: row.text(4), isAdmin: row.bool(5))
        }
    }
}
