import ClaretModel
import ClaretServer
import ClaretStore
import ExactJSON
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A CSV upload as a form: the switches (all true unless given) plus the file.
private func uploadForm(
    _ csv: String, filename: String = "inventory.csv", fields: [String: String] = [:]
) -> FormData {
    var all = [
        "source": "api", "allow_record_creation": "true", "allow_record_update": "true",
        "should_continue_on_error": "true",
    ]
    all.merge(fields) { $1 }
    return FormData(
        fields: all, files: ["file": FormFile(filename: filename, contentType: "text/csv", data: Array(csv.utf8))])
}

extension TestMock {
    /// Uploads a CSV as multipart, in-process.
    fileprivate func upload(_ form: FormData, headers: [(String, String)]? = nil) -> Reply {
        send(
            "POST", "/demo/api/v1/inventory/import/process",
            headers: [("Content-Type", "multipart/form-data; boundary=x")] + (headers ?? apiHeaders), form: form)
    }

    /// The job's status body.
    fileprivate func status(_ id: Int, headers: [(String, String)]? = nil) -> Reply {
        get("/demo/api/v1/imports/status/\(id)", headers: headers)
    }
}

@Suite("CSV uploads are queued as jobs, processed in the background, and leave their files")
struct CSVUploadTests {
    let header = "item_name,bin_name,lot_name,date_filled,quantity,uom,lot_status\n"

    @Test("an upload answers 202 queued with a job id, and the job applies the rows once processed")
    func uploadIsQueuedThenApplied() throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.upload(uploadForm(header + "124,SS-02,FG-GEN-LOT,2024-03-01,12.345,gal,ok\n"))
        #expect(reply.status == 202)
        #expect(reply.message == "Inventory import queued.")
        let id = try #require(reply.json["content"]?["job_log_id"]?.number?.int)
        #expect(reply.json["content"]?["status"] == "queued")
        #expect(
            reply.json["content"]?["job_status_link"]?.string
                == "http://claret.test:8080/demo/settings/application-maintenance/job-management/imports/logs/\(id)")
        // Nothing is applied before the worker runs.
        #expect(mock.row(item: "124", bin: "SS-02", lot: "FG-GEN-LOT", date: "2024-03-01") == nil)
        let queued = mock.status(id).json["content"]
        #expect(queued?["status"] == "queued")
        #expect(queued?["files"]?["input"]?.array?.count == 1)
        #expect(queued?["files"]?["errors"]?.array?.isEmpty == true)

        try mock.mock.jobs.drain()
        let done = mock.status(id).json["content"]
        #expect(done?["status"] == "completed")
        #expect(done?["progress"]?["completed_steps"] == 8)
        #expect(done?["progress"]?["current_step"] == .null)
        #expect(done?["timestamps"]?["completed_at"]?.string != nil)
        #expect(done?["user_id"] == 1)
        let row = mock.row(item: "124", bin: "SS-02", lot: "FG-GEN-LOT", date: "2024-03-01")
        #expect(row?["quantity"]?.number?.text == "12.345")
        #expect(row?["uom"] == "Gallon")
    }

    @Test("quoted cells, CRLF, a BOM, free column order and unknown columns are all read")
    func csvQuirks() throws {
        let mock = try TestMock.loggedIn()
        let csv =
            "\u{FEFF}uom,quantity,\"bin_name\",extra,item_name,lot_name,date_filled\r\n"
            + "gal,\"7.5\",\"South, Storage\",\"a \"\"quoted\"\"\nvalue\",124,FG-GEN-LOT,2024-04-01\r\n"
            + "gal,2,Refrigerator,x,124,FG-GEN-LOT,2024-04-02\r\n"
        let id = try #require(mock.upload(uploadForm(csv)).json["content"]?["job_log_id"]?.number?.int)
        try mock.mock.jobs.drain()
        let content = mock.status(id).json["content"]
        // "South, Storage" is not a bin: the quoted comma stayed inside the cell.
        #expect(content?["status"] == "completed_with_errors")
        #expect(mock.row(item: "124", bin: "Refrigerator", lot: "FG-GEN-LOT", date: "2024-04-02") != nil)
        let errorsPath = try #require(content?["files"]?["errors"]?[0]?.string)
        let errors = mock.get(errorsPath)
        #expect(errors.status == 200)
        #expect(errors.header("Content-Type")?.hasPrefix("text/csv") == true)
        #expect(
            errors.text
                == "item_name,bin_name,lot_name,date_filled,quantity,uom,error\r\n"
                + "124,\"South, Storage\",FG-GEN-LOT,2024-04-01,7.5,gal,\"Bin 'South, Storage' does not exist.\"\r\n")
    }

    @Test("the mapping field maps record fields to the file's own headers")
    func mapping() throws {
        let mock = try TestMock.loggedIn()
        let csv = "Item,Bin,Lot,Filled,Qty,Unit\n124,SS-03,FG-GEN-LOT,2024-05-01,4,9LE\n"
        let mapping =
            #"{"item_name":"Item","bin_name":"Bin","lot_name":"Lot","date_filled":"Filled","quantity":"Qty","uom":"Unit"}"#
        let reply = mock.upload(uploadForm(csv, fields: ["mapping": mapping]))
        #expect(reply.status == 202)
        try mock.mock.jobs.drain()
        #expect(mock.row(item: "124", bin: "SS-03", lot: "FG-GEN-LOT", date: "2024-05-01")?["uom"] == "9LE Case")
    }

    @Test("a file missing a required column is refused up front with 422 and no job")
    func missingColumn() throws {
        let mock = try TestMock.loggedIn()
        let reply = mock.upload(
            uploadForm("item_name,bin_name,lot_name,date_filled,uom\n124,SS-03,FG-GEN-LOT,2024-05-01,gal\n"))
        #expect(reply.status == 422)
        #expect(reply.validationErrors == ["file": ["The file field must have the quantity column."]])
        #expect(mock.get("/__harness/tenants/demo/jobs").json["data"]?.array?.isEmpty == true)
    }

    @Test("more than 1000 data rows are refused under payload, as for JSON")
    func tooManyRows() throws {
        let mock = try TestMock.loggedIn()
        var csv = header
        for day in 0..<1001 { csv += "124,SS-03,FG-GEN-LOT,2024-01-01,\(day + 1),gal,\n" }
        let reply = mock.upload(uploadForm(csv))
        #expect(reply.status == 422)
        #expect(reply.validationErrors == ["payload": ["The payload field must not have more than 1000 items."]])
    }

    @Test("no file, a broken CSV and bad switches are 422s naming each field")
    func upFrontChecks() throws {
        let mock = try TestMock.loggedIn()
        var noFile = uploadForm("")
        noFile.files = [:]
        #expect(mock.upload(noFile).validationErrors == ["file": ["The file field is required."]])

        let broken = mock.upload(uploadForm(header + "124,\"SS-03,FG\n"))
        #expect(broken.status == 422)
        #expect(broken.validationErrors["file"]?.first?.hasPrefix("The file field must be a valid CSV file: ") == true)

        let invalidUTF8 = FormData(
            fields: uploadForm("").fields,
            files: ["file": FormFile(filename: "x.csv", data: Array(header.utf8) + [0xff, 0xfe, 0x0a])])
        #expect(mock.upload(invalidUTF8).status == 422)

        let switches = mock.upload(uploadForm(header, fields: ["allow_record_creation": "yes", "source": "ftp"]))
        #expect(
            switches.validationErrors == [
                "source": ["The selected source is invalid."],
                "allow_record_creation": ["The allow record creation field must be true or false."],
            ])
    }

    @Test("a header with no rows makes a job that completes with 0 records")
    func emptyFile() throws {
        let mock = try TestMock.loggedIn()
        let id = try #require(mock.upload(uploadForm(header)).json["content"]?["job_log_id"]?.number?.int)
        try mock.mock.jobs.drain()
        #expect(mock.status(id).json["content"]?["status"] == "completed")
    }

    @Test("a bad cell is a record error inside the job; with continue-on-error false nothing is applied")
    func badCellStopsTheJob() throws {
        let mock = try TestMock.loggedIn()
        let csv = header + "124,SS-03,FG-GEN-LOT,2024-06-01,5,gal,\n124,SS-03,FG-GEN-LOT,2024-06-02,-1,gal,\n"
        let id = try #require(
            mock.upload(uploadForm(csv, fields: ["should_continue_on_error": "0"])).json["content"]?["job_log_id"]?
                .number?.int)
        try mock.mock.jobs.drain()
        let content = mock.status(id).json["content"]
        #expect(content?["status"] == "failed")
        #expect(mock.row(item: "124", bin: "SS-03", lot: "FG-GEN-LOT", date: "2024-06-01") == nil)
        let output = mock.get(try #require(content?["files"]?["output"]?[0]?.string))
        #expect(output.text == "item_name,bin_name,lot_name,date_filled,quantity,uom\r\n")
        let errors = mock.get(try #require(content?["files"]?["errors"]?[0]?.string))
        #expect(errors.text.hasSuffix(",The quantity field must be greater than 0.\r\n"))
    }

    @Test("a non-admin cannot see another user's job or its files; the admin can see the viewer's")
    func visibility() throws {
        let mock = try TestMock.loggedIn()
        let adminJob = try #require(mock.upload(uploadForm(header)).json["content"]?["job_log_id"]?.number?.int)
        try mock.mock.jobs.drain()
        let viewer = try mock.login(email: DemoUser.viewerEmail, password: DemoUser.viewerPassword)
        let viewerHeaders = [("X-Requested-With", "XMLHttpRequest"), ("Authorization", "Bearer \(viewer)")]
        let hidden = mock.status(adminJob, headers: viewerHeaders)
        #expect(hidden.status == 404)
        #expect(hidden.message == "Job log not found.")
        let input = try #require(mock.status(adminJob).json["content"]?["files"]?["input"]?[0]?.string)
        #expect(mock.get(input, headers: viewerHeaders).status == 404)
        #expect(mock.get(input).text == header)

        let viewerJob = try #require(
            mock.upload(uploadForm(header), headers: viewerHeaders).json["content"]?["job_log_id"]?.number?.int)
        #expect(mock.status(viewerJob, headers: viewerHeaders).json["content"]?["user_id"] == 2)
        #expect(mock.status(viewerJob).status == 200)
    }

    @Test("job files are served only on the exact paths the job lists")
    func filePathsAreChecked() throws {
        let mock = try TestMock.loggedIn()
        let id = try #require(mock.upload(uploadForm(header)).json["content"]?["job_log_id"]?.number?.int)
        let input = try #require(mock.status(id).json["content"]?["files"]?["input"]?[0]?.string)
        let sneaky = input.replacingOccurrences(of: "_untouched.csv", with: "_../../secret.csv")
        #expect(mock.get(sneaky).status == 404)
        #expect(mock.get(input.replacingOccurrences(of: "/\(id)/", with: "/999/")).status == 404)
    }
}

@Suite("CSV uploads over real HTTP", .serialized)
struct LiveCSVUploadTests {
    @Test("a multipart upload made like curl -F is queued, polled to completion, and its files downloaded")
    func uploadOverHTTP() async throws {
        let store = try Store.temporary()
        try store.install(SeedFile.builtIn())
        let service = MockService(store: store, port: 0, jobProcessingTime: 0.3)
        try service.start()
        defer { service.stop() }
        // Held until the client has seen the job unfinished: the test must not race the worker.
        service.mock.jobs.hold()
        let base = try #require(service.baseURL)
        let session = URLSession(configuration: .ephemeral)

        var login = URLRequest(
            url: try #require(
                URL(string: "\(base)/demo/api/v1/tokens/create?email=integrator@demo.test&password=demo-password")))
        login.httpMethod = "POST"
        let (tokenData, _) = try await session.data(for: login)
        let token = try #require(try JSONParser.parse(Array(tokenData))["token"]?.string)

        let boundary = "----claret-live-test"
        var body = ""
        for (name, value) in [
            ("source", "api"), ("allow_record_creation", "true"), ("allow_record_update", "true"),
            ("should_continue_on_error", "true"),
        ] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"inventory.csv\"\r\n"
        body += "Content-Type: text/csv\r\n\r\nitem_name,bin_name,lot_name,date_filled,quantity,uom\r\n"
        body += "122-16,FG-GEN-BIN,FG-GEN-LOT,2024-07-01,24,9LE\r\n--\(boundary)--\r\n"
        var upload = URLRequest(url: try #require(URL(string: "\(base)/demo/api/v1/inventory/import/process")))
        upload.httpMethod = "POST"
        upload.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        upload.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        upload.setValue("XMLHttpRequest", forHTTPHeaderField: "X-Requested-With")
        upload.httpBody = Data(body.utf8)
        let (queuedData, queuedResponse) = try await session.data(for: upload)
        #expect((queuedResponse as? HTTPURLResponse)?.statusCode == 202)
        let id = try #require(try JSONParser.parse(Array(queuedData))["content"]?["job_log_id"]?.number?.int)

        var seen: [String] = []
        var content: JSONValue = .null
        for attempt in 0..<200 {
            if attempt == 1 { service.mock.jobs.release() }
            var poll = URLRequest(url: try #require(URL(string: "\(base)/demo/api/v1/imports/status/\(id)")))
            poll.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            poll.setValue("XMLHttpRequest", forHTTPHeaderField: "X-Requested-With")
            let (data, _) = try await session.data(for: poll)
            content = try JSONParser.parse(Array(data))["content"] ?? .null
            let status = content["status"]?.string ?? "?"
            if seen.last != status { seen.append(status) }
            if status == "completed" { break }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        // The client had to poll: the job was seen queued before it completed.
        #expect(seen.first == "queued")
        #expect(seen.last == "completed")
        let final = try #require(content["files"]?["output"]?[0]?.string)
        var download = URLRequest(url: try #require(URL(string: base + final)))
        download.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (finalData, _) = try await session.data(for: download)
        #expect(
            String(decoding: finalData, as: UTF8.self)
                == "item_name,bin_name,lot_name,date_filled,quantity,uom\r\n122-16,FG-GEN-BIN,FG-GEN-LOT,2024-07-01,24,9LE\r\n"
        )
    }
}
