import XCTest

@testable import DocBaoCore

/// Markdown's thematic break (`---`, `* * *`, `___`): a section break, shown as `* * *`.
final class SectionBreakTests: XCTestCase {

    func testBreaksStandAloneAndAreNoListsOrHeadings() {
        let a = Fixtures.markdown([
            "Mở đầu.", "", "---", "", "Cảnh hai.", "***", "- - -", "- Mục", "_ _ _", "",
            "| a | b |", "|---|---|", "| 1 | 2 |", "---", "Tiêu đề gạch dưới", "---", "", "-- không đủ ba", "",
        ])
        let rule = Block(.sectionBreak, "* * *")
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .sectionBreak, .paragraph, .sectionBreak, .sectionBreak, .item,
                                             .sectionBreak, .preformatted, .sectionBreak, .heading, .paragraph])
        XCTAssertEqual(a.blocks[1], rule)
        XCTAssertEqual(a.blocks[9], Block(.heading, "Tiêu đề gạch dưới"), "`---` right under a paragraph underlines it")
        XCTAssertEqual(a.blocks[10].text, "-- không đủ ba")
    }

    func testParsePrintsAParagraphAndTheLayoutCentresIt() throws {
        let a = Fixtures.markdown(["Mở đầu.", "", "* * *", "", "Tiếp."])
        XCTAssertEqual(try Fixtures.jsonBlocks(a)[1], .object([("kind", .string("paragraph")), ("text", .string("* * *"))]))
        let dump = PlainTextDump.render(a, width: 31, sizeLevel: 1, language: .vi)
        XCTAssertTrue(dump.contains("\n\n             * * *\n\n"), dump)
    }

    /// Wherever the head of a large file ends, the middle reads breaks as the whole-file
    /// parser does.
    func testEveryCutOfTheHeadReadsTheSame() throws {
        let text = [
            "# Phần", "", "Mở đầu.", "", "---", "", "Cảnh hai.", "***", "- - -", "- Mục", "- Mục hai", "_ _ _", "", "Đoạn",
            "Gạch dưới", "---", "", "| a | b |", "|---|---|", "| 1 | 2 |", "* * *", "> trích", "---", "Hết.", "",
            // A head cut inside a table splits it (a large file's head ends at a blank line
            // where it can): this table has one after it.
            "| c | d |", "|---|---|", "| 3 | 4 |", "", "Cuối.",
        ].joined(separator: "\n")
        let whole = try ArticleParser.parse(file: FileBytes(Array(text.utf8)), lazyAbove: .max, window: 0)
        XCTAssertEqual(whole.blocks.filter { $0.kind == .sectionBreak }.count, 6)
        XCTAssertEqual(try Fixtures.headCutsReadingOtherwise(text, whole: whole.blocks), [])
    }
}
