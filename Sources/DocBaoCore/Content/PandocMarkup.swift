/// The parts of Pandoc's Markdown that `pandoc -t markdown` writes when it converts a web page,
/// and that would otherwise be shown as written: attributes in braces after a heading, a link,
/// an image, a code span or a bracketed span (`{#id .class key="value"}`), and the fences of
/// its divs (`::: {.note}` … `:::`). docbao has no use for ids, classes or sizes: it drops
/// them, and reads a div's content as if the fences were blank lines.
enum PandocMarkup {
    /// Where an attribute block that starts at `i` (a `{`) ends, after its `}`; nil when the
    /// braces hold anything but attributes: `#id`, `.class`, `key=value` (the value quoted or
    /// not), `-` (an unnumbered heading) or `=format` (raw content), separated by spaces, on
    /// one line. So `{x}` in prose, or a formula's braces, stay text.
    static func attributesEnd(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let n = min(b.count, i + 1024)
        guard i < n, b[i] == UInt8(ascii: "{") else { return nil }
        var j = i + 1
        var tokens = 0
        while true {
            while j < n, b[j] == 0x20 { j += 1 }
            guard j < n, b[j] != 0x0A else { return nil }
            if b[j] == UInt8(ascii: "}") { return tokens > 0 ? j + 1 : nil }
            let start = j
            switch b[j] {
            case UInt8(ascii: "#"), UInt8(ascii: "."), UInt8(ascii: "="):
                j += 1
                while j < n, isNameByte(b[j]) { j += 1 }
                guard j > start + 1 else { return nil }
            case UInt8(ascii: "-"):
                j += 1
            default:
                while j < n, isNameByte(b[j]), b[j] != UInt8(ascii: "=") { j += 1 }
                guard j > start, j < n, b[j] == UInt8(ascii: "=") else { return nil }
                j += 1
                if j < n, b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") {
                    let quote = b[j]
                    j += 1
                    while j < n, b[j] != quote, b[j] != 0x0A { j += b[j] == UInt8(ascii: "\\") ? 2 : 1 }
                    guard j < n, b[j] == quote else { return nil }
                    j += 1
                } else {
                    while j < n, b[j] != 0x20, b[j] != UInt8(ascii: "}"), b[j] != 0x0A { j += 1 }
                }
            }
            // Tokens are parted by spaces.
            guard j < n, b[j] == 0x20 || b[j] == UInt8(ascii: "}") else { return nil }
            tokens += 1
        }
    }

    /// Letters, digits and the punctuation Pandoc allows in identifiers, classes and keys.
    private static func isNameByte(_ c: UInt8) -> Bool {
        c >= 0x80 || InlineMarkup.isASCIILetter(c) || InlineMarkup.isASCIIDigit(c) || c == UInt8(ascii: "-")
            || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c == UInt8(ascii: ".") || c == UInt8(ascii: "=")
    }

    /// `text` without the attribute block that ends it after a space (`Tiến độ {#tien-do}`).
    static func withoutTrailingAttributes(_ text: String) -> String {
        guard text.utf8.last == UInt8(ascii: "}") else { return text }
        var copy = text
        return copy.withUTF8 { b in
            var i = b.count - 1
            while i > 0 {
                i -= 1
                guard b[i] == UInt8(ascii: "{") else { continue }
                guard i > 0, b[i - 1] == 0x20, attributesEnd(b, at: i) == b.count else { return text }
                return ByteLines.string(b, 0..<(i - 1)).trimmingSpaces()
            }
            return text
        }
    }

    /// A fence of a div: three or more colons, then an attribute block or a class name, and
    /// more colons, all optional (`::: {.sapo}`, `::: note`, `:::`).
    static func isDivFence(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let t = ByteLines.trim(b, line)
        var j = t.lowerBound
        while j < t.upperBound, b[j] == UInt8(ascii: ":") { j += 1 }
        guard j - t.lowerBound >= 3 else { return false }
        while j < t.upperBound, b[j] == 0x20 { j += 1 }
        if j < t.upperBound, b[j] == UInt8(ascii: "{") {
            guard let end = attributesEnd(b, at: j), end <= t.upperBound else { return false }
            j = end
        } else {
            while j < t.upperBound, isNameByte(b[j]), b[j] != UInt8(ascii: ":") { j += 1 }
        }
        while j < t.upperBound, b[j] == 0x20 || b[j] == UInt8(ascii: ":") { j += 1 }
        return j == t.upperBound
    }

    static func isDivFence(_ line: String) -> Bool {
        guard line.utf8.first == UInt8(ascii: ":") else { return false }
        var line = line
        return line.withUTF8 { isDivFence($0, 0..<$0.count) }
    }
}

extension PandocMarkup {
    /// The dashed line of a simple table (`-------  ------ ---------`): two or more runs of at
    /// least two `-`, parted by spaces. (`- - -` is a section break; `---` alone underlines.)
    static func isTableRule(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let t = ByteLines.trim(b, line)
        var runs = 0, run = 0
        for i in t {
            if b[i] == UInt8(ascii: "-") {
                run += 1
            } else if b[i] == 0x20 {
                if run > 0 {
                    guard run >= 2 else { return false }
                    runs += 1
                    run = 0
                }
            } else {
                return false
            }
        }
        guard run >= 2 else { return false }
        return runs + 1 >= 2
    }

    /// The ruled line that opens a grid table (`+------+-----+`, `+:=====+======+`).
    static func isGridRule(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let t = ByteLines.trim(b, line)
        guard t.count >= 3, b[t.lowerBound] == UInt8(ascii: "+"), b[t.upperBound - 1] == UInt8(ascii: "+") else { return false }
        var rules = 0
        for i in t {
            switch b[i] {
            case UInt8(ascii: "-"), UInt8(ascii: "="): rules += 1
            case UInt8(ascii: "+"), UInt8(ascii: ":"): break
            default: return false
            }
        }
        return rules > 0
    }

    static func isTableRule(_ line: String) -> Bool { onBytes(line) { isTableRule($0, 0..<$0.count) } }
    static func isGridRule(_ line: String) -> Bool { onBytes(line) { isGridRule($0, 0..<$0.count) } }

    private static func onBytes(_ line: String, _ test: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard let first = line.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") else { return false }
        var line = line
        return line.withUTF8(test)
    }

    /// A simple, multiline or grid table as a block: set as a Markdown table is, from the
    /// cells its rules mark (`PandocTableCells`), or where its rows do not keep to its
    /// columns, as written. `rows`: each line's indent and its text without spaces at either end.
    static func tableBlock(_ rows: [(indent: Int, text: String)]) -> Block {
        let text = tableText(rows)
        guard let table = PandocTableCells.cells(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        else { return Block(.preformatted, text) }
        return MarkdownTable.block(cells: table.rows, alignments: table.alignments, hasHeader: table.hasHeader)
    }

    /// A table's lines as written (they line up in a terminal's font, as in the file), without
    /// the indent they all share or spaces at their ends.
    static func tableText(_ rows: [(indent: Int, text: String)]) -> String {
        let shared = rows.filter { !$0.text.isEmpty }.map(\.indent).min() ?? 0
        return rows.map { $0.text.isEmpty ? "" : String(repeating: " ", count: $0.indent - shared) + $0.text }
            .joined(separator: "\n")
    }
}
