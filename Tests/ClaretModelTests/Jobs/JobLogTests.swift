import ClaretModel
import ExactJSON
import Testing

@Suite("JobLog describes an import job in the job-status shape")
struct JobLogTests {
    @Test("the status link follows Claret's UI path")
    func statusLink() {
        #expect(
            JobLog.statusLink(baseURL: "https://plan.claret.app", tenant: "tenant", id: 12345)
                == "https://plan.claret.app/tenant/settings/application-maintenance/job-management/imports/logs/12345")
    }

    @Test("a new job is an inventory import of eight steps")
    func defaults() {
        let job = JobLog(id: 1, status: .queued, userID: 42)
        #expect(job.type == "inventory-import")
        #expect(job.description == "Inventory Import")
        #expect(job.totalSteps == 8)
        #expect(JobLog.standardStepCount == 8)
        #expect(job.completedSteps == 0)
        #expect(job.currentStep == nil)
        #expect(job.files == JobFiles())
    }

    @Test("a finished job renders exactly as the documented job-status example")
    func documentedExample() throws {
        let job = JobLog(
            id: 12345, status: .completed, completedSteps: 8,
            files: JobFiles(
                input: [
                    "/tenant/download/tenant/user-uploads/inventory-import/2024-01-01/1/inventory_20240101_untouched.csv"
                ],
                staging: ["..._staging.csv"], output: ["..._final.csv"], errors: ["..._errors.csv"]),
            startedAt: "2024-01-01T10:00:00Z", completedAt: "2024-01-01T10:02:30Z", userID: 42)
        let expected = try JSONParser.parse(
            #"""
            {"job_log_id": 12345, "status": "completed", "type": "inventory-import", "description": "Inventory Import",
             "progress": {"completed_steps": 8, "total_steps": 8, "current_step": null},
             "files": {"input": ["/tenant/download/tenant/user-uploads/inventory-import/2024-01-01/1/inventory_20240101_untouched.csv"],
                       "staging": ["..._staging.csv"], "output": ["..._final.csv"], "errors": ["..._errors.csv"]},
             "job_status_link": "https://plan.claret.app/tenant/settings/application-maintenance/job-management/imports/logs/12345",
             "timestamps": {"started_at": "2024-01-01T10:00:00Z", "completed_at": "2024-01-01T10:02:30Z"},
             "user_id": 42}
            """#)
        let content = job.contentObject(baseURL: "https://plan.claret.app", tenant: "tenant")
        #expect(content == expected)
        #expect(
            content.object?.keys == [
                "job_log_id", "status", "type", "description", "progress", "files", "job_status_link", "timestamps",
                "user_id",
            ])
    }

    @Test("a processing job shows its current step and null timestamps it has not reached")
    func processingJob() {
        let job = JobLog(
            id: 3, status: .processing, completedSteps: 2, currentStep: "validating",
            files: JobFiles(input: ["/demo/in.csv"]), startedAt: "2024-01-01T10:00:00Z", userID: 1)
        let content = job.contentObject(baseURL: "http://127.0.0.1:8080", tenant: "demo")
        #expect(content["status"] == "processing")
        #expect(content["progress"]?["current_step"] == "validating")
        #expect(content["progress"]?["completed_steps"] == 2)
        #expect(content["timestamps"]?["completed_at"] == .null)
        #expect(content["files"]?["input"] == ["/demo/in.csv"])
        #expect(content["files"]?["errors"] == [])
    }

    @Test("a queued job has no start time")
    func queuedJob() {
        let content = JobLog(id: 4, status: .queued, userID: 1).contentObject(baseURL: "http://h", tenant: "demo")
        #expect(content["timestamps"]?["started_at"] == .null)
        #expect(
            content["job_status_link"] == "http://h/demo/settings/application-maintenance/job-management/imports/logs/4"
        )
    }

    @Test(
        "only completed, completed with errors and failed are finished",
        arguments: [
            (JobStatus.queued, false), (.processing, false), (.completed, true), (.completedWithErrors, true),
            (.failed, true),
        ])
    func finished(status: JobStatus, isFinished: Bool) {
        #expect(status.isFinished == isFinished)
    }

    @Test("the status names are the contract's five")
    func statusNames() {
        #expect(
            JobStatus.allCases.map(\.rawValue) == [
                "queued", "processing", "completed", "completed_with_errors", "failed",
            ])
    }

    @Test(
        "an import's outcome maps onto the job status of the same name",
        arguments: [
            (ImportStatus.completed, JobStatus.completed), (.completedWithErrors, .completedWithErrors),
            (.failed, .failed),
        ])
    func fromImportStatus(status: ImportStatus, expected: JobStatus) {
        #expect(JobStatus(status) == expected)
    }
}
