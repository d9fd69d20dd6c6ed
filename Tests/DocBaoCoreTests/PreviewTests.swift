import Foundation
import XCTest

@testable import DocBaoCore

/// A page longer than a screen or two is first drawn from its head (`ArticleParser.preview`),
/// and parsed whole right after. These tests hold that first screen to the whole page's.
final class PreviewTests: XCTestCase {
    /// Page dumps of many shapes: generated ones, the seed, and pages put together at random
    /// from the lines the other tests use.
    func pages() throws -> [[UInt8]] {
        var pages: [[UInt8]] = [try Fixtures.seedBytes]
        for seed in 1...12 {
            pages.append(Array(LargeArticleTests.pageDump(size: 1_500 * seed, seed: UInt64(seed)).utf8))
        }
        // Wrapped by a program (`HardWrap`): the seed through w3m and lynx, and generated pages.
        for dump in ["w3m", "lynx"] { pages.append(try Fixtures.bytes("\(HardWrapTests.page).\(dump).txt")) }
        for seed in 1...4 {
            pages.append(Array(HardWrapTests.wrapped(LargeArticleTests.pageDump(size: 4_000 * seed, seed: UInt64(seed)), width: 64 + 4 * seed).utf8))
        }
        let seedLines = String(decoding: try Fixtures.seedBytes, as: UTF8.self).split(separator: "\n").map(String.init)
        let extra = ["Chia sẻ", "Tin liên quan", "Trang chủ › Thời sự", "Ảnh: Minh Anh", "Quang cảnh Hội nghị.",
                     "Thứ Hai, 12/04/2021 10:30 (GMT+7)", "(BLC) - Sáng nay, tỉnh tổ chức hội nghị với nhiều đại biểu.",
                     "Hôm nay : 1.730", "Tác giả: Nguyễn Văn A", "Một đoạn văn ngắn", "đoạn tiếp theo viết thường",
                     "Nhiều người dùng Facebook đã chia sẻ bài viết này.", "Nguồn: TTXVN", ""]
        var random = SeededGenerator(seed: 5)
        for _ in 0..<300 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 10...90, using: &random) {
                switch Int.random(in: 0..<4, using: &random) {
                case 0: lines.append(RandomText.paragraph(&random, words: Int.random(in: 3...60, using: &random)))
                case 1: lines.append(extra.randomElement(using: &random)!)
                default: lines.append(seedLines.randomElement(using: &random)!)
                }
                if Bool.random(using: &random) { lines.append("") }
            }
            pages.append(Array(lines.joined(separator: "\n").utf8))
        }
        return pages
    }

    func testTheFirstScreenFromTheHeadIsTheWholePagesFirstScreen() throws {
        // Entries made as the reader makes them, from the file's name and the article.
        func entry(_ article: Article) -> LibraryEntry {
            ContentLibrary.entry(path: "thoi-su/bai.txt", id: "thoi-su/bai.txt", category: "thoi-su", article: article)
        }
        var previews = 0, compared = 0
        for bytes in try pages() {
            let file = FileBytes(bytes)
            let whole = try ArticleParser.parse(file: file)
            for headBytes in [64, 300, 1_000, 4_096] {
                guard let head = ArticleParser.preview(file: file, headBytes: headBytes, above: 0) else { continue }
                previews += 1
                XCTAssertEqual(head.title, whole.title)
                XCTAssertEqual(head.kicker, whole.kicker)
                XCTAssertEqual(head.source, whole.source)
                XCTAssertEqual(head.published, whole.published)
                XCTAssertEqual(Array(whole.blocks.prefix(head.blocks.count)), head.blocks, "the head's blocks begin the page's")
                for (size, level) in [(TermSize(width: 80, height: 24), 5), (TermSize(width: 120, height: 40), 1),
                                      (TermSize(width: 60, height: 20), 9), (TermSize(width: 40, height: 12), 3)] {
                    var settings = ReaderSettings()
                    settings.sizeLevel = level
                    var fromHead = ReaderState(settings: settings, size: size)
                    var fromWhole = ReaderState(settings: settings, size: size)
                    fromHead.update(.opened(OpenedArticle(entry: entry(head), article: head, isPreview: true)))
                    fromWhole.update(.opened(OpenedArticle(entry: entry(whole), article: whole)))
                    let expected = render(fromWhole).grid
                    if !fromHead.needsWholePage {
                        compared += 1
                        let shown = render(fromHead).grid
                        let readingTime = fromWhole.strings[.readingTime]
                        for y in 0..<expected.height where !expected.text(row: y).contains(readingTime) {
                            XCTAssertEqual(shown.text(row: y), expected.text(row: y), "row \(y) at \(size), level \(level)")
                            XCTAssertEqual(Array(shown.cells[(y * shown.width)..<((y + 1) * shown.width)].map(\.style)),
                                           Array(expected.cells[(y * expected.width)..<((y + 1) * expected.width)].map(\.style)))
                        }
                        for y in 0..<expected.height where expected.text(row: y).contains(readingTime) {
                            XCTAssertTrue(shown.text(row: y).hasSuffix("… "), "the reading time waits for the whole page")
                        }
                    }
                    fromHead.update(.completed(whole))
                    let after = render(fromHead).grid
                    for y in 0..<expected.height where after.text(row: y) != expected.text(row: y) {
                        XCTFail("after the whole page, row \(y): \(after.text(row: y)) / \(expected.text(row: y))")
                    }
                    XCTAssertEqual(after, expected, "after the whole page, the same screen")
                    XCTAssertFalse(fromHead.needsWholePage)
                }
            }
        }
        XCTAssertGreaterThan(previews, 150, "pages drawn from their head")
        XCTAssertGreaterThan(compared, 200, "first screens compared")
    }

    /// No preview where the whole file decides something the head cannot: a small file, text
    /// the sanitiser changes, the authored format, a head without a blank line to cut at.
    func testNoPreviewWhereTheWholeFileDecides() throws {
        let page = LargeArticleTests.pageDump(size: 60_000)
        XCTAssertNotNil(ArticleParser.preview(file: FileBytes(Array(page.utf8))))
        XCTAssertNil(ArticleParser.preview(file: FileBytes(Array(page.utf8)), encoding: .utf8), "a code named: parsed at once")
        XCTAssertNil(ArticleParser.preview(file: FileBytes(Array(page.prefix(20_000).utf8))), "small: parsed at once")
        XCTAssertNil(ArticleParser.preview(file: FileBytes(Array(LargeArticleTests.pageDump(size: 300_000).utf8))),
                     "large: the lazy reader's")
        XCTAssertNil(ArticleParser.preview(file: FileBytes(Array((page + "\nx\u{1B}[31m").utf8))), "an escape sequence")
        XCTAssertNil(ArticleParser.preview(file: FileBytes(Array(page.replacingOccurrences(of: "\n", with: "\r\n").utf8))))
        XCTAssertNil(ArticleParser.preview(file: FileBytes(Array((page + "\n## Một tiêu đề\n").utf8))), "authored markup")
        XCTAssertNil(ArticleParser.preview(file: FileBytes(Array((page + "\n[Ảnh: Minh Anh]\n").utf8))), "authored caption")
        XCTAssertNil(ArticleParser.preview(file: FileBytes(Array(page.utf8)), markdown: true), "a .md file is authored")
        let oneLine = String(repeating: "Một câu rất dài không có dòng trống. ", count: 1_500)
        XCTAssertNil(ArticleParser.preview(file: FileBytes(Array(oneLine.utf8))), "no blank line to cut at")
    }
}
