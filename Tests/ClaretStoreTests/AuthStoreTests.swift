import ClaretModel
import ClaretStore
import Foundation
import Testing

@Suite("Authentication: users, tokens, and secrets at rest")
struct AuthStoreTests {
    @Test("a user is found by e-mail, case-insensitively, with the right password only")
    func userLookup() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let store = fixture.store
        let shouted = try store.user(in: fixture.demo, email: "INTEGRATOR@Demo.Test", password: DemoSeed.adminPassword)
        #expect(shouted == fixture.admin)
        #expect(fixture.admin.email == DemoSeed.adminEmail)
        #expect(fixture.admin.tenant == fixture.demo)
        #expect(try store.user(in: fixture.demo, email: DemoSeed.adminEmail, password: "DEMO-PASSWORD") == nil)
        #expect(try store.user(in: fixture.demo, email: DemoSeed.adminEmail, password: "") == nil)
        #expect(try store.user(in: fixture.demo, email: DemoSeed.viewerEmail, password: DemoSeed.adminPassword) == nil)
        #expect(try store.user(in: fixture.demo, email: "nobody@demo.test", password: DemoSeed.adminPassword) == nil)
    }

    @Test("a user of one tenant cannot log in to another")
    func userOfAnotherTenant() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let acme = try fixture.store.createTenant(smallTenant(named: "acme"))
        #expect(
            try fixture.store.user(in: acme, email: DemoSeed.adminEmail, password: DemoSeed.adminPassword) == nil)
        #expect(try fixture.store.user(in: fixture.demo, email: "boss@acme.test", password: "acme-password") == nil)
        #expect(try fixture.boss(of: acme).tenant == acme)
    }

    @Test("tokens look like <id>|<40 letters and digits> with ids increasing per tenant")
    func tokenShape() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let acme = try fixture.store.createTenant(smallTenant(named: "acme"))
        let boss = try fixture.boss(of: acme)
        let tokens = try [
            fixture.store.issueToken(for: fixture.admin, lifetimeSeconds: nil),
            fixture.store.issueToken(for: fixture.viewer, lifetimeSeconds: nil),
            fixture.store.issueToken(for: boss, lifetimeSeconds: nil),
            fixture.store.issueToken(for: fixture.admin, lifetimeSeconds: nil),
        ]
        let parts = tokens.map { $0.split(separator: "|", omittingEmptySubsequences: false) }
        #expect(parts.allSatisfy { $0.count == 2 })
        #expect(parts.map { String($0[0]) } == ["1", "2", "1", "3"])
        for part in parts {
            let secret = part[1]
            #expect(secret.count == 40)
            #expect(
                secret.unicodeScalars.allSatisfy {
                    $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
                })
        }
        #expect(Set(parts.map { $0[1] }).count == 4)
    }

    @Test("a token authenticates its own user in its own tenant")
    func tokenAuthenticates() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let adminToken = try fixture.store.issueToken(for: fixture.admin, lifetimeSeconds: nil)
        let viewerToken = try fixture.store.issueToken(for: fixture.viewer, lifetimeSeconds: nil)
        #expect(try fixture.store.authenticate(token: adminToken, in: fixture.demo) == fixture.admin)
        #expect(try fixture.store.authenticate(token: viewerToken, in: fixture.demo) == fixture.viewer)
        // Authenticating does not use the token up.
        #expect(try fixture.store.authenticate(token: adminToken, in: fixture.demo) == fixture.admin)
    }

    @Test(
        "malformed tokens are refused", arguments: ["", "|", "1", "1|", "|abc", "x|abc", "0|abc", "-1|abc", "1 |abc"])
    func malformedTokens(token: String) throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        _ = try fixture.store.issueToken(for: fixture.admin, lifetimeSeconds: nil)
        #expect(try fixture.store.authenticate(token: token, in: fixture.demo) == nil)
    }

    @Test("an unknown token id and a wrong secret are refused")
    func unknownAndWrongSecret() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let token = try fixture.store.issueToken(for: fixture.admin, lifetimeSeconds: nil)
        let secret = String(token.dropFirst(2))
        #expect(try fixture.store.authenticate(token: "2|\(secret)", in: fixture.demo) == nil)
        #expect(
            try fixture.store.authenticate(token: "1|\(String(repeating: "a", count: 40))", in: fixture.demo) == nil)
        #expect(try fixture.store.authenticate(token: "1|\(secret.dropLast())", in: fixture.demo) == nil)
        #expect(try fixture.store.authenticate(token: "1|\(secret)x", in: fixture.demo) == nil)
        #expect(try fixture.store.authenticate(token: "1|\(secret.uppercased())", in: fixture.demo) == nil)
        #expect(try fixture.store.authenticate(token: token, in: fixture.demo) == fixture.admin)
    }

    @Test("a token of one tenant is refused on another")
    func otherTenantToken() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let acme = try fixture.store.createTenant(demoCopy(named: "acme"))
        let demoToken = try fixture.store.issueToken(for: fixture.admin, lifetimeSeconds: nil)
        // acme has no token 1 yet.
        #expect(try fixture.store.authenticate(token: demoToken, in: acme) == nil)
        // Now it has one with the same id and the same user id: the demo token is still refused.
        let acmeAdmin = try #require(
            try fixture.store.user(in: acme, email: DemoSeed.adminEmail, password: DemoSeed.adminPassword))
        let acmeToken = try fixture.store.issueToken(for: acmeAdmin, lifetimeSeconds: nil)
        #expect(acmeToken.hasPrefix("1|"))
        #expect(try fixture.store.authenticate(token: demoToken, in: acme) == nil)
        #expect(try fixture.store.authenticate(token: acmeToken, in: fixture.demo) == nil)
        #expect(try fixture.store.authenticate(token: acmeToken, in: acme) == acmeAdmin)
    }

    @Test("a token with a lifetime expires once the lifetime has passed")
    func expiry() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let issued = Date(timeIntervalSince1970: 1_700_000_000)
        let token = try fixture.store.issueToken(for: fixture.admin, lifetimeSeconds: 60, now: issued)
        let store = fixture.store
        #expect(try store.authenticate(token: token, in: fixture.demo, now: issued) == fixture.admin)
        #expect(try store.authenticate(token: token, in: fixture.demo, now: issued + 59) == fixture.admin)
        #expect(try store.authenticate(token: token, in: fixture.demo, now: issued + 60) == nil)
        #expect(try store.authenticate(token: token, in: fixture.demo, now: issued + 3600) == nil)
    }

    @Test("a token without a lifetime never expires")
    func noExpiry() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let issued = Date(timeIntervalSince1970: 1_700_000_000)
        let token = try fixture.store.issueToken(for: fixture.viewer, lifetimeSeconds: nil, now: issued)
        let tenYears = issued + 10 * 365 * 24 * 3600
        #expect(try fixture.store.authenticate(token: token, in: fixture.demo, now: tenYears) == fixture.viewer)
    }

    @Test("the users table keeps a salted hash, never the password")
    func passwordsHashed() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let connection = try Connection(path: fixture.store.path, readOnly: true)
        defer { connection.close() }
        let rows = try connection.query("SELECT email, password_salt, password_hash FROM users ORDER BY id")
        #expect(rows.map { $0.text(0) } == [DemoSeed.adminEmail, DemoSeed.viewerEmail])
        for (row, password) in zip(rows, [DemoSeed.adminPassword, DemoSeed.viewerPassword]) {
            let salt = row.blob(1)
            #expect(salt.count == 16)
            #expect(row.blob(2) == SHA256.digest(salt + Array(password.utf8)))
        }
        #expect(rows[0].blob(1) != rows[1].blob(1))
    }

    @Test("no table of the database holds a password in clear")
    func noClearPasswords() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        try fixture.store.createTenant(smallTenant(named: "acme", adminPassword: "acme-Secret-9"))
        let passwords = [DemoSeed.adminPassword, DemoSeed.viewerPassword, "acme-Secret-9", "clerk-password"]
        let leaks = try storedValues(inDatabaseAt: fixture.store.path).flatMap { place, value in
            passwords.filter { bytes(value, contain: Array($0.utf8)) }.map { "\(place) holds '\($0)'" }
        }
        #expect(leaks == [])
    }

    @Test("no table of the database holds a token or its secret in clear; only the secret's SHA-256")
    func noClearTokens() throws {
        let fixture = try SeededStore()
        defer { fixture.close() }
        let tokens = try (0..<3).map { _ in try fixture.store.issueToken(for: fixture.admin, lifetimeSeconds: 600) }
        let secrets = tokens.map { String($0.split(separator: "|")[1]) }
        let leaks = try storedValues(inDatabaseAt: fixture.store.path).flatMap { place, value in
            secrets.filter { bytes(value, contain: Array($0.utf8)) }.map { "\(place) holds the secret \($0)" }
        }
        #expect(leaks == [])
        let connection = try Connection(path: fixture.store.path, readOnly: true)
        defer { connection.close() }
        let stored = try connection.query("SELECT secret_hash FROM tokens ORDER BY id").map { $0.blob(0) }
        #expect(stored == secrets.map { SHA256.digest(Array($0.utf8)) })
    }
}
