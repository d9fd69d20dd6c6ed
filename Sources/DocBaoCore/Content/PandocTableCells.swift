/// The cells of a Pandoc simple, multiline or grid table, read from the columns its rules mark,
/// so that it is set as a Markdown table is (`MarkdownTable`): in columns, its inline markup
/// applied, or as records where the pane is narrower than its columns. Kept as written, a
/// table wider than the pane (Pandoc writes them up to 72 columns; the pane beside the
/// sidebar of an 80-column terminal is narrower) wrapped into a jumble, and `**` and links
/// showed as typed.
///
/// A cell's lines (a row of a multiline table, a grid cell) are joined into one. A table whose
/// rows do not keep to its columns (a grid table with a cell spanning columns) has no cells
/// here, and is kept as written.
enum PandocTableCells {
    typealias Table = (rows: [[String]], alignments: [MarkdownTable.Alignment], hasHeader: Bool)

    /// `lines`: the table's lines as kept (`PandocMarkup.tableText`: the indent they share
    /// removed, blank lines empty). Row 0 of the result is the header (empty cells where the
    /// table has none).
    static func cells(_ lines: [String]) -> Table? {
        guard let first = lines.first else { return nil }
        return PandocMarkup.isGridRule(first) ? grid(lines) : dashed(lines)
    }

    // MARK: Simple and multiline tables

    /// The column rule's runs of dashes mark the columns: a word belongs to the column whose
    /// dashes it overlaps most (a right-aligned number may start a little left of them).
    static func dashed(_ lines: [String]) -> Table? {
        let rule: Int  // the column rule's line
        let header: Range<Int>
        let multiline: Bool
        if PandocMarkup.isTableRule(lines[0]) {
            (rule, header) = (0, 0..<0)  // no header: the column rule opens the table
            multiline = lines.contains(where: \.isEmpty)
        } else if case .rule = PandocMultilineTable.line(lines[0]) {
            // A multiline table: its opening rule, the header's lines, the column rule.
            guard let at = lines.indices.dropFirst().first(where: { PandocMarkup.isTableRule(lines[$0]) }), at > 1 else { return nil }
            (rule, header) = (at, 1..<at)
            multiline = true
        } else {
            guard lines.count > 1, PandocMarkup.isTableRule(lines[1]) else { return nil }
            (rule, header) = (1, 0..<1)
            multiline = false
        }
        let columns = runs(of: lines[rule])
        var body = Array(lines[(rule + 1)...])
        if let last = body.last, case .rule = PandocMultilineTable.line(last) { body.removeLast() }  // the closing rule
        // A row is a line, or in a multiline table the lines up to a blank one.
        var rows: [[String]] = multiline ? [[]] : []
        for line in body {
            if !multiline {
                rows.append([line])
            } else if line.isEmpty {
                if !rows[rows.count - 1].isEmpty { rows.append([]) }
            } else {
                rows[rows.count - 1].append(line)
            }
        }
        rows.removeAll(where: \.isEmpty)
        let headerCells = header.isEmpty ? columns.map { _ in "" } : cells(Array(lines[header]), columns)
        // Pandoc reads a column's alignment off where its heading (or first row, without
        // one) stands against the dashes: flush left, flush right, or neither.
        let sample = (header.isEmpty ? rows.first?.first : lines[header.lowerBound]).map(words) ?? []
        let alignments = columns.enumerated().map { c, run -> MarkdownTable.Alignment in
            let own = sample.filter { column(of: $0.span, among: columns) == c }
            guard let start = own.first?.span.lowerBound, let end = own.last?.span.upperBound else { return .left }
            switch (start <= run.lowerBound, end >= run.upperBound) {
            case (false, true): return .right
            case (false, false): return .center
            default: return .left
            }
        }
        return ([headerCells] + rows.map { cells($0, columns) }, alignments, !header.isEmpty)
    }

    /// The display columns each run of dashes of a rule covers.
    static func runs(of rule: String) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for (i, c) in rule.unicodeScalars.enumerated() {  // a rule is ASCII: a scalar a column
            if c == "-" {
                if start == nil { start = i }
            } else if let s = start {
                runs.append(s..<i)
                start = nil
            }
        }
        if let s = start { runs.append(s..<rule.unicodeScalars.count) }
        return runs
    }

    /// A run of characters other than spaces, and the display columns it takes.
    struct Word {
        var text: Substring
        var span: Range<Int>
    }

    static func words(_ line: String) -> [Word] {
        var words: [Word] = []
        var column = 0
        var start: (String.Index, Int)?
        for i in line.indices {
            let c = line[i]
            if c == " " {
                if let (at, from) = start { words.append(Word(text: line[at..<i], span: from..<column)) }
                start = nil
            } else if start == nil {
                start = (i, column)
            }
            column += DisplayWidth.of(c)
        }
        if let (at, from) = start { words.append(Word(text: line[at...], span: from..<column)) }
        return words
    }

    /// The column a word belongs to: the one whose dashes it overlaps most, else the nearest.
    static func column(of span: Range<Int>, among columns: [Range<Int>]) -> Int {
        var best = 0, bestOverlap = -1, bestDistance = Int.max
        for (c, run) in columns.enumerated() {
            let overlap = max(0, min(span.upperBound, run.upperBound) - max(span.lowerBound, run.lowerBound))
            let distance = overlap > 0 ? 0 : min(abs(span.lowerBound - run.upperBound), abs(run.lowerBound - span.upperBound))
            if overlap > bestOverlap || overlap == 0 && bestOverlap == 0 && distance < bestDistance {
                (best, bestOverlap, bestDistance) = (c, overlap, distance)
            }
        }
        return best
    }

    /// One row's cells from its lines: each column's words, in order, joined by spaces.
    static func cells(_ lines: [String], _ columns: [Range<Int>]) -> [String] {
        var cells = [String](repeating: "", count: columns.count)
        for line in lines {
            for word in words(line) {
                let c = column(of: word.span, among: columns)
                cells[c] += cells[c].isEmpty ? String(word.text) : " " + word.text
            }
        }
        return cells
    }

    // MARK: Grid tables

    /// The `+` of the opening rule mark the columns; every line between rules must have a `|`
    /// (or `+`) at each of them.
    static func grid(_ lines: [String]) -> Table? {
        let bounds = gridColumns(of: lines[0])
        guard bounds.count >= 2 else { return nil }
        var alignments = alignmentsOfGridRule(lines[0], bounds)
        var rows: [[String]] = []
        var header: [String]?
        var row: [String]?
        for line in lines.dropFirst() {
            if PandocMarkup.isGridRule(line) {
                guard gridColumns(of: line) == bounds else { return nil }
                if let done = row { rows.append(done) }
                row = nil
                if line.contains("=") {
                    // The rule under the header, which may say the alignments.
                    guard header == nil, rows.count == 1 else { return nil }
                    header = rows.removeFirst()
                    alignments = alignmentsOfGridRule(line, bounds)
                }
                continue
            }
            guard let cells = gridCells(line, bounds) else { return nil }
            row = zip(row ?? cells.map { _ in "" }, cells).map { old, new in
                old.isEmpty ? new : new.isEmpty ? old : old + " " + new
            }
        }
        if let done = row { rows.append(done) }
        return ([header ?? alignments.map { _ in "" }] + rows, alignments, header != nil)
    }

    /// The display columns of a line's `+` (grid rules are ASCII).
    static func gridColumns(of rule: String) -> [Int] {
        rule.unicodeScalars.enumerated().filter { $0.element == "+" }.map(\.offset)
    }

    /// A rule's `:` at either end of a column's run: `:---:` centre, `---:` right.
    static func alignmentsOfGridRule(_ rule: String, _ bounds: [Int]) -> [MarkdownTable.Alignment] {
        let scalars = Array(rule.unicodeScalars)
        return zip(bounds, bounds.dropFirst()).map { a, b in
            let left = scalars[a + 1] == ":", right = scalars[b - 1] == ":"
            return left && right ? .center : right ? .right : .left
        }
    }

    /// A content line's cells: the text between its bars at `bounds`, trimmed; nil where a
    /// bar is missing (a cell spanning columns) or the line is not as wide.
    static func gridCells(_ line: String, _ bounds: [Int]) -> [String]? {
        var cells: [String] = []
        var column = 0
        var cell = ""
        var next = 0  // the bound looked for
        for c in line {
            if next < bounds.count, column == bounds[next] {
                guard c == "|" || c == "+" else { return nil }
                if next > 0 { cells.append(cell.trimmingSpaces()) }
                cell = ""
                next += 1
            } else if next < bounds.count, column > bounds[next] {
                return nil  // a wide character over a bound
            } else {
                cell.append(c)
            }
            column += DisplayWidth.of(c)
        }
        return next == bounds.count ? cells : nil
    }
}
