/// The help overlay's text, and how much of it the window has room for. When it does not fit
/// (a short window, or a big size level on a small screen), its keys scroll it, so that every
/// line can be read; in a window where it fits any key closes it.
extension ReaderState {
    static let helpKeys: [StringKey] = [
        .helpScroll, .helpPage, .helpHalf, .helpEnds, .helpSearch, .helpNext, .helpSize, .helpContrast,
        .helpSidebar, .helpLanguage, .helpRate, .helpBack, .helpRedraw, .helpReload, .helpQuit, .helpMouse,
    ]

    /// Title, a blank line, the keys, a blank line, and how to close (and scroll) it.
    func helpSourceLines(scrolls: Bool) -> [String] {
        [strings[.helpTitle], ""] + Self.helpKeys.map { strings[$0] } + ["", strings[scrolls ? .helpScrollOrClose : .helpClose]]
    }

    /// Columns of the help box: its widest line with a border and a space each side, at most
    /// the window less a column each side.
    public var helpBoxWidth: Int {
        min(size.width - 2, (helpSourceLines(scrolls: false).map { DisplayWidth.of($0) }.max() ?? 0) + 4)
    }

    /// The help's rows as the box shows them: lines wider than the box are wrapped, not cut.
    public var helpLines: [String] { wrappedForHelp(helpSourceLines(scrolls: helpOverflows)) }

    /// Rows of help the box shows at once: the window less the box's borders and a row of
    /// the screen above and below it.
    public var helpRows: Int { max(0, min(size.height - 4, helpLines.count)) }

    /// Whether the help is longer than the window (counted with the longer closing line, which
    /// it then shows).
    public var helpOverflows: Bool { wrappedForHelp(helpSourceLines(scrolls: true)).count > size.height - 4 }

    /// The last first line the help can scroll to.
    public var helpMaxTop: Int { max(0, helpLines.count - helpRows) }

    private func wrappedForHelp(_ lines: [String]) -> [String] {
        let room = max(1, helpBoxWidth - 4)
        return lines.flatMap { line -> [String] in
            guard DisplayWidth.of(line) > room else { return [line] }
            let utf8 = Array(line.utf8)
            return LineBreaker.wrap(line, measure: room).map {
                String(decoding: utf8[$0.start..<$0.end], as: UTF8.self).trimmingSpaces()
            }
        }
    }

    /// The help's own meaning of a key: a scroll while it does not fit, else nil (it closes).
    func helpAction(for event: InputEvent) -> Action? {
        guard helpOverflows else { return nil }
        let page = max(1, helpRows - 1)
        switch event {
        case .character("j"), .key(.down), .key(.enter): return .helpScroll(1)
        case .character("k"), .key(.up): return .helpScroll(-1)
        case .character(" "), .character("f"), .key(.pageDown): return .helpScroll(page)
        case .character("b"), .key(.pageUp): return .helpScroll(-page)
        case .character("g"), .key(.home): return .helpScroll(-helpMaxTop)
        case .character("G"), .key(.end): return .helpScroll(helpMaxTop)
        case .mouse(let m) where m.kind == .wheelDown: return .helpScroll(3)
        case .mouse(let m) where m.kind == .wheelUp: return .helpScroll(-3)
        default: return nil
        }
    }
}
