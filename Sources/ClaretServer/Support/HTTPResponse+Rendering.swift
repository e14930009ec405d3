import ClaretModel
import ExactJSON

extension HTTPResponse {
    /// The HTTP form of a response the behaviour profile rendered.
    init(_ rendered: RenderedResponse) {
        var headers = HTTPHeaders([("Content-Type", rendered.contentType)])
        for header in rendered.headers { headers.add(header.name, header.value) }
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
