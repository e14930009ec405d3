import ClaretModel
import ClaretStore
import ExactJSON

/// `POST /{tenant}/api/v1/inventory/batch-delete`: row mode or filter mode (contract section 7).
struct BatchDeleteHandler {
    let store: Store

    func delete(_ call: Call) throws -> HTTPResponse {
        let profile = call.profile
        let request: BatchDeleteRequest
        do {
            request = try BatchDeleteRequest.decode(try RequestInput.body(of: call), profile: profile)
        } catch let failure as HandlerFailure {
            throw failure
        } catch let errors as ValidationErrors {
            throw profile.validationFailure(errors)
        }
        let deleted = try store.delete(request, from: try call.requiredTenant)
        return HTTPResponse(
            profile.response(
                .batchDeleted, ["mode": .string(request.mode), "deleted_count": .number(JSONNumber(deleted))]))
    }
}
