import ClaretModel
import ClaretServer
import ExactJSON
import Testing

@Suite("Assumed responses come from the behaviour profile, overridable without recompiling")
struct ProfileOverrideTests {
    /// A profile as a `--profile` file would give it: JSON text parsed at run time.
    static func profile(_ json: String) throws -> BehaviourProfile {
        try BehaviourProfile(overrides: JSONParser.parse(json))
    }

    @Test("an override changes the unknown-tenant status and message")
    func tenantNotFound() throws {
        let profile = try Self.profile(
            #"{"responses": {"tenant_not_found": {"status": 403, "body": {"message": "This tenant does not exist."}}}}"#
        )
        let mock = try TestMock(profile: profile)
        let reply = mock.send("POST", "/nowhere/api/v1/tokens/create")
        #expect(reply.status == 403)
        #expect(reply.json == ["message": "This tenant does not exist."])
    }

    @Test("an override changes the 401 body and the redirect target template")
    func unauthenticated() throws {
        let profile = try Self.profile(
            #"""
            {"responses": {
              "unauthenticated": {"body": {"message": "Token required.", "code": 401}},
              "unauthenticated_redirect": {"status": 301, "headers": {"Location": "{login_url}?from=api"}}
            }}
            """#)
        let mock = try TestMock(profile: profile)
        let ajax = mock.get("/demo/api/v1/imports/status/1", headers: [("X-Requested-With", "XMLHttpRequest")])
        #expect(ajax.status == 401)
        #expect(ajax.json == ["message": "Token required.", "code": 401])

        let plain = mock.get("/demo/api/v1/imports/status/1", headers: [])
        #expect(plain.status == 301)
        #expect(plain.header("Location") == "http://claret.test:8080/demo/login?from=api")
    }

    @Test("the record limit and its message are profile settings")
    func recordLimit() throws {
        let profile = try Self.profile(
            #"{"settings": {"max_records_per_request": 2}, "messages": {"max_items": "Too many: at most {max}."}}"#)
        let mock = try TestMock.loggedIn(profile: profile)
        let reply = mock.importRecords(Fixture.dates(3).map { Fixture.record(date: $0) })
        #expect(reply.status == 422)
        #expect(reply.json == ["message": "Too many: at most 2.", "errors": ["payload": ["Too many: at most 2."]]])
        #expect(mock.importRecords(Fixture.dates(2).map { Fixture.record(date: $0) }).status == 200)
    }

    @Test("record error sentences are profile messages")
    func recordErrorMessage() throws {
        let profile = try Self.profile(#"{"messages": {"item_not_found": "Unknown item: {name}"}}"#)
        let mock = try TestMock.loggedIn(profile: profile)
        let reply = mock.importRecords([Fixture.record(item: "X-1")])
        #expect(
            reply.json["content"]?["errors"] == [["index": 0, "field": "item_name", "message": "Unknown item: X-1"]])
    }

    @Test("credentials in a body can be switched off, leaving only the documented query parameters")
    func credentialsInBodyOff() throws {
        let profile = try Self.profile(#"{"settings": {"credentials_in_body": false}}"#)
        let mock = try TestMock(profile: profile)
        let reply = mock.post(
            "/demo/api/v1/tokens/create",
            json: ["email": .string(DemoUser.adminEmail), "password": .string(DemoUser.adminPassword)], headers: [])
        #expect(reply.status == 422)
        #expect(reply.message == "The email field is required. (and 1 more error)")
        #expect(try mock.login().hasPrefix("1|"))
    }

    @Test("Accept: application/json can be made not to count as AJAX, giving the redirect")
    func acceptJSONOff() throws {
        let profile = try Self.profile(#"{"settings": {"accept_json_counts_as_ajax": false}}"#)
        let mock = try TestMock(profile: profile)
        let reply = mock.get("/demo/api/v1/imports/status/1", headers: [("Accept", "application/json")])
        #expect(reply.status == 302)
    }

    @Test("the delete and import success bodies are profile templates")
    func successBodies() throws {
        let profile = try Self.profile(
            #"""
            {"responses": {
              "batch_deleted": {"body": {"deleted": "{deleted_count}", "how": "{mode}"}},
              "import_processed": {"status": 201}
            }}
            """#)
        let mock = try TestMock.loggedIn(profile: profile)
        #expect(mock.importRecords([Fixture.record()]).status == 201)
        let reply = mock.batchDelete(["items": ["124"]])
        #expect(reply.json == ["deleted": 1, "how": "filters"])
    }

    @Test("a profile with an unknown name is refused with its path")
    func unknownName() {
        #expect(throws: ProfileError.self) {
            try Self.profile(#"{"responses": {"tenant_missing": {"status": 404}}}"#)
        }
        #expect(throws: ProfileError.self) {
            try Self.profile(#"{"settings": {"max_body_bytes": 10}}"#)
        }
    }
}
