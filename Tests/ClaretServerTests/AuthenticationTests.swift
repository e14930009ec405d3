import ClaretModel
import ClaretServer
import ExactJSON
import Foundation
import Testing

@Suite("Contract 2: authentication")
struct AuthenticationTests {
    static let tokensPath = "/demo/api/v1/tokens/create"
    static let importPath = "/demo/api/v1/inventory/import/process"

    /// Whether `token` is `<id>|<40 letters and digits>`.
    static func isSanctumToken(_ token: String) -> Bool {
        let parts = token.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2, Int(parts[0]) != nil else { return false }
        return parts[1].count == 40 && parts[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    @Test("credentials in the query give 200 and a token <id>|<40 letters and digits>")
    func credentialsInQuery() throws {
        let mock = try TestMock()
        let reply = mock.send(
            "POST", Self.tokensPath, query: [("email", DemoUser.adminEmail), ("password", DemoUser.adminPassword)])
        #expect(reply.status == 200)
        #expect(reply.json.object?.keys == ["token"])
        let token = try #require(reply.json["token"]?.string)
        #expect(Self.isSanctumToken(token))
    }

    @Test("credentials in a JSON body are accepted")
    func credentialsInJSONBody() throws {
        let mock = try TestMock()
        let reply = mock.post(
            Self.tokensPath,
            json: ["email": .string(DemoUser.adminEmail), "password": .string(DemoUser.adminPassword)],
            headers: [])
        #expect(reply.status == 200)
        #expect(Self.isSanctumToken(reply.json["token"]?.string ?? ""))
    }

    @Test("credentials in a form body are accepted")
    func credentialsInFormBody() throws {
        let mock = try TestMock()
        let reply = mock.send(
            "POST", Self.tokensPath, headers: [("Content-Type", "application/x-www-form-urlencoded")],
            form: FormData(fields: ["email": DemoUser.viewerEmail, "password": DemoUser.viewerPassword]))
        #expect(reply.status == 200)
        #expect(Self.isSanctumToken(reply.json["token"]?.string ?? ""))
    }

    @Test("token ids increase per tenant: 1, 2, 3")
    func tokenIDsIncrease() throws {
        let mock = try TestMock()
        let ids = try (0..<3).map { _ in try mock.login().split(separator: "|").first.map(String.init) }
        #expect(ids == ["1", "2", "3"])
    }

    @Test("e-mail addresses match case-insensitively")
    func emailCaseInsensitive() throws {
        let mock = try TestMock()
        let token = try mock.login(email: "Integrator@DEMO.test")
        mock.token = token
        #expect(mock.importRecords([Fixture.record()]).status == 200)
    }

    @Test("a missing e-mail is a 422 Laravel validation body naming email")
    func missingEmail() throws {
        let mock = try TestMock()
        let reply = mock.send("POST", Self.tokensPath, query: [("password", DemoUser.adminPassword)])
        #expect(reply.status == 422)
        #expect(
            reply.json
                == [
                    "message": "The email field is required.",
                    "errors": ["email": ["The email field is required."]],
                ])
    }

    @Test("missing e-mail and password: the first message plus (and 1 more error), one entry per field")
    func missingBoth() throws {
        let mock = try TestMock()
        let reply = mock.send("POST", Self.tokensPath)
        #expect(reply.status == 422)
        #expect(
            reply.json
                == [
                    "message": "The email field is required. (and 1 more error)",
                    "errors": [
                        "email": ["The email field is required."],
                        "password": ["The password field is required."],
                    ],
                ])
        #expect(reply.json["errors"]?.object?.keys == ["email", "password"])
    }

    @Test("a wrong password and an unknown e-mail get the same 422 credentials message")
    func wrongCredentials() throws {
        let mock = try TestMock()
        let expected: JSONValue = [
            "message": "The provided credentials are incorrect.",
            "errors": ["email": ["The provided credentials are incorrect."]],
        ]
        let wrongPassword = mock.send(
            "POST", Self.tokensPath, query: [("email", DemoUser.adminEmail), ("password", "demo-passwordx")])
        #expect(wrongPassword.status == 422)
        #expect(wrongPassword.json == expected)

        let unknownUser = mock.send(
            "POST", Self.tokensPath, query: [("email", "nobody@demo.test"), ("password", DemoUser.adminPassword)])
        #expect(unknownUser.status == 422)
        #expect(unknownUser.json == expected)

        let otherUsersPassword = mock.send(
            "POST", Self.tokensPath, query: [("email", DemoUser.adminEmail), ("password", DemoUser.viewerPassword)])
        #expect(otherUsersPassword.json == expected)
    }

    @Test("no token with X-Requested-With: 401 Unauthenticated")
    func missingTokenAjax() throws {
        let mock = try TestMock()
        let reply = mock.post(
            Self.importPath, json: Fixture.importBody([Fixture.record()]),
            headers: [("X-Requested-With", "XMLHttpRequest")])
        #expect(reply.status == 401)
        #expect(reply.json == ["message": "Unauthenticated."])
    }

    @Test("an Accept header naming JSON earns the 401 like X-Requested-With does")
    func acceptJSON() throws {
        let mock = try TestMock()
        let reply = mock.get("/demo/api/v1/imports/status/1", headers: [("Accept", "application/json")])
        #expect(reply.status == 401)
        #expect(reply.json == ["message": "Unauthenticated."])
    }

    @Test("no token without X-Requested-With: 302 to http://HOST/demo/login with a small HTML body")
    func missingTokenRedirect() throws {
        let mock = try TestMock()
        let reply = mock.post(Self.importPath, json: Fixture.importBody([Fixture.record()]), headers: [])
        #expect(reply.status == 302)
        #expect(reply.header("Location") == "http://claret.test:8080/demo/login")
        #expect(reply.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(reply.text.contains("<title>Redirecting to http://claret.test:8080/demo/login</title>"))
        #expect(mock.inventory().count == 1)
    }

    @Test(
        "malformed and forged tokens are refused 401",
        arguments: [
            "garbage", "1|", "|abcdefghijklmnopqrstuvwxyz0123456789ABCD",
            "abc|abcdefghijklmnopqrstuvwxyz0123456789ABCD",
            "1|abcdefghijklmnopqrstuvwxyz0123456789ABCD", "0|abcdefghijklmnopqrstuvwxyz0123456789ABCD",
            "-1|abcdefghijklmnopqrstuvwxyz0123456789ABCD", "99|abcdefghijklmnopqrstuvwxyz0123456789ABCD",
        ])
    func forgedToken(token: String) throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.get(
            "/demo/api/v1/imports/status/1",
            headers: [("X-Requested-With", "XMLHttpRequest"), ("Authorization", "Bearer \(token)")])
        #expect(reply.status == 401)
        #expect(reply.json == ["message": "Unauthenticated."])
    }

    @Test("a real token id with its secret altered by one character is refused")
    func alteredSecret() throws {
        let mock = try TestMock.loggedIn()
        let token = try #require(mock.token)
        let last = token.last == "A" ? "B" : "A"
        mock.token = String(token.dropLast()) + last
        let reply = mock.importRecords([Fixture.record()])
        #expect(reply.status == 401)
        #expect(reply.json == ["message": "Unauthenticated."])
    }

    @Test("a token sent without the Bearer scheme is refused")
    func wrongScheme() throws {
        let mock = try TestMock.loggedIn()
        let token = try #require(mock.token)
        for header in ["Basic \(token)", token, "Token \(token)"] {
            let reply = mock.get(
                "/demo/api/v1/imports/status/1",
                headers: [("X-Requested-With", "XMLHttpRequest"), ("Authorization", header)])
            #expect(reply.status == 401, "Authorization: \(header)")
        }
    }

    @Test("a token is stored only as the SHA-256 of the part after '|', never in clear text")
    func tokenNotStoredInClear() throws {
        let mock = try TestMock.loggedIn()
        let token = try #require(mock.token)
        let secret = Array(try #require(token.split(separator: "|").last).utf8)
        var stored: [UInt8] = []
        for suffix in ["", "-wal", "-journal"] {
            if let data = FileManager.default.contents(atPath: mock.mock.store.path + suffix) { stored += data }
        }
        #expect(!stored.isEmpty)
        #expect(stored.firstRange(of: secret) == nil)
        #expect(stored.firstRange(of: SHA256.digest(secret)) != nil)
    }

    @Test("tokens do not expire by default")
    func noExpiry() throws {
        let mock = try TestMock.loggedIn()
        #expect(mock.profile.settings.tokenLifetimeSeconds == nil)
        #expect(mock.importRecords([Fixture.record()]).status == 200)
    }

    @Test("with a configured lifetime, a token works within it")
    func withinLifetime() throws {
        let profile = try BehaviourProfile(overrides: ["settings": ["token_lifetime_seconds": 3600]])
        let mock = try TestMock.loggedIn(profile: profile)
        #expect(mock.get("/demo/api/v1/imports/status/1").status == 404)
        #expect(mock.importRecords([Fixture.record()]).status == 200)
    }

    @Test("with a configured lifetime, a token is refused once it has expired")
    func expiry() async throws {
        let profile = try BehaviourProfile(overrides: ["settings": ["token_lifetime_seconds": 1]])
        let mock = try TestMock.loggedIn(profile: profile)
        // Whether the token still works within its one second would depend on how fast this machine is: the
        // test above checks a token inside a long lifetime, and AuthStoreTests both sides of the boundary on
        // a fixed clock.
        try await Task.sleep(for: .milliseconds(1500))
        let reply = mock.get("/demo/api/v1/imports/status/1")
        #expect(reply.status == 401)
        #expect(reply.json == ["message": "Unauthenticated."])
    }

    @Test("a token stops working once its tenant is reset (tokens cleared)")
    func resetRevokesTokens() throws {
        let mock = try TestMock.loggedIn()
        #expect(mock.send("POST", "/__harness/tenants/demo/reset").status == 200)
        let reply = mock.importRecords([Fixture.record()])
        #expect(reply.status == 401)
        #expect(reply.json == ["message": "Unauthenticated."])
    }
}

extension TestMock {
    /// The profile in force.
    var profile: BehaviourProfile { mock.profile }
}
