/// A small JSON value with a writer that keeps key order, so `docbao parse` prints keys in the
/// documented order and nulls explicitly.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    public static func optional(_ n: Int?) -> JSONValue { n.map(JSONValue.int) ?? .null }

    /// Pretty-printed with two-space indentation.
    public func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let n): return String(n)
        case .string(let s): return Self.quote(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { pad + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n\(closePad)]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { pad + Self.quote($0.0) + ": " + $0.1.rendered(indent: indent + 1) }
                .joined(separator: ",\n") + "\n\(closePad)}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension Article {
    /// The loader's result in the shape `docbao parse` prints.
    public var json: JSONValue {
        var all: [Block] = []
        forEachBlock { all.append($0) }
        return .object([
            ("kicker", .optional(kicker)),
            ("title", .optional(title)),
            ("source", .optional(source)),
            ("author", .optional(author)),
            ("published", .optional(published)),
            ("rating", rating.map { .object([("points", .int($0.points)), ("votes", .int($0.votes))]) } ?? .null),
            ("pageStats", pageStats.map {
                .object([
                    ("today", .optional($0.today)), ("yesterday", .optional($0.yesterday)),
                    ("month", .optional($0.month)), ("year", .optional($0.year)), ("total", .optional($0.total)),
                ])
            } ?? .null),
            ("blocks", .array(all.map { .object([("kind", .string($0.kind.jsonName)), ("text", .string($0.text))]) })),
            ("removed", .array(removed.map(JSONValue.string))),
            ("warnings", .array(warnings.map(JSONValue.string))),
        ])
    }
}

extension Block.Kind {
    /// The kind as `parse` prints it. Its output allows four kinds (issue #2): a list item,
    /// verse or a quote is printed as the paragraph it was before they were told apart (an
    /// item's text starts with its marker, verse holds its line ends), so tools see no new value.
    var jsonName: String {
        switch self {
        case .item, .itemParagraph, .verse, .quote, .preformatted, .sectionBreak: return Block.Kind.paragraph.rawValue
        default: return rawValue
        }
    }
}
