import XCTest

@testable import DocBaoCore

/// Lists: recognised in both formats (and in the lazy middle of a large file), laid out with a
/// hanging indent, their items without a paragraph gap between them.
final class ListTests: XCTestCase {
    func testMarkers() {
        let items: [(String, ListMarker.Kind, Bool, Int)] = [
            ("- một", .bullet, true, 2), ("• một", .bullet, true, 4), ("* một", .bullet, true, 2),
            ("+ một", .bullet, true, 2), ("– một", .bullet, true, 4), ("— một", .bullet, true, 4),
            ("◦ một", .bullet, true, 4), ("▪ một", .bullet, true, 4), ("1. một", .number, true, 3),
            ("2. hai", .number, false, 3), ("12) mười hai", .number, false, 4), ("a) một", .letter, true, 3),
            ("b) hai", .letter, false, 3), ("đ) năm", .letter, false, 4), ("-   nhiều cách", .bullet, true, 4),
            ("  - thụt lề", .bullet, true, 4), ("-\u{A0}không ngắt", .bullet, true, 3),
        ]
        for (line, kind, opens, length) in items {
            let marker = ListMarker.of(line)
            XCTAssertEqual(marker, ListMarker(kind: kind, opensList: opens, length: length), line)
        }
        for line in ["-5 độ", "1.5 triệu", "•", "- ", "-", "1234. năm", "2024. Trời", "A) hoa", "ab) hai", "-- gạch",
                     "Hội nghị", "a)b", "1.", "1) ", "(1) một", "x", "", "đ)", "🙂 vui", "* * *", "- - -", "-  -  -"] {
            XCTAssertNil(ListMarker.of(line), line)
        }
    }

    /// The scan of a large file sees raw lines (tabs, line ends with CR) where the parsers see
    /// sanitised, trimmed ones: both must find the same marker.
    func testMarkersOnRawBytesAgreeWithDecodedLines() {
        for (raw, decoded) in [("\t- một", "- một"), ("- một\r", "- một"), ("-\tmột", "- một"), ("1.\thai", "1. hai"),
                               ("- \r", "-"), ("   a) ba", "a) ba")] {
            let bytes = Array(raw.utf8)
            let marker = bytes.withUnsafeBufferPointer { ListMarker.at($0, 0..<$0.count) }
            XCTAssertEqual(marker != nil, ListMarker.of(decoded) != nil, raw)
            XCTAssertEqual(marker?.kind, ListMarker.of(decoded)?.kind, raw)
        }
    }

    func testAuthoredLists() {
        let a = Fixtures.parse("""
        Title: Danh sách

        Mở đầu bài viết.

        Các việc cần làm:
        - Việc thứ nhất, viết
        trên hai dòng
        - Việc thứ hai
        • Việc thứ ba

        1. Thứ nhất
        2. Thứ hai
        a) ý nhỏ

        Một buổi sáng mùa đông năm
        2024. Trời rất lạnh và có
        3 người đứng chờ.

        Trước đó
        1. Một danh sách mở giữa đoạn
        """)
        XCTAssertEqual(a.blocks, [
            Block(.lead, "Mở đầu bài viết."),
            Block(.paragraph, "Các việc cần làm:"),
            Block(.item, "- Việc thứ nhất, viết trên hai dòng"),
            Block(.item, "- Việc thứ hai"),
            Block(.item, "• Việc thứ ba"),
            Block(.item, "1. Thứ nhất"),
            Block(.item, "2. Thứ hai"),
            Block(.item, "a) ý nhỏ"),
            Block(.paragraph, "Một buổi sáng mùa đông năm 2024. Trời rất lạnh và có 3 người đứng chờ."),
            Block(.paragraph, "Trước đó"),
            Block(.item, "1. Một danh sách mở giữa đoạn"),
        ])
    }

    /// `parse` keeps the four kinds its output has always had: an item is a paragraph there.
    func testParseOutputPrintsAnItemAsAParagraphWithItsMarker() throws {
        let a = Fixtures.parse("Title: T\n\nMở đầu.\n\n- một\n1. hai\n")
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .item, .item])
        XCTAssertEqual(try Fixtures.jsonBlocks(a), [
            .object([("kind", .string("lead")), ("text", .string("Mở đầu."))]),
            .object([("kind", .string("paragraph")), ("text", .string("- một"))]),
            .object([("kind", .string("paragraph")), ("text", .string("1. hai"))]),
        ])
    }

    func testAnItemFirstLeavesTheLeadToTheFirstParagraph() {
        let a = Fixtures.parse("Title: T\n\n- một\n- hai\n\nĐoạn văn.\n")
        XCTAssertEqual(a.blocks.map(\.kind), [.item, .item, .lead])
    }

    func testPageDumpLists() {
        let a = Fixtures.parse("""
        Trang chủ > Thời sự
        Hội nghị bàn về danh sách công việc quan trọng của tỉnh
        Mở đầu bài viết với nhiều nội dung quan trọng được nêu ra ở đây, đủ dài để là phần mở đầu.
        Các việc cần làm:
        - Một việc rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài
        - Hai việc
        • Ba việc
        1. Thứ nhất
        2) Thứ hai
        Đoạn tiếp theo của bài viết có hai câu văn. Câu thứ hai cũng kết thúc bằng dấu chấm như câu đầu.
        1. Về kinh tế
        Tỉnh đạt mức tăng trưởng cao nhất từ trước đến nay, theo báo cáo của Ủy ban nhân dân tỉnh.
        """)
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .paragraph, .item, .item, .item, .item, .item, .paragraph, .heading, .paragraph])
        XCTAssertEqual(a.blocks[5].text, "1. Thứ nhất")
        XCTAssertEqual(a.blocks[8].text, "1. Về kinh tế", "a numbered line on its own stays a heading")
    }

    /// An item's later lines start under its text; nothing is lost; no line is wider than the
    /// measure.
    func testHangingIndentProperties() {
        var rng = SeededGenerator(seed: 11)
        let markers = ["- ", "• ", "1. ", "12) ", "a) ", "-   ", "— "]
        for _ in 0..<2000 {
            let marker = markers.randomElement(using: &rng)!
            let body = RandomText.paragraph(&rng, words: Int.random(in: 1...40, using: &rng)).trimmingSpaces()
            guard !body.isEmpty else { continue }
            let text = marker + body
            let measure = Int.random(in: 1...90, using: &rng)
            let length = ListMarker.of(text)?.length ?? 0
            XCTAssertEqual(length, marker.utf8.count, text)
            let hanging = DocumentLayout.indents(of: LayoutBlock(.item, text), measure: measure).turnover
            let lines = LineBreaker.wrap(text, measure: measure, turnoverIndent: hanging)
            let indent = DisplayWidth.of(marker)
            XCTAssertEqual(hanging, indent * 3 <= measure ? indent : 0, "under the text, unless the marker is too wide")
            XCTAssertFalse(lines.isEmpty)
            XCTAssertEqual(lines[0].start, 0)
            XCTAssertEqual(lines[0].indent, 0)
            // (Less only on a line that had to take a word wider than what the indent leaves.)
            for line in lines.dropFirst() { XCTAssertEqual(line.indent, min(hanging, max(0, measure - line.width)), text) }
            for line in lines {
                let piece = text.utf8Slice(line.start, line.end)
                XCTAssertEqual(line.width, DisplayWidth.of(piece))
                XCTAssertTrue(line.indent + line.width <= measure || piece.count == 1, "\(piece) at \(measure)")
            }
            let joined = lines.map { text.utf8Slice($0.start, $0.end) }.joined()
            XCTAssertEqual(joined.filter { !$0.isWhitespace }, text.filter { !$0.isWhitespace })
        }
    }

    func testDumpShowsAHangingIndentAndNoGapInsideAList() {
        let a = Fixtures.parse("""
        Title: Danh sách

        Mở đầu.

        - Kiểm tra loại đầu sạc của xe trước khi vào trạm
        - Giữ xe trong ô đỗ
        1. Quét mã QR trên trụ sạc bằng ứng dụng ngân hàng
        2. Chọn mức sạc
        """)
        let dump = PlainTextDump.render(a, width: 40, sizeLevel: 1, language: .vi)
        XCTAssertEqual(dump, """
        Danh sách

        Mở đầu.

        - Kiểm tra loại đầu sạc của xe trước khi
          vào trạm
        - Giữ xe trong ô đỗ

        1. Quét mã QR trên trụ sạc bằng ứng dụng
           ngân hàng
        2. Chọn mức sạc

        """)
    }

    /// The reading pane draws what the dump prints: the later lines of an item indented.
    func testRenderedItemIsIndented() throws {
        let article = Fixtures.parse("Title: T\n\n- Kiểm tra loại đầu sạc của xe trước khi vào trạm sạc điện\n")
        var state = ReaderState(size: TermSize(width: 40, height: 12))
        state.update(.opened(OpenedArticle(entry: LibraryEntry(id: "a", path: "", category: "", title: "T"), article: article)))
        while state.settings.sizeLevel > 1 { state.update(.sizeDown) }
        if state.sidebarShown { state.update(.toggleSidebar) }
        let grid = render(state).grid
        let rows = (0..<grid.height).map { grid.text(row: $0) }
        let first = try XCTUnwrap(rows.firstIndex { $0.contains("- Kiểm tra") }, "\(rows)")
        let x = rows[first].prefix { $0 == " " }.count
        let next = rows[first + 1]
        XCTAssertEqual(next.prefix { $0 == " " }.count, x + 2, "\(rows)")
    }

    /// A nested item keeps its indent (2 to 8 columns) as spaces before its marker; the layout
    /// sets its first line in that far and its later lines under its text, and a nested list
    /// has no gap before or after it, whatever its markers.
    func testNestedListsAreSetIn() throws {
        // From bytes, as a file is read: the cleaning turns the tab into spaces to column 8.
        let a = try ArticleParser.parse(bytes: Array("""
        Title: Lồng nhau

        Mở đầu.

        - Cấp một có nội dung khá dài để xuống dòng trong màn hình hẹp
          - Cấp hai lồng bên trong cũng dài để xuống dòng nữa
          - Cấp hai nữa
            1. Cấp ba đánh số
        \t- Thụt một tab
         - Một dấu cách không tính
        - Cấp một tiếp
        """.utf8))
        XCTAssertEqual(a.blocks, [
            Block(.lead, "Mở đầu."),
            Block(.item, "- Cấp một có nội dung khá dài để xuống dòng trong màn hình hẹp"),
            Block(.item, "  - Cấp hai lồng bên trong cũng dài để xuống dòng nữa"),
            Block(.item, "  - Cấp hai nữa"),
            Block(.item, "    1. Cấp ba đánh số"),
            Block(.item, "        - Thụt một tab"),
            Block(.item, "- Một dấu cách không tính"),
            Block(.item, "- Cấp một tiếp"),
        ])
        XCTAssertEqual(PlainTextDump.render(a, width: 40, sizeLevel: 1, language: .vi), """
        Lồng nhau

        Mở đầu.

        - Cấp một có nội dung khá dài để xuống
          dòng trong màn hình hẹp
          - Cấp hai lồng bên trong cũng dài để
            xuống dòng nữa
          - Cấp hai nữa
            1. Cấp ba đánh số
                - Thụt một tab
        - Một dấu cách không tính
        - Cấp một tiếp

        """)
    }

    /// A list inside a quote keeps one item a line, in a large file's middle too.
    func testAListInsideAQuoteKeepsItsItemsApart() throws {
        let lines = ["Mở đầu.", "", "> Ông nói:", "> - Một là giữ rừng;", "> - hai là giữ nước.", "> 2024. Năm bản lề.", "",
                     "> Năm nay có", "> 12. điểm mới", "", "Hết."]
        let a = Fixtures.markdown(lines)
        XCTAssertEqual(a.blocks[1], Block(.quote, "Ông nói:\n- Một là giữ rừng;\n- hai là giữ nước. 2024. Năm bản lề."))
        XCTAssertEqual(a.blocks[2], Block(.quote, "Năm nay có 12. điểm mới"), "in running prose only 1., a) or a bullet starts a list")
        let text = (["# Tiêu đề", ""] + lines).joined(separator: "\n")
        let lazy = try ArticleParser.parse(file: FileBytes(Array(text.utf8)), lazyAbove: 10, window: 12)
        XCTAssertNotNil(lazy.body)
        XCTAssertEqual(Array(LargeArticleTests.blocks(lazy).dropFirst()), Array(a.blocks.dropFirst()))
    }
}
