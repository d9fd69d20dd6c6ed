extension ReaderState {
    /// Applies an action and returns the work the program should do next.
    @discardableResult
    public mutating func update(_ action: Action) -> [Effect] {
        switch action {
        case .resize, .statsChanged, .statsAvailability, .restorePosition, .libraryViews, .libraryDetails, .libraryListed,
             .completed, .fileChangedOnDisk:
            break  // not the reader's doing
        default: message = nil
        }
        switch action {
        case .scroll(let n): scroll(by: n)
        case .page(let n): scroll(by: n * max(1, paneHeight - 1))
        case .halfPage(let n): scroll(by: n * max(1, paneHeight / 2))
        case .toStart: scroll(to: RowPosition(block: 0, row: 0))
        case .toEnd:
            if let doc = document { scroll(to: doc.layout.maxTop(height: paneHeight)) }

        case .sizeUp: return changeSize(settings.sizeLevel + 1)
        case .sizeDown: return changeSize(settings.sizeLevel - 1)
        case .sizeReset: return changeSize(SizeLevel.defaultNumber)
        case .contrastUp: return changeContrast(by: 1)
        case .contrastDown: return changeContrast(by: -1)
        case .toggleSidebar:
            settings.sidebarVisible.toggle()
            message = strings[settings.sidebarVisible ? .sidebarShown : .sidebarHidden]
            relayout()
            return [.saveSettings(settings)]

        case .toggleLanguage:
            settings.language = settings.language == .vi ? .en : .vi
            rebuildBlocks()
            return [.saveSettings(settings)]

        case .beginSearch:
            search.editing = true
            search.input = ""
        case .searchInput(let c): search.input.append(c)
        case .searchBackspace:
            if search.input.isEmpty { search.editing = false } else { search.input.removeLast() }
        case .searchErase(let erase): search.input = erase.applied(to: search.input)
        case .searchCancel: search.editing = false
        case .searchSubmit:
            search.editing = false
            if search.input.isEmpty {
                if search.query == nil { message = strings[.noQuery] } else { findMatch(forward: true, fromCurrent: true) }
            } else {
                search.query = search.input
                search.current = nil
                search.matchesPerBlock = nil
                findMatch(forward: true, fromCurrent: false)
            }
        case .nextSection: goToSection(forward: true)
        case .previousSection: goToSection(forward: false)
        case .nextMatch: findMatch(forward: true, fromCurrent: true)
        case .previousMatch: findMatch(forward: false, fromCurrent: true)

        case .toggleHelp:
            helpVisible.toggle()
            helpTop = 0
        case .helpScroll(let n): helpTop = min(max(0, helpTop + n), helpMaxTop)
        case .copyLink:
            guard screen == .article, let doc = document else { return [] }
            guard let url = doc.article.url else {
                message = strings[.noLink]
                return []
            }
            guard clipboardAvailable else {
                message = strings[.noClipboard]
                return []
            }
            message = strings[.linkCopied]
            return [.copyToClipboard(url)]
        case .beginRating:
            if screen == .article { ratingPrompt = true; message = strings[.ratePrompt] }
        case .rate(let stars):
            ratingPrompt = false
            guard let doc = document, (1...5).contains(stars) else { return [] }
            message = strings.format(.rated, stars)
            return [.rate(articleID: doc.entry.id, stars: stars)]
        case .cancelPrompt:
            ratingPrompt = false
            helpVisible = false
            search.editing = false
            filtering = false

        case .back:
            if screen == .article {
                // A file opened on its own has no library behind it. Esc and ← are pressed
                // in passing; quitting on them would lose the reader's place in a keystroke.
                if singleArticle {
                    message = strings[.noLibrary]
                    return []
                }
                let effects = leaveArticle()
                screen = .library
                return effects + [.refreshStats]
            }
        case .adjacentArticle(let step):
            // The library's list as it stands (its order and filter): reading on, as a
            // portal's "Tin khác", without the round trip through the list.
            guard screen == .article, let doc = document else { return [] }
            if singleArticle {
                message = strings[.noLibrary]
                return []
            }
            let rows = visibleLibrary
            guard let current = rows.firstIndex(where: { $0.id == doc.entry.id }) else { return [] }
            // Files the library found it cannot open (binary, unreadable) are passed over.
            var next = current + step
            while rows.indices.contains(next) && rows[next].problem != nil { next += step }
            guard rows.indices.contains(next) else {
                message = strings[step > 0 ? .lastArticle : .firstArticle]
                return []
            }
            libraryCursor = next
            return leaveArticle() + [.open(rows[next])]
        case .quit:
            return leaveArticle() + [.quit]
        case .redraw: return [.redrawAll]
        case .reload:
            guard let doc = document else { return [] }
            // Standard input was read to its end: there is nothing to read again.
            if doc.entry.isStandardInput {
                message = strings[.nothingToReload]
                return []
            }
            return [.reload]

        case .resize(let s):
            size = TermSize(width: max(1, s.width), height: max(1, s.height))
            relayout()

        case .libraryMove(let n):
            let count = visibleLibrary.count
            if count > 0 { libraryCursor = min(max(0, libraryCursor + n), count - 1) }
        case .libraryOpen(let index):
            let rows = visibleLibrary
            let i = index ?? libraryCursor
            guard rows.indices.contains(i) else { return [] }
            libraryCursor = i
            filtering = false
            return [.open(rows[i])]
        case .beginFilter: filtering = true
        case .filterInput(let c): libraryFilter.append(c); libraryCursor = 0
        case .filterBackspace:
            if libraryFilter.isEmpty { filtering = false } else { libraryFilter.removeLast(); libraryCursor = 0 }
        case .filterErase(let erase):
            libraryFilter = erase.applied(to: libraryFilter)
            libraryCursor = 0
        case .filterDone: filtering = false

        case .statsChanged(let s):
            stats = s
            rebuildBlocks()
        case .opened(let opened):
            open(opened)
            return [.recordVisit(articleID: opened.entry.id), .refreshStats]
        case .completed(let article):
            // The same blocks begin the whole page as began its start, so the reader's place
            // (the anchor) holds; what only the whole page tells (reading time, byline, rating
            // line) comes in now.
            guard var doc = document, !doc.isComplete else { return [] }
            doc.article = article
            doc.entry = ContentLibrary.entry(path: doc.entry.path, id: doc.entry.id, category: doc.entry.category,
                                             article: article)
            doc.readingMinutes = ArticleBlocks.readingMinutes(article)
            doc.isComplete = true
            document = doc
            rebuildBlocks()
        case .fileChangedOnDisk:
            document?.changedOnDisk = true
        case .restorePosition(let position):
            // Only if the reader has not moved yet: never yank them away from where they are.
            guard var doc = document, doc.anchor == .start, position.block < doc.layout.blocks.count else { return [] }
            doc.anchor = position
            document = doc
            relayout()
        case .libraryViews(let views):
            for i in library.indices { library[i].views = views[library[i].id] ?? 0 }
            if settings.libraryOrder == .mostRead { sortLibrary() }
        case .libraryListed(let entries):
            library = LibraryOrder.sorted(entries, by: settings.libraryOrder)
        case .libraryDetails(let entries):
            // The rows get their titles and dates (and so their places in the order); views
            // are kept.
            let details = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for i in library.indices {
                guard let d = details[library[i].id] else { continue }
                library[i].title = d.title
                library[i].byline = d.byline
                library[i].date = d.date
                library[i].problem = d.problem
            }
            sortLibrary()
        case .cycleLibraryOrder:
            settings.libraryOrder = settings.libraryOrder.next
            sortLibrary()
            message = strings.format(.sortedBy, strings[settings.libraryOrder.label])
            return [.saveSettings(settings)]
        case .statsAvailability(let available):
            statsStatus = available ? .available : .unavailable
            rebuildBlocks()
        case .openFailed(let path, let error):
            message = strings.message(for: error, path: path)
        case .showMessage(let text):
            message = text
        }
        return []
    }

    /// Shows a loaded article at its remembered position.
    mutating func open(_ opened: OpenedArticle) {
        let blocks = ArticleBlocks.make(opened.article, strings: strings, rating: opened.article.rating)
        let layout = DocumentLayout(blocks: blocks, geometry: geometry())
        let anchor = opened.position.flatMap { p in p.block < blocks.count ? p : nil } ?? .start
        document = Document(entry: opened.entry, article: opened.article, layout: layout, anchor: anchor,
                            top: RowPosition(block: 0, row: 0),
                            readingMinutes: ArticleBlocks.readingMinutes(opened.article), isComplete: !opened.isPreview)
        screen = .article
        search.current = nil
        search.matchesPerBlock = nil
        ratingPrompt = false
        relayout()
        rebuildBlocks()
        if opened.article.hasInvalidUTF8 { message = strings[.notUTF8] }
        if let code = opened.article.guessedEncoding, let key = StringKey.readAs(code) { message = strings[key] }
    }

    /// Puts the library in the chosen order; the cursor stays on its article — unless it is on
    /// the first row, where the library starts: it then stays at the top, so that opening a
    /// library whose titles come in after its file names, or turning to the newest, shows the
    /// list's head rather than wherever the first file name's article lands.
    mutating func sortLibrary() {
        let selected = libraryCursor > 0 && visibleLibrary.indices.contains(libraryCursor) ? visibleLibrary[libraryCursor].id : nil
        library = LibraryOrder.sorted(library, by: settings.libraryOrder)
        if let selected, let i = visibleLibrary.firstIndex(where: { $0.id == selected }) { libraryCursor = i }
    }

    /// Effects for leaving the open article: remember where the reader was.
    func leaveArticle() -> [Effect] {
        guard screen == .article, let doc = document else { return [] }
        return [.savePosition(articleID: doc.entry.id, doc.anchor)]
    }

    mutating func scroll(by n: Int) {
        if screen == .library {
            update(.libraryMove(n))
            return
        }
        guard let doc = document else { return }
        scroll(to: doc.layout.advance(doc.top, by: n))
    }

    mutating func scroll(to target: RowPosition) {
        guard var doc = document else { return }
        let maxTop = doc.layout.maxTop(height: paneHeight)
        // A row that exists: the start of a large file may be a hidden block, which has none,
        // and the pane is drawn from the top row on.
        doc.top = doc.layout.advance(min(max(target, RowPosition(block: 0, row: 0)), maxTop), by: 0)
        doc.anchor = doc.layout.anchor(at: doc.top)
        document = doc
    }

    mutating func changeSize(_ level: Int) -> [Effect] {
        let clamped = min(max(level, SizeLevel.range.lowerBound), SizeLevel.range.upperBound)
        if clamped != level {
            message = strings.format(level > clamped ? .sizeMax : .sizeMin, clamped)
            return []
        }
        settings.sizeLevel = clamped
        message = strings.format(.sizeNow, clamped)
        relayout()
        return [.saveSettings(settings)]
    }

    mutating func changeContrast(by step: Int) -> [Effect] {
        guard let next = ContrastLevel(rawValue: settings.contrast.rawValue + step) else {
            message = strings[step > 0 ? .contrastMax : .contrastMin]
            return []
        }
        settings.contrast = next
        message = strings.format(.contrastNow, contrastName(next))
        return [.saveSettings(settings)]
    }

    public func contrastName(_ level: ContrastLevel) -> String {
        switch level {
        case .reduced: return strings[.contrastReduced]
        case .normal: return strings[.contrastNormal]
        case .high: return strings[.contrastHigh]
        case .maximum: return strings[.contrastMaximum]
        }
    }

    // MARK: Sections

    /// Puts the next section heading (after the block at the top of the screen) at the top, or
    /// the current section's heading (the last one above the top line), or the article's start
    /// when no heading lies above. In a large file the middle is searched on all cores.
    mutating func goToSection(forward: Bool) {
        guard screen == .article, let doc = document, !doc.layout.blocks.isEmpty else { return }
        let blocks = doc.layout.blocks
        let top = doc.anchor
        // Backward from inside a heading's own lines, that heading is the current section's.
        let range = forward ? (top.block + 1)..<blocks.count : 0..<(top.offset > 0 ? top.block + 1 : top.block)
        let isHeading: @Sendable (LayoutBlock) -> Bool = { $0.role == .heading }
        if !range.isEmpty, let b = blocks.firstIndex(in: range, backward: !forward, where: isHeading) {
            scroll(to: doc.layout.rowPosition(for: TextPosition(block: b, offset: 0)))
            // The last screen already shows it: the page cannot move, and says why.
            if forward, document?.top == doc.top { message = strings[.noNextSection] }
        } else if forward {
            message = strings[.noNextSection]
        } else {
            scroll(to: RowPosition(block: 0, row: 0))
        }
    }

    // MARK: Search

    /// Moves to the next (or previous) match after the current one, or after the top of the
    /// screen, wrapping around the article once; the status line says when it went round the
    /// end (in a large file, whose matches are not counted, the jump back would say nothing).
    mutating func findMatch(forward: Bool, fromCurrent: Bool) {
        guard let query = search.query, let doc = document else {
            message = strings[.noQuery]
            return
        }
        let matcher = TextMatcher(query: query)
        let blocks = doc.layout.blocks
        guard !blocks.isEmpty, !matcher.isEmpty else { return }
        let origin: (block: Int, offset: Int)
        if fromCurrent, let c = search.current {
            origin = (c.block, forward ? c.range.lowerBound + 1 : c.range.lowerBound - 1)
        } else {
            origin = (doc.anchor.block, doc.anchor.offset)
        }
        let count = blocks.count
        /// Goes to the first (or last) match in block `b` that `keep` accepts, if any;
        /// `wrapped`: found after going round the article's end (or start).
        func found(_ b: Int, wrapped: Bool, where keep: (Range<Int>) -> Bool = { _ in true }) -> Bool {
            // In the text as shown (a table may be set as records).
            let ranges = matcher.ranges(in: doc.layout.block(b)?.text ?? "").filter(keep)
            guard let r = forward ? ranges.first : ranges.last else { return false }
            let match = Match(block: b, range: r)
            search.current = match
            reveal(TextPosition(block: b, offset: r.lowerBound))
            let round = wrapped ? strings[forward ? .searchWrappedToStart : .searchWrappedToEnd] : nil
            if let (index, total) = matchNumber(match, of: matcher) {
                let number = strings.format(.matchOf, settings.language.grouped(index), settings.language.grouped(total))
                message = round.map { number + " · " + $0 } ?? number
            } else {
                message = round.map { $0.prefix(1).uppercased() + $0.dropFirst() }
            }
            return true
        }
        // The rest of the block the search starts in, then every other block in order round
        // the article (searched on all cores in a large file), then the start block's beginning.
        let start = min(max(origin.block, 0), count - 1)
        if found(start, wrapped: false, where: { forward ? $0.lowerBound >= origin.offset : $0.lowerBound <= origin.offset }) { return }
        let hasMatch: @Sendable (LayoutBlock) -> Bool = { !matcher.ranges(in: $0.text).isEmpty }
        let rounds: [Range<Int>] = forward ? [(start + 1)..<count, 0..<start] : [0..<start, (start + 1)..<count]
        for (round, range) in rounds.enumerated() where !range.isEmpty {
            if let b = blocks.firstIndex(in: range, backward: !forward, mightMatch: { matcher.mightMatch($0) }, where: hasMatch),
                found(b, wrapped: round == 1)
            {
                return
            }
        }
        if found(start, wrapped: true, where: { forward ? $0.lowerBound < origin.offset : $0.lowerBound > origin.offset }) { return }
        search.current = nil
        message = strings.format(.notFound, query)
    }

    /// Which match of how many `match` is ("Kết quả 3/13"), counted over the whole article; nil
    /// when a large file's middle is not in memory, where counting would decode all of it.
    /// The counts per block are kept, so that `n` and `N` only add them up.
    mutating func matchNumber(_ match: Match, of matcher: TextMatcher) -> (index: Int, total: Int)? {
        guard let layout = document?.layout, layout.blocks.body == nil, match.block < layout.blocks.count else { return nil }
        let counts = search.matchesPerBlock ?? (0..<layout.blocks.count).map { matcher.ranges(in: layout.block($0)?.text ?? "").count }
        search.matchesPerBlock = counts
        let inBlock = matcher.ranges(in: layout.block(match.block)?.text ?? "").lazy.filter { $0.lowerBound < match.range.lowerBound }
        return (counts[..<match.block].reduce(0, +) + inBlock.count + 1, counts.reduce(0, +))
    }

    /// Scrolls so the character at `position` is on screen, leaving it where it is if it
    /// already is.
    mutating func reveal(_ position: TextPosition) {
        guard let doc = document else { return }
        let target = doc.layout.rowPosition(for: position)
        let bottom = doc.layout.advance(doc.top, by: paneHeight - 1)
        if target >= doc.top && target <= bottom { return }
        scroll(to: doc.layout.advance(target, by: -min(2, paneHeight / 4)))
    }
}
