import ExactJSON
import Testing

@testable import ClaretModel

@Suite("BehaviourProfile holds every assumed status, sentence and body, overridable by JSON")
struct BehaviourProfileTests {
    func body(_ response: RenderedResponse) throws -> JSONValue {
        try JSONParser.parse(response.body)
    }

    func refusal(_ overrides: JSONValue) throws -> ProfileError {
        try #require(throws: ProfileError.self) { try BehaviourProfile(overrides: overrides) }
    }

    // MARK: Defaults

    @Test("the default document parses and names every response and message")
    func defaultDocumentComplete() throws {
        let document = try JSONParser.parse(BehaviourProfile.defaultDocument)
        #expect(Set(document["responses"]?.object?.keys ?? []) == Set(ResponseName.allCases.map(\.rawValue)))
        #expect(Set(document["messages"]?.object?.keys ?? []) == Set(MessageName.allCases.map(\.rawValue)))
        #expect(BehaviourProfile.standard.document == document)
    }

    @Test("the default settings are the contract's")
    func defaultSettings() {
        #expect(
            BehaviourProfile.standard.settings
                == ProfileSettings(
                    maxRecordsPerRequest: 1000, maxBatchDeleteRows: 1000, maxFilterValues: 10000,
                    maxBodyBytes: 10 * 1024 * 1024,
                    tokenLifetimeSeconds: nil, credentialsInBody: true, acceptJSONCountsAsAjax: true))
    }

    @Test(
        "fixed responses have the contract's status and body",
        arguments: [
            (ResponseName.tenantNotFound, 404, #"{"message": "Tenant not found."}"#),
            (.unauthenticated, 401, #"{"message": "Unauthenticated."}"#),
            (.malformedJSON, 400, #"{"message": "Malformed JSON body."}"#),
            (.jobNotFound, 404, #"{"message": "Job log not found."}"#),
        ])
    func fixedResponses(name: ResponseName, status: Int, text: String) throws {
        let response = BehaviourProfile.standard.response(name)
        #expect(response.status == status)
        #expect(response.contentType == "application/json")
        #expect(response.headers.isEmpty)
        #expect(try body(response) == JSONParser.parse(text))
    }

    @Test("the token response carries the token string")
    func tokenCreated() throws {
        let token = "1|bfDoNPffjU6k541RYSLB68oEfHySweWJ2HSx34sZ"
        let response = BehaviourProfile.standard.response(.tokenCreated, ["token": .string(token)])
        #expect(response.status == 200)
        #expect(try body(response) == ["token": .string(token)])
    }

    @Test("the validation response embeds the errors object as JSON, not as text")
    func validationFailed() throws {
        var errors = ValidationErrors()
        errors.add("email", "The provided credentials are incorrect.")
        let response = BehaviourProfile.standard.response(
            .validationFailed, ["message": .string(errors.summary(using: .standard)), "errors": errors.errorsObject])
        #expect(response.status == 422)
        #expect(
            try body(response)
                == JSONParser.parse(
                    #"""
                    {"message": "The provided credentials are incorrect.",
                     "errors": {"email": ["The provided credentials are incorrect."]}}
                    """#))
    }

    @Test("the batch delete response carries the mode and the count as a number")
    func batchDeleted() throws {
        let response = BehaviourProfile.standard.response(.batchDeleted, ["mode": "rows", "deleted_count": 3])
        #expect(response.status == 200)
        let expected = try JSONParser.parse(
            #"{"message": "Inventory records deleted.", "content": {"mode": "rows", "deleted_count": 3}}"#)
        #expect(try body(response) == expected)
        #expect(try body(response)["content"]?["deleted_count"]?.number?.text == "3")
    }

    @Test("the unauthenticated redirect is a 302 to the login page with a small HTML body")
    func unauthenticatedRedirect() {
        let login = "http://127.0.0.1:8080/demo/login"
        let response = BehaviourProfile.standard.response(.unauthenticatedRedirect, ["login_url": .string(login)])
        #expect(response.status == 302)
        #expect(response.headers == [RenderedResponse.Header(name: "Location", value: login)])
        #expect(response.contentType == "text/html; charset=UTF-8")
        let html = String(decoding: response.body, as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains(#"Redirecting to <a href="http://127.0.0.1:8080/demo/login">"#))
        #expect(!html.contains("{login_url}"))
    }

    @Test("the path-dependent responses fill in the path and method")
    func routeResponses() throws {
        let notFound = BehaviourProfile.standard.response(.routeNotFound, ["path": "/demo/api/v1/nope"])
        #expect(notFound.status == 404)
        #expect(try body(notFound)["message"] == "The route /demo/api/v1/nope could not be found.")
        let wrongMethod = BehaviourProfile.standard.response(
            .methodNotAllowed, ["method": "GET", "path": "/demo/api/v1/tokens/create", "allowed": "POST"])
        #expect(wrongMethod.status == 405)
        #expect(
            try body(wrongMethod)["message"]
                == "The GET method is not supported for route /demo/api/v1/tokens/create. Supported methods: POST.")
        #expect(BehaviourProfile.standard.response(.payloadTooLarge, ["limit": 10]).status == 413)
        #expect(BehaviourProfile.standard.response(.serverError).status == 500)
    }

    @Test("the sentences of the contract are the defaults")
    func defaultSentences() {
        let profile = BehaviourProfile.standard
        #expect(profile.message(.credentialsIncorrect) == "The provided credentials are incorrect.")
        #expect(profile.message(.criterionRequired) == "At least one deletion criterion is required.")
        #expect(profile.message(.itemNotFound, ["name": "X"]) == "Item 'X' does not exist.")
        #expect(profile.message(.uomNotFound, ["name": "L"]) == "Unit of measure 'L' does not exist.")
        #expect(profile.message(.required, ["attribute": "email"]) == "The email field is required.")
        #expect(profile.message(.moreErrorsMany, ["message": "M.", "count": "4"]) == "M. (and 4 more errors)")
    }

    // MARK: Overrides

    @Test("an override replaces one sentence and keeps the others")
    func overrideMessage() throws {
        let profile = try BehaviourProfile(overrides: ["messages": ["item_not_found": "Unknown item {name}."]])
        #expect(profile.message(.itemNotFound, ["name": "124"]) == "Unknown item 124.")
        #expect(profile.message(.binNotFound, ["name": "B"]) == "Bin 'B' does not exist.")
    }

    @Test("an override changes a response's status and body")
    func overrideResponse() throws {
        let profile = try BehaviourProfile(
            overrides: ["responses": ["tenant_not_found": ["status": 400, "body": ["error": "no such tenant"]]]])
        let response = profile.response(.tenantNotFound)
        #expect(response.status == 400)
        #expect(try body(response) == ["error": "no such tenant"])
        #expect(profile.response(.jobNotFound).status == 404)
    }

    @Test("a response override may add headers and drop keys with null")
    func overrideReshapesResponse() throws {
        let profile = try BehaviourProfile(
            overrides: [
                "responses": [
                    "unauthenticated_redirect": [
                        "status": 401, "text": nil, "content_type": nil, "headers": ["WWW-Authenticate": "Bearer"],
                        "body": ["message": "Unauthenticated."],
                    ]
                ]
            ])
        let response = profile.response(.unauthenticatedRedirect, ["login_url": "http://h/demo/login"])
        #expect(response.status == 401)
        #expect(response.headers == [RenderedResponse.Header(name: "WWW-Authenticate", value: "Bearer")])
        #expect(response.contentType == "application/json")
        #expect(try body(response) == ["message": "Unauthenticated."])
    }

    @Test("an override changes a setting")
    func overrideSetting() throws {
        let profile = try BehaviourProfile(
            overrides: ["settings": ["token_lifetime_seconds": 3600, "credentials_in_body": false]])
        #expect(profile.settings.tokenLifetimeSeconds == 3600)
        #expect(!profile.settings.credentialsInBody)
        #expect(profile.settings.maxRecordsPerRequest == 1000)
        #expect(profile.document["settings"]?["token_lifetime_seconds"] == 3600)
    }

    @Test("an unknown name is refused with its path and the names known there")
    func unknownName() throws {
        let error = try refusal(["settings": ["max_rows": 5]])
        #expect(error.path == "settings.max_rows")
        #expect(error.reason.hasPrefix("unknown name; known here: "))
        #expect(error.reason.contains("max_batch_delete_rows"))
        #expect(error.description == "settings.max_rows: \(error.reason)")
    }

    @Test("an unknown response name is refused")
    func unknownResponse() throws {
        let error = try refusal(["responses": ["tenant_missing": ["status": 404]]])
        #expect(error.path == "responses.tenant_missing")
    }

    @Test("an unknown top-level section is refused")
    func unknownSection() throws {
        #expect(try refusal(["behaviour": [:]]).path == "behaviour")
    }

    @Test("a profile that is not an object is refused as a whole")
    func notAnObject() throws {
        let error = try refusal([1, 2])
        #expect(error.path == "")
        #expect(error.reason == "a profile must be a JSON object, found array")
        #expect(error.description == error.reason)
    }

    @Test("a status outside 100-599 is refused", arguments: [99, 600, 0] as [JSONValue])
    func badStatus(status: JSONValue) throws {
        let error = try refusal(["responses": ["server_error": ["status": status]]])
        #expect(error.path == "responses.server_error.status")
        #expect(error.reason == "must be an HTTP status code (100-599)")
    }

    @Test("a response replaced by a non-object is refused")
    func responseNotObject() throws {
        let error = try refusal(["responses": ["server_error": 500]])
        #expect(error.path == "responses.server_error")
    }

    @Test("a message that is not a string is refused")
    func messageNotString() throws {
        let error = try refusal(["messages": ["required": 1]])
        #expect(error.path == "messages.required")
        #expect(error.reason == "must be a string")
    }

    @Test(
        "settings outside their range are refused",
        arguments: [
            ("max_records_per_request", JSONValue.number(0)), ("max_batch_delete_rows", "10"), ("max_body_bytes", 1023),
            ("credentials_in_body", "yes"), ("accept_json_counts_as_ajax", 1), ("token_lifetime_seconds", 0),
            ("token_lifetime_seconds", 1.5),
        ])
    func badSetting(key: String, value: JSONValue) throws {
        let error = try refusal(["settings": .object(JSONObject([(key, value)]))])
        #expect(error.path == "settings.\(key)")
    }

    @Test("a null token lifetime means tokens never expire")
    func nullLifetime() throws {
        let profile = try BehaviourProfile(overrides: ["settings": ["token_lifetime_seconds": nil]])
        #expect(profile.settings.tokenLifetimeSeconds == nil)
    }

    // MARK: Templates

    @Test("a string that is exactly one placeholder takes the parameter's JSON value")
    func wholePlaceholder() {
        let template: JSONValue = ["a": "{list}", "b": ["{n}", "n={n}"]]
        let result = BehaviourProfile.substitute(template, ["list": [1, 2], "n": 7])
        #expect(result == ["a": [1, 2], "b": [7, "n=7"]])
    }

    @Test("unknown placeholders and stray braces stay as written")
    func unknownPlaceholders() {
        #expect(BehaviourProfile.fill("{known} {unknown} {", ["known": "k"]) == "k {unknown} {")
        #expect(BehaviourProfile.fill("no braces", ["x": "y"]) == "no braces")
        #expect(BehaviourProfile.substitute("{missing}", [:]) == "{missing}")
    }

    @Test("a non-string parameter inside text is written as JSON")
    func nonStringInText() {
        #expect(BehaviourProfile.fill("limit {limit} bytes", ["limit": 10_485_760]) == "limit 10485760 bytes")
        #expect(BehaviourProfile.fill("{flag}", ["flag": true]) == "true")
    }
}
