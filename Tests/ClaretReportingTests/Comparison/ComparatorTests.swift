import ClaretModel
import ExactJSON
import Testing

@testable import ClaretReporting

@Suite("Comparing two runs reports each difference as a finding with a path, a kind and both sides")
struct ComparatorTests {
    typealias F = TranscriptFixtures

    @Test("identical runs compare as passed, with no findings and no curl")
    func identicalRuns() {
        let step = F.step("poll", json: ["content": ["status": "completed"]])
        let result = F.compare(step, step)
        #expect(result.outcome == .passed)
        #expect(result.findings.isEmpty)
        #expect(result.curl == nil)
        #expect(result.exchanges.map(\.side) == ["mock", "tenant"])
    }

    @Test("a different status is status_changed, the left side expected and the right actual")
    func statusChanged() {
        let result = F.compare(F.step("import", status: 200, json: [:]), F.step("import", status: 422, json: [:]))
        #expect(result.outcome == .failed)
        #expect(result.findings.map(F.line) == ["status status_changed 200 422"])
        #expect(result.findings[0].mismatch.message == "status: mock answered 200, tenant answered 422")
    }

    @Test("the Content-Type media type is compared, its parameters are not")
    func contentType() {
        let charset = RecordedHeader(name: "content-type", value: "application/json; charset=UTF-8")
        let html = RecordedHeader(name: "Content-Type", value: "text/html")
        #expect(F.compare(F.step("s", json: [:]), F.step("s", json: [:], headers: [charset])).findings.isEmpty)
        #expect(
            F.compare(F.step("s", json: [:]), F.step("s", json: [:], headers: [html])).findings.map(F.line) == [
                "Content-Type value_changed application/json text/html"
            ])
        #expect(
            F.compare(F.step("s", json: [:]), F.step("s", json: [:], headers: [])).findings.map(F.line) == [
                "Content-Type missing application/json -"
            ])
    }

    @Test("Location is compared after normalization: another host and tenant are the same place, another path is not")
    func location() {
        func redirect(_ location: String) -> RecordedStep {
            F.step("redirect", status: 302, json: nil, headers: [RecordedHeader(name: "Location", value: location)])
        }
        let mock = redirect("http://127.0.0.1:8080/full-refresh-9at23a-1/login")
        let tenant = redirect("https://plan.claret.app/demo/login")
        let report = Comparator.compare(
            left: [F.scenario(steps: [mock])],
            right: [F.scenario(tenant: "demo", baseURL: "https://plan.claret.app", steps: [tenant])],
            sides: ("mock", "tenant"))
        #expect(report.cases[0].outcome == .passed)
        #expect(report.cases[0].normalizations.contains(Normalization(path: "Location", rule: "tenant")))
        #expect(report.cases[0].normalizations.contains(Normalization(path: "Location", rule: "base_url")))

        let elsewhere = F.compare(mock, redirect("http://127.0.0.1:8080/full-refresh-77kq2m-4/home"))
        #expect(
            elsewhere.findings.map(F.line) == [
                "Location value_changed {base_url}/{tenant}/login {base_url}/{tenant}/home"
            ])
    }

    @Test("JSON bodies are compared member by member: value changed, type changed, missing and extra")
    func jsonKinds() {
        let lines = F.lines(
            ["content": ["summary": ["created": 2, "updated": 1, "failed": 0], "status": "completed"]],
            ["content": ["summary": ["created": 3, "updated": "1"], "status": "completed", "job_log_id": 7]])
        #expect(
            lines == [
                "$.content.summary.created value_changed 2 3",
                "$.content.summary.updated type_changed 1 \"1\"",
                "$.content.summary.failed missing 0 -",
                "$.content.job_log_id extra absent \"{job_id}\"",
            ])
    }

    @Test("the sentences name both sides")
    func sentences() {
        let result = F.compare(
            F.step("s", json: ["a": 1, "b": "x", "c": true]), F.step("s", json: ["a": 2, "b": 1, "d": nil]))
        #expect(
            result.findings.map(\.mismatch.message) == [
                "$.a: mock has 1, tenant has 2",
                "$.b: mock has string \"x\", tenant has number 1",
                "$.c: mock has true, tenant has nothing",
                "$.d: tenant has null, mock has nothing",
            ])
    }

    @Test("numbers compare by value and objects regardless of member order")
    func structuralEquality() {
        #expect(
            F.lines(
                ["q": 12.5, "o": ["a": 1, "b": 2]], ["o": ["b": 2, "a": 1], "q": .number(JSONNumber(text: "12.50")!)]
            ).isEmpty)
    }

    @Test("arrays are compared by index: a changed element, a missing tail and an extra tail")
    func arrays() {
        #expect(
            F.lines(["errors": ["a", "b", "c"]], ["errors": ["a", "x"]]) == [
                "$.errors[1] value_changed \"b\" \"x\"", "$.errors[2] missing \"c\" -",
            ])
        #expect(
            F.lines(["data": [["item": "124"]]], ["data": [["item": "124"], ["item": "125"]]]) == [
                "$.data[1] extra absent {\"item\":\"125\"}"
            ])
    }

    @Test("keys that are not plain names are bracketed in the path")
    func bracketedKeys() {
        #expect(
            F.lines(["errors": ["payload.2.date_filled": ["bad"]]], ["errors": ["payload.2.date_filled": ["worse"]]])
                == [
                    "$.errors[\"payload.2.date_filled\"][0] value_changed \"bad\" \"worse\""
                ])
    }

    @Test("CSV bodies are compared by cell, the path naming the row and the column")
    func csvCells() {
        let left = "item_name,quantity,uom\r\n124,12.345,9LE Case\r\nZAM,4875.5,gal\r\n"
        let right = "item_name,quantity,uom\r\n124,12.345,9LE Case\r\nZAM,4875.50,Gallon\r\n"
        let result = F.compare(F.step("download", text: left), F.step("download", text: right))
        #expect(
            result.findings.map(F.line) == [
                "csv[row 2].quantity value_changed 4875.5 4875.50", "csv[row 2].uom value_changed gal Gallon",
            ])
        #expect(
            result.findings[0].mismatch.message == "csv[row 2].quantity: mock has \"4875.5\", tenant has \"4875.50\"")
    }

    @Test("CSV quoting, line endings and a byte order mark are not differences; cells are")
    func csvIsNotText() {
        let left = "\u{FEFF}item_name,note\r\n124,\"a, b\"\r\n"
        let right = "item_name,note\n\"124\",\"a, b\"\n"
        #expect(F.compare(F.step("d", text: left), F.step("d", text: right)).findings.isEmpty)
    }

    @Test("CSV columns missing or extra are findings of their own; columns in another order are one finding")
    func csvColumns() {
        let left = "item_name,quantity,error\r\n124,5,bad\r\n"
        let right = "quantity,item_name,lot\r\n5,124,L1\r\n"
        #expect(
            F.compare(F.step("d", text: left), F.step("d", text: right)).findings.map(F.line) == [
                "csv.error missing column error -", "csv.lot extra absent column lot",
                "csv.columns value_changed item_name,quantity,error quantity,item_name,lot",
            ])
    }

    @Test("a CSV row on one side only is missing or extra as a whole row")
    func csvRows() {
        let left = "item_name,quantity\r\n124,5\r\n125,6\r\n"
        let right = "item_name,quantity\r\n124,5\r\n"
        #expect(
            F.compare(F.step("d", text: left), F.step("d", text: right)).findings.map(F.line) == [
                "csv[row 2] missing 125,6 -"
            ])
        #expect(
            F.compare(F.step("d", text: right), F.step("d", text: left)).findings.map(F.line) == [
                "csv[row 2] extra absent 125,6"
            ])
    }

    @Test("a text body that is not CSV is compared as text, in one finding")
    func textBodies() {
        let result = F.compare(
            F.step("page", text: "<html>Login</html>", contentType: "text/html"),
            F.step("page", text: "<html>Sign in</html>", contentType: "text/html"))
        #expect(result.findings.map(F.line) == ["body value_changed <html>Login</html> <html>Sign in</html>"])
    }

    @Test("a JSON body against a text body, or against none, is a finding at body")
    func bodyForms() {
        let json = F.step("s", json: ["message": "Unauthenticated."])
        #expect(
            F.compare(json, F.step("s", text: "Unauthenticated.", contentType: "application/json")).findings.map(F.line)
                == ["body type_changed a JSON body a text body"])
        #expect(F.compare(json, F.step("s", json: nil)).findings.map(F.line) == ["body missing a JSON body -"])
        #expect(F.compare(F.step("s", json: nil), json).findings.map(F.line) == ["body extra absent a JSON body"])
    }

    @Test("findings come in order: status, headers, then the body")
    func findingOrder() {
        let result = F.compare(
            F.step("s", status: 200, json: ["a": 1]),
            F.step(
                "s", status: 201, json: ["a": 2], headers: [RecordedHeader(name: "Content-Type", value: "text/json")]))
        #expect(result.findings.map(\.mismatch.path) == ["status", "Content-Type", "$.a"])
    }

    @Test("a failed case carries a curl command per side, each after a line naming the side")
    func curlPerSide() throws {
        let result = F.compare(F.step("s", status: 200, json: [:]), F.step("s", status: 500, json: [:]))
        let curl = try #require(result.curl)
        #expect(curl.hasPrefix("# mock\ncurl -i http://127.0.0.1:8080/t/api/v1/imports/status/1"))
        #expect(curl.contains("\n\n# tenant\ncurl -i "))
        #expect(curl.contains(#"-H "Authorization: Bearer $TOKEN""#))
    }

    @Test("the report names both sides and is titled after them")
    func reportFrame() {
        let report = Comparator.compare(
            left: [F.scenario(steps: [])], right: [F.scenario(steps: [])], sides: ("mock", "tenant"),
            generatedAt: "2026-01-01T00:00:00Z")
        #expect(report.title == "mock vs tenant")
        #expect(report.sides == ["mock", "tenant"])
        #expect(report.generatedAt == "2026-01-01T00:00:00Z")
    }
}
