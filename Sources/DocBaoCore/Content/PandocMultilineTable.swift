/// Pandoc's multiline table, which `pandoc -t markdown` writes for a table whose cells hold
/// more text than one line of a column: a rule of dashes above it, the header's lines, a rule
/// of one run of dashes per column, the rows (each over one or more lines, a blank line
/// between them), and a closing rule the same as the opening one, then a blank line. Without
/// a header it opens with the column rule and closes with it again. Like the simple and grid
/// tables, it is kept as written (its columns line up in a terminal's font); its blank lines
/// are what part it from prose, so it is found by looking ahead to the closing rule.
///
/// The whole-file parser, the scan of a large file's middle and the cut of its head ask the
/// same question of the same lines, each in its own terms (strings or bytes), through `Line`.
enum PandocMultilineTable {
    /// A line as the table sees it.
    enum Line: Equatable {
        case blank
        /// Dashes and spaces only, starting and ending with a dash, three dashes or more:
        /// trimmed, as written.
        case rule(String)
        /// A div's fence (`:::`), which may close the div right under the table.
        case fence
        case other
    }

    /// How far to look for the closing rule: a table of a few hundred rows.
    static let lookahead = 4000

    /// How many lines the table that opens with the first of `lines` takes, its closing rule
    /// included; nil when no table opens there. The line after the closing rule must be blank,
    /// a div's fence or missing (the end of the text). The opening line must follow a blank
    /// line (see `mayOpen`), which the caller checks.
    static func length<Lines: Sequence<Line>>(_ lines: Lines) -> Int? {
        var next = lines.makeIterator()
        guard case .rule(let top)? = next.next() else { return nil }
        var count = 1
        if !isColumnRule(top) {
            // One run of dashes: header lines follow, up to the column rule.
            var header = 0
            headerLines: while count < lookahead {
                count += 1
                switch next.next() {
                case .other?: header += 1
                case .rule(let rule)? where header > 0 && isColumnRule(rule): break headerLines
                default: return nil
                }
            }
        }
        // The rows, single blank lines between them, up to the closing rule.
        var rows = 0, blanks = 0
        while count < lookahead {
            count += 1
            switch next.next() {
            case nil: return nil
            case .blank?:
                blanks += 1
                guard rows > 0, blanks == 1 else { return nil }
            case .other?:
                rows += 1
                blanks = 0
            case .fence?:
                return nil
            case .rule(let rule)?:
                guard rule == top, rows > 0, blanks == 0 else { return nil }
                switch next.next() {
                case nil, .blank?, .fence?: return count
                default: return nil
                }
            }
        }
        return nil
    }

    /// Two runs of dashes or more, parted by spaces (`PandocMarkup.isTableRule`).
    static func isColumnRule(_ rule: String) -> Bool { rule.utf8.contains(0x20) }

    /// A trimmed line of the whole-file parser (cleaned: tabs are spaces).
    static func line(_ trimmed: String) -> Line {
        guard let first = trimmed.utf8.first else { return .blank }
        if first == UInt8(ascii: ":") { return PandocMarkup.isDivFence(trimmed) ? .fence : .other }
        guard first == UInt8(ascii: "-") else { return .other }
        return isRule(trimmed.utf8) ? .rule(trimmed) : .other
    }

    /// A raw line of a large file (blank as `LargeArticleReader.isBlank` has it).
    static func line(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Line {
        let t = ByteLines.trim(bytes, range)
        if t.isEmpty { return LargeArticleReader.isBlank(bytes, range) ? .blank : .other }
        if bytes[t.lowerBound] == UInt8(ascii: ":") { return PandocMarkup.isDivFence(bytes, range) ? .fence : .other }
        guard bytes[t.lowerBound] == UInt8(ascii: "-") else { return .other }
        return isRule(bytes[t]) ? .rule(ByteLines.string(bytes, t)) : .other
    }

    private static func isRule<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var dashes = 0
        for b in bytes {
            if b == UInt8(ascii: "-") { dashes += 1 } else if b != 0x20 { return false }
        }
        return dashes >= 3 && bytes.first == UInt8(ascii: "-")
    }

    /// Whether a table may open on a line after `previous` (nil: the text's first line): a
    /// blank line or a div's fence (Pandoc writes a div's content right under its fence).
    static func mayOpen(after previous: String?) -> Bool {
        guard let previous else { return true }
        return previous.isEmpty || PandocMarkup.isDivFence(previous)
    }

    /// Whether a raw line of a large file starts with a dash, after a blank line, a div's fence
    /// or none (`floor`: where the text starts). Most lines fail at their first byte.
    static func mayOpen(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, floor: Int) -> Bool {
        let first = ByteLines.skipSpacesAndTabs(bytes, from: line.lowerBound, end: line.upperBound)
        guard first < line.upperBound, bytes[first] == UInt8(ascii: "-") else { return false }
        guard line.lowerBound > floor else { return true }
        let end = line.lowerBound - 1  // the line end of the line before
        var from = end
        while from > floor, bytes[from - 1] != 0x0A { from -= 1 }
        let previous = from..<end
        return LargeArticleReader.isBlank(bytes, previous) || PandocMarkup.isDivFence(bytes, previous)
    }

    /// The lines of a large file from `start` to `end`, as the table sees them.
    struct ByteLinesFrom: Sequence, IteratorProtocol {
        let bytes: UnsafeBufferPointer<UInt8>
        var start: Int
        let end: Int

        mutating func next() -> Line? {
            guard start < end else { return nil }
            let stop = ByteLines.find(0x0A, in: bytes, from: start, to: end) ?? end
            defer { start = stop + 1 }
            return PandocMultilineTable.line(bytes, start..<stop)
        }
    }

    /// Where the head of a large file (`head`, the whole text running to `textEnd`) must end
    /// instead, because a table starts in it that its end would read otherwise than the whole
    /// text does (cut inside it, or right after a closing rule that the text goes on from): at
    /// that table's opening line. Nil when no table is cut. Code is passed over.
    static func cutInside(_ bytes: UnsafeBufferPointer<UInt8>, head: Range<Int>, textEnd: Int) -> Int? {
        var fence: CodeFence?
        var cut: Int?
        var previousBlank = true  // at the start of the text: no line before
        var previousFence = false
        ByteLines.forEachLine(bytes, head) { line in
            guard cut == nil else { return }
            defer {
                previousBlank = LargeArticleReader.isBlank(bytes, line)
                previousFence = !previousBlank && PandocMarkup.isDivFence(bytes, line)
            }
            if let open = fence {
                if open.isClosed(by: bytes, line) { fence = nil }
                return
            }
            if let open = CodeFence.opening(bytes, line) {
                fence = open
                return
            }
            guard previousBlank || previousFence, case .rule = Self.line(bytes, line) else { return }
            let inHead = length(ByteLinesFrom(bytes: bytes, start: line.lowerBound, end: head.upperBound))
            let whole = length(ByteLinesFrom(bytes: bytes, start: line.lowerBound, end: textEnd))
            if inHead != whole { cut = line.lowerBound }
        }
        return cut
    }
}
