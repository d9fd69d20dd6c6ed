import Foundation

/// Reads docbao's own article format:
///
///     Title: …            (optional header of Key: value lines, ended by a blank line)
///     Author: …
///
///     First paragraph, the lead.
///
///     ## A heading
///     [Ảnh: a photo caption]
///     - a list item (or `• `, `1. `, `a) `: see `ListMarker`)
///     > a quote
struct AuthoredParser {
    /// The article field a (folded) header key fills.
    static func field(forKey key: String) -> WritableKeyPath<Article, String?>? {
        switch key {
        case "title", "tieu de": return \.title
        case "kicker", "sapo tren": return \.kicker
        case "author", "tac gia": return \.author
        case "source", "nguon": return \.source
        case "date", "ngay", "published": return \.published
        case "url", "link": return \.url
        case "lang", "language", "ngon ngu": return \.language
        default: return nil
        }
    }

    /// Whether `text` is in the authored format: it opens with a header of known keys or a
    /// Markdown title (`# `), or uses `## ` headings or `[Ảnh: …]` captions.
    static func recognises(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var first = true
            var found = false
            ByteLines.forEachLine(bytes, 0..<bytes.count) { line in
                guard !found else { return }
                let trimmed = ByteLines.trim(bytes, line)
                if trimmed.isEmpty { return }
                let hashes = headingLevel(bytes, trimmed)
                if first {
                    first = false
                    if hashes == 1 || headerEntry(ByteLines.string(bytes, trimmed)) != nil
                        || FrontMatter.end(bytes, from: line.lowerBound) != nil
                    {
                        found = true
                    }
                }
                // Only lines that start "## " or "[" can be authored markup: test the bytes first.
                let b = bytes[trimmed.lowerBound]
                if let hashes, hashes >= 2 {
                    found = true
                } else if b == UInt8(ascii: "["), bytes[trimmed.upperBound - 1] == UInt8(ascii: "]"),
                    caption(ByteLines.string(bytes, trimmed)) != nil
                {
                    found = true
                }
            }
            return found
        }
    }

    /// The level of a Markdown heading line (`# ` to `###### `: 1 to 6), or nil. A line of
    /// nothing but the marker is none.
    static func headingLevel(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int? {
        var i = line.lowerBound
        while i < line.upperBound, bytes[i] == UInt8(ascii: "#") { i += 1 }
        let level = i - line.lowerBound
        guard (1...6).contains(level), i + 1 < line.upperBound, bytes[i] == 0x20 else { return nil }
        return level
    }

    /// What a section break (Markdown's thematic break) is shown as: the break of prose
    /// between scenes or topics, which reads the same aloud and in plain text.
    static let sectionBreakText = "* * *"

    /// Markdown's thematic break: three or more `-`, `*` or `_`, all the same, spaces or tabs
    /// between them allowed (`---`, `* * *`, `___`), and nothing else on the line.
    static func isThematicBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let t = ByteLines.trim(bytes, line)
        guard let mark = t.first.map({ bytes[$0] }),
            mark == UInt8(ascii: "-") || mark == UInt8(ascii: "*") || mark == UInt8(ascii: "_")
        else { return false }
        var marks = 0
        for i in t {
            if bytes[i] == mark {
                marks += 1
            } else if bytes[i] != 0x20 && bytes[i] != 0x09 {
                return false
            }
        }
        return marks >= 3
    }

    static func isThematicBreak(_ line: String) -> Bool {
        guard let first = line.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_")
        else { return false }
        var line = line
        return line.withUTF8 { isThematicBreak($0, 0..<$0.count) }
    }

    /// The level a Markdown underline gives the paragraph above it (`===`: 1, `---`: 2), or
    /// nil: a line of three or more `=`, or of `-`, and nothing else.
    static func underlineLevel(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int? {
        let t = ByteLines.trim(bytes, line)
        guard t.count >= 3, bytes[t.lowerBound] == UInt8(ascii: "=") || bytes[t.lowerBound] == UInt8(ascii: "-"),
            t.allSatisfy({ bytes[$0] == bytes[t.lowerBound] })
        else { return nil }
        return bytes[t.lowerBound] == UInt8(ascii: "=") ? 1 : 2
    }

    static func underlineLevel(_ line: String) -> Int? {
        guard line.utf8.first == UInt8(ascii: "=") || line.utf8.first == UInt8(ascii: "-") else { return nil }
        var line = line
        return line.withUTF8 { underlineLevel($0, 0..<$0.count) }
    }

    /// A heading line's level and text (`## Giá sạc` → 2, `Giá sạc`; `## Giá sạc ##` too), or nil.
    static func heading(_ line: String) -> (level: Int, text: String)? {
        guard line.utf8.first == UInt8(ascii: "#") else { return nil }
        var copy = line
        guard let level = copy.withUTF8({ headingLevel($0, 0..<$0.count) }) else { return nil }
        let text = PandocMarkup.withoutTrailingAttributes(withoutClosingHashes(line.dropFirst(level + 1).trimmingSpaces()))
        return text.isEmpty ? nil : (level, text)
    }

    /// A heading's text without CommonMark's optional closing sequence: the `#`s at its end
    /// when a space comes before them (`Giá sạc ##`); `C#` keeps its `#`.
    static func withoutClosingHashes(_ text: String) -> String {
        let utf8 = Array(text.utf8)
        let hashes = utf8.reversed().prefix { $0 == UInt8(ascii: "#") }.count
        guard hashes > 0, hashes < utf8.count, utf8[utf8.count - hashes - 1] == 0x20 else { return text }
        return String(decoding: utf8.dropLast(hashes), as: UTF8.self).trimmingSpaces()
    }

    static func headerEntry(_ line: String) -> (WritableKeyPath<Article, String?>, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = TextFolding.fold(String(line[..<colon])).trimmingSpaces()
        guard let path = field(forKey: key) else { return nil }
        return (path, line[line.index(after: colon)...].trimmingSpaces())
    }

    /// `[Ảnh: text]`, `[Image: text]`, `[Photo: text]`, or a Markdown image alone on its
    /// line (`![text](a.jpg)`, or by a label that `links` defines: its alt text, which may
    /// be empty).
    static func caption(_ line: String, links: LinkDefinitions = .none) -> String? {
        if line.utf8.first == UInt8(ascii: "!") { return InlineMarkup.imageAlone(line, links: links) }
        if line.utf8.first == UInt8(ascii: "<") { return HTMLInline.figureCaption(line) }
        guard line.hasPrefix("["), line.hasSuffix("]"), let colon = line.firstIndex(of: ":") else { return nil }
        let label = TextFolding.fold(String(line[line.index(after: line.startIndex)..<colon]))
        guard ["anh", "image", "photo", "hinh"].contains(label) else { return nil }
        return line[line.index(after: colon)..<line.index(before: line.endIndex)].trimmingSpaces()
    }

    /// One block of the middle of a large authored file: the lines between blank lines, or
    /// from a list item to the next (`LargeArticleReader.blockStarts` cuts there). `indent`:
    /// the columns of space before its first line; `spaceBreaks`: for each line, whether it
    /// ended in two spaces or more (see `joinedProse`); `links`: the file's link definitions.
    /// A definition is a block of its own (the scan cuts around it), and hidden.
    /// `itemColumns`: the block is a further paragraph of a list item (`ItemContext`), set in
    /// by that many columns.
    /// A quote, a caption or a table inside a list item is set in by `itemColumns`.
    static func block(lines: [String], indent: Int = 0, spaceBreaks: [Bool], links: LinkDefinitions,
                      itemColumns: Int? = nil) -> Block? {
        func marked(_ kind: Block.Kind, _ text: String) -> Block? { Self.marked(kind, text, links: links) }
        if lines.count == 1 {
            let line = lines[0]
            if isLinkDefinition(line) { return nil }
            if let heading = heading(line) { return marked(.heading, heading.text) }
            if let text = caption(line, links: links) {
                return Self.marked(.caption, text, links: links, inset: itemColumns ?? 0)
            }
            if isThematicBreak(line) { return Block(.sectionBreak, sectionBreakText) }
        }
        if quoted(lines[0]) != nil {
            // A `>` line alone ends the block (the scan takes it for a blank line) but stays
            // inside its bytes.
            let kept = zip(lines.map(quoted), spaceBreaks).compactMap { text, breaks in
                text.flatMap { $0.isEmpty ? nil : ($0, breaks) }
            }
            return kept.isEmpty ? nil
                : Self.marked(.quote, joinedQuote(kept.map(\.0), spaceBreaks: kept.map(\.1)), links: links, inset: itemColumns ?? 0)
        }
        if ListMarker.of(lines[0]) != nil {
            return marked(.item, nesting(indent) + joinedProse(lines, spaceBreaks: spaceBreaks))
        }
        if MarkdownTable.isTable(lines) { return MarkdownTable.block(lines, inset: itemColumns ?? 0) }
        if lines.count >= 2, underlineLevel(lines[lines.count - 1]) != nil {
            return marked(.heading, joinedProse(Array(lines.dropLast()), spaceBreaks: spaceBreaks))
        }
        if let itemColumns { return marked(.itemParagraph, itemParagraphText(lines, spaceBreaks: spaceBreaks, columns: itemColumns)) }
        if keepsLines(lines) { return marked(.verse, lines.joined(separator: "\n")) }
        let text = joinedProse(lines, spaceBreaks: spaceBreaks)
        if let figure = HTMLInline.figureCaption(text) { return marked(.caption, figure) }
        if let table = HTMLTable.rows(text) { return MarkdownTable.block(cells: table.rows, alignments: table.alignments) }
        return marked(.paragraph, text)
    }

    /// The text of a further paragraph of a list item: its lines kept where they are verse,
    /// else joined, after `columns` spaces.
    static func itemParagraphText(_ lines: [String], spaceBreaks: [Bool], columns: Int) -> String {
        let text = keepsLines(lines) ? lines.joined(separator: "\n") : joinedProse(lines, spaceBreaks: spaceBreaks)
        return String(repeating: " ", count: columns) + text
    }

    /// The columns an item's nesting and marker take as shown (`[1] ` for a footnote), which
    /// its further paragraphs are set in by; nil for anything but an item.
    static func shownColumns(of block: Block?) -> Int? {
        guard let block, block.kind == .item, let marker = ListMarker.ofItem(block.text) else { return nil }
        return DisplayWidth.of(block.text.utf8Slice(0, marker.length))
    }

    /// A block of `text` with its inline markup (emphasis, links) applied, set in by `inset`;
    /// nil when nothing is left to show (an image without alt text).
    static func marked(_ kind: Block.Kind, _ text: String, links: LinkDefinitions, inset: Int = 0) -> Block? {
        let text = kind == .item && ListMarker.of(text)?.kind == .note ? Footnotes.withoutColon(text) : text
        var (shown, spans) = InlineMarkup.apply(text, links: links)
        // A list item's spaces before its marker are its nesting; an item paragraph's set it in.
        let leading = kind != .item && kind != .itemParagraph
        if let first = shown.utf8.first, let last = shown.utf8.last, leading && isBlank(first) || isBlank(last) {
            (shown, spans) = trimmingBlanks(shown, spans, leading: leading)
        }
        // Markup first in an item (`<br>` after its indent) must not start it with an empty line.
        if !leading, let indent = shown.utf8.firstIndex(where: { $0 != 0x20 }), shown.utf8[indent] == 0x0A {
            let start = shown.utf8.distance(from: shown.utf8.startIndex, to: indent)
            let end = shown.utf8[indent...].firstIndex { !isBlank($0) }.map { shown.utf8.distance(from: shown.utf8.startIndex, to: $0) }
                ?? shown.utf8.count
            (shown, spans) = removing(start..<end, from: shown, spans)
        }
        // memchr: a generic `contains` over every block's bytes cost 35,000 instructions a start.
        if shown.withUTF8({ ByteLines.find(0x0A, in: $0, from: 0, to: $0.count) != nil }) {
            (shown, spans) = withoutSpacesAroundLineEnds(shown, spans)
        }
        return shown.isEmpty ? nil : Block(kind, shown, spans: spans, inset: inset)
    }

    /// `text` without the spaces just before or after a line end, which HTML's block tags and
    /// `<br>` leave behind (`Trước <div>giữa</div> sau`), its spans moved with it. (The layout
    /// would not show them; `parse` and `dump` would.)
    static func withoutSpacesAroundLineEnds(_ text: String, _ spans: [InlineSpan]) -> (String, [InlineSpan]) {
        let utf8 = Array(text.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(utf8.count)
        var newOffset = [Int](repeating: 0, count: utf8.count + 1)  // where each old offset lands
        var i = 0
        while i < utf8.count {
            if utf8[i] == 0x20 {
                var end = i
                while end < utf8.count, utf8[end] == 0x20 { end += 1 }
                let touchesLineEnd = i > 0 && utf8[i - 1] == 0x0A || end < utf8.count && utf8[end] == 0x0A
                for j in i..<end {
                    newOffset[j] = kept.count
                    if !touchesLineEnd { kept.append(0x20) }
                }
                i = end
            } else {
                newOffset[i] = kept.count
                kept.append(utf8[i])
                i += 1
            }
        }
        newOffset[utf8.count] = kept.count
        guard kept.count < utf8.count else { return (text, spans) }
        let moved = spans.compactMap { span -> InlineSpan? in
            let range = newOffset[span.range.lowerBound]..<newOffset[span.range.upperBound]
            return range.isEmpty ? nil : InlineSpan(range, span.style)
        }
        return (String(decoding: kept, as: UTF8.self), moved)
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 0x0A || b == 0x20 }

    /// `text` with its line ends (hard breaks, `<br>`) as spaces, for what is shown or listed
    /// as one line. Byte by byte: a line end followed by a combining mark is not a character of
    /// its own to Foundation's string search, which would leave it.
    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(0x0A) else { return text }
        return String(decoding: text.utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }

    /// `text` without the spaces and line ends at either end that markup standing alone there
    /// leaves behind (an image without words, a backslash alone on the line before a hard
    /// line break), its spans moved with it; at the start only when `leading`.
    static func trimmingBlanks(_ text: String, _ spans: [InlineSpan], leading: Bool) -> (String, [InlineSpan]) {
        let utf8 = Array(text.utf8)
        let start = leading ? utf8.firstIndex { !isBlank($0) } ?? utf8.count : 0
        let end = max(start, (utf8.lastIndex { !isBlank($0) } ?? -1) + 1)
        guard start > 0 || end < utf8.count else { return (text, spans) }
        let moved = spans.compactMap { span -> InlineSpan? in
            let range = (min(max(span.range.lowerBound, start), end) - start)..<(min(max(span.range.upperBound, start), end) - start)
            return range.isEmpty ? nil : InlineSpan(range, span.style)
        }
        return (String(decoding: utf8[start..<end], as: UTF8.self), moved)
    }

    /// `text` without the bytes of `range`, its spans moved with it.
    static func removing(_ range: Range<Int>, from text: String, _ spans: [InlineSpan]) -> (String, [InlineSpan]) {
        func moved(_ o: Int) -> Int { o <= range.lowerBound ? o : o - min(o, range.upperBound) + range.lowerBound }
        let kept = spans.compactMap { span -> InlineSpan? in
            let r = moved(span.range.lowerBound)..<moved(span.range.upperBound)
            return r.isEmpty ? nil : InlineSpan(r, span.style)
        }
        var utf8 = Array(text.utf8)
        utf8.removeSubrange(range)
        return (String(decoding: utf8, as: UTF8.self), kept)
    }

    /// A raw line of a large file as the parser sees it: cleaned, normalised and trimmed.
    static func trimmedLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> String {
        LazyBody.decode(bytes, line).trimmingSpaces()
    }

    /// Whether `line`, a delimiter row, makes the last line of a running paragraph (not
    /// already a table) the header of a table that starts there. In a list item's own
    /// paragraph it does so only where both rows are indented as far as the item's text
    /// (`inItem`: whether they are; nil outside an item); less indented, they carry on its
    /// text, as CommonMark's lazy lines do.
    static func startsTable(after paragraph: [String], at line: String, inItem: Bool?) -> Bool {
        guard paragraph.count >= 2, inItem != false, let last = paragraph.last, MarkdownTable.delimiterRow(line) != nil,
            !MarkdownTable.isTable(paragraph)
        else { return false }
        return MarkdownTable.isTable([last, line])
    }

    /// Verse, an address, a list of names: two or more short lines (up to 50 characters) that
    /// each start with a capital letter, after any opening quote or bracket. Hard-wrapped prose
    /// has longer lines, or some that carry on a sentence in lower case.
    static func keepsLines(_ lines: [String]) -> Bool {
        guard lines.count >= 2 else { return false }
        return lines.allSatisfy(LineShapes.isShortAndCapitalised)
    }

    /// The text of a block-quote line (`> text`; `>` alone, an empty line that ends a paragraph
    /// of the quote, gives ""), or nil for any other line.
    static func quoted(_ line: String) -> String? {
        guard line.utf8.first == UInt8(ascii: ">") else { return nil }
        return line.dropFirst().trimmingSpaces()
    }

    /// A quote's lines as its text: kept where they are verse, else joined as prose, except
    /// that a list inside the quote (`> - ý một`) keeps each item on a line of its own (by the
    /// rules of lists outside quotes: in running prose only a bullet, `1.` or `a)` starts one).
    static func joinedQuote(_ lines: [String], spaceBreaks: [Bool]) -> String {
        if keepsLines(lines) { return lines.joined(separator: "\n") }
        var breaks = spaceBreaks
        var inList = false
        for (i, line) in lines.enumerated() where startsItem(ListMarker.of(line), paragraphStarted: i > 0, inList: inList) {
            if i > 0 { breaks[i - 1] = true }
            inList = true
        }
        return joinedProse(lines, spaceBreaks: breaks)
    }

    /// Whether `line` starts a list item where it stands: at the start of a paragraph any
    /// marker does; inside a running paragraph only one that opens a list (a bullet, `1.`,
    /// `a)`), and inside an item or a further paragraph of one (`inList`) any marker starts
    /// the next item.
    static func startsItem(_ marker: ListMarker?, paragraphStarted: Bool, inList: Bool) -> Bool {
        guard let marker else { return false }
        return !paragraphStarted || inList || marker.opensList
    }

    /// A nested list item keeps the indent it has in the file (two columns or more, up to
    /// eight) as spaces before its marker: the layout sets it in that far.
    static func nesting(_ indent: Int) -> String {
        indent >= 2 ? String(repeating: " ", count: min(indent, 8)) : ""
    }

    /// For each line of `text`: the spaces before it (tabs are spaces by now: the text is
    /// cleaned), and whether it ends in two spaces or more (see `joinedProse`).
    static func edges(_ text: String) -> (indents: [Int], spaceBreaks: [Bool]) {
        var text = text
        return text.withUTF8 { bytes in
            var indents: [Int] = [], spaceBreaks: [Bool] = []
            ByteLines.forEachLine(bytes, 0..<bytes.count) { line in
                var i = line.lowerBound
                while i < line.upperBound, bytes[i] == 0x20 { i += 1 }
                indents.append(i - line.lowerBound)
                spaceBreaks.append(endsInTwoSpaces(bytes, line))
            }
            return (indents, spaceBreaks)
        }
    }

    static func endsInTwoSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        line.count >= 2 && bytes[line.upperBound - 1] == 0x20 && bytes[line.upperBound - 2] == 0x20
    }

    /// The lines of a paragraph, a list item or a quote as one text: joined by spaces, except
    /// where Markdown asks for a hard line break — after a line that ended in two spaces or
    /// more (`spaceBreaks`, since the lines come trimmed) or in a backslash that is not itself
    /// escaped. There the text keeps a line end, which the layout honours as it does in verse
    /// (an address, a signature inside prose). A backslash that makes a break is left in the
    /// text for `InlineMarkup`, which drops it (and keeps it inside a code span, as CommonMark
    /// does); at the end of the last line it is a plain backslash.
    static func joinedProse(_ lines: [String], spaceBreaks: [Bool]) -> String {
        guard lines.count > 1 else { return lines.first ?? "" }
        var text = ""
        for (i, line) in lines.enumerated() {
            if i > 0 {
                text += spaceBreaks[i - 1] || endsInBreakingBackslash(lines[i - 1]) ? "\n" : " "
            }
            text += line
        }
        return text
    }

    /// Whether `line` ends in an odd number of backslashes: the last one then escapes the
    /// line end (`\\` is an escaped backslash).
    static func endsInBreakingBackslash(_ line: String) -> Bool {
        line.utf8.reversed().prefix { $0 == UInt8(ascii: "\\") }.count % 2 == 1
    }

    /// The lines of `text`, each without spaces at either end. Cut at line-end bytes: a line
    /// end is always a character of its own, and walking characters cost most of a parse.
    static func lines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            ByteLines.forEachLine(bytes, 0..<bytes.count) { line in
                lines.append(ByteLines.string(bytes, line).trimmingSpaces())
            }
            return lines
        }
    }

    /// Whether a (trimmed) line is a link reference definition (see `LinkDefinitions`).
    static func isLinkDefinition(_ line: String) -> Bool {
        line.utf8.first == UInt8(ascii: "[") && LinkDefinitions.definition(line) != nil
    }

    /// The link and footnote definitions among a body's lines: those outside code (and quotes,
    /// whose lines start with `>`) that are one.
    static func linkDefinitions(_ lines: ArraySlice<String>) -> LinkDefinitions {
        var links = LinkDefinitions()
        var fence: CodeFence?
        for line in lines {
            if let open = fence {
                if open.isClosed(by: line) { fence = nil }
            } else if let open = CodeFence.opening(line) {
                fence = open
            } else if line.utf8.first == UInt8(ascii: "["), let definition = LinkDefinitions.definition(line) {
                links.add(label: definition.label, address: definition.address)
            } else if let label = Footnotes.definedLabel(line) {
                links.addFootnote(label: label)
            }
        }
        return links
    }

    /// `links`: the file's link definitions, where `text` is not all of it (the head of a
    /// large file); else those of `text`.
    static func parse(_ text: String, links given: LinkDefinitions? = nil) -> Article {
        var context = ItemContext()
        return parse(text, links: given, context: &context)
    }

    /// `context`: where lists stand at the end of `text` (the head of a large file, whose
    /// middle goes on from there).
    static func parse(_ text: String, links given: LinkDefinitions?, context: inout ItemContext) -> Article {
        var article = Article()
        let allLines = Self.lines(text)
        var lines = allLines[...]
        let (indents, spaceBreaks) = Self.edges(text)
        while lines.first?.isEmpty == true { lines = lines.dropFirst() }

        // A site generator's front matter (`---` … `---`): its fields, then the body.
        if let matter = FrontMatter.read(lines, indent: { indents[$0] }) {
            for (path, value) in matter.fields where article[keyPath: path] == nil { article[keyPath: path] = value }
            article.removed += matter.removed
            lines = lines.dropFirst(matter.count)
            while lines.first?.isEmpty == true { lines = lines.dropFirst() }
        }

        // Header: Key: value lines up to the first blank line, if the first one is a key.
        if let first = lines.first, headerEntry(first) != nil {
            while let line = lines.first, !line.isEmpty {
                lines = lines.dropFirst()
                if let (path, value) = headerEntry(line), !value.isEmpty {
                    article[keyPath: path] = value
                } else {
                    article.removed.append(line)
                    article.warnings.append("header line not understood: \(line)")
                }
            }
        }

        // Links may name a label defined further down: the definitions are gathered first.
        let links = given ?? Self.linkDefinitions(lines)

        var paragraph: [String] = []
        var breaks: [Bool] = []  // for each line of `paragraph`: whether it ended in two spaces
        var inItem = false  // whether `paragraph` is a list item
        var inQuote = false  // whether it is a paragraph of a quote
        var furtherParagraph = false  // whether it is a further paragraph of an item
        var furtherColumns: Int?  // the columns that item's marker takes as shown
        var quoteInset = 0  // the columns a quote inside a list item is set in by
        var tableRows: [(indent: Int, text: String)]?  // a Pandoc simple, grid or multiline table's, kept as written
        var multilineRows = 0  // the lines of a Pandoc multiline table still to read into `tableRows`
        func flush() {
            defer {
                paragraph = []
                breaks = []
                inItem = false
                inQuote = false
                furtherParagraph = false
                furtherColumns = nil
                tableRows = nil
            }
            if let rows = tableRows {
                return article.blocks.append(PandocMarkup.tableBlock(rows))
            }
            guard !paragraph.isEmpty else { return }
            if inQuote {
                append(.quote, Self.joinedQuote(paragraph, spaceBreaks: breaks), inset: quoteInset)
            } else if !inItem, MarkdownTable.isTable(paragraph) {
                // Inside a list item, under its text.
                article.blocks.append(MarkdownTable.block(paragraph, inset: furtherParagraph ? furtherColumns ?? 0 : 0))
            } else if furtherParagraph, let columns = furtherColumns {
                append(.itemParagraph, Self.itemParagraphText(paragraph, spaceBreaks: breaks, columns: columns))
            } else if !inItem, Self.keepsLines(paragraph) {
                append(.verse, paragraph.joined(separator: "\n"))
            } else {
                // The first paragraph of prose is the lead (not a list, nor verse before it).
                let kind: Block.Kind = inItem ? .item
                    : article.blocks.contains { $0.kind == .lead || $0.kind == .paragraph } ? .paragraph : .lead
                let count = article.blocks.count
                let text = Self.joinedProse(paragraph, spaceBreaks: breaks)
                // A picture with its caption in HTML (Pandoc writes one over several lines).
                if !inItem, let figure = HTMLInline.figureCaption(text) { return append(.caption, figure) }
                // An HTML table, set in columns as a Markdown one is.
                if !inItem, let table = HTMLTable.rows(text) {
                    return article.blocks.append(MarkdownTable.block(cells: table.rows, alignments: table.alignments))
                }
                append(kind, text)
                if inItem { context.itemShown(columns: article.blocks.count > count ? Self.shownColumns(of: article.blocks.last) : nil) }
            }
        }
        // A block whose markup leaves nothing to show (`<!-- more -->`, images without words)
        // is listed as removed, as any line the loader leaves out is.
        func append(_ kind: Block.Kind, _ text: String, inset: Int = 0) {
            if let block = Self.marked(kind, text, links: links, inset: inset) {
                article.blocks.append(block)
            } else if !text.isEmpty {
                article.removed.append(Self.oneLine(text))
            }
        }
        // A level-1 heading before anything else is the title, where the header gave none.
        func appendHeading(level: Int, _ text: String) {
            if level == 1, article.title == nil, article.blocks.isEmpty {
                // One line, as the breadcrumb and the library show it: a hard break is a space.
                article.title = Self.oneLine(InlineMarkup.apply(text, links: links).text)
            } else if level == 1, article.blocks.isEmpty, let title = article.title,
                TextFolding.fold(Self.oneLine(InlineMarkup.apply(text, links: links).text), equals: TextFolding.fold(title))
            {
                article.removed.append(text)  // the title that a header or front matter gave, again
            } else {
                append(.heading, text)
            }
        }
        var fence: CodeFence?  // the fence of the code block being read
        var code: [String] = []
        func appendCode() {
            let text = CodeFence.text(code)
            if !text.isEmpty { article.blocks.append(Block(.preformatted, text)) }
        }
        for (index, line) in zip(lines.indices, lines) {
            if let open = fence {
                if open.isClosed(by: line) {
                    fence = nil
                    appendCode()
                } else {
                    code.append(CodeFence.codeLine(indent: indents[index], line))
                }
                continue
            }
            if multilineRows > 0 {
                tableRows!.append((indents[index], line))
                multilineRows -= 1
                if multilineRows == 0 { flush() }
                continue
            }
            // A Pandoc simple or grid table runs to a blank line, every line of it a row.
            if tableRows != nil {
                if line.isEmpty { flush() } else { tableRows!.append((indents[index], line)) }
                continue
            }
            if line.utf8.first == UInt8(ascii: "-"), PandocMultilineTable.mayOpen(after: index > 0 ? allLines[index - 1] : nil),
                let length = PandocMultilineTable.length(allLines[index...].lazy.map(PandocMultilineTable.line))
            {
                // A Pandoc multiline table runs to its closing rule, blank lines and all.
                flush()
                context.otherBlock()
                tableRows = [(indents[index], line)]
                multilineRows = length - 1
                continue
            }
            if paragraph.count == 1, !inItem, !inQuote, !furtherParagraph, PandocMarkup.isTableRule(line) {
                // The dashed line under a simple table's header.
                tableRows = [(indents[index - 1], paragraph[0]), (indents[index], line)]
                continue
            }
            if paragraph.isEmpty, PandocMarkup.isGridRule(line)
                || PandocMarkup.isTableRule(line) && lines.index(after: index) < lines.endIndex && !lines[lines.index(after: index)].isEmpty
            {
                // A grid table, or a simple table without a header (a dashed line above its rows).
                flush()
                context.otherBlock()
                tableRows = [(indents[index], line)]
                continue
            }
            if PandocMarkup.isDivFence(line) {
                flush()  // a div's fence parts blocks as a blank line does
                article.removed.append(line)
                continue
            }
            if let open = CodeFence.opening(line) {
                flush()
                _ = context.innerBlockStarts(indent: indents[index])  // code keeps its own indent
                fence = open
                code = []
                continue
            }
            let quote = Self.quoted(line)
            // A quote runs while its lines start with `>`; the line after it starts anew.
            if quote == nil && inQuote || quote != nil && !inQuote { flush() }
            if let quote {
                if quote.isEmpty {
                    flush()  // `>` alone: the next line starts a new paragraph of the quote
                } else {
                    if paragraph.isEmpty {
                        quoteInset = context.innerBlockStarts(indent: indents[index])?.shownColumns ?? 0
                    }
                    paragraph.append(quote)
                    breaks.append(spaceBreaks[index])
                    inQuote = true
                }
            } else if line.isEmpty {
                flush()
            } else if Self.isLinkDefinition(line) {
                flush()
                context.otherBlock()
                article.removed.append(line)  // shown nowhere: the links that name it are
            } else if let heading = heading(line) {
                flush()
                context.otherBlock()
                appendHeading(level: heading.level, heading.text)
            } else if let level = Self.underlineLevel(line), !paragraph.isEmpty, !inItem, !MarkdownTable.isTable(paragraph) {
                // `Heading` over `---` (or `===`): the paragraph above is a heading.
                let text = Self.joinedProse(paragraph, spaceBreaks: breaks)
                paragraph = []
                flush()
                appendHeading(level: level, text)
            } else if Self.isThematicBreak(line) {
                // `* * *`, `---` after a blank line (or under a list item or a table): a
                // section break, which stands alone. It comes before lists: `- - -` is one.
                flush()
                context.otherBlock()
                article.blocks.append(Block(.sectionBreak, Self.sectionBreakText))
            } else if let text = caption(line, links: links) {
                flush()
                let inset = context.innerBlockStarts(indent: indents[index])?.shownColumns ?? 0
                if text.isEmpty { article.removed.append(line) }  // an image with no words to stand for it
                append(.caption, text, inset: inset)
            } else if InlineMarkup.isImageByLabel(line) {
                // An image whose label is not defined: shown as written, on its own all the
                // same (the scan of a large file cannot know the label yet, and cuts there),
                // under an item's text as a further paragraph when it stands inside one.
                flush()
                if let columns = context.innerBlockStarts(indent: indents[index])?.shownColumns {
                    furtherParagraph = true
                    furtherColumns = columns
                }
                paragraph = [line]
                breaks = [false]
                flush()
            } else if let marker = ListMarker.of(line),
                startsItem(marker, paragraphStarted: !paragraph.isEmpty, inList: inItem || furtherParagraph)
            {
                flush()
                context.item(indent: indents[index], textColumn: indents[index] + marker.length)
                paragraph = [Self.nesting(indents[index]) + line]
                breaks = [spaceBreaks[index]]
                inItem = true
            } else if Self.startsTable(after: paragraph, at: line,
                                       inItem: inItem ? context.reachesLastItem(indent: min(indents[index - 1], indents[index])) : nil)
            {
                // A table's header row, with the delimiter row under it, ends the paragraph
                // it was read into; in a list item the table stands under the item's text.
                let header = paragraph.removeLast()
                let headerBreaks = breaks.removeLast()
                let (wasItem, wasFurther, columns) = (inItem, furtherParagraph, furtherColumns)
                flush()
                if wasItem, let owner = context.innerBlockStarts(indent: indents[index - 1]) {
                    furtherParagraph = true
                    furtherColumns = owner.shownColumns
                } else if wasFurther {
                    furtherParagraph = true
                    furtherColumns = columns
                }
                paragraph = [header, line]
                breaks = [headerBreaks, spaceBreaks[index]]
            } else {
                if paragraph.isEmpty, let owner = context.paragraphStarts(indent: indents[index]) {
                    furtherParagraph = true
                    furtherColumns = owner.shownColumns
                }
                paragraph.append(line)  // an item's later lines carry on its text
                breaks.append(spaceBreaks[index])
            }
        }
        flush()
        if fence != nil { appendCode() }  // a code block never closed runs to the end
        return article
    }
}
