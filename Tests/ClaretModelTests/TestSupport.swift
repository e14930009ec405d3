import ClaretModel
import ExactJSON
import Foundation

/// The 422 body the standard profile renders for `errors`, parsed back so tests compare JSON, not bytes.
func laravelBody(_ errors: ValidationErrors, profile: BehaviourProfile = .standard) throws -> JSONValue {
    let response = profile.response(
        .validationFailed, ["message": .string(errors.summary(using: profile)), "errors": errors.errorsObject])
    return try JSONParser.parse(response.body)
}

/// The keys of a validation failure in the order they were found.
func keys(of errors: ValidationErrors) -> [String] {
    errors.entries.map(\.key)
}

/// A fresh directory under the system temporary directory; call `remove()` when done (usually in a `defer`).
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("claret-model-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Writes `text` as UTF-8 to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
