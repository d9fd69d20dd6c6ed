import XCTest

@testable import DocBaoCore

/// Markdown tables and fenced code in authored articles: kept line by line, spaces and all,
/// tables set in aligned columns; the same in the lazy middle of a large file.
final class PreformattedTests: XCTestCase {
    func testATableIsSetInAlignedColumns() {
        let a = Fixtures.parse("""
        # Kết quả

        | Tỉnh | Cử tri | Tỷ lệ |
        |:-----|------:|:----:|
        | Lai Châu | 312.450 | 99,8% |
        | 東京 \\| thử | 1 | *n/a* |
        | Huế | 2 |
        | Đà Nẵng | 3 | 4 | thừa |
        """)
        XCTAssertEqual(a.blocks.count, 1)
        let table = a.blocks[0]
        XCTAssertEqual(table.kind, .preformatted)
        XCTAssertEqual(table.text, """
        Tỉnh       │  Cử tri │ Tỷ lệ │
        ───────────┼─────────┼───────┼─────
        Lai Châu   │ 312.450 │ 99,8% │
        東京 | thử │       1 │  n/a  │
        Huế        │       2 │       │
        Đà Nẵng    │       3 │   4   │ thừa
        """.split(separator: "\n").map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
            .joined(separator: "\n"))
        XCTAssertEqual(InlineMarkupTests.marks(table.text, table.spans), ["strong:Tỉnh", "strong:Cử tri", "strong:Tỷ lệ", "emphasis:n/a"])
        // Every row is as wide as the rule under the header, but for spaces the last column leaves.
        let widths = table.text.split(separator: "\n").map { DisplayWidth.of($0) }
        XCTAssertEqual(widths.max(), widths[1])
        XCTAssertEqual(try Fixtures.jsonBlocks(a), [.object([("kind", .string("paragraph")), ("text", .string(table.text))])])
    }

    /// Where the columns do not fit the measure (a narrow window, a big size level), each row
    /// is set as a record: a line per cell after its column's heading. Search finds and marks
    /// the text as shown.
    func testATableTooWideForTheMeasureIsSetAsRecords() throws {
        let article = Fixtures.parse("""
        # Kết quả

        | Tỉnh | Cử tri | Tỷ lệ |
        |:-----|------:|:----:|
        | Lai Châu | 312.450 | 99,8% |
        | Hà Nội | 5.512.000 | |
        """)
        let table = article.blocks[0]
        XCTAssertEqual(table.table?.width, 28)
        let records = MarkdownTable.stacked(try XCTUnwrap(table.table))
        XCTAssertEqual(records.text, "Tỉnh: Lai Châu\nCử tri: 312.450\nTỷ lệ: 99,8%\n\nTỉnh: Hà Nội\nCử tri: 5.512.000\nTỷ lệ:")
        XCTAssertEqual(InlineMarkupTests.marks(records.text, records.spans),
                       ["strong:Tỉnh", "strong:Cử tri", "strong:Tỷ lệ", "strong:Tỉnh", "strong:Cử tri", "strong:Tỷ lệ"])
        XCTAssertTrue(PlainTextDump.render(article, width: 80, sizeLevel: 5, language: .vi).contains("Lai Châu │   312.450 │ 99,8%"))
        XCTAssertTrue(PlainTextDump.render(article, width: 26, sizeLevel: 5, language: .vi).contains(" Cử tri: 5.512.000\n"))
        // A table may run past the measure into the right margin: at level 9 in 40 columns the
        // measure is 24, and the 28 columns of the table still fit before the edge.
        let big = Fixtures.parse("# T\n\nMột đoạn văn bản đủ dài để xuống dòng nhiều lần ở cỡ chữ lớn.\n\n"
                                 + "| Tỉnh | Cử tri | Tỷ lệ |\n|:--|--:|:-:|\n| Lai Châu | 312.450 | 99,8% |\n")
        let level9 = PlainTextDump.render(big, width: 40, sizeLevel: 9, language: .vi)
        XCTAssertTrue(level9.contains("Lai Châu │ 312.450 │ 99,8%"), level9)
        let prose = level9.split(separator: "\n").filter { $0.contains("đoạn") || $0.contains("dòng") }
        XCTAssertTrue(prose.allSatisfy { DisplayWidth.of($0.drop { $0 == " " }) <= 24 }, "prose keeps its measure")

        var state = ReaderState(size: TermSize(width: 100, height: 30))
        state.update(.opened(OpenedArticle(entry: LibraryEntry(id: "t", path: "", category: "", title: "t"), article: article)))
        XCTAssertTrue(render(state).grid.plainText.contains("Hà Nội   │ 5.512.000"))
        state.update(.resize(TermSize(width: 26, height: 30)))
        let narrow = render(state).grid
        XCTAssertTrue(narrow.plainText.contains("Tỉnh: Hà Nội"), narrow.plainText)
        XCTAssertFalse(narrow.plainText.contains("│ 5.512.000"))
        state.update(.beginSearch)
        for c in "ha noi" { state.update(.searchInput(c)) }
        state.update(.searchSubmit)
        let shown = try XCTUnwrap(state.document?.layout.block(try XCTUnwrap(state.search.current).block))
        let match = try XCTUnwrap(state.search.current).range
        XCTAssertEqual(shown.text.utf8Slice(match.lowerBound, match.upperBound), "Hà Nội")
        let grid = render(state).grid
        let (x, y) = try XCTUnwrap(grid.place(of: "Hà", inRowWith: "Tỉnh: Hà Nội"))
        XCTAssertEqual(grid[x, y].style, state.theme.style(.currentMatch))
        XCTAssertTrue(grid[x - 3, y].style.bold, "the heading of the record's line is bold")
    }

    /// Reading down a long table, the window narrows so that it is set as records, then widens
    /// again: the place stays at the row being read (at its start). It used to keep its offset
    /// into the columns' text, past the end of the records' shorter text.
    func testAPlaceInATableKeepsItsRowWhenTheTableIsSetTheOtherWay() throws {
        let rows = (1...12).map { "| Tỉnh số \($0) | \($0 * 1000) | \($0)% |" }
        let article = Fixtures.parse((["# Kết quả", "", "| Tỉnh | Cử tri | Tỷ lệ |", "|:--|--:|:-:|"] + rows).joined(separator: "\n"))
        var state = ReaderState(size: TermSize(width: 100, height: 8))
        state.update(.opened(OpenedArticle(entry: LibraryEntry(id: "t", path: "", category: "", title: "t"), article: article)))
        func top() throws -> String {
            let doc = try XCTUnwrap(state.document)
            let text = try XCTUnwrap(doc.layout.block(doc.anchor.block)).text
            XCTAssertLessThanOrEqual(doc.anchor.offset, text.utf8.count)
            return String(text.utf8Slice(doc.anchor.offset, text.utf8.count).prefix { $0 != "\n" })
        }
        for _ in 0..<30 where try !top().hasPrefix("Tỉnh số 6 ") { state.update(.scroll(1)) }
        let reached = try top()
        XCTAssertTrue(reached.hasPrefix("Tỉnh số 6 "), reached)
        state.update(.resize(TermSize(width: 24, height: 8)))
        XCTAssertEqual(try top(), "Tỉnh: Tỉnh số 6")
        XCTAssertTrue(render(state).grid.plainText.contains("Tỉnh: Tỉnh số 6"))
        state.update(.scroll(1))
        state.update(.resize(TermSize(width: 100, height: 8)))
        let back = try top()
        XCTAssertTrue(back.hasPrefix("Tỉnh số 6 "), back)
        // A match found in one form is dropped when the table is set the other way: its range
        // was in the other text.
        state.update(.beginSearch)
        for c in "so 12" { state.update(.searchInput(c)) }
        state.update(.searchSubmit)
        XCTAssertNotNil(state.search.current)
        state.update(.resize(TermSize(width: 24, height: 8)))
        XCTAssertNil(state.search.current)
    }

    func testWhatIsNotATable() {
        for body in ["Giá | Số lượng\nvẫn là đoạn văn.", "| a | b |\n|---|", "| a |\n| --- | --- |", "a\n---", "| a | b |\n| x | y |"] {
            let a = Fixtures.parse("# T\n\n" + body)
            XCTAssertFalse(a.blocks.contains { $0.kind == .preformatted }, body)
        }
        XCTAssertNil(MarkdownTable.delimiterRow("|-a-|"))
        XCTAssertEqual(MarkdownTable.delimiterRow(" :-: | --: |"), [.center, .right])
        XCTAssertEqual(MarkdownTable.cells("| a | b \\| c |"), ["a", "b | c"])
        XCTAssertEqual(MarkdownTable.cells("a | b"), ["a", "b"])
    }

    /// A table written right under a line of text starts at its header row; a row of a table
    /// that looks like a delimiter row is a row.
    func testATableStartsAtItsHeaderRow() {
        let a = Fixtures.parse("""
        # T

        Mở đầu bài viết.

        Bảng dưới đây
        cho thấy:
        | a | b |
        |---|---|
        | 1 | 2 |
        |---|---|
        Dòng cuối bảng
        """)
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .paragraph, .preformatted])
        XCTAssertEqual(a.blocks[1].text, "Bảng dưới đây cho thấy:")
        XCTAssertEqual(a.blocks[2].text.split(separator: "\n").count, 5)
        XCTAssertEqual(a.blocks[2].text.split(separator: "\n").last, "Dòng cuối bảng │", "a line without bars is a row of one cell")
    }

    func testFencedCodeIsKeptAsWritten() {
        let a = Fixtures.parse("""
        # Mã

        Đoạn mở đầu.
        ```swift
        func chào() {
            print("**không đậm**")   

        # không phải tiêu đề
        - không phải mục
        }
        ```
        Đoạn sau.

          ~~~~
          thụt lề hai
          ~~~
          vẫn là mã
          ~~~~~

        ```
        ```

        ``` không phải `hàng rào` ```

        ~~~
        chưa đóng


        """)
        XCTAssertEqual(a.blocks, [
            Block(.lead, "Đoạn mở đầu."),
            Block(.preformatted, "func chào() {\n    print(\"**không đậm**\")\n\n# không phải tiêu đề\n- không phải mục\n}"),
            Block(.paragraph, "Đoạn sau."),
            Block(.preformatted, "  thụt lề hai\n  ~~~\n  vẫn là mã"),
            Block(.paragraph, "``` không phải `hàng rào` ```"),
            Block(.preformatted, "chưa đóng"),
        ])
    }

    func testTheLineBreakerKeepsTheSpacesOfPreformattedLines() {
        let text = "a b\n    cc dd ee ff\n\n  x"
        let lines = LineBreaker.wrap(text, measure: 10, turnoverIndent: 2, keepsSpaces: true)
        let shown = lines.map { String(repeating: " ", count: $0.indent) + text.utf8Slice($0.start, $0.end) }
        XCTAssertEqual(shown, ["a b", "    cc dd", "      ee", "      ff", "", "  x"])
        XCTAssertTrue(lines.allSatisfy { $0.indent + $0.width <= 10 })
        // A line that starts with a combining mark still starts after the line end (a line end
        // never joins what follows it into one character).
        let marked = "a\n\u{301}b\n  c"
        XCTAssertEqual(LineBreaker.wrap(marked, measure: 10, keepsSpaces: true).map { marked.utf8Slice($0.start, $0.end) },
                       ["a", "\u{301}b", "c"])
        // Without it, as before: spaces at a line's start are dropped, an empty line is none.
        XCTAssertEqual(LineBreaker.wrap(text, measure: 40).map(\.indent), [0, 0, 0])
    }

    /// At the big levels lines of prose have a blank row between them; the lines of a table
    /// or of code do not.
    func testPreformattedBlocksHaveNoLineGaps() throws {
        let article = Fixtures.parse("# T\n\nMột đoạn văn đủ dài để xuống dòng ở cỡ chữ lớn nhất của trình đọc.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        var state = ReaderState(size: TermSize(width: 60, height: 40))
        state.settings.sizeLevel = 8
        state.update(.opened(OpenedArticle(entry: LibraryEntry(id: "t", path: "", category: "", title: "t"), article: article)))
        let rows = render(state).grid.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try XCTUnwrap(rows.firstIndex { $0.contains("a │ b") })
        XCTAssertTrue(rows[header + 1].contains("──┼──"))
        XCTAssertTrue(rows[header + 2].contains("1 │ 2"))
        let prose = try XCTUnwrap(rows.firstIndex { $0.contains("Một đoạn") })
        XCTAssertEqual(rows[prose + 1].trimmingCharacters(in: .whitespaces), "", "prose keeps its line gap")
        let dump = PlainTextDump.render(Fixtures.parse("# T\n\n```\na\n\nb\n```\n"), width: 40, sizeLevel: 5, language: .vi)
        XCTAssertTrue(dump.contains("   a\n\n   b\n"), "an empty line of code is empty in the dump: \(dump)")
    }

    /// The lazy middle of a large authored file finds the same tables and code blocks as the
    /// whole-file parser: code with blank lines, code longer than a block (in pieces that join
    /// back), a fence open where the head is cut, an unclosed fence at the end.
    func testCodeAndTablesInALargeFile() throws {
        for window in [256, 1000, 4096] {
            var text = "# Bài dài\n\nMở đầu.\n\n```\nmã ở đầu\n\n   thụt lề\n```\n\n"
            var i = 0
            while text.utf8.count < 120_000 {
                i += 1
                switch i % 6 {
                case 0: text += "| Cột \(i) | Số |\n|---|--:|\n| a | \(i) |\n| 東京 | \(i * 7) |\n\n"
                case 1: text += "Đoạn \(i) có bảng:\n| x | y |\n|:-:|---|\n| \(i) | z |\n\n"
                case 2: text += "```text\n" + (0..<(i % 4 == 2 ? 60 : 3)).map { "  dòng \($0) của mã \(i)\n" + ($0 % 5 == 0 ? "\n\n" : "") }.joined() + "```\n\n"
                case 3: text += "~~~\n## không phải tiêu đề \(i)\n- không phải mục\n\n> không phải trích dẫn\n~~~\n\n"
                case 4 where i % 4 == 0: text += "Tiêu đề gạch dưới \(i)\n-----\nĐoạn ngay sau tiêu đề.\n- mục\n---\n\n"
                default: text += "Đoạn \(i) kể tiếp câu chuyện,\nmột dòng nữa của cùng đoạn văn.\n\n"
                }
            }
            text += "```\nchưa đóng\n\n  đến hết tệp\n\n"
            let bytes = Array(text.utf8)
            let lazy = try XCTUnwrap(ArticleParser.parse(file: FileBytes(bytes), lazyAbove: 0, window: window, longLine: 300))
            let whole = try ArticleParser.parse(bytes: bytes, lazyAbove: .max)
            let body = try XCTUnwrap(lazy.body)
            XCTAssertFalse(body.continuing.isEmpty, "long code blocks are read in pieces")
            let a = LargeArticleTests.blocks(lazy), b = LargeArticleTests.blocks(whole)
            XCTAssertEqual(a.count, b.count, "window \(window)")
            for (x, y) in zip(a, b) where x != y {
                XCTFail("window \(window): first different block: \(x) vs \(y)")
                break
            }
            XCTAssertEqual(b.filter { $0.kind == .preformatted }.count, 2 + (1...i).filter { $0 % 6 < 4 }.count,
                           "every table and code block found")
            XCTAssertEqual(b.last, Block(.preformatted, "chưa đóng\n\n  đến hết tệp"))
        }
    }
}
