import Foundation

/// The text of a web page's HTML as a browser shows it and copies it: the text docbao reads
/// from a copied page (see `PageDumpParser`), so that `curl … | docbao -` reads the article
/// as a copy of the page would.
///
/// It follows the steps of the HTML standard's `innerText` with a browser's default styles:
/// runs of blanks collapse to one space, a block starts a line, a paragraph or a heading is set
/// off by a blank line, `<br>` breaks the line, the cells of a table's row are parted by tabs.
/// A list's items get the bullet (or number) and indent a browser's copy gives them. What a
/// browser does not show is left out: scripts, styles, the title and everything in `<head>`,
/// templates, pictures, forms' lists and fields, embedded media, and elements marked
/// `hidden` or styled `display: none`. Character references are read (`HTMLInline`). It works
/// on bytes in one pass: text in UTF-8 is copied as it is (the decoder checks it after).
struct HTMLPageText: ~Copyable {
    private let b: UnsafeBufferPointer<UInt8>
    private var out: ByteBuilder
    /// Line breaks owed before the next text (the most any edge since asked for).
    private var breaks = 0
    /// Whether blanks came since the last text (one space, if the line goes on).
    private var space = false
    /// A list item's bullet and indent, written before its first text.
    private var prefix: [UInt8] = []
    /// Nested `<pre>` (and `<listing>`): blanks and line breaks kept.
    private var preformatted = 0
    private var lists: [(ordered: Bool, next: Int)] = []
    /// Cells begun in the table row being read.
    private var cells = 0
    /// Line ends written (runs of them counted once), and how many there were when the table
    /// row being read began.
    private var lines = 0, linesBeforeRow = 0
    /// The page's own address: `<link rel="canonical">`'s, `<meta property="og:url">`'s.
    private var canonical, announced: String?
    /// What the looks ahead for hidden elements' ends may still read (`endOfElement`): twice
    /// the page and 1 MB. A look that finds its end skips what it read, so a page's own hidden
    /// parts never use up more than the page.
    private var lookaheadLeft: Int

    /// The page's text in UTF-8, one line per line of the page, and the address the page
    /// gives as its own: its canonical link, else its Open Graph `og:url` (an `http` or
    /// `https` address of printable ASCII, as sites write them, or none).
    static func text(of bytes: UnsafeBufferPointer<UInt8>) -> (text: FileBytes, address: String?) {
        var page = HTMLPageText(b: bytes)
        page.read()
        while let last = page.out.last, last == 0x0A || last == 0x20 { page.out.removeLast() }
        page.out.append(0x0A)
        let address = page.canonical ?? page.announced
        return (FileBytes(page.out), address)
    }

    /// An address from an attribute's value, its references read; nil unless it is `http(s)://`
    /// and printable ASCII (it is shown, and handed to the terminal's clipboard).
    private static func address(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        let decoded = HTMLInline.decodingReferences(Array(value))
        let bytes = decoded.drop(while: isBlank).reversed().drop(while: isBlank).reversed()
        let text = String(decoding: bytes, as: UTF8.self)
        let lower = text.lowercased()
        guard bytes.count <= 2048, lower.hasPrefix("http://") || lower.hasPrefix("https://"), bytes.count > 8,
            bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return nil }
        return text
    }

    private func lowercased(_ range: Range<Int>) -> String {
        String(decoding: b[range].prefix(256), as: UTF8.self).lowercased()
    }

    private init(b: UnsafeBufferPointer<UInt8>) {
        self.b = b
        lookaheadLeft = 2 * b.count + (1 << 20)
        // The text is rarely longer than the markup.
        out = ByteBuilder(capacity: b.count + 4096)
    }

    private mutating func read() {
        var i = b.starts(with: TextDecoder.utf8BOM) ? 3 : 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "<") {
                i = markup(at: i)
            } else if c == UInt8(ascii: "&"), let (utf8, end) = HTMLInline.reference(at: i, in: b) {
                for u in utf8 { put(u) }
                i = end
            } else if Self.isBlank(c) {
                put(c)
                i += 1
            } else {
                // A run of text goes out in one copy: words parted by single spaces, which
                // collapse to themselves; other blanks end it.
                var j = i + 1
                while j < b.count {
                    let d = b[j]
                    if d == 0x20, j + 1 < b.count, !Self.isBlank(b[j + 1]), b[j + 1] != UInt8(ascii: "<"), b[j + 1] != UInt8(ascii: "&") {
                        j += 2
                        continue
                    }
                    if d == UInt8(ascii: "<") || d == UInt8(ascii: "&") || Self.isBlank(d) { break }
                    j += 1
                }
                put(i..<j)
                i = j
            }
        }
    }

    // MARK: Text

    private static func isBlank(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C
    }

    /// A run of bytes of text with no `<` or `&` in it and no blank but single spaces between
    /// words.
    private mutating func put(_ run: Range<Int>) {
        startText()
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run]))
    }

    /// One byte of text.
    private mutating func put(_ c: UInt8) {
        if preformatted > 0 {
            if c == 0x0D { return }
            if c == 0x0A {
                owe()
                newLine()
                return
            }
            if c == 0x20 || c == 0x09 {
                owe()
                out.append(c)
                return
            }
        } else if Self.isBlank(c) {
            space = true
            return
        }
        startText()
        out.append(c)
    }

    /// What goes before text: the line breaks and bullet owed, or the space of collapsed blanks.
    private mutating func startText() {
        if breaks > 0 || !prefix.isEmpty || space {
            owe()
            if space, let last = out.last, last != 0x0A { out.append(0x20) }
            space = false
        }
    }

    /// Writes the line breaks and the bullet owed before text (none before the first line).
    private mutating func owe() {
        if breaks > 0 {
            if !out.isEmpty { newLine(times: breaks) }
            breaks = 0
            space = false
        }
        if !prefix.isEmpty {
            prefix.withUnsafeBufferPointer { out.append(contentsOf: $0) }
            prefix = []
            space = false
        }
    }

    /// A block's edge: the text after it starts a line (`count` 2: after a blank one).
    private mutating func edge(_ count: Int) {
        breaks = max(breaks, count)
        space = false
    }

    private mutating func newLine(times n: Int = 1) {
        out.append(0x0A, times: n)
        lines += 1
    }

    private var atLineStart: Bool { breaks > 0 || out.last.map { $0 == 0x0A } ?? true }

    // MARK: Markup

    /// Reads the markup at `i` (a `<`) and returns where the text goes on.
    private mutating func markup(at i: Int) -> Int {
        guard i + 1 < b.count else {
            put(b[i])
            return i + 1
        }
        let next = b[i + 1]
        if next == UInt8(ascii: "!") {
            if HTMLInline.opensComment(at: i, in: b) { return HTMLInline.commentEnd(at: i, in: b) ?? b.count }
            return after(">", from: i + 2)  // a document type, CDATA
        }
        if next == UInt8(ascii: "?") { return after(">", from: i + 2) }
        if next == UInt8(ascii: "/") {
            guard i + 2 < b.count, InlineMarkup.isASCIILetter(b[i + 2]) else { return after(">", from: i + 2) }
            let (name, nameEnd) = self.name(from: i + 2)
            close(name)
            return after(">", from: nameEnd)
        }
        guard InlineMarkup.isASCIILetter(next) else {
            put(b[i])  // `a < b`: text
            return i + 1
        }
        let tag = startTag(at: i)
        return open(tag)
    }

    /// Where the first `c` from `start` ends (the file's end when there is none).
    private func after(_ c: Unicode.Scalar, from start: Int) -> Int {
        var j = start
        while j < b.count, b[j] != UInt8(ascii: c) { j += 1 }
        return min(b.count, j + 1)
    }

    /// A tag's name from `start` (lower case; ASCII letters, digits and `-`) and where it ends.
    private func name(from start: Int) -> (String, Int) {
        var j = start
        while j < b.count, InlineMarkup.isASCIILetter(b[j]) || InlineMarkup.isASCIIDigit(b[j]) || b[j] == UInt8(ascii: "-") {
            j += 1
        }
        // Longer names are no element docbao knows: no need to read them whole.
        let name = j - start <= 12 ? String(decoding: b[start..<j], as: UTF8.self).lowercased() : ""
        return (name, j)
    }

    private struct StartTag {
        var name: String
        var end: Int
        /// `hidden`, or a style with `display: none`.
        var isHidden = false
        /// An ordered list's `start`.
        var start: Int?
        /// A `<link>`'s `rel` and `href`, a `<meta>`'s `property` (or `name`) and `content`:
        /// where the page gives its own address.
        var rel, href, property, content: Range<Int>?
    }

    /// The start tag at `i`: its name, the attributes that matter here, and where it ends.
    /// Attributes may run over lines, and a quoted value may hold `>`.
    private func startTag(at i: Int) -> StartTag {
        let (name, nameEnd) = self.name(from: i + 1)
        var j = nameEnd
        var tag = StartTag(name: name, end: b.count)
        let givesAddress = name == "link" || name == "meta"
        while j < b.count {
            while j < b.count, Self.isBlank(b[j]) || b[j] == UInt8(ascii: "/") { j += 1 }
            guard j < b.count else { break }
            if b[j] == UInt8(ascii: ">") {
                tag.end = j + 1
                return tag
            }
            let attributeStart = j
            while j < b.count, !Self.isBlank(b[j]), b[j] != UInt8(ascii: "="), b[j] != UInt8(ascii: ">"),
                b[j] != UInt8(ascii: "/") || j == attributeStart { j += 1 }
            let attribute = attributeStart..<j
            while j < b.count, Self.isBlank(b[j]) { j += 1 }
            var value: Range<Int>?
            if j < b.count, b[j] == UInt8(ascii: "=") {
                j += 1
                while j < b.count, Self.isBlank(b[j]) { j += 1 }
                if j < b.count, b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") {
                    let quote = b[j]
                    let valueStart = j + 1
                    j = valueStart
                    while j < b.count, b[j] != quote { j += 1 }
                    value = valueStart..<j
                    j += 1
                } else {
                    let valueStart = j
                    while j < b.count, !Self.isBlank(b[j]), b[j] != UInt8(ascii: ">") { j += 1 }
                    value = valueStart..<j
                }
            }
            if spells("hidden", attribute) {
                tag.isHidden = true
            } else if spells("style", attribute), let value, hidesByStyle(value) {
                tag.isHidden = true
            } else if spells("start", attribute), let value {
                tag.start = Int(String(decoding: b[value].prefix(9), as: UTF8.self))
            } else if givesAddress, let value {
                if spells("rel", attribute) { tag.rel = value }
                if spells("href", attribute) { tag.href = value }
                if spells("property", attribute) || spells("name", attribute) { tag.property = value }
                if spells("content", attribute) { tag.content = value }
            }
        }
        return tag
    }

    /// Whether `range` holds `word` (ASCII, lower case), whatever the case of its letters.
    private func spells(_ word: StaticString, _ range: Range<Int>) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { w in
            (0..<range.count).allSatisfy { k in (b[range.lowerBound + k] | 0x20) == w[k] }
        }
    }

    /// Whether a `style` value says `display: none` (blanks and case aside).
    private func hidesByStyle(_ value: Range<Int>) -> Bool {
        var squeezed: [UInt8] = []
        for c in b[value] where !Self.isBlank(c) { squeezed.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) }
        let needle = Array("display:none".utf8)
        guard squeezed.count >= needle.count else { return false }
        return (0...(squeezed.count - needle.count)).contains { k in squeezed[k..<(k + needle.count)].elementsEqual(needle) }
    }

    // MARK: Elements

    /// What an element does to the text, as a browser's default style sets it.
    private enum Role {
        /// Starts and ends a line, set off by a blank line.
        case paragraph
        /// Starts and ends a line.
        case block
        case lineBreak, list, orderedList, listItem, row, cell, preformatted
        /// Its content is text that is not shown (a script, a style, the title): skipped
        /// unread, to its end tag.
        case unshownText
        /// Its content is markup that is not shown (a template, a picture in SVG, a form's
        /// list, a video's fallback): skipped to its end tag.
        case unshown
    }

    private static let roles: [String: Role] = {
        var roles: [String: Role] = [:]
        for name in ["p", "h1", "h2", "h3", "h4", "h5", "h6"] { roles[name] = .paragraph }
        for name in ["address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
                     "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup",
                     "hr", "html", "legend", "main", "menu", "nav", "search", "section", "summary", "table"]
        {
            roles[name] = .block
        }
        for name in ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript"] {
            roles[name] = .unshownText
        }
        for name in ["template", "svg", "math", "select", "datalist", "object", "video", "audio", "canvas", "map"] {
            roles[name] = .unshown
        }
        roles["br"] = .lineBreak
        roles["ul"] = .list
        roles["ol"] = .orderedList
        roles["li"] = .listItem
        roles["tr"] = .row
        roles["td"] = .cell
        roles["th"] = .cell
        roles["pre"] = .preformatted
        roles["listing"] = .preformatted
        return roles
    }()

    /// Elements that have no content and no end tag: never skipped to one.
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    /// Reads a start tag; returns where the text goes on.
    private mutating func open(_ tag: StartTag) -> Int {
        if tag.name == "link", let rel = tag.rel, let href = tag.href, lowercased(rel).split(separator: " ").contains("canonical") {
            canonical = canonical ?? Self.address(b[href])
        } else if tag.name == "meta", let property = tag.property, let content = tag.content, lowercased(property) == "og:url" {
            announced = announced ?? Self.address(b[content])
        }
        let role = Self.roles[tag.name]
        if role == .unshownText { return endOfText(tag.name, from: tag.end) }
        // (A name too long to be read, "", cannot be looked for.)
        if role == .unshown || tag.isHidden, !tag.name.isEmpty, !Self.voidElements.contains(tag.name),
            let end = endOfElement(tag.name, from: tag.end)
        {
            return end
        }
        switch role {
        case .paragraph: edge(2)
        case .block: edge(1)
        case .lineBreak:
            owe()
            if !out.isEmpty { newLine() }
            space = false
        case .list, .orderedList:
            edge(1)
            lists.append((role == .orderedList, tag.start ?? 1))
        case .listItem:
            edge(1)
            // Two columns a list it sits in, as a copy gives; eight lists at most, as deeper
            // ones are markup gone wrong rather than an outline.
            let depth = min(8, max(0, lists.count - 1))
            var mark: [UInt8] = Array(repeating: 0x20, count: 2 * depth)
            if let last = lists.last, last.ordered {
                mark += Array("\(last.next). ".utf8)
                lists[lists.count - 1].next += 1
            } else {
                mark += Array("• ".utf8)
            }
            prefix = mark
        case .row:
            edge(1)
            cells = 0
            // (The line end owed before the row's first text will be written as one.)
            linesBeforeRow = lines + (out.isEmpty ? 0 : 1)
        case .cell:
            // A row of words parts its cells with tabs, as a copy does; a row whose cells hold
            // lines of their own (a page laid out in a table: a menu column beside the article)
            // starts each cell on a line, so that no column's last line runs into the next's first.
            if cells > 0, breaks > 0 || lines > linesBeforeRow {
                edge(1)
            } else if cells > 0, !atLineStart {
                out.append(0x09)
                space = false
            }
            cells += 1
        case .preformatted:
            edge(1)
            preformatted += 1
            // A line break right after `<pre>` is not part of its text.
            if tag.end < b.count, b[tag.end] == 0x0A { return tag.end + 1 }
            if tag.end + 1 < b.count, b[tag.end] == 0x0D, b[tag.end + 1] == 0x0A { return tag.end + 2 }
        case .unshownText, .unshown, nil: break
        }
        return tag.end
    }

    /// Reads an end tag.
    private mutating func close(_ name: String) {
        switch Self.roles[name] {
        case .paragraph: edge(2)
        case .block, .row: edge(1)
        case .listItem:
            edge(1)
            prefix = []  // an item without text
        case .list, .orderedList:
            edge(1)
            prefix = []
            if !lists.isEmpty { lists.removeLast() }
        case .preformatted:
            edge(1)
            preformatted = max(0, preformatted - 1)
        default: break
        }
    }

    /// After the end tag `</name` of text that is not markup (a script's), or the file's end.
    private func endOfText(_ name: String, from start: Int) -> Int {
        var j = start
        while let k = nextLessThan(from: j) {
            if k + 1 < b.count, b[k + 1] == UInt8(ascii: "/"), self.name(from: k + 2).0 == name {
                return after(">", from: k + 2)
            }
            j = k + 1
        }
        return b.count
    }

    /// After the end tag of the element `name` whose content starts at `start` (others of the
    /// same name nested in it are counted), or nil when none comes within 1 MB: an element
    /// left open (`<p hidden>` with no `</p>`) hides nothing, rather than the rest of the page.
    /// Nil too once the looks ahead have read `lookaheadLeft` bytes in all: markup built to
    /// leave thousands of elements open would otherwise be read ahead 1 MB for each.
    private mutating func endOfElement(_ name: String, from start: Int) -> Int? {
        guard lookaheadLeft > 0 else { return nil }
        let (end, reached) = look(for: name, from: start)
        lookaheadLeft -= reached - start
        return end
    }

    /// `endOfElement`'s look, and how far it read.
    private func look(for name: String, from start: Int) -> (end: Int?, reached: Int) {
        var depth = 1
        var j = start
        let limit = min(b.count, start + (1 << 20))
        while let k = nextLessThan(from: j, before: limit) {
            if HTMLInline.opensComment(at: k, in: b) {
                guard let end = HTMLInline.commentEnd(at: k, in: b) else { return (nil, b.count) }
                j = end
                continue
            }
            let closing = k + 1 < b.count && b[k + 1] == UInt8(ascii: "/")
            let (found, nameEnd) = self.name(from: k + (closing ? 2 : 1))
            if found == name {
                depth += closing ? -1 : 1
                if depth == 0 {
                    let end = after(">", from: nameEnd)
                    return (end, end)
                }
            }
            j = nameEnd
        }
        return (nil, max(j, limit))  // (a name read on past the limit: j)
    }

    /// The first `<` from `start` and before `end` (the page's end unless given).
    private func nextLessThan(from start: Int, before end: Int? = nil) -> Int? {
        let end = end ?? b.count
        guard start < end, let base = b.baseAddress,
            let found = memchr(base + start, Int32(UInt8(ascii: "<")), end - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
