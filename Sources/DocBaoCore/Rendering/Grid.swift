/// One terminal cell: a grapheme cluster (empty for the right half of a wide character) and
/// its style.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: CellStyle

    public init(_ text: String = " ", _ style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }
}

/// How the terminal should draw a whole row: normal, or as one half of double-size text
/// (DEC `ESC # 3` / `ESC # 4`).
public enum RowAttribute: Equatable, Sendable { case single, doubleTop, doubleBottom }

/// The in-memory screen that rendering produces and the terminal layer paints.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    public var rowAttributes: [RowAttribute]

    public init(width: Int, height: Int, style: CellStyle = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(" ", style), count: self.width * self.height)
        rowAttributes = Array(repeating: .single, count: self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Paints a rectangle with spaces of one style.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: CellStyle) {
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<max(max(0, x), min(width, x + w)) {
                self[col, row] = Cell(" ", style)
            }
        }
    }

    /// Writes text from column `x`, never past `limit` (default: the grid's width). A wide
    /// character that would straddle the limit is replaced by a space. Returns the column
    /// after the text. `styleAt` may restyle the character at a UTF-8 offset of `text`.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: CellStyle, limit: Int? = nil,
                             styleAt: ((Int) -> CellStyle?)? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(limit ?? width, width)
        // Text in which every scalar is a character of its own (Vietnamese in NFC, most text)
        // is read from its bytes: stepping through Characters costs grapheme breaking per cell.
        let simple: Int?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard LineBreaker.SimpleScalars.accepts(bytes) else { return nil }
            var clusters = LineBreaker.SimpleScalars(bytes)
            var col = x, offset = 0
            while let c = clusters.next() {
                let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + c.length)]), as: UTF8.self)
                let s = styleAt?(offset) ?? style
                offset += c.length
                guard place(piece, width: c.width, style: s, from: x, at: &col, y: y, end: end) else { return end }
            }
            return col
        }
        if let simple, let col = simple { return col }
        return putCharacters(text, x: x, y: y, style: style, end: end, styleAt: styleAt)
    }

    /// `put` by Characters: right for any text (and what the fast way must match).
    mutating func putCharacters(_ text: some StringProtocol, x: Int, y: Int, style: CellStyle, end: Int,
                                styleAt: ((Int) -> CellStyle?)?) -> Int {
        var col = x
        var offset = 0
        for c in text {
            let s = styleAt?(offset) ?? style
            offset += c.utf8.count
            guard place(String(c), width: DisplayWidth.of(c), style: s, from: x, at: &col, y: y, end: end) else { return end }
        }
        return col
    }

    /// Puts one character of `put` at `col` and moves `col` past it; false when it does not
    /// fit before `end` (a space stands in for the part that would).
    private mutating func place(_ c: String, width w: Int, style s: CellStyle, from x: Int, at col: inout Int, y: Int,
                                end: Int) -> Bool {
        if w == 0 {
            // A lone mark or zero-width character joins the previous cell's cluster.
            if col > x, col - 1 < width, col - 1 >= 0 { self[col - 1, y].text.append(c) }
            return true
        }
        if col + w > end {
            if col >= 0 && col < end { self[col, y] = Cell(" ", s) }  // (text put from left of the grid: not there)
            return false
        }
        if col >= 0 {
            self[col, y] = Cell(c, s)
            if w == 2 { self[col + 1, y] = Cell("", s) }
        }
        col += w
        return true
    }

    /// The text of one row, as a terminal would show it.
    public func text(row y: Int) -> String {
        var s = ""
        for x in 0..<width { s += self[x, y].text }
        return s
    }

    /// All rows, trailing spaces removed, joined by newlines.
    public var plainText: String {
        (0..<height).map { String(text(row: $0).reversed().drop(while: { $0 == " " }).reversed()) }
            .joined(separator: "\n")
    }
}

/// A clickable area of the last frame and what a click there does.
public struct HitRegion: Equatable, Sendable {
    public var x: Int, y: Int, width: Int
    public var action: Action

    public init(x: Int, y: Int, width: Int, action: Action) {
        self.x = x
        self.y = y
        self.width = width
        self.action = action
    }
}

/// A cell's place in the grid.
public struct GridPoint: Equatable, Sendable {
    public var x: Int, y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// What one render produces: the grid, where its controls are, and its focus.
public struct Frame: Equatable, Sendable {
    public var grid: Grid
    public var regions: [HitRegion]
    /// Where the terminal's cursor is left, hidden: the selected library row, the first line
    /// of text shown, the place the next typed character goes, the help. Screen readers and
    /// braille displays follow the cursor, so this is what they read.
    public var focus = GridPoint(x: 0, y: 0)

    public func action(atX x: Int, y: Int) -> Action? {
        regions.first { $0.y == y && x >= $0.x && x < $0.x + $0.width }?.action
    }
}
