import ExactJSON
import Foundation
import Testing

@testable import ClaretScenarios

@Suite("RequestBuilder renders a step's request into the bytes the runner sends")
struct RequestBuilderTests {
    static let variables: Variables = [
        "base_url": "http://127.0.0.1:9999", "tenant": "demo", "email": "a+b@demo.test", "password": "p w&d",
        "token": "1|abc", "count": 3, "day": "2024-05-01",
    ]

    /// The request of the first step of `text` (a scenario file), built with ``variables``.
    static func build(_ text: String, variables: Variables = variables) throws -> OutgoingRequest {
        let scenario = try ScenarioParser.parse(Array(text.utf8), file: "/scenarios/builder.yaml")
        return try RequestBuilder.build(scenario.steps[0].request, scenario: scenario, variables: variables)
    }

    static func header(_ name: String, of request: OutgoingRequest) -> [String] {
        request.headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    @Test("the URL is the base URL, the rendered path and the rendered query, with '+' and spaces encoded")
    func url() throws {
        let request = try Self.build(
            """
            name: b
            steps:
              - request:
                  method: POST
                  path: /{{tenant}}/api/v1/tokens/create
                  query: {email: "{{email}}", password: "{{password}}"}
            """)
        #expect(request.method == "POST")
        #expect(
            request.url == "http://127.0.0.1:9999/demo/api/v1/tokens/create?email=a%2Bb@demo.test&password=p%20w%26d")
        #expect(request.body.isEmpty)
    }

    @Test("step headers go on top of the defaults; an empty value removes a default, whatever its case")
    func headers() throws {
        let request = try Self.build(
            """
            name: b
            defaults:
              headers: {X-Requested-With: XMLHttpRequest, Accept: application/json}
            steps:
              - request:
                  path: /x
                  headers: {accept: text/html, x-requested-with: "", Authorization: "Bearer {{token}}"}
            """)
        #expect(request.headers.map(\.name) == ["accept", "Authorization"])
        #expect(request.headers.map(\.value) == ["text/html", "Bearer 1|abc"])
    }

    @Test("a JSON body is rendered with typed values and sent as application/json")
    func jsonBody() throws {
        let request = try Self.build(
            """
            name: b
            steps:
              - request:
                  method: POST
                  path: /x
                  json: {quantity: "{{count}}", date_filled: "{{day}}", note: "n={{count}}"}
            """)
        #expect(Self.header("Content-Type", of: request) == ["application/json"])
        #expect(try JSONParser.parse(request.body) == ["quantity": 3, "date_filled": "2024-05-01", "note": "n=3"])
    }

    @Test("a JSON body keeps a Content-Type the step gives")
    func jsonBodyWithOwnContentType() throws {
        let request = try Self.build(
            """
            name: b
            steps:
              - request:
                  method: POST
                  path: /x
                  headers: {Content-Type: text/plain}
                  json: {a: 1}
            """)
        #expect(Self.header("Content-Type", of: request) == ["text/plain"])
    }

    @Test("a raw body is sent as written, with its content type")
    func rawBody() throws {
        let request = try Self.build(
            """
            name: b
            steps:
              - request:
                  method: POST
                  path: /x
                  body: '{"source": "{{tenant}}"'
                  content_type: application/json
            """)
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"source": "demo""#)
        #expect(Self.header("Content-Type", of: request) == ["application/json"])
    }

    @Test("a multipart body holds the fields, then each file, between boundaries named in Content-Type")
    func multipart() throws {
        let folder = try TemporaryFolder()
        try Data("item_name,quantity\n124,7\n".utf8).write(to: URL(fileURLWithPath: "\(folder.path)/day.csv"))
        let scenario = try ScenarioParser.parse(
            Array(
                """
                name: b
                steps:
                  - request:
                      method: POST
                      path: /x
                      headers: {Content-Type: application/json}
                      multipart:
                        fields: {source: api, tenant: "{{tenant}}"}
                        files:
                          file: {fixture: day.csv}
                          extra: {content: "count={{count}}", filename: extra.csv}
                """.utf8), file: "\(folder.path)/b.yaml")
        let request = try RequestBuilder.build(
            scenario.steps[0].request, scenario: scenario, variables: Self.variables)
        let contentType = try #require(Self.header("Content-Type", of: request).first)
        #expect(Self.header("Content-Type", of: request).count == 1, "the multipart type replaces the step's")
        #expect(contentType.hasPrefix("multipart/form-data; boundary="))
        let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
        let expected =
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\napi\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"tenant\"\r\n\r\ndemo\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"day.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\nitem_name,quantity\n124,7\n\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"extra\"; filename=\"extra.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\ncount=3\r\n"
            + "--\(boundary)--\r\n"
        #expect(String(decoding: request.body, as: UTF8.self) == expected)
    }

    @Test("an unknown variable stops the build and names the variable")
    func unknownVariable() throws {
        #expect {
            _ = try Self.build("name: b\nsteps:\n  - request: {path: \"/{{tenant}}/jobs/{{job}}\"}\n")
        } throws: { error in
            (error as? TemplateError)?.name == "job" && (error as? TemplateError)?.kind == .unknownVariable
        }
    }

    @Test("a fixture removed after parsing is reported when the request is built")
    func vanishedFixture() throws {
        let folder = try TemporaryFolder()
        let path = "\(folder.path)/gone.csv"
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: path))
        let scenario = try ScenarioParser.parse(
            Array(
                "name: b\nsteps:\n  - request: {method: POST, path: /x, multipart: {files: {file: {fixture: gone.csv}}}}\n"
                    .utf8), file: "\(folder.path)/b.yaml")
        try FileManager.default.removeItem(atPath: path)
        #expect {
            _ = try RequestBuilder.build(scenario.steps[0].request, scenario: scenario, variables: Self.variables)
        } throws: { error in
            "\(error)" == "the fixture '\(path)' cannot be read"
        }
    }
}
