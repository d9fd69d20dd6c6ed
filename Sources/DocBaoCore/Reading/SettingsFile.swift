/// The settings file: small, human-readable `key = value` lines.
///
///     size = 5
///     contrast = normal
///     theme = dark
///     sidebar = on
///     language = vi
///     library-order = title
public enum SettingsFile {
    /// Why the settings file was not taken whole: said on the status line, in the interface's
    /// language, when the reader starts.
    public enum Warning: Equatable, Sendable {
        /// It could not be read (or is not UTF-8): every setting is at its default.
        case unreadable(path: String)
        /// These lines were not understood: their settings are at their defaults.
        case lines([SettingsProblem])
    }

    public static let fileName = "settings.conf"

    /// Settings from the file's text on top of `base`. Lines that cannot be understood are
    /// reported and leave their setting at `base`'s value.
    public static func parse(_ text: String, base: ReaderSettings) -> (ReaderSettings, [SettingsProblem]) {
        var s = base
        var problems: [SettingsProblem] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
            guard parts.count == 2 else {
                problems.append(.notKeyValue(line: number + 1))
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
            case "library-order":
                if let o = LibrarySort(rawValue: value) { s.libraryOrder = o } else { ok = false }
            default:
                problems.append(.unknownSetting(line: number + 1, name: String(parts[0])))
                continue
            }
            if !ok { problems.append(.badValue(line: number + 1, setting: key, value: String(parts[1]))) }
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
        library-order = \(s.libraryOrder.rawValue)

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
        if before.libraryOrder != after.libraryOrder { s.libraryOrder = after.libraryOrder }
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

/// A line of the settings file that was not understood.
public enum SettingsProblem: Equatable, Sendable {
    case notKeyValue(line: Int)
    case unknownSetting(line: Int, name: String)
    case badValue(line: Int, setting: String, value: String)
}
