/// Where a compared value is: in a JSON body (`$.content.summary.created`), a CSV body
/// (`csv[row 2].quantity`) or the final state's rows (`state.rows[0].quantity`).
struct ValuePath: Sendable, Hashable, CustomStringConvertible {
    /// The document a path starts in.
    enum Root: String, Sendable, Hashable {
        /// A JSON body, written `$`.
        case json = "$"
        /// A CSV body, written `csv`; indexes are 1-based data rows, written `[row n]`.
        case csv
        /// The final state check, written `state`.
        case state
    }

    /// One step: an object member (or CSV column) or an array element (or CSV row).
    enum Segment: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    var root: Root
    var segments: [Segment]

    static let json = ValuePath(root: .json, segments: [])
    static let csv = ValuePath(root: .csv, segments: [])
    static let state = ValuePath(root: .state, segments: [])

    /// This path followed by the member or column `key`.
    func appending(key: String) -> ValuePath {
        ValuePath(root: root, segments: segments + [.key(key)])
    }

    /// This path followed by the element or row `index`.
    func appending(index: Int) -> ValuePath {
        ValuePath(root: root, segments: segments + [.index(index)])
    }

    /// `.key` for keys of letters, digits, `_` and `-`, `["key"]` otherwise; `[n]`, or `[row n]` in a CSV body.
    var description: String {
        var text = root.rawValue
        for segment in segments {
            switch segment {
            case .key(let key) where ValuePath.isPlainKey(key):
                text += "." + key
            case .key(let key):
                text +=
                    "[\""
                    + key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    + "\"]"
            case .index(let index):
                text += root == .csv ? "[row \(index)]" : "[\(index)]"
            }
        }
        return text
    }

    /// Whether `key` can follow a dot.
    static func isPlainKey(_ key: String) -> Bool {
        !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }
}
