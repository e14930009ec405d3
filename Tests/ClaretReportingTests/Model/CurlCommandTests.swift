import ExactJSON
import Testing

@testable import ClaretReporting

@Suite("Curl commands reproduce a recorded request, secrets as shell variables")
struct CurlCommandTests {
    static let json = RecordedHeader(name: "Content-Type", value: "application/json")
    static let bearer = RecordedHeader(name: "Authorization", value: "Bearer {{token}}")

    @Test("a JSON POST with a token uses $TOKEN in double quotes and single-quotes the compact body")
    func jsonPostWithToken() {
        let command = CurlCommand.make(
            method: "POST", url: "https://plan.claret.app/demo/api/v1/inventory/import/process",
            headers: [RecordedHeader(name: "Accept", value: "application/json"), Self.bearer, Self.json],
            body: .json(["source": "api", "payload": [["item_name": "124", "quantity": 12.5]]]))
        #expect(
            command == """
                curl -i -X POST https://plan.claret.app/demo/api/v1/inventory/import/process \\
                  -H 'Accept: application/json' \\
                  -H "Authorization: Bearer $TOKEN" \\
                  -H 'Content-Type: application/json' \\
                  --data-raw '{"source":"api","payload":[{"item_name":"124","quantity":12.5}]}'
                """)
        #expect(!command.contains("-L"))
    }

    @Test("a secret inside a JSON body is spliced in as a variable between single-quoted pieces")
    func secretInABody() {
        let command = CurlCommand.make(
            method: "POST", url: "http://h/t/api/v1/tokens/create", headers: [Self.json],
            body: .json(["email": "a@b.test", "password": "{{password}}"]))
        #expect(command.hasSuffix(#"--data-raw '{"email":"a@b.test","password":"'"$PASSWORD"'"}'"#))
    }

    @Test("a query string with a secret is double-quoted, with the variable braced before a letter")
    func secretInAURL() {
        let command = CurlCommand.make(
            method: "POST", url: "http://h/t/login?password={{password}}&x={{other_password}}abc", headers: [],
            body: nil)
        #expect(command == #"curl -i -X POST "http://h/t/login?password=$PASSWORD&x=${OTHER_PASSWORD}abc""#)
    }

    @Test("a raw Sanctum token that was not replaced is never printed")
    func rawTokenBecomesAVariable() {
        let command = CurlCommand.make(
            method: "GET", url: "http://h/t/api/v1/imports/status/1",
            headers: [
                RecordedHeader(name: "Authorization", value: "Bearer 12|bfDoNPffjU6k541RYSLB68oEfHySweWJ2HSx34sZ")
            ],
            body: nil)
        #expect(!command.contains("bfDo"))
        #expect(command.contains(#"-H "Authorization: Bearer $TOKEN""#))
    }

    @Test("single quotes in a literal body are escaped the POSIX way")
    func singleQuotes() {
        let command = CurlCommand.make(
            method: "POST", url: "http://h/x", headers: [], body: .json(["name": "O'Brien"]))
        #expect(command.hasSuffix(#"--data-raw '{"name":"O'\''Brien"}'"#))
    }

    @Test("Content-Length and Host are left to curl")
    func computedHeadersAreDropped() {
        let command = CurlCommand.make(
            method: "GET", url: "http://h/x",
            headers: [RecordedHeader(name: "Content-Length", value: "3"), RecordedHeader(name: "Host", value: "h")],
            body: nil)
        #expect(command == "curl -i http://h/x")
    }

    @Test("a simple multipart upload becomes form fields and its file fed through printf, CR and BOM escaped")
    func multipartUpload() {
        let boundary = "b0undary"
        let body =
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\napi\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"inventory.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n\u{FEFF}item_name,quantity\r\n124,100%\r\n\r\n--\(boundary)--\r\n"
        let command = CurlCommand.make(
            method: "POST", url: "http://h/t/api/v1/inventory/import/process",
            headers: [
                Self.bearer, RecordedHeader(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)"),
            ],
            body: .text(body))
        #expect(
            command == """
                printf '\\357\\273\\277item_name,quantity\\r
                124,100%%\\r
                ' | curl -i -X POST http://h/t/api/v1/inventory/import/process \\
                  -H "Authorization: Bearer $TOKEN" \\
                  --form-string source=api \\
                  -F 'file=@-;filename=inventory.csv;type=text/csv'
                """)
    }

    @Test("a multipart body too odd to rebuild is fed verbatim, keeping its Content-Type")
    func oddMultipart() {
        let body = "--b\r\nContent-Disposition: form-data; name=\"a;b\"\r\n\r\nx\r\n--b--\r\n"
        let command = CurlCommand.make(
            method: "POST", url: "http://h/x",
            headers: [RecordedHeader(name: "Content-Type", value: "multipart/form-data; boundary=b")], body: .text(body)
        )
        #expect(command.hasPrefix("printf '--b\\r\n"))
        #expect(command.contains("-H 'Content-Type: multipart/form-data; boundary=b'"))
        #expect(command.hasSuffix("--data-binary @-"))
    }

    @Test("a binary body is decoded from base64 into curl's standard input")
    func binaryBody() {
        let command = CurlCommand.make(method: "PUT", url: "http://h/x", headers: [], body: .base64("iVBORw0KGgo="))
        #expect(command == "printf '%s' iVBORw0KGgo= | base64 -d | curl -i -X PUT http://h/x \\\n  --data-binary @-")
    }

    @Test("placeholder names become upper-case shell variables")
    func variableNames() {
        #expect(CurlCommand.variableName("token") == "TOKEN")
        #expect(CurlCommand.variableName("viewer.password") == "VIEWER_PASSWORD")
        #expect(CurlCommand.variableName("2fa") == "_2FA")
    }
}
