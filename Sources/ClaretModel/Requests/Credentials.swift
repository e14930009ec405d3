/// An e-mail and password pair sent to `tokens/create`.
public struct Credentials: Sendable, Equatable {
    /// The e-mail address as sent (trimmed).
    public var email: String
    /// The password as sent.
    public var password: String

    /// Creates credentials.
    public init(email: String, password: String) {
        self.email = email
        self.password = password
    }

    /// Validates the two fields (`required` each) from whatever inputs the request carried.
    public static func decode(email: String?, password: String?, profile: BehaviourProfile) throws(ValidationErrors)
        -> Credentials
    {
        var rules = FieldRules(profile: profile)
        let email = rules.requiredString(email.map { .string($0) }, "email")
        // Laravel's TrimStrings middleware leaves passwords untouched, so only presence is checked here.
        let passwordPresent = rules.requiredString(password.map { .string($0) }, "password") != nil
        guard let email, passwordPresent, let password else { throw rules.errors }
        return Credentials(email: email, password: password)
    }
}
