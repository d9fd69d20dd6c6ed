import Foundation

/// The middle of a large article, kept as the file's bytes plus the offset where each block
/// starts: a block is decoded, sanitised, normalised and classified only when it is shown.
///
/// Block boundaries come from one scan of the bytes (see `LargeArticleReader`), so the block
/// count and every block's place are known at once, and positions stay stable between runs.
public final class LazyBody: Sendable {
    /// How a block's text becomes a `Block`: the rules of the format the head was read in.
    enum Dialect: Sendable { case pageDump, authored }

    let file: FileBytes
    /// Where the head (parsed whole, before the middle) starts in the file.
    let headStart: Int
    /// Byte offset of the first line of each block; block `i` ends where `i + 1` starts.
    let starts: [Int]
    /// The blocks that carry on the line the block before them was cut from (`LongLines`), or
    /// the code block it is part of: never hidden, laid out with no gap before them.
    public let continuing: Set<Int>
    /// The blocks of fenced code (authored): each from its fence, or carrying on the one
    /// before it (then also in `continuing`).
    let preformatted: Set<Int>
    let end: Int
    let dialect: Dialect
    /// Authored: the file's link definitions, head and middle.
    let links: LinkDefinitions
    /// Authored: the blocks inside list items (further paragraphs, quotes, captions), each with
    /// where its item's marker is found.
    let insideItems: [Int: ItemColumns]
    /// Authored: the blocks that are Pandoc simple or grid tables.
    let tables: Set<Int>
    /// Folded title and lead: a page repeats them in its body, and the parser drops repeats.
    let titleFolded: String?
    let leadFolded: String?
    /// The line right after the body where it is text the body's last line is judged by (a
    /// byline or credit taken off its end); nil where furniture, the tail or the end follows.
    let nextAfterEnd: String?
    /// A page's: how many links the list at its end numbers (`LinkNumbers`), whose numbers
    /// are taken out of its blocks' text.
    let linkCount: Int?
    /// A page's: whether a short sentence may be a caption by its shape (`PageStyle`).
    let captionsByShape: Bool
    /// Decoded blocks, bounded: scrolling through 100 MB must not keep every block. Guarded by
    /// `cacheLock`, a pthread mutex: the standard library's `Mutex` hands a contended lock over
    /// in the kernel (a priority-inheriting futex), which ThreadSanitizer cannot see, so every
    /// contended use of the cache looked like a race to it.
    nonisolated(unsafe) private var cache: [Int: Block?] = [:]
    private let cacheLock = NSLock()
    static let cacheLimit = 4096

    init(file: FileBytes, headStart: Int, starts: [Int], continuing: Set<Int> = [], preformatted: Set<Int> = [], end: Int,
         dialect: Dialect, links: LinkDefinitions = .none, insideItems: [Int: ItemColumns] = [:], tables: Set<Int> = [],
         titleFolded: String?, leadFolded: String?, nextAfterEnd: String?, linkCount: Int? = nil, captionsByShape: Bool = true) {
        self.linkCount = linkCount
        self.captionsByShape = captionsByShape
        self.insideItems = insideItems
        self.tables = tables
        self.preformatted = preformatted
        self.links = links
        self.nextAfterEnd = nextAfterEnd
        self.file = file
        self.headStart = headStart
        self.starts = starts
        self.continuing = continuing
        self.end = end
        self.dialect = dialect
        self.titleFolded = titleFolded
        self.leadFolded = leadFolded
    }

    public var count: Int { starts.count }

    /// How many decoded blocks are kept now.
    var cachedCount: Int { cacheLock.withLock { cache.count } }

    /// The bytes of the file this body spans, for position estimates.
    public var byteCount: Int { starts.isEmpty ? 0 : end - starts[0] }

    /// Bytes from the start of the body to the start of block `i`.
    public func bytesBefore(_ i: Int) -> Int {
        starts.isEmpty ? 0 : (i < starts.count ? starts[i] : end) - starts[0]
    }

    /// What stood between block `i`, which carries on a long line or a code block, and the
    /// piece before it: a space, nothing when the line was cut between two characters, or a
    /// line end between two lines of code.
    func separator(before i: Int) -> String {
        guard starts[i] > 0 else { return "" }
        switch file.buffer[starts[i] - 1] {
        case 0x20: return " "
        case 0x0A: return "\n"
        default: return ""
        }
    }

    func range(of i: Int) -> Range<Int> { starts[i]..<(i + 1 < starts.count ? starts[i + 1] : end) }

    /// Block `i`, or nil when it is page chrome (or repeats the title or lead) and is dropped.
    public func block(_ i: Int) -> Block? {
        if let cached = cacheLock.withLock({ cache[i] }) { return cached }
        let block = makeBlock(i)
        cacheLock.withLock {
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[i] = block
        }
        return block
    }

    /// The blocks in order, decoded one at a time and not cached (for `dump` and search).
    public func forEachBlock(_ body: (Int, Block?) -> Void) {
        for i in 0..<count { body(i, makeBlock(i)) }
    }

    /// The first block in `range` (the last, if `backward`) for which `test` holds, hidden
    /// blocks skipped. Blocks are decoded on all cores, a round of chunks at a time, so that a
    /// search through 100 MB takes a fraction of the time one core would.
    /// `mightMatch` sees a block's raw text first (the joined lines; a block's text is always
    /// part of it, but for an authored block's markup), so that blocks that cannot match are
    /// not classified.
    public func firstIndex(in range: Range<Int>, backward: Bool = false,
                           mightMatch: @escaping @Sendable (String) -> Bool = { _ in true },
                           where test: @escaping @Sendable (Block) -> Bool) -> Int? {
        let chunks = searchChunks(range, backward: backward)
        var found: Int?
        ParallelRounds.run(tasks: chunks.count, perCore: 2, { c -> Int? in
            let indices = backward ? Array(chunks[c].reversed()) : Array(chunks[c])
            return indices.first { i in
                // Markup (`**Hội** nghị`) hides a match from the raw text: such text is decoded.
                let raw = self.lines(of: i).joined(separator: " ")
                guard mightMatch(raw) || self.dialect == .authored && InlineMarkup.mightHoldMarkup(raw) else { return false }
                return self.makeBlock(i).map(test) ?? false
            }
        }, consume: { _, hit in
            found = hit
            return hit != nil
        })
        return found
    }

    /// Search work for one task: at most this many blocks, and at most this many bytes, so
    /// that a first round (a few tasks per core) ends soon even where blocks are the 64 KB
    /// pieces of a long line, and a match near the start is not waited on for long.
    static let searchChunkBlocks = 256
    static let searchChunkBytes = 256 * 1024

    /// `range` cut into consecutive chunks in search order: from its start, or from its end
    /// when `backward` (each chunk still an ascending range).
    func searchChunks(_ range: Range<Int>, backward: Bool) -> [Range<Int>] {
        var chunks: [Range<Int>] = []
        var rest = range  // not yet handed out
        while !rest.isEmpty {
            // Grow a chunk from the end of `rest` the search starts at.
            var chunk = backward ? (rest.upperBound - 1)..<rest.upperBound : rest.lowerBound..<(rest.lowerBound + 1)
            var bytes = self.range(of: chunk.lowerBound).count
            while chunk.count < Self.searchChunkBlocks {
                let next = backward ? chunk.lowerBound - 1 : chunk.upperBound
                guard rest.contains(next), bytes + self.range(of: next).count <= Self.searchChunkBytes else { break }
                bytes += self.range(of: next).count
                chunk = backward ? next..<chunk.upperBound : chunk.lowerBound..<(next + 1)
            }
            chunks.append(chunk)
            rest = backward ? rest.lowerBound..<chunk.lowerBound : chunk.upperBound..<rest.upperBound
        }
        return chunks
    }

    /// Block `i` decoded afresh, bypassing the cache (safe from any thread).
    public func makeBlock(_ i: Int) -> Block? {
        if preformatted.contains(i) { return code(i) }
        if tables.contains(i) { return pandocTable(i) }
        let (lines, spaceBreaks) = linesAndBreaks(of: i)
        guard !lines.isEmpty else { return nil }
        // The middle or end of a long line: its short last piece must not pass for a heading,
        // a caption or chrome.
        if continuing.contains(i) {
            let text = lines.joined(separator: " ")
            return dialect == .authored ? AuthoredParser.marked(.paragraph, text, links: links) : Block(.paragraph, text)
        }
        switch dialect {
        case .authored:
            // A further paragraph, quote or caption of a list item is set under the text of the
            // item, which is decoded for its marker (once: it is cached).
            let columns: Int? = switch insideItems[i] {
            case .ofBlock(let item): AuthoredParser.shownColumns(of: block(item))
            case .known(let columns): columns
            case nil: nil
            }
            return AuthoredParser.block(lines: lines, indent: indent(of: i), spaceBreaks: spaceBreaks, links: links,
                                        itemColumns: columns)
        case .pageDump:
            // Only short lines can be chrome (at most 400 bytes folded, and every character
            // folds to a byte or more), a caption or lynx's image words (at most 300
            // characters): the length is counted once, and again only if words were taken off.
            let line = lines.count == 1 ? lines[0] : lines.joined(separator: " ")
            let lineLength = LineShapes.characters(in: line, atMost: 401)
            let text = PageDumpParser.shownText(line, titleFolded: titleFolded, characters: lineLength)
            if let titleFolded, TextFolding.fold(text, equals: titleFolded) { return nil }
            if let leadFolded, TextFolding.fold(text, equals: leadFolded) { return nil }
            if let caption = PageDumpParser.labelledCaption(text) { return Block(.caption, caption) }
            let length = text.utf8.count == line.utf8.count ? lineLength : LineShapes.characters(in: text, atMost: 401)
            let folded = length > 400 ? "" : TextFolding.fold(text)
            // Chrome, and a byline, rating or counter line here (several pages saved into one
            // file), are page furniture; the whole-file parser would have ended the body at the
            // latter.
            if !folded.isEmpty, Self.isFurniture(text, folded: folded) { return nil }
            if !folded.isEmpty, isImageWordsBefore(i, folded: folded) { return nil }
            // The lines around are decoded only where the kind asks for them (a short line's);
            // the caption under an image's words is judged without a line before it.
            let previous = {
                i > 0 ? self.neighbourLine(of: i - 1).flatMap { self.followsImageWords(i, above: $0, text) ? nil : $0 }
                    : self.lastLinesOfHead().last
            }
            let next = { i + 1 < self.count ? self.neighbourLine(of: i + 1) : self.nextAfterEnd }
            return Block(PageDumpParser.kindOfBodyLine(text, folded: folded, previous: previous(), next: next(),
                                                       characters: length, isRepeat: repeatsTitleOrLead,
                                                       captionsByShape: captionsByShape), text)
        }
    }

    /// Whether block `i` (`folded`) is an image's words that the caption right under it
    /// repeats (`PageDumpParser.isImageWordsBefore`). The next block is decoded whole only
    /// where its first line may go on from them.
    func isImageWordsBefore(_ i: Int, folded: String) -> Bool {
        guard i + 1 < count, folded.utf8.count <= 400, folded.utf8.contains(0x20), endsRightBeforeNext(i),
            let below = firstLine(of: i + 1).map(TextFolding.fold), below.hasPrefix(folded) || folded.hasPrefix(below)
        else { return false }
        return PageDumpParser.isImageWordsBefore(folded, TextFolding.fold(lines(of: i + 1).joined(separator: " ")))
    }

    /// Chrome, and a byline, rating or counter line in the middle (several pages saved into one
    /// file): page furniture, hidden. `folded` must be the fold of a short `text`.
    static func isFurniture(_ text: String, folded: String) -> Bool {
        ChromePatterns.classify(text, folded: folded) != nil
            || PageDumpParser.startsTail(SourceLine(text: text, folded: folded, blankBefore: true))
    }

    /// Whether block `i` (`text`) comes right under an image's words that it repeats, which
    /// are hidden: they are not the line before it either. `above`: block `i - 1`'s first line
    /// (`neighbourLine`), whose first letter must be `text`'s before the block is decoded whole
    /// (taking the words lynx repeats off a line keeps its first letter).
    func followsImageWords(_ i: Int, above: String, _ text: String) -> Bool {
        guard i > 0, !continuing.contains(i), !continuing.contains(i - 1),
            TextFolding.fold(String(above.prefix(1))) == TextFolding.fold(String(text.prefix(1))), endsRightBeforeNext(i - 1)
        else { return false }
        let words = PageDumpParser.withoutRepeatedImageWords(lines(of: i - 1).joined(separator: " "))
        guard LineShapes.characters(in: words, atMost: 401) <= 400 else { return false }
        let folded = TextFolding.fold(words)
        return !Self.isFurniture(words, folded: folded) && isImageWordsBefore(i - 1, folded: folded)
    }

    /// Whether block `i`'s last line is right above the next block's first, no blank line
    /// between them.
    func endsRightBeforeNext(_ i: Int) -> Bool {
        let bytes = file.buffer, r = range(of: i)
        /// Where the spaces, tabs and carriage returns that end before `end` start.
        func skippingSpaces(before end: Int) -> Int {
            var end = end
            while end > r.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
            return end
        }
        let lineEnd = skippingSpaces(before: r.upperBound)
        guard lineEnd > r.lowerBound, bytes[lineEnd - 1] == 0x0A else { return false }
        // The last line's end; another right before it (spaces aside) makes a blank line.
        let textEnd = skippingSpaces(before: lineEnd - 1)
        return textEnd > r.lowerBound && bytes[textEnd - 1] != 0x0A
    }

    /// A page's line without the numbers of its links, when it lists them (`LinkNumbers`).
    func withoutLinkNumbers(_ line: String) -> String {
        linkCount.map { LinkNumbers.removing(from: line, upTo: $0) } ?? line
    }

    /// Whether a line repeats the page's title or lead (and is dropped).
    func repeatsTitleOrLead(_ line: String) -> Bool {
        titleFolded.map { TextFolding.fold(line, equals: $0) } == true
            || leadFolded.map { TextFolding.fold(line, equals: $0) } == true
    }

    /// The head's last two lines as the whole-file parser sees them (wrapped lines joined):
    /// the line just before the middle, and the one before that.
    func lastLinesOfHead() -> (previous: String?, last: String?) {
        guard let first = starts.first, first > headStart else { return (nil, nil) }
        var head = LazyBody.decode(file.buffer, headStart..<first)
        let lines = SourceLine.removingLinkNumbers(head.withUTF8 { SourceLine.split(utf8: $0, 0..<$0.count) }, upTo: linkCount)
        let units = PageDumpParser.joinWrappedLines(lines).suffix(2)
        guard let last = units.last else { return (nil, nil) }
        // An image's words over a caption are no line before it (`PageDumpParser.readBody`).
        guard units.count == 2, let previous = units.first,
            last.blankBefore || !PageDumpParser.isImageWordsBefore(previous.folded, last.folded)
        else { return (nil, last.text) }
        return (previous.text, last.text)
    }

    /// Enough of block `i` to judge the block next to it by: its first line, or when that is
    /// long, a prefix of more than 50 characters. `kindOfBodyLine` asks of a neighbour only
    /// whether it starts with a list marker, or is short enough to be verse or a name (which a
    /// prefix that long answers as the whole line would), or whether it repeats the title or
    /// lead: a block that may repeat one is given whole, its lines joined as the whole-file
    /// parser joins a wrapped line. Decoding neighbours whole was a third of `dump`'s work.
    func neighbourLine(of i: Int) -> String? {
        guard let start = firstLineOrPrefix(of: i) else { return nil }
        return mayRepeatTitleOrLead(start) ? lines(of: i).joined(separator: " ") : start
    }

    /// Block `i`'s first line, or a prefix of more than 50 characters of a long one.
    private func firstLineOrPrefix(of i: Int) -> String? {
        let line = firstLineBytes(of: i), bytes = file.buffer
        guard line.count > Self.neighbourPrefix else { return firstLine(of: i) }
        var cut = line.lowerBound + Self.neighbourPrefix
        while cut > line.lowerBound, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }  // on a scalar
        let raw = UnsafeBufferPointer(rebasing: bytes[line.lowerBound..<cut])
        guard !ByteSanitizer.needsWork(raw) else { return lines(of: i).first }
        // One character more than needed: the cut may have split the last one.
        guard let prefix = Self.trimmed(Normalization.nfc(String(decoding: raw, as: UTF8.self))).map(withoutLinkNumbers),
            LineShapes.longer(prefix, than: 51)
        else { return lines(of: i).first }
        return prefix
    }

    /// Whether a block that starts with `start` may repeat the title or lead (short of its
    /// last character, which a cut may have split).
    private func mayRepeatTitleOrLead(_ start: String) -> Bool {
        guard !start.isEmpty, titleFolded != nil || leadFolded != nil else { return false }
        let known = String(start[..<start.index(before: start.endIndex)])  // (`dropLast` counts the whole string)
        return [titleFolded, leadFolded].contains { $0.map { TextFolding.fold(known, isPrefixOf: $0) } == true }
    }

    /// Bytes of a long first line that `neighbourLine` decodes.
    static let neighbourPrefix = 512

    /// `lines(of: i).first`, decoding only the block's first line where that gives the same.
    /// A first line that the cleaning would change (controls, CR, an escape sequence that may
    /// run on into the next line) goes the whole way.
    func firstLine(of i: Int) -> String? {
        let first = UnsafeBufferPointer(rebasing: file.buffer[firstLineBytes(of: i)])
        guard !ByteSanitizer.needsWork(first) else { return lines(of: i).first }
        // As `decode` and `lines` do it: normalised, then trimmed.
        return Self.trimmed(Normalization.nfc(String(decoding: first, as: UTF8.self))).map(withoutLinkNumbers) ?? lines(of: i).first
    }

    /// The raw bytes of block `i`'s first line (a block starts with a line that is not blank).
    private func firstLineBytes(of i: Int) -> Range<Int> {
        let block = range(of: i)
        return block.lowerBound..<(ByteLines.find(0x0A, in: file.buffer, from: block.lowerBound, to: block.upperBound) ?? block.upperBound)
    }

    /// `text` without spaces at either end, as `lines` trims it; nil when nothing is left.
    static func trimmed(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { utf8 in
            let range = ByteLines.trim(utf8, 0..<utf8.count)
            return range.isEmpty ? nil : range == 0..<utf8.count ? text : ByteLines.string(utf8, range)
        }
    }

    /// The columns of space before block `i`'s first line, tabs to stops of 8 as the cleaning
    /// expands them.
    func indent(of i: Int) -> Int {
        LargeArticleReader.indentColumns(file.buffer, range(of: i))
    }

    /// Block `i` of fenced code: its lines as they are, without the fences (and what follows
    /// the closing one: blank lines before the next block); the last block of the code
    /// without the blank lines that end it, as the whole-file parser has it. Nil for code
    /// with no lines.
    /// A Pandoc simple, grid or multiline table (`PandocMarkup.tableBlock`).
    func pandocTable(_ i: Int) -> Block? {
        var text = LazyBody.decode(file.buffer, range(of: i))
        // A simple or grid table ends at its first blank line, a multiline one at its closing
        // rule; what the block's bytes hold after it (blank lines, a div's fence, which the scan
        // takes for a blank line) is no part of it.
        let rows: [(indent: Int, text: String)] = text.withUTF8 { utf8 in
            let multiline = PandocMultilineTable.length(PandocMultilineTable.ByteLinesFrom(bytes: utf8, start: 0, end: utf8.count))
            var rows: [(indent: Int, text: String)] = []
            var ended = false
            ByteLines.forEachLine(utf8, 0..<utf8.count) { line in
                let trimmed = ByteLines.trim(utf8, line)
                ended = ended || (multiline.map { rows.count >= $0 } ?? trimmed.isEmpty)
                if !ended { rows.append((trimmed.lowerBound - line.lowerBound, ByteLines.string(utf8, trimmed))) }
            }
            return rows
        }
        return rows.isEmpty ? nil : PandocMarkup.tableBlock(rows)
    }

    func code(_ i: Int) -> Block? {
        var first = i  // the block that opens the fence
        while continuing.contains(first), first > 0 { first -= 1 }
        let bytes = file.buffer
        guard let fence = CodeFence.opening(bytes, firstLineBytes(of: first)) else { return nil }
        let r = range(of: i)
        var text = LazyBody.decode(bytes, r)
        var lines: [String] = []
        var closed = false
        var fenceLine = i == first  // the opening fence, not a line of code
        text.withUTF8 { utf8 in
            ByteLines.forEachLine(utf8, 0..<utf8.count) { line in
                if fenceLine {
                    fenceLine = false
                } else if !closed {
                    if fence.isClosed(by: utf8, line) {
                        closed = true
                    } else {
                        lines.append(CodeFence.codeLine(ByteLines.string(utf8, line)))
                    }
                }
            }
        }
        // A block that ends at a line end has no line after it (`forEachLine` gives one).
        if !closed, r.upperBound > r.lowerBound, bytes[r.upperBound - 1] == 0x0A, lines.last == "" { lines.removeLast() }
        let last = !(i + 1 < count && continuing.contains(i + 1) && preformatted.contains(i + 1))
        if last {
            let text = CodeFence.text(lines)
            return text.isEmpty && i == first ? nil : Block(.preformatted, text)
        }
        return Block(.preformatted, lines.joined(separator: "\n"))
    }

    /// The decoded, trimmed, non-blank lines of block `i`.
    func lines(of i: Int) -> [String] { linesAndBreaks(of: i).lines }

    /// `lines(of: i)`, and for each whether it ended in two spaces or more (Markdown's hard
    /// line break: see `AuthoredParser.joinedProse`).
    func linesAndBreaks(of i: Int) -> (lines: [String], spaceBreaks: [Bool]) {
        // Bytes that the cleaning and NFC leave as they are (nearly every block) are cut into
        // lines where they lie, without first being made into a string of the whole block.
        let raw = UnsafeBufferPointer(rebasing: file.buffer[range(of: i)])
        if !ByteSanitizer.needsWork(raw) && !Normalization.mayChangeUnderNFC(utf8: raw) { return linesAndBreaks(raw) }
        var text = LazyBody.decode(file.buffer, range(of: i))
        return text.withUTF8(linesAndBreaks)
    }

    /// The trimmed, non-blank lines of clean NFC text, and their hard line breaks.
    private func linesAndBreaks(_ utf8: UnsafeBufferPointer<UInt8>) -> (lines: [String], spaceBreaks: [Bool]) {
        var lines: [String] = [], spaceBreaks: [Bool] = []
        ByteLines.forEachLine(utf8, 0..<utf8.count) { line in
            let trimmed = ByteLines.trim(utf8, line)
            // A div's fence (Pandoc) parts blocks as a blank line does: the scan cut there.
            guard !trimmed.isEmpty, dialect != .authored || !PandocMarkup.isDivFence(utf8, trimmed) else { return }
            lines.append(withoutLinkNumbers(ByteLines.string(utf8, trimmed)))
            spaceBreaks.append(AuthoredParser.endsInTwoSpaces(utf8, line))
        }
        return (lines, spaceBreaks)
    }

    /// Sanitised NFC text of a byte range (cut at line ends, so at scalar boundaries).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        let text: String
        if ByteSanitizer.needsWork(slice) {
            text = String(decoding: ByteSanitizer.sanitize(Array(slice)).bytes, as: UTF8.self)
        } else {
            text = String(decoding: slice, as: UTF8.self)
        }
        return Normalization.nfc(text)
    }

    public static func == (a: LazyBody, b: LazyBody) -> Bool { a === b }
}

extension LazyBody: Equatable {}
