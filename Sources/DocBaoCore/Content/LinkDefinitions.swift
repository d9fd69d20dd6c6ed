/// Markdown's link reference definitions: a line `[label]: address` (an optional title in
/// quotes or brackets after it) gives the address that `[text][label]`, `[label][]` and
/// `[label]` stand for, anywhere in the article. The definition lines themselves are not
/// shown.
///
/// Unlike CommonMark, a definition is one line and stands on its own wherever it is (outside
/// code and quotes), even right under a line of prose: a paragraph never ends in a line
/// that is nothing but a label, a colon and one address. Labels match without regard to case
/// or to how spaces run inside them; where a label is defined twice, the first one counts.
public struct LinkDefinitions: Sendable {
    /// Addresses by normalised label. Nil until the first definition, so that an article
    /// without any never builds a dictionary.
    private var addresses: [String: [UInt8]]?
    /// The normalised labels of the footnotes defined (see `Footnotes`); nil until the first.
    private var footnotes: Set<String>?

    public static let none = LinkDefinitions()

    /// Whether no link is defined (footnotes aside).
    public var isEmpty: Bool { addresses?.isEmpty ?? true }

    /// Whether neither a link nor a footnote is defined.
    public var definesNothing: Bool { isEmpty && (footnotes?.isEmpty ?? true) }

    /// Notes that a footnote is defined for `label`.
    mutating func addFootnote(label: String) {
        if footnotes == nil { footnotes = [] }
        footnotes!.insert(Self.normalised(label))
    }

    /// Whether a footnote is defined for `label` (as written).
    func definesFootnote<Label: Collection<UInt8>>(_ label: Label) -> Bool {
        guard let footnotes else { return false }
        return footnotes.contains(Self.normalised(String(decoding: label, as: UTF8.self)))
    }

    /// Adds a definition, unless its label has one already.
    mutating func add(label: String, address: [UInt8]) {
        add(key: Self.normalised(label), address: address)
    }

    /// Adds every definition of `other` whose label has none here.
    mutating func add(_ other: LinkDefinitions) {
        for (key, address) in other.addresses ?? [:] { add(key: key, address: address) }
        for key in other.footnotes ?? [] { addFootnote(label: key) }
    }

    private mutating func add(key: String, address: [UInt8]) {
        if addresses == nil { addresses = [:] }
        if addresses![key] == nil { addresses![key] = address }
    }

    /// The address a label (as written, markup and all) stands for.
    func address<Label: Collection<UInt8>>(for label: Label) -> [UInt8]? {
        guard let addresses, !label.isEmpty, label.count <= Self.longestLabel else { return nil }
        return addresses[Self.normalised(String(decoding: label, as: UTF8.self))]
    }

    /// CommonMark's limit on a label, in characters; here in bytes, which only lets fewer by.
    static let longestLabel = 999

    /// A label as labels are compared: lower case, runs of spaces as one space, none at the
    /// ends.
    static func normalised(_ label: String) -> String {
        label.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// The label and address of a line that is a definition, or nil: `[label]:` with a label
    /// that has something in it and no unescaped bracket, then an address (in `<…>`, or a run
    /// of characters that are not spaces), then at most a title (`"…"`, `'…'` or `(…)`) and
    /// nothing else. `line` is trimmed.
    static func definition(_ line: String) -> (label: String, address: [UInt8])? {
        guard line.utf8.first == UInt8(ascii: "[") else { return nil }
        let b = Array(line.utf8)
        var i = 1
        while i < b.count, b[i] != UInt8(ascii: "]") {
            if b[i] == UInt8(ascii: "[") { return nil }
            i += b[i] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard i + 1 < b.count, b[i + 1] == UInt8(ascii: ":"), i - 1 <= longestLabel else { return nil }
        let label = String(decoding: b[1..<i], as: UTF8.self)
        // `[^label]:` defines a footnote (see `Footnotes`), whatever follows it.
        guard !normalised(label).isEmpty, b[1] != UInt8(ascii: "^") else { return nil }
        var j = skipSpaces(b, i + 2)
        var address: [UInt8] = []
        if j < b.count, b[j] == UInt8(ascii: "<") {
            j += 1
            while j < b.count, b[j] != UInt8(ascii: ">") {
                if b[j] == UInt8(ascii: "<") { return nil }
                address.append(b[j])
                j += 1
            }
            guard j < b.count else { return nil }
            j += 1
        } else {
            while j < b.count, !isSpace(b[j]) {
                address.append(b[j])
                j += 1
            }
            guard !address.isEmpty else { return nil }
        }
        let afterAddress = j
        j = skipSpaces(b, j)
        if j < b.count {
            // A title, set off from the address by a space: shown nowhere, but it must close.
            let close: UInt8
            switch b[j] {
            case UInt8(ascii: "\""): close = UInt8(ascii: "\"")
            case UInt8(ascii: "'"): close = UInt8(ascii: "'")
            case UInt8(ascii: "("): close = UInt8(ascii: ")")
            default: return nil
            }
            guard j > afterAddress else { return nil }
            j += 1
            while j < b.count, b[j] != close { j += b[j] == UInt8(ascii: "\\") ? 2 : 1 }
            guard j < b.count, skipSpaces(b, j + 1) == b.count else { return nil }
        }
        return (label, HTMLInline.decodingReferences(address))
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    private static func skipSpaces(_ b: [UInt8], _ i: Int) -> Int {
        var j = i
        while j < b.count, isSpace(b[j]) { j += 1 }
        return j
    }
}
