/// What a piece of text is, for typesetting and styling.
public enum TextRole: String, Sendable, CaseIterable {
    case kicker, title, meta, lead, paragraph, heading, caption, item, itemParagraph, verse, quote, preformatted, sectionBreak, byline,
        share, rating, notice
}

extension TextRole {
    /// Drawn with a bar before each line: a photo caption, a quote.
    public var hasBar: Bool { self == .caption || self == .quote }
}

/// One unit of the reading pane: the article's title, meta line, body blocks, byline and rating
/// line, in reading order.
public struct LayoutBlock: Equatable, Sendable {
    public var role: TextRole
    public var text: String
    /// Emphasis and links inside `text` (see `Block.spans`).
    public var spans: [InlineSpan]
    /// A table's cells (`Block.table`).
    var table: MarkdownTable.Cells?
    /// The columns the block is set in by (`Block.inset`).
    public var inset = 0

    public init(_ role: TextRole, _ text: String, spans: [InlineSpan] = []) {
        self.role = role
        self.text = text
        self.spans = spans
    }
}
