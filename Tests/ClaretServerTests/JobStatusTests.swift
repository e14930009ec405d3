import ClaretModel
import ClaretServer
import ExactJSON
import Foundation
import Testing

@Suite("Contract 6: job status of JSON imports")
struct JobStatusTests {
    /// Whether `text` is a UTC timestamp like `2024-01-01T10:00:00Z`.
    static func isTimestamp(_ text: String?) -> Bool {
        guard let text else { return false }
        let formatter = ISO8601DateFormatter()
        return text.hasSuffix("Z") && text.count == 20 && formatter.date(from: text) != nil
    }

    /// Imports one record as the mock's current user and returns the job id from the link.
    static func importJob(_ mock: TestMock, date: String = "2024-01-15") throws -> Int {
        let reply = mock.importRecords([Fixture.record(date: date)])
        return try #require(Fixture.jobID(fromLink: reply.json["content"]?["job_status_link"]?.string))
    }

    @Test("a JSON import's job has the documented shape, finished")
    func documentedShape() throws {
        let mock = try TestMock.loggedIn()
        let id = try Self.importJob(mock)
        #expect(id == 1)

        let reply = mock.get("/demo/api/v1/imports/status/\(id)")
        #expect(reply.status == 200)
        #expect(reply.json.object?.keys == ["message", "content"])
        #expect(reply.message == "Job status retrieved successfully")
        let content = try #require(reply.json["content"])
        #expect(
            content.object?.keys.sorted()
                == [
                    "description", "files", "job_log_id", "job_status_link", "progress", "status", "timestamps", "type",
                    "user_id",
                ])
        #expect(content["job_log_id"] == 1)
        #expect(content["status"] == "completed")
        #expect(content["type"] == "inventory-import")
        #expect(content["description"] == "Inventory Import")
        #expect(content["progress"] == ["completed_steps": 8, "total_steps": 8, "current_step": nil])
        #expect(content["files"]?.object?.keys.sorted() == ["errors", "input", "output", "staging"])
        for role in ["input", "staging", "output", "errors"] {
            #expect(content["files"]?[role]?.array != nil, "files.\(role) is an array")
        }
        #expect(
            content["job_status_link"]
                == "http://claret.test:8080/demo/settings/application-maintenance/job-management/imports/logs/1")
        #expect(Self.isTimestamp(content["timestamps"]?["started_at"]?.string))
        #expect(Self.isTimestamp(content["timestamps"]?["completed_at"]?.string))
        #expect(content["user_id"] == 1)
    }

    @Test("an import with record errors finishes as completed_with_errors")
    func completedWithErrors() throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.importRecords([Fixture.record(), Fixture.record(item: "NOPE")])
        let id = try #require(Fixture.jobID(fromLink: reply.json["content"]?["job_status_link"]?.string))
        #expect(mock.get("/demo/api/v1/imports/status/\(id)").json["content"]?["status"] == "completed_with_errors")
    }

    @Test("an unknown job id is 404 Job log not found.", arguments: ["2", "999999", "abc", "0", "-1"])
    func unknownJob(id: String) throws {
        let mock = try TestMock.loggedIn()
        _ = try Self.importJob(mock)
        let reply = mock.get("/demo/api/v1/imports/status/\(id)")
        #expect(reply.status == 404)
        #expect(reply.json == ["message": "Job log not found."])
    }

    @Test("a non-admin does not see another user's job: 404")
    func viewerCannotSeeAdminJob() throws {
        let mock = try TestMock.loggedIn()
        let id = try Self.importJob(mock)

        mock.token = try mock.login(email: DemoUser.viewerEmail, password: DemoUser.viewerPassword)
        let reply = mock.get("/demo/api/v1/imports/status/\(id)")
        #expect(reply.status == 404)
        #expect(reply.json == ["message": "Job log not found."])
    }

    @Test("a non-admin sees their own job, and the admin sees it too")
    func viewerSeesOwnJobAdminSeesAll() throws {
        let mock = try TestMock()
        let admin = try mock.login()
        mock.token = try mock.login(email: DemoUser.viewerEmail, password: DemoUser.viewerPassword)
        let id = try Self.importJob(mock)

        let own = mock.get("/demo/api/v1/imports/status/\(id)")
        #expect(own.status == 200)
        #expect(own.json["content"]?["user_id"] == 2)

        mock.token = admin
        let seenByAdmin = mock.get("/demo/api/v1/imports/status/\(id)")
        #expect(seenByAdmin.status == 200)
        #expect(seenByAdmin.json["content"]?["user_id"] == 2)
        #expect(seenByAdmin.json["content"]?["job_log_id"] == .number(JSONNumber(id)))
    }

    @Test("job status needs a token like every other endpoint")
    func needsToken() throws {
        let mock = try TestMock.loggedIn()
        let id = try Self.importJob(mock)
        mock.token = nil
        let reply = mock.get("/demo/api/v1/imports/status/\(id)")
        #expect(reply.status == 401)
        #expect(reply.json == ["message": "Unauthenticated."])
    }
}
