import ClaretModel
import ClaretStore
import ExactJSON

/// `POST /{tenant}/api/v1/inventory/import/process`: the JSON import (5a) or the CSV upload (5b).
struct ImportHandler {
    let server: MockServer

    var store: Store { server.store }

    /// The form fields a CSV upload may carry besides the file.
    static let uploadFields = [
        "source", "allow_record_creation", "allow_record_update", "should_continue_on_error", "mapping",
    ]

    /// The CSV upload (contract section 5b): checked up front, queued as a job, answered 202.
    func upload(_ call: Call) throws -> HTTPResponse {
        let profile = call.profile
        let form = call.request.form ?? FormData()
        let fields = form.fields.filter { ImportHandler.uploadFields.contains($0.key) }
        let request: CSVImportRequest
        do {
            request = try CSVImportRequest.decode(
                fields: fields, file: form.files["file"].map { (filename: $0.filename, data: $0.data) },
                profile: profile)
        } catch {
            throw profile.validationFailure(error)
        }
        let tenant = try call.requiredTenant
        guard let user = call.user else { throw HandlerFailure(profile.response(.unauthenticated)) }
        let job = try store.enqueue(request, fields: fields, into: tenant, by: user)
        server.jobs.wake()
        let content: JSONValue = [
            "job_log_id": .number(JSONNumber(job.id)),
            "status": .string(job.status.rawValue),
            "job_status_link": .string(JobLog.statusLink(baseURL: call.baseURL, tenant: tenant.name, id: job.id)),
        ]
        return HTTPResponse(profile.response(.importQueued, ["content": content]))
    }

    func process(_ call: Call) throws -> HTTPResponse {
        let profile = call.profile
        if RequestInput.isMultipart(call.request) {
            return try upload(call)
        }
        let body = try RequestInput.body(of: call)
        let request: ImportRequest
        do {
            request = try ImportRequest.decode(body, profile: profile)
        } catch {
            throw profile.validationFailure(error)
        }
        let tenant = try call.requiredTenant
        guard let user = call.user else { throw HandlerFailure(profile.response(.unauthenticated)) }
        let (outcome, job) = try store.importRecords(request, into: tenant, by: user, profile: profile)
        var content = outcome.contentObject
        content["job_status_link"] = .string(JobLog.statusLink(baseURL: call.baseURL, tenant: tenant.name, id: job.id))
        return HTTPResponse(profile.response(.importProcessed, ["content": .object(content)]))
    }
}
