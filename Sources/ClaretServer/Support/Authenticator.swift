import ClaretModel
import ClaretStore
import Foundation

/// The `auth:sanctum` middleware: a bearer token of this tenant, or one of Claret's two refusals.
struct Authenticator {
    let store: Store
    let profile: BehaviourProfile

    /// The caller, or a refusal: 401 JSON when the client asked for JSON, else a 302 to the login page.
    func authenticate(_ request: HTTPRequest, tenant: TenantRef, baseURL: String) throws -> UserRef {
        if let token = bearerToken(request), let user = try store.authenticate(token: token, in: tenant) {
            return user
        }
        if expectsJSON(request) {
            throw HandlerFailure(profile.response(.unauthenticated))
        }
        // The trap Claret's docs warn about: without X-Requested-With the answer is an HTML redirect.
        throw HandlerFailure(
            profile.response(.unauthenticatedRedirect, ["login_url": .string("\(baseURL)/\(tenant.name)/login")]))
    }

    private func bearerToken(_ request: HTTPRequest) -> String? {
        guard let header = request.headers["Authorization"] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }

    /// Laravel's `expectsJson()`: an XMLHttpRequest, or (when the profile allows) an Accept naming JSON.
    private func expectsJSON(_ request: HTTPRequest) -> Bool {
        if request.headers["X-Requested-With"]?.caseInsensitiveCompare("XMLHttpRequest") == .orderedSame {
            return true
        }
        guard profile.settings.acceptJSONCountsAsAjax, let accept = request.headers["Accept"]?.lowercased() else {
            return false
        }
        return accept.contains("/json") || accept.contains("+json")
    }
}
