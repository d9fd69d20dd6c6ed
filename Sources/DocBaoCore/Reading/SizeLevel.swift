/// One step of the A- / A / A+ control. A terminal cannot change its font, so each step changes
/// what helps a reader instead: a shorter measure, wider margins, more space between lines and
/// paragraphs, heavier text, and (where the terminal has them) double-size glyphs.
public struct SizeLevel: Equatable, Sendable {
    public var number: Int
    /// Longest text line in columns; nil uses the whole pane.
    public var measure: Int?
    /// Columns kept empty on each side of the text, at least.
    public var margin: Int
    /// Blank rows between the lines of a paragraph.
    public var lineGap: Int
    /// Blank rows between blocks.
    public var paragraphGap: Int
    public var boldBody: Bool
    public var boldHeadings: Bool
    /// Title drawn with double-size glyphs where the terminal supports them.
    public var doubleTitle: Bool
    /// All article text drawn with double-size glyphs where supported.
    public var doubleBody: Bool

    /// The single table of levels. Going up never widens the measure or tightens spacing.
    public static let all: [SizeLevel] = [
        SizeLevel(number: 1, measure: nil, margin: 0, lineGap: 0, paragraphGap: 1, boldBody: false, boldHeadings: true, doubleTitle: false, doubleBody: false),
        SizeLevel(number: 2, measure: 100, margin: 1, lineGap: 0, paragraphGap: 1, boldBody: false, boldHeadings: true, doubleTitle: false, doubleBody: false),
        SizeLevel(number: 3, measure: 88, margin: 2, lineGap: 0, paragraphGap: 1, boldBody: false, boldHeadings: true, doubleTitle: false, doubleBody: false),
        SizeLevel(number: 4, measure: 80, margin: 2, lineGap: 0, paragraphGap: 1, boldBody: false, boldHeadings: true, doubleTitle: false, doubleBody: false),
        SizeLevel(number: 5, measure: 72, margin: 3, lineGap: 0, paragraphGap: 1, boldBody: false, boldHeadings: true, doubleTitle: false, doubleBody: false),
        SizeLevel(number: 6, measure: 64, margin: 4, lineGap: 0, paragraphGap: 2, boldBody: false, boldHeadings: true, doubleTitle: true, doubleBody: false),
        SizeLevel(number: 7, measure: 56, margin: 4, lineGap: 1, paragraphGap: 2, boldBody: true, boldHeadings: true, doubleTitle: true, doubleBody: false),
        SizeLevel(number: 8, measure: 48, margin: 6, lineGap: 1, paragraphGap: 2, boldBody: true, boldHeadings: true, doubleTitle: true, doubleBody: true),
        SizeLevel(number: 9, measure: 40, margin: 8, lineGap: 1, paragraphGap: 3, boldBody: true, boldHeadings: true, doubleTitle: true, doubleBody: true),
    ]

    /// Margins give way before the text gets narrower than this (a few words of Vietnamese):
    /// a big level in a small window must not wrap its words letter by letter.
    public static let narrowestMeasure = 24

    /// Columns of text in a pane `width` columns wide, of which `gutter` are kept before the
    /// sidebar: the level's measure within its margins, the margins shrinking (to one column,
    /// in line with the toolbar's and status line's text) where they would leave less than
    /// `narrowestMeasure` columns.
    public func measure(inPane width: Int, gutter: Int = 0) -> Int {
        let room = max(1, width - gutter)
        let margin = min(self.margin, max(min(1, self.margin), (room - Self.narrowestMeasure) / 2))
        return max(1, min(measure ?? room, room - 2 * margin))
    }

    public static let defaultNumber = 5
    public static var range: ClosedRange<Int> { 1...all.count }

    public static func number(_ n: Int) -> SizeLevel {
        all[min(max(n, 1), all.count) - 1]
    }
}
