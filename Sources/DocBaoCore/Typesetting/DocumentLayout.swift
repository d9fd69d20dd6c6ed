/// One row of the laid-out document.
public struct LayoutRow: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A line of text. For double-height text, `half` says which half the row shows.
        case text(WrappedLine, half: DoubleHalf?)
        case gap
    }

    public enum DoubleHalf: Equatable, Sendable { case top, bottom }

    public var block: Int
    public var kind: Kind
    /// The start offset of the text line this row belongs to (a gap row belongs to the line
    /// above it), so a row can be turned into a `TextPosition`.
    public var lineStart: Int
}

/// The article typeset for one geometry, block by block and only on demand: opening a huge
/// article, jumping to its end, or changing size wraps only the blocks that get shown. A hidden
/// block (page chrome found in the lazy middle of a large file) has no rows.
///
/// It is a cache (a class) so that reader state stays cheap to copy; the layout is derived
/// entirely from `blocks` and `geometry`.
public final class DocumentLayout {
    public let blocks: LayoutBlocks
    public private(set) var geometry: LayoutGeometry
    private var cache: [Int: [LayoutRow]] = [:]
    /// Tables as this geometry shows them (few: only blocks that are tables).
    private var tables: [Int: LayoutBlock] = [:]
    /// Rows of this many blocks at most are kept: reading through 100 MB must not keep them all.
    static let cacheLimit = 4096
    /// UTF-8 size of the up-front blocks before each of them, to estimate position without a
    /// full layout (the lazy middle knows its own offsets).
    private let leadingBytes: [Int]
    private let trailingBytes: [Int]

    public init(blocks: LayoutBlocks, geometry: LayoutGeometry) {
        self.blocks = blocks
        self.geometry = geometry
        leadingBytes = Self.prefixSums(blocks.leading)
        trailingBytes = Self.prefixSums(blocks.trailing)
    }

    public convenience init(blocks: [LayoutBlock], geometry: LayoutGeometry) {
        self.init(blocks: LayoutBlocks(leading: blocks), geometry: geometry)
    }

    private static func prefixSums(_ blocks: [LayoutBlock]) -> [Int] {
        var sums: [Int] = []
        sums.reserveCapacity(blocks.count + 1)
        var total = 0
        for b in blocks {
            sums.append(total)
            total += b.text.utf8.count + 1
        }
        sums.append(total)
        return sums
    }

    /// Block `i` as this geometry shows it (nil if hidden): a table too wide for the measure
    /// as records (`shown`).
    public func block(_ i: Int) -> LayoutBlock? {
        guard let b = blocks[i] else { return nil }
        guard b.table != nil else { return b }
        if let shown = tables[i] { return shown }
        let shown = Self.shown(b, geometry: geometry)
        if tables.count >= Self.cacheLimit { tables.removeAll(keepingCapacity: true) }
        tables[i] = shown
        return shown
    }

    /// `b` as `geometry` shows it: a table wider than its measure is set as records, a line a
    /// cell after its column's heading, rather than in columns that would wrap.
    static func shown(_ b: LayoutBlock, geometry: LayoutGeometry) -> LayoutBlock {
        guard let table = b.table, table.width > geometry.wrapWidth(for: b.role) - inset(of: b, geometry: geometry) else { return b }
        let records = MarkdownTable.stacked(table)
        var shown = LayoutBlock(b.role, records.text, spans: records.spans)
        shown.table = table
        shown.inset = b.inset
        return shown
    }

    /// Where a place in table block `i`, shown as `before` under another geometry, is in it as
    /// this geometry shows it: a table set in columns in one and as records in the other keeps
    /// the place's row, at that row's start. Any other place is kept as it is.
    func offset(_ offset: Int, inBlock i: Int, shownBefore before: LayoutBlock?) -> Int {
        guard let before, let table = before.table, let canonical = blocks[i]?.text, let after = block(i)?.text,
            after != before.text
        else { return offset }
        let old = MarkdownTable.rowStarts(table, columnsText: canonical, stacked: before.text != canonical)
        let new = MarkdownTable.rowStarts(table, columnsText: canonical, stacked: after != canonical)
        return new[min(MarkdownTable.row(at: offset, rowStarts: old), new.count - 1)]
    }

    /// Changes the geometry; cached rows are dropped only if it really changed.
    public func update(geometry: LayoutGeometry) {
        guard geometry != self.geometry else { return }
        self.geometry = geometry
        cache.removeAll(keepingCapacity: true)
        tables.removeAll()
    }

    public var isEmpty: Bool { blocks.isEmpty }

    /// The rows of one block: its lines with line gaps between them, then the paragraph gap
    /// (none after the last block).
    public func rows(of block: Int) -> [LayoutRow] {
        if let rows = cache[block] { return rows }
        let b = self.block(block)
        let rows = Self.rows(of: b, at: block, gapAfter: blocks.gap(after: block, block: b), geometry: geometry)
        store(rows, for: block)
        return rows
    }

    /// What follows a block's last line.
    public enum GapAfter: Sendable {
        /// Nothing: the last block.
        case none
        /// The gap between paragraphs.
        case paragraph
        /// The gap between lines: the next block carries on this one's line (`LongLines`).
        case line
    }

    /// The rows of one block (`nil`: hidden, no rows): its lines with line gaps between them,
    /// then `gapAfter`.
    static func rows(of b: LayoutBlock?, at block: Int, gapAfter: GapAfter, geometry: LayoutGeometry) -> [LayoutRow] {
        guard let b else { return [] }
        let double = geometry.doubleRoles.contains(b.role)
        let measure = geometry.wrapWidth(for: b.role) - inset(of: b, geometry: geometry)
        let indents = Self.indents(of: b, measure: measure)
        let lines = LineBreaker.wrap(b.text, measure: measure, firstIndent: indents.first, turnoverIndent: indents.turnover,
                                     keepsSpaces: b.role == .preformatted,
                                     indentsAfterLineEnd: b.role == .item || b.role == .itemParagraph)
        // The lines of a table or of code belong together: no gap between them.
        let lineGap = b.role == .preformatted ? 0 : geometry.lineGap
        var rows: [LayoutRow] = []
        rows.reserveCapacity(lines.count * (1 + lineGap) + geometry.paragraphGap)
        for (i, line) in lines.enumerated() {
            if double {
                rows.append(LayoutRow(block: block, kind: .text(line, half: .top), lineStart: line.start))
                rows.append(LayoutRow(block: block, kind: .text(line, half: .bottom), lineStart: line.start))
            } else {
                rows.append(LayoutRow(block: block, kind: .text(line, half: nil), lineStart: line.start))
            }
            if i < lines.count - 1 {
                for _ in 0..<lineGap { rows.append(LayoutRow(block: block, kind: .gap, lineStart: line.start)) }
            }
        }
        if rows.isEmpty { rows.append(LayoutRow(block: block, kind: .gap, lineStart: 0)) }
        let gap = gapAfter == .paragraph ? geometry.paragraphGap : gapAfter == .line ? lineGap : 0
        let last = lines.last?.start ?? 0
        for _ in 0..<gap { rows.append(LayoutRow(block: block, kind: .gap, lineStart: last)) }
        return rows
    }

    /// The columns `block` is set in by as laid out (`Block.inset`), in cells of its glyph
    /// size, as the item's marker it stands under is: none where they would take more than a
    /// third of the measure, as an item's turnover indent gives way then.
    static func inset(of block: LayoutBlock, geometry: LayoutGeometry) -> Int {
        block.inset > 0 && block.inset * 3 <= geometry.wrapWidth(for: block.role) ? block.inset : 0
    }

    /// A nested list item's first line starts as far in as its spaces go, and a list item's
    /// later lines start under its text, after the marker (unless spaces and marker take more
    /// than a third of the measure), and so do the lines of an item's further paragraphs; a long line of verse carries on two columns in, and so
    /// does a long line of code or of a table, from its own indent.
    static func indents(of block: LayoutBlock, measure: Int) -> (first: Int, turnover: Int) {
        switch block.role {
        case .item:
            guard let marker = ListMarker.ofItem(block.text) else { return (0, 0) }
            let width = DisplayWidth.of(block.text.utf8Slice(0, marker.length))
            guard width * 3 <= measure else { return (0, 0) }
            return (block.text.utf8.prefix { $0 == 0x20 }.count, width)
        case .itemParagraph:
            // Under its item's text, as far in as its spaces go, on the same terms.
            let width = block.text.utf8.prefix { $0 == 0x20 }.count
            return width * 3 <= measure ? (width, width) : (0, 0)
        case .verse, .preformatted: return (0, 2)
        case .sectionBreak: return (max(0, (measure - DisplayWidth.of(block.text)) / 2), 0)  // centred
        case .quote: return (0, block.text.utf8.contains(0x0A) ? 2 : 0)  // verse quoted
        default: return (0, 0)
        }
    }

    private func store(_ rows: [LayoutRow], for block: Int) {
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[block] = rows
    }

    public func row(at p: RowPosition) -> LayoutRow? {
        guard p.block >= 0, p.block < blocks.count else { return nil }
        let rows = rows(of: p.block)
        return p.row >= 0 && p.row < rows.count ? rows[p.row] : nil
    }

    /// The last row of the last block that has rows.
    public var lastRow: RowPosition {
        var block = blocks.count - 1
        while block > 0 && rows(of: block).isEmpty { block -= 1 }
        return RowPosition(block: max(0, block), row: max(0, rows(of: max(0, block)).count - 1))
    }

    /// The position `n` rows after (or before, if negative) `p`, clamped to the document.
    public func advance(_ p: RowPosition, by n: Int) -> RowPosition {
        guard !blocks.isEmpty else { return p }
        var block = p.block, row = p.row + n
        while row < 0 {
            if block == 0 { return advance(RowPosition(block: 0, row: 0), by: 0) }
            block -= 1
            row += rows(of: block).count
        }
        while row >= rows(of: block).count {
            if block == blocks.count - 1 { return lastRow }
            row -= rows(of: block).count
            block += 1
        }
        return RowPosition(block: block, row: row)
    }

    /// The furthest a viewport of `height` rows may scroll: the last row at the bottom.
    public func maxTop(height: Int) -> RowPosition {
        advance(lastRow, by: -(max(1, height) - 1))
    }

    /// Whether a viewport of `height` rows at `top` shows the end: `top >= maxTop(height:)`,
    /// found by counting rows forward from `top`. Near the start of a long article that lays
    /// out only the blocks on screen, where `maxTop` lays out the end of the article too.
    public func showsEnd(from top: RowPosition, height: Int) -> Bool {
        guard !blocks.isEmpty else { return true }
        let height = max(1, height)
        var rows = self.rows(of: top.block).count - top.row
        var block = top.block + 1
        while rows <= height && block < blocks.count {
            rows += self.rows(of: block).count
            block += 1
        }
        return rows <= height
    }

    /// The first character shown at `p`.
    public func anchor(at p: RowPosition) -> TextPosition {
        guard let row = row(at: p) else { return TextPosition(block: p.block, offset: 0) }
        return TextPosition(block: p.block, offset: row.lineStart)
    }

    /// The row showing the character at `anchor` (the top half of a double-height line).
    public func rowPosition(for anchor: TextPosition) -> RowPosition {
        guard !blocks.isEmpty else { return RowPosition(block: 0, row: 0) }
        let block = min(max(anchor.block, 0), blocks.count - 1)
        let rows = rows(of: block)
        var best = 0, bestStart = -1
        for (i, r) in rows.enumerated() {
            guard case .text(let line, _) = r.kind else { continue }
            if line.start > anchor.offset { break }
            if line.start != bestStart { best = i; bestStart = line.start }
        }
        // A hidden block has no rows: the place is the next row that exists.
        return rows.isEmpty ? advance(RowPosition(block: block, row: 0), by: 0) : RowPosition(block: block, row: best)
    }

    /// Reading progress from 0 to 1, estimated from text offsets (no full layout needed).
    public func fraction(at anchor: TextPosition) -> Double {
        let total = textBytes
        guard total > 0, anchor.block < blocks.count else { return 0 }
        let before = blocks.bytesBefore(anchor.block, leadingBytes: leadingBytes, trailingBytes: trailingBytes)
        return min(1, Double(before + anchor.offset) / Double(total))
    }

    /// Total text size in UTF-8 bytes (the lazy middle as stored in the file).
    public var textBytes: Int {
        leadingBytes[leadingBytes.count - 1] + (blocks.body?.byteCount ?? 0) + trailingBytes[trailingBytes.count - 1]
    }

    /// Text of a wrapped line of a block (which has rows, so is not hidden).
    public func text(of line: WrappedLine, in block: Int) -> Substring {
        (self.block(block)?.text ?? "").utf8Slice(line.start, line.end)
    }
}
