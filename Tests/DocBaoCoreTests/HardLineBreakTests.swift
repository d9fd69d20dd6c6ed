import XCTest

@testable import DocBaoCore

/// Markdown's hard line breaks: a line of prose that ends in two spaces or more, or in a
/// backslash, ends its row on screen too.
final class HardLineBreakTests: XCTestCase {

    func testTwoSpacesOrABackslashKeepTheLineEnd() {
        let a = Fixtures.markdown([
            "Ủy ban nhân dân tỉnh Lai Châu  ",
            "Số 1, đường Trần Hưng Đạo\\",
            "thành phố Lai Châu",
            "",
            "Một dấu cách thôi ",
            "thì nối như thường.",
        ])
        XCTAssertEqual(a.blocks, [
            Block(.lead, "Ủy ban nhân dân tỉnh Lai Châu\nSố 1, đường Trần Hưng Đạo\nthành phố Lai Châu"),
            Block(.paragraph, "Một dấu cách thôi thì nối như thường."),
        ])
    }

    func testABreakAtTheEndOfAParagraphIsNone() {
        let a = Fixtures.markdown(["Dòng cuối có hai dấu cách  ", "", "Dòng cuối có gạch chéo\\", "", "Gạch chéo kép\\\\", "nối tiếp."])
        XCTAssertEqual(a.blocks, [
            Block(.lead, "Dòng cuối có hai dấu cách"),
            Block(.paragraph, "Dòng cuối có gạch chéo\\"),  // CommonMark: a plain backslash there
            Block(.paragraph, "Gạch chéo kép\\ nối tiếp."),  // `\\` is an escaped backslash, no break
        ])
    }

    func testBreaksInItemsQuotesAndHeadings() {
        let a = Fixtures.markdown([
            "Mở đầu.",
            "",
            "- Mục một  ",
            "dòng hai của mục",
            "  - Mục lồng\\",
            "  dòng hai",
            "",
            "> Trích dẫn  ",
            "> dòng hai",
            "",
            "Tiêu đề gạch dưới\\",
            "dòng hai",
            "---",
        ])
        XCTAssertEqual(a.blocks, [
            Block(.lead, "Mở đầu."),
            Block(.item, "- Mục một\ndòng hai của mục"),
            Block(.item, "  - Mục lồng\ndòng hai"),
            Block(.quote, "Trích dẫn\ndòng hai"),
            Block(.heading, "Tiêu đề gạch dưới\ndòng hai"),
        ])
    }

    func testAnUnderlinedTitleStaysOneLine() {
        let a = ArticleParser.parse(text: ["Author: An", "", "Tiêu đề\\", "dòng hai", "===", "", "Đoạn."].joined(separator: "\n"))
        XCTAssertEqual(a.title, "Tiêu đề dòng hai")
    }

    func testMarkupAloneAtAnEndLeavesNoBlank() {
        let a = Fixtures.markdown(["![](anh.jpg)  ", "**chữ** sau ảnh", "", "Chữ trước ảnh ![](b.png)"])
        XCTAssertEqual(a.blocks, [
            Block(.lead, "chữ sau ảnh", spans: [InlineSpan(0..<5, .strong)]),
            Block(.paragraph, "Chữ trước ảnh"),
        ])
    }

    func testACodeSpanHasNoBreak() {
        // CommonMark: inside a code span the backslash is a character and the line end a space.
        let a = Fixtures.markdown(["Lệnh `ls\\", "-l` và `cat  ", "tệp` đây."])
        XCTAssertEqual(a.blocks.map(\.text), ["Lệnh `ls\\ -l` và `cat tệp` đây."])
    }

    func testTablesAndCodeAreUntouched() {
        let a = Fixtures.markdown(["| a | b |  ", "|---|---|  ", "| 1 | 2 |  ", "", "```", "x  ", "y\\", "```"])
        XCTAssertEqual(a.blocks.map(\.kind), [.preformatted, .preformatted])
        XCTAssertFalse(a.blocks[0].text.contains("\\"), "a table row's trailing spaces are no break")
        XCTAssertEqual(a.blocks[1].text, "x\ny\\")
    }

    func testACopiedPageHasNoMarkdownBreaks() {
        // A page dump's lines are joined by its own rules; a trailing backslash is text there.
        let text = try! String(contentsOf: Fixtures.directory.appendingPathComponent("laichau-hoi-nghi-lan-thu-4.txt"), encoding: .utf8)
        let plain = ArticleParser.parse(text: text)
        let spaced = ArticleParser.parse(text: text.replacingOccurrences(of: "\n", with: "  \n"))
        XCTAssertEqual(spaced.blocks, plain.blocks)
    }

    /// In a list item the line after a break starts under the item's text; a long line of a
    /// paragraph carries on at the margin, as any line of prose does.
    func testTheLayoutOfABreak() {
        let a = Fixtures.markdown([
            "Một đoạn văn đủ dài để phải xuống dòng một lần  ",
            "rồi ngắt.",
            "",
            "- Mục có một dòng rất dài phải xuống dòng  ",
            "rồi một dòng sau chỗ ngắt cũng rất dài",
        ])
        let dump = PlainTextDump.render(a, width: 30, sizeLevel: 5, language: .vi)
        let rows: [String] = dump.split(separator: "\n").map(String.init)
        let margin = rows.last!.prefix { $0 == " " }.count - 2  // the last row is a turnover
        let text = rows.map { String($0.dropFirst(margin)) }
        let expected: [String] = [
            "Một đoạn văn đủ dài để", "phải xuống dòng một lần", "rồi ngắt.",
            "- Mục có một dòng rất", "  dài phải xuống dòng", "  rồi một dòng sau chỗ", "  ngắt cũng rất dài",
        ]
        XCTAssertEqual(Array(text.suffix(expected.count)), expected, dump)
    }

    func testSearchFindsWordsAcrossABreak() {
        let text = "Ủy ban nhân dân tỉnh Lai Châu\nSố 1"
        XCTAssertEqual(TextMatcher(query: "lai chau so").ranges(in: text).map { text.utf8Slice($0.lowerBound, $0.upperBound) },
                       ["Lai Châu\nSố"])
        XCTAssertEqual(TextMatcher(query: "Châu Số").ranges(in: text).count, 1, "with diacritics too")
        XCTAssertTrue(TextMatcher(query: "châu số").mightMatch(text))
    }
}
