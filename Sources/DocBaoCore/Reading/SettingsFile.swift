/// The settings file: small, human-readable `key = value` lines.
///
///     size = 5
///     contrast = normal
///     theme = dark
///     sidebar = on
///     language = vi
public enum SettingsFile {
    public static let fileName = "settings.conf"

    /// Settings from the file's text on top of `base`. Lines that cannot be understood are
    /// reported and leave their setting at `base`'s value.
    public static func parse(_ text: String, base: ReaderSettings) -> (ReaderSettings, [String]) {
        var s = base
        var problems: [String] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
            guard parts.count == 2 else {
                problems.append("line \(number + 1): expected key = value")
                continue
            }
            let (key, value) = (parts[0].lowercased(), parts[1].lowercased())
            var ok = true
            switch key {
            case "size":
                if let n = Int(value), SizeLevel.range.contains(n) { s.sizeLevel = n } else { ok = false }
            case "contrast":
                if let c = ContrastLevel(name: value) { s.contrast = c } else { ok = false }
            case "theme":
                if let v = ThemeVariant(rawValue: value) { s.variant = v } else { ok = false }
            case "sidebar":
                if let b = ["on": true, "off": false, "true": true, "false": false][value] { s.sidebarVisible = b } else { ok = false }
            case "language":
                if let l = UILanguage(rawValue: value) { s.language = l } else { ok = false }
            default:
                problems.append("line \(number + 1): unknown setting '\(parts[0])'")
                continue
            }
            if !ok { problems.append("line \(number + 1): bad value '\(parts[1])' for \(key)") }
        }
        return (s, problems)
    }

    public static func serialize(_ s: ReaderSettings) -> String {
        """
        # docbao settings, written when you change them in the reader; edit freely.
        size = \(s.sizeLevel)
        contrast = \(s.contrast.name)
        theme = \(s.variant.rawValue)
        sidebar = \(s.sidebarVisible ? "on" : "off")
        language = \(s.language.rawValue)

        """
    }
}

extension ReaderSettings {
    /// `saved` with the settings that changed between `before` and `after` applied: what the
    /// reader changed is saved, while a command-line override stays for its one run.
    public static func persisting(_ saved: ReaderSettings, changesFrom before: ReaderSettings, to after: ReaderSettings) -> ReaderSettings {
        var s = saved
        if before.sizeLevel != after.sizeLevel { s.sizeLevel = after.sizeLevel }
        if before.contrast != after.contrast { s.contrast = after.contrast }
        if before.variant != after.variant { s.variant = after.variant }
        if before.sidebarVisible != after.sidebarVisible { s.sidebarVisible = after.sidebarVisible }
        if before.language != after.language { s.language = after.language }
        return s
    }
}

extension ThemeVariant {
    /// Light when `COLORFGBG` ("fg;bg") names a light background colour, else dark.
    public static func fromEnvironment(_ env: [String: String]) -> ThemeVariant {
        guard let value = env["COLORFGBG"], let bg = value.split(separator: ";").last.flatMap({ Int($0) }) else {
            return .dark
        }
        return bg == 7 || (9...15).contains(bg) ? .light : .dark
    }
}
