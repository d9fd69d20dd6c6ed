import Foundation
import XCTest

@testable import DocBaoCore

/// Text shaped to break naive readers: enormous lines, millions of lines, nothing but marks.
final class OddTextTests: XCTestCase {
    func open(_ article: Article, _ w: Int = 80, _ h: Int = 24) -> ReaderState {
        var s = ReaderState(size: TermSize(width: w, height: h))
        s.update(.opened(OpenedArticle(entry: LibraryEntry(id: "odd", path: "", category: "", title: "odd"), article: article)))
        return s
    }

    func assertRendersEverywhere(_ state: ReaderState, file: StaticString = #filePath, line: UInt = #line) {
        var s = state
        for action in [Action.toEnd, .page(-3), .sizeUp, .sizeUp, .sizeDown, .toStart, .resize(TermSize(width: 33, height: 9))] {
            s.update(action)
            let f = render(s)
            XCTAssertEqual(f.grid.cells.count, s.size.width * s.size.height, file: file, line: line)
        }
    }

    func testTenMegabyteLineWithoutSpaces() throws {
        let line = String(repeating: "Nghịquyết", count: 10_000_000 / "Nghịquyết".utf8.count)
        let a = try ArticleParser.parse(bytes: Array(line.utf8))
        // Read in pieces cut between letters; joined, they are the line, letter for letter.
        XCTAssertGreaterThan(a.body?.continuing.count ?? 0, 100)
        var text = ""
        a.forEachBlock { text += $0.text }
        XCTAssertEqual(text, line)
        assertRendersEverywhere(open(a))
    }

    func testOneMillionOneWordLines() throws {
        var text = ""
        text.reserveCapacity(8_000_000)
        for i in 0..<1_000_000 { text += i % 2 == 0 ? "từ\n" : "word\n" }
        let a = try ArticleParser.parse(bytes: Array(text.utf8))
        var words = a.blocks.reduce(0) { $0 + $1.text.split(separator: " ").count } + (a.title == nil ? 0 : 1) + a.removed.count
        // 4 MB is read lazily: lines in the middle are blocks, or hidden as repeats of the title.
        XCTAssertNotNil(a.body)
        a.body?.forEachBlock { _, block in words += block.map { $0.text.split(separator: " ").count } ?? 1 }
        XCTAssertEqual(words, 1_000_000, "every line is kept somewhere")
        assertRendersEverywhere(open(a))
    }

    func testOnlyCombiningMarksAndJoiners() throws {
        for text in [String(repeating: "\u{301}\u{323}", count: 5000), String(repeating: "\u{200D}", count: 1000),
                     "👨‍👩‍👧‍👦🏳️‍🌈🇻🇳👍🏽 " + String(repeating: "👨‍👩‍👧 ", count: 500)] {
            let a = try ArticleParser.parse(bytes: Array(text.utf8))
            assertRendersEverywhere(open(a))
            assertRendersEverywhere(open(a, 1, 1))
        }
    }

    func testMixedNFCAndNFDLinesReadAlike() throws {
        let nfc = "Hội nghị lần thứ 4 Ban Chấp hành Đảng bộ tỉnh khóa XIV đã thảo luận nhiều nội dung quan trọng."
        let nfd = nfc.decomposedStringWithCanonicalMapping
        let a = try ArticleParser.parse(bytes: Array("Title: T\n\n\(nfc)\n\n\(nfd)\n".utf8))
        XCTAssertEqual(a.blocks.count, 2)
        XCTAssertEqual(a.blocks[0].text, a.blocks[1].text)
        XCTAssertEqual(TextMatcher(query: "hội nghị").ranges(in: a.blocks[1].text).count, 1)
    }
}
