import XCTest

@testable import DocBaoCore

final class AuthoredFormatTests: XCTestCase {
    func testHeaderBodyHeadingsAndCaptions() {
        let a = Fixtures.parse("""
        Title: Tiêu đề bài viết
        Kicker: Chuyên mục
        Author: Nguyễn An
        Source: docbao
        Date: 01/02/2024
        URL: https://example.invalid/a
        Lang: vi

        Đoạn đầu tiên là phần mở đầu,
        viết trên hai dòng.

        ## Một tiêu đề phụ

        [Ảnh: Chú thích ảnh.]
        [Image: An English caption]

        Đoạn thứ hai.
        """)
        XCTAssertEqual(a.title, "Tiêu đề bài viết")
        XCTAssertEqual(a.kicker, "Chuyên mục")
        XCTAssertEqual(a.author, "Nguyễn An")
        XCTAssertEqual(a.source, "docbao")
        XCTAssertEqual(a.published, "01/02/2024")
        XCTAssertEqual(a.url, "https://example.invalid/a")
        XCTAssertEqual(a.language, "vi")
        XCTAssertEqual(a.blocks, [
            Block(.lead, "Đoạn đầu tiên là phần mở đầu, viết trên hai dòng."),
            Block(.heading, "Một tiêu đề phụ"),
            Block(.caption, "Chú thích ảnh."),
            Block(.caption, "An English caption"),
            Block(.paragraph, "Đoạn thứ hai."),
        ])
        XCTAssertTrue(a.removed.isEmpty)
    }

    /// Lines cut at line-end bytes are the lines a walk over characters gives, trimmed alike,
    /// whatever follows a line end (marks, odd spaces, CJK, emoji, empty lines).
    func testLinesCutAtBytesAgreeWithCharacters() {
        let pieces = ["\n", "\n", " ", "\u{A0}", "\u{1680}", "\u{2003}", "\u{3000}", "\t", "\u{301}", "\u{200D}", "a", "Đ",
                      "ộ", "中", "😀", "## ", "[Ảnh: x]", "Title: T"]
        var random = SeededGenerator(seed: 11)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...14, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
            XCTAssertEqual(AuthoredParser.lines(text), expected, text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }

    /// Markdown's other way to write a heading: a line of `===` (level 1) or `---` (level 2)
    /// under it. A level-1 one before anything else is the title.
    func testUnderlinedHeadings() {
        let a = Fixtures.parse("""
        # Bài

        Mở đầu.

        Tiêu đề phụ trên
        hai dòng
        ---
        Đoạn ngay sau.

        Lớn
        ===

        - mục
        ---

        ---

        Giá -- hai gạch
        --
        """)
        XCTAssertEqual(a.blocks, [
            Block(.lead, "Mở đầu."), Block(.heading, "Tiêu đề phụ trên hai dòng"), Block(.paragraph, "Đoạn ngay sau."),
            // Under a list item, or alone, `---` is a section break (see SectionBreakTests).
            Block(.heading, "Lớn"), Block(.item, "- mục"), Block(.sectionBreak, "* * *"), Block(.sectionBreak, "* * *"),
            Block(.paragraph, "Giá -- hai gạch --"),
        ])
        XCTAssertEqual(Fixtures.parse("Title\n=====\n\n## Mục\n\nĐoạn.").title, "Title")
    }

    func testUnknownHeaderLineIsKeptAndWarned() {
        let a = Fixtures.parse("Title: T\nColour: blue\n\nBody text.")
        XCTAssertEqual(a.removed, ["Colour: blue"])
        XCTAssertEqual(a.warnings.count, 1)
    }

    func testBodyWithoutHeaderIsAuthoredWhenItUsesMarkers() {
        let a = Fixtures.parse("# A title\n\nLead.\n\n## Heading\n\nMore.")
        XCTAssertEqual(a.title, "A title")
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .heading, .paragraph])
    }

    /// A Markdown title line alone makes a file authored: the title loses its `#`, and the
    /// short first paragraph is the lead, not a caption as on a copied page.
    func testAMarkdownTitleAloneMakesAFileAuthored() {
        let a = Fixtures.parse("# Tiêu đề Markdown\n\nĐoạn mở đầu của bài.\n\nĐoạn thứ hai.\n")
        XCTAssertEqual(a.title, "Tiêu đề Markdown")
        XCTAssertEqual(a.blocks, [Block(.lead, "Đoạn mở đầu của bài."), Block(.paragraph, "Đoạn thứ hai.")])
        // "#" without a space is not a title: a hashtag line stays page text.
        XCTAssertFalse(AuthoredParser.recognises("#thoisu Hội nghị lần thứ 4\n\nHôm nay, Ban Chấp hành họp."))
    }

    /// Markdown headings of every level are headings; a later `# ` line is one too, not a
    /// second title; seven `#`, no space, or nothing after the marker are text.
    func testHeadingsOfEveryLevel() {
        let a = Fixtures.parse("""
        # Tiêu đề

        Mở đầu.

        ### Mục nhỏ
        #### Mục nhỏ hơn
        # Phần hai
        ####### bảy dấu
        #hashtag

        ##

        ## Đóng bằng dấu thăng ##
        ### Ngôn ngữ C#
        ## Hết #####
        """)
        XCTAssertEqual(a.title, "Tiêu đề")
        XCTAssertEqual(a.blocks, [
            Block(.lead, "Mở đầu."), Block(.heading, "Mục nhỏ"), Block(.heading, "Mục nhỏ hơn"), Block(.heading, "Phần hai"),
            Block(.paragraph, "####### bảy dấu #hashtag"), Block(.paragraph, "##"),
            // CommonMark's closing `#`s go when a space comes before them.
            Block(.heading, "Đóng bằng dấu thăng"), Block(.heading, "Ngôn ngữ C#"), Block(.heading, "Hết"),
        ])
        XCTAssertTrue(AuthoredParser.recognises("Hội nghị\n\n### Mục\n"), "any level from two makes a file authored")
    }

    /// Short lines that each start with a capital keep their line ends (verse, an address);
    /// hard-wrapped prose is joined. Verse is not the lead, and `parse` prints it as a paragraph.
    func testVerseKeepsItsLines() throws {
        let a = Fixtures.parse("""
        Title: Giỗ Tổ

        Dù ai đi ngược về xuôi
        Nhớ ngày giỗ Tổ mùng Mười tháng Ba

        Người Việt ở khắp nơi vẫn nhắc nhau câu ca dao quen thuộc ấy, như
        Ban Chấp hành đã nhắc.

        “Ủy ban nhân dân tỉnh
        Số 1, đường Trần Hưng Đạo”

        Một dòng ngắn
        và dòng sau viết thường.

        Dòng này dài hơn năm mươi ký tự, như một đoạn văn xuôi bình thường
        Ngắn.
        """)
        XCTAssertEqual(a.blocks, [
            Block(.verse, "Dù ai đi ngược về xuôi\nNhớ ngày giỗ Tổ mùng Mười tháng Ba"),
            Block(.lead, "Người Việt ở khắp nơi vẫn nhắc nhau câu ca dao quen thuộc ấy, như Ban Chấp hành đã nhắc."),
            Block(.verse, "“Ủy ban nhân dân tỉnh\nSố 1, đường Trần Hưng Đạo”"),
            Block(.paragraph, "Một dòng ngắn và dòng sau viết thường."),
            Block(.paragraph, "Dòng này dài hơn năm mươi ký tự, như một đoạn văn xuôi bình thường Ngắn."),
        ])
        XCTAssertEqual(try Fixtures.jsonBlocks(a).first,
                       .object([("kind", .string("paragraph")), ("text", .string(a.blocks[0].text))]))
        let dump = PlainTextDump.render(a, width: 30, sizeLevel: 1, language: .vi)
        XCTAssertTrue(dump.contains("""
        Dù ai đi ngược về xuôi
        Nhớ ngày giỗ Tổ mùng Mười
          tháng Ba

        """), "each line of verse starts a line; a long one carries on two columns in:\n\(dump)")
    }

    /// `> ` lines are a quote, drawn with a bar; `>` alone starts its next paragraph, a line
    /// without `>` ends it; quoted verse keeps its lines; `parse` prints a paragraph without `>`.
    func testQuotes() throws {
        let a = Fixtures.parse("""
        Title: Trích dẫn

        Mở đầu bài viết.

        > Chúng tôi sẽ hoàn thành kế hoạch trong quý II, như đã cam kết với
        > nhân dân toàn tỉnh.
        >
        > Đoạn thứ hai của trích dẫn.
        Đoạn văn ngay sau.

        > Dù ai đi ngược về xuôi
        > Nhớ ngày giỗ Tổ mùng Mười tháng Ba
        """)
        XCTAssertEqual(a.blocks, [
            Block(.lead, "Mở đầu bài viết."),
            Block(.quote, "Chúng tôi sẽ hoàn thành kế hoạch trong quý II, như đã cam kết với nhân dân toàn tỉnh."),
            Block(.quote, "Đoạn thứ hai của trích dẫn."),
            Block(.paragraph, "Đoạn văn ngay sau."),
            Block(.quote, "Dù ai đi ngược về xuôi\nNhớ ngày giỗ Tổ mùng Mười tháng Ba"),
        ])
        XCTAssertEqual(try Fixtures.jsonBlocks(a)[1],
                       .object([("kind", .string("paragraph")), ("text", .string(a.blocks[1].text))]))
        XCTAssertEqual(PlainTextDump.render(a, width: 50, sizeLevel: 1, language: .vi), """
        Trích dẫn

        Mở đầu bài viết.

        ▍ Chúng tôi sẽ hoàn thành kế hoạch trong quý II,
        ▍ như đã cam kết với nhân dân toàn tỉnh.

        ▍ Đoạn thứ hai của trích dẫn.

        Đoạn văn ngay sau.

        ▍ Dù ai đi ngược về xuôi
        ▍ Nhớ ngày giỗ Tổ mùng Mười tháng Ba

        """)
    }
}
