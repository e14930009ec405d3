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

    /// A job file at the path the job lists, with the same auth and visibility as the job itself.
    func download(_ call: Call) throws -> HTTPResponse {
        let tenant = try call.requiredTenant
        guard let user = call.user, let bytes = try store.jobFile(at: call.request.path, of: tenant, visibleTo: user)
        else {
            throw HandlerFailure(call.profile.response(.jobNotFound))
        }
        let name = call.parameters["file"] ?? "file.csv"
        return HTTPResponse(
            status: 200,
            headers: HTTPHeaders([
                ("Content-Type", "text/csv; charset=UTF-8"),
                ("Content-Disposition", "attachment; filename=\"\(name)\""),
            ]), body: bytes)
    }
}
