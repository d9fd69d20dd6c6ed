/// Markdown's inline markup in an authored article, read the way CommonMark reads it and
/// turned into plain text with styled spans:
///
/// - emphasis (`*em*`, `_em_`) and strong emphasis (`**strong**`, `__strong__`), by the
///   flanking rules, so that `snake_case_name` stays as it is (and, unlike CommonMark, a `*`
///   between digits too: `2*3*4`);
/// - links: `[text](url "title")` becomes `text (url)`, the text underlined, and so do
///   `[text][label]`, `[label][]` and `[label]` where `LinkDefinitions` has the label;
///   `<https://…>` becomes the address, underlined; an image, `![alt](src)` (or by label),
///   becomes its alt text;
/// - a footnote reference, `[^1]`, becomes `[1]` where the footnote is defined (`Footnotes`);
/// - a backslash before ASCII punctuation (`\*`) makes it a plain character;
/// - HTML (see `HTMLInline`): character references become their characters, `<br>` a line
///   break, `<b>`/`<strong>` and `<i>`/`<em>` strong emphasis and emphasis, `<a href>` a link,
///   `<img alt>` its words; comments and other known tags are dropped, their content kept.
///
/// Code spans (`` `x` ``) stay as written, backticks and all: nothing inside them is markup.
/// Text without any of the bytes that start markup comes back as it is, at the cost of one scan.
enum InlineMarkup {
    /// `text` without its markup, and the spans of it the markup styled (UTF-8 offsets).
    static func apply(_ text: String, links: LinkDefinitions = .none) -> (text: String, spans: [InlineSpan]) {
        guard mightHoldMarkup(text) else { return (text, []) }
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes, links: links)
            return reader.run()
        }
    }

    /// The alt text of a line that is one image and nothing else (`![Quang cảnh](a.jpg)`, or
    /// `![Quang cảnh][1]` with the label defined), as written (its own markup not yet
    /// applied); nil for any other line.
    static func imageAlone(_ line: String, links: LinkDefinitions = .none) -> String? {
        guard line.hasPrefix("!["), line.hasSuffix(")") || line.hasSuffix("}") || !links.isEmpty && line.hasSuffix("]") else {
            return nil
        }
        var line = line
        return line.withUTF8 { bytes in
            var reader = Reader(bytes, links: links)
            _ = reader.run()
            return reader.wholeImageAlt.map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }

    /// Whether a line has the shape of an image by label and nothing else (`![alt][label]`,
    /// `![alt][]`), whether or not the label is defined: such a line stands alone.
    static func isImageByLabel(_ line: String) -> Bool {
        line.hasPrefix("![") && line.hasSuffix("]") && line.contains("][")
    }

    /// Whether a run of text may hold markup: only these bytes start any.
    static func mightHoldMarkup(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isMarkupByte) }
            ?? text.utf8.contains(where: isMarkupByte)
    }

    /// The bytes `Reader.run` acts on: those that start markup, and `!` and `]`, which take
    /// part in it. All others are copied as they are.
    static let special: [Bool] = (0...255).map { b in
        isMarkupByte(UInt8(b)) || b == UInt8(ascii: "!") || b == UInt8(ascii: "]")
    }

    static func isMarkupByte(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "*") || b == UInt8(ascii: "_") || b == UInt8(ascii: "`") || b == UInt8(ascii: "[")
            || b == UInt8(ascii: "<") || b == UInt8(ascii: "\\") || b == UInt8(ascii: "&")
    }

    /// A run of `*` or `_` that may open or close emphasis.
    private struct Delimiter {
        var byte: UInt8
        var start: Int  // where the run's unused characters start in `out`
        var count: Int  // unused characters; 0 once the run can no longer match
        let length: Int  // the run's length as written (the rule of three looks at it)
        let canOpen: Bool
        let canClose: Bool
    }

    /// A `[` or `![` that may start a link or image.
    private struct Bracket {
        var start: Int  // in `out`
        var rawStart: Int  // in the text read: where what the brackets hold starts
        var image: Bool
        var delimiters: Int  // how many delimiters were on the stack before it
    }

    private struct Reader {
        let b: UnsafeBufferPointer<UInt8>
        let links: LinkDefinitions
        var out: [UInt8] = []
        var delimiters: [Delimiter] = []
        var brackets: [Bracket] = []
        /// Brackets below this index on the stack may no longer start a link (no links in links).
        var linksBelow = 0
        /// Lengths of backtick runs no closing run follows any more.
        var unclosedCode: Set<Int> = []
        /// Whether a comment was left open: no `-->` follows any more.
        var commentsUnclosed = false
        /// HTML tags opened and not yet closed that style what they enclose.
        var openTags: [(tag: HTMLInline.Tag, role: HTMLInline.Role, start: Int)] = []
        /// Where the alt text is, when the text was one image from its first byte to its last.
        var wholeImageAlt: Range<Int>?
        var spans: [InlineSpan] = []
        var removed: [Range<Int>] = []  // parts of `out` that are markup

        init(_ bytes: UnsafeBufferPointer<UInt8>, links: LinkDefinitions) {
            b = bytes
            self.links = links
            out.reserveCapacity(bytes.count)
        }

        mutating func run() -> (text: String, spans: [InlineSpan]) {
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                switch c {
                case UInt8(ascii: "\\"):
                    if i + 1 < n, isASCIIPunctuation(b[i + 1]) {
                        out.append(b[i + 1])
                        i += 2
                    } else if i + 1 < n, b[i + 1] == 0x0A {
                        i += 1  // a hard line break (`AuthoredParser.joinedProse`): the line end stays
                    } else {
                        out.append(c)
                        i += 1
                    }
                case UInt8(ascii: "`"):
                    let run = runLength(at: i)
                    var end = i + run
                    if !unclosedCode.contains(run) {
                        if let close = codeSpanEnd(from: i + run, length: run) { end = close } else { unclosedCode.insert(run) }
                    }
                    // A code span has no line breaks: a line end inside one is a space.
                    out.append(contentsOf: b[i..<end].lazy.map { $0 == 0x0A ? 0x20 : $0 })
                    let closed = end > i + run
                    i = end
                    // Pandoc's attributes after it (`` `x`{.swift} ``) say how to colour it.
                    if closed, i < n, b[i] == UInt8(ascii: "{"), let after = PandocMarkup.attributesEnd(b, at: i) { i = after }
                case UInt8(ascii: "<"):
                    if let end = autolinkEnd(from: i) {
                        let start = out.count
                        out.append(contentsOf: b[(i + 1)..<(end - 1)])
                        spans.append(InlineSpan(start..<out.count, .link))
                        i = end
                    } else if !commentsUnclosed, HTMLInline.opensComment(at: i, in: b) {
                        if let end = HTMLInline.commentEnd(at: i, in: b) {
                            i = end
                        } else {
                            commentsUnclosed = true  // and shown as written
                            out.append(c)
                            i += 1
                        }
                    } else if let tag = HTMLInline.tag(at: i, in: b), let role = HTMLInline.role(of: tag.name) {
                        apply(tag, role)
                        i = tag.end
                    } else {
                        out.append(c)
                        i += 1
                    }
                case UInt8(ascii: "&"):
                    if let (utf8, end) = HTMLInline.reference(at: i, in: b) {
                        out.append(contentsOf: utf8)
                        i = end
                    } else {
                        out.append(c)
                        i += 1
                    }
                case UInt8(ascii: "*"), UInt8(ascii: "_"):
                    let run = runLength(at: i)
                    let (open, close) = flanking(c, from: i, to: i + run)
                    delimiters.append(Delimiter(byte: c, start: out.count, count: run, length: run, canOpen: open, canClose: close))
                    out.append(contentsOf: b[i..<(i + run)])
                    i += run
                case UInt8(ascii: "!") where i + 1 < n && b[i + 1] == UInt8(ascii: "["):
                    brackets.append(Bracket(start: out.count, rawStart: i + 2, image: true, delimiters: delimiters.count))
                    out.append(contentsOf: b[i..<(i + 2)])
                    i += 2
                case UInt8(ascii: "["):
                    if i + 1 < n, b[i + 1] == UInt8(ascii: "^"), let label = footnote(at: i) {
                        // A footnote reference (see `Footnotes`): `[^1]` is shown `[1]`.
                        out.append(c)
                        out.append(contentsOf: b[label])
                        out.append(UInt8(ascii: "]"))
                        i = label.upperBound + 1
                        continue
                    }
                    brackets.append(Bracket(start: out.count, rawStart: i + 1, image: false, delimiters: delimiters.count))
                    out.append(c)
                    i += 1
                case UInt8(ascii: "]"):
                    i = closeBracket(at: i)
                default:
                    // Text up to the next byte that may be markup goes out in one piece.
                    var j = i + 1
                    while j < n, !InlineMarkup.special[Int(b[j])] { j += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j]))
                    i = j
                }
            }
            resolveEmphasis(above: 0)
            return finish()
        }

        /// The label of a footnote reference at `i` whose footnote is defined.
        func footnote(at i: Int) -> Range<Int>? {
            guard let label = Footnotes.label(b, at: i, end: b.count), links.definesFootnote(b[label]) else { return nil }
            return label
        }

        /// Whether the line being written has anything but spaces yet (looked at from its end:
        /// the spaces after its last character, at most).
        var lineHasText: Bool {
            var i = out.count - 1
            while i >= 0, out[i] == 0x20 { i -= 1 }
            return i >= 0 && out[i] != 0x0A
        }

        /// A block's edge in HTML: the line ends, unless nothing is on it yet (so that
        /// `</td></tr><tr>` or `</p>` then `<p>` make one line end, not several).
        mutating func endLineWithText() {
            if lineHasText { out.append(0x0A) }
        }

        /// An HTML tag of a known role: a line break, or the start or end of a style.
        mutating func apply(_ tag: HTMLInline.Tag, _ role: HTMLInline.Role) {
            switch role {
            case .lineBreak: out.append(0x0A)
            case .blockEdge: endLineWithText()
            case .listItem:
                endLineWithText()
                if !tag.isClosing { out.append(contentsOf: "• ".utf8) }
            case .cell: if !tag.isClosing, lineHasText { out.append(contentsOf: " │ ".utf8) }
            case .dropped: break
            case .raised, .lowered:
                guard tag.isClosing else {
                    openTags.append((tag, role, out.count))
                    return
                }
                guard let k = openTags.lastIndex(where: { $0.tag.name == tag.name }) else { return }
                let start = openTags.remove(at: k).start
                // Only plain content changes (no span or open tag inside it would move).
                guard start <= out.count, !spans.contains(where: { $0.range.upperBound > start }),
                    !openTags.contains(where: { $0.start > start }),
                    let script = HTMLInline.script(out[start...], superscript: role == .raised)
                else { return }
                out.replaceSubrange(start..., with: script)
            case .image: if !tag.isClosing, let alt = tag.alt { out.append(contentsOf: HTMLInline.decodingReferences(alt)) }
            case .strong, .emphasis, .link:
                guard tag.isClosing else {
                    openTags.append((tag, role, out.count))
                    return
                }
                guard let k = openTags.lastIndex(where: { $0.tag.name == tag.name }) else { return }
                let (open, role, start) = openTags.remove(at: k)
                switch role {
                case .strong: spans.append(InlineSpan(start..<out.count, .strong))
                case .emphasis: spans.append(InlineSpan(start..<out.count, .emphasis))
                default:
                    // As a Markdown link: the text underlined, the address after it.
                    guard let href = open.href.map(HTMLInline.decodingReferences), !href.isEmpty else { return }
                    if start == out.count { out.append(contentsOf: href) }
                    spans.append(InlineSpan(start..<out.count, .link))
                    if !out[start...].elementsEqual(href) { out.append(contentsOf: Array(" (".utf8) + href + [UInt8(ascii: ")")]) }
                }
            }
        }

        /// At a `]`: a link or image when a `[` is open and `(destination)` follows; else a
        /// plain `]`. Returns where reading goes on.
        mutating func closeBracket(at i: Int) -> Int {
            guard let opener = brackets.popLast() else {
                out.append(b[i])
                return i + 1
            }
            let active = opener.image || brackets.count >= linksBelow
            linksBelow = min(linksBelow, brackets.count)
            guard active, case (let destination, var end)? = destination(from: i + 1) ?? reference(at: i, opener: opener) else {
                // Pandoc's bracketed span (`[chữ]{.highlight}`): the text, without its brackets.
                if !opener.image, i + 1 < b.count, b[i + 1] == UInt8(ascii: "{"), let after = PandocMarkup.attributesEnd(b, at: i + 1) {
                    resolveEmphasis(above: opener.delimiters)
                    removed.append(opener.start..<(opener.start + 1))
                    return after
                }
                out.append(b[i])
                return i + 1
            }
            // Pandoc's attributes after a link or an image (`{width="100%"}`) are no part of it.
            if end < b.count, b[end] == UInt8(ascii: "{"), let after = PandocMarkup.attributesEnd(b, at: end) { end = after }
            // Emphasis inside the brackets pairs up there, not with markup outside them.
            resolveEmphasis(above: opener.delimiters)
            let marker = opener.image ? 2 : 1
            removed.append(opener.start..<(opener.start + marker))
            let textStart = opener.start + marker
            if opener.image {
                // The alt text stands for the picture: a terminal cannot show it.
                // The line starts with `![`: the bracket first in `out` is the one at its start.
                if opener.start == 0, end == b.count { wholeImageAlt = 2..<i }
                return end
            }
            if textStart == out.count {
                out.append(contentsOf: destination)  // `[](url)`: the address is all there is to show
                spans.append(InlineSpan(textStart..<out.count, .link))
                return end
            }
            spans.append(InlineSpan(textStart..<out.count, .link))
            // The address is shown after the text (a terminal cannot follow a link), unless
            // the text already is the address.
            if !destination.isEmpty, !out[textStart...].elementsEqual(destination) {
                out.append(contentsOf: Array(" (".utf8) + destination + [UInt8(ascii: ")")])
            }
            // No links inside links: brackets opened before this one are plain now.
            linksBelow = brackets.count
            return end
        }

        static let longestDestination = 4096

        /// At the `]` at `i` that closes `opener`, when no `(destination)` follows: the address
        /// of a reference link (`[text][label]`, `[label][]`, `[label]`) whose label is
        /// defined, and where the link ends.
        func reference(at i: Int, opener: Bracket) -> ([UInt8], Int)? {
            guard !links.isEmpty else { return nil }
            let n = b.count
            if i + 1 < n, b[i + 1] == UInt8(ascii: "[") {
                // A second label: `[]` names the text itself; no shortcut is tried after one.
                var j = i + 2
                while j < n, b[j] != UInt8(ascii: "]"), b[j] != UInt8(ascii: "[") { j += b[j] == UInt8(ascii: "\\") ? 2 : 1 }
                guard j < n, b[j] == UInt8(ascii: "]") else { return nil }
                let label = j == i + 2 ? b[opener.rawStart..<i] : b[(i + 2)..<j]
                return links.address(for: label).map { ($0, j + 1) }
            }
            return links.address(for: b[opener.rawStart..<i]).map { ($0, i + 1) }
        }

        /// `(destination "title")` from `i`: the destination's bytes and where the `)` ends.
        func destination(from i: Int) -> ([UInt8], Int)? {
            let n = b.count
            guard i < n, b[i] == UInt8(ascii: "(") else { return nil }
            var j = skipSpaces(i + 1)
            var url: [UInt8] = []
            if j < n, b[j] == UInt8(ascii: "<") {
                j += 1
                while j < n, b[j] != UInt8(ascii: ">") {
                    if b[j] == UInt8(ascii: "<") || b[j] == 0x0A { return nil }
                    url.append(b[j])
                    j += 1
                }
                guard j < n else { return nil }
                j += 1
            } else {
                var depth = 0
                // An address is at most a few KB: a cap keeps a line of `](` from being
                // scanned to its end at every bracket.
                while j < n, !isSpace(b[j]), url.count < Self.longestDestination {
                    if b[j] == UInt8(ascii: "(") { depth += 1 }
                    if b[j] == UInt8(ascii: ")") {
                        if depth == 0 { break }
                        depth -= 1
                    }
                    url.append(b[j])
                    j += 1
                }
                guard depth == 0 else { return nil }
            }
            j = skipSpaces(j)
            if j < n, let close = titleClose(b[j]), j > 0, isSpace(b[j - 1]) || b[j - 1] == UInt8(ascii: ">") {
                j += 1
                while j < n, b[j] != close { j += b[j] == UInt8(ascii: "\\") ? 2 : 1 }
                guard j < n else { return nil }
                j = skipSpaces(j + 1)
            }
            guard j < n, b[j] == UInt8(ascii: ")") else { return nil }
            return (HTMLInline.decodingReferences(url), j + 1)
        }

        func titleClose(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "\""): return UInt8(ascii: "\"")
            case UInt8(ascii: "'"): return UInt8(ascii: "'")
            case UInt8(ascii: "("): return UInt8(ascii: ")")
            default: return nil
            }
        }

        /// `<scheme:address>` from the `<` at `i`: where it ends, after the `>`.
        func autolinkEnd(from i: Int) -> Int? {
            let n = b.count
            var j = i + 1
            let schemeStart = j
            while j < n, isASCIILetter(b[j]) || (j > schemeStart && (isASCIIDigit(b[j]) || b[j] == UInt8(ascii: "+")
                || b[j] == UInt8(ascii: ".") || b[j] == UInt8(ascii: "-"))) { j += 1 }
            guard (2...32).contains(j - schemeStart), j < n, b[j] == UInt8(ascii: ":") else { return nil }
            while j < n, b[j] > 0x20, b[j] != UInt8(ascii: "<"), b[j] != UInt8(ascii: ">") { j += 1 }
            guard j < n, b[j] == UInt8(ascii: ">") else { return nil }
            return j + 1
        }

        /// Where the code span whose opening run (of `length` backticks) ends at `i` closes:
        /// after the next run of exactly that many backticks.
        func codeSpanEnd(from i: Int, length: Int) -> Int? {
            var j = i
            while j < b.count {
                if b[j] == UInt8(ascii: "`") {
                    let run = runLength(at: j)
                    if run == length { return j + run }
                    j += run
                } else {
                    j += 1
                }
            }
            return nil
        }

        func runLength(at i: Int) -> Int {
            var j = i
            while j < b.count, b[j] == b[i] { j += 1 }
            return j - i
        }

        func skipSpaces(_ i: Int) -> Int {
            var j = i
            while j < b.count, isSpace(b[j]) { j += 1 }
            return j
        }

        /// Whether a delimiter run `from..<to` can open and close emphasis (CommonMark's
        /// left- and right-flanking rules; `_` also may not open or close inside a word).
        func flanking(_ c: UInt8, from: Int, to: Int) -> (open: Bool, close: Bool) {
            let before = from > 0 ? scalar(endingAt: from) : nil
            let after = to < b.count ? scalar(startingAt: to) : nil
            let spaceBefore = before.map(InlineMarkup.isWhitespace) ?? true
            let spaceAfter = after.map(InlineMarkup.isWhitespace) ?? true
            let punctBefore = before.map(isPunctuation) ?? false
            let punctAfter = after.map(isPunctuation) ?? false
            let left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore)
            let right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter)
            if c == UInt8(ascii: "_") {
                return (left && (!right || punctBefore), right && (!left || punctAfter))
            }
            // Between digits a `*` is a product (`2*3*4`), whatever CommonMark says.
            if let before, let after, InlineMarkup.isDigit(before), InlineMarkup.isDigit(after) {
                return (false, false)
            }
            return (left, right)
        }

        func scalar(startingAt i: Int) -> Unicode.Scalar? {
            var it = UnsafeBufferPointer(rebasing: b[i..<min(b.count, i + 4)]).makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let s) = decoder.decode(&it) { return s }
            return nil
        }

        func scalar(endingAt i: Int) -> Unicode.Scalar? {
            var j = i - 1
            while j > 0, b[j] & 0xC0 == 0x80, i - j < 4 { j -= 1 }
            return scalar(startingAt: j)
        }

        /// CommonMark's "process emphasis" for the delimiters above `bottom` on the stack,
        /// which it then leaves: unmatched ones stay as plain characters. The delimiters still
        /// in play are linked to their neighbours, so that each is passed over once.
        mutating func resolveEmphasis(above bottom: Int) {
            guard bottom < delimiters.count else { return }
            var previous = Array((bottom - 1)..<(delimiters.count - 1))  // index `k - bottom`: the one before k
            func before(_ k: Int) -> Int { previous[k - bottom] }
            // Where the search for an opener may stop, per kind of closer: below that index
            // none matched before, so a line of many `*` is not searched again and again.
            var openersBottom = [Int](repeating: bottom, count: 12)
            var closer = bottom
            while closer < delimiters.count {
                let d = delimiters[closer]
                guard d.canClose, d.count > 0 else {
                    closer += 1
                    continue
                }
                let key = (d.byte == UInt8(ascii: "*") ? 0 : 6) + (d.canOpen ? 3 : 0) + d.length % 3
                var opener = before(closer)
                var found: Int?
                while opener >= openersBottom[key] {
                    let o = delimiters[opener]
                    if o.byte == d.byte, o.canOpen, o.count > 0,
                        !((o.canClose || d.canOpen) && (o.length + d.length) % 3 == 0
                            && !(o.length % 3 == 0 && d.length % 3 == 0))
                    {
                        found = opener
                        break
                    }
                    opener = before(opener)
                }
                guard let o = found else {
                    openersBottom[key] = closer
                    // A closer that cannot open is of no more use: unlink it.
                    if !d.canOpen, closer + 1 < delimiters.count { previous[closer + 1 - bottom] = before(closer) }
                    closer += 1
                    continue
                }
                let use = delimiters[o].count >= 2 && d.count >= 2 ? 2 : 1
                let openerEnd = delimiters[o].start + delimiters[o].count
                removed.append((openerEnd - use)..<openerEnd)
                removed.append(d.start..<(d.start + use))
                spans.append(InlineSpan(openerEnd..<d.start, use == 2 ? .strong : .emphasis))
                delimiters[o].count -= use
                delimiters[closer].count -= use
                delimiters[closer].start += use
                // The delimiters between the pair can match nothing now: unlink them, and
                // the opener too once it is used up.
                previous[closer - bottom] = delimiters[o].count > 0 ? o : before(o)
                if delimiters[closer].count == 0 {
                    if closer + 1 < delimiters.count { previous[closer + 1 - bottom] = before(closer) }
                    closer += 1
                }
            }
            delimiters.removeSubrange(bottom...)
        }

        /// The text without the markup, and the spans moved to match.
        func finish() -> (text: String, spans: [InlineSpan]) {
            let cuts = removed.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
            var text: [UInt8] = []
            text.reserveCapacity(out.count)
            var from = 0
            for cut in cuts {
                text.append(contentsOf: out[from..<cut.lowerBound])
                from = cut.upperBound
            }
            text.append(contentsOf: out[from...])
            // An offset moves back by the markup bytes before it: `removedBefore[k]` bytes
            // are cut before `cuts[k]`.
            var removedBefore = [0]
            for cut in cuts { removedBefore.append(removedBefore.last! + cut.count) }
            func moved(_ offset: Int) -> Int {
                // The number of cuts that start before `offset`.
                var low = 0, high = cuts.count
                while low < high {
                    let mid = (low + high) / 2
                    if cuts[mid].lowerBound < offset { low = mid + 1 } else { high = mid }
                }
                guard low > 0 else { return offset }
                let last = cuts[low - 1]
                return offset - removedBefore[low - 1] - (min(offset, last.upperBound) - last.lowerBound)
            }
            let moved = spans.map { InlineSpan(moved($0.range.lowerBound)..<moved($0.range.upperBound), $0.style) }
                .filter { !$0.range.isEmpty }
                .sorted { $0.range.lowerBound < $1.range.lowerBound }
            return (String(decoding: text, as: UTF8.self), moved)
        }
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 }
    static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
    static func isASCIIDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    static func isASCIIPunctuation(_ c: UInt8) -> Bool {
        (0x21...0x2F).contains(c) || (0x3A...0x40).contains(c) || (0x5B...0x60).contains(c) || (0x7B...0x7E).contains(c)
    }

    /// Unicode white space; ASCII answered without the property tables.
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? s.value == 0x20 || (0x09...0x0D).contains(s.value) : s.properties.isWhitespace
    }

    /// A digit of any script (`2`, `٣`); ASCII answered without the property tables.
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? isASCIIDigit(UInt8(s.value)) : s.properties.numericType != nil
    }

    /// Punctuation or a symbol, as CommonMark counts them for flanking.
    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return isASCIIPunctuation(UInt8(s.value)) }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
