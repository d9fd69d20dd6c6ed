import Foundation
import XCTest

@testable import DocBaoCore

/// Random bytes and random structured articles through loader → layout → render at random
/// sizes and levels. `DOCBAO_FUZZ_CASES` sets the number of cases (default 100,000); for
/// millions: `DOCBAO_FUZZ_CASES=5000000 swift test -c release --filter FuzzTests`.
/// `DOCBAO_FUZZ_SEED` replays a run.
final class FuzzTests: XCTestCase {
    static let cases = Int(ProcessInfo.processInfo.environment["DOCBAO_FUZZ_CASES"] ?? "") ?? 100_000
    static let seed = UInt64(ProcessInfo.processInfo.environment["DOCBAO_FUZZ_SEED"] ?? "") ?? 20261129

    static let fragments: [String] = [
        "Hội nghị", "Tác giả: Đinh Lan", "Tổng số điểm của bài viết là: 3 trong 1 đánh giá", "Thống kê truy cập",
        "Hôm nay : 1.730", "A- A A+", "Chia sẻ", "(BLC) - ", "## ", "[Ảnh: ", "]", "Title: ", "中文", "👨‍👩‍👧",
        "\u{301}", "\u{200D}", "e\u{301}", "\u{1B}[2J", "\u{1B}]52;c;PWN\u{07}", "\u{9B}", "\u{202E}", "\t", "\r\n", "\n\n",
        "\n", " ", ".", ":", "-", "…", "\n- ", "\n1. ", "\na) ", "\n• ", "2) ", "\n> ", "\n>\n", "\u{A0}", "Quang cảnh Hội nghị.", "12/04/2021 10:30", "ＡＢＣ", "\u{FEFF}", "\u{7F}", "\u{8}",
        "*", "**", "_", "`", "[", "](", "![", ")", "<https:", ">", "\\", "# ", "\n```\n", "\n~~~~\n", " | ", "\n|---|:-:|\n",
        "  \n", "\\\n", "\n[a]: /x\n", "\n[Hội nghị]: <> 't'\n", "][", "][a]", "[]", "[a]",
        "&amp;", "&#27;", "&#x1EA1;", "&agrave", "<br>", "<b>", "</b>", "<a href=\"x\">", "</a>", "<!--", "-->",
        "[^1]", "[^a]", "\n[^1]: ", "\n[^A]: ", "[^", "^", "\n\n   ", "\n\n  ",
        "\n---\n", "\n* * *\n", "___", "---", "+++\n", "\n...\n", "title: ", "author = ", "  - ", " ##",
        "\n\n   > ", "\n\n   ![a](x)\n", "\n   ```\n", "{#a .b k=\"v\"}", "{", "}", "\n:::\n", "\n::: {.x}\n", "]{.c}", "`{.d}", "\n------ ---\n", "\n+---+--+\n", "| a | b |\n", "\n\n------ ---\n", "\n\n---------\n",
        "[3]", "[12]Hội", "[b.jpg]", "\n[IMG]\n", "\nReferences\n\n   1. https://a.vn/\n", "\n   2. x\n", "\nReferences:\n\n[1] https://a.vn/\n",
        "\n   Hidden links:\n", "Quang cảnh hội nghị\nQuang cảnh hội nghị tổng kết.",
        "\nTrở lại Thời sự\n", "\nXem thêm: ", ">> Đọc thêm: ", "\nTin liên quan:\n", "Chủ đề: ", "\nNgọc An\n", "a@b.vn",
        "\n16:02 (GMT +7)\n", "7h30", "Từ một câu chuyện…", "Theo bà Lan, ",
        "\nÝ kiến (3)\n", "\nThích (12)  Trả lời  3 giờ trước\n", "\nReply · Like\n",
    ]

    static let viqrFragments: [String] = [
        "Vie^.t ", "Nam", "ngu+o+`i ", "dda^`u", "DDe^`n ", "a^", "e^", "o+", "u+", "a(", "dd", "DD", "'", "`", "?", "~", ".",
        "\\.", "\\?", " ", "\n", "\n\n", "...", ", ", "HDDND", "I'm", "C++", "Title: ", "# ", "- ", "1. ", "\"", "(", ")",
        "Ho^.i nghi.", " Ba ", "ta.", "qua?", "!",
    ]

    /// A web page's markup, broken as it may be (`HTMLPageText`).
    static let htmlFragments: [String] = [
        "<p>", "</p>", "<div>", "</div>", "<h1>", "</h2>", "<br>", "<li>", "</li>", "<ul>", "</ul>", "<ol start=\"7\">", "</ol>",
        "<table>", "<tr>", "<td>", "</td>", "<th>", "<pre>", "</pre>", "<pre>\n", "<script>", "</script>", "<style>", "</style",
        "<title>", "<textarea>", "<div hidden>", "<p hidden>", "<span style=\"display:none\">", "</span>", "<select>",
        "</select>", "<template>", "<svg>", "</svg>", "<!--", "-->", "<!doctype html>", "<?xml?>", "<!", "</", "<", ">", "<x-y>",
        "<a href='x>y'>", "<a\nhref=\"", "\"", "'", "=", "&lt;", "&amp;", "&#27;", "&#x1EA1;", "&nbsp;", "&", "\r\n", "\t",
    ]

    func testRandomInputsNeverCrashOrOverflowTheirPane() {
        var rng = SeededGenerator(seed: Self.seed)
        let start = Date()
        for i in 0..<Self.cases {
            let bytes: [UInt8]
            if i % 2 == 0 {
                bytes = (i % 8 == 0 ? Array("<html>".utf8) : [])  // an eighth as a page's HTML
                    + (0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            } else if i % 8 == 1 {
                // A page's markup and text.
                bytes = Array(("<!DOCTYPE html>" + (0..<Int.random(in: 0...24, using: &rng)).map { _ in
                    (Bool.random(using: &rng) ? Self.htmlFragments : Self.fragments).randomElement(using: &rng)!
                }.joined()).utf8)
            } else if i % 4 == 3 {
                // All ASCII, so that VIQR may be recognised and read.
                bytes = Array((0..<Int.random(in: 0...24, using: &rng)).map { _ in Self.viqrFragments.randomElement(using: &rng)! }
                    .joined().utf8)
            } else {
                bytes = Array((0..<Int.random(in: 0...12, using: &rng)).map { _ in Self.fragments.randomElement(using: &rng)! }.joined().utf8)
            }
            guard let article = try? ArticleParser.parse(bytes: bytes) else { continue }  // refused as binary
            assertNoControls(article, case: i)
            var state = ReaderState(size: TermSize(width: Int.random(in: 1...60, using: &rng), height: Int.random(in: 1...12, using: &rng)))
            state.settings.sizeLevel = Int.random(in: 1...9, using: &rng)
            state.doubleSizeGlyphs = Bool.random(using: &rng)
            state.update(.opened(OpenedArticle(entry: LibraryEntry(id: "f", path: "", category: "", title: "f"), article: article)))
            if Bool.random(using: &rng) { state.update(.toEnd) }
            if Bool.random(using: &rng) { state.update(Bool.random(using: &rng) ? .nextSection : .previousSection) }
            let frame = render(state)
            XCTAssertEqual(frame.grid.cells.count, state.size.width * state.size.height)
            XCTAssertTrue(frame.focus.x >= 0 && frame.focus.y >= 0 && frame.focus.y < max(1, state.size.height)
                          && frame.focus.x < max(1, state.size.width), "case \(i): focus \(frame.focus) outside the window")
            if let doc = state.document {
                for b in 0..<doc.layout.blocks.count {
                    for row in doc.layout.rows(of: b) {
                        if case .text(let line, _) = row.kind {
                            let block = doc.layout.blocks[b]!
                            let inset = DocumentLayout.inset(of: block, geometry: doc.layout.geometry)
                            XCTAssertTrue(inset + line.indent + line.width <= doc.layout.geometry.wrapWidth(for: block.role)
                                          || doc.layout.text(of: line, in: b).count == 1, "case \(i): line wider than its pane")
                        }
                    }
                }
            }
        }
        print("fuzz: \(Self.cases) cases in \(Date().timeIntervalSince(start)) s, seed \(Self.seed)")
    }

    func assertNoControls(_ a: Article, case i: Int) {
        var texts = [a.title, a.kicker, a.author, a.source, a.published].compactMap { $0 } + a.removed
        // Verse (quoted or not), tables, code and Markdown's hard line breaks keep line ends in
        // a block's text, though never at either end of it outside code; nothing else holds one.
        a.forEachBlock { b in
            if b.kind != .preformatted, b.text.utf8.first == 0x0A || b.text.utf8.last == 0x0A {
                XCTFail("case \(i): a \(b.kind) block starts or ends with a line end")
            }
            texts.append(String(String.UnicodeScalarView(b.text.unicodeScalars.map { $0 == "\n" ? " " : $0 })))
        }
        for t in texts {
            for s in t.unicodeScalars where s.value < 0x20 || (0x7F...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value) {
                XCTFail("case \(i): control U+\(String(s.value, radix: 16)) survived in \(t.debugDescription)")
            }
        }
        // Inline spans lie inside their text and start and end on a character's first byte.
        a.forEachBlock { b in
            let utf8 = Array(b.text.utf8)
            for span in b.spans {
                guard span.range.lowerBound >= 0, span.range.upperBound <= utf8.count, !span.range.isEmpty else {
                    return XCTFail("case \(i): span \(span.range) outside \(utf8.count) bytes")
                }
                for o in [span.range.lowerBound, span.range.upperBound] where o < utf8.count && utf8[o] & 0xC0 == 0x80 {
                    XCTFail("case \(i): span \(span.range) cuts a character")
                }
            }
        }
    }

    /// The lazy reader of large files on the same kind of input, with head and tail windows
    /// of a few bytes so that small inputs take that path: byte-level line scanning, cutting
    /// and per-block decoding must hold up to anything.
    func testRandomInputsThroughTheLazyReader() throws {
        var rng = SeededGenerator(seed: Self.seed &+ 1)
        var lazy = 0
        var wrapped = 0  // cases read as wrapped
        for i in 0..<max(1, Self.cases / 5) {
            let bytes: [UInt8]
            if i % 3 == 0 {
                bytes = (0..<Int.random(in: 0...200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            } else if i % 3 == 1 && i % 2 == 0 {
                // Paragraphs a program wrapped (`HardWrap`): long enough for the width to be read.
                let text = (0..<Int.random(in: 8...30, using: &rng)).map { _ in
                    (0..<Int.random(in: 10...60, using: &rng)).map { _ in Self.fragments.randomElement(using: &rng)! }.joined(separator: " ")
                }.joined(separator: "\n\n")
                bytes = Array(HardWrapTests.wrapped(text, width: Int.random(in: 40...100, using: &rng)).utf8)
                if bytes.withUnsafeBufferPointer({ HardWrap.width($0, from: 0) }) != nil { wrapped += 1 }
            } else if i % 6 == 5 {
                bytes = Array(("<html>" + (0..<Int.random(in: 0...60, using: &rng)).map { _ in
                    (Bool.random(using: &rng) ? Self.htmlFragments : Self.fragments).randomElement(using: &rng)!
                }.joined()).utf8)
            } else {
                bytes = Array((0..<Int.random(in: 0...40, using: &rng)).map { _ in Self.fragments.randomElement(using: &rng)! }.joined().utf8)
            }
            // Lines longer than a few bytes are cut into pieces, too.
            guard let article = try? ArticleParser.parse(file: FileBytes(bytes), lazyAbove: 0, window: Int.random(in: 0...24, using: &rng),
                                                         longLine: Int.random(in: 1...48, using: &rng))
            else { continue }
            if article.body != nil { lazy += 1 }
            assertNoControls(article, case: i)
            var state = ReaderState(size: TermSize(width: Int.random(in: 1...60, using: &rng), height: Int.random(in: 1...12, using: &rng)))
            state.settings.sizeLevel = Int.random(in: 1...9, using: &rng)
            state.update(.opened(OpenedArticle(entry: LibraryEntry(id: "f", path: "", category: "", title: "f"), article: article)))
            for action in [Action.toEnd, .page(-1), .sizeUp, .page(1), .toStart, .nextSection, .previousSection]
                .shuffled(using: &rng) { state.update(action) }
            let frame = render(state)
            XCTAssertEqual(frame.grid.cells.count, state.size.width * state.size.height)
            let dump = PlainTextDump.render(article, width: Int.random(in: 1...80, using: &rng), sizeLevel: 5, language: .vi)
            XCTAssertFalse(dump.unicodeScalars.contains { $0.value < 0x20 && $0.value != 0x0A }, "case \(i)")
            // Pieces of a cut line of valid UTF-8 (the fragment cases) start on a scalar: a
            // cut never splits a character's bytes.
            if i % 3 != 0, let body = article.body {
                for j in body.continuing { XCTAssertFalse(LongLines.isContinuationByte(body.file.buffer[body.range(of: j).lowerBound]), "case \(i)") }
            }
        }
        XCTAssertGreaterThan(lazy, Self.cases / 20, "most cases should reach the lazy middle")
        // About one case in 380 is a page whose width can be read; which ones depends on every
        // draw before it (a refused input draws less), so the bound has room for other seeds.
        XCTAssertGreaterThan(wrapped, Self.cases / 800, "some wrapped pages should be read as such")
    }
}
