/// A value bound to a statement parameter or read from a result column, in one of SQLite's five storage classes.
public enum SQLValue: Sendable, Equatable {
    /// SQL NULL.
    case null
    /// A 64-bit signed integer.
    case integer(Int64)
    /// An IEEE 754 double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Raw bytes.
    case blob([UInt8])

    /// Text, or NULL when `value` is nil.
    public init(_ value: String?) {
        self = value.map { .text($0) } ?? .null
    }

    /// An integer, or NULL when `value` is nil.
    public init(_ value: Int?) {
        self = value.map { .integer(Int64($0)) } ?? .null
    }

    /// An integer, or NULL when `value` is nil.
    public init(_ value: Int64?) {
        self = value.map { .integer($0) } ?? .null
    }

    /// A real, or NULL when `value` is nil.
    public init(_ value: Double?) {
        self = value.map { .real($0) } ?? .null
    }

    /// 1 for true, 0 for false (SQLite has no boolean type), or NULL when `value` is nil.
    public init(_ value: Bool?) {
        self = value.map { .integer($0 ? 1 : 0) } ?? .null
    }

    /// A blob, or NULL when `value` is nil.
    public init(_ value: [UInt8]?) {
        self = value.map { .blob($0) } ?? .null
    }

    /// Whether this is SQL NULL.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension SQLValue: ExpressibleByStringLiteral {
    /// A text value from a string literal.
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension SQLValue: ExpressibleByIntegerLiteral {
    /// An integer value from an integer literal.
    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }
}

extension SQLValue: ExpressibleByFloatLiteral {
    /// A real value from a float literal.
    public init(floatLiteral value: Double) {
        self = .real(value)
    }
}

extension SQLValue: ExpressibleByBooleanLiteral {
    /// 1 or 0 from a boolean literal.
    public init(booleanLiteral value: Bool) {
        self = .integer(value ? 1 : 0)
    }
}

extension SQLValue: ExpressibleByNilLiteral {
    /// NULL from the `nil` literal.
    public init(nilLiteral: ()) {
        self = .null
    }
}
