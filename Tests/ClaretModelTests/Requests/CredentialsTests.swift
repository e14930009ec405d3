import ClaretModel
import ExactJSON
import Testing

@Suite("Credentials validates the e-mail and password of tokens/create")
struct CredentialsTests {
    func failures(email: String?, password: String?) throws -> ValidationErrors {
        try #require(throws: ValidationErrors.self) {
            try Credentials.decode(email: email, password: password, profile: .standard)
        }
    }

    @Test("both fields present decode, the e-mail trimmed")
    func valid() throws {
        let credentials = try Credentials.decode(
            email: " integrator@demo.test ", password: "demo-password", profile: .standard)
        #expect(credentials == Credentials(email: "integrator@demo.test", password: "demo-password"))
    }

    @Test("the password is kept exactly as sent, spaces included")
    func passwordUntrimmed() throws {
        let credentials = try Credentials.decode(email: "a@b.test", password: " secret ", profile: .standard)
        #expect(credentials.password == " secret ")
    }

    @Test("a missing e-mail gives the contract's 422 body")
    func missingEmail() throws {
        let errors = try failures(email: nil, password: "demo-password")
        let expected = try JSONParser.parse(
            #"{"message": "The email field is required.", "errors": {"email": ["The email field is required."]}}"#)
        #expect(try laravelBody(errors) == expected)
    }

    @Test("a blank e-mail counts as missing")
    func blankEmail() throws {
        let errors = try failures(email: "   ", password: "demo-password")
        #expect(keys(of: errors) == ["email"])
    }

    @Test("a missing password is required")
    func missingPassword() throws {
        let errors = try failures(email: "integrator@demo.test", password: "")
        #expect(keys(of: errors) == ["password"])
        #expect(errors.entries.first?.messages == ["The password field is required."])
    }

    @Test("both missing name the first and count one more error")
    func bothMissing() throws {
        let errors = try failures(email: nil, password: nil)
        let expected = try JSONParser.parse(
            #"""
            {"message": "The email field is required. (and 1 more error)",
             "errors": {"email": ["The email field is required."], "password": ["The password field is required."]}}
            """#)
        #expect(try laravelBody(errors) == expected)
        #expect(keys(of: errors) == ["email", "password"])
    }
}
