import XCTest

@testable import DocBaoCore

/// Markdown as `pandoc -t markdown` writes it from a web page: attributes in braces and the
/// fences of divs are dropped, what they mark is kept; simple, grid and multiline tables are
/// kept as written.
final class PandocMarkupTests: XCTestCase {
    static let page = [
        "# Cầu nối hai tỉnh thông xe trước Tết {#cau-noi .title}", "",
        "::: {.sapo}", "Sau gần bốn năm thi công, cây cầu sẽ thông xe vào tháng 1.", ":::", "",
        "![Cây cầu nhìn từ trên cao](https://x.invalid/a.jpg){width=\"100%\" height=\"auto\"}", "",
        "## Tiến độ {#tien-do}", "",
        "Theo ban quản lý, khối lượng đạt 96%. [Xem thêm](https://x.invalid/b){target=\"_blank\"}", "",
        ":::: {.box}", "::: note", "Ghi chú trong hộp.", ":::", "::::", "",
        "[Chữ **có** lớp]{.highlight} và `mã`{.swift} thường.",
    ].joined(separator: "\n")

    func testAConvertedPageReadsWithoutItsAttributesAndFences() {
        let a = ArticleParser.parse(text: Self.page)
        XCTAssertEqual(a.title, "Cầu nối hai tỉnh thông xe trước Tết")
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .caption, .heading, .paragraph, .paragraph, .paragraph])
        XCTAssertEqual(a.blocks.map(\.text), [
            "Sau gần bốn năm thi công, cây cầu sẽ thông xe vào tháng 1.",
            "Cây cầu nhìn từ trên cao",
            "Tiến độ",
            "Theo ban quản lý, khối lượng đạt 96%. Xem thêm (https://x.invalid/b)",
            "Ghi chú trong hộp.",
            "Chữ có lớp và `mã` thường.",
        ])
        XCTAssertEqual(a.blocks[3].spans, [InlineSpan(49..<58, .link)])
        XCTAssertEqual(a.blocks[5].spans.map(\.style), [.strong])
        XCTAssertEqual(a.removed, ["::: {.sapo}", ":::", ":::: {.box}", "::: note", ":::", "::::"])
    }

    /// Braces that hold anything but attributes, and colons that open no div, stay text.
    func testWhatStaysText() {
        for text in ["Tập {x} và {y}", "[a]{b}", "Xem [ghi chú] {#x} sau", "Công thức f(x){ a = b }", "[a](b){c}", "{}"] {
            XCTAssertEqual(InlineMarkup.apply(text).text.filter { $0 == "{" }.count, text.filter { $0 == "{" }.count, text)
        }
        for line in ["::: Chú ý rằng câu này", ":: a", "::: {x}", "Tỷ số ::: 3"] {
            XCTAssertFalse(PandocMarkup.isDivFence(line), line)
        }
        for line in [":::", "::: note", "::::: {#id .a key=\"có dấu cách\"} :::::"] {
            XCTAssertTrue(PandocMarkup.isDivFence(line), line)
        }
        XCTAssertEqual(AuthoredParser.heading("## Giá {x}")?.text, "Giá {x}")
        XCTAssertEqual(AuthoredParser.heading("## Phụ lục {-}")?.text, "Phụ lục")
        XCTAssertEqual(AuthoredParser.heading("## Phụ lục {.unnumbered lang=vi} ##")?.text, "Phụ lục")
    }

    /// Pandoc writes a table as a simple table (a dashed line under its header) or, when its
    /// cells are long, as a grid table. The columns its rules mark give the cells, which are
    /// set as a Markdown table's are: in columns, aligned as the header stands against the
    /// dashes (or as the colons of a grid's rule say), or as records in a narrow pane.
    static let tables = [
        "Kết quả bầu cử:", "",
        "  Tỉnh           Cử tri   Tỷ lệ", "  ------------ -------- -------", "  Lai Châu      312.450   99,8%", "  Hà Nội      5.512.000",
        "", "Không có tiêu đề:", "",
        "  -------- -----", "  Một      1", "  Hai      2", "  -------- -----", "",
        "+-----------+-----------------+", "| Tỉnh      | Ghi chú         |", "+:==========+================:+",
        "| Lai Châu  | - đủ            |", "|           | - kịp           |", "+-----------+-----------------+",
        "| Hà Nội    | chậm            |", "+-----------+-----------------+", "",
        "Hết.",
    ].joined(separator: "\n")

    func testSimpleAndGridTablesAreSetFromTheirCells() {
        let a = ArticleParser.parse(text: "# Bảng\n\n" + Self.tables)
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .preformatted, .paragraph, .preformatted, .preformatted, .paragraph])
        // A number that starts left of its column's dashes is still in that column.
        XCTAssertEqual(a.blocks[1].text, """
            Tỉnh     │    Cử tri │ Tỷ lệ
            ─────────┼───────────┼──────
            Lai Châu │   312.450 │ 99,8%
            Hà Nội   │ 5.512.000 │
            """)
        XCTAssertEqual(a.blocks[3].text, "Một │ 1\nHai │ 2", "no header: no header line, nor rule")
        XCTAssertEqual(a.blocks[4].text, """
            Tỉnh     │    Ghi chú
            ─────────┼───────────
            Lai Châu │ - đủ - kịp
            Hà Nội   │       chậm
            """, "a grid cell's lines joined; a row is no list item")
        XCTAssertEqual(a.blocks[1].spans.map(\.style), [.strong, .strong, .strong], "the header is bold")
        // Markup in cells is applied; a narrow pane sets the rows as records.
        let marked = ArticleParser.parse(text: "# T\n\n  Tỉnh      Ghi\n  --------- -----\n  **Lai**   [x](/x)\n")
        XCTAssertEqual(marked.blocks[0].text, "Tỉnh │ Ghi\n─────┼───────\nLai  │ x (/x)")
        XCTAssertEqual(marked.blocks[0].spans.map(\.style), [.strong, .strong, .strong, .link])
        XCTAssertEqual(PlainTextDump.render(marked, width: 12, sizeLevel: 1, language: .vi), "T\n\nTỉnh: Lai\nGhi: x (/x)\n")
        // What is not one: a section break, an underline, a dashed line after a blank line with
        // nothing under it, a dashed line under a list item.
        let not = ArticleParser.parse(text: "# T\n\nĐoạn.\n\n- - -\n\nTiêu đề\n---\n\n-- --\n\n- Mục\n------ -----\n")
        XCTAssertEqual(not.blocks.map(\.kind), [.lead, .sectionBreak, .heading, .sectionBreak, .item, .sectionBreak])
    }

    /// Without a header, a row's place is kept when the table is set the other way too: the
    /// rows start a line each in columns, a record each as records.
    func testAPlaceInATableWithoutHeaderKeepsItsRow() throws {
        let rows = (1...12).map { "Tỉnh số \($0)" + String(repeating: " ", count: $0 < 10 ? 4 : 3) + "\($0 * 1000)" }
        let article = Fixtures.parse((["# Kết quả", "", "------------ ------"] + rows + ["------------ ------"]).joined(separator: "\n"))
        XCTAssertEqual(article.blocks.first?.text.split(separator: "\n").first, "Tỉnh số 1  │ 1000")
        var state = ReaderState(size: TermSize(width: 100, height: 8))
        state.update(.opened(OpenedArticle(entry: LibraryEntry(id: "t", path: "", category: "", title: "t"), article: article)))
        func top() throws -> String {
            let doc = try XCTUnwrap(state.document)
            let text = try XCTUnwrap(doc.layout.block(doc.anchor.block)).text
            return String(text.utf8Slice(doc.anchor.offset, text.utf8.count).prefix { $0 != "\n" })
        }
        for _ in 0..<30 where try !top().hasPrefix("Tỉnh số 6 ") { state.update(.scroll(1)) }
        XCTAssertTrue(try top().hasPrefix("Tỉnh số 6 "))
        state.update(.resize(TermSize(width: 16, height: 8)))
        XCTAssertEqual(try top(), "Tỉnh số 6")
        state.update(.resize(TermSize(width: 100, height: 8)))
        XCTAssertEqual(try top(), "Tỉnh số 6  │ 6000")
    }

    /// A grid table with a cell that spans columns does not keep to them: it is kept as written.
    func testAGridTableWithSpanningCellsIsKeptAsWritten() {
        let grid = ["+-----+-----+", "| Gộp hai   |", "+-----+-----+", "| a   | b   |", "+-----+-----+"]
        let a = ArticleParser.parse(text: "# T\n\n" + grid.joined(separator: "\n"))
        XCTAssertEqual(a.blocks.map(\.text), [grid.joined(separator: "\n")])
        XCTAssertNil(a.blocks[0].table)
    }

    /// Where cells hold more than a line, Pandoc writes a multiline table: rules above and
    /// below, each row over several lines, blank lines between rows. Its blank lines must not
    /// break it into prose; a cell's lines are joined.
    static let multilineTables = [
        "Kết quả:", "",
        "-----------------------------------------", "  Tỉnh      Ghi chú", "----------- -----------------------------",
        "  Lai Châu  Đạt kết quả cao, vượt chỉ", "            tiêu đề ra.", "",
        "  Hà Nội    Còn chậm.", "-----------------------------------------", "",
        "Table: Kết quả theo tỉnh.", "",
        "----------- -----------------------------", "  Một      Dòng một của hàng một,", "            dòng hai.", "",
        "  Hai      Hàng hai.", "----------- -----------------------------", "",
        "Hết.",
    ].joined(separator: "\n")

    func testMultilineTablesAreSetFromTheirCells() {
        let a = ArticleParser.parse(text: "# Bảng\n\n" + Self.multilineTables)
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .preformatted, .paragraph, .preformatted, .paragraph])
        // The headings stand clear of both ends of their dashes: centred.
        XCTAssertEqual(a.blocks[1].text, """
              Tỉnh   │ Ghi chú
            ─────────┼──────────────────────────────────────
            Lai Châu │ Đạt kết quả cao, vượt chỉ tiêu đề ra.
             Hà Nội  │ Còn chậm.
            """)
        XCTAssertEqual(a.blocks[3].text, "Một │ Dòng một của hàng một, dòng hai.\nHai │ Hàng hai.")
        // What is not one: a section break; dashes over lines that no closing rule ends; a
        // closing rule with text right under it; two blank lines among the rows; a rule
        // right under a paragraph (an underline). None is a table of two rows.
        for text in [
            "Đoạn.\n\n-----\n\nĐoạn sau.",
            "Đoạn.\n\n-----\n  Tỉnh   Ghi\n------ -----\n  A      b\n\nĐoạn sau.",
            "Đoạn.\n\n------ -----\n  A      b\n\n  C      d\n------ -----\nChữ ngay dưới.",
            "Đoạn.\n\n------ -----\n  A      b\n\n\n  C      d\n------ -----\n",
            "Đoạn.\n\nTiêu đề\n-----\n  Tỉnh   Ghi\n------ -----\n  A      b\n-----\n",
        ] {
            XCTAssertFalse(ArticleParser.parse(text: "# T\n\n" + text).blocks.contains { ($0.table?.rows.count ?? 0) > 2 }, text)
        }
    }

    /// A large file reads the same, wherever its head ends among fences.
    func testEveryCutOfTheHeadReadsTheSame() throws {
        let text = Self.page + "\n\n" + Self.tables + "\n\n## Mục\n------ -----\nsau tiêu đề\n[bảng]: /b\n[^g]: ghi\n\n"
            + "Xem [bảng] và ghi chú[^g].\n\n"
            + "::: {.cuoi}\nĐoạn trong div\nvới dòng hai.\n:::\n- Mục\n\n  ::: x\n  Đoạn của mục.\n  :::\n\n"
            + Self.multilineTables + "\n\n::: x\n------ ----\n  a    b\n\n  [c]: /c\n------ ----\n:::\n\n"
            + "Đoạn [c].\n\n------ ----\n  a    b\n\n  c    d\n------ ----\nChữ ngay dưới: không phải bảng.\n\nHết.\n"
        let whole = try ArticleParser.parse(file: FileBytes(Array(text.utf8)), lazyAbove: .max, window: 0)
        XCTAssertEqual(whole.blocks.filter { $0.kind == .preformatted }.count, 9)
        XCTAssertTrue(whole.blocks.contains { $0.text == "Đoạn c (/c)." }, "a multiline table's rows may define links")
        XCTAssertTrue(whole.blocks.contains { $0.text == "Xem bảng (/b) và ghi chú[g]." }, "rows that read as definitions define")
        XCTAssertEqual(try Fixtures.headCutsReadingOtherwise(text, whole: whole.blocks), [])
    }
}
