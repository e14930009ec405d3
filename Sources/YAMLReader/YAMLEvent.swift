/// One libyaml parser event in Swift terms, so the tree builder never touches C.
enum YAMLEvent: Sendable, Equatable {
    /// A document begins, explicitly with `---` or implicitly with its first node.
    case documentStart(SourcePosition)
    /// A scalar with its decoded text, plain-ness, anchor and tag.
    case scalar(YAMLScalar, anchor: String?, at: SourcePosition)
    /// A sequence begins.
    case sequenceStart(anchor: String?, tag: String?, at: SourcePosition)
    /// The innermost open sequence ends.
    case sequenceEnd
    /// A mapping begins.
    case mappingStart(anchor: String?, tag: String?, at: SourcePosition)
    /// The innermost open mapping ends.
    case mappingEnd
    /// An alias `*name`.
    case alias(String, at: SourcePosition)
    /// The text ends.
    case streamEnd
    /// Stream start and document end, which carry nothing the tree needs.
    case ignored
}
