/// The help overlay's text, and how much of it the window has room for. When it does not fit
/// (a short window, or a big size level on a small screen), its keys scroll it, so that every
/// line can be read; in a window where it fits any key closes it.
extension ReaderState {
    /// The keys of the article screen.
    static let helpKeys: [StringKey] = [
        .helpScroll, .helpPage, .helpHalf, .helpEnds, .helpSections, .helpSearch, .helpNext, .helpSize, .helpContrast,
        .helpSidebar, .helpLanguage, .helpRate, .helpBack, .helpReload, .helpQuit, .helpMouse,
    ]
    /// The keys of the library screen: those that act there (a search or a rating has no
    /// article to act on).
    static let libraryHelpKeys: [StringKey] = [
        .helpLibraryMove, .helpLibraryOpen, .helpFilter, .helpOrder, .helpSize, .helpContrast, .helpSidebar,
        .helpLanguage, .helpQuit, .helpMouseLibrary,
    ]

    /// Title, a blank line, the keys of the screen shown, a blank line, and how to close (and
    /// scroll) it. A key line is the keys, a tab, and what they do.
    func helpSourceLines(scrolls: Bool) -> [String] {
        let keys = screen == .library ? Self.libraryHelpKeys : Self.helpKeys
        return [strings[.helpTitle], ""] + keys.map { strings[$0] } + ["", strings[scrolls ? .helpScrollOrClose : .helpClose]]
    }

    /// Columns between the keys and what they do.
    static let helpGutter = 3
    /// The least room for what keys do beside them; in a narrower box it goes under them.
    static let helpMeaningMinimum = 16

    /// The help as this window shows it, worked out once per use: its lines laid out in the
    /// box, how many rows of them fit, and whether it has to scroll.
    public var helpLayout: HelpLayout {
        let source = helpSourceLines(scrolls: false)
        let entries = source.map(Self.helpEntry)
        let keysWidth = entries.compactMap { $0.map { DisplayWidth.of($0.keys) } }.max() ?? 0
        let widest = zip(source, entries).map { line, entry in
            entry.map { keysWidth + Self.helpGutter + DisplayWidth.of($0.meaning) } ?? DisplayWidth.of(line)
        }.max() ?? 0
        // The box: the widest line with a border and a space each side, within the window.
        let boxWidth = min(size.width - 2, widest + 4)
        let room = max(1, boxWidth - 4), space = size.height - 4
        // Whether it overflows is counted with the longer closing line, which it then shows.
        let scrolling = Self.laidOut(helpSourceLines(scrolls: true), keysWidth: keysWidth, room: room)
        let overflows = scrolling.count > space
        let lines = overflows ? scrolling : Self.laidOut(source, keysWidth: keysWidth, room: room)
        return HelpLayout(lines: lines, rows: max(0, min(space, lines.count)), boxWidth: boxWidth, overflows: overflows)
    }

    public var helpLines: [String] { helpLayout.lines }
    public var helpOverflows: Bool { helpLayout.overflows }
    public var helpMaxTop: Int { helpLayout.maxTop }

    /// The keys and their meaning of a key line; nil for any other line.
    static func helpEntry(_ line: String) -> (keys: String, meaning: String)? {
        guard let tab = line.firstIndex(of: "\t") else { return nil }
        return (String(line[..<tab]), String(line[line.index(after: tab)...]))
    }

    /// The lines in `room` columns: what keys do in a column of its own beside them (wrapped
    /// within that column), or, when the box is too narrow for that, under them, indented;
    /// other lines wrapped. Nothing is cut.
    static func laidOut(_ lines: [String], keysWidth: Int, room: Int) -> [String] {
        let column = keysWidth + helpGutter
        let besideKeys = room - column >= helpMeaningMinimum
        return lines.flatMap { line -> [String] in
            guard let (keys, meaning) = helpEntry(line) else { return LineBreaker.wrappedLines(line, measure: room) }
            if besideKeys {
                let pad = String(repeating: " ", count: column)
                let parts = LineBreaker.wrappedLines(meaning, measure: room - column)
                let first = keys + String(repeating: " ", count: column - DisplayWidth.of(keys)) + parts[0]
                return [first] + parts.dropFirst().map { pad + $0 }
            }
            return LineBreaker.wrappedLines(keys, measure: room) + LineBreaker.wrappedLines(meaning, measure: max(1, room - 2)).map { "  " + $0 }
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
