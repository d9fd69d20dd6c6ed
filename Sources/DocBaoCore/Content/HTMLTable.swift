/// An HTML table that is a whole paragraph of an authored article, as converted pages carry
/// them (Pandoc writes one over many lines: `<table>`, `<thead>`, `<tr>`, `<th>` …): its rows
/// of cells, each cell's content still as HTML, for `MarkdownTable` to set in columns.
enum HTMLTable {
    /// The rows of `text` when it is one `<table>` … `</table>` and nothing else: one array of
    /// cells per `<tr>` with any (a cell that spans columns is followed by empty ones, so that
    /// the columns after it line up), and the columns' alignments as the first row's cells
    /// give them. Nil for anything else, a table inside a cell among them.
    static func rows(_ text: String) -> (rows: [[String]], alignments: [MarkdownTable.Alignment])? {
        guard text.utf8.first == UInt8(ascii: "<") else { return nil }
        let b = Array(text.utf8)
        guard HTMLInline.matches("</table>", b, at: b.count - 8) else { return nil }
        return b.withUnsafeBufferPointer { b -> (rows: [[String]], alignments: [MarkdownTable.Alignment])? in
            guard let open = HTMLInline.tag(at: 0, in: b), open.name == "table", !open.isClosing else { return nil }
            var rows: [[String]] = []
            var alignments: [MarkdownTable.Alignment] = []
            var row: [String]?
            var cell: (start: Int, span: Int)?  // where the open cell's content starts
            func closeCell(at end: Int) {
                guard let open = cell else { return }
                let content = String(decoding: b[open.start..<end], as: UTF8.self).trimmingSpaces()
                row = (row ?? []) + [content] + Array(repeating: "", count: open.span - 1)
                cell = nil
            }
            func closeRow(at end: Int) {
                closeCell(at: end)
                if let done = row, !done.isEmpty { rows.append(done) }
                row = nil
            }
            var i = open.end
            while i < b.count {
                guard b[i] == UInt8(ascii: "<"), let tag = HTMLInline.tag(at: i, in: b) else {
                    i += 1
                    continue
                }
                switch (tag.name, tag.isClosing) {
                case ("table", false): return nil  // a table inside a cell: not one to set in columns
                case ("table", true): closeRow(at: i)
                case ("tr", _): closeRow(at: i)
                    if !tag.isClosing { row = [] }
                case ("td", false), ("th", false):
                    closeCell(at: i)
                    cell = (tag.end, tag.colspan ?? 1)
                    if rows.isEmpty { alignments += Array(repeating: tag.alignment ?? .left, count: tag.colspan ?? 1) }
                case ("td", true), ("th", true): closeCell(at: i)
                case ("thead", _), ("tbody", _), ("tfoot", _), ("caption", _), ("colgroup", _), ("col", _): closeCell(at: i)
                default: break
                }
                i = tag.end
            }
            closeRow(at: b.count)
            return rows.isEmpty ? nil : (rows, alignments)
        }
    }
}
