import ClaretModel
import ExactJSON
import Foundation
import Testing

@testable import ClaretReporting

@Suite("Volatile values are normalized before comparing, and every normalization is reported")
struct NormalizerTests {
    typealias F = TranscriptFixtures

    /// The case comparing one member `key` holding `left` on the mock with `right` on the tenant.
    static func compare(_ key: String, _ left: JSONValue, _ right: JSONValue, normalizer: Normalizer = .standard)
        -> ReportCase
    {
        F.compare(
            F.step("s", json: ["content": [key: left]]), F.step("s", json: ["content": [key: right]]),
            normalizer: normalizer)
    }

    @Test(
        "each built-in rule hides its volatile value and says so",
        arguments: [
            ("token", "token", "1|bfDoNPffjU6k541RYSLB68oEfHySweWJ2HSx34sZ", "{{token}}"),
            (
                "token", "token", "1|bfDoNPffjU6k541RYSLB68oEfHySweWJ2HSx34sZ",
                "12|Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0aG8x"
            ),
            ("started_at", "timestamp", "2026-12-03T16:56:41Z", "2027-01-05T09:00:00.123456+01:00"),
            ("created_at", "timestamp", "2024-09-12 10:11:12", "2024-09-13 08:00:00"),
            (
                "job_status_link", "job link", "/settings/job-management/imports/logs/1",
                "/settings/job-management/imports/logs/4711"
            ),
            ("status_url", "job link", "/api/v1/imports/status/3", "/api/v1/imports/status/12"),
            (
                "file", "job file", "/t/user-uploads/inventory-import/2026-12-03/1/inventory_20261203_final.csv",
                "/t/user-uploads/inventory-import/2027-01-05/4711/inventory_20270105_final.csv"
            ),
            (
                "link", "tenant", "/full-refresh-9at23a-1/download/full-refresh-9at23a-1/x",
                "/full-refresh-77kq2m-4/download/full-refresh-77kq2m-4/x"
            ),
            ("second", "tenant", "full-refresh-9at23a-1-b", "full-refresh-77kq2m-4-b"),
        ])
    func builtInRule(key: String, rule: String, left: String, right: String) {
        let result = Self.compare(key, .string(left), .string(right))
        #expect(result.findings.isEmpty, "\(rule) left a difference: \(result.findings.map(\.mismatch.message))")
        #expect(result.normalizations.contains(Normalization(path: "$.content.\(key)", rule: rule)))
    }

    @Test("without its rule, each of those values would have been a difference")
    func rulesMatter() {
        let bare = Normalizer(rules: [])
        #expect(
            !Self.compare("started_at", "2026-12-03T16:56:41Z", "2027-01-05T09:00:00Z", normalizer: bare).findings
                .isEmpty)
        #expect(!Self.compare("job_log_id", 1, 4711, normalizer: bare).findings.isEmpty)
        #expect(Self.compare("job_log_id", 1, 4711, normalizer: bare).normalizations.isEmpty)
    }

    @Test("job ids are normalized in job_log_id at any depth, numbers included")
    func jobIDs() {
        let result = F.compare(
            F.step("s", json: ["content": ["job_log_id": 1, "jobs": [["job_log_id": 2]]]]),
            F.step("s", json: ["content": ["job_log_id": 4711, "jobs": [["job_log_id": "4712"]]]]))
        #expect(result.findings.isEmpty)
        #expect(
            result.normalizations == [
                Normalization(path: "$.content.job_log_id", rule: "job id"),
                Normalization(path: "$.content.jobs[0].job_log_id", rule: "job id"),
            ])
    }

    @Test("a value that is not volatile still differs beside the normalized ones")
    func realDifferencesRemain() {
        let result = F.compare(
            F.step("s", json: ["content": ["job_log_id": 1, "deleted_count": 3]]),
            F.step("s", json: ["content": ["job_log_id": 2, "deleted_count": 4]]))
        #expect(result.findings.map(F.line) == ["$.content.deleted_count value_changed 3 4"])
        #expect(result.normalizations == [Normalization(path: "$.content.job_log_id", rule: "job id")])
    }

    @Test("the tenant's name is replaced as a word or path segment, not inside other words")
    func tenantBoundaries() {
        let target = NormalizationTarget(baseURL: "https://plan.claret.app/", tenant: "demo")
        var notes: [Normalization] = []
        let normalizer = Normalizer.standard
        #expect(
            normalizer.normalize("integrator@demo.test", at: .json, target: target, notes: &notes)
                == "integrator@demo.test")
        #expect(normalizer.normalize("demonstration", at: .json, target: target, notes: &notes) == "demonstration")
        #expect(notes.isEmpty)
        #expect(
            normalizer.normalize("Tenant demo not found", at: .json, target: target, notes: &notes)
                == "Tenant {tenant} not found")
        #expect(
            normalizer.normalize("https://plan.claret.app/demo/login", at: .json, target: target, notes: &notes)
                == "{base_url}/{tenant}/login")
        #expect(notes.map(\.rule) == ["tenant", "base_url", "tenant"])
    }

    @Test("a mock tenant and a real tenant of another name compare as the same place")
    func mockAgainstRealTenant() {
        let report = Comparator.compare(
            left: [
                F.scenario(
                    steps: [
                        F.step(
                            "s",
                            json: [
                                "files": ["/full-refresh-9at23a-1/download/full-refresh-9at23a-1/a.csv"],
                                "link": "http://127.0.0.1:8080/full-refresh-9at23a-1/logs",
                            ])
                    ])
            ],
            right: [
                F.scenario(
                    tenant: "demo", baseURL: "https://plan.claret.app",
                    steps: [
                        F.step(
                            "s",
                            json: ["files": ["/demo/download/demo/a.csv"], "link": "https://plan.claret.app/demo/logs"])
                    ])
            ],
            sides: ("mock", "tenant"))
        #expect(report.cases[0].findings.isEmpty)
        #expect(
            report.cases[0].normalizations == [
                Normalization(path: "$.files[0]", rule: "tenant"), Normalization(path: "$.link", rule: "base_url"),
                Normalization(path: "$.link", rule: "tenant"),
            ])
    }

    @Test("CSV cells and text bodies are normalized too, at their own paths")
    func csvAndText() {
        let csv = F.compare(
            F.step("d", text: "item,updated_at\r\n124,2026-12-03T16:56:41Z\r\n"),
            F.step("d", text: "item,updated_at\r\n124,2027-01-01T00:00:00Z\r\n"))
        #expect(csv.findings.isEmpty)
        #expect(csv.normalizations == [Normalization(path: "csv[row 1].updated_at", rule: "timestamp")])

        let text = F.compare(
            F.step("p", text: "generated 2026-12-03T16:56:41Z", contentType: "text/plain"),
            F.step("p", text: "generated 2027-01-01T00:00:00Z", contentType: "text/plain"))
        #expect(text.findings.isEmpty)
        #expect(text.normalizations == [Normalization(path: "body", rule: "timestamp")])
    }

    @Test("volatile headers are normalized when a rules file asks to compare them")
    func volatileHeaders() throws {
        let normalizer = try Normalizer.parse(Data(#"{"headers": ["Date", "X-Request-Id", "Cache-Control"]}"#.utf8))
        #expect(normalizer.comparedHeaders == ["Content-Type", "Location", "Date", "X-Request-Id", "Cache-Control"])
        func step(_ date: String, _ id: String, _ cache: String) -> RecordedStep {
            F.step(
                "s", json: [:],
                headers: [
                    F.jsonType, RecordedHeader(name: "Date", value: date),
                    RecordedHeader(name: "x-request-id", value: id),
                    RecordedHeader(name: "Cache-Control", value: cache),
                ])
        }
        let result = F.compare(
            step("Thu, 03 Dec 2026 16:56:41 GMT", "a1", "no-cache"),
            step("Fri, 04 Dec 2026 08:00:00 GMT", "b2", "private"),
            normalizer: normalizer)
        #expect(result.findings.map(F.line) == ["Cache-Control value_changed no-cache private"])
        #expect(
            result.normalizations == [
                Normalization(path: "Date", rule: "volatile header"),
                Normalization(path: "X-Request-Id", rule: "volatile header"),
            ])
    }

    @Test("a rules file adds rules for a path, a header and every string, before the built-in ones")
    func rulesFile() throws {
        let file = #"""
            {
              "rules": [
                {"name": "user id", "path": "$.content.user_id", "replacement": "{user}"},
                {"name": "lot suffix", "path": "$.data[*].lot", "pattern": "-\\d{6}$", "replacement": "-{n}"},
                {"name": "build", "pattern": "build [0-9a-f]{7}", "replacement": "build {sha}"}
              ]
            }
            """#
        let normalizer = try Normalizer.parse(Data(file.utf8))
        #expect(normalizer.rules.prefix(3).map(\.name) == ["user id", "lot suffix", "build"])
        #expect(normalizer.rules.count == 3 + NormalizationRule.defaults.count)
        let result = F.compare(
            F.step("s", json: ["content": ["user_id": 1, "note": "build 1a2b3c4"], "data": [["lot": "L-123456"]]]),
            F.step("s", json: ["content": ["user_id": 42, "note": "build 9f8e7d6"], "data": [["lot": "L-654321"]]]),
            normalizer: normalizer)
        #expect(result.findings.isEmpty)
        #expect(
            Set(result.normalizations.map { "\($0.path) \($0.rule)" }) == [
                "$.content.user_id user id", "$.content.note build", "$.data[0].lot lot suffix",
            ])
    }

    @Test("a path rule without a pattern replaces a whole value, an object included")
    func wholeValue() throws {
        let normalizer = try Normalizer.parse(
            Data(#"{"rules": [{"name": "progress", "path": "$.content.progress", "replacement": "{progress}"}]}"#.utf8))
        let result = F.compare(
            F.step("s", json: ["content": ["progress": ["completed_steps": 3, "total_steps": 8]]]),
            F.step("s", json: ["content": ["progress": ["completed_steps": 8]]]), normalizer: normalizer)
        #expect(result.findings.isEmpty)
        #expect(result.normalizations == [Normalization(path: "$.content.progress", rule: "progress")])
    }

    @Test("a rules file can leave out one built-in rule, or all of them")
    func disablingDefaults() throws {
        let noTimestamps = try Normalizer.parse(Data(#"{"disable": ["timestamp"]}"#.utf8))
        #expect(!noTimestamps.rules.contains { $0.name == "timestamp" })
        #expect(noTimestamps.rules.contains { $0.name == "token" })
        #expect(
            Self.compare("at", "2026-12-03T16:56:41Z", "2027-01-01T00:00:00Z", normalizer: noTimestamps).findings.count
                == 1)
        let none = try Normalizer.parse(Data(#"{"defaults": false}"#.utf8))
        #expect(none.rules.isEmpty)
    }

    @Test(
        "a rules file with a mistake is refused, naming the member",
        arguments: [
            (#"{"rulez": []}"#, nil as String?, "unknown member \"rulez\""),
            (#"{"rules": [{"name": "x", "replacement": "y"}]}"#, "rules[0].pattern", "needs a pattern"),
            (
                #"{"rules": [{"name": "x", "pattern": "(", "replacement": "y"}]}"#, "rules[0].pattern",
                "not a regular expression"
            ),
            (#"{"rules": [{"name": "x", "path": "$.a[", "replacement": "y"}]}"#, "rules[0].path", "never closed"),
            (#"{"rules": [{"name": "x", "path": "$.a", "header": "B", "replacement": "y"}]}"#, "rules[0]", "not both"),
            (#"{"rules": [{"name": "x", "path": "$.a"}]}"#, "rules[0].replacement", "is required"),
            (#"{"disable": ["timestamps"]}"#, "disable[0]", "no built-in rule is called \"timestamps\""),
            ("rules: []", nil, "not JSON"),
        ])
    func badRulesFiles(text: String, field: String?, phrase: String) {
        #expect {
            try Normalizer.parse(Data(text.utf8))
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.field == field && error.message.contains(phrase)
        }
    }

    @Test("a rules file is read from disk, and a missing one is an error naming it")
    func rulesFromDisk() throws {
        let folder = try TranscriptFolder()
        let path = try folder.write(#"{"headers": ["ETag"]}"#, to: "rules.json")
        #expect(try Normalizer.load(path: path).comparedHeaders.last == "ETag")
        #expect {
            try Normalizer.load(path: folder.path + "/none.json")
        } throws: { error in
            (error as? ConfigurationError)?.kind == .unreadable
                && (error as? ConfigurationError)?.file?.hasSuffix("none.json") == true
        }
    }
}
