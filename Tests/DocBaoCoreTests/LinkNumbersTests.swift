import XCTest

@testable import DocBaoCore

/// Pages that `lynx -dump` or `w3m -dump -o display_link_number=1` wrote with their links
/// numbered: the list of addresses at the end is page furniture, and the numbers leave the
/// text. (The seed page as both write it is read as the copied page in `HardWrapTests`.)
final class LinkNumbersTests: XCTestCase {
    static func list(_ text: String) -> (start: Int, count: Int)? {
        Array(text.utf8).withUnsafeBufferPointer { LinkNumbers.referenceList($0, in: 0..<$0.count) }
    }

    static let lynxList = "References\n\n   Visible links:\n   1. https://a.vn/x\n   2. https://b.vn/\n\n   Hidden links:\n   4. https://c.vn/\n"

    func testTheListsOfLynxAndW3mAreFound() throws {
        let text = "   Một đoạn có [1]liên kết.\n\n" + Self.lynxList
        let found = try XCTUnwrap(Self.list(text))
        XCTAssertEqual(found.start, "   Một đoạn có [1]liên kết.\n\n".utf8.count)
        XCTAssertEqual(found.count, 4)
        XCTAssertEqual(Self.list("Đoạn.\n\nReferences:\n\n[1] https://a.vn/\n[2] https://a.vn/b\n[3] mailto:x@a.vn\n")?.count, 3)
        XCTAssertEqual(Self.list("Đoạn.\n\nTham chiếu\n\n   1. https://a.vn/\n   2. https://b.vn/\n\n")?.count, 2)
        XCTAssertEqual(Self.list("Đoạn.\r\n\r\nReferences\r\n\r\n   1. https://a.vn/\r\n")?.count, 1)
        XCTAssertEqual(Self.list("References\n\n   Liên kết hiển thị:\n   1. https://a.vn/\n\n   Liên kết ẩn:\n   3. https://b.vn/")?.count, 3)
    }

    /// Anything else at the end of a text is no list of links: an article's own sources, a
    /// list that does not count up from 1, items with more than an address.
    func testOtherEndingsAreNoList() {
        for text in ["Đoạn.\n\nNguồn tham khảo:\n\n1. https://a.vn/\n2. https://b.vn/\n",
                     "Đoạn.\n\nReferences\n\n   2. https://a.vn/\n   3. https://b.vn/\n",
                     "Đoạn.\n\nReferences\n\n   1. https://a.vn/\n   1. https://b.vn/\n",
                     "Đoạn.\n\nReferences\n\n   2. https://a.vn/\n   1. https://b.vn/\n",
                     "Đoạn.\n\nReferences\n\n   1. Báo cáo của tỉnh\n",
                     "Đoạn.\n\nReferences\n",
                     "   1. https://a.vn/\n   2. https://b.vn/\n",
                     "Đoạn.\n\nReferences\n\n   01. https://a.vn/\n",
                     "Đoạn cuối cùng.\n", ""] {
            XCTAssertNil(Self.list(text), text)
        }
        // A large file's raw bytes: invalid UTF-8 above the list, and a heading-long line of it.
        for head in [[0xC3, 0x0A], Array(repeating: 0xE1, count: 64) + [0x0A], Array(repeating: 0xFF, count: 5000) + [0x0A]] as [[UInt8]] {
            let bytes = head + Array("References\n\n   1. https://a.vn/\n".utf8)
            XCTAssertEqual(bytes.withUnsafeBufferPointer { LinkNumbers.referenceList($0, in: 0..<$0.count) }?.count, 1)
            let alone = head + Array("\n   1. https://a.vn/\n".utf8)
            XCTAssertNil(alone.withUnsafeBufferPointer { LinkNumbers.referenceList($0, in: 0..<$0.count) })
        }
    }

    func testTheNumbersLeaveTheTextBeforeALinksText() {
        func removing(_ text: String) -> String { LinkNumbers.removing(from: text, upTo: 12) }
        XCTAssertEqual(removing("Theo [4]báo cáo của [12]Sở Thông tin"), "Theo báo cáo của Sở Thông tin")
        XCTAssertEqual(removing("[1]Trang chủ | [2]“Giới thiệu” [3][4]Ảnh"), "Trang chủ | “Giới thiệu” Ảnh")
        // Citations, numbers the list does not give, and what is no link number stay.
        for kept in ["Nghiên cứu [1] cho thấy", "như đã nêu [2], [3].", "kết quả[4]", "[13]Sở", "[0]Sở", "[04]Sở",
                     "[1]\u{A0}Sở", "mảng a[i]b", "[1234567]x", "Không có gì"] {
            XCTAssertEqual(removing(kept), kept)
        }
    }

    /// A page with its links numbered and listed reads as the same page without them; the
    /// list is in `removed`. Without the list, the numbers stay as written.
    func testAPageReadsWithoutItsLinkNumbers() {
        let body = """
               Tỉnh đẩy mạnh chuyển đổi số trong năm 2024

               Ngày 5/3, Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai kế hoạch chuyển đổi số, theo \
            [4]báo cáo của Sở Thông tin và Truyền thông, tỉnh đã hoàn thành các chỉ tiêu đề ra.

               Chi tiết xem tại [5]kế hoạch số 12/KH-UBND đã được ban hành trong tháng trước.

               [6]Nguyễn Văn An
            """
        let plain = body.replacingOccurrences(of: "[4]", with: "").replacingOccurrences(of: "[5]", with: "")
            .replacingOccurrences(of: "[6]", with: "")
        let list = "\n\nReferences\n\n   1. https://a.vn/\n   2. https://a.vn/gt\n   3. https://a.vn/tt\n   4. https://a.vn/bc\n   5. https://a.vn/kh\n   6. https://a.vn/tac-gia/an\n"
        let numbered = Fixtures.parse("   [1]Trang chủ | [2]Giới thiệu | [3]Tin tức\n\n" + body + list)
        let expected = Fixtures.parse(plain)
        XCTAssertEqual(numbered.blocks, expected.blocks)
        XCTAssertEqual(numbered.title, expected.title)
        XCTAssertEqual(numbered.author, "Nguyễn Văn An")
        XCTAssertEqual(numbered.removed.suffix(7), ["References", "1. https://a.vn/", "2. https://a.vn/gt", "3. https://a.vn/tt",
                                                    "4. https://a.vn/bc", "5. https://a.vn/kh", "6. https://a.vn/tac-gia/an"])
        XCTAssertEqual(Fixtures.parse(body).blocks.map(\.text).filter { $0.contains("[4]báo cáo") }.count, 1)
    }

    /// A large page reads its numbered links as the whole-file parser does, from its head to
    /// its last block, and a search finds words a number stood between.
    func testALargePageReadsAsTheWholeFile() throws {
        var rng = SeededGenerator(seed: 11)
        var text = LargeArticleTests.pageDump(size: 400_000, seed: 5)
        // A link number before every ninth word, counting up as lynx counts.
        var n = 0
        text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.count > 80 else { return String(line) }
            return line.split(separator: " ").map { word -> String in
                guard Int.random(in: 0..<9, using: &rng) == 0 else { return String(word) }
                n += 1
                return "[\(n)]" + word
            }.joined(separator: " ")
        }.joined(separator: "\n")
        text += "\n\nReferences\n\n" + (1...n).map { "   \($0). https://docbao.test/\($0)" }.joined(separator: "\n") + "\n"
        // Windows line ends too: the list is found on the bytes before they are cleaned.
        let crlf = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        XCTAssertEqual(LargeArticleTests.blocks(try ArticleParser.parse(bytes: crlf)),
                       LargeArticleTests.blocks(try ArticleParser.parse(bytes: crlf, lazyAbove: .max)))
        let bytes = Array(text.utf8)
        let lazy = try ArticleParser.parse(bytes: bytes)
        let whole = try ArticleParser.parse(bytes: bytes, lazyAbove: .max)
        XCTAssertNotNil(lazy.body)
        XCTAssertEqual([lazy.title, lazy.kicker, lazy.source, lazy.author], [whole.title, whole.kicker, whole.source, whole.author])
        let blocks = LargeArticleTests.blocks(lazy)
        XCTAssertEqual(blocks, LargeArticleTests.blocks(whole))
        XCTAssertEqual(LargeArticleTests.blocks(try ArticleParser.parse(bytes: crlf)), blocks)
        XCTAssertFalse(blocks.contains { $0.text.contains("https://docbao.test") })
        XCTAssertFalse(blocks.contains { $0.text.range(of: #"\[[0-9]+\][^ ]"#, options: .regularExpression) != nil })
        XCTAssertEqual(lazy.removed.suffix(2), ["\(n - 1). https://docbao.test/\(n - 1)", "\(n). https://docbao.test/\(n)"])

        // A search for two words that a number stood between finds them in the lazy body.
        let body = try XCTUnwrap(lazy.body)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        let at = try XCTUnwrap(words.indices.dropFirst(words.count / 2).first { words[$0].hasPrefix("[") && !words[$0 - 1].contains("[") })
        let numbered = String(words[at - 1] + " " + words[at])
        let phrase = LinkNumbers.removing(from: numbered, upTo: n)
        XCTAssertNotEqual(phrase, numbered)
        XCTAssertTrue(blocks.contains { $0.text.contains(phrase) })
        let hit = body.firstIndex(in: 0..<body.count, mightMatch: { $0.contains(phrase) }, where: { $0.text.contains(phrase) })
        XCTAssertNotNil(hit, phrase)
    }
}
