import CNCursesW
import DocBaoCore

/// What the terminal can show.
public enum Capabilities {
    /// Starts colour (unless `NO_COLOR` is set or the terminal has none) and returns how many
    /// colours there are. `COLORS` is only known after `start_color`. Call after `newterm`.
    static func startColors(environment: [String: String]) -> ColorDepth {
        if let v = environment["NO_COLOR"], !v.isEmpty { return .monochrome }
        guard has_colors() else { return .monochrome }
        start_color()
        use_default_colors()
        let n = docbao_colors()
        if n >= 256 { return .full }
        if n >= 16 { return .sixteen }
        if n >= 8 { return .eight }
        return .monochrome
    }
}
