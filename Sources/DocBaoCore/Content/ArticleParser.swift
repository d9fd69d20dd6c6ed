/// Entry point of the content loader: decides per file which reader applies.
public enum ArticleParser {
    /// Parses decoded, sanitised NFC text. `markdown`: a `.md` file, always in the authored
    /// format (else the text decides).
    public static func parse(text: String, markdown: Bool = false) -> Article {
        parse(text: text, format: ArticleFormat(markdown: markdown)) {
            var text = text
            return text.withUTF8 { PageStyle.read($0, from: 0) }
        }
    }

    /// `style`: a page's style (`PageStyle`: the width its text was wrapped at, if it was, and
    /// whether captions are told by shape), read off the bytes of its file, as the preview and
    /// the large-file reader read it; asked of a page only.
    static func parse(text: String, format: ArticleFormat, style: () -> PageStyle) -> Article {
        if text.allSatisfy({ $0.isWhitespace }) {
            return Article(warnings: ["the article is empty"])
        }
        let authored = format == .authored || format == .guessed && AuthoredParser.recognises(text)
        return authored ? AuthoredParser.parse(text) : PageDumpParser.parse(text, style: style())
    }

    /// Decodes and parses the bytes of a file.
    public static func parse(bytes: [UInt8], lazyAbove: Int = LargeArticleReader.threshold,
                             encoding: TextEncoding = .auto) throws(ContentError) -> Article {
        try parse(file: FileBytes(bytes), lazyAbove: lazyAbove, encoding: encoding)
    }

    /// Decodes and parses the bytes of a file. Above `lazyAbove` bytes only the head and tail
    /// are decoded now; the middle is decoded as it is shown (see `LargeArticleReader`).
    public static func parse(file: FileBytes, lazyAbove: Int = LargeArticleReader.threshold,
                             markdown: Bool = false, encoding: TextEncoding = .auto) throws(ContentError) -> Article {
        try parse(file: file, lazyAbove: lazyAbove, window: LargeArticleReader.window, format: ArticleFormat(markdown: markdown),
                  encoding: encoding)
    }

    /// The start of a page's article, parsed from its first `headBytes` or so, to draw the
    /// first screen while the rest waits: the parse of the whole file begins with the same
    /// head and blocks (see `PageDumpParser.parsePreview`). Nil when that cannot be promised
    /// cheaply: a file small enough to parse at once, or large enough for the lazy reader
    /// (`parse` reads only its head anyway); text the sanitiser would change (controls, tabs,
    /// CR); a code named with `--encoding` (the head is read as found out); UTF-16; VIQR,
    /// whose first 64 KB decide it, not the head's; HTML (its warning
    /// comes with the whole); anything that may be
    /// in the authored format, which is decided by the
    /// whole file (a `.md` file, `markdown`, always is); a head with no blank line to cut at,
    /// or that does not settle the lead; a head without source or date when a later line may
    /// supply one (they show at the top); a page that lists its links' addresses at its end
    /// (`LinkNumbers`).
    /// `above`: smaller files are parsed whole before the first frame; below 32 KB that costs
    /// no more than the head and the checks here (tests make both sizes small).
    public static func preview(file: FileBytes, markdown: Bool = false, encoding: TextEncoding = .auto,
                               headBytes: Int = 4 * 1024, above: Int = 32 * 1024) -> Article? {
        let bytes = file.buffer
        guard !markdown, encoding == .auto, bytes.count > max(above, 2 * headBytes), bytes.count <= LargeArticleReader.threshold, !TextDecoder.isUTF16(bytes),
            !ByteSanitizer.needsWork(bytes), !mayBeAuthored(bytes), LinkNumbers.referenceList(bytes, in: 0..<bytes.count) == nil,
            !VIQR.isLikely(bytes), !HTMLPage.isLikely(bytes),
            let cut = ByteLines.blankLineEnd(bytes, from: headBytes, to: bytes.count)
        else { return nil }
        guard let decoded = try? TextDecoder.decode(Array(bytes[0..<cut])), decoded.warnings.isEmpty,
            !decoded.text.allSatisfy(\.isWhitespace), !AuthoredParser.recognises(decoded.text),
            let head = PageDumpParser.parsePreview(decoded.text, style: PageStyle.read(bytes, from: 0)),
            !mayGiveMeta(bytes, cut..<bytes.count, source: head.source == nil, date: head.published == nil)
        else { return nil }
        return head
    }

    /// Whether a line of `range` could give the page the source or date its head lacks: the
    /// parser takes them from any line of the body or tail, and they are shown at the top.
    /// Bytes rule out most lines (too long, no colon or digit, no parentheses); the parser is
    /// asked about the rest.
    static func mayGiveMeta(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, source: Bool, date: Bool) -> Bool {
        guard source || date else { return false }
        var found = false
        ByteLines.forEachLine(bytes, range) { line in
            let t = ByteLines.trim(bytes, line)
            // A date has at most 90 characters and a labelled source 200 (4 bytes at most each).
            guard !found, !t.isEmpty, t.count <= 800 else { return }
            let slice = UnsafeBufferPointer(rebasing: bytes[t])
            let lone = source && bytes[t.lowerBound] == UInt8(ascii: "(") && bytes[t.upperBound - 1] == UInt8(ascii: ")")
            let labelled = source && slice.contains(where: { $0 == UInt8(ascii: ":") || $0 == 0xEF })  // ':' or '：'
            let dated = date && t.count <= 360 && slice.contains(where: { ($0 >= 0x30 && $0 <= 0x39) || $0 >= 0x80 })
            guard lone || labelled || dated else { return }
            let text = LazyBody.decode(bytes, t)
            found = PageDumpParser.mayGiveMeta(SourceLine(text: text, folded: TextFolding.fold(text), blankBefore: false),
                                               source: lone || labelled, date: dated)
        }
        return found
    }

    /// Whether any line starts with `#` or `[`, as the authored format's headings and
    /// captions do (a wider test than `AuthoredParser.recognises`, on bytes).
    static func mayBeAuthored(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var found = FrontMatter.end(bytes, from: 0) != nil
        ByteLines.forEachLine(bytes, 0..<bytes.count) { line in
            let trimmed = ByteLines.trim(bytes, line)
            if !found, let first = trimmed.first.map({ bytes[$0] }) {
                found = first == UInt8(ascii: "#") || first == UInt8(ascii: "[")
            }
        }
        return found
    }

    /// `window`: how much the head and tail parsers see of a large file; `longLine`: the
    /// longest line read as one block (tests make both small).
    static func parse(file: FileBytes, lazyAbove: Int, window: Int, longLine: Int = LongLines.limit,
                      format: ArticleFormat = .guessed, encoding: TextEncoding = .auto) throws(ContentError) -> Article {
        // UTF-16 is converted first, so that a page of HTML in it is told as one.
        if encoding == .auto, let order = TextDecoder.utf16Order(file.buffer) {
            var warnings: [String] = []
            let bytes = TextDecoder.utf16ToUTF8(Array(file.buffer), order, warnings: &warnings)
            var article = try parse(file: FileBytes(bytes), lazyAbove: lazyAbove, window: window, longLine: longLine, format: format)
            article.warnings.insert(contentsOf: warnings, at: 0)
            return article
        }
        // A web page's HTML is read as its text, which is then read as any copied page is.
        if format == .guessed, HTMLPage.isLikely(file.buffer) {
            try TextDecoder.rejectBinary(file.buffer)
            let converted = TextDecoder.otherEncodingAsUTF8(file.buffer, encoding: encoding, isHTMLPage: true)
            let page = converted.map { $0.bytes.withUnsafeBufferPointer(HTMLPageText.text) } ?? HTMLPageText.text(of: file.buffer)
            var article = try read(file: page.text, lazyAbove: lazyAbove, window: window, longLine: longLine, format: .page,
                                   encoding: .utf8)
            article.warnings.insert(contentsOf: (converted?.warnings ?? []) + [TextDecoder.htmlWarning], at: 0)
            // Its own address, for the share line and `y`.
            article.url = article.url ?? page.address
            return article
        }
        return try read(file: file, lazyAbove: lazyAbove, window: window, longLine: longLine, format: format, encoding: encoding)
    }

    private static func read(file: FileBytes, lazyAbove: Int, window: Int, longLine: Int,
                             format: ArticleFormat, encoding: TextEncoding) throws(ContentError) -> Article {
        if file.count > lazyAbove {
            if let converted = TextDecoder.otherEncodingAsUTF8(file.buffer, encoding: encoding) {
                // Converted once, then read lazily like any other large file.
                var article = try parse(file: FileBytes(converted.bytes), lazyAbove: lazyAbove, window: window, longLine: longLine,
                                        format: format, encoding: .utf8)
                article.warnings.insert(contentsOf: converted.warnings, at: 0)
                return article
            }
            try TextDecoder.rejectBinary(file.buffer)
            let start = file.starts(with: TextDecoder.utf8BOM) ? 3 : 0
            if let article = LargeArticleReader.read(file, start: start, window: window, longLine: longLine, format: format) {
                return article
            }
        }
        let decoded = try TextDecoder.decode(Array(file.buffer), encoding: encoding)
        // The style is read off the file's bytes, as the lazy reader and the preview read it
        // (in a code named with `--encoding`, off the decoded text).
        var article = parse(text: decoded.text, format: format) {
            guard encoding != .auto && encoding != .utf8 else {
                return PageStyle.read(file.buffer, from: file.starts(with: TextDecoder.utf8BOM) ? 3 : 0)
            }
            var text = decoded.text
            return text.withUTF8 { PageStyle.read($0, from: 0) }
        }
        article.warnings.insert(contentsOf: decoded.warnings, at: 0)
        return article
    }
}
