import Foundation

/// One way a volatile value (a token, a job id, a timestamp, the tenant's name) is replaced before two
/// runs are compared, so it never shows as a difference by accident; each replacement is reported as a
/// ``Normalization`` naming the rule.
public struct NormalizationRule: Sendable {
    /// Which values the rule looks at.
    public enum Scope: Sendable {
        /// Every string in a body (JSON strings, CSV cells, plain text) and every compared header.
        case everywhere
        /// The body values a path selects, whatever their type (a number becomes a string when replaced).
        case path(PathPattern)
        /// The compared headers whose name matches, without regard to case (`*` for any run: `X-*`).
        case header(String)
    }

    /// How the rule finds what to replace.
    enum Finder: Sendable {
        /// Every match of a regular expression; `$1` in the replacement names a group.
        case expression(NSRegularExpression)
        /// The whole value.
        case wholeValue
        /// The side's own tenant name, as a whole word or a URL path segment.
        case tenant
        /// The side's own base URL.
        case baseURL
    }

    /// The rule's name, shown in every normalization it makes.
    public let name: String
    /// Where it applies.
    public let scope: Scope
    /// What it replaces matches with.
    public let replacement: String
    let finder: Finder

    /// Creates a rule replacing matches of the regular expression `pattern` (NSRegularExpression syntax,
    /// `$1` in `replacement` for a group), or the whole value when `pattern` is nil.
    public init(name: String, scope: Scope = .everywhere, pattern: String?, replacement: String)
        throws(ConfigurationError)
    {
        if let pattern {
            do {
                finder = .expression(try NSRegularExpression(pattern: pattern))
            } catch {
                throw ConfigurationError(
                    kind: .invalid, message: "rule \(name): \(pattern) is not a regular expression")
            }
        } else {
            finder = .wholeValue
        }
        self.name = name
        self.scope = scope
        self.replacement = replacement
    }

    init(name: String, scope: Scope, finder: Finder, replacement: String) {
        self.name = name
        self.scope = scope
        self.finder = finder
        self.replacement = replacement
    }

    /// The regular expression behind the rule, when it has one.
    public var pattern: String? {
        if case .expression(let expression) = finder { return expression.pattern }
        return nil
    }

    /// `text` with the rule applied for a side whose target is `target`, or nil when nothing changed.
    func apply(to text: String, target: NormalizationTarget) -> String? {
        let result: String
        switch finder {
        case .wholeValue:
            result = replacement
        case .expression(let expression):
            result = NormalizationRule.replace(expression, in: text, with: replacement)
        case .tenant:
            guard let expression = target.tenantExpression else { return nil }
            result = NormalizationRule.replace(
                expression, in: text, with: NSRegularExpression.escapedTemplate(for: replacement))
        case .baseURL:
            guard !target.baseURL.isEmpty else { return nil }
            result = text.replacingOccurrences(of: target.baseURL, with: replacement)
        }
        return result == text ? nil : result
    }

    private static func replace(_ expression: NSRegularExpression, in text: String, with template: String) -> String {
        expression.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    /// Whether the rule looks at the body value at `path`.
    func applies(at path: ValuePath) -> Bool {
        switch scope {
        case .everywhere: return true
        case .path(let pattern): return pattern.matches(path)
        case .header: return false
        }
    }

    /// Whether the rule looks at the header `name`.
    func applies(toHeader name: String) -> Bool {
        switch scope {
        case .everywhere: return true
        case .path: return false
        case .header(let glob): return PathPattern.glob(glob.lowercased(), matches: name.lowercased())
        }
    }
}

/// What the target-dependent rules need to know about one side: its base URL and tenant, the regular
/// expression for the tenant made once per scenario.
public struct NormalizationTarget: Sendable {
    /// The base URL, without a final `/`.
    public let baseURL: String
    /// The tenant's name.
    public let tenant: String
    let tenantExpression: NSRegularExpression?

    /// The target of a recorded run.
    public init(_ target: RecordedTarget) {
        self.init(baseURL: target.baseURL, tenant: target.tenant)
    }

    /// A target from its parts.
    public init(baseURL: String, tenant: String) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.tenant = tenant
        // The name as a word of its own or a URL path segment, so `demo` in `integrator@demo.test`
        // stays; a suffix after `-` is kept (`{tenant}-b`, the second tenant a scenario makes).
        tenantExpression =
            tenant.isEmpty
            ? nil
            : try? NSRegularExpression(
                pattern: "(?<![A-Za-z0-9_.@-])" + NSRegularExpression.escapedPattern(for: tenant) + "(?![A-Za-z0-9_.@])"
            )
    }
}
