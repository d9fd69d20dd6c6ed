/// Where and how wide the text runs in the pane, for one size level and pane width.
public struct LayoutGeometry: Equatable, Sendable {
    /// Width of the whole pane the text is centred in.
    public var paneWidth: Int
    /// Text measure in columns.
    public var measure: Int
    /// Column of the first text character, relative to the pane.
    public var left: Int
    public var lineGap: Int
    public var paragraphGap: Int
    /// Roles drawn with double-width glyphs: they wrap at half the columns.
    public var doubleRoles: Set<TextRole>

    public init(paneWidth: Int, measure: Int, left: Int, lineGap: Int, paragraphGap: Int, doubleRoles: Set<TextRole> = []) {
        self.paneWidth = paneWidth
        self.measure = measure
        self.left = left
        self.lineGap = lineGap
        self.paragraphGap = paragraphGap
        self.doubleRoles = doubleRoles
    }

    /// Columns a role's text is indented by inside the measure (captions and quotes carry a
    /// bar).
    public static func indent(_ role: TextRole) -> Int { role.hasBar ? 2 : 0 }

    /// Wrap width for a role, in character cells of that role's glyph size.
    public func wrapWidth(for role: TextRole) -> Int {
        let base = max(1, measure - Self.indent(role))
        return doubleRoles.contains(role) ? max(1, min(base, paneWidth) / 2) : base
    }
}
