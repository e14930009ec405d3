import ClaretServer
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("HTTP server: forms and body limits")
struct HTTPServerBodyTests {
    @Test("a multipart upload with a field and a file reaches the handler's form intact")
    func multipartUpload() async throws {
        let live = try RecordingServer()
        var multipart = MultipartTestBody()
        let file = multipart.trickyBytes(count: 300_000)
        multipart.addField("note", "héllo wörld")
        multipart.addFile("file", filename: "rows.csv", contentType: "text/csv", data: file)
        multipart.addField("source", "first")
        multipart.addField("source", "second")
        multipart.finish()
        var request = URLRequest(url: live.url("/imports"))
        request.httpMethod = "POST"
        request.setValue(multipart.contentType, forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(multipart.bytes)
        let (_, response) = try await live.fetch(request)

        #expect(response.statusCode == 204)
        let received = try #require(live.requests.first)
        let form = try #require(received.form)
        #expect(form.fields == ["note": "héllo wörld", "source": "second"])
        #expect(Array(form.files.keys) == ["file"])
        let upload = try #require(form.files["file"])
        #expect(upload.filename == "rows.csv")
        #expect(upload.contentType == "text/csv")
        #expect(upload.data.count == file.count)
        #expect(upload.data == file)
        #expect(received.body.isEmpty)
    }

    @Test("a url-encoded form is decoded into fields, the last of a repeated name winning")
    func urlEncodedForm() async throws {
        let live = try RecordingServer()
        var request = URLRequest(url: live.url("/login"))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data("user=ada&note=x%20y+z%26w&user=grace&empty=&&odd=%ZZ&flag".utf8)
        _ = try await live.fetch(request)

        let received = try #require(live.requests.first)
        let expected = ["user": "grace", "note": "x y z&w", "empty": "", "odd": "%ZZ", "flag": ""]
        #expect(received.form == FormData(fields: expected))
        #expect(received.body.isEmpty)
    }

    @Test("a multipart body without a boundary gets the malformed-form answer, not the handler")
    func multipartWithoutBoundary() async throws {
        let live = try RecordingServer()
        var request = URLRequest(url: live.url("/imports"))
        request.httpMethod = "POST"
        request.setValue("multipart/form-data", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n".utf8)
        let (data, response) = try await live.fetch(request)

        #expect(response.statusCode == 400)
        #expect(response.value(forHTTPHeaderField: "Content-Type") == "application/json")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix(#"{"message":"The multipart body could not be parsed: "#))
        #expect(live.requests.isEmpty)
    }

    @Test("a multipart body cut before its closing boundary is answered by the configured closure")
    func truncatedMultipart() throws {
        var configuration = HTTPServerConfiguration()
        configuration.malformedForm = { reason in HTTPResponse(status: 422, body: Array(reason.utf8)) }
        let live = try RecordingServer(configuration)
        let body = "--cut\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunfinished"
        let connection = try RawHTTPConnection(port: live.port)
        try connection.send(
            "POST /imports HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=cut\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
        let response = try connection.readResponse()

        #expect(response.status == 422)
        #expect(String(decoding: response.body, as: UTF8.self) == "the body ends before the closing boundary")
        #expect(live.requests.isEmpty)
    }

    @Test("a body of exactly the limit is accepted")
    func bodyAtTheLimit() throws {
        let live = try RecordingServer(HTTPServerConfiguration(maxBodyBytes: 1000))
        let connection = try RawHTTPConnection(port: live.port)
        try connection.send("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n")
        try connection.send([UInt8](repeating: 7, count: 1000))
        let response = try connection.readResponse()

        #expect(response.status == 204)
        #expect(live.requests.first?.body.count == 1000)
    }

    @Test("an announced over-limit body is refused at once and the connection closed")
    func contentLengthOverLimit() throws {
        let live = try RecordingServer(HTTPServerConfiguration(maxBodyBytes: 1 << 20, bodyTooLarge: tooLarge))
        let connection = try RawHTTPConnection(port: live.port)
        // Only the first 64 KiB of the announced 20 MB are sent: the answer must not wait for the rest.
        try connection.send("POST /imports HTTP/1.1\r\nHost: x\r\nContent-Length: 20000000\r\n\r\n")
        try connection.send([UInt8](repeating: 65, count: 64 * 1024))
        let response = try connection.readResponse()
        _ = try connection.readToEnd()

        #expect(response.status == 413)
        #expect(response.body == tooLarge.body)
        #expect(response.header("X-Profile") == "strict")
        #expect(response.header("Connection") == "close")
        #expect(connection.closedByServer)
        #expect(live.requests.isEmpty)
    }

    @Test("a chunked body that crosses the limit is refused and the connection closed")
    func chunkedOverLimit() throws {
        let live = try RecordingServer(HTTPServerConfiguration(maxBodyBytes: 1 << 20, bodyTooLarge: tooLarge))
        let connection = try RawHTTPConnection(port: live.port)
        try connection.send("POST /imports HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        let chunk = Array("10000\r\n".utf8) + [UInt8](repeating: 66, count: 0x10000) + Array("\r\n".utf8)
        for _ in 0..<32 { try connection.send(chunk) }  // 2 MiB
        try connection.send("0\r\n\r\n")
        let response = try connection.readResponse()
        _ = try connection.readToEnd()

        #expect(response.status == 413)
        #expect(response.body == tooLarge.body)
        #expect(response.header("Connection") == "close")
        #expect(connection.closedByServer)
        #expect(live.requests.isEmpty)
    }

    @Test("an over-limit form body is refused like any other")
    func formOverLimit() throws {
        let live = try RecordingServer(HTTPServerConfiguration(maxBodyBytes: 100))
        let connection = try RawHTTPConnection(port: live.port)
        let body = "field=" + String(repeating: "v", count: 200)
        try connection.send(
            "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n\(String(body.utf8.count, radix: 16))\r\n\(body)\r\n0\r\n\r\n")
        let response = try connection.readResponse()

        #expect(response.status == 413)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"message":"The request body is too large."}"#)
        #expect(live.requests.isEmpty)
    }

    private var tooLarge: HTTPResponse {
        HTTPResponse(
            status: 413, headers: HTTPHeaders([("Content-Type", "application/json"), ("X-Profile", "strict")]),
            body: Array(#"{"message":"Too big for this profile."}"#.utf8))
    }
}
