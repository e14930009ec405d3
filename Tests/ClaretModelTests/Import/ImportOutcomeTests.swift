import ClaretModel
import ExactJSON
import Testing

@Suite("ImportOutcome renders the content of the import's 200 response")
struct ImportOutcomeTests {
    @Test("the content carries status, summary and errors, a whole-record error with a null field")
    func contentObject() throws {
        let outcome = ImportOutcome(
            status: .completedWithErrors, summary: ImportSummary(received: 3, created: 1, updated: 0, failed: 2),
            errors: [
                RecordError(index: 1, field: "item_name", message: "Item 'X' does not exist."),
                RecordError(
                    index: 2, field: nil, message: "The record does not exist and record creation is not allowed."),
            ],
            appliedIndexes: [0], requiresRollback: false)
        let expected = try JSONParser.parse(
            #"""
            {"status": "completed_with_errors",
             "summary": {"received": 3, "created": 1, "updated": 0, "failed": 2},
             "errors": [{"index": 1, "field": "item_name", "message": "Item 'X' does not exist."},
                        {"index": 2, "field": null, "message": "The record does not exist and record creation is not allowed."}]}
            """#)
        #expect(JSONValue.object(outcome.contentObject) == expected)
        #expect(outcome.contentObject.keys == ["status", "summary", "errors"])
    }

    @Test(
        "the status names are the contract's",
        arguments: [
            (ImportStatus.completed, "completed"), (.completedWithErrors, "completed_with_errors"), (.failed, "failed"),
        ])
    func statusNames(status: ImportStatus, name: String) {
        #expect(status.rawValue == name)
    }

    @Test("the import_processed response wraps the content under the contract's message")
    func processedResponse() throws {
        let outcome = ImportOutcome(
            status: .completed, summary: ImportSummary(received: 1, created: 1), errors: [], appliedIndexes: [0],
            requiresRollback: false)
        var content = outcome.contentObject
        content["job_status_link"] =
            "http://127.0.0.1:8080/demo/settings/application-maintenance/job-management/imports/logs/1"
        let response = BehaviourProfile.standard.response(.importProcessed, ["content": .object(content)])
        #expect(response.status == 200)
        let expected = try JSONParser.parse(
            #"""
            {"message": "Inventory import processed.",
             "content": {"status": "completed", "summary": {"received": 1, "created": 1, "updated": 0, "failed": 0},
                         "errors": [],
                         "job_status_link": "http://127.0.0.1:8080/demo/settings/application-maintenance/job-management/imports/logs/1"}}
            """#)
        #expect(try JSONParser.parse(response.body) == expected)
    }
}
