import ExactJSON

/// A location in a JSON document, written `$.content.summary.created`, `$.errors["payload.2.date_filled"]`,
/// `$.data[0]`, `$.data[-1]` or `$.data[*].item`.
///
/// A path is a list of steps from the document's root. A key step looks a member up in an object, an index
/// step an element up in an array (negative indexes count from the end), and a wildcard step fans out to
/// every element of an array or every member value of an object, so a path may select many values.
/// Selecting never fails: a step that does not apply (a key on an array, an index out of range) selects
/// nothing, which is how a scenario sees an absent value.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Segment: Sendable, Hashable {
        /// The value of an object's member with this key (the last one, when the key is duplicated).
        case key(String)
        /// The array element at this position; negative positions count from the end, so -1 is the last.
        case index(Int)
        /// Every element of an array, or every member value of an object, in order.
        case wildcard
    }

    /// The steps from the root, in order.
    public let segments: [Segment]

    /// The path of the document's root, `$`.
    public static let root = JSONPath(segments: [])

    /// Creates the path made of `segments`, taken from the root.
    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// Whether the path can select at most one value, because it has no wildcard.
    public var isDefinite: Bool {
        !segments.contains(.wildcard)
    }

    /// This path followed by a step to the member `key`.
    public func appending(key: String) -> JSONPath {
        JSONPath(segments: segments + [.key(key)])
    }

    /// This path followed by a step to the element at `index` (negative counts from the end).
    public func appending(index: Int) -> JSONPath {
        JSONPath(segments: segments + [.index(index)])
    }

    /// This path followed by a wildcard step.
    public func appendingWildcard() -> JSONPath {
        JSONPath(segments: segments + [.wildcard])
    }

    /// The path in canonical form: `.key` for keys made of letters, digits, `_` and `-`, `["key"]` for the
    /// rest, `[n]` for indexes and `[*]` for wildcards, so parsing the description gives the same path back.
    public var description: String {
        var text = "$"
        for segment in segments {
            switch segment {
            case .key(let key) where JSONPath.isPlainKey(key):
                text += "." + key
            case .key(let key):
                text += "[\"" + JSONPath.escapedKey(key) + "\"]"
            case .index(let index):
                text += "[\(index)]"
            case .wildcard:
                text += "[*]"
            }
        }
        return text
    }

    /// Whether `key` can be written after a dot: non-empty and only letters, digits, `_` and `-`.
    static func isPlainKey(_ key: String) -> Bool {
        !key.isEmpty && key.allSatisfy(isPlainKeyCharacter)
    }

    /// Whether `character` may appear in a key written after a dot.
    static func isPlainKeyCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-"
    }

    /// `key` with `"` and `\` escaped by a backslash, for writing between double quotes.
    private static func escapedKey(_ key: String) -> String {
        var text = ""
        for character in key {
            if character == "\"" || character == "\\" { text.append("\\") }
            text.append(character)
        }
        return text
    }
}

extension JSONPath {
    /// A value found in a document together with the definite path that leads to it.
    public struct Located: Sendable, Equatable {
        /// The value's own path, wildcards and negative indexes resolved, such as `$.data[2].item`.
        public let path: JSONPath
        /// The value found there.
        public let value: JSONValue

        /// Creates a located value.
        public init(path: JSONPath, value: JSONValue) {
            self.path = path
            self.value = value
        }
    }

    /// The values this path selects in `document`, in document order; empty when nothing is there.
    public func select(in document: JSONValue) -> [JSONValue] {
        locate(in: document).map(\.value)
    }

    /// The values this path selects in `document`, each with its own definite path.
    public func locate(in document: JSONValue) -> [Located] {
        var found = [Located(path: .root, value: document)]
        for segment in segments {
            found = found.flatMap { step(segment, from: $0) }
            if found.isEmpty { break }
        }
        return found
    }

    /// The values one `segment` leads to from `origin`.
    private func step(_ segment: Segment, from origin: Located) -> [Located] {
        switch (segment, origin.value) {
        case (.key(let key), .object(let object)):
            guard let value = object[key] else { return [] }
            return [Located(path: origin.path.appending(key: key), value: value)]
        case (.index(let index), .array(let elements)):
            let position = index < 0 ? elements.count + index : index
            guard elements.indices.contains(position) else { return [] }
            return [Located(path: origin.path.appending(index: position), value: elements[position])]
        case (.wildcard, .array(let elements)):
            return elements.enumerated().map { Located(path: origin.path.appending(index: $0), value: $1) }
        case (.wildcard, .object(let object)):
            // Iterate unique keys in first-appearance order; lookup gives each key's last value, as `.key` does.
            var seen: Set<String> = []
            return object.keys.filter { seen.insert($0).inserted }.compactMap { key in
                object[key].map { Located(path: origin.path.appending(key: key), value: $0) }
            }
        default:
            return []
        }
    }
}
