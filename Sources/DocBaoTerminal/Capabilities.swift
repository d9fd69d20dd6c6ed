import CNCursesW
import DocBaoCore

/// What the terminal can show.
public enum Capabilities {
    /// Colours curses reports, or none when `NO_COLOR` is set. Call after `newterm`.
    static func colorDepth(environment: [String: String]) -> ColorDepth {
        if let v = environment["NO_COLOR"], !v.isEmpty { return .monochrome }
        guard has_colors() else { return .monochrome }
        let n = docbao_colors()
        if n >= 256 { return .full }
        if n >= 16 { return .sixteen }
        if n >= 8 { return .eight }
        return .monochrome
    }
}
