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

    /// Wrap width for a role, in character cells of that role's glyph size. A table or code
    /// may run past the measure into the right margin, up to one column before the pane's edge:
    /// the measure is for lines of prose, and columns read better whole.
    public func wrapWidth(for role: TextRole) -> Int {
        let base = max(1, measure - Self.indent(role))
        if doubleRoles.contains(role) { return max(1, min(base, paneWidth) / 2) }
        return role == .preformatted ? max(base, paneWidth - left - 1) : base
    }
}
