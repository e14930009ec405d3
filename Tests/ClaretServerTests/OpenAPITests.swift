import ExactJSON
import Testing

@testable import ClaretServer

@Suite("GET /__harness/openapi.json describes the emulated Claret endpoints")
struct OpenAPITests {
    @Test("the document is OpenAPI 3.1 JSON and names every Claret route the mock serves, with its method")
    func coversEveryClaretRoute() throws {
        let mock = try TestMock()
        let reply = mock.send("GET", "/__harness/openapi.json")
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == "application/json")
        let document = reply.json
        #expect(document["openapi"] == "3.1.0")
        let paths = try #require(document["paths"]?.object)
        let claretRoutes = MockServer.routes.filter { $0.pattern.description.contains("/api/v1/") }
        #expect(claretRoutes.count == 4)
        for route in claretRoutes {
            let template = route.pattern.description.replacingOccurrences(of: "{job}", with: "{job_log_id}")
            #expect(paths[template]?[route.method.lowercased()] != nil, "\(route.method) \(template) is not described")
        }
    }

    @Test("every $ref in the document points at a component that exists")
    func referencesResolve() throws {
        let document = try TestMock().send("GET", "/__harness/openapi.json").json
        var references: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let object):
                for (key, child) in object {
                    if key == "$ref", let target = child.string { references.append(target) } else { collect(child) }
                }
            case .array(let elements): elements.forEach(collect)
            default: break
            }
        }
        collect(document)
        #expect(references.count > 10)
        for reference in references {
            let parts = reference.dropFirst(2).split(separator: "/").map(String.init)
            var node: JSONValue? = document
            for part in parts { node = node?[part] }
            #expect(node != nil, "\(reference) does not resolve")
        }
    }
}
