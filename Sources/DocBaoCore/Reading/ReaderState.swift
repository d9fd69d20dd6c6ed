/// Everything the reader shows, as one value: the model of Model / Update / View.
public struct ReaderState {
    public enum Screen: Equatable, Sendable { case library, article }

    public struct Document {
        public var entry: LibraryEntry
        public var article: Article
        public var layout: DocumentLayout
        /// The first visible character: the truth that survives any re-layout.
        public var anchor: TextPosition
        /// The first visible row, derived from `anchor` for the current layout.
        public var top: RowPosition
        /// Estimated reading time, counted once when the article is opened.
        public var readingMinutes: Int
        /// False while only the head of the page is parsed (the first screen of a longer
        /// page): its reading time is not known yet.
        public var isComplete = true
        /// The file changed on disk after it was read: the status line says so until `R`.
        public var changedOnDisk = false
    }

    public struct Search: Equatable, Sendable {
        public var editing = false
        public var input = ""
        public var query: String?
        /// The match the reader is on.
        public var current: Match?
        /// Matches of `query` in each layout block, counted on the first search step and kept
        /// until the query or the blocks change (for "Kết quả 3/13").
        var matchesPerBlock: [Int]?
    }

    /// A match: layout block and UTF-8 range in its text.
    public struct Match: Equatable, Sendable {
        public var block: Int
        public var range: Range<Int>
    }

    public var settings: ReaderSettings
    public var size: TermSize
    public var screen: Screen = .library
    /// The library's rows, always in the order of `settings.libraryOrder` (set through
    /// `.libraryListed`).
    public internal(set) var library: [LibraryEntry] = []
    /// Name of the library folder, for messages.
    public var libraryName = "Content"
    public var libraryCursor = 0
    public var libraryFilter = ""
    public var filtering = false
    public var document: Document?
    public var search = Search()
    public var helpVisible = false
    /// The first line of help shown, when the help is longer than the window.
    public var helpTop = 0
    public var ratingPrompt = false
    public var message: String?
    public var stats = SidebarStats()
    /// What the sidebar knows of the statistics store. It is opened after the first frame,
    /// so the first frames say its numbers are coming, not that there are none.
    public var statsStatus = StatsStatus.loading
    /// Whether the statistics store is open.
    public var statsAvailable: Bool { statsStatus == .available }
    /// Whether the terminal can draw double-size glyphs (the core decides which rows).
    public var doubleSizeGlyphs = false
    /// Whether the terminal takes text for its clipboard (OSC 52; see `ClipboardSequence`).
    public var clipboardAvailable = false
    /// Whether reading started from a single file (Back then quits instead of showing a library).
    public var singleArticle = false

    public init(settings: ReaderSettings = ReaderSettings(), size: TermSize) {
        self.settings = settings
        self.size = size
    }

    public var strings: Strings { Strings(settings.language) }
    public var theme: Theme {
        ThemeCatalog.theme(settings.contrast, settings.variant, boldBody: settings.size.boldBody)
    }

    // MARK: Geometry

    public static let minimumSize = TermSize(width: 20, height: 6)
    public static let sidebarWidth = 26
    public static let sidebarMinTerminalWidth = 80

    public var isTooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }

    public var sidebarShown: Bool {
        settings.sidebarVisible && size.width >= Self.sidebarMinTerminalWidth && !sidebarYieldsToGlyphs
    }

    /// At the two largest levels with double-size text, the sidebar gives way to it.
    var sidebarYieldsToGlyphs: Bool { doubleSizeGlyphs && settings.size.doubleBody }

    /// Width of the article pane in columns.
    public var paneWidth: Int { sidebarShown ? size.width - Self.sidebarWidth - 1 : size.width }
    /// Rows for the article: all but toolbar, breadcrumb and status line.
    public var paneHeight: Int { max(1, size.height - 3) }

    public func geometry() -> LayoutGeometry {
        let level = settings.size
        let width = max(1, paneWidth)
        // A level without margins still keeps one column between the text and the sidebar's rule.
        let gutter = sidebarShown && level.margin == 0 ? 1 : 0
        let measure = level.measure(inPane: width, gutter: gutter)
        var doubles: Set<TextRole> = []
        if doubleSizeGlyphs {
            if level.doubleTitle { doubles.insert(.title) }
            if level.doubleBody { doubles.formUnion(TextRole.allCases) }
        }
        return LayoutGeometry(
            paneWidth: width, measure: measure, left: max(0, (width - gutter - measure) / 2),
            lineGap: level.lineGap, paragraphGap: level.paragraphGap, doubleRoles: doubles)
    }

    /// Brings the layout in line with size and settings, keeping the first visible character.
    public mutating func relayout() {
        guard var doc = document else { return }
        let geometry = geometry()
        // Matches are counted in the text as shown, and a table may now be set another way:
        // a place or a match in it moves with its row.
        let changes = geometry != doc.layout.geometry
        let count = doc.layout.blocks.count
        let anchorShown = changes && doc.anchor.block < count ? doc.layout.block(doc.anchor.block) : nil
        let matchShown = changes ? search.current.flatMap { $0.block < count ? doc.layout.block($0.block)?.text : nil } : nil
        if changes { search.matchesPerBlock = nil }
        doc.layout.update(geometry: geometry)
        if changes {
            doc.anchor.offset = doc.layout.offset(doc.anchor.offset, inBlock: doc.anchor.block, shownBefore: anchorShown)
            if let current = search.current, let matchShown, doc.layout.block(current.block)?.text != matchShown {
                search.current = nil
            }
        }
        doc.top = doc.layout.rowPosition(for: doc.anchor)
        // Only a viewport that shows the end can be past the furthest top.
        if doc.layout.showsEnd(from: doc.top, height: paneHeight) {
            let maxTop = doc.layout.maxTop(height: paneHeight)
            if maxTop < doc.top { doc.top = maxTop }
        }
        document = doc
    }

    /// Rating line data: the store's ratings when it has any, else the page's captured ones.
    var displayedRating: Rating? {
        if let r = stats.articleRating, statsAvailable { return Rating(points: r.points, votes: r.votes) }
        return document?.article.rating
    }

    /// Rebuilds the layout blocks (after language or rating changes); the anchor stays, unless
    /// its block changed. Only the closing lines change (byline and rating line, in the other
    /// language, or the rating line coming or going with the store): a place inside one of
    /// them moves to its start, and a place in a line that went to the last block's start.
    mutating func rebuildBlocks() {
        guard var doc = document else { return }
        let blocks = ArticleBlocks.make(doc.article, strings: strings, rating: displayedRating)
        guard blocks != doc.layout.blocks else { return }
        search.matchesPerBlock = nil
        if doc.anchor.block >= blocks.count {
            doc.anchor = TextPosition(block: max(0, blocks.count - 1), offset: 0)
        } else if doc.anchor.offset > 0, blocks.trailingIndices.contains(doc.anchor.block),
            doc.layout.blocks[doc.anchor.block]?.text != blocks[doc.anchor.block]?.text
        {
            doc.anchor.offset = 0
        }
        doc.layout = DocumentLayout(blocks: blocks, geometry: geometry())
        document = doc
        relayout()
    }

    /// Whether the open article is only the start of its page and does not fill the pane: then
    /// the first frame waits for the whole page (`.completed`), or it would show its end.
    public var needsWholePage: Bool {
        guard let doc = document, !doc.isComplete else { return false }
        return doc.layout.showsEnd(from: doc.top, height: paneHeight)
    }

    /// Percent read, 0–100: 100 when the end is on screen.
    public var percent: Int {
        guard let doc = document else { return 0 }
        if doc.layout.showsEnd(from: doc.top, height: paneHeight) { return 100 }
        return Int((doc.layout.fraction(at: doc.anchor) * 100).rounded(.down))
    }

    /// Library rows after the filter.
    public var visibleLibrary: [LibraryEntry] { filteredLibrary(library, filter: libraryFilter) }
}

/// Where the statistics store stands: being opened, open, or not usable (locked by another
/// process, an unusable folder); the reader retries an unusable store at each poll.
public enum StatsStatus: Equatable, Sendable { case loading, available, unavailable }
