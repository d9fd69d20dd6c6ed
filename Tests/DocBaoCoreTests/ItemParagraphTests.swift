import XCTest

@testable import DocBaoCore

/// Further paragraphs of list items and footnotes: after a blank line, a paragraph indented as
/// far as the item's text belongs to the item and is set under its text; so do a quote, a
/// caption and code indented as far.
final class ItemParagraphTests: XCTestCase {

    func testAFurtherParagraphIsSetUnderItsItemsText() {
        let a = Fixtures.markdown([
            "Mở đầu.",
            "",
            "1. Bước một: chuẩn bị hồ sơ theo mẫu.",
            "",
            "   Hồ sơ gồm đơn đề nghị",
            "   và bản sao giấy tờ tùy thân.",
            "",
            "2. Bước hai",
            "",
            "Đoạn sau danh sách.",
        ])
        XCTAssertEqual(a.blocks, [
            Block(.lead, "Mở đầu."),
            Block(.item, "1. Bước một: chuẩn bị hồ sơ theo mẫu."),
            Block(.itemParagraph, "   Hồ sơ gồm đơn đề nghị và bản sao giấy tờ tùy thân."),
            Block(.item, "2. Bước hai"),
            Block(.paragraph, "Đoạn sau danh sách."),
        ])
        XCTAssertEqual(PlainTextDump.render(a, width: 34, sizeLevel: 1, language: .vi), """
        Tiêu đề

        Mở đầu.

        1. Bước một: chuẩn bị hồ sơ theo
           mẫu.

           Hồ sơ gồm đơn đề nghị và bản
           sao giấy tờ tùy thân.

        2. Bước hai

        Đoạn sau danh sách.

        """)
    }

    func testBulletsNotesAndNestedItemsSetTheirParagraphsUnderTheirOwnText() {
        let a = Fixtures.markdown([
            "- Gạch đầu dòng", "", "  đoạn của nó", "", "  đoạn thứ hai của nó", "",
            "- Cấp một", "  - Cấp hai", "", "    đoạn của cấp hai", "",
            "Văn[^1].", "", "[^1]: Ghi chú.", "", "    Đoạn hai của ghi chú.",
        ])
        XCTAssertEqual(a.blocks.map(\.kind), [.item, .itemParagraph, .itemParagraph, .item, .item, .itemParagraph, .lead, .item,
                                             .itemParagraph])
        XCTAssertEqual(a.blocks.filter { $0.kind == .itemParagraph }.map(\.text), [
            "  đoạn của nó", "  đoạn thứ hai của nó", "    đoạn của cấp hai", "    Đoạn hai của ghi chú.",
        ])
    }

    func testAParagraphBelongsToTheOuterItemWhoseTextItReaches() {
        // Indented as far as the text of `2. ` (3 columns) but not of the nested `- ` (5): the
        // paragraph belongs to step two, and ends the nested list, as in CommonMark.
        let a = Fixtures.markdown([
            "2. Bước hai", "   - Mục con", "   - Mục con nữa", "", "   Đoạn của bước hai.", "3. Bước ba",
            "", "- Một", "  - Một một", "", "  Đoạn của một.", "", "    Vẫn của một: thụt chưa tới mục con.",
        ])
        XCTAssertEqual(a.blocks, [
            Block(.item, "2. Bước hai"),
            Block(.item, "   - Mục con"),
            Block(.item, "   - Mục con nữa"),
            Block(.itemParagraph, "   Đoạn của bước hai."),
            Block(.item, "3. Bước ba"),
            Block(.item, "- Một"),
            Block(.item, "  - Một một"),
            Block(.itemParagraph, "  Đoạn của một."),
            Block(.itemParagraph, "  Vẫn của một: thụt chưa tới mục con."),
        ])
    }

    func testAnyMarkerAfterAFurtherParagraphStartsTheNextItem() {
        // In running prose only `1.`, `a)` or a bullet may start a list (a wrapped line may
        // start `2024. `); inside a list any number goes on with it.
        let a = Fixtures.markdown(["1. Một", "", "   Đoạn của một.", "2. Hai", "", "Văn bản năm", "2024. Hết."])
        XCTAssertEqual(a.blocks, [
            Block(.item, "1. Một"),
            Block(.itemParagraph, "   Đoạn của một."),
            Block(.item, "2. Hai"),
            Block(.lead, "Văn bản năm 2024. Hết."),
        ])
    }

    func testParagraphsThatStayOutsideTheList() {
        // Not indented as far as the item's text (`1. ` asks 3 columns), or not at all.
        let a = Fixtures.markdown(["1. Mục", "", "  hai dấu cách", "", "- Mục", "", "không thụt", "", "- Mục", " một dấu cách"])
        XCTAssertEqual(a.blocks.map(\.kind), [.item, .lead, .item, .paragraph, .item])
        // An article that indents every paragraph (with a tab, as plain text often does):
        // a paragraph indented no further than its prose belongs to no item.
        let tabbed = Fixtures.markdown(["\tĐoạn mở đầu.", "", "- Mục", "", "\tĐoạn tiếp theo.", "", "\t\tThụt sâu hơn thì thuộc mục."])
        XCTAssertEqual(tabbed.blocks.map(\.kind), [.lead, .item, .paragraph, .paragraph])
        // A heading, or a quote or a caption at the margin, ends the list.
        let ended = Fixtures.markdown(["- Mục", "", "## Mục lớn", "", "  đoạn", "", "- Mục", "", "> trích", "", "  đoạn"])
        XCTAssertEqual(ended.blocks.map(\.kind), [.item, .heading, .lead, .item, .quote, .paragraph])
    }

    /// How-to articles put a picture, a quote or a command inside a step: indented as far as
    /// the step's text, each stands under it, and the step's next paragraph still belongs to it.
    func testQuotesCaptionsAndCodeInsideAnItem() {
        let a = Fixtures.markdown([
            "Mở đầu.", "",
            "1. Mở ứng dụng:", "", "   ![Màn hình chính](a.png)", "", "   Chọn Cài đặt.", "",
            "2. Cài công cụ:", "", "   ```sh", "   apt install tmux", "   ```", "", "   Rồi chạy thử.", "",
            "3. Đọc lời khuyên:", "   > Đừng quên", "   > lưu lại.", "", "   Xong bước ba.", "",
            "   - Mục con", "", "     > Trích trong mục con.", "", "   Trở lại bước ba.", "",
            "> Trích ngoài danh sách.", "", "   Đoạn sau trích dẫn.",
        ])
        XCTAssertEqual(a.blocks, [
            Block(.lead, "Mở đầu."),
            Block(.item, "1. Mở ứng dụng:"),
            Block(.caption, "Màn hình chính", inset: 3),
            Block(.itemParagraph, "   Chọn Cài đặt."),
            Block(.item, "2. Cài công cụ:"),
            Block(.preformatted, "   apt install tmux"),
            Block(.itemParagraph, "   Rồi chạy thử."),
            Block(.item, "3. Đọc lời khuyên:"),
            Block(.quote, "Đừng quên lưu lại.", inset: 3),
            Block(.itemParagraph, "   Xong bước ba."),
            Block(.item, "   - Mục con"),
            Block(.quote, "Trích trong mục con.", inset: 5),
            Block(.itemParagraph, "   Trở lại bước ba."),
            Block(.quote, "Trích ngoài danh sách."),
            Block(.paragraph, "Đoạn sau trích dẫn."),
        ])
        XCTAssertEqual(PlainTextDump.render(Fixtures.markdown(["1. Bước:", "", "   > Một câu trích dẫn đủ dài để xuống dòng.",
                                                               "", "   ![Ảnh minh họa](a.png)"]),
                                            width: 30, sizeLevel: 1, language: .vi), """
        Tiêu đề

        1. Bước:

           ▍ Một câu trích dẫn đủ dài
           ▍ để xuống dòng.

           ▍ Ảnh minh họa

        """)
    }

    /// The reader draws them where `dump` writes them: the bar under the item's text, and in
    /// double-size rows under it too (there the step's marker takes as many double cells).
    func testTheReaderSetsThemUnderTheItemsText() throws {
        /// The reader's screen for `article` at a size level.
        func screen(_ article: Article, level: Int, glyphs: Bool) -> Grid {
            var s = ReaderState(size: TermSize(width: 100, height: 40))
            s.doubleSizeGlyphs = glyphs
            s.settings.sizeLevel = level
            s.update(.opened(OpenedArticle(entry: LibraryEntry(id: "a", path: "", category: "", title: "t"), article: article)))
            return render(s).grid
        }
        let article = Fixtures.markdown(["1. Bước một:", "", "   > Trích dẫn trong bước."])
        for (level, glyphs) in [(1, false), (9, true)] {
            let grid = screen(article, level: level, glyphs: glyphs)
            let step = try XCTUnwrap(grid.place(of: "Bước", inRowWith: "Bước một"), "level \(level)")
            let bar = try XCTUnwrap(grid.place(of: "▍", inRowWith: "Trích dẫn"), "level \(level)")
            XCTAssertEqual(bar.x, step.x, "level \(level)")
            XCTAssertEqual(try XCTUnwrap(grid.place(of: "Trích", inRowWith: "Trích dẫn")).x, step.x + (glyphs ? 1 : 2))
        }
        // A table too, at every size.
        let table = Fixtures.markdown(["1. Bước một:", "", "   | Cột | Số |", "   |---|---|", "   | ô | 1 |"])
        for (level, glyphs) in [(1, false), (5, false), (9, true)] {
            let grid = screen(table, level: level, glyphs: glyphs)
            let step = try XCTUnwrap(grid.place(of: "Bước", inRowWith: "Bước một"), "level \(level)")
            XCTAssertEqual(try XCTUnwrap(grid.place(of: "Cột", inRowWith: "Cột │ Số")).x, step.x, "level \(level)")
        }
        // Where the step's marker would take more than a third of the measure, as its own lines
        // give up their indent, the quote stands at the margin.
        XCTAssertEqual(PlainTextDump.render(article, width: 8, sizeLevel: 1, language: .vi).split(separator: "\n").last,
                       "▍ bước.")
    }

    /// A table in a step (`| Giấy tờ | Số bản |` under "prepare these papers") stands under the
    /// step's text, after a blank line or straight under it, and the step goes on after it. A
    /// table less indented than the text carries the text on (CommonMark's lazy lines), as it
    /// always has.
    func testATableInsideAnItemStandsUnderItsText() {
        let a = Fixtures.markdown([
            "1. Chuẩn bị:", "", "   | Giấy tờ | Số |", "   |---|--:|", "   | CCCD | 1 |", "", "   Nộp tại một cửa.", "",
            "2. Mang theo:", "   | Đồ | Số |", "   |---|---|", "   | Bút | 2 |", "3. Chờ.", "",
            "   Đọc thêm:", "   | A | B |", "   |---|---|", "", "   Hết bước ba.", "",
            "- Lười", "| a | b |", "|---|---|",
        ])
        XCTAssertEqual(a.blocks.map(\.kind), [.item, .preformatted, .itemParagraph, .item, .preformatted, .item, .itemParagraph,
                                               .preformatted, .itemParagraph, .item])
        XCTAssertEqual(a.blocks.map(\.inset), [0, 3, 0, 0, 3, 0, 0, 3, 0, 0])
        XCTAssertEqual(a.blocks[4].text, "Đồ  │ Số\n────┼───\nBút │ 2")
        XCTAssertEqual(a.blocks.last?.text, "- Lười | a | b | |---|---|")
        XCTAssertEqual(PlainTextDump.render(Fixtures.markdown(["1. Chuẩn bị:", "", "   | Giấy tờ | Số bản |", "   |---|--:|",
                                                               "   | CCCD | 1 |", "", "   Nộp."]),
                                            width: 30, sizeLevel: 1, language: .vi), """
        Tiêu đề

        1. Chuẩn bị:

           Giấy tờ │ Số bản
           ────────┼───────
           CCCD    │      1

           Nộp.

        """)
        // Wider than the measure less the step's indent (16 > 18 - 3), it is set as records, still under the text.
        XCTAssertEqual(PlainTextDump.render(Fixtures.markdown(["1. Chuẩn bị:", "", "   | Giấy tờ | Số bản |", "   |---|--:|",
                                                               "   | CCCD | 1 |"]),
                                            width: 18, sizeLevel: 1, language: .vi), """
        Tiêu đề

        1. Chuẩn bị:

           Giấy tờ: CCCD
           Số bản: 1

        """)
    }

    /// A line break first in a further paragraph (`<br>` after the indent) would start it on an
    /// empty line, its indent lost: the fuzz found it. It is dropped, the indent kept.
    func testALineBreakFirstKeepsTheIndent() {
        let a = Fixtures.markdown(["- Mục", "", "  <br>**Đoạn** sau."])
        XCTAssertEqual(a.blocks[1], Block(.itemParagraph, "  Đoạn sau.", spans: [InlineSpan(2..<9, .strong)]))
    }

    func testOneThatMarkupLeavesEmptyIsListedAsRemoved() {
        let a = Fixtures.markdown(["- Mục", "", "  <!-- còn nữa -->", "", "  Đoạn thật."])
        XCTAssertEqual(a.blocks.map(\.text), ["- Mục", "  Đoạn thật."])
        XCTAssertEqual(a.removed, ["  <!-- còn nữa -->"])
    }

    func testParseCallsThemParagraphs() throws {
        let a = Fixtures.markdown(["- Mục", "", "  đoạn"])
        XCTAssertEqual(try Fixtures.jsonBlocks(a).map { block -> String in
            guard case .object(let fields) = block, case .string(let kind)? = fields.first(where: { $0.0 == "kind" })?.1 else { return "" }
            return kind
        }, ["paragraph", "paragraph"])
    }

    /// Wherever the head of a large file ends — between an item and its paragraphs, between
    /// two of them, after an indented paragraph of prose — the middle goes on as the
    /// whole-file parser does.
    func testEveryCutOfTheHeadReadsTheSame() throws {
        let text = [
            "# Danh sách dài", "", "Mở đầu của bài.", "", "1. Bước một", "", "   Đoạn của bước một.", "", "   Đoạn nữa.", "",
            "2. Bước hai", "", "\tĐoạn thụt tab.", "", "- Mục", "", "\tĐoạn thụt một tab.", "", "\t\tĐoạn thụt sâu.", "",
            "[^a]: Ghi chú[^a].", "", "    Đoạn của ghi chú.", "", "## Mục", "", "  Đoạn sau mục.", "", "- Cuối", "", "  Hết.",
            "", "5. Lồng", "   - Con", "", "      Đoạn của con.", "", "   Đoạn của năm.", "6. Sáu", "   - Con của sáu", "",
            "   Đoạn của sáu.", "", "7. Bảy", "", "   > Trích của bảy,", "   > hai dòng.", "", "   Đoạn của bảy.", "",
            "   ![Ảnh của bảy](a.png)", "", "   ![Ảnh chưa định nghĩa][x]", "", "   ```", "   mã của bảy", "   ```", "",
            "   Hết bảy.", "", "8. Tám:", "   | Cột | Số |", "   |---|--:|", "   | a | 1 |", "", "   Sau bảng của tám.", "",
            "   Đoạn có bảng:", "   | X | Y |", "   |---|---|", "9. Chín", "   | lười |", "|---|", "",
            "> Trích ngoài.", "", "   Sau trích.",
        ].joined(separator: "\n")
        let bytes = FileBytes(Array(text.utf8))
        let whole = try ArticleParser.parse(file: bytes, lazyAbove: .max, window: 0)
        XCTAssertEqual(whole.blocks.filter { $0.kind == .itemParagraph }.count, 14)
        XCTAssertEqual(whole.blocks.filter { $0.inset > 0 }.map(\.kind), [.quote, .caption, .preformatted, .preformatted])
        XCTAssertEqual(try Fixtures.headCutsReadingOtherwise(text, whole: whole.blocks), [])
        let lazyMiddles = try (0..<text.utf8.count).filter { try ArticleParser.parse(file: bytes, lazyAbove: 10, window: $0).body != nil }
        XCTAssertGreaterThan(lazyMiddles.count, text.utf8.count * 9 / 10)
    }
}
