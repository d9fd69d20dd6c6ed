/// Whether to use real double-size glyphs (DEC double-width/double-height lines).
public enum GlyphMode: String, CaseIterable, Sendable {
    case auto, on, off

    /// Decides from the environment: known terminals that draw DEC double-size lines, never
    /// inside tmux or screen (which drop or mangle them).
    public func enabled(environment env: [String: String]) -> Bool {
        switch self {
        case .on: return true
        case .off: return false
        case .auto:
            if env["TMUX"] != nil || env["STY"] != nil { return false }
            let term = env["TERM"] ?? ""
            if term.hasPrefix("screen") || term.hasPrefix("tmux") || term == "dumb" || term.hasPrefix("linux") { return false }
            if env["XTERM_VERSION"] != nil || env["KONSOLE_VERSION"] != nil || env["WT_SESSION"] != nil { return true }
            switch env["TERM_PROGRAM"] ?? "" {
            case "Apple_Terminal", "WezTerm", "iTerm.app": return true
            default: return false
            }
        }
    }
}
