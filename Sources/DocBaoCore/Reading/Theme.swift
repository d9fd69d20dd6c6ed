/// A terminal colour: the terminal's own default, or an index into the 256-colour palette.
public enum TermColor: Hashable, Sendable {
    case `default`
    case indexed(UInt8)

    /// Inlinable for the same reason as `CellStyle`'s.
    @inlinable
    public static func == (a: TermColor, b: TermColor) -> Bool {
        switch (a, b) {
        case (.default, .default): return true
        case let (.indexed(x), .indexed(y)): return x == y
        default: return false
        }
    }
}

/// How a cell looks.
public struct CellStyle: Hashable, Sendable {
    public var fg: TermColor
    public var bg: TermColor
    public var bold: Bool
    public var dim: Bool
    public var italic: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(fg: TermColor = .default, bg: TermColor = .default, bold: Bool = false, dim: Bool = false,
                italic: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }

    public static let plain = CellStyle()

    /// Written out and inlinable: the terminal layer compares the styles of neighbouring cells
    /// for every cell it paints, and the derived comparison is a call into this module each time.
    @inlinable
    public static func == (a: CellStyle, b: CellStyle) -> Bool {
        a.fg == b.fg && a.bg == b.bg && a.bold == b.bold && a.dim == b.dim && a.italic == b.italic
            && a.underline == b.underline && a.reverse == b.reverse
    }
}

/// What a cell is, for styling. Every theme gives each role a style.
public enum StyleRole: Int, CaseIterable, Sendable {
    case body, title, kicker, lead, heading, caption, captionMark, meta, byline, rating
    case sidebar, sidebarHeading, sidebarNumber, toolbar, toolbarButton, breadcrumb
    case status, statusMessage, searchMatch, currentMatch, selection, notice, help
}

/// Steps of the Tăng / Giảm tương phản control.
public enum ContrastLevel: Int, CaseIterable, Sendable, Codable {
    case reduced = 1, normal, high, maximum

    public static let `default` = ContrastLevel.normal

    /// Parses a level name as given on the command line or in the config file.
    public init?(name: String) {
        switch name.lowercased() {
        case "reduced", "giam", "1": self = .reduced
        case "normal", "thuong", "2": self = .normal
        case "high", "cao", "3": self = .high
        case "maximum", "max", "toi-da", "4": self = .maximum
        default: return nil
        }
    }

    /// The canonical name, as written in the config file.
    public var name: String {
        switch self {
        case .reduced: return "reduced"
        case .normal: return "normal"
        case .high: return "high"
        case .maximum: return "maximum"
        }
    }
}

/// Light or dark page for the themes that set their own background.
public enum ThemeVariant: String, CaseIterable, Sendable, Codable {
    case dark, light
}

/// How many colours the terminal can show.
public enum ColorDepth: Int, Sendable, Comparable {
    case monochrome = 0, eight = 8, sixteen = 16, full = 256

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }
}

public struct Theme: Sendable {
    /// One style per role, indexed by the role's raw value. An array rather than a dictionary
    /// keyed by role: the first dictionary with a new kind of key has the Swift runtime scan
    /// every protocol conformance in the binary, before the first screen.
    private var table = [CellStyle](repeating: .plain, count: StyleRole.allCases.count)

    public init() {}

    public subscript(_ role: StyleRole) -> CellStyle {
        get { table[role.rawValue] }
        set { table[role.rawValue] = newValue }
    }

    public func style(_ role: StyleRole) -> CellStyle { self[role] }

    /// Every role with its style, in declaration order.
    public var styles: [(role: StyleRole, style: CellStyle)] {
        StyleRole.allCases.map { ($0, table[$0.rawValue]) }
    }
}
