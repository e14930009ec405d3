import ClaretModel
import ClaretServer
import ExactJSON
import Testing

@Suite("Contract 1: tenants")
struct TenantTests {
    @Test("an unknown tenant is answered 404 Tenant not found, on open and authenticated routes alike")
    func unknownTenant() throws {
        let mock = try TestMock.loggedIn()

        let login = mock.send(
            "POST", "/nowhere/api/v1/tokens/create",
            query: [("email", DemoUser.adminEmail), ("password", DemoUser.adminPassword)])
        #expect(login.status == 404)
        #expect(login.json == ["message": "Tenant not found."])
        #expect(login.header("Content-Type") == "application/json")

        let imported = mock.importRecords([Fixture.record()], tenant: "nowhere")
        #expect(imported.status == 404)
        #expect(imported.json == ["message": "Tenant not found."])

        let status = mock.get("/nowhere/api/v1/imports/status/1")
        #expect(status.status == 404)
        #expect(status.json == ["message": "Tenant not found."])
    }

    @Test("an import in one tenant is invisible in another, and a delete there leaves it alone")
    func importIsIsolated() throws {
        let mock = try TestMock.loggedIn()
        try mock.createTenant("acme")
        let acme = try mock.login(tenant: "acme")

        mock.token = acme
        let imported = mock.importRecords([Fixture.record(quantity: 42)], tenant: "acme")
        #expect(imported.status == 200)
        #expect(mock.row(item: "124", bin: "SS-02", lot: "FG-GEN-LOT", date: "2024-01-15", of: "acme") != nil)
        #expect(mock.row(item: "124", bin: "SS-02", lot: "FG-GEN-LOT", date: "2024-01-15", of: "demo") == nil)
        #expect(mock.inventory(of: "demo").count == 1)

        let deleted = mock.batchDelete(["items": ["ZAMNVCAS19"]], tenant: "acme")
        #expect(deleted.json["content"]?["deleted_count"] == 1)
        #expect(mock.inventory(of: "demo").count == 1)
        #expect(mock.row(item: "ZAMNVCAS19", bin: "SS-01", lot: "RM19CASRUT.ZAM", date: "2023-08-01") != nil)
    }

    @Test("a job of one tenant is not found through another tenant")
    func jobsAreIsolated() throws {
        let mock = try TestMock.loggedIn()
        try mock.createTenant("acme")
        let demoToken = try #require(mock.token)
        let link = mock.importRecords([Fixture.record()]).json["content"]?["job_status_link"]?.string
        let id = try #require(Fixture.jobID(fromLink: link))

        mock.token = try mock.login(tenant: "acme")
        let status = mock.get("/acme/api/v1/imports/status/\(id)")
        #expect(status.status == 404)
        #expect(status.json == ["message": "Job log not found."])
        #expect(mock.send("GET", "/__harness/tenants/acme/jobs").json == ["data": []])

        mock.token = demoToken
        #expect(mock.get("/demo/api/v1/imports/status/\(id)").status == 200)
    }

    @Test("a token of one tenant is refused on another: 401 with X-Requested-With")
    func foreignTokenWithAjaxHeader() throws {
        let mock = try TestMock.loggedIn()
        try mock.createTenant("acme")
        // acme issues a token with id 1 too, so only the tenant scope tells them apart.
        _ = try mock.login(tenant: "acme")

        let reply = mock.importRecords([Fixture.record()], tenant: "acme")
        #expect(reply.status == 401)
        #expect(reply.json == ["message": "Unauthenticated."])
        #expect(mock.inventory(of: "acme").count == 1)
    }

    @Test("a token of one tenant is refused on another: 302 to that tenant's login page without X-Requested-With")
    func foreignTokenWithoutAjaxHeader() throws {
        let mock = try TestMock.loggedIn()
        try mock.createTenant("acme")
        let token = try #require(mock.token)

        let reply = mock.post(
            "/acme/api/v1/inventory/import/process", json: Fixture.importBody([Fixture.record()]),
            headers: [("Authorization", "Bearer \(token)")])
        #expect(reply.status == 302)
        #expect(reply.header("Location") == "http://claret.test:8080/acme/login")
        #expect(reply.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(reply.text.contains("Redirecting to <a href=\"http://claret.test:8080/acme/login\">"))
    }

    @Test("creating a tenant that exists is refused 409 and leaves the existing one as it was")
    func duplicateTenant() throws {
        let mock = try TestMock.loggedIn()
        _ = mock.importRecords([Fixture.record()])

        let reply = mock.send(
            "POST", "/__harness/tenants", headers: [("Content-Type", "application/json")],
            body: Fixture.tenant("demo").serializedBytes())
        #expect(reply.status == 409)
        #expect(reply.json == ["message": "A tenant named 'demo' exists already."])
        #expect(mock.inventory().count == 2)
    }

    @Test("a new tenant is answered 201 with its name and API base URL, and its users can log in")
    func createTenant() throws {
        let mock = try TestMock()
        let reply = mock.send(
            "POST", "/__harness/tenants", headers: [("Content-Type", "application/json")],
            body: Fixture.tenant("ci-job-7").serializedBytes())
        #expect(reply.status == 201)
        #expect(reply.json == ["name": "ci-job-7", "base_url": "http://claret.test:8080/ci-job-7/api/v1"])

        let token = try mock.login(tenant: "ci-job-7", email: DemoUser.viewerEmail, password: DemoUser.viewerPassword)
        #expect(token.hasPrefix("1|"))
        #expect(mock.inventory(of: "ci-job-7").count == 1)
    }

    @Test("a tenant name outside lowercase letters, digits and '-' is refused")
    func invalidTenantName() throws {
        let mock = try TestMock()
        let reply = mock.send(
            "POST", "/__harness/tenants", headers: [("Content-Type", "application/json")],
            body: Fixture.tenant("Acme_Corp").serializedBytes())
        #expect(reply.status == 422)
        #expect(reply.message?.contains("not a valid tenant name") == true)
        #expect(mock.send("GET", "/__harness/tenants/Acme_Corp/inventory").status == 404)
    }
}
