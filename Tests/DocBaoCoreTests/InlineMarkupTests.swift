import XCTest

@testable import DocBaoCore

/// Markdown's inline markup in authored articles: emphasis, links and images become plain
/// text with styled spans, code spans and everything that is not markup stay as written.
final class InlineMarkupTests: XCTestCase {
    /// The text and, for each span, the words it covers and its style.
    static func marks(_ input: String) -> (String, [String]) {
        let (text, spans) = InlineMarkup.apply(input)
        return (text, marks(text, spans))
    }

    static func marks(_ text: String, _ spans: [InlineSpan]) -> [String] {
        spans.map { "\($0.style):" + text.utf8Slice($0.range.lowerBound, $0.range.upperBound) }
    }

    func testEmphasis() {
        let cases: [(String, String, [String])] = [
            ("có **chữ đậm** ở đây", "có chữ đậm ở đây", ["strong:chữ đậm"]),
            ("có *nghiêng* và _nghiêng_", "có nghiêng và nghiêng", ["emphasis:nghiêng", "emphasis:nghiêng"]),
            ("__đậm__ đầu câu", "đậm đầu câu", ["strong:đậm"]),
            ("***cả hai***", "cả hai", ["emphasis:cả hai", "strong:cả hai"].sorted()),
            ("*ngoài **trong** ngoài*", "ngoài trong ngoài", ["emphasis:ngoài trong ngoài", "strong:trong"]),
            ("“*Hà Nội*” và (*Huế*).", "“Hà Nội” và (Huế).", ["emphasis:Hà Nội", "emphasis:Huế"]),
            ("chữ*giữa*từ", "chữgiữatừ", ["emphasis:giữa"]),
            ("**Ảnh:** Minh Anh", "Ảnh: Minh Anh", ["strong:Ảnh:"]),
        ]
        for (input, text, marks) in cases {
            let (t, m) = Self.marks(input)
            XCTAssertEqual(t, text, input)
            XCTAssertEqual(m.sorted(), marks.sorted(), input)
        }
    }

    /// What is not emphasis stays exactly as written.
    func testWhatIsNotEmphasisStays() {
        for input in ["snake_case_name.txt", "https://a.vn/tin_moi_nhat", "2*3*4 = 24", "a * b * c", "* một", "**",
                      "****", "giá 5* và 3*", "_ _", "**không đóng", "không mở**", "_a_b", "x ** y", "* * *", "1_000_000"] {
            let (text, spans) = InlineMarkup.apply(input)
            XCTAssertEqual(text, input)
            XCTAssertEqual(spans, [], input)
        }
    }

    func testEscapes() {
        XCTAssertEqual(Self.marks("dấu \\*sao\\* thoát").0, "dấu *sao* thoát")
        XCTAssertEqual(Self.marks("\\[không phải liên kết](x)").0, "[không phải liên kết](x)")
        XCTAssertEqual(Self.marks("\\đ và \\ giữ nguyên").0, "\\đ và \\ giữ nguyên", "only ASCII punctuation is escaped")
        XCTAssertEqual(Self.marks("*a\\*b*").1, ["emphasis:a*b"])
    }

    func testCodeSpansStayAsWritten() {
        for input in ["mã `**không đậm**` đây", "``có ` bên trong``", "`mở không đóng **đậm**"] {
            let (text, spans) = InlineMarkup.apply(input)
            if input.hasPrefix("`mở") {
                XCTAssertEqual(text, "`mở không đóng đậm")
                XCTAssertEqual(spans.count, 1)
            } else {
                XCTAssertEqual(text, input)
                XCTAssertEqual(spans, [])
            }
        }
    }

    func testLinks() {
        let cases: [(String, String, [String])] = [
            ("Xem [Bộ Y tế](https://moh.gov.vn) nhé", "Xem Bộ Y tế (https://moh.gov.vn) nhé", ["link:Bộ Y tế"]),
            ("[tin](http://a.vn/x_(y) \"Tiêu đề\")", "tin (http://a.vn/x_(y))", ["link:tin"]),
            ("[có dấu cách](<http://a.vn/a b>)", "có dấu cách (http://a.vn/a b)", ["link:có dấu cách"]),
            ("[https://a.vn](https://a.vn)", "https://a.vn", ["link:https://a.vn"]),
            ("[](https://a.vn)", "https://a.vn", ["link:https://a.vn"]),
            ("[**đậm** trong](u)", "đậm trong (u)", ["link:đậm trong", "strong:đậm"]),
            ("<https://laichau.gov.vn/a?b=1>.", "https://laichau.gov.vn/a?b=1.", ["link:https://laichau.gov.vn/a?b=1"]),
            ("[ngoài [trong](u) ngoài](v)", "[ngoài trong (u) ngoài](v)", ["link:trong"]),
            ("*[a*](u)", "*a* (u)", ["link:a*"]),
            ("ảnh ![một con mèo](meo.jpg) giữa câu", "ảnh một con mèo giữa câu", []),
        ]
        for (input, text, marks) in cases {
            let (t, m) = Self.marks(input)
            XCTAssertEqual(t, text, input)
            XCTAssertEqual(m.sorted(), marks.sorted(), input)
        }
        for input in ["[1] chú thích", "[tin] (u)", "[mở](không đóng", "a < b > c", "<không phải:liên kết có dấu cách>", "x]y"] {
            XCTAssertEqual(InlineMarkup.apply(input).text, input)
        }
    }

    func testAnImageAloneOnItsLineIsACaption() {
        XCTAssertEqual(InlineMarkup.imageAlone("![Quang cảnh *hội nghị*](anh/a.jpg \"x\")"), "Quang cảnh *hội nghị*")
        XCTAssertEqual(InlineMarkup.imageAlone("![](a.jpg)"), "")
        XCTAssertNil(InlineMarkup.imageAlone("![a](a.jpg) và chữ (b)"))
        XCTAssertNil(InlineMarkup.imageAlone("![a] (a.jpg)"))
        let a = Fixtures.parse("""
        # Ảnh

        Mở đầu.

        ![Quang cảnh *hội nghị*](anh/a.jpg)

        ![](trang-tri.png)
        Đoạn sau.
        """)
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .caption, .paragraph])
        XCTAssertEqual(a.blocks[1].text, "Quang cảnh hội nghị")
        XCTAssertEqual(Self.marks(a.blocks[1].text, a.blocks[1].spans), ["emphasis:hội nghị"])
        XCTAssertEqual(a.removed, ["![](trang-tri.png)"], "an image with no words is dropped, and said so")
    }

    func testAuthoredBlocksCarryTheirSpans() {
        let a = Fixtures.parse("""
        # Bài **thử**

        Mở đầu có **đậm**.

        ## Mục *một*

        - mục [liên kết](u)
        > trích *dẫn*
        """)
        XCTAssertEqual(a.title, "Bài thử", "the title is plain text")
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .heading, .item, .quote])
        XCTAssertEqual(a.blocks.map(\.text), ["Mở đầu có đậm.", "Mục một", "- mục liên kết (u)", "trích dẫn"])
        XCTAssertEqual(a.blocks.map { Self.marks($0.text, $0.spans) },
                       [["strong:đậm"], ["emphasis:một"], ["link:liên kết"], ["emphasis:dẫn"]])
        let json = try? Fixtures.jsonBlocks(a)
        XCTAssertEqual(json?.count, 4)
    }

    /// A `.md` file is Markdown by its name: read in the authored format even when nothing in
    /// its text says so (here no header, no `#` heading).
    func testAMarkdownFileIsAuthoredByItsName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-md-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "Ghi chép **ngắn** hôm nay.\n\nMột đoạn *nữa*.\n"
        for name in ["ghi-chep.md", "GHI.MD", "ghi-chep.txt"] {
            let path = dir.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let a = try ArticleFile.load(path: path)
            if name.hasSuffix(".txt") {
                XCTAssertEqual(a.title, "Ghi chép **ngắn** hôm nay.", "a .txt file without markers is a copied page")
            } else {
                XCTAssertEqual(a.blocks.map(\.text), ["Ghi chép ngắn hôm nay.", "Một đoạn nữa."], name)
                XCTAssertEqual(a.blocks.first?.kind, .lead)
            }
        }
        XCTAssertFalse(ArticleFile.isMarkdown(".md"))
    }

    /// A copied page is text, not Markdown.
    func testACopiedPageKeepsItsAsterisks() throws {
        let page = try String(decoding: Fixtures.seedBytes, as: UTF8.self)
            .replacingOccurrences(of: "Hôm nay (12/4)", with: "Hôm nay (12/4) *đặc biệt*")
        let a = Fixtures.parse(page)
        var found = false
        a.forEachBlock { b in
            if b.text.contains("*đặc biệt*") { found = true }
            XCTAssertEqual(b.spans, [])
        }
        XCTAssertTrue(found)
    }

    /// Input made to be slow for a naive reading (runs of delimiters, brackets and backticks
    /// that never close) is read in one pass; each case is 200 KB.
    func testAdversarialInputIsReadInOnePass() {
        var links = LinkDefinitions()
        links.add(label: "a", address: Array("/x".utf8))
        for unit in ["*a ", "**a* ", "_a ", "[", "[a](", "](", "`", "``a` ", "![", "<a:", "*[a](", "a*b_",
                     "<!--", "<a href=\"", "<b x", "&#", "&amp", "[a][", "][", "[a]", "<b>"] {
            let input = String(repeating: unit, count: 200_000 / unit.utf8.count)
            let (text, spans) = InlineMarkup.apply(input, links: links)
            // (A defined `[a]` shows its address: `a (/x)`.)
            XCTAssertLessThanOrEqual(text.utf8.count, input.utf8.count * 3 + 16, unit)
            for s in spans { XCTAssertLessThanOrEqual(s.range.upperBound, text.utf8.count, unit) }
        }
        let nested = String(repeating: "*a ", count: 30_000) + String(repeating: "b* ", count: 30_000)
        XCTAssertEqual(InlineMarkup.apply(nested).spans.count, 30_000)
    }

    /// The reading pane draws spans in their styles, search matches over them; in text that is
    /// bold or italic already, emphasis of that kind is underlined instead.
    func testTheReaderDrawsSpans() throws {
        let article = Fixtures.parse("""
        # Bài

        Mở đầu có **đậm** và *nghiêng*.

        Đoạn có **đậm**, *nghiêng* và [liên kết](u).
        """)
        var state = ReaderState(size: TermSize(width: 80, height: 20))
        state.update(.opened(OpenedArticle(entry: LibraryEntry(id: "md", path: "", category: "", title: "md"), article: article)))
        let grid = render(state).grid
        func style(of word: String, row: String) throws -> CellStyle {
            let (x, y) = try XCTUnwrap(grid.place(of: word, inRowWith: row), row)
            return grid[x, y].style
        }
        let theme = state.theme
        let lead = try style(of: "Mở", row: "Mở đầu"), body = try style(of: "Đoạn", row: "Đoạn có")
        XCTAssertEqual(lead, theme.style(.lead))
        XCTAssertTrue(lead.bold)
        XCTAssertTrue(try style(of: "đậm", row: "Mở đầu").underline, "strong in a bold lead")
        XCTAssertTrue(try style(of: "nghiêng", row: "Mở đầu").italic)
        XCTAssertFalse(body.bold || body.italic || body.underline)
        XCTAssertTrue(try style(of: "đậm", row: "Đoạn có").bold)
        XCTAssertTrue(try style(of: "nghiêng", row: "Đoạn có").italic)
        XCTAssertTrue(try style(of: "liên", row: "Đoạn có").underline)
        XCTAssertFalse(try style(of: "(u)", row: "Đoạn có").underline, "the address is not the link's text")
        XCTAssertFalse(grid.plainText.contains("*"))

        state.update(.beginSearch)
        for c in "nghieng" { state.update(.searchInput(c)) }
        state.update(.searchSubmit)
        let searched = render(state).grid
        let (x, y) = try XCTUnwrap(searched.place(of: "nghiêng", inRowWith: "Mở đầu"))
        XCTAssertEqual(searched[x, y].style, theme.style(.currentMatch), "a match is drawn over the span")
    }

    /// The lazy middle of a large authored file gives the blocks, spans included, that the
    /// whole-file parser gives, and search finds words split by markup there.
    func testMarkupInTheMiddleOfALargeFile() throws {
        var text = "# Bài dài\n\n"
        var i = 0
        while text.utf8.count < 400_000 {
            i += 1
            text += i % 7 == 3
                ? "![Ảnh *số* \(i)](a\(i).jpg)\n\n"
                : "Đoạn **\(i)** có *nghiêng* và [liên kết](https://a.vn/\(i)),\n`mã_*không*` và snake_case.\n\n"
        }
        text += "Cuối có **Điện** Biên Phủ.\n\n" + String(repeating: "Đoạn kết.\n\n", count: 20)
        let bytes = Array(text.utf8)
        let lazy = try ArticleParser.parse(bytes: bytes), whole = try ArticleParser.parse(bytes: bytes, lazyAbove: .max)
        XCTAssertNotNil(lazy.body)
        let a = LargeArticleTests.blocks(lazy), b = LargeArticleTests.blocks(whole)
        XCTAssertEqual(a.count, b.count)
        XCTAssertEqual(a, b)
        let caption = try XCTUnwrap(a.first { $0.text == "Ảnh số 10" })
        XCTAssertEqual(caption.kind, .caption)
        XCTAssertEqual(Self.marks(caption.text, caption.spans), ["emphasis:số"])
        XCTAssertTrue(a.contains { $0.text.hasPrefix("Đoạn 501 có nghiêng và liên kết (https://a.vn/501), `mã_*không*`") })

        var state = ReaderState(size: TermSize(width: 100, height: 30))
        state.update(.opened(OpenedArticle(entry: LibraryEntry(id: "big", path: "", category: "", title: "big"), article: lazy)))
        state.update(.beginSearch)
        for c in "dien bien" { state.update(.searchInput(c)) }
        state.update(.searchSubmit)
        let found = try XCTUnwrap(state.search.current)
        XCTAssertEqual(state.document?.layout.blocks[found.block]?.text, "Cuối có Điện Biên Phủ.")
    }
}
