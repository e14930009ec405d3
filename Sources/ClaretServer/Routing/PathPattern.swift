/// A path template such as `/{tenant}/api/v1/imports/status/{job}`; `{name}` matches one segment.
struct PathPattern: Sendable, CustomStringConvertible {
    private enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    private let segments: [Segment]
    let description: String

    init(_ template: String) {
        description = template
        segments = template.split(separator: "/", omittingEmptySubsequences: true).map { part in
            part.hasPrefix("{") && part.hasSuffix("}")
                ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
    }

    /// The parameters when `path` matches, else nil. A trailing slash is tolerated, as Laravel does.
    func match(_ path: String) -> [String: String]? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text):
                guard text == part else { return nil }
            case .parameter(let name):
                parameters[name] = String(part)
            }
        }
        return parameters
    }
}
