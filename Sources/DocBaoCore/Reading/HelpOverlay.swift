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

    /// The help as this window shows it, worked out once per use: its lines wrapped to the box,
    /// how many rows of them fit, and whether it has to scroll.
    public var helpLayout: HelpLayout {
        // The box: the widest line with a border and a space each side, within the window.
        let boxWidth = min(size.width - 2, (helpSourceLines(scrolls: false).map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let room = max(1, boxWidth - 4), space = size.height - 4
        // Whether it overflows is counted with the longer closing line, which it then shows.
        let scrolling = Self.wrapped(helpSourceLines(scrolls: true), room: room)
        let overflows = scrolling.count > space
        let lines = overflows ? scrolling : Self.wrapped(helpSourceLines(scrolls: false), room: room)
        return HelpLayout(lines: lines, rows: max(0, min(space, lines.count)), boxWidth: boxWidth, overflows: overflows)
    }

    public var helpLines: [String] { helpLayout.lines }
    public var helpOverflows: Bool { helpLayout.overflows }
    public var helpMaxTop: Int { helpLayout.maxTop }

    /// Lines wider than `room` columns wrapped, not cut.
    private static func wrapped(_ lines: [String], room: Int) -> [String] {
        lines.flatMap { line -> [String] in
            guard DisplayWidth.of(line) > room else { return [line] }
            let utf8 = Array(line.utf8)
            return LineBreaker.wrap(line, measure: room).map {
                String(decoding: utf8[$0.start..<$0.end], as: UTF8.self).trimmingSpaces()
            }
        }
    }

    /// The help's own meaning of a key: a scroll while it does not fit, else nil (it closes).
    func helpAction(for event: InputEvent) -> Action? {
        let help = helpLayout
        guard help.overflows else { return nil }
        let page = max(1, help.rows - 1), helpMaxTop = help.maxTop
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

/// The help overlay laid out for one window size.
public struct HelpLayout: Equatable, Sendable {
    /// Every row of help, wrapped to the box.
    public var lines: [String]
    /// Rows shown at once.
    public var rows: Int
    /// Columns of the box, borders included.
    public var boxWidth: Int
    /// Whether the help is longer than the window, and scrolls.
    public var overflows: Bool
    /// The last first line the help can scroll to.
    public var maxTop: Int { max(0, lines.count - rows) }
}
