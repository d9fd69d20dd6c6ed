/// One news article as docbao understands it, whichever kind of file it came from.
public struct Article: Sendable, Equatable {
    public var kicker: String?
    public var title: String?
    public var source: String?
    public var author: String?
    public var published: String?
    public var rating: Rating?
    /// The visitor counters the page itself showed when it was captured. Shown for reference
    /// only: docbao's own sidebar counts its own visits.
    public var pageStats: PageStats?
    public var blocks: [Block]
    /// The rest of the body of a large file, after `blocks`: decoded block by block when shown.
    public var body: LazyBody?
    /// Input lines that were recognised as page chrome and dropped, in input order.
    public var removed: [String]
    /// Things the loader had to repair or could not understand.
    public var warnings: [String]
    /// The header `Lang:` value of an authored article, if any.
    public var language: String?
    /// The header `URL:` value of an authored article, if any.
    public var url: String?

    public init(
        kicker: String? = nil, title: String? = nil, source: String? = nil, author: String? = nil,
        published: String? = nil, rating: Rating? = nil, pageStats: PageStats? = nil,
        blocks: [Block] = [], removed: [String] = [], warnings: [String] = [], language: String? = nil
    ) {
        self.kicker = kicker
        self.title = title
        self.source = source
        self.author = author
        self.published = published
        self.rating = rating
        self.pageStats = pageStats
        self.blocks = blocks
        self.removed = removed
        self.warnings = warnings
        self.language = language
    }

    /// Whether the file was not valid UTF-8, its bad bytes shown as U+FFFD: the reader says so,
    /// since the text then looks broken.
    public var hasInvalidUTF8: Bool { warnings.contains(TextDecoder.invalidUTF8Warning) }

    /// The older code the file was found to be in (`TextDecoder.eightBitAsUTF8`, or VIQR): the
    /// reader says so, in case the guess was wrong. Nil for UTF-8, for a code named with
    /// `--encoding` and for one a web page names in its `<meta charset>`.
    public var guessedEncoding: TextEncoding? {
        TextEncoding.allCases.first { code in code.guessedWarning.map(warnings.contains) ?? false }
    }

    public var wasReadAsWindows1258: Bool { guessedEncoding == .windows1258 }
    public var wasReadAsVISCII: Bool { guessedEncoding == .viscii }
    public var wasReadAsTCVN3: Bool { guessedEncoding == .tcvn3 }
    public var wasReadAsVNI: Bool { guessedEncoding == .vni }
    public var wasReadAsVIQR: Bool { guessedEncoding == .viqr }

    /// Whether the file was a web page's HTML (`HTMLPage.isLikely`), read as its text.
    public var isHTMLPage: Bool { warnings.contains(TextDecoder.htmlWarning) }

    /// True when the article has no text a reader could read.
    public var isEmpty: Bool {
        title == nil && kicker == nil && blocks.isEmpty && body == nil && author == nil
    }

    /// Number of body blocks, the lazy ones included.
    public var blockCount: Int { blocks.count + (body?.count ?? 0) }

    /// Every body block in order (lazy ones decoded one by one, dropped ones skipped, the
    /// pieces of a long line joined into the paragraph it was).
    public func forEachBlock(_ visit: (Block) -> Void) {
        blocks.forEach(visit)
        guard let body else { return }
        var pending: Block?
        body.forEachBlock { i, block in
            guard let block else { return }
            if pending != nil, body.continuing.contains(i) {
                pending!.append(block, separator: body.separator(before: i))
                return
            }
            if let pending { visit(pending) }
            pending = block
        }
        if let pending { visit(pending) }
    }
}

public struct Block: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// `item`: one item of a list, its marker (`- `, `1. `) kept at the start of its text.
        /// `itemParagraph`: a further paragraph of the item before it (indented under it, after
        /// a blank line, in the file): its text starts with as many spaces as the item's marker
        /// and nesting take, which set it under the item's text.
        /// `verse`: a paragraph whose lines are kept (verse, an address): its text holds `\n`.
        /// `quote`: a paragraph of a block quote (`> ` lines), without the `>`.
        /// `preformatted`: lines kept as they are, spaces and all (a fenced code block, a
        /// table set in columns): its text holds `\n`.
        /// `sectionBreak`: Markdown's thematic break (`---`, `* * *`), shown as `* * *`.
        case lead, paragraph, heading, caption, item, itemParagraph, verse, quote, preformatted, sectionBreak
    }

    public var kind: Kind
    public var text: String
    /// Runs of `text` set apart inline (Markdown emphasis and links in an authored file), in
    /// order of their start.
    public var spans: [InlineSpan] = []
    /// A table's cells, for a layout too narrow for `text`'s columns (see `MarkdownTable`).
    var table: MarkdownTable.Cells?
    /// The columns the whole block, its bar with it, is set in by: a quote, a photo caption or
    /// a table inside a list item stands under the item's text. (A further paragraph of an item
    /// carries its columns as spaces in its text instead, which its later lines turn over to.)
    public var inset = 0

    public init(_ kind: Kind, _ text: String, spans: [InlineSpan] = [], inset: Int = 0) {
        self.kind = kind
        self.text = text
        self.spans = spans
        self.inset = inset
    }

    /// Carries this block on with `next` after `separator` (the pieces of a long line).
    mutating func append(_ next: Block, separator: String) {
        let shift = text.utf8.count + separator.utf8.count
        text += separator
        text += next.text
        spans += next.spans.map { InlineSpan(($0.range.lowerBound + shift)..<($0.range.upperBound + shift), $0.style) }
    }
}

/// A run of a block's text that markup set apart: UTF-8 offsets into the text, and how.
public struct InlineSpan: Equatable, Sendable {
    public enum Style: Sendable {
        /// `*text*`: italic. `**text**`: bold. A link's text: underlined.
        case emphasis, strong, link
    }

    public var range: Range<Int>
    public var style: Style

    public init(_ range: Range<Int>, _ style: Style) {
        self.range = range
        self.style = style
    }
}

public struct Rating: Sendable, Equatable {
    public var points: Int
    public var votes: Int

    public init(points: Int, votes: Int) {
        self.points = points
        self.votes = votes
    }
}

public struct PageStats: Sendable, Equatable {
    public var today: Int?
    public var yesterday: Int?
    public var month: Int?
    public var year: Int?
    public var total: Int?

    public init(today: Int? = nil, yesterday: Int? = nil, month: Int? = nil, year: Int? = nil, total: Int? = nil) {
        self.today = today
        self.yesterday = yesterday
        self.month = month
        self.year = year
        self.total = total
    }

    var isEmpty: Bool { today == nil && yesterday == nil && month == nil && year == nil && total == nil }
}
