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

    func paint(_ frame: Grid, theme: Theme) {
        let grid = DoubleSizeSequences.gridForCurses(frame, using: doubleSize)
        var wide = [wchar_t](repeating: 0, count: 6)
        var cc = cchar_t()
        var run: [cchar_t] = []
        run.reserveCapacity(grid.width)
        // Neighbouring cells nearly always share a style: look its colour pair up once a run.
        var lastStyle: CellStyle?
        var attrs = docbao_a_normal(), pair: Int16 = 0
        grid.cells.withUnsafeBufferPointer { cells in
            for y in 0..<grid.height {
                let row = cells[(y * grid.width)..<((y + 1) * grid.width)]
                var x = 0
                while x < grid.width {
                    let cell = row[row.startIndex + x]
                    if cell.style != lastStyle {
                        (attrs, pair) = attributes(cell.style)
                        lastStyle = cell.style
                    }
                    if let first = Self.runScalar(cell.text) {
                        // A run of one-column characters in one style goes to curses in one
                        // call, each cell a copy of one prepared cchar_t with its character.
                        wide[0] = wchar_t(bitPattern: first)
                        wide[1] = 0
                        setcchar(&cc, wide, attrs, pair, nil)
                        run.removeAll(keepingCapacity: true)
                        run.append(cc)
                        var end = x + 1
                        while end < grid.width {
                            let next = row[row.startIndex + end]
                            guard next.style == cell.style, let scalar = Self.runScalar(next.text) else { break }
                            cc.chars.0 = wchar_t(bitPattern: scalar)
                            run.append(cc)
                            end += 1
                        }
                        mvwadd_wchnstr(window, Int32(y), Int32(x), run, Int32(run.count))
                        x = end
                        continue
                    }
                    x += 1
                    if cell.text.isEmpty { continue }  // right half of a wide character
                    var n = 0
                    for s in cell.text.unicodeScalars where n < 5 {
                        wide[n] = wchar_t(bitPattern: s.value)
                        n += 1
                    }
                    wide[n] = 0
                    setcchar(&cc, wide, attrs, pair, nil)
                    mvwadd_wch(window, Int32(y), Int32(x - 1), &cc)
                }
            }
        }
        wnoutrefresh(window)
        doupdate()
        emitDoubleSize(frame)
    }

    /// The cell's character when it is a single scalar that may go to curses in a run
    /// (`DisplayWidth.isSurelyNarrow`).
    static func runScalar(_ text: String) -> UInt32? {
        var scalars = text.unicodeScalars.makeIterator()
        guard let scalar = scalars.next(), scalars.next() == nil, DisplayWidth.isSurelyNarrow(scalar.value) else {
            return nil
        }
        return scalar.value
    }

    private func attributes(_ style: CellStyle) -> (attr_t, Int16) {
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

    /// Sends the double-size sequences after curses has drawn the frame.
    private func emitDoubleSize(_ grid: Grid) {
        guard let proto = doubleSize else { return }
        let out = DoubleSizeSequences.sequences(for: grid, previous: paintedRowAttributes, using: proto)
        paintedRowAttributes = grid.rowAttributes
        guard !out.isEmpty else { return }
        out.withCString { p in _ = write(STDOUT_FILENO, p, strlen(p)) }
    }
}
