import ClaretModel
import ClaretServer
import ExactJSON
import Testing

@Suite("Contract 8: methods, unknown paths and HEAD")
struct RoutingTests {
    @Test("a wrong method on a known path is 405 with Allow and a JSON message")
    func methodNotAllowed() throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.get("/demo/api/v1/tokens/create")
        #expect(reply.status == 405)
        #expect(reply.header("Allow") == "POST")
        #expect(reply.header("Content-Type") == "application/json")
        #expect(
            reply.json
                == [
                    "message":
                        "The GET method is not supported for route demo/api/v1/tokens/create. Supported methods: POST."
                ])
    }

    @Test("a POST to a GET route is 405 with Allow: GET, HEAD")
    func postToGetRoute() throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.post("/demo/api/v1/imports/status/1", json: [:])
        #expect(reply.status == 405)
        #expect(reply.header("Allow") == "GET, HEAD")
        #expect(
            reply.json
                == [
                    "message":
                        "The POST method is not supported for route demo/api/v1/imports/status/1. Supported methods: GET, HEAD."
                ])
    }

    @Test(
        "other wrong methods on import and batch delete are 405 with Allow: POST",
        arguments: ["GET", "PUT", "DELETE", "PATCH"])
    func wrongMethods(method: String) throws {
        let mock = try TestMock.loggedIn()
        for path in ["/demo/api/v1/inventory/import/process", "/demo/api/v1/inventory/batch-delete"] {
            let reply = mock.send(method, path, headers: mock.apiHeaders)
            #expect(reply.status == 405, "\(method) \(path)")
            #expect(reply.header("Allow") == "POST", "\(method) \(path)")
            #expect(reply.message?.hasPrefix("The \(method) method is not supported") == true)
        }
    }

    @Test(
        "an unknown path under /api/v1 is 404 JSON",
        arguments: ["/demo/api/v1/inventory", "/demo/api/v1/nope", "/demo/api/v1/imports/status"])
    func unknownPath(path: String) throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.get(path)
        #expect(reply.status == 404)
        #expect(reply.header("Content-Type") == "application/json")
        #expect(reply.json == ["message": .string("The route \(path.dropFirst()) could not be found.")])
    }

    @Test("an unknown path under /api/v1 of an unknown tenant is still 404 JSON")
    func unknownPathUnknownTenant() throws {
        let mock = try TestMock()
        let reply = mock.get("/nowhere/api/v1/nope")
        #expect(reply.status == 404)
        #expect(reply.message != nil)
    }

    @Test("HEAD on a GET route is answered like GET (the HTTP layer drops the body)")
    func headOnGetRoute() throws {
        let mock = try TestMock.loggedIn()
        _ = mock.importRecords([Fixture.record()])
        let head = mock.send("HEAD", "/demo/api/v1/imports/status/1", headers: mock.apiHeaders)
        #expect(head.status == 200)
        #expect(head.header("Content-Type") == "application/json")
        #expect(mock.send("HEAD", "/__harness/health").status == 200)
    }

    @Test("a trailing slash is tolerated, as Laravel does")
    func trailingSlash() throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.post("/demo/api/v1/inventory/batch-delete/", json: ["items": ["NOPE"]])
        #expect(reply.status == 200)
    }

    @Test("the login page the redirect points to is served as HTML")
    func loginPage() throws {
        let mock = try TestMock()
        let reply = mock.send("GET", "/demo/login")
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(reply.text.contains("<form"))
    }
}
