/// Everything that can happen to the reader: keys and clicks turned into intent, and results
/// of work done outside the core.
public enum Action: Equatable, Sendable {
    case scroll(Int)
    case page(Int)
    case halfPage(Int)
    case toStart, toEnd
    case sizeUp, sizeDown, sizeReset
    case contrastUp, contrastDown
    case toggleSidebar
    case toggleLanguage
    case beginSearch, searchInput(Character), searchBackspace, searchErase(PromptErase), searchSubmit, searchCancel
    case nextMatch, previousMatch
    /// To the next section heading, or back to the current section's (the article's start
    /// when it has none before).
    case nextSection, previousSection
    case toggleHelp, helpScroll(Int)
    case beginRating, rate(Int), cancelPrompt
    /// The article's link to the terminal's clipboard (`y`, or a click on the share line).
    case copyLink
    /// The next (1) or previous (-1) article of the library's list, without going back to it.
    case adjacentArticle(Int)
    case back, quit, redraw, reload
    case resize(TermSize)
    case libraryMove(Int), libraryOpen(Int?)
    /// The library's next order (`LibrarySort.next`).
    case cycleLibraryOrder
    case beginFilter, filterInput(Character), filterBackspace, filterErase(PromptErase), filterDone
    /// The statistics store has new numbers for the sidebar.
    case statsChanged(SidebarStats)
    /// An article finished loading (done outside the core, which does no I/O here).
    case opened(OpenedArticle)
    /// The whole page, after an `opened` that carried only its start.
    case completed(Article)
    case openFailed(path: String, error: ContentError)
    /// The store remembered where the reader was in the open article.
    case restorePosition(TextPosition)
    /// Views per article id, for the library rows.
    case libraryViews([String: Int])
    /// Titles, bylines and dates of library rows, read after the first frame.
    case libraryDetails([LibraryEntry])
    /// The library's files, listed (titled by file name until their details come).
    case libraryListed([LibraryEntry])
    /// Whether the statistics store could be opened.
    case statsAvailability(Bool)
    /// The open article's file changed on disk since it was read (`R` reads it again).
    case fileChangedOnDisk
    case showMessage(String)
}

/// Work for the program around the core to do after an update.
public enum Effect: Equatable, Sendable {
    case open(LibraryEntry)
    case recordVisit(articleID: String)
    case savePosition(articleID: String, TextPosition)
    case rate(articleID: String, stars: Int)
    case saveSettings(ReaderSettings)
    /// Text for the terminal's clipboard.
    case copyToClipboard(String)
    case reload
    case refreshStats
    case redrawAll
    case quit
}

/// A loaded article with what the store remembers about it.
public struct OpenedArticle: Equatable, Sendable {
    public var entry: LibraryEntry
    public var article: Article
    public var position: TextPosition?
    /// Whether `article` is only the start of the page (`ArticleParser.preview`); the whole
    /// follows in `.completed`.
    public var isPreview: Bool

    public init(entry: LibraryEntry, article: Article, position: TextPosition? = nil, isPreview: Bool = false) {
        self.entry = entry
        self.article = article
        self.position = position
        self.isPreview = isPreview
    }
}
