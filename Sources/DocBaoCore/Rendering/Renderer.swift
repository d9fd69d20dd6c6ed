/// `render(state)`: the whole screen as a grid of styled cells, plus clickable regions. Pure:
/// no terminal, no I/O.
public func render(_ state: ReaderState) -> Frame {
    var r = FrameBuilder(state: state)
    r.build()
    return Frame(grid: r.grid, regions: r.regions, focus: r.focus)
}

struct FrameBuilder {
    let state: ReaderState
    let theme: Theme
    let strings: Strings
    var grid: Grid
    var regions: [HitRegion] = []
    var focus = GridPoint(x: 0, y: 0)

    init(state: ReaderState) {
        self.state = state
        theme = state.theme
        strings = state.strings
        grid = Grid(width: state.size.width, height: state.size.height, style: state.theme.style(.body))
    }

    var width: Int { state.size.width }
    var height: Int { state.size.height }

    mutating func build() {
        guard width > 0, height > 0 else { return }
        if state.isTooSmall {
            // Wrapped over the rows there are, so that the whole of it can be read.
            for (y, line) in LineBreaker.wrappedLines(strings[.tooSmall], measure: width).prefix(height).enumerated() {
                grid.put(line, x: 0, y: y, style: theme.style(.notice))
            }
            return
        }
        drawToolbar()
        drawBreadcrumb()
        switch state.screen {
        case .library: drawLibrary()
        case .article: drawArticle()
        }
        if state.sidebarShown { drawSidebar() }
        drawStatus()
        if state.helpVisible { drawHelp() }
    }

    // MARK: Toolbar

    mutating func drawToolbar() {
        let bar = theme.style(.toolbar), button = theme.style(.toolbarButton)
        grid.fill(x: 0, y: 0, width: width, height: 1, style: bar)
        let (items, help) = toolbarContents()
        let helpWidth = DisplayWidth.of(help) + 2
        var x = 1
        for (label, action) in items {
            let w = DisplayWidth.of(label)
            if x + w + 1 > width - helpWidth { break }
            grid.put(label, x: x, y: 0, style: action == nil ? bar : button)
            if let action { regions.append(HitRegion(x: x, y: 0, width: w, action: action)) }
            x += w + Self.toolbarGap(after: action)
        }
        if width >= helpWidth + 1 {
            let hx = width - helpWidth + 1
            grid.put(help, x: hx, y: 0, style: button)
            regions.append(HitRegion(x: hx, y: 0, width: DisplayWidth.of(help), action: .toggleHelp))
        }
    }

    /// Columns after a toolbar item: A- and A sit closer to the next size button.
    static func toolbarGap(after action: Action?) -> Int {
        action == .sizeDown || action == .sizeReset ? 2 : 3
    }

    /// The fullest toolbar that fits the width. As it narrows, the contrast buttons get short
    /// labels, the help button becomes `?` (or keeps its label if leaving out the contrast name
    /// makes room), then the contrast name, the size level and the contrast buttons (both,
    /// never one of the pair) are left out, in that order: the size buttons, which a reader
    /// with low vision needs most, go last.
    func toolbarContents() -> (items: [(String, Action?)], help: String) {
        let sizes: [(String, Action?)] = [(strings[.sizeDown], .sizeDown), (strings[.sizeReset], .sizeReset), (strings[.sizeUp], .sizeUp)]
        let level: (String, Action?) = ("\(state.settings.sizeLevel)/\(SizeLevel.all.count)", nil)
        let name: (String, Action?) = (state.contrastName(state.settings.contrast), nil)
        func contrast(short: Bool) -> [(String, Action?)] {
            [(strings[short ? .contrastUpShort : .contrastUp], .contrastUp),
             (strings[short ? .contrastDownShort : .contrastDown], .contrastDown)]
        }
        let help = strings[.helpHint], shortHelp = "?"
        // Each step gives up one thing more; the first bar that fits is drawn. Built one at a
        // time: at 80 columns the first fits, and this is on the way to the first frame.
        for step in 0..<6 {
            let items = sizes + (step < 5 ? [level] : []) + contrast(short: step > 0) + (step < 3 ? [name] : [])
            let label = step < 2 || step == 3 ? help : shortHelp
            var end = 1
            for (text, action) in items { end += DisplayWidth.of(text) + Self.toolbarGap(after: action) }
            // The last item's gap gives way to the column before the help button.
            let last = items.last.map { Self.toolbarGap(after: $0.1) } ?? 0
            if end - last + 1 <= width - DisplayWidth.of(label) - 2 { return (items, label) }
        }
        return (sizes, shortHelp)
    }

    mutating func drawBreadcrumb() {
        var parts = [strings[.home]]
        switch state.screen {
        case .library: parts.append(strings[.libraryTitle])
        case .article:
            if let doc = state.document {
                if !doc.entry.category.isEmpty { parts.append(categoryDisplayName(doc.entry.category, strings: strings)) }
                parts.append(doc.article.title ?? doc.entry.title)
            }
        }
        let limit = state.sidebarShown ? state.paneWidth : width
        let trail = fitted(" " + joined(parts, separator: " › "), limit)
        grid.put(trail, x: 0, y: 1, style: theme.style(.breadcrumb), limit: limit)
        // The library's order, at the right, where a click changes it as `o` does.
        if state.screen == .library {
            let order = strings.format(.sortedBy, strings[state.settings.libraryOrder.label])
            let w = DisplayWidth.of(order)
            if DisplayWidth.of(trail) + 2 + w + 1 <= limit {
                grid.put(order, x: limit - w - 1, y: 1, style: theme.style(.breadcrumb), limit: limit)
                regions.append(HitRegion(x: limit - w - 1, y: 1, width: w, action: .cycleLibraryOrder))
            }
        }
        // As on the portal, the home link leads back to the list of articles.
        if state.screen == .article && !state.singleArticle {
            regions.append(HitRegion(x: 1, y: 1, width: min(DisplayWidth.of(parts[0]), max(0, limit - 2)), action: .back))
        }
    }

    // MARK: Article pane

    static func styleRole(_ role: TextRole) -> StyleRole {
        switch role {
        case .kicker: return .kicker
        case .title: return .title
        case .meta: return .meta
        case .lead: return .lead
        case .paragraph: return .body
        case .heading: return .heading
        case .caption: return .caption
        case .item, .itemParagraph, .verse, .quote, .preformatted: return .body
        case .sectionBreak: return .meta
        case .byline, .share: return .byline
        case .rating: return .rating
        case .notice: return .notice
        }
    }

    mutating func drawArticle() {
        guard let doc = state.document else { return }
        let layout = doc.layout
        let geo = layout.geometry
        let top = 2
        let matcher = state.search.query.map(TextMatcher.init)
        var matchCache: [Int: [Range<Int>]] = [:]
        var pos = doc.top
        var focused = false  // on the first line of text shown
        for y in top..<(top + state.paneHeight) where y < height - 1 {
            guard let row = layout.row(at: pos) else { break }
            if case .text(let line, let half) = row.kind, let block = layout.block(row.block) {
                let role = Self.styleRole(block.role)
                let base = theme.style(role)
                let inset = DocumentLayout.inset(of: block, geometry: geo)
                var x = geo.left + inset + LayoutGeometry.indent(block.role) + line.indent
                var barX = geo.left + inset
                if let half {
                    // A double-size row's cells are two columns wide: its margin is halved (the
                    // inset is in cells of the glyph size already).
                    grid.rowAttributes[y] = half == .top ? .doubleTop : .doubleBottom
                    x = (geo.left + LayoutGeometry.indent(block.role)) / 2 + inset + line.indent
                    barX = geo.left / 2 + inset
                }
                if block.role.hasBar {
                    grid.put("▍", x: barX, y: y, style: theme.style(.captionMark), limit: geo.paneWidth)
                }
                if !focused {
                    focus = GridPoint(x: x, y: y)
                    focused = true
                }
                if block.role == .rating, half == nil { addStarRegions(line: line, text: block.text, x: x, y: y) }
                if block.role == .share, half == nil {
                    regions.append(HitRegion(x: x, y: y, width: max(1, line.width), action: .copyLink))
                }
                var ranges: [Range<Int>] = []
                if let matcher {
                    if matchCache[row.block] == nil { matchCache[row.block] = matcher.ranges(in: block.text) }
                    ranges = matchCache[row.block]!.filter { $0.upperBound > line.start && $0.lowerBound < line.end }
                }
                let current = state.search.current
                let match = theme.style(.searchMatch), currentStyle = theme.style(.currentMatch)
                let spans = block.spans.filter { $0.range.upperBound > line.start && $0.range.lowerBound < line.end }
                grid.put(layout.text(of: line, in: row.block), x: x, y: y, style: base, limit: geo.paneWidth) { offset in
                    let o = offset + line.start
                    if let r = ranges.first(where: { $0.contains(o) }) {
                        if let current, current.block == row.block, current.range == r { return currentStyle }
                        return match
                    }
                    return spans.isEmpty ? nil : Self.marked(base, o, spans)
                }
            }
            let next = layout.advance(pos, by: 1)
            if next == pos { break }
            pos = next
        }
    }

    /// `base` as the inline spans that hold offset `o` mark it: emphasis italic, strong
    /// emphasis bold, a link underlined. Where the text is italic or bold already (a caption;
    /// the lead, a heading, the big levels' body) such emphasis is underlined instead, so that
    /// it still stands out.
    static func marked(_ base: CellStyle, _ o: Int, _ spans: [InlineSpan]) -> CellStyle? {
        var style = base, marked = false
        for span in spans where span.range.contains(o) {
            marked = true
            switch span.style {
            case .emphasis:
                if base.italic { style.underline = true } else { style.italic = true }
            case .strong:
                if base.bold { style.underline = true } else { style.bold = true }
            case .link: style.underline = true
            }
        }
        return marked ? style : nil
    }

    /// Each star of the rating line is a button that rates the article.
    mutating func addStarRegions(line: WrappedLine, text: String, x: Int, y: Int) {
        var col = x, offset = line.start
        for c in text.utf8Slice(line.start, line.end) {
            if let n = ArticleBlocks.star(atOffset: offset, in: text) {
                regions.append(HitRegion(x: col, y: y, width: DisplayWidth.of(c), action: .rate(n)))
            }
            col += DisplayWidth.of(c)
            offset += c.utf8.count
        }
    }

    // MARK: Sidebar

    mutating func drawSidebar() {
        let x0 = width - ReaderState.sidebarWidth
        let style = theme.style(.sidebar), heading = theme.style(.sidebarHeading), number = theme.style(.sidebarNumber)
        let inner = ReaderState.sidebarWidth - 2
        for y in 2..<(height - 1) where grid.rowAttributes[y] == .single {
            grid.fill(x: x0 - 1, y: y, width: ReaderState.sidebarWidth + 1, height: 1, style: style)
            grid.put("│", x: x0 - 1, y: y, style: style)
        }
        var y = 2
        func line(_ label: String, _ value: String?, labelStyle: CellStyle? = nil) {
            guard y < height - 1, grid.rowAttributes[y] == .single else { y += 1; return }
            grid.put(fitted(label, inner), x: x0 + 1, y: y, style: labelStyle ?? style, limit: x0 + 1 + inner)
            if let value {
                let shown = fitted(value, max(0, inner - DisplayWidth.of(label) - 1))
                grid.put(shown, x: x0 + 1 + inner - DisplayWidth.of(shown), y: y, style: number, limit: x0 + 1 + inner)
            }
            y += 1
        }
        // A number still on its way (the store opens after the first frame; the reading time
        // waits for the whole of a page drawn from its head) shows as an ellipsis.
        let pending = "…"
        let missing = state.statsStatus == .loading ? pending : strings[.unavailable]
        let lang = state.settings.language
        line(strings[.statsHeading], nil, labelStyle: heading)
        if let c = state.stats.site, state.statsAvailable {
            line(strings[.today], lang.grouped(c.today))
            line(strings[.yesterday], lang.grouped(c.yesterday))
            line(strings.monthLabel(c.monthNumber), lang.grouped(c.month))
            line("\(strings[.year]) \(c.yearNumber)", lang.grouped(c.year))
            line(strings[.total], lang.grouped(c.total))
        } else {
            line(missing, nil)
        }
        guard state.screen == .article, let doc = state.document else { return }
        y += 1
        line(strings[.thisArticle], nil, labelStyle: heading)
        line(strings[.views], state.statsAvailable ? state.stats.articleViews.map(lang.grouped) ?? missing : missing)
        let ratingText: String
        if let r = state.stats.articleRating, state.statsAvailable {
            ratingText = r.average.map { "\(lang.decimal($0))★ (\(r.votes))" } ?? strings[.notRated]
        } else {
            ratingText = missing
        }
        line(strings[.rating], ratingText)
        line(strings[.readingTime], doc.isComplete ? strings.readingTime(minutes: doc.readingMinutes) : pending)
    }

    // MARK: Status line

    mutating func drawStatus() {
        let y = height - 1
        let bar = theme.style(.status)
        grid.fill(x: 0, y: y, width: width, height: 1, style: bar)
        var left: String
        var isMessage = false
        // While a query is typed, its end (where the next character goes) stays in sight and
        // the hints give way: `q` or `/` there types a letter.
        var typed: (prompt: String, query: String)?
        if state.search.editing {
            typed = (strings[.searchPrompt], state.search.input + "▏")
        } else if state.filtering {
            typed = (strings[.filterPrompt], state.libraryFilter + "▏")
        }
        if typed != nil {
            left = ""  // fitted below, once the room is known
        } else if !state.libraryFilter.isEmpty && state.screen == .library {
            left = strings[.filterPrompt] + state.libraryFilter
        } else if let m = state.message {
            left = m
            isMessage = true
        } else if state.screen == .article, let doc = state.document, doc.changedOnDisk {
            left = strings[.fileChanged]
            isMessage = true
        } else if state.screen == .article, let doc = state.document {
            left = doc.article.title ?? doc.entry.title
        } else {
            left = strings[.libraryTitle] + " · " + strings.format(state.library.count == 1 ? .articleCountOne : .articleCount, state.settings.language.grouped(state.library.count))
        }
        var right = state.screen == .article ? "\(state.percent)%" : ""
        let withHints = right + (right.isEmpty ? "" : "  ") + strings[state.screen == .library ? .libraryHints : .statusHints]
        // A message too long to sit beside the hints (an error names a file and why) takes
        // their room; they are back with the next message or key.
        if width >= 60 && typed == nil && !(isMessage && DisplayWidth.of(left) + 1 > width - DisplayWidth.of(withHints) - 2) {
            right = withHints
        }
        let rightWidth = DisplayWidth.of(right)
        let leftLimit = max(0, width - rightWidth - 2)
        if let typed {
            left = typed.prompt + fittedFromEnd(typed.query, leftLimit - 1 - DisplayWidth.of(typed.prompt))
        }
        let shown = fitted(" " + left, leftLimit)
        grid.put(shown, x: 0, y: y, style: isMessage ? theme.style(.statusMessage) : bar, limit: leftLimit)
        // On the bar that stands for the cursor, where the next character goes.
        if typed != nil { focus = GridPoint(x: max(0, DisplayWidth.of(shown) - 1), y: y) }
        if rightWidth > 0 && rightWidth < width {
            grid.put(right, x: width - rightWidth - 1, y: y, style: bar)
        }
    }

    // MARK: Help

    mutating func drawHelp() {
        let help = state.helpLayout
        let lines = help.lines, rows = help.rows
        let top = min(state.helpTop, help.maxTop)
        let w = help.boxWidth
        let h = rows + 2
        guard w > 4, rows > 0 else { return }
        let x0 = (width - w) / 2, y0 = (height - h) / 2
        let style = theme.style(.selection), body = theme.style(.help)
        grid.fill(x: x0, y: y0, width: w, height: h, style: body)
        grid.put("┌" + String(repeating: "─", count: w - 2) + "┐", x: x0, y: y0, style: style)
        grid.put("└" + String(repeating: "─", count: w - 2) + "┘", x: x0, y: y0 + h - 1, style: style)
        // Arrows in the border say that more lines lie above or below.
        if top > 0 { grid.put("↑", x: x0 + w - 3, y: y0, style: style) }
        if top < help.maxTop { grid.put("↓", x: x0 + w - 3, y: y0 + h - 1, style: style) }
        focus = GridPoint(x: x0 + 2, y: y0 + 1)
        for i in 0..<rows {
            grid.put("│", x: x0, y: y0 + 1 + i, style: style)
            grid.put("│", x: x0 + w - 1, y: y0 + 1 + i, style: style)
            let n = top + i
            let text = n < lines.count ? lines[n] : ""
            grid.put(fitted(text, w - 4), x: x0 + 2, y: y0 + 1 + i, style: n == 0 ? style : body, limit: x0 + w - 2)
        }
    }

    // MARK: Library

    mutating func drawLibrary() {
        let rows = state.visibleLibrary
        let top = 2, bottom = height - 1
        let visible = bottom - top
        guard visible > 0 else { return }
        let limit = state.sidebarShown ? state.paneWidth : width
        if rows.isEmpty {
            let text = state.library.isEmpty ? strings.format(.noArticles, state.libraryName) : strings[.libraryEmptyFilter]
            grid.put(fitted("  " + text, limit), x: 0, y: top, style: theme.style(.notice), limit: limit)
            focus = GridPoint(x: 2, y: top)
            return
        }
        // Display lines: a heading per category, then its articles.
        var lines: [(entry: Int?, text: String)] = []
        var lastCategory: String? = nil
        for (i, e) in rows.enumerated() {
            if e.category != lastCategory {
                lines.append((nil, categoryDisplayName(e.category, strings: strings)))
                lastCategory = e.category
            }
            lines.append((i, e.title))
        }
        let cursorLine = lines.firstIndex { $0.entry == state.libraryCursor } ?? 0
        let first = max(0, min(cursorLine - visible / 2, lines.count - visible))
        for (k, line) in lines[first..<min(lines.count, first + visible)].enumerated() {
            let y = top + k
            guard let i = line.entry else {
                grid.put(fitted(" " + line.text, limit), x: 0, y: y, style: theme.style(.heading), limit: limit)
                continue
            }
            let e = rows[i]
            let selected = i == state.libraryCursor
            let style = selected ? theme.style(.selection) : theme.style(.body)
            if selected {
                grid.fill(x: 0, y: y, width: limit, height: 1, style: style)
                focus = GridPoint(x: 3, y: y)
            }
            let views = e.views.map { strings.format($0 == 1 ? .viewCountOne : .viewCount, state.settings.language.grouped($0)) }
            let right = e.problem.map { fitted(strings.shortMessage(for: $0), max(0, limit * 2 / 5)) }
                ?? libraryDetails(byline: e.byline, date: e.date, views: views, width: max(0, limit * 2 / 5),
                                  order: state.settings.libraryOrder)
            let rightWidth = DisplayWidth.of(right)
            grid.put(fitted("   " + line.text, max(0, limit - rightWidth - 2)), x: 0, y: y, style: style,
                     limit: limit - rightWidth - 2)
            grid.put(right, x: limit - rightWidth - 1, y: y, style: selected ? style : theme.style(.meta), limit: limit)
            regions.append(HitRegion(x: 0, y: y, width: limit, action: .libraryOpen(i)))
        }
    }
}

/// A library row's details, `byline · date · views`, in at most `width` columns. Details that do
/// not fit are left out whole rather than cut in the middle of a name or a date: the view
/// count first, then the byline; if the date alone is too long, the byline alone is tried.
/// Only when no detail fits whole is one cut, with `…`. Ordered by views, the count is what
/// the rows are ranked by, so it stays: the byline, then the date, give way to it.
func libraryDetails(byline: String?, date: String?, views: String?, width: Int, order: LibrarySort = .title) -> String {
    let choices: [[String?]]
    let last: String?
    if order == .mostRead && views != nil {
        choices = [[byline, date, views]] + (date == nil ? [] : [[date, views]]) + [[byline, views], [views]]
        last = views
    } else {
        choices = [[byline, date, views], [byline, date], [date], [byline], [views]]
        last = date ?? byline ?? views
    }
    for choice in choices {
        let parts = choice.compactMap { $0 }
        guard !parts.isEmpty else { continue }
        let text = joined(parts, separator: " · ")
        if DisplayWidth.of(text) <= width { return text }
    }
    return fitted(last ?? "", width)
}

/// Cuts text to at most `width` columns, ending in `…` when something was cut.
public func fitted(_ text: String, _ width: Int) -> String {
    guard width > 0 else { return "" }
    if DisplayWidth.of(text) <= width { return text }
    var out = ""
    var w = 0
    for c in text {
        let cw = DisplayWidth.of(c)
        if w + cw > width - 1 { break }
        out.append(c)
        w += cw
    }
    // `nhiệm …` reads as a word and then a mark of its own: the ellipsis goes on the last word.
    while let last = out.last, last.isWhitespace { out.removeLast() }
    return out + "…"
}

/// `text` in at most `width` columns, keeping its end: the start gives way to "…".
public func fittedFromEnd(_ text: String, _ width: Int) -> String {
    guard width > 0 else { return "" }
    if DisplayWidth.of(text) <= width { return text }
    var kept: [Character] = []
    var w = 0
    for c in text.reversed() {
        let cw = DisplayWidth.of(c)
        if w + cw > width - 1 { break }
        kept.append(c)
        w += cw
    }
    return "…" + String(kept.reversed())
}

/// `parts.joined(separator:)`, written out: the standard library's is not specialised into its
/// callers, and its first call in a process looks up associated types at run time (0.27 M
/// instructions, on the way to the first frame).
func joined(_ parts: [String], separator: String) -> String {
    var out = ""
    for (i, part) in parts.enumerated() {
        if i > 0 { out.append(separator) }
        out.append(part)
    }
    return out
}
