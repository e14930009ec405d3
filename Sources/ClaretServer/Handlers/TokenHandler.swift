import ClaretModel
import ClaretStore

/// `POST /{tenant}/api/v1/tokens/create`: credentials in, a Sanctum-style token out.
struct TokenHandler {
    let store: Store

    func create(_ call: Call) throws -> HTTPResponse {
        let profile = call.profile
        var email = call.request.queryValue("email")
        var password = call.request.queryValue("password")
        if profile.settings.credentialsInBody {
            // Laravel merges query and body input, the body winning.
            let body = try RequestInput.body(of: call)
            if let value = body["email"] { email = value.string ?? value.serialized() }
            if let value = body["password"] { password = value.string ?? value.serialized() }
        }
        let credentials: Credentials
        do {
            credentials = try Credentials.decode(email: email, password: password, profile: profile)
        } catch {
            throw profile.validationFailure(error)
        }
        let tenant = try call.requiredTenant
        guard let user = try store.user(in: tenant, email: credentials.email, password: credentials.password) else {
            var errors = ValidationErrors()
            errors.add("email", profile.message(.credentialsIncorrect))
            throw profile.validationFailure(errors)
        }
        let token = try store.issueToken(for: user, lifetimeSeconds: profile.settings.tokenLifetimeSeconds)
        return HTTPResponse(profile.response(.tokenCreated, ["token": .string(token)]))
    }
}
