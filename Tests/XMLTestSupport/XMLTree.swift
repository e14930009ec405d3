import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parsed XML element: just enough structure for tests to check the JUnit reports the harness writes,
/// read by Foundation's strict parser so that a report CI would reject fails the test.
public final class XMLTree: NSObject, XMLParserDelegate {
    /// The parser reported an error, the document had no single root, or there was no file.
    public struct Malformed: Error, CustomStringConvertible {
        /// What went wrong.
        public let reason: String

        public var description: String { "not well-formed XML: \(reason)" }
    }

    /// The element's name.
    public let name: String
    /// Its attributes, as the parser decoded them.
    public let attributes: [String: String]
    /// Its child elements in order.
    public private(set) var children: [XMLTree] = []
    /// Its character data, decoded.
    public private(set) var text = ""
    /// The elements open while parsing, innermost last.
    private var stack: [XMLTree] = []
    /// Top-level elements seen.
    private var roots: [XMLTree] = []

    private init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The root element of `text`, or `Malformed` when the parser does not accept all of it.
    public static func parse(_ text: String) throws(Malformed) -> XMLTree {
        try parse(data: Data(text.utf8))
    }

    /// The root element of the file at `path`, or `Malformed` when there is no such file or the parser does
    /// not accept all of it.
    public static func parse(path: String) throws(Malformed) -> XMLTree {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Malformed(reason: "no file at \(path)")
        }
        do {
            return try parse(data: data)
        } catch {
            throw Malformed(reason: "\(path): \(error.reason)")
        }
    }

    private static func parse(data: Data) throws(Malformed) -> XMLTree {
        let builder = XMLTree(name: "#document", attributes: [:])
        let parser = XMLParser(data: data)
        parser.delegate = builder
        // Foundation on Linux can report success with an error recorded (for mismatched tags), so both count.
        let succeeded = parser.parse()
        if !succeeded || parser.parserError != nil {
            throw Malformed(reason: parser.parserError.map { "\($0)" } ?? "parse failed")
        }
        guard builder.roots.count == 1, let root = builder.roots.first, builder.stack.isEmpty else {
            throw Malformed(reason: "\(builder.roots.count) root elements")
        }
        return root
    }

    /// Every element named `name` inside this one, in document order.
    public func all(named name: String) -> [XMLTree] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.all(named: name) }
    }

    // MARK: - XMLParserDelegate

    public func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let element = XMLTree(name: elementName, attributes: attributes)
        if let parent = stack.last {
            parent.children.append(element)
        } else {
            roots.append(element)
        }
        stack.append(element)
    }

    public func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        stack.removeLast()
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}
