import CYAML

/// Runs libyaml's event parser over UTF-8 bytes and hands each event, as a ``YAMLEvent``, to a builder.
///
/// The only code in the module that touches libyaml.
enum LibYAMLEventReader {
    /// Feeds the events of `input` to `builder` until the stream ends or the builder throws.
    ///
    /// `input` must not start with a byte order mark: libyaml would count it as a column.
    static func read(_ input: UnsafeBufferPointer<UInt8>, into builder: inout TreeBuilder) throws(YAMLError) {
        // The parser lives on the heap, not in a Swift variable: yaml_parser_set_input_string stores a
        // pointer to the parser struct itself, which must stay put until yaml_parser_delete.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLError(kind: .tooLarge, message: "libyaml could not allocate its parser", position: .start)
        }
        // Frees the parser's buffers, token queue and stacks, whether parsing finished or failed.
        defer { yaml_parser_delete(parser) }
        // A fixed encoding stops libyaml reading a UTF-16 byte order mark as a reason to decode UTF-16.
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)
        while !builder.isFinished {
            var event = yaml_event_t()
            // yaml_parser_parse zeroes the event before filling it, so deleting is safe even after a failure.
            defer { yaml_event_delete(&event) }
            guard yaml_parser_parse(parser, &event) == 1 else {
                throw error(of: parser.pointee, in: input)
            }
            try builder.consume(translate(event))
        }
    }

    /// The Swift form of a libyaml event; strings are copied out, so it outlives `yaml_event_delete`.
    static func translate(_ event: yaml_event_t) -> YAMLEvent {
        let position = SourcePosition(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(position)
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            let scalar = YAMLScalar(
                text: text, isPlain: data.style == YAML_PLAIN_SCALAR_STYLE, tag: string(data.tag))
            return .scalar(scalar, anchor: string(data.anchor), at: position)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            return .sequenceStart(anchor: string(data.anchor), tag: string(data.tag), at: position)
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            return .mappingStart(anchor: string(data.anchor), tag: string(data.tag), at: position)
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd
        case YAML_ALIAS_EVENT:
            return .alias(string(event.data.alias.anchor) ?? "", at: position)
        case YAML_STREAM_END_EVENT:
            return .streamEnd
        default:
            return .ignored
        }
    }

    /// A copy of a NUL-terminated libyaml string, or nil for a null pointer.
    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }

    /// The error libyaml recorded in `parser` after a failed parse, with its position in `input`.
    static func error(of parser: yaml_parser_t, in input: UnsafeBufferPointer<UInt8>) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "libyaml could not parse the text"
        switch parser.error {
        case YAML_READER_ERROR:
            // Reader errors (bad UTF-8, control characters) carry a byte offset and the offending value, no mark.
            var message = problem
            if parser.problem_value >= 0 {
                let value = String(parser.problem_value, radix: 16, uppercase: true)
                message +=
                    problem.contains("octet")
                    ? " (0x\(value))" : " (U+\(String(repeating: "0", count: max(0, 4 - value.count)))\(value))"
            }
            return YAMLError(
                kind: .encoding, message: message,
                position: SourcePosition(byteOffset: parser.problem_offset, in: input))
        case YAML_MEMORY_ERROR:
            return YAMLError(kind: .tooLarge, message: "libyaml ran out of memory", position: .start)
        default:
            let position = SourcePosition(parser.problem_mark)
            var message = problem
            if let context = parser.context.map({ String(cString: $0) }) {
                let contextPosition = SourcePosition(parser.context_mark)
                message +=
                    contextPosition == position
                    ? " (\(context))" : " (\(context) that starts at \(contextPosition))"
            }
            if problem == "found invalid Unicode character escape code" {
                // libyaml refuses JSON's surrogate-pair escapes; say what to write instead.
                message += "; write a character beyond U+FFFF as itself or as \\U0001F600, not as a \\u surrogate pair"
            }
            return YAMLError(kind: .syntax, message: message, position: position)
        }
    }
}

extension SourcePosition {
    /// The 1-based position of a 0-based libyaml mark.
    init(_ mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}
