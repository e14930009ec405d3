import ExactJSON
import Foundation
import Testing

@Suite("claret-harness serve, as a process", .serialized)
struct ServeCommandEndToEndTests {
    let login = "tokens/create?email=integrator@demo.test&password=demo-password"
    let ajax = ["X-Requested-With": "XMLHttpRequest", "Content-Type": "application/json"]

    private func token(_ server: ServerProcess) async throws -> String {
        let reply = try await HTTP.call("POST", "\(server.baseURL)/demo/api/v1/\(login)")
        return try #require(reply.json["token"]?.string)
    }

    private func inventory(_ server: ServerProcess) async throws -> [JSONValue] {
        try await HTTP.call("GET", "\(server.baseURL)/__harness/tenants/demo/inventory").json["data"]?.array ?? []
    }

    @Test("data written before SIGTERM is still there after a restart on the same --data")
    func dataSurvivesRestart() async throws {
        let folder = try TemporaryFolder()
        let first = try ServerProcess(["--data", folder.path])
        let token = try await token(first)
        let body = #"""
            {"source":"api","arguments":{"allow_record_creation":true,"allow_record_update":true,"should_continue_on_error":false},
             "payload":[{"item_name":"124","bin_name":"SS-02","lot_name":"FG-GEN-LOT","date_filled":"2024-05-01","quantity":"12.345","uom":"gal"}]}
            """#
        let imported = try await HTTP.call(
            "POST", "\(first.baseURL)/demo/api/v1/inventory/import/process",
            headers: ajax.merging(["Authorization": "Bearer \(token)"]) { $1 }, body: Array(body.utf8))
        #expect(imported.json["content"]?["summary"]?["created"] == 1)
        #expect(first.terminate() == 0)

        let second = try ServerProcess(["--data", folder.path])
        let rows = try await inventory(second)
        #expect(rows.count == 2)
        let added = rows.first { $0["item"] == "124" }
        #expect(added?["quantity"]?.number?.text == "12.345")
        // The token issued before the restart still works: tokens live in the store, not in memory.
        let status = try await HTTP.call(
            "GET", "\(second.baseURL)/demo/api/v1/imports/status/1",
            headers: ["Authorization": "Bearer \(token)", "Accept": "application/json"])
        #expect(status.json["content"]?["status"] == "completed")
        #expect(second.terminate() == 0)
    }

    @Test("a CSV job still queued at shutdown is processed after the restart")
    func queuedJobSurvivesRestart() async throws {
        let folder = try TemporaryFolder()
        let first = try ServerProcess(["--data", folder.path, "--job-delay", "1500"])
        let token = try await token(first)
        let csv = "item_name,bin_name,lot_name,date_filled,quantity,uom\n124,SS-03,FG-GEN-LOT,2024-06-01,3,gal\n"
        var ids: [Int] = []
        for day in ["01", "02"] {
            let form = HTTP.multipart(
                fields: [
                    ("source", "api"), ("allow_record_creation", "true"), ("allow_record_update", "true"),
                    ("should_continue_on_error", "true"),
                ],
                file: ("file", "day\(day).csv", csv.replacingOccurrences(of: "2024-06-01", with: "2024-06-\(day)")))
            let queued = try await HTTP.call(
                "POST", "\(first.baseURL)/demo/api/v1/inventory/import/process",
                headers: [
                    "Authorization": "Bearer \(token)", "Accept": "application/json", "Content-Type": form.contentType,
                ],
                body: form.body)
            #expect(queued.status == 202)
            ids.append(try #require(queued.json["content"]?["job_log_id"]?.number?.int))
        }
        // Stop while the first job is in hand and the second is still waiting.
        #expect(first.terminate() == 0)

        let second = try ServerProcess(["--data", folder.path, "--job-delay", "0"])
        var statuses: [String] = []
        for _ in 0..<100 {
            statuses = []
            for id in ids {
                let reply = try await HTTP.call(
                    "GET", "\(second.baseURL)/demo/api/v1/imports/status/\(id)",
                    headers: ["Authorization": "Bearer \(token)", "Accept": "application/json"])
                statuses.append(reply.json["content"]?["status"]?.string ?? "?")
            }
            if statuses.allSatisfy({ $0 == "completed" }) { break }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        #expect(statuses == ["completed", "completed"])
        let dates = try await inventory(second).filter { $0["item"] == "124" }.compactMap { $0["date_filled"]?.string }
        #expect(dates == ["2024-06-01", "2024-06-02"])
        #expect(second.terminate() == 0)
    }

    @Test("a seed that names an unknown bin is refused at start-up with file, entry and reason")
    func badSeedIsRefused() throws {
        let folder = try TemporaryFolder()
        let seed = "\(folder.path)/seed.json"
        let text = #"""
            {"tenants": {"acme": {"items": ["A"], "lots": ["L"], "uoms": [{"name": "Each", "abbreviation": "ea"}],
              "locations": [{"name": "W", "areas": [{"name": "Z", "bins": ["B1"]}]}],
              "inventory": [{"item_name": "A", "bin_name": "B9", "lot_name": "L", "date_filled": "2024-01-01", "quantity": 1, "uom": "ea"}]}}}
            """#
        try text.write(toFile: seed, atomically: true, encoding: .utf8)
        let result = try Binary.run(["serve", "--port", "0", "--seed", seed])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(seed): tenants.acme.inventory[0]: unknown bin 'B9'"))
    }

    @Test("a mistyped option exits 64 and suggests the right one")
    func usageErrorsExit64() throws {
        let result = try Binary.run(["serve", "--prot", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown option '--prot'"))
        #expect(result.stderr.contains("--port"))
    }

    @Test("--version prints the version and exits 0")
    func version() throws {
        let result = try Binary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test("a busy port is reported with a way out, exit 1")
    func busyPort() async throws {
        let running = try ServerProcess([])
        let port = try #require(running.baseURL.split(separator: ":").last.map(String.init))
        let result = try Binary.run(["serve", "--port", port])
        #expect(result.status == 1)
        #expect(result.stderr.contains("address already in use"))
        #expect(running.terminate() == 0)
    }
}
