import CNCursesW
import DocBaoCore
import Glibc

/// Paints a core `Grid` into the curses window. Colour pairs are allocated on first use.
final class GridPainter {
    let window: UnsafeMutablePointer<WINDOW>
    /// Colour pairs made so far. A list, not a dictionary: there are a few dozen at most, and
    /// a dictionary's first use has the runtime scan the binary for the key's conformances.
    private var pairs: [(key: PairKey, number: Int16)] = []
    private var paintedRowAttributes: [RowAttribute] = []

    struct PairKey: Equatable { var fg: TermColor, bg: TermColor }

    /// How this terminal draws double-size rows, if at all.
    var doubleSize: DoubleSizeProtocol?

    init(window: UnsafeMutablePointer<WINDOW>) { self.window = window }

    func forgetRowAttributes() { paintedRowAttributes = [] }

    /// Paints `frame` and leaves the (hidden) cursor at `focus`, for screen readers.
    func paint(_ frame: Grid, focus: GridPoint, theme: Theme) {
        let grid = DoubleSizeSequences.gridForCurses(frame, using: doubleSize)
        // Start from blanks. A wide character written over the first half of one in the last
        // frame leaves its second half behind in curses' copy, and a run put there next makes
        // curses blank the whole of the new character (a resize from 80 to 60 columns lost a
        // 站 that way). Nothing is sent for this: `doupdate` still sends only what changed.
        werase(window)
        // Neighbouring cells nearly always share a style: look its colour pair up once a run.
        var lastStyle: CellStyle?
        var look = (attrs: docbao_a_normal(), pair: Int16(0))
        // Scratch, local rather than stored, so that the loop pays no exclusivity checks: one
        // cell's characters (one spacing, up to four combining, a 0) and one run of cells.
        var wide = [wchar_t](repeating: 0, count: 6)
        var run: [cchar_t] = []
        run.reserveCapacity(grid.width)
        grid.cells.withUnsafeBufferPointer { cells in
            for y in 0..<grid.height {
                let rowStart = y * grid.width, rowEnd = rowStart + grid.width
                var x = rowStart
                while x < rowEnd {
                    let style = cells[x].style
                    if style != lastStyle {
                        look = attributes(style)
                        lastStyle = style
                    }
                    if let first = DisplayWidth.surelyNarrowScalar(cells[x].text) {
                        x = paintRun(cells, x..<rowEnd, first: first, y: y, column: x - rowStart, look: look,
                                     wide: &wide, run: &run)
                    } else {
                        paintCell(cells[x].text, y: y, column: x - rowStart, look: look, wide: &wide)
                        x += 1
                    }
                }
            }
        }
        let cursor = GridPoint(x: min(max(0, focus.x), grid.width - 1), y: min(max(0, focus.y), grid.height - 1))
        wmove(window, Int32(cursor.y), Int32(cursor.x))
        wnoutrefresh(window)
        doupdate()
        emitDoubleSize(frame, cursor: cursor)
    }

    /// Sends the run of one-column characters in one style that starts `range` of `cells`
    /// (with the character `first`) to curses in one call, each cell a copy of one prepared
    /// cchar_t with its character; returns the index after the run.
    private func paintRun(_ cells: UnsafeBufferPointer<Cell>, _ range: Range<Int>, first: UInt32, y: Int, column: Int,
                          look: (attrs: attr_t, pair: Int16), wide: inout [wchar_t], run: inout [cchar_t]) -> Int {
        var cc = cchar_t()
        wide[0] = wchar_t(bitPattern: first)
        wide[1] = 0
        setcchar(&cc, wide, look.attrs, look.pair, nil)
        run.removeAll(keepingCapacity: true)
        run.append(cc)
        let style = cells[range.lowerBound].style
        var end = range.lowerBound + 1
        while end < range.upperBound, cells[end].style == style,
            let scalar = DisplayWidth.surelyNarrowScalar(cells[end].text)
        {
            cc.chars.0 = wchar_t(bitPattern: scalar)
            run.append(cc)
            end += 1
        }
        mvwadd_wchnstr(window, Int32(y), Int32(column), run, Int32(run.count))
        return end
    }

    /// Places one cell that cannot go in a run: wide, combining, emoji, or the right half of a
    /// wide character (empty, left to curses). A flag or an emoji sequence goes in the pieces
    /// curses can hold (`CellCharacters`).
    private func paintCell(_ text: String, y: Int, column: Int, look: (attrs: attr_t, pair: Int16),
                           wide: inout [wchar_t]) {
        for (i, scalars) in CellCharacters.columns(text).enumerated() {
            for (n, s) in scalars.enumerated() { wide[n] = wchar_t(bitPattern: s.value) }
            wide[scalars.count] = 0
            var cc = cchar_t()
            setcchar(&cc, wide, look.attrs, look.pair, nil)
            mvwadd_wch(window, Int32(y), Int32(column + i), &cc)
        }
    }

    private func attributes(_ style: CellStyle) -> (attrs: attr_t, pair: Int16) {
        var a = docbao_a_normal()
        if style.bold { a |= docbao_a_bold() }
        if style.dim { a |= docbao_a_dim() }
        if style.italic { a |= docbao_a_italic() }
        if style.underline { a |= docbao_a_underline() }
        if style.reverse { a |= docbao_a_reverse() }
        return (a, pair(fg: style.fg, bg: style.bg))
    }

    private func pair(fg: TermColor, bg: TermColor) -> Int16 {
        if fg == .default && bg == .default { return 0 }
        let key = PairKey(fg: fg, bg: bg)
        if let known = pairs.first(where: { $0.key == key }) { return known.number }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < docbao_color_pairs() else { return 0 }
        func index(_ c: TermColor) -> Int16 {
            if case .indexed(let i) = c { return Int16(i) }
            return -1
        }
        init_pair(next, index(fg), index(bg))
        pairs.append((key, next))
        return next
    }

    /// Sends the double-size sequences after curses has drawn the frame, then puts the cursor
    /// back where curses left it (and believes it is).
    private func emitDoubleSize(_ grid: Grid, cursor: GridPoint) {
        guard let proto = doubleSize else { return }
        let out = DoubleSizeSequences.sequences(for: grid, previous: paintedRowAttributes, using: proto, cursor: cursor)
        paintedRowAttributes = grid.rowAttributes
        guard !out.isEmpty else { return }
        out.withCString { p in _ = write(STDOUT_FILENO, p, strlen(p)) }
    }
}
