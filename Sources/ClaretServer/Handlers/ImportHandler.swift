import ClaretModel
import ClaretStore
import ExactJSON

/// `POST /{tenant}/api/v1/inventory/import/process`: the JSON import (contract section 5a).
struct ImportHandler {
    let store: Store

    func process(_ call: Call) throws -> HTTPResponse {
        let profile = call.profile
        if RequestInput.isMultipart(call.request) {
            // The CSV upload (contract section 5b) is not served yet.
            return HTTPResponse(profile.response(.unsupportedMediaType))
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
