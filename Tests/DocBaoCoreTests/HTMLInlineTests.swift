import XCTest

@testable import DocBaoCore

/// HTML in Markdown text, as articles converted from web pages carry it.
final class HTMLInlineTests: XCTestCase {
    static func text(_ line: String) -> Block? { Fixtures.markdown([line]).blocks.first }

    func testCharacterReferences() {
        XCTAssertEqual(Self.text("Ng&agrave;y h&ocirc;m qua &#7841; &#x1EA1; &Dstrok;&abreve; &amp; &lt;b&gt; &hellip;")?.text,
                       "Ngày hôm qua ạ ạ Đă & <b> …")
        XCTAssertEqual(Self.text("a&nbsp;b")?.text, "a\u{A0}b")
    }

    func testReferencesThatMustNotReachTheScreenStayAsWritten() {
        // The cleaning took every control and bidirectional override out of the file: a
        // reference must not put one back.
        let line = "&#27;[2J &#x1b; &#155; &#x202E; &#x2066; &#10; &#0; &#x110000; &nosuch; &amp &#;"
        XCTAssertEqual(Self.text(line)?.text, line)
    }

    func testLineBreaksAndStyles() {
        let block = Self.text("Dòng một<br>dòng hai<BR/>dòng ba, <b>đậm</b>, <em>nghiêng</em> và <span lang=\"vi\">thường</span>.")!
        XCTAssertEqual(block.text, "Dòng một\ndòng hai\ndòng ba, đậm, nghiêng và thường.")
        XCTAssertEqual(block.spans.map { block.text.utf8Slice($0.range.lowerBound, $0.range.upperBound) }, ["đậm", "nghiêng"])
        XCTAssertEqual(block.spans.map(\.style), [.strong, .emphasis])
    }

    func testLinks() {
        let block = Self.text("Xem <a href=\"https://a.invalid/?x=1&amp;y=2\" target=_blank>báo cáo</a> và <a href='https://b.invalid'></a>.")!
        XCTAssertEqual(block.text, "Xem báo cáo (https://a.invalid/?x=1&y=2) và https://b.invalid.")
        XCTAssertEqual(block.spans.map { block.text.utf8Slice($0.range.lowerBound, $0.range.upperBound) },
                       ["báo cáo", "https://b.invalid"])
    }

    func testAPictureShowsItsWords() {
        XCTAssertEqual(Self.text("Trước <img src=\"a.jpg\" alt=\"Quang c&agrave;nh\"> sau <img src=b.jpg> hết.")?.text,
                       "Trước Quang cành sau  hết.")
    }

    func testCommentsAndBlockTagsGo() {
        let a = Fixtures.markdown(["<div class=\"tin\">", "<p>Đoạn <!-- ghi chú --> trong thẻ.</p>", "</div>", "", "<!-- more -->", "", "Sau."])
        XCTAssertEqual(a.blocks.map(\.text), ["Đoạn  trong thẻ.", "Sau."])
        XCTAssertEqual(a.removed, ["<!-- more -->"], "what leaves nothing to show is listed")
    }

    /// Block tags end the line they close (once, however many meet); list items get a bullet
    /// and table cells a rule between them, so that a page's HTML list or table reads line by
    /// line instead of running its words together.
    func testBlockTagsListsAndTablesKeepTheirLines() {
        XCTAssertEqual(Self.text("<p>Đoạn một.</p><p>Đoạn hai.</p>")?.text, "Đoạn một.\nĐoạn hai.")
        XCTAssertEqual(Self.text("<ul><li>Một</li><li><b>Hai</b></li></ul>")?.text, "• Một\n• Hai")
        let table = "<table><thead><tr><th>Tỉnh</th><th>Dân số</th></tr></thead><tbody><tr><td>Lai Châu</td><td>482.100</td></tr></tbody></table>"
        // A table inside prose (a table alone is set in columns: see below).
        XCTAssertEqual(Self.text("Bảng: " + table)?.text, "Bảng:\nTỉnh │ Dân số\nLai Châu │ 482.100")
        XCTAssertEqual(Self.text("Trước <div>giữa</div> sau")?.text, "Trước\ngiữa\nsau")
        XCTAssertEqual(Self.text("Không <span>tách</span> dòng")?.text, "Không tách dòng")
    }

    /// A `<figure>` alone is a photo caption: its `<figcaption>`, or else its picture's words;
    /// on one line, or over several as Pandoc writes it, in a large file's middle too.
    func testAFigureIsACaption() throws {
        let lines = [
            "Mở đầu.", "<figure><img src=\"a.jpg\" alt=\"Cảnh chợ\"><figcaption>Người dân tại <em>chợ phiên</em>.</figcaption></figure>",
            "", "<figure>", "<img src=\"c.jpg\" alt=\"Toàn cảnh\" />", "<figcaption aria-hidden=\"true\">Toàn cảnh hội nghị</figcaption>",
            "</figure>", "", "<FIGURE><img src=d.jpg alt=\"Chỉ có chữ thay ảnh\"></FIGURE>", "", "Hết.",
        ]
        let a = Fixtures.markdown(lines)
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .caption, .caption, .caption, .paragraph])
        XCTAssertEqual(a.blocks.map(\.text), ["Mở đầu.", "Người dân tại chợ phiên.", "Toàn cảnh hội nghị", "Chỉ có chữ thay ảnh", "Hết."])
        XCTAssertEqual(a.blocks[1].spans.map(\.style), [.emphasis])
        XCTAssertNil(HTMLInline.figureCaption("<figure>không đóng"))
        let text = (["# Tiêu đề", ""] + lines).joined(separator: "\n")
        XCTAssertEqual(try Fixtures.headCutsReadingOtherwise(text, whole: a.blocks), [])
    }

    /// An HTML table that is a paragraph of its own (Pandoc writes one over many lines) is set
    /// in columns as a Markdown table is: alignment from the first row's cells, a cell that
    /// spans columns followed by empty ones, a line break in a cell a space. In a large file's
    /// middle too.
    func testAnHTMLTableIsSetInColumns() throws {
        let lines = [
            "Mở đầu.", "", "<table>", "<thead>", "<tr class=\"header\">", "<th>Tỉnh</th>",
            "<th style=\"text-align: right;\">Dân số</th>", "<th>Ghi chú</th>", "</tr>", "</thead>", "<tbody>",
            "<tr><td>Lai Châu</td><td>482.100</td><td>miền <b>núi</b><br>Tây Bắc</td></tr>",
            "<tr><td colspan=\"2\">Tổng</td><td>—</td></tr>", "</tbody>", "</table>", "",
            "<table><tr><td>Ngoài<table><tr><td>trong</td></tr></table></td></tr></table>", "", "Hết.",
        ]
        let a = Fixtures.markdown(lines)
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .preformatted, .paragraph, .paragraph])
        XCTAssertEqual(a.blocks[1].text, """
        Tỉnh     │  Dân số │ Ghi chú
        ─────────┼─────────┼─────────────────
        Lai Châu │ 482.100 │ miền núi Tây Bắc
        Tổng     │         │ —
        """)
        XCTAssertEqual(a.blocks[2].text, "Ngoài\ntrong", "a table inside a cell: read line by line")
        // A Markdown table's cell with `<br>` stays on its row too.
        XCTAssertEqual(Fixtures.markdown(["| a<br>b | c |", "|---|---|", "| 1 | 2 |"]).blocks[0].text, "a b │ c\n────┼──\n1   │ 2")
        let text = (["# Tiêu đề", ""] + lines).joined(separator: "\n")
        XCTAssertEqual(try Fixtures.headCutsReadingOtherwise(text, whole: a.blocks), [])
    }

    /// Digits (and `+ - = ( )`) in `<sup>` and `<sub>` become Unicode's raised and lowered
    /// ones, which search finds as plain digits; anything else inside stays as written.
    func testSuperscriptsAndSubscripts() {
        let block = Self.text("9.068 km<sup>2</sup>, CO<sub>2</sub>, ghi chú<sup>12</sup>, 10<sup>-3</sup>, 1<sup>st</sup>, x<sup><b>2</b></sup>.")!
        XCTAssertEqual(block.text, "9.068 km², CO₂, ghi chú¹², 10⁻³, 1st, x2.")
        XCTAssertEqual(block.spans.map { block.text.utf8Slice($0.range.lowerBound, $0.range.upperBound) }, ["2"],
                       "markup inside keeps its span, and its digit")
        XCTAssertEqual(TextFolding.fold("CO₂ km² ¹²³"), "co2 km2 123")
    }

    /// A title and a removed entry are one line each: a `<br>` or a hard break in them is a
    /// space, even before a combining mark (which Foundation's string search would attach to
    /// the line end, and so leave it).
    func testTitlesAndRemovedEntriesStayOneLine() {
        let a = ArticleParser.parse(text: "# Chia sẻ<br>\u{301}bài<br/>viết\n\n\\\n<!-- x -->\n\nSau.")
        XCTAssertEqual(a.title, "Chia sẻ \u{301}bài viết")
        XCTAssertEqual(a.blocks.map(\.text), ["Sau."])
        XCTAssertEqual(a.removed, ["\\ <!-- x -->"], "the paragraph markup left empty, on one line")
    }

    func testWhatIsNotATagStaysText() {
        for line in ["a < b và b > c", "Yêu <3", "<foo>lạ</foo>", "<b", "<b =x>", "</b x>", "<a href=\"không đóng>", "<!-- không đóng"] {
            XCTAssertEqual(Self.text(line)?.text, line, line)
        }
    }

    func testCodeSpansKeepTheirHTML() {
        XCTAssertEqual(Self.text("`<b>&amp;</b>` và <b>&amp;</b>")?.text, "`<b>&amp;</b>` và &")
    }
}
