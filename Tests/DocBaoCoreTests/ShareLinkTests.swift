import XCTest
@testable import DocBaoCore

/// The share line: an article's link (`URL:`) at its end, which `y` or a click hands to the
/// terminal's clipboard as base64 inside OSC 52.
final class ShareLinkTests: XCTestCase {
    static let url = "https://tramsac.danang.example/tin/tram-sac"
    static let text = "Title: Trạm sạc mới\nAuthor: Lê Thu Hà\nURL: \(url)\n\nMột đoạn văn.\n"

    func opened(_ text: String = text, clipboard: Bool = true) -> ReaderState {
        var s = ReaderState(size: TermSize(width: 80, height: 24))
        s.clipboardAvailable = clipboard
        s.update(.opened(OpenedArticle(entry: LibraryEntry(id: "a", path: "", category: "", title: "t"), article: Fixtures.parse(text))))
        return s
    }

    func testTheLinkIsSharedUnderTheBylineAndUnderlined() throws {
        let blocks = ArticleBlocks.make(Fixtures.parse(Self.text), strings: Strings(.vi), rating: nil)
        let roles = (0..<blocks.count).compactMap { blocks[$0]?.role }
        XCTAssertEqual(Array(roles.suffix(2)), [.byline, .share])
        let share = try XCTUnwrap(blocks[blocks.count - 1])
        XCTAssertEqual(share.text, "Chia sẻ: \(Self.url)")
        let link = try XCTUnwrap(share.spans.first)
        XCTAssertEqual(link.style, .link)
        XCTAssertEqual(String(share.text.utf8Slice(link.range.lowerBound, link.range.upperBound)), Self.url)
        let english = ArticleBlocks.make(Fixtures.parse(Self.text), strings: Strings(.en), rating: nil)
        XCTAssertEqual(english[english.count - 1]?.text, "Share: \(Self.url)")
        let none = ArticleBlocks.make(Fixtures.parse("Title: T\n\nMột đoạn.\n"), strings: Strings(.vi), rating: nil)
        XCTAssertFalse((0..<none.count).contains { none[$0]?.role == .share })
    }

    func testYCopiesTheLinkWhereTheTerminalTakesIt() {
        var s = opened()
        XCTAssertEqual(s.action(for: .character("y"), frame: nil), .copyLink)
        XCTAssertEqual(s.update(.copyLink), [.copyToClipboard(Self.url)])
        XCTAssertEqual(s.message, "Đã gửi liên kết vào bộ nhớ tạm của terminal")

        var plain = opened(clipboard: false)
        XCTAssertEqual(plain.update(.copyLink), [])
        XCTAssertEqual(plain.message, Strings(.vi)[.noClipboard])

        var without = opened("Title: T\n\nMột đoạn.\n")
        XCTAssertEqual(without.update(.copyLink), [])
        XCTAssertEqual(without.message, "Bài này không có liên kết")

        var library = ReaderState(size: TermSize(width: 80, height: 24))
        library.clipboardAvailable = true
        XCTAssertEqual(library.update(.copyLink), [], "nothing to copy in the library")
    }

    func testAClickOnTheShareLineCopiesTheLink() throws {
        var s = opened()
        s.update(.toEnd)
        let frame = render(s)
        let lines = frame.grid.plainText.split(separator: "\n", omittingEmptySubsequences: false)
        let y = try XCTUnwrap(lines.firstIndex { $0.contains("Chia sẻ:") })
        let x = lines[y].distance(from: lines[y].startIndex, to: lines[y].range(of: "https")!.lowerBound)
        XCTAssertEqual(frame.action(atX: x, y: y), .copyLink)
        XCTAssertNotEqual(frame.action(atX: x, y: y - 2), .copyLink)
    }

    /// Sent where the terminal has an alternate screen, unless `DOCBAO_CLIPBOARD` says.
    func testTheClipboardIsOfferedByTheGuessOrTheSetting() {
        XCTAssertTrue(ClipboardSequence.isOffered(environment: [:], hasAlternateScreen: true))
        XCTAssertFalse(ClipboardSequence.isOffered(environment: [:], hasAlternateScreen: false))
        XCTAssertTrue(ClipboardSequence.isOffered(environment: ["DOCBAO_CLIPBOARD": "on"], hasAlternateScreen: false))
        XCTAssertFalse(ClipboardSequence.isOffered(environment: ["DOCBAO_CLIPBOARD": "off"], hasAlternateScreen: true))
        XCTAssertTrue(ClipboardSequence.isOffered(environment: ["DOCBAO_CLIPBOARD": "maybe"], hasAlternateScreen: true))
    }

    func testBase64AndTheSequence() {
        // RFC 4648's test vectors.
        for (plain, encoded) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
                                 ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")] {
            XCTAssertEqual(ClipboardSequence.base64(Array(plain.utf8)), encoded, plain)
        }
        XCTAssertEqual(ClipboardSequence.base64(Array("Đà Nẵng".utf8)), "xJDDoCBO4bq1bmc=")
        // Whatever the link holds, only base64 goes between the sequence's ends.
        let hostile = ClipboardSequence.osc52("x\u{1B}]0;owned\u{07}\u{9B}2J")
        XCTAssertTrue(hostile.hasPrefix("\u{1B}]52;c;"))
        XCTAssertTrue(hostile.hasSuffix("\u{07}"))
        let payload = hostile.dropFirst(7).dropLast()
        XCTAssertTrue(payload.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }, String(payload))
    }
}
