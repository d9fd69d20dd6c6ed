import Foundation

/// Finds the article inside the text of a copied news web page.
///
/// It reads the page top to bottom in three phases: the *head* (chrome, kicker, title, source,
/// date) up to the first line of running prose, which is the lead; the *body* (paragraphs,
/// headings, captions); and the *tail* that starts at the byline, rating or counter block.
/// Every non-blank line lands in a field, a block, or `removed`.
struct PageDumpParser {
    private var article = Article()
    private var stats = PageStats()
    private var sawStats = false
    /// The lead once found, folded, to drop a repeat of it (kept here: blocks can be millions).
    private var leadFolded: String?
    /// The title, folded, to drop a repeat of it in the body.
    private var titleFolded: String?
    /// Whether a short sentence may be a caption by its shape (`PageStyle`).
    private var captionsByShape = true

    /// `style`: the page's style (`PageStyle`): the width the text was wrapped at
    /// (`HardWrap`), if it was, whose wrapped lines are joined again; whether captions are
    /// told by their shape.
    ///
    /// A page that ends in the list of its links' addresses (`LinkNumbers`) is read without
    /// it, and its text without the numbers that refer to it.
    static func parse(_ text: String, style: PageStyle = PageStyle()) -> Article {
        var parser = PageDumpParser()
        parser.captionsByShape = style.captionsByShape
        let wrapWidth = style.wrapWidth
        var text = text
        guard let list = text.withUTF8({ LinkNumbers.referenceList($0, in: 0..<$0.count) }) else {
            return parser.run(lines: lines(text, wrapWidth: wrapWidth), complete: true)
        }
        let (before, after) = text.withUTF8 { (ByteLines.string($0, 0..<list.start), ByteLines.string($0, list.start..<$0.count)) }
        var article = parser.run(lines: lines(before, wrapWidth: wrapWidth, linkCount: list.count), complete: true)
        article.removed += SourceLine.split(after).map(\.text)
        return article
    }

    /// Reads the head of a large file: the same rules, but the text goes on after it, so a
    /// short last line is not taken for the byline.
    static func parseHead(_ text: String, style: PageStyle = PageStyle(), linkCount: Int? = nil) -> Article {
        var parser = PageDumpParser()
        parser.captionsByShape = style.captionsByShape
        return parser.run(lines: lines(text, wrapWidth: style.wrapWidth, linkCount: linkCount), complete: false)
    }

    /// The text's lines, those that were wrapped at `wrapWidth` joined again (by the widths
    /// the wrapper saw), then without the numbers of the page's `linkCount` links
    /// (`LinkNumbers`), so that every rule after this reads the text as the page showed it.
    static func lines(_ text: String, wrapWidth: Int?, linkCount: Int? = nil) -> [SourceLine] {
        SourceLine.removingLinkNumbers(unwrappedLines(text, wrapWidth: wrapWidth), upTo: linkCount)
    }

    private static func unwrappedLines(_ text: String, wrapWidth: Int?) -> [SourceLine] {
        guard let wrapWidth else { return SourceLine.split(text) }
        var text = text
        return text.withUTF8 { bytes in
            var lines: [SourceLine] = []
            var last: Range<Int>?  // the physical line before, if not blank
            ByteLines.forEachLine(bytes, 0..<bytes.count) { range in
                let trimmed = ByteLines.trim(bytes, range)
                guard !trimmed.isEmpty else {
                    last = nil
                    return
                }
                let line = SourceLine(bytes, trimmed, blankBefore: last == nil)
                if let before = last, HardWrap.wrapped(bytes, before, before: range, width: wrapWidth),
                    !HardWrap.startsItem(bytes, range, after: before), !standsAlone(line)
                {
                    lines[lines.count - 1].text += " " + line.text
                    lines[lines.count - 1].folded += " " + line.folded
                } else {
                    lines.append(line)
                }
                last = range
            }
            return lines
        }
    }

    /// A line that gives the page a field (a byline, a rating or counter, a date or a source)
    /// stands on a line of its own in wrapped text too: it is not taken for the rest of the
    /// line before, which may fill the width (a paragraph's last line). Chrome is not: a
    /// toolbar of links wraps as a paragraph does, and its last piece (`Giảm tương phản`) may
    /// be chrome on its own too. Only short lines can be one.
    static func standsAlone(_ line: SourceLine) -> Bool {
        line.text.utf8.count <= 400 && (startsTail(line) || mayGiveMeta(line, source: true, date: true))
    }

    /// Whether a line starts the tail of a page: byline, rating or visitor counters. The body
    /// ends at the first such line, in a whole file and in the lazy middle of a large one.
    static func startsTail(_ line: SourceLine) -> Bool {
        LineShapes.labelledAuthor(line.text, folded: line.folded) != nil
            || LineShapes.rating(folded: line.folded) != nil || LineShapes.isStatsHeading(folded: line.folded)
            || LineShapes.counter(folded: line.folded) != nil
    }

    /// Reads the tail of a large file (from the line `startsTail` found) into `article`.
    static func readTail(_ lines: [SourceLine], into article: inout Article) {
        var parser = PageDumpParser()
        parser.article = article
        if let stats = article.pageStats {
            parser.stats = stats
            parser.sawStats = true
        }
        for line in lines { parser.readTailLine(line) }
        if parser.sawStats { parser.article.pageStats = parser.stats }
        article = parser.article
    }

    /// What the last line of a body may be instead: the byline or the source's credit.
    enum TrailingLine: Equatable {
        case author(String), source(String)
    }

    /// A lone short name closing the body is the byline — where none was found before, or
    /// where it repeats the one found (a page that names the author under the title and
    /// again at the end); a line that credits a source (`Theo TTXVN`) is the source, where
    /// none was found before (else it stays text, and is no byline either). `author`: the
    /// byline found so far; `wantsSource`: whether the source is still missing.
    static func trailingLine(_ last: Block, blockCount: Int, author: String?, wantsSource: Bool) -> TrailingLine? {
        // Both are short: a paragraph is not folded to learn that.
        guard blockCount > 1, !LineShapes.longer(last.text, than: 60) else { return nil }
        if let source = LineShapes.creditedSource(last.text, folded: TextFolding.fold(last.text)) {
            return wantsSource ? .source(source) : nil
        }
        guard last.kind == .heading || last.kind == .verse, LineShapes.looksLikeName(last.text),
            LineShapes.wordCount(last.text) <= 5
        else { return nil }
        guard let author else { return .author(last.text) }
        return TextFolding.fold(author) == TextFolding.fold(last.text) ? .author(author) : nil
    }

    /// Sets the field a trailing line gives.
    static func take(_ line: TrailingLine, into article: inout Article) {
        switch line {
        case .author(let name): article.author = name
        case .source(let source): article.source = source
        }
    }

    /// The start of the article from the head of a page (`text`, which must end at a blank
    /// line): what the parse of the whole page is sure to begin with — its head fields and
    /// every block but the last, whose kind can depend on the line after it. Nothing from the
    /// tail (author, rating, counters). Nil when the head does not settle where the lead is.
    static func parsePreview(_ text: String, style: PageStyle = PageStyle()) -> Article? {
        var parser = PageDumpParser()
        parser.captionsByShape = style.captionsByShape
        let lines = lines(text, wrapWidth: style.wrapWidth)
        let lead = parser.findLead(lines)
        guard lead.settled else { return nil }
        var article = parser.run(lines: lines, leadIndex: lead.index, complete: false)
        guard !article.blocks.isEmpty else { return nil }
        article.blocks.removeLast()
        article.author = nil
        article.rating = nil
        article.pageStats = nil
        return article
    }

    private mutating func run(lines: [SourceLine], complete: Bool) -> Article {
        run(lines: lines, leadIndex: findLead(lines).index, complete: complete)
    }

    private mutating func run(lines: [SourceLine], leadIndex: Int, complete: Bool) -> Article {
        readHead(lines[..<leadIndex])
        readBody(lines[leadIndex...], complete: complete)
        if sawStats { article.pageStats = stats }
        if complete { takeTrailingLines() }
        if article.title == nil && !article.blocks.isEmpty {
            article.warnings.append("no title found")
        }
        return article
    }

    // MARK: Head

    /// Index of the lead: the first line of running prose that follows at least one
    /// title-like line. A page without such a line is read as body from its first content line.
    /// `settled`: the lines decided it, so that more lines after them would not change it.
    private func findLead(_ lines: [SourceLine]) -> (index: Int, settled: Bool) {
        var sawCandidate = false
        var settled = false
        for (i, line) in lines.enumerated() {
            if classifyMeta(line) != nil { continue }
            if LineShapes.sourcePrefix(line.text) != nil && sawCandidate { return (i, true) }
            if LineShapes.isProse(line.text) { return (i, true) }  // no title-like line before it: no title
            sawCandidate = true
            if i > 40 {
                settled = true
                break
            }
        }
        // No prose near the top: the first content line is the title, the rest is body.
        guard let first = lines.firstIndex(where: { classifyMeta($0) == nil }) else { return (lines.count, settled) }
        return (min(lines.count, first + 1), settled)
    }

    private enum Meta {
        case chrome, source(String), date(String), stats
    }

    /// Lines that are never title or body text.
    private func classifyMeta(_ line: SourceLine) -> Meta? {
        if ChromePatterns.classify(line.text, folded: line.folded) != nil { return .chrome }
        if let s = LineShapes.loneSource(line.text) { return .source(s) }
        if let d = LineShapes.date(line.text, folded: line.folded) { return .date(d) }
        if LineShapes.isStatsHeading(folded: line.folded) || LineShapes.counter(folded: line.folded) != nil {
            return .stats
        }
        return nil
    }

    private mutating func readHead(_ lines: ArraySlice<SourceLine>) {
        var candidates: [SourceLine] = []
        var dateWithoutTime = false  // the line before gave the date, without a time
        for line in lines {
            let tookDate = dateWithoutTime
            dateWithoutTime = false
            switch classifyMeta(line) {
            case .chrome?: article.removed.append(line.text)
            case .source(let s)?: takeSource(s, line: line)
            case .date(let d)?:
                dateWithoutTime = article.published == nil && !d.contains(":")
                takeDate(d, line: line)
            case .stats?: readTailLine(line)
            case nil:
                if tookDate, LineShapes.isTimeOfDay(folded: line.folded), let date = article.published {
                    // `Chủ nhật, ngày 29 tháng 11 năm 2026` / `16:02 (GMT +7)`: one date.
                    article.published = date + ", " + line.text
                } else if let s = LineShapes.labelledSource(line.text, folded: line.folded) {
                    takeSource(s, line: line)
                } else {
                    candidates.append(line)
                }
            }
        }
        guard !candidates.isEmpty else { return }
        // The title is the longest candidate that is not a kicker; a kicker ends in ':' and
        // stands just above it. Shorter lines above are section labels; lines below it are a
        // subtitle or a photo caption, read as body.
        let titleIndex = candidates.indices.max { a, b in
            // Neither a kicker nor a photo's caption (`Image caption, …`) is the title.
            let ka = candidates[a].text.hasSuffix(":") || Self.labelledCaption(candidates[a].text) != nil
            let kb = candidates[b].text.hasSuffix(":") || Self.labelledCaption(candidates[b].text) != nil
            if ka != kb { return ka }
            return candidates[a].text.count < candidates[b].text.count
        }!
        article.title = candidates[titleIndex].text
        titleFolded = candidates[titleIndex].folded
        if titleIndex > 0, candidates[titleIndex - 1].text.hasSuffix(":") {
            article.kicker = String(candidates[titleIndex - 1].text.dropLast()).trimmingSpaces()
            article.removed.append(contentsOf: candidates[..<(titleIndex - 1)].map(\.text))
        } else {
            article.removed.append(contentsOf: candidates[..<titleIndex].map(\.text))
        }
        // Some portals name the author right under the title (`Ngọc An`, `By Jane Smith`),
        // with an address to write to or a second name (another author, or the author's
        // outlet: `BBC News, Riverside`) under it. A deck in title case is no name.
        var next = titleIndex + 1
        if next < candidates.count, article.author == nil, let name = Self.headByline(candidates[next]) {
            article.author = name
            next += 1
            if next < candidates.count {
                let line = candidates[next]
                if LineShapes.isEmailAddress(line.text) {
                    article.removed.append(line.text)
                    next += 1
                } else if LineShapes.looksLikeName(line.text), LineShapes.wordCount(line.text) <= 6, !Self.hasTitleWord(line.text) {
                    article.author = name + ", " + line.text
                    next += 1
                }
            }
        }
        for i in next..<candidates.count {
            let line = candidates[i]
            appendBodyLine(line.text, folded: line.folded, previous: i > titleIndex + 1 ? candidates[i - 1].text : nil, next: nil)
        }
    }

    /// A line right under the title that names the author: `By Jane Smith` (as labelled), or
    /// a name of five words at most without the small words of an English title
    /// (`A Local Landmark Returns` is a deck).
    static func headByline(_ line: SourceLine) -> String? {
        if let name = LineShapes.labelledAuthor(line.text, folded: line.folded) { return name }
        return LineShapes.looksLikeName(line.text) && LineShapes.wordCount(line.text) <= 5 && !hasTitleWord(line.text) ? line.text : nil
    }

    /// Whether a line holds one of the small words of an English title, which no name has.
    /// (Compared with their diacritics, lower-cased: `Tô`, `Thế` are names; `An` is one too.)
    static func hasTitleWord(_ line: String) -> Bool {
        line.split(separator: " ").contains { titleWords.contains($0.lowercased()) }
    }

    static let titleWords: Set<String> = ["a", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "after", "from", "is", "are", "new"]

    private mutating func takeSource(_ source: String, line: SourceLine) {
        if article.source == nil { article.source = source } else { article.removed.append(line.text) }
    }

    private mutating func takeDate(_ date: String, line: SourceLine) {
        if article.published == nil { article.published = date } else { article.removed.append(line.text) }
    }

    // MARK: Body

    private enum Phase { case body, linkList, tail }

    /// `complete`: the lines go on to the page's end, so that page furniture after the
    /// article's last sentence (`furnitureStart`) is known for what it is.
    private mutating func readBody(_ lines: ArraySlice<SourceLine>, complete: Bool) {
        var phase = Phase.body
        let units = Self.joinWrappedLines(Array(lines))
        let tailStart = units.firstIndex(where: Self.startsTail)
        let furniture = complete ? Self.furnitureStart(units[..<(tailStart ?? units.count)]) : nil
        var imageWords: Int?  // the last unit dropped as an image's words (`isImageWordsBefore`)
        for (k, line) in units.enumerated() {
            // The article's last line has no line after it: the furniture or tail under it is
            // no neighbour (a short closing sentence over `Chia sẻ` is no photo's caption).
            let next = k + 1 < units.count && k + 1 != furniture && k + 1 != tailStart ? units[k + 1] : nil
            if k == furniture { phase = .tail }
            if phase == .tail {
                readTailLine(line)
                continue
            }
            if k == tailStart {
                if let author = LineShapes.labelledAuthor(line.text, folded: line.folded) {
                    article.author = author
                } else {
                    readTailLine(line)
                }
                phase = .tail
                continue
            }
            let shown = Self.shownText(line.text, titleFolded: titleFolded)
            let line = shown == line.text ? line : SourceLine(text: shown, folded: TextFolding.fold(shown), blankBefore: line.blankBefore)
            if let family = ChromePatterns.classify(line.text, folded: line.folded) {
                article.removed.append(line.text)
                if ChromePatterns.startsLinkList(line.text, family: family) { phase = .linkList }
                continue
            }
            if phase == .linkList {
                // A list of links to other articles: titles, no prose. Prose ends it.
                if !LineShapes.isProse(line.text) {
                    article.removed.append(line.text)
                    continue
                }
                phase = .body
            }
            if article.published == nil, let d = LineShapes.date(line.text, folded: line.folded) {
                article.published = d
                continue
            }
            if article.source == nil, let s = LineShapes.loneSource(line.text) ?? LineShapes.labelledSource(line.text, folded: line.folded) {
                article.source = s
                continue
            }
            if let next, !next.blankBefore, Self.isImageWordsBefore(line.folded, next.folded) {
                article.removed.append(line.text)
                imageWords = k
                continue
            }
            // The caption under an image's words is judged without a line before it.
            let previous = k > 0 && imageWords != k - 1 ? units[k - 1].text : nil
            appendBodyLine(line.text, folded: line.folded, previous: previous, next: next?.text)
        }
    }

    /// Where the page furniture under an article starts, in the lines of its body (those
    /// before any byline, rating or counter line): at the first line of page chrome after the
    /// article's last sentence — the last line that ends in a full stop, or is prose — where
    /// there is one. A national portal puts its back link, share buttons, topic tags, comment
    /// box and lists of other articles there (`Võ Hải` / `Trở lại Thời sự` / `Chia sẻ` /
    /// `Hà Nội` / `giao thông` / `Ý kiến (12)` / `Xem nhiều nhất` / …): from that line on,
    /// nothing is the article's, whatever its shape. A back link counts as chrome here only; an
    /// advert's label or an image's mark, which stand inside an article, does not. Lines after
    /// the last sentence that come before the chrome stay (a byline among them). Readers'
    /// comments are sentences too: the article's last one is looked for before them, and so
    /// are the site's footer's (`PageFooter`), where the furniture starts at the latest.
    static func furnitureStart(_ lines: ArraySlice<SourceLine>) -> Int? {
        let (last, footer) = articleEnd(lines)
        guard let last else { return footer }  // nothing else to tell the article by
        return lines[(last + 1)..<(footer ?? lines.endIndex)].firstIndex { line in
            if let family = ChromePatterns.classify(line.text, folded: line.folded) { return family != .advert && family != .image }
            return ChromePatterns.isBackLink(line.folded)
        } ?? footer
    }

    /// The article's last sentence among the lines, looked for above readers' comments and
    /// the site's footer, and where that footer starts.
    static func articleEnd(_ lines: ArraySlice<SourceLine>) -> (lastSentence: Int?, footer: Int?) {
        let footer = PageFooter.start(lines)
        return (lastSentence(beforeComments(lines[..<(footer ?? lines.endIndex)])), footer)
    }

    /// The lines before readers' comments (`commentsStart`), or all of them.
    static func beforeComments(_ lines: ArraySlice<SourceLine>) -> ArraySlice<SourceLine> {
        lines[..<(commentsStart(lines) ?? lines.endIndex)]
    }

    /// Where readers' comments start, as a browser copies them from a page that has loaded
    /// them: at the comment box's heading (`Ý kiến (12)`, `Bình luận`, `Comments`) over the
    /// first line of a comment's buttons (`Thích (12)  Trả lời  3 giờ trước`, `Reply · Like`),
    /// with at most six lines of anything but chrome between them (tabs, a name, the words of
    /// the comment). The buttons are looked for first: they are cheap to rule out.
    static func commentsStart(_ lines: ArraySlice<SourceLine>) -> Int? {
        for buttons in lines.indices where isCommentButtons(lines[buttons].folded) {
            var others = 0
            // (A reply button alone is comment-box chrome too, and no heading.)
            for h in stride(from: buttons - 1, through: lines.startIndex, by: -1) where !isCommentButtons(lines[h].folded) {
                switch ChromePatterns.classify(lines[h].text, folded: lines[h].folded) {
                case .commentForm?: return h
                case nil: others += 1
                default: break
                }
                if others > 6 { break }
            }
        }
        return nil
    }

    /// Whether a line (folded) is a comment's buttons: a reply button among at most eight
    /// words (likes, a time), and no sentence.
    static func isCommentButtons(_ folded: String) -> Bool {
        guard folded.utf8.count <= 80, ByteLines.contains(folded, "tra loi") || ByteLines.contains(folded, "reply") else { return false }
        var words: [Substring] = []
        for word in folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            words.append(word)
            if words.count > 8 { return false }
        }
        let stop = LineShapes.finalPunctuation(folded)
        return stop != "." && stop != "?" && stop != "!"
            && (words.contains("reply") || zip(words, words.dropFirst()).contains { $0 == "tra" && $1 == "loi" })
    }

    /// The last line that ends in a full stop or is prose, and is not page chrome.
    static func lastSentence(_ lines: ArraySlice<SourceLine>) -> Int? {
        lines.indices.last { i in
            let line = lines[i]
            let stop = LineShapes.finalPunctuation(line.text)
            return (stop == "." || stop == "。" || LineShapes.isProse(line.text)) && ChromePatterns.classify(line.text, folded: line.folded) == nil
        }
    }

    /// A body line as it is shown: without the words lynx repeats from an image, or the title,
    /// at its start (`characters`: its length, where the caller has counted it).
    static func shownText(_ text: String, titleFolded: String?, characters: Int? = nil) -> String {
        withoutTitleAtStart(withoutRepeatedImageWords(text, characters: characters), titleFolded: titleFolded)
    }

    /// A short line without the image's words that lynx writes at its start when the caption
    /// repeats them (`Quang cảnh hội nghị Quang cảnh hội nghị tổng kết.`): three words or more,
    /// then the same words again (a full stop after either aside); as it is otherwise. Of
    /// several such cuts, the latest. Words are what single spaces part (two spaces make an
    /// empty word), compared folded. `characters`: the text's length in characters, where the
    /// caller has counted it (a long line is then not looked at).
    static func withoutRepeatedImageWords(_ text: String, characters: Int? = nil) -> String {
        guard text.utf8.count <= 1200, characters.map({ $0 <= 300 }) ?? true else { return text }
        var copy = text
        guard let cut = copy.withUTF8(repeatedWordsEnd), (characters ?? LineShapes.characters(in: text, atMost: 301)) <= 300
        else { return text }
        return String(text.utf8.dropFirst(cut))!  // a cut after a space is on a scalar's start
    }

    /// Where the repeat of a line's first words ends (`withoutRepeatedImageWords`), as a byte
    /// offset, or nil. Read off the bytes in one pass up to the middle word: only a word whose
    /// folded first letter is the first word's is folded, and only where it is the first word
    /// again are the words after it, so that a line without a repeat (nearly every one) is
    /// neither split into words nor folded (that cost `dump` a fifth of its time).
    static func repeatedWordsEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 1
        for b in bytes where b == 0x20 { count += 1 }
        guard count >= 6, let firstEnd = ByteLines.find(0x20, in: bytes, from: 0, to: bytes.count) else { return nil }
        let first = TextFolding.fold(utf8: UnsafeBufferPointer(rebasing: bytes[0..<firstEnd]))
        let lead = first.utf8.first  // nil where the first word folds to nothing
        var cut: Int?, start = firstEnd + 1
        for k in 1...(count / 2) {  // word k starts at `start`
            var end = start
            while end < bytes.count && bytes[end] != 0x20 { end += 1 }
            // The folded first letters first; where one is not known, the word whole.
            if k >= 3, lead == nil || (start < end && (foldedLead(bytes, at: start).map { $0 == lead } ?? true)),
                TextFolding.fold(utf8: UnsafeBufferPointer(rebasing: bytes[start..<end])) == first,
                sameWords(bytes, firstEnd + 1, end + 1, count: k - 1)
            {
                cut = start
            }
            start = end + 1
        }
        return cut
    }

    /// Whether the `count` words from byte `a` are the `count` words from byte `b`, folded,
    /// the last of each compared without a full stop after it.
    private static func sameWords(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, count: Int) -> Bool {
        func word(_ start: Int) -> (folded: String, end: Int) {
            let end = ByteLines.find(0x20, in: bytes, from: start, to: bytes.count) ?? bytes.count
            return (TextFolding.fold(utf8: UnsafeBufferPointer(rebasing: bytes[start..<end])), end)
        }
        func withoutStop(_ word: String) -> Substring { word.hasSuffix(".") ? word.dropLast() : word[...] }
        var a = a, b = b
        for j in 1...count {
            let (x, xEnd) = word(a), (y, yEnd) = word(b)
            guard j < count ? x == y : withoutStop(x) == withoutStop(y) else { return false }
            (a, b) = (xEnd + 1, yEnd + 1)
        }
        return true
    }

    /// The first byte of the folded scalar at `i` (an ASCII letter lower-cased), or nil for a
    /// mark that folding drops.
    static func foldedLead(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt8? {
        let b = bytes[i]
        if b < 0x80 { return b >= 0x41 && b <= 0x5A ? b + 32 : b }
        let (v, _) = ByteLines.decodeScalar(bytes, at: i)
        return Unicode.Scalar(v).flatMap(TextFolding.fold).map { $0.utf8.first! }
    }

    /// A line without the title at its start, where it starts with the whole title (of four
    /// words or more) and goes on: lynx writes a photo's words at the start of its caption's
    /// line, and the national portals give their photos the article's title for words
    /// (`Hà Nội thông qua đề án … Xe cộ đông đúc …`); as it is otherwise.
    static func withoutTitleAtStart(_ text: String, titleFolded: String?) -> String {
        guard let titleFolded, let first = titleFolded.utf8.first, text.utf8.count > titleFolded.utf8.count,
            let head = text.utf8.first, head >= 0x80 || head | 0x20 == first  // an ASCII letter is compared as folded
        else { return text }
        // The line's scalars folded one at a time against the title's bytes: most lines differ
        // at their first letter, and none is folded whole or copied for this.
        let title = titleFolded.utf8, scalars = text.unicodeScalars
        var j = title.startIndex, i = scalars.startIndex, words = 1
        while j < title.endIndex {
            guard i < scalars.endIndex else { return text }
            let s = scalars[i]
            i = scalars.index(after: i)
            guard let f = TextFolding.fold(s) else { continue }  // a mark the fold drops
            for unit in f.utf8 {
                guard j < title.endIndex, title[j] == unit else { return text }
                j = title.index(after: j)
            }
            if f == " " { words += 1 }
        }
        // The title's last letter may carry marks; then a space, and more.
        while i < scalars.endIndex, TextFolding.fold(scalars[i]) == nil { i = scalars.index(after: i) }
        guard words >= 4, i < scalars.endIndex, scalars[i] == " " else { return text }
        let rest = text[scalars.index(after: i)...].drop { $0 == " " }
        return rest.isEmpty ? text : String(rest)
    }

    /// Whether a line (folded) is an image's words that the caption right under it repeats,
    /// as w3m writes a photo with its `alt` text over its caption (`Quang cảnh hội nghị` /
    /// `Quang cảnh hội nghị tổng kết.`): two words or more, the next line the same (but for a
    /// full stop) or going on from them after a space, both short.
    static func isImageWordsBefore(_ folded: String, _ nextFolded: String) -> Bool {
        let length = folded.utf8.count
        guard length <= 400, nextFolded.utf8.count <= 600, folded.utf8.contains(0x20), nextFolded.hasPrefix(folded) else { return false }
        let rest = nextFolded.utf8.dropFirst(length)
        return rest.isEmpty || rest.first == 0x20 || rest.elementsEqual(".".utf8) || rest.elementsEqual("…".utf8)
    }

    /// Adds one content line as the next block, or drops it if it repeats the title or lead.
    private mutating func appendBodyLine(_ text: String, folded: String, previous: String?, next: String?) {
        var text = text
        if let caption = Self.labelledCaption(text) {
            article.blocks.append(Block(.caption, caption))
            return
        }
        if let titleFolded, titleFolded == folded {
            article.removed.append(text)
            return
        }
        if let leadFolded, leadFolded == folded {
            article.removed.append(text)
            return
        }
        if leadFolded == nil, LineShapes.isProse(text) || LineShapes.sourcePrefix(text) != nil {
            if let (source, rest) = LineShapes.sourcePrefix(text) {
                if article.source == nil { article.source = source }
                text = rest
            }
            article.blocks.append(Block(.lead, text))
            leadFolded = TextFolding.fold(text)
            return
        }
        // Folded as compared, so that a line that differs early (a paragraph) is not folded whole.
        let repeats = { [titleFolded, leadFolded] (line: String) in
            titleFolded.map { TextFolding.fold(line, equals: $0) } == true || leadFolded.map { TextFolding.fold(line, equals: $0) } == true
        }
        article.blocks.append(Block(Self.kindOfBodyLine(text, folded: folded, previous: previous, next: next,
                                                        isRepeat: repeats, captionsByShape: captionsByShape), text))
    }

    /// `Image caption, Volunteers carried …`: a photo's caption under the label with which a
    /// page (the BBC's, say) tells a screen reader what it is; the caption without it.
    static func labelledCaption(_ text: String) -> String? {
        guard let first = text.utf8.first, first | 0x20 == UInt8(ascii: "i") else { return nil }
        for label in captionLabels where text.utf8.count > label.utf8.count {
            let head = text.utf8.prefix(label.utf8.count)
            if head.elementsEqual(label.utf8, by: { $0 | 0x20 == $1 | 0x20 }) {
                let rest = text.utf8.dropFirst(label.utf8.count)
                return String(rest)?.trimmingSpaces()
            }
        }
        return nil
    }

    static let captionLabels = ["image caption, ", "image caption: "]

    static let photoMarkers = ["anh:", "(anh", "anh minh hoa", "nguon anh", "photo:", "photo by", "(photo", "image:", "credit:"]

    /// Item: a line that starts with a bullet, or with a number or letter (`1.`, `a)`) when the
    /// line before or after it starts with a marker too (a numbered line on its own is more
    /// often a section heading: `1. Về kinh tế`). Verse: a line shaped like one
    /// (`isVerseShaped`) next to another, where each alone would be a heading or a caption: a
    /// *ca dao* couplet, a column of names; of two such lines, the first must not end a
    /// sentence. Heading: short, no closing punctuation.
    /// Caption: a short single sentence (where `captionsByShape`: see `PageStyle`), or a line
    /// that credits a photo. Everything else is a paragraph. `previous`, `next`: the body
    /// lines around it (wrapped lines joined), or of a long one a prefix of more than 50
    /// characters (`LazyBody.neighbourLine`), each asked for only where it decides (a line
    /// with a list marker, verse, a caption: short lines), which spares the large-file reader
    /// decoding them for nearly every paragraph;
    /// `isRepeat` says whether a line repeats the title or lead (and is dropped, so is no verse
    /// next to this one). `characters`: the text's length in characters if the caller knows
    /// it, or any count above 300 if it is longer than that.
    static func kindOfBodyLine(_ text: String, folded: String, previous previousLine: @autoclosure () -> String?,
                               next nextLine: @autoclosure () -> String?,
                               characters: Int? = nil, isRepeat: (String) -> Bool = { _ in false },
                               captionsByShape: Bool = true) -> Block.Kind {
        lazy var previous = previousLine()
        lazy var next = nextLine()
        // A source's credit (`Theo TTXVN`) that stays in the text reads as a line of it.
        if LineShapes.creditedSource(text, folded: folded) != nil { return .paragraph }
        if let marker = ListMarker.of(text),
            marker.kind == .bullet || previous.flatMap(ListMarker.of) != nil || next.flatMap(ListMarker.of) != nil
        {
            return .item
        }
        func verse(_ line: String?) -> Bool { line.map { isVerseShaped($0) && !isRepeat($0) } ?? false }
        // Only the last line of a stanza ends a sentence: a caption (`Quang cảnh Hội nghị.`)
        // followed by a heading is not verse.
        if isVerseShaped(text, folded: folded),
            (verse(previous) && !LineShapes.endsSentence(previous!)) || (!LineShapes.endsSentence(text) && verse(next))
        {
            return .verse
        }
        let length = characters ?? LineShapes.characters(in: text, atMost: 301)
        if length > 300 { return .paragraph }
        let words = LineShapes.wordCount(text)
        if photoMarkers.contains(where: { ByteLines.contains(folded, $0) }) { return .caption }
        if !LineShapes.endsWithClosingPunctuation(text) && length <= 200 && words <= 35 {
            return .heading
        }
        // A short line trailing off (`Từ một câu chuyện có hậu…`) heads a section of a feature;
        // one in quotes or after a dash is someone's words.
        if words <= 10, endsInEllipsis(text), LineShapes.sentenceCount(text) == 1,
            let first = text.unicodeScalars.first, !quoteOpeners.contains(scalar: first.value), !dashes.contains(scalar: first.value)
        {
            return .heading
        }
        // Not a caption: a line over a repeat of the title, which is an image's words (the
        // caption comes under the image), or one that reports what someone said (`Theo bà
        // Lan, …`, `“…”`, `… cho biết …`, `… said …`).
        if captionsByShape, LineShapes.finalPunctuation(text) == ".", length <= 130, words <= 25,
            LineShapes.sentenceCount(text) == 1, let next, !LineShapes.looksLikeName(next), !reportsSpeech(folded), !isRepeat(next)
        {
            return .caption
        }
        return .paragraph
    }

    /// What someone's words in dialogue start with, besides a quote.
    static let dashes: ScalarSet = ["-", "–", "—"]

    /// Whether a line ends in `…` or `...` (after any closing quote or bracket).
    static func endsInEllipsis(_ text: String) -> Bool {
        let s = LineShapes.trimmed(Substring(text), LineShapes.closers)
        return s.hasSuffix("…") || (s.hasSuffix("...") && !s.hasSuffix("...."))
    }

    /// Whether a line (folded) reports what someone said: *according to* someone (`Theo bà
    /// Lan, …`), someone's words in quotes, or a verb of saying (`cho biết`, `said`).
    static func reportsSpeech(_ folded: String) -> Bool {
        if let first = folded.unicodeScalars.first, quoteOpeners.contains(scalar: first.value) { return true }
        if folded.hasPrefix("theo "), let comma = folded.utf8.firstIndex(of: UInt8(ascii: ",")),
            folded.utf8.distance(from: folded.utf8.startIndex, to: comma) <= 40
        {
            return true
        }
        return speechVerbs.contains { ByteLines.contains(folded, $0) }
    }

    static let quoteOpeners: ScalarSet = ["\"", "“", "'", "‘", "«"]
    static let speechVerbs = ["cho biet", "cho rang", "noi rang", " said", " says", " told "]

    /// A line that may be one of verse: at most 50 characters and two words, starting with a
    /// capital (after any opening quote), with no digit or colon (dates, counters, labels), no
    /// list marker, no photo credit, and not page chrome.
    static func isVerseShaped(_ text: String, folded: String? = nil) -> Bool {
        guard LineShapes.isShortAndCapitalised(text), LineShapes.wordCount(text) >= 2,
            !text.utf8.contains(where: { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ":") }),
            ListMarker.of(text) == nil
        else { return false }
        let folded = folded ?? TextFolding.fold(text)
        return !photoMarkers.contains(where: { ByteLines.contains(folded, $0) })
            && ChromePatterns.classify(text, folded: folded) == nil
    }

    // MARK: Tail

    private mutating func readTailLine(_ line: SourceLine) {
        if let r = LineShapes.rating(folded: line.folded), article.rating == nil {
            article.rating = r
        } else if LineShapes.isStatsHeading(folded: line.folded) {
            sawStats = true
        } else if let (kind, value) = LineShapes.counter(folded: line.folded) {
            sawStats = true
            switch kind {
            case .today where stats.today == nil: stats.today = value
            case .yesterday where stats.yesterday == nil: stats.yesterday = value
            case .month where stats.month == nil: stats.month = value
            case .year where stats.year == nil: stats.year = value
            case .total where stats.total == nil: stats.total = value
            default: article.removed.append(line.text)
            }
        } else if article.author == nil, let a = LineShapes.labelledAuthor(line.text, folded: line.folded) {
            article.author = a
        } else if article.published == nil, let d = LineShapes.date(line.text, folded: line.folded) {
            article.published = d
        } else if article.source == nil, let s = LineShapes.creditedSource(line.text, folded: line.folded)
            ?? LineShapes.labelledSource(line.text, folded: line.folded)
        {
            article.source = s
        } else {
            article.removed.append(line.text)
        }
    }

    /// Whether `readBody` or `readTailLine` could take this line as the page's source or its
    /// date (`source`, `date`: which of them to ask about). Counters, ratings and statistics
    /// headings are taken as such before the date is tried, in the body and in the tail
    /// alike, so they never become one ("Tháng 10 : 388.879" has a date's shape).
    static func mayGiveMeta(_ line: SourceLine, source: Bool, date: Bool) -> Bool {
        if date, LineShapes.date(line.text, folded: line.folded) != nil, LineShapes.counter(folded: line.folded) == nil,
            LineShapes.rating(folded: line.folded) == nil, !LineShapes.isStatsHeading(folded: line.folded)
        {
            return true
        }
        return source && (LineShapes.loneSource(line.text) ?? LineShapes.labelledSource(line.text, folded: line.folded)) != nil
    }

    /// The byline and the credit may both close the body (`Minh Anh` over `Theo TTXVN`): each
    /// is taken once (a byline again only as a repeat), and every line taken is a block less.
    private mutating func takeTrailingLines() {
        while let last = article.blocks.last,
            let line = Self.trailingLine(last, blockCount: article.blocks.count, author: article.author,
                                         wantsSource: article.source == nil)
        {
            Self.take(line, into: &article)
            article.blocks.removeLast()
        }
    }

    /// Joins lines that a hard-wrapped dump split mid-sentence: no blank line between, the
    /// first does not end a sentence, and the next starts in lower case.
    static func joinWrappedLines(_ lines: [SourceLine]) -> [SourceLine] {
        var out: [SourceLine] = []
        for line in lines {
            if var prev = out.last, !line.blankBefore, !LineShapes.endsWithClosingPunctuation(prev.text),
                let first = line.text.first, first.isLowercase, LineShapes.longer(prev.text, than: 39)
            {
                prev.text += " " + line.text
                prev.folded += " " + line.folded
                out[out.count - 1] = prev
            } else {
                out.append(line)
            }
        }
        return out
    }
}

/// A non-blank input line, trimmed, with its folded form.
struct SourceLine {
    var text: String
    var folded: String
    /// Whether a blank line (or the start of the file) precedes it.
    var blankBefore: Bool

    /// `lines` without the numbers of a page's `count` links (`LinkNumbers`); as they are
    /// when `count` is nil.
    static func removingLinkNumbers(_ lines: [SourceLine], upTo count: Int?) -> [SourceLine] {
        guard let count else { return lines }
        return lines.map { line in
            let text = LinkNumbers.removing(from: line.text, upTo: count)
            return text == line.text ? line : SourceLine(text: text, folded: TextFolding.fold(text), blankBefore: line.blankBefore)
        }
    }

    static func split(_ text: String) -> [SourceLine] {
        var text = text
        return text.withUTF8 { split(utf8: $0, 0..<$0.count) }
    }

    /// The lines of a range of valid UTF-8.
    static func split(utf8 bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [SourceLine] {
        var result: [SourceLine] = []
        var blank = true
        ByteLines.forEachLine(bytes, range) { line in
            let trimmed = ByteLines.trim(bytes, line)
            if trimmed.isEmpty {
                blank = true
                return
            }
            result.append(SourceLine(bytes, trimmed, blankBefore: blank))
            blank = false
        }
        return result
    }

    init(text: String, folded: String, blankBefore: Bool) {
        self.text = text
        self.folded = folded
        self.blankBefore = blankBefore
    }

    /// The line of valid UTF-8 at `trimmed`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, _ trimmed: Range<Int>, blankBefore: Bool) {
        let part = UnsafeBufferPointer(rebasing: bytes[trimmed])
        self.init(text: String(decoding: part, as: UTF8.self), folded: TextFolding.fold(utf8: part), blankBefore: blankBefore)
    }
}
