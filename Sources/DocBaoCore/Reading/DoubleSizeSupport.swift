/// How a terminal draws double-size text, if it can.
public enum DoubleSizeProtocol: Equatable, Sendable {
    /// DEC double-width/double-height lines: `ESC # 3` (top half), `ESC # 4` (bottom half).
    case decLines
    /// kitty's text-sizing protocol (OSC 66, kitty 0.40+): text drawn at twice the size
    /// across two rows from where it is written.
    case kittyTextSizing
}

/// Whether to use real double-size glyphs (`--glyphs auto|on|off`).
public enum GlyphMode: String, CaseIterable, Sendable {
    case auto, on, off

    /// Decides from the environment: known terminals only, never inside tmux or screen
    /// (which drop or mangle these sequences). `on` forces them (kitty's protocol in kitty,
    /// DEC lines elsewhere).
    public func doubleSizeProtocol(environment env: [String: String]) -> DoubleSizeProtocol? {
        let kitty = env["KITTY_WINDOW_ID"] != nil || env["TERM"] == "xterm-kitty"
        switch self {
        case .off: return nil
        case .on: return kitty ? .kittyTextSizing : .decLines
        case .auto:
            if env["TMUX"] != nil || env["STY"] != nil { return nil }
            let term = env["TERM"] ?? ""
            if term.hasPrefix("screen") || term.hasPrefix("tmux") || term == "dumb" || term.hasPrefix("linux") { return nil }
            if kitty { return .kittyTextSizing }
            if env["XTERM_VERSION"] != nil || env["KONSOLE_VERSION"] != nil || env["WT_SESSION"] != nil { return .decLines }
            switch env["TERM_PROGRAM"] ?? "" {
            case "Apple_Terminal", "WezTerm", "iTerm.app": return .decLines
            default: return nil
            }
        }
    }

    public func enabled(environment env: [String: String]) -> Bool {
        doubleSizeProtocol(environment: env) != nil
    }
}

/// The bytes that make double-size rows appear, sent after curses has drawn a frame. curses
/// knows nothing of them, so the painter sends these itself.
public enum DoubleSizeSequences {
    /// What to send for `grid` given the row attributes already on screen (`previous`).
    /// DEC lines are a property of the line: sent only where a row's attribute changed (and
    /// `ESC # 5` resets a row that stopped being double). kitty's sized text is content: it is
    /// rewritten for every top-half row whenever the frame is painted.
    /// `cursor`: where curses left the cursor; the sequences move it, and curses plans its next
    /// frame's cursor moves (some of them relative) from where it believes the cursor is, so
    /// they end by putting it back there.
    public static func sequences(for grid: Grid, previous: [RowAttribute], using proto: DoubleSizeProtocol,
                                 cursor: GridPoint) -> String {
        var out = ""
        for (y, attribute) in grid.rowAttributes.enumerated() {
            switch proto {
            case .decLines:
                let before = y < previous.count ? previous[y] : .single
                guard attribute != before else { continue }
                let code = attribute == .doubleTop ? "3" : attribute == .doubleBottom ? "4" : "5"
                out += "\u{1B}[\(y + 1);1H\u{1B}#\(code)"
            case .kittyTextSizing:
                guard attribute == .doubleTop else { continue }
                let text = grid.text(row: y)
                let trimmed = text.drop(while: { $0 == " " })
                let content = String(trimmed.reversed().drop(while: { $0 == " " }).reversed())
                guard !content.isEmpty else { continue }
                let column = DisplayWidth.of(text.prefix(text.count - trimmed.count)) * 2
                out += "\u{1B}[\(y + 1);\(column + 1)H\u{1B}]66;s=2;\(content)\u{07}"
            }
        }
        if !out.isEmpty { out += "\u{1B}[\(cursor.y + 1);\(cursor.x + 1)H" }
        return out
    }

    /// For kitty, the cells under sized text must be blank in what curses draws, or curses
    /// would draw the same text again at normal size.
    public static func gridForCurses(_ grid: Grid, using proto: DoubleSizeProtocol?) -> Grid {
        guard proto == .kittyTextSizing else { return grid }
        var g = grid
        for (y, a) in grid.rowAttributes.enumerated() where a != .single {
            for x in 0..<g.width { g[x, y] = Cell(" ", g[x, y].style) }
        }
        return g
    }
}
