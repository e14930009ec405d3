import ClaretModel
import ExactJSON

extension HTTPResponse {
    /// The header naming the profile entry that rendered a response (`tenant_not_found`, …): a parity run
    /// reads it to propose profile overrides from a real tenant's answers.
    public static let profileEntryHeader = "X-Harness-Response"

    /// The HTTP form of a response the behaviour profile rendered.
    init(_ rendered: RenderedResponse) {
        var headers = HTTPHeaders([("Content-Type", rendered.contentType)])
        for header in rendered.headers { headers.add(header.name, header.value) }
        if let name = rendered.name { headers.add(HTTPResponse.profileEntryHeader, name.rawValue) }
        self.init(status: rendered.status, headers: headers, body: rendered.body)
    }

    /// A JSON response (the harness's own endpoints, whose shapes are ours, not assumed Claret ones).
    static func json(_ status: Int, _ value: JSONValue) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: HTTPHeaders([("Content-Type", "application/json")]),
            body: value.serializedBytes())
    }
}

extension JSONNumber {
    /// The exact number a quantity's text spells.
    init(_ quantity: Quantity) {
        self = JSONNumber(text: quantity.text) ?? JSONNumber(0)
    }
}
