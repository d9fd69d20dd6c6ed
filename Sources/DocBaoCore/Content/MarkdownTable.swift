/// A Markdown table (GitHub's kind) in an authored article: a header row, a delimiter row
/// (`|---|:---:|---:|`) and body rows, their cells parted by `|`. It is set as preformatted
/// text: its columns as wide as their widest cell (by display width, so Vietnamese, CJK and
/// emoji line up), aligned as the delimiter row says, parted by `│`, the header bold and
/// ruled off. Inline markup in cells works; `\|` is a `|` inside a cell.
enum MarkdownTable {
    enum Alignment: Equatable { case left, center, right }

    /// Whether `lines` (cleaned and trimmed, from the start of a block) are a table: a row
    /// with a `|`, then a delimiter row with as many cells.
    static func isTable(_ lines: [String]) -> Bool {
        guard lines.count >= 2, lines[0].utf8.contains(UInt8(ascii: "|")), let alignments = delimiterRow(lines[1]) else {
            return false
        }
        return cells(lines[0]).count == alignments.count
    }

    /// The alignments of a delimiter row's columns, or nil when the line is not one: cells of
    /// dashes, each with an optional `:` at either end, and at least one `|`.
    static func delimiterRow(_ line: String) -> [Alignment]? {
        guard line.utf8.contains(UInt8(ascii: "|")),
            line.utf8.allSatisfy({ $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == 0x20 })
        else { return nil }
        var alignments: [Alignment] = []
        for cell in cells(line) {
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right && cell.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : right ? .right : .left)
        }
        return alignments.isEmpty ? nil : alignments
    }

    /// Whether the raw bytes of a line could be a delimiter row: nothing but `|`, `-`, `:`,
    /// spaces, tabs and CR, with a `|` and a `-`. Most lines fail at their first byte.
    static func mayBeDelimiterRow(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var bar = false, dash = false
        for i in line {
            switch bytes[i] {
            case UInt8(ascii: "|"): bar = true
            case UInt8(ascii: "-"): dash = true
            case UInt8(ascii: ":"), 0x20, 0x09, 0x0D: continue
            default: return false
            }
        }
        return bar && dash
    }

    /// The cells of a row, trimmed: split at each `|` not escaped, the outer ones dropped.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for c in line {
            if escaped {
                cell.append(c == "|" ? "|" : "\\")
                if c != "|" { cell.append(c) }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "|" {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(c)
            }
        }
        if escaped { cell.append("\\") }
        cells.append(cell)
        cells = cells.map { $0.trimmingSpaces() }
        // `| a | b |`: the empty cells outside the outer bars are not cells.
        if cells.count > 1, cells.first?.isEmpty == true, line.utf8.first == UInt8(ascii: "|") { cells.removeFirst() }
        if cells.count > 1, cells.last?.isEmpty == true, line.hasSuffix("|"), !line.hasSuffix("\\|") { cells.removeLast() }
        return cells
    }

    /// A table's cells, markup applied (row 0 is the header; every row as long as the
    /// longest), and its columns' alignments and widths.
    struct Cells: Equatable, Sendable {
        let rows: [[Cell]]
        let alignments: [Alignment]
        /// Each column's width: its widest cell's, at least 1.
        let columnWidths: [Int]
        /// False for a table without a header (Pandoc's may have none): row 0 is then empty,
        /// and set in columns the table has no header line, nor rule under it.
        let hasHeader: Bool

        init(rows: [[Cell]], alignments: [Alignment], hasHeader: Bool = true) {
            self.hasHeader = hasHeader
            let columns = max(alignments.count, rows.map(\.count).max() ?? 0)
            self.rows = rows.map { $0 + Array(repeating: Cell(text: "", spans: []), count: columns - $0.count) }
            self.alignments = alignments + Array(repeating: .left, count: columns - alignments.count)
            var widths = [Int](repeating: 1, count: columns)
            for row in rows {
                for (c, cell) in row.enumerated() { widths[c] = max(widths[c], DisplayWidth.of(cell.text)) }
            }
            columnWidths = widths
        }

        /// The width of the table set in columns: that of the rule under its header.
        var width: Int { columnWidths.reduce(0, +) + 3 * max(0, columnWidths.count - 1) }
    }

    struct Cell: Equatable, Sendable {
        var text: String
        var spans: [InlineSpan]
    }

    /// The table as a preformatted block, set in columns; the block keeps the cells, so that
    /// a layout too narrow for the columns can set it as records instead (`stacked`). A row
    /// with more cells than the header keeps them as further columns: no text is lost.
    /// `inset`: the columns a table inside a list item is set in by (`Block.inset`).
    static func block(_ lines: [String], inset: Int = 0) -> Block {
        var table = block(cells: ([lines[0]] + lines.dropFirst(2)).map(cells), alignments: delimiterRow(lines[1]) ?? [])
        table.inset = inset
        return table
    }

    /// A table of `rows` of cells as written (row 0 is the header), with their markup: from
    /// Markdown, or from an HTML table (`HTMLTable`).
    static func block(cells rows: [[String]], alignments: [Alignment], hasHeader: Bool = true) -> Block {
        let rows = rows.map { $0.map { cell in
            var (text, spans) = InlineMarkup.apply(cell)
            // A cell is one line (`<br>` or `<p>` in it would break the row): a line end is a space.
            if text.utf8.contains(0x0A) { text = AuthoredParser.oneLine(text) }
            return Cell(text: text, spans: spans)
        } }
        let table = Cells(rows: rows, alignments: alignments, hasHeader: hasHeader)
        let set = inColumns(table)
        var block = Block(.preformatted, set.text, spans: set.spans)
        block.table = table
        return block
    }

    /// Each column as wide as its widest cell, parted by `│`, the header bold and ruled off.
    static func inColumns(_ table: Cells) -> StyledText {
        let widths = table.columnWidths
        var out = StyledText()
        for (r, row) in table.rows.enumerated() where r > 0 || table.hasHeader {
            if r > (table.hasHeader ? 0 : 1) { out.append("\n") }
            var pending = 0  // spaces owed before the next text (none are put at a line's end)
            for (c, cell) in row.enumerated() {
                if c > 0 {
                    out.append(String(repeating: " ", count: pending) + " │")
                    pending = 1
                }
                let room = widths[c] - DisplayWidth.of(cell.text)
                let before = table.alignments[c] == .right ? room : table.alignments[c] == .center ? room / 2 : 0
                if cell.text.isEmpty {
                    pending += room
                } else {
                    out.append(String(repeating: " ", count: pending + before))
                    out.append(cell, bold: r == 0)
                    pending = room - before
                }
            }
            if r == 0 {  // the header is ruled off
                out.append("\n" + widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"))
            }
        }
        return out
    }

    /// For a window too narrow for the columns: one record per row, each cell on a line of
    /// its own after its column's heading (`Tỉnh: Lai Châu`), a blank line between records.
    static func stacked(_ table: Cells) -> StyledText { stackedRecords(table).text }

    /// `stacked`, and where each record starts in its text (none for a table of a header alone).
    static func stackedRecords(_ table: Cells) -> (text: StyledText, starts: [Int]) {
        let header = table.rows[0]
        var out = StyledText()
        var starts: [Int] = []
        guard table.rows.count > 1 else {
            for (c, cell) in header.enumerated() where !cell.text.isEmpty {
                if c > 0 { out.append("\n") }
                out.append(cell, bold: true)
            }
            return (out, starts)
        }
        for (r, row) in table.rows.dropFirst().enumerated() {
            if r > 0 { out.append("\n\n") }
            starts.append(out.text.utf8.count)
            var first = true
            for (c, cell) in row.enumerated() where !cell.text.isEmpty || !header[c].text.isEmpty {
                if !first { out.append("\n") }
                first = false
                if !header[c].text.isEmpty {
                    out.append(header[c], bold: true)
                    out.append(cell.text.isEmpty ? ":" : ": ")
                }
                out.append(cell, bold: false)
            }
        }
        return (out, starts)
    }

    /// Where each row (0: the header) starts in the table's text, set in columns (`stacked`
    /// false: a line a row, the rule under the header) or as records (the header, which has no
    /// record, starts where the first record does, as it does in columns where it has no line).
    static func rowStarts(_ table: Cells, columnsText text: String, stacked: Bool) -> [Int] {
        if stacked { return [0] + stackedRecords(table).starts }
        var starts = table.hasHeader ? [0] : [0, 0]
        var line = 0
        for (i, b) in text.utf8.enumerated() where b == 0x0A {
            line += 1
            if line >= 2 || !table.hasHeader { starts.append(i + 1) }  // line 1 is the rule under a header
        }
        return starts
    }

    /// The row that offset `o` falls in, of rows starting at `starts`: of rows that start at
    /// one place (the header and the first record), the first.
    static func row(at o: Int, rowStarts starts: [Int]) -> Int {
        guard var r = starts.lastIndex(where: { $0 <= o }) else { return 0 }
        while r > 0, starts[r - 1] == starts[r] { r -= 1 }
        return r
    }
}

/// Text with spans, built a piece at a time.
struct StyledText {
    var text = ""
    var spans: [InlineSpan] = []

    mutating func append(_ piece: String) { text += piece }

    /// A cell's text and spans; `bold`: the whole of it strong (a heading).
    mutating func append(_ cell: MarkdownTable.Cell, bold: Bool) {
        let start = text.utf8.count
        text += cell.text
        if bold, !cell.text.isEmpty { spans.append(InlineSpan(start..<text.utf8.count, .strong)) }
        spans += cell.spans.map { InlineSpan(($0.range.lowerBound + start)..<($0.range.upperBound + start), $0.style) }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
    }
}
