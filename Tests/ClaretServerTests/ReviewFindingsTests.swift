import ClaretModel
import ExactJSON
import Testing

@Suite("Inputs that once cost too much or revealed too much")
struct ReviewFindingsTests {
    @Test("over 1000 records only the limit is reported, however wrong the records are")
    func overLimitReportsOnlyTheLimit() throws {
        let mock = try TestMock.loggedIn()
        let records = Array(repeating: JSONValue.object(JSONObject()), count: 4000)
        let reply = mock.post("/demo/api/v1/inventory/import/process", json: Fixture.importBody(records))
        #expect(reply.status == 422)
        #expect(
            reply.json == [
                "message": "The payload field must not have more than 1000 items.",
                "errors": ["payload": ["The payload field must not have more than 1000 items."]],
            ])
    }

    @Test("a filter list over its limit is refused without checking each name")
    func filterListLimit() throws {
        let mock = try TestMock.loggedIn()
        let names = Array(repeating: JSONValue.number(JSONNumber(1)), count: 10_001)
        let reply = mock.batchDelete(["items": .array(names)])
        #expect(reply.status == 422)
        #expect(reply.validationErrors == ["items": ["The items field must not have more than 10000 items."]])
    }

    @Test("creating a tenant over HTTP never reads a file of the server")
    func tenantCreationReadsNoFiles() throws {
        let mock = try TestMock()
        let reply = mock.send(
            "POST", "/__harness/tenants", headers: [("Content-Type", "application/json")],
            body: Array(#"{"name": "evil", "inventory_csv": "/etc/hostname"}"#.utf8))
        #expect(reply.status == 422)
        #expect(
            reply.message
                == "The tenant was refused: tenant.inventory_csv: file paths are not accepted here; send 'locations' and 'inventory' inline"
        )
        #expect(mock.send("GET", "/__harness/tenants/evil/inventory").status == 404)
    }

    @Test("the journal shows neither the password sent nor the token issued")
    func journalRedactsTokens() throws {
        let mock = try TestMock()
        let token = try mock.login()
        let journal = mock.send("GET", "/__harness/journal").text
        #expect(!journal.contains(token))
        #expect(!journal.contains(DemoUser.adminPassword))
        #expect(journal.contains(#"{\"token\":\"[redacted]\"}"#))
    }
}
