import ClaretModel
import ClaretStore
import ExactJSON

/// `GET /{tenant}/api/v1/imports/status/{job}`: a job log in Claret's documented shape (contract section 6).
struct JobStatusHandler {
    let store: Store

    func status(_ call: Call) throws -> HTTPResponse {
        let profile = call.profile
        let tenant = try call.requiredTenant
        guard let user = call.user, let id = call.parameters["job"].flatMap({ Int($0) }),
            let job = try store.job(id, of: tenant, visibleTo: user)
        else {
            throw HandlerFailure(profile.response(.jobNotFound))
        }
        return .json(
            200,
            [
                "message": "Job status retrieved successfully",
                "content": job.contentObject(baseURL: call.baseURL, tenant: tenant.name),
            ])
    }
}
