import Foundation

/// Reads a large file without decoding all of it: the head (chrome, title, lead) and the tail
/// (byline, rating, counters) are parsed as usual, and the middle is only split into blocks by
/// a scan of its bytes — see `LazyBody`, which decodes a block when it is shown.
///
/// The middle follows the same block rules as the whole-file parser, with one difference: each
/// block is judged on its own, so a list of links after a "Tin liên quan" heading deep inside a
/// huge file is kept, where a small file's parser drops it.
public enum LargeArticleReader {
    /// Files up to this size are parsed whole; above it, the head and tail windows are.
    public static let threshold = 256 * 1024
    /// How much of the file the head and the tail parsers see, at least.
    static let window = 64 * 1024

    /// Reads UTF-8 bytes (BOM already skipped: `start`), or nil when they fit in the head
    /// window, which leaves them to the whole-file parser. `longLine`: see `LongLines`.
    static func read(_ file: FileBytes, start: Int, window: Int = window, longLine: Int = LongLines.limit,
                     format: ArticleFormat = .guessed) -> Article? {
        let all = file.buffer
        guard var headEnd = headCut(all, from: start, window: window, longLine: longLine) else { return nil }
        // A front matter belongs to the head whole, wherever the window ends.
        let matterEnd = FrontMatter.end(all, from: start)
        if let matterEnd, matterEnd > headEnd {
            guard matterEnd < all.count else { return nil }
            headEnd = matterEnd
        }
        var headText = LazyBody.decode(all, start..<headEnd)
        let authored = format == .authored || format == .guessed && (matterEnd != nil || AuthoredParser.recognises(headText))
        // A code block open where the head was cut goes to the middle whole, and so does a
        // Pandoc multiline table that the cut would read otherwise.
        if authored, let fence = CodeFence.stillOpen(all, start..<headEnd) {
            headEnd = fence
            headText = LazyBody.decode(all, start..<headEnd)
        }
        if authored, let table = PandocMultilineTable.cutInside(all, head: start..<headEnd, textEnd: all.count) {
            headEnd = table
            headText = LazyBody.decode(all, start..<headEnd)
        }
        var article: Article
        var links = LinkDefinitions.none
        // The tail (a copied page's): from the first byline, rating or counter line in the last window.
        var textEnd = all.count  // a page's text ends before the list of its links, if it has one
        var linkCount: Int?  // how many links that list numbers
        var middleEnd = all.count
        var tail: [SourceLine] = []
        var style = PageStyle()  // a page's
        let middle: BlockScan
        if authored {
            // The head first, for where its lists stand at its end (`ItemContext`), which the
            // scan of the middle goes on from.
            links = AuthoredParser.linkDefinitions(AuthoredParser.lines(headText)[...])
            var context = ItemContext()
            article = AuthoredParser.parse(headText, links: links, context: &context)
            middle = blockStarts(all, headEnd..<middleEnd, authored: true, longLine: longLine, context: context, textStart: start)
            // The head's links may name labels defined in the middle: then it is parsed again.
            if !middle.links.definesNothing {
                links.add(middle.links)
                article = AuthoredParser.parse(headText, links: links)
            }
        } else {
            // The list of the links' addresses at the end (`LinkNumbers`) is no part of the text.
            if let list = LinkNumbers.referenceList(all, in: start..<all.count) {
                guard list.start > headEnd else { return nil }  // a head and a list: parsed whole
                textEnd = list.start
                linkCount = list.count
            }
            style = PageStyle.read(all, from: start)
            article = PageDumpParser.parseHead(headText, style: style, linkCount: linkCount)
            // The window is widened (up to 16 times) while it holds no sentence before the tail
            // (and before readers' comments and the site's footer; nor any line, when the last
            // one is longer than the window): the page furniture under the article starts after
            // its last one.
            var reach = window
            var before: [SourceLine] = [], lineStarts: [Int] = []  // the window's lines before the tail, and where each starts
            while true {
                let tailStart = lineStart(all, atOrAfter: max(headEnd, textEnd - reach))
                (before, lineStarts, tail) = ([], [], [])
                ByteLines.forEachLine(all, tailStart..<textEnd) { range in
                    guard !isBlank(all, range) else { return }
                    var text = LazyBody.decode(all, range)
                    let lines = SourceLine.removingLinkNumbers(text.withUTF8 { SourceLine.split(utf8: $0, 0..<$0.count) }, upTo: linkCount)
                    if tail.isEmpty {
                        guard let line = lines.first, PageDumpParser.startsTail(line) else {
                            before += lines
                            lineStarts += lines.map { _ in range.lowerBound }
                            return
                        }
                        middleEnd = range.lowerBound
                    }
                    tail += lines
                }
                guard tailStart > headEnd, reach < 16 * window, PageDumpParser.articleEnd(before[...]).lastSentence == nil else { break }
                reach *= 2
            }
            if tail.isEmpty { middleEnd = textEnd }
            // The page furniture under the article, as the whole-file parser finds it.
            if let furniture = PageDumpParser.furnitureStart(before[...]) {
                middleEnd = lineStarts[furniture]
                tail = Array(before[furniture...]) + tail
            }
            PageDumpParser.readTail(tail, into: &article)
            middle = blockStarts(all, headEnd..<middleEnd, authored: false, longLine: longLine, wrapWidth: style.wrapWidth,
                                 linkCount: linkCount)
        }
        headText = ""

        var starts = middle.starts
        let continuing = middle.continuing, preformatted = middle.preformatted
        let lead = article.blocks.first { $0.kind == .lead }
        // `end`, `next`: where the body ends, and the line after it (which the kind of its last
        // line may depend on).
        let makeBody = { (starts: [Int], end: Int, next: String?) in
            LazyBody(file: file, headStart: start, starts: starts, continuing: continuing, preformatted: preformatted, end: end,
                     dialect: authored ? .authored : .pageDump, links: links, insideItems: middle.insideItems, tables: middle.tables,
                     titleFolded: article.title.map(TextFolding.fold),
                     leadFolded: lead.map { TextFolding.fold($0.text) }, nextAfterEnd: next, linkCount: linkCount,
                     captionsByShape: style.captionsByShape)
        }
        // Under the body's end is the furniture or the tail, which are no neighbour of its last
        // line (as `PageDumpParser.readBody` has it), or the end of the text.
        var body = makeBody(starts, middleEnd, nil)
        // The byline and the credit closing the body, as the whole-file parser takes them: the
        // body then ends where the line taken starts (else the block before it ran on over it).
        while !authored, let lastIndex = starts.indices.last, !continuing.contains(lastIndex), let last = body.block(lastIndex),
            let line = PageDumpParser.trailingLine(last, blockCount: article.blocks.count + starts.count,
                                                   author: article.author, wantsSource: article.source == nil)
        {
            PageDumpParser.take(line, into: &article)
            let end = starts.removeLast()
            body = makeBody(starts, end, last.text)
        }
        if !body.starts.isEmpty {
            article.body = body
            if !authored { judgeLastBlockOfHeadAgain(&article, body) }
        }
        if linkCount != nil {
            article.removed += SourceLine.split(LazyBody.decode(all, textEnd..<all.count)).map(\.text)
        }
        return article
    }

    /// The head's last block was judged without the line after it, which `kindOfBodyLine`
    /// looks at (a numbered item, verse, a caption): it is judged again with the middle's first
    /// line, as the whole-file parser judges it. Only a short line or one with a list marker
    /// can change, so only then is the head read again (for the line before it).
    static func judgeLastBlockOfHeadAgain(_ article: inout Article, _ body: LazyBody) {
        guard let last = article.blocks.last, last.kind != .lead,
            ListMarker.of(last.text) != nil || !LineShapes.longer(last.text, than: 130)
        else { return }
        let head = body.lastLinesOfHead()
        // (The head ended in a line that was dropped, unless it is the block as shown.)
        guard let line = head.last, PageDumpParser.shownText(line, titleFolded: body.titleFolded) == last.text else { return }
        article.blocks[article.blocks.count - 1].kind = PageDumpParser.kindOfBodyLine(
            last.text, folded: TextFolding.fold(last.text), previous: head.previous, next: body.neighbourLine(of: 0),
            isRepeat: body.repeatsTitleOrLead, captionsByShape: body.captionsByShape)
    }

    /// Where the head window ends: after a blank line at or past `window` bytes, else after
    /// any line end there; nil when the file is no longer than the window. A line too long
    /// for one block (`LongLines`) never goes into the head, which is parsed whole: the head
    /// then ends where that line starts, and the middle cuts the line into pieces.
    static func headCut(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, window: Int = window,
                        longLine: Int = LongLines.limit) -> Int? {
        let from = start + window
        guard from < bytes.count else { return nil }
        let searchLimit = min(bytes.count, from + 1024 * 1024)
        let cut = ByteLines.blankLineEnd(bytes, from: from, to: searchLimit)
            ?? ByteLines.find(0x0A, in: bytes, from: from, to: bytes.count).map { $0 + 1 } ?? bytes.count
        var line = start
        while line < cut {
            let end = ByteLines.find(0x0A, in: bytes, from: line, to: cut) ?? cut
            if end - line > longLine { return line }
            line = end + 1
        }
        return cut
    }

    /// The columns of space before a line's text, tabs to stops of 8 as the cleaning expands them.
    static func indentColumns(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int {
        var column = 0
        for i in line {
            let b = bytes[i]
            if b == 0x20 { column += 1 } else if b == 0x09 { column += 8 - column % 8 } else { break }
        }
        return column
    }

    /// The start of the first line that begins at or after `offset`.
    static func lineStart(_ bytes: UnsafeBufferPointer<UInt8>, atOrAfter offset: Int) -> Int {
        if offset == 0 || bytes[offset - 1] == 0x0A { return offset }
        return ByteLines.find(0x0A, in: bytes, from: offset, to: bytes.count).map { $0 + 1 } ?? bytes.count
    }

    /// What `blockStarts` finds in the middle of a file.
    struct BlockScan {
        /// The byte offsets where the blocks start.
        var starts: [Int] = []
        /// The blocks that carry on a long line cut into pieces (`LongLines`) or a long code block.
        var continuing: Set<Int> = []
        /// The blocks of fenced code.
        var preformatted: Set<Int> = []
        /// Authored: the link definitions (each line a block of its own).
        var links = LinkDefinitions()
        /// Authored: the blocks inside list items (`ItemContext`): further paragraphs, quotes and
        /// captions, each with where its item's marker is found.
        var insideItems: [Int: ItemColumns] = [:]
        /// Authored: the blocks that are Pandoc simple or grid tables, kept as written.
        var tables: Set<Int> = []
    }

    /// The blocks of the middle: where they start, which carry on the one before, which are
    /// code, which are further paragraphs of list items, and the link and footnote definitions
    /// among them. One pass, looking at no more than the first and last bytes of most lines.
    /// `context`: where lists stood at the end of the head; `textStart`: where the text starts
    /// (after a BOM), which no line comes before; `wrapWidth`: a page's, whose wrapped lines
    /// are joined again (`HardWrap`, as `PageDumpParser.lines` joins them); `linkCount`: a
    /// page's that lists its links (`LinkNumbers`), whose lines are read without their numbers.
    static func blockStarts(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, authored: Bool,
                            longLine: Int = LongLines.limit, context initial: ItemContext = ItemContext(),
                            textStart: Int = 0, wrapWidth: Int? = nil, linkCount: Int? = nil) -> BlockScan
    {
        var context = initial
        var insideItems: [Int: ItemColumns] = [:]
        var starts: [Int] = []
        var continuing: Set<Int> = []
        var preformatted: Set<Int> = []
        var links = LinkDefinitions()
        var start = range.lowerBound
        var previous: Range<Int>?  // the last non-blank line, if no blank line followed it
        var previousJoined = false  // whether that line already continues a wrapped sentence
        var inItem = false  // authored: whether the block being read is a list item
        var inItemParagraph = false  // authored: whether it is a further paragraph of one
        var inQuote = false  // authored: whether it is a paragraph of a quote
        var fence: CodeFence?  // authored: the fence of the code block being read
        var piece = 0  // where the block of code being read starts
        /// A block of code that carries on the one before it, from `offset`.
        func carryCodeOn(at offset: Int) {
            continuing.insert(starts.count)
            preformatted.insert(starts.count)
            starts.append(offset)
            piece = offset
        }
        /// A page wrapped at `wrapWidth`: whether `line` carries on the wrapped line before it
        /// (`PageDumpParser.lines`).
        func wrapped(_ line: Range<Int>, after previous: Range<Int>) -> Bool {
            guard let wrapWidth, HardWrap.wrapped(bytes, previous, before: line, width: wrapWidth),
                !HardWrap.startsItem(bytes, line, after: previous)
            else { return false }
            let text = LazyBody.decode(bytes, ByteLines.trim(bytes, line))
            return !PageDumpParser.standsAlone(SourceLine(text: text, folded: TextFolding.fold(text), blankBefore: false))
        }
        var blockLines = 0  // authored: the lines of the block being read
        var inTable = false  // authored: whether that block is a table
        var tables: Set<Int> = []  // authored: the blocks that are Pandoc simple or grid tables
        var inPandocTable = false  // authored: whether the block being read is one
        var multilineRows = 0  // authored: the lines of a Pandoc multiline table still to pass
        /// A link or footnote definition on `line` (`marker`: its list marker) defines its label
        /// wherever it stands outside code, as the whole-file parser, which gathers them before
        /// it reads blocks, has it: in a Pandoc table's rows too.
        func gatherDefinition(_ line: Range<Int>, marker: ListMarker?) {
            if let definition = linkDefinition(bytes, line) {
                links.add(label: definition.label, address: definition.address)
            } else if marker?.kind == .note,
                let label = Footnotes.label(bytes, at: ByteLines.skipSpacesAndTabs(bytes, from: line.lowerBound, end: line.upperBound),
                                            end: line.upperBound)
            {
                links.addFootnote(label: String(decoding: bytes[label], as: UTF8.self))
            }
        }
        while start < range.upperBound {
            let stop = ByteLines.find(0x0A, in: bytes, from: start, to: range.upperBound) ?? range.upperBound
            // A line as the cleaning leaves it: without the CR of a CRLF end (it read `X.\r` as a
            // sentence carried on by a line in lower case, where `X.` ends one).
            let line = start..<(stop > start && bytes[stop - 1] == 0x0D ? stop - 1 : stop)
            defer { start = stop + 1 }
            if let open = fence {
                // Code runs to its closing fence, blank lines and all, in blocks of about
                // 64 KB (cut before a line that is not blank, so that the last holds code).
                if open.isClosed(by: bytes, line) {
                    fence = nil
                } else if start - piece >= longLine, !isBlank(bytes, line) {
                    carryCodeOn(at: start)
                }
                if line.count > longLine { LongLines.cuts(bytes, line, size: longLine).forEach(carryCodeOn) }
                continue
            }
            // A Pandoc simple or grid table runs to a blank line, every line of it a row (as
            // `AuthoredParser.parse` reads it).
            if inPandocTable {
                if multilineRows > 0 {
                    // A multiline table's rows, blank lines between them, up to its closing rule.
                    multilineRows -= 1
                    if multilineRows == 0 {
                        inPandocTable = false  // its closing rule
                        previous = nil
                    }
                    let first = ByteLines.skipSpacesAndTabs(bytes, from: line.lowerBound, end: line.upperBound)
                    if first < line.upperBound, bytes[first] == UInt8(ascii: "[") {
                        gatherDefinition(line, marker: ListMarker.at(bytes, line))
                    }
                } else if isBlank(bytes, line) {
                    inPandocTable = false
                    previous = nil
                } else if bytes[ByteLines.skipSpacesAndTabs(bytes, from: line.lowerBound, end: line.upperBound)] == UInt8(ascii: "[") {
                    gatherDefinition(line, marker: ListMarker.at(bytes, line))
                }
                continue
            }
            if authored, previous == nil, PandocMultilineTable.mayOpen(bytes, line, floor: textStart),
                let length = PandocMultilineTable.length(PandocMultilineTable.ByteLinesFrom(bytes: bytes, start: line.lowerBound,
                                                                                             end: range.upperBound))
            {
                // A Pandoc multiline table runs to its closing rule (as `AuthoredParser.parse`
                // reads it).
                context.otherBlock()
                tables.insert(starts.count)
                starts.append(start)
                inPandocTable = true
                multilineRows = length - 1
                continue
            }
            if authored, let previous, blockLines == 1, !inItem, !inQuote, !inTable, !inItemParagraph,
                !continuing.contains(starts.count - 1), ownAuthoredBlock(bytes, previous) == nil, PandocMarkup.isTableRule(bytes, line)
            {
                tables.insert(starts.count - 1)  // the dashed line under a simple table's header
                inPandocTable = true
                continue
            }
            if authored, previous == nil || ownAuthoredBlock(bytes, previous!) != nil, PandocMarkup.isGridRule(bytes, line)
                || PandocMarkup.isTableRule(bytes, line) && stop < range.upperBound
                    && !isBlank(bytes, (stop + 1)..<(ByteLines.find(0x0A, in: bytes, from: stop + 1, to: range.upperBound) ?? range.upperBound))
            {
                context.otherBlock()  // a grid table, or a simple one without a header
                tables.insert(starts.count)
                starts.append(start)
                inPandocTable = true
                continue
            }
            if authored, let open = CodeFence.opening(bytes, line) {
                _ = context.innerBlockStarts(indent: indentColumns(bytes, line))
                preformatted.insert(starts.count)
                starts.append(start)
                piece = start
                fence = open
                previous = nil
                continue
            }
            // `>` alone ends a paragraph of a quote as a blank line does.
            if isBlank(bytes, line) || authored && (isQuoteBreak(bytes, line) || PandocMarkup.isDivFence(bytes, line)) {
                previous = nil
                continue
            }
            let joins: Bool
            // A thematic break stands alone (`- - -` is no list item), unless it underlines the
            // paragraph above it (`---`, a heading).
            let rule = authored && AuthoredParser.isThematicBreak(bytes, line)
            let marker = authored && !rule ? ListMarker.at(bytes, line) : nil
            let quote = authored && startsWithQuote(bytes, line)
            if authored, !quote { gatherDefinition(line, marker: marker) }
            if let previous {
                joins = authored
                    ? continuesParagraph(bytes, line, after: previous)
                        && !AuthoredParser.startsItem(marker, paragraphStarted: true, inList: inItem || inItemParagraph)
                        && quote == inQuote  // a quote starts and ends its own block
                        && (!rule || !inItem && !inQuote && !inTable && AuthoredParser.underlineLevel(bytes, line) != nil)
                    : continuesSentence(bytes, line, after: previous, previousJoined: previousJoined, linkCount: linkCount)
                        || wrapped(line, after: previous)
            } else {
                joins = false
            }
            if !joins {
                inItemParagraph = false
                if authored {
                    let indent = indentColumns(bytes, line)
                    if let marker {
                        let spaces = ByteLines.skipSpacesAndTabs(bytes, from: line.lowerBound, end: line.upperBound) - line.lowerBound
                        context.item(indent: indent, textColumn: indent + marker.length - spaces, block: starts.count)
                    } else if rule {
                        context.otherBlock()
                    } else if let own = quote ? .inner : ownAuthoredBlock(bytes, line) {
                        // A quote or a caption may stand inside an item, set in under its text.
                        if own == .other {
                            context.otherBlock()
                        } else if let owner = context.innerBlockStarts(indent: indent) {
                            insideItems[starts.count] = ItemColumns(of: owner)
                        }
                    } else if let owner = context.paragraphStarts(indent: indent) {
                        inItemParagraph = true
                        insideItems[starts.count] = ItemColumns(of: owner)
                    }
                }
                starts.append(start)
                inItem = marker != nil
                inQuote = quote
                blockLines = 0
                inTable = false
            } else if authored, !inQuote, !inTable, let previous, MarkdownTable.mayBeDelimiterRow(bytes, line),
                !inItem || blockLines > 1
                    && context.reachesLastItem(indent: min(indentColumns(bytes, previous), indentColumns(bytes, line))),
                MarkdownTable.isTable([AuthoredParser.trimmedLine(bytes, previous), AuthoredParser.trimmedLine(bytes, line)])
            {
                // A delimiter row under a row makes a table, which starts at that row: under a
                // later line than the block's first, it ends the block there (as
                // `AuthoredParser.startsTable` decides), and stands inside the list item whose
                // text (or further paragraph) it ends.
                if blockLines > 1 {
                    if inItem, let owner = context.innerBlockStarts(indent: indentColumns(bytes, previous)) {
                        insideItems[starts.count] = ItemColumns(of: owner)
                        inItemParagraph = true
                        inItem = false
                    } else if inItemParagraph {
                        insideItems[starts.count] = insideItems[starts.count - 1]
                    }
                    starts.append(previous.lowerBound)
                    blockLines = 1
                }
                inTable = true
            }
            blockLines += 1
            previous = line
            previousJoined = joins
            // An underline (`---`, `===`) makes the paragraph above it a heading, which it ends.
            if authored, joins, !inItem, !inQuote, !inTable, AuthoredParser.underlineLevel(bytes, line) != nil { previous = nil }
            if rule && !joins { previous = nil }  // a section break: the next line starts anew
            if line.count > longLine {
                for cut in LongLines.cuts(bytes, line, size: longLine) {
                    continuing.insert(starts.count)
                    starts.append(cut)
                }
                // What the next line may join is the last piece.
                previous = starts[starts.count - 1]..<line.upperBound
            }
        }
        return BlockScan(starts: starts, continuing: continuing, preformatted: preformatted, links: links,
                         insideItems: insideItems, tables: tables)
    }

    /// The wrapped-line rule of `PageDumpParser.joinWrappedLines`, on bytes: the next line
    /// starts in lower case, and the previous one is longer than 39 characters and does not
    /// end a sentence. Lines starting with anything else (most do) are decided at once.
    /// In a hard-wrapped file most lines start in lower case: the line before is not decoded
    /// whole, only its last bytes for its punctuation, and its length is counted on its bytes
    /// where they are plain Latin or Vietnamese text (see `plainCharacters`).
    static func continuesSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, after previous: Range<Int>,
                                  previousJoined: Bool, linkCount: Int? = nil) -> Bool {
        if let linkCount, ByteLines.find(UInt8(ascii: "["), in: bytes, from: previous.lowerBound, to: line.upperBound) != nil {
            // A link number may stand at either line's end: the lines are decoded without them,
            // and the rule asked of their text, as the whole-file parser asks it.
            func clean(_ range: Range<Int>) -> String {
                LinkNumbers.removing(from: LazyBody.decode(bytes, ByteLines.trim(bytes, range)), upTo: linkCount)
            }
            let text = clean(line), before = clean(previous)
            guard let first = text.first, first.isLowercase, !LineShapes.endsWithClosingPunctuation(before) else { return false }
            return previousJoined || LineShapes.longer(before, than: 39)
        }
        let trimmed = ByteLines.trim(bytes, line)
        guard !trimmed.isEmpty, startsLowercase(bytes, trimmed) else { return false }
        guard !endsWithClosingPunctuation(bytes, previous) else { return false }
        if previousJoined { return true }
        if let count = plainCharacters(bytes, previous, atMost: 39) { return count > 39 }
        return LineShapes.longer(LineShapes.trimmed(LazyBody.decode(bytes, previous)[...], LineShapes.spaces), than: 39)
    }

    /// `LineShapes.endsWithClosingPunctuation` of a raw line's decoded text: read off its bytes
    /// where they allow (`plainEndsWithClosingPunctuation`), else decoded.
    static func endsWithClosingPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        plainEndsWithClosingPunctuation(bytes, line)
            ?? LineShapes.endsWithClosingPunctuation(String(LineShapes.trimmed(LazyBody.decode(bytes, line)[...], LineShapes.spaces)))
    }

    /// `LineShapes.endsWithClosingPunctuation` of a raw line's decoded text, read backwards on
    /// its bytes (`finalScalar`); nil where the line holds anything the cleaning changes, or
    /// its end anything clustering or normalising may change (a combining mark, invalid
    /// UTF-8), which the caller decodes instead.
    static func plainEndsWithClosingPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool? {
        // What the cleaning takes out (an escape sequence, a soft hyphen) may end the line: its
        // last 64 bytes must need none (an escape sequence longer than that is no text).
        guard !ByteSanitizer.needsWork(UnsafeBufferPointer(rebasing: bytes[max(line.lowerBound, line.upperBound - 64)..<line.upperBound]))
        else { return nil }
        switch finalScalar(bytes, line) {
        case .scalar(0x2E), .scalar(0x21), .scalar(0x3F), .scalar(0x2026), .scalar(0x3B), .scalar(0x3A), .scalar(0x2C):
            return true  // . ! ? … ; : ,
        case .scalar: return false
        case .nothing: return false
        case .unknown: return nil
        }
    }

    /// What a raw line ends in, read backwards on its bytes past the spaces that end it and
    /// any closing quotes and brackets (`" ' ) ] » ” ’`).
    enum FinalScalar: Equatable {
        case scalar(UInt32)
        /// Nothing but those.
        case nothing
        /// A control, invalid UTF-8, or a mark or joiner that makes one character with what is
        /// before it: the decoded text must say.
        case unknown
    }

    static func finalScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> FinalScalar {
        var i = line.upperBound
        var spaces = true  // still among the spaces that end the line
        while i > line.lowerBound {
            // The scalar ending at `i`.
            var start = i - 1
            while start > line.lowerBound, bytes[start] & 0xC0 == 0x80, i - start < 4 { start -= 1 }
            let (v, length) = ByteLines.decodeScalar(bytes, at: start)
            guard start + length == i, v >= 0x20, v != 0x7F, !(0x80..<0xA0).contains(v) else { return .unknown }
            i = start
            switch v {
            case 0x20, 0xA0, 0x2002, 0x2003, 0x2009, 0x200A, 0x202F, 0x205F, 0x3000:
                if spaces { continue }
                return .scalar(v)
            case 0x22, 0x27, 0x29, 0x5D, 0xBB, 0x201D, 0x2019:  // " ' ) ] » ” ’
                spaces = false
                continue
            case 0x300...0x36F, 0x200B...0x200F, 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0xE0000...:
                return .unknown
            default:
                return .scalar(v)
            }
        }
        return .nothing
    }

    /// The characters of a raw line, spaces at its ends aside, as its decoded text has them,
    /// counted on its bytes; nil unless every character is plain (ASCII letters, digits and
    /// punctuation, Latin letters, Vietnamese precomposed or with combining marks, general
    /// punctuation), which neither the cleaning nor grapheme clustering changes the count of.
    /// `atMost`: counting stops past it (the first plain characters are characters whatever
    /// follows them).
    static func plainCharacters(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, atMost cap: Int = .max) -> Int? {
        var lo = line.lowerBound, hi = line.upperBound
        while lo < hi, bytes[lo] == 0x20 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 { hi -= 1 }
        var count = 0
        var spaces = 0  // spaces not yet counted: they count once a character follows them
        var i = lo
        while i < hi {
            if count > cap { return count }
            let b = bytes[i]
            if b < 0x80 {
                guard b >= 0x21 || b == 0x20 && i > lo, b != 0x7F else { return nil }
                if b == 0x20 {
                    spaces += 1
                } else {
                    count += spaces + 1
                    spaces = 0
                }
                i += 1
                continue
            }
            let (v, length) = ByteLines.decodeScalar(bytes, at: i)
            guard i + length <= hi, (1..<length).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 }) else { return nil }  // invalid UTF-8
            switch v {
            case 0x300...0x36F: guard i > lo else { return nil }  // a combining mark: no character of its own
            case 0xA1...0xAC, 0xAE...0x24F, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E:
                count += spaces + 1
                spaces = 0
            default: return nil  // a space at an end, a soft hyphen, anything the cleaning or clustering may change
            }
            i += length
        }
        return count
    }

    /// In the authored format a paragraph runs to the next blank line (or list item: see
    /// `blockStarts`); `## ` headings and `[Ảnh: …]` captions stand alone.
    static func continuesParagraph(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, after previous: Range<Int>) -> Bool {
        ownAuthoredBlock(bytes, line) == nil && ownAuthoredBlock(bytes, previous) == nil
    }

    /// Whether a line's first byte after spaces and tabs (which the cleaning makes spaces) is
    /// `>`, which starts a line of a quote.
    static func startsWithQuote(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        quoteMark(bytes, line) != nil
    }

    /// `>` alone on a line (spaces aside).
    static func isQuoteBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard let mark = quoteMark(bytes, line) else { return false }
        return isBlank(bytes, (mark + 1)..<line.upperBound)
    }

    /// Where a line's `>` is, when it starts with one.
    private static func quoteMark(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int? {
        let i = ByteLines.skipSpacesAndTabs(bytes, from: line.lowerBound, end: line.upperBound)
        return i < line.upperBound && bytes[i] == UInt8(ascii: ">") ? i : nil
    }

    /// Headings, captions (an image alone on its line among them: by label too, whose
    /// definition may come later) and link definitions stand alone.
    /// A line that is a block of its own in an authored file: one that may stand inside a list
    /// item (a caption, an image), or any other (a heading, a link definition).
    enum OwnBlock { case inner, other }

    static func ownAuthoredBlock(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> OwnBlock? {
        let t = ByteLines.trim(bytes, line)
        guard let first = t.first.map({ bytes[$0] }) else { return nil }
        if first == UInt8(ascii: "#") { return AuthoredParser.heading(LazyBody.decode(bytes, t)) != nil ? .other : nil }
        if first == UInt8(ascii: "<") {
            // A whole `<figure>` on its line is a caption (a figure over several lines is a
            // paragraph's worth of lines, which the block decides).
            guard t.count > 17, bytes[t.upperBound - 1] == UInt8(ascii: ">"), bytes[t.lowerBound + 1] | 0x20 == UInt8(ascii: "f")
            else { return nil }
            return HTMLInline.figureCaption(LazyBody.decode(bytes, t)) != nil ? .inner : nil
        }
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "!") {
            let text = LazyBody.decode(bytes, t)
            if AuthoredParser.isLinkDefinition(text) { return .other }
            return AuthoredParser.caption(text) != nil || InlineMarkup.isImageByLabel(text) ? .inner : nil
        }
        return nil
    }

    /// The link definition a line is, if any (only a line that starts with `[` is decoded).
    static func linkDefinition(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (label: String, address: [UInt8])? {
        let t = ByteLines.trim(bytes, line)
        guard !t.isEmpty, bytes[t.lowerBound] == UInt8(ascii: "[") else { return nil }
        return LinkDefinitions.definition(LazyBody.decode(bytes, t))
    }

    static func startsLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let b = bytes[range.lowerBound]
        if b < 0x80 { return b >= 0x61 && b <= 0x7A }
        // A letter alone (no mark after it, nothing the cleaning changes) is told by its
        // properties, as `Character.isLowercase` tells it; anything else is decoded.
        let (v, length) = ByteLines.decodeScalar(bytes, at: range.lowerBound)
        let next = range.lowerBound + length
        /// A letter of Latin or Vietnamese, whole, and no soft hyphen.
        func isPlainLetter(_ v: UInt32, at i: Int, length: Int) -> Bool {
            ((0xA1...0x24F).contains(v) || (0x1E00...0x1EFF).contains(v)) && v != 0xAD && i + length <= range.upperBound
                && (1..<length).allSatisfy { bytes[i + $0] & 0xC0 == 0x80 }
        }
        let after = next < range.upperBound ? ByteLines.decodeScalar(bytes, at: next) : nil
        if let scalar = Unicode.Scalar(v), isPlainLetter(v, at: range.lowerBound, length: length),
            after.map({ $0.0 < 0x80 ? $0.0 >= 0x20 && $0.0 != 0x7F : isPlainLetter($0.0, at: next, length: $0.1) }) ?? true
        {
            let properties = scalar.properties
            if properties.isLowercase { return true }
            if !properties.isCased || properties.changesWhenLowercased { return false }
        }
        let text = LazyBody.decode(bytes, range.lowerBound..<min(range.upperBound, range.lowerBound + 16))
        return text.first?.isLowercase ?? false
    }

    /// Whether a line has nothing but spaces, tabs and CRs (which the sanitiser turns into
    /// spaces and line ends).
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var i = line.lowerBound
        while i < line.upperBound {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0D {
                i += 1
                continue
            }
            let n = ByteLines.spaceLength(bytes, at: i, end: line.upperBound)
            if n == 0 { return false }
            i += n
        }
        return true
    }
}
