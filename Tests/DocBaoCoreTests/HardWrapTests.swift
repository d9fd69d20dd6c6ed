import Foundation
import XCTest

@testable import DocBaoCore

/// Pages turned into text by a program that wraps lines (`w3m -dump`, `lynx -dump -nolist`,
/// `pandoc -t plain`, `fmt`): their wrapped lines are joined again, so that they read as the
/// page copied from a browser does. The fixtures are the seed page as HTML, rendered by w3m
/// and lynx at 80 columns, lynx with and without its numbered links (`scripts/make-dump-fixtures`).
final class HardWrapTests: XCTestCase {
    static let page = "laichau-hoi-nghi-lan-thu-4"

    func testW3mAndLynxDumpsOfTheSeedPageReadAsTheCopiedPage() throws {
        let copied = try Fixtures.seed
        for dump in ["w3m", "lynx", "lynx-refs", "w3m-refs"] {
            let a = try ArticleParser.parse(bytes: Fixtures.bytes("\(Self.page).\(dump).txt"))
            // (The article's text has no links, so lynx numbers only the chrome's:
            // `[1]A- [2]A [3]A+ | [4]Chia sẻ …`.)
            Fixtures.assertReadsAs(a, copied, dump)
        }
    }

    /// lynx writes a link's number before its text: a toolbar, a share bar or a site's menu of
    /// links is chrome with those numbers, and a menu of links from the home page is chrome
    /// however it is written.
    func testChromeWithLynxsLinkNumbers() {
        for line in ["[1]A- [2]A [3]A+ | [4]Chia sẻ bài viết lên facebook", "[7]Tăng tương phản [8]Giảm tương phản",
                     "[13]Chia sẻ [14]Facebook [15]Zalo", "[5]Trang chủ > [6]Thời sự", "[1]Trang chủ | [2]Giới thiệu | [3]Tin tức",
                     "Trang chủ | Giới thiệu | Tin tức | Liên hệ"] {
            XCTAssertNotNil(ChromePatterns.classify(line), line)
        }
        // Two items from home are no menu of any words (`Trang chủ | Giới thiệu`, two links to
        // the site's own pages, is one: `ChromeFamily.siteLinks`).
        for line in ["Xem [12]báo cáo của tỉnh", "Trang chủ | Hà Nội", "Ghi chú [1]"] {
            XCTAssertNil(ChromePatterns.classify(line), line)
        }
    }

    /// lynx ends a page with the addresses of its links, one a line: a list of many short
    /// ones (a portal's own addresses) must not pass for the text's width, or the text, which
    /// is wrapped at 76 columns, is read unwrapped (the title a piece of the lead).
    func testALongListOfShortAddressesDoesNotHideTheWidth() throws {
        let lead = "Sáng nay, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm và triển khai nhiệm vụ "
            + "năm tới, với sự tham dự của lãnh đạo các sở, ban, ngành, các huyện, thành phố và đông đảo đại biểu."
        let paragraph = "Phát biểu tại hội nghị, đồng chí Chủ tịch UBND tỉnh đề nghị các đơn vị tiếp tục đẩy mạnh cải "
            + "cách hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp trên địa bàn."
        let body = ["Trang chủ > Thời sự", "", "Hội nghị tổng kết công tác năm", "", lead, ""]
            + (1...6).flatMap { ["Đoạn \($0): " + paragraph, ""] }
        let text = LargeArticleTests.hardWrapped(body.joined(separator: "\n"), width: 76, indent: "   ")
            + "\n\nReferences\n\n" + (1...60).map { "   \($0). https://laichau.gov.vn/tin/\($0).html" }.joined(separator: "\n") + "\n"
        let bytes = Array(text.utf8)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { HardWrap.width($0, from: 0) }, 79)
        let a = try ArticleParser.parse(bytes: bytes)
        XCTAssertEqual(a.title, "Hội nghị tổng kết công tác năm")
        XCTAssertEqual(a.blocks.first, Block(.lead, lead))
        XCTAssertEqual(a.blocks.last?.text, "Đoạn 6: " + paragraph)
    }

    /// An image without words is written by w3m as its file's stem in brackets, by lynx as its
    /// file's name (`[IMG]` or `[INLINE]` with some options): page furniture, in `removed`.
    /// A number alone in brackets, or words in them, stay text.
    func testImagesWithoutWordsAreFurniture() {
        let paragraph = "Phát biểu tại hội nghị, đồng chí Chủ tịch UBND tỉnh đề nghị các đơn vị tiếp tục đẩy mạnh cải cách hành chính."
        for placeholder in ["[anh-hoi-nghi]", "[b.jpg]", "[IMG]", "[INLINE]", "[7][logo_2024.png]", "   [b.jpg]"] {
            func page(_ image: String) -> Article {
                Fixtures.parse("Tỉnh tổ chức hội nghị tổng kết\n\n\(paragraph)\n\n\(image)Ảnh: Minh Anh\n\nHội nghị cũng đã khen thưởng các tập thể.")
            }
            let a = page(placeholder + "\n\n")
            XCTAssertEqual(a.blocks, page("").blocks, placeholder)
            XCTAssertEqual(a.blocks.count, 3, placeholder)
            XCTAssertTrue(a.removed.contains(placeholder.trimmingCharacters(in: .whitespaces)), placeholder)
        }
        for kept in ["[1]", "[Ảnh minh họa]", "[^1]", "[]", "[12][34]"] {
            XCTAssertFalse(ChromePatterns.isImagePlaceholder(TextFolding.fold(kept)), kept)
        }
    }

    /// The look for lynx's repeated image words, which reads bytes and folds only the words
    /// it must, answers as the plain look below (split into words, fold each, try every
    /// cut from the latest) on random lines of few words (repeats, case, diacritics, full
    /// stops, double spaces).
    func testTheLookForRepeatedImageWordsAgreesWithThePlainLook() {
        func plainLook(_ text: String) -> String {
            guard text.utf8.count <= 1200, LineShapes.characters(in: text, atMost: 301) <= 300 else { return text }
            let words = text.split(separator: " ", omittingEmptySubsequences: false)
            guard words.count >= 6 else { return text }
            let folded = words.map { TextFolding.fold(String($0)) }
            func stop(_ word: String) -> Substring { word.hasSuffix(".") ? word.dropLast() : word[...] }
            for k in stride(from: words.count / 2, through: 3, by: -1)
            where folded[0..<(k - 1)].elementsEqual(folded[k..<(2 * k - 1)]) && stop(folded[k - 1]) == stop(folded[2 * k - 1]) {
                return words[k...].joined(separator: " ")
            }
            return text
        }
        var rng = SeededGenerator(seed: 17)
        let vocabulary = ["Quang", "quang", "cảnh", "CẢNH", "canh", "hội", "nghị", "nghị.", "", "Hội", "e\u{301}", "é", "tổng", "kết.",
                          String(repeating: "dài", count: 60)]  // two of it make a line too long to look at
        var repeated = 0
        for _ in 0..<20_000 {
            var words = (0..<Int.random(in: 1...14, using: &rng)).map { _ in vocabulary.randomElement(using: &rng)! }
            if Bool.random(using: &rng), words.count >= 3 {  // a start said again
                let k = Int.random(in: 3...words.count, using: &rng)
                words = Array(words[..<k]) + Array(words[..<k]) + words[k...]
            }
            let line = words.joined(separator: " ")
            let cut = PageDumpParser.withoutRepeatedImageWords(line)
            XCTAssertEqual(cut, plainLook(line), line)
            if cut != line { repeated += 1 }
        }
        XCTAssertGreaterThan(repeated, 1000)
    }

    /// w3m writes a photo's words (`alt`) on the line over its caption: where the caption
    /// repeats them, they are dropped, and the caption is read as one (not as a stanza of two
    /// lines). Lines that only look alike stay.
    func testAnImagesWordsOverTheCaptionThatRepeatsThem() throws {
        let lead = "Sáng nay, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm 2024 và triển khai nhiệm vụ năm 2025."
        let after = "Phát biểu tại hội nghị, đồng chí Chủ tịch UBND tỉnh đề nghị các đơn vị tiếp tục đẩy mạnh cải cách hành chính, "
            + "nâng cao chất lượng phục vụ người dân và doanh nghiệp."
        func page(_ lines: String) -> Article { Fixtures.parse("Tỉnh tổ chức hội nghị tổng kết\n\n\(lead)\n\n\(lines)\n\n\(after)") }
        for (words, caption) in [("Quang cảnh hội nghị", "Quang cảnh hội nghị tổng kết."), ("Quang cảnh hội nghị.", "Quang cảnh hội nghị."),
                                 ("Quang cảnh Hội Nghị", "Quang cảnh hội nghị tổng kết.")] {
            let a = page(words + "\n" + caption)
            XCTAssertEqual(a.blocks.map(\.kind), [.lead, .caption, .paragraph], words)
            XCTAssertEqual(a.blocks[1].text, caption)
            XCTAssertTrue(a.removed.contains(words))
        }
        // lynx writes them at the start of the caption's line: they are taken off it.
        for line in ["Quang cảnh hội nghị Quang cảnh hội nghị tổng kết.", "Quang cảnh hội nghị. Quang cảnh hội nghị tổng kết.",
                     "Quang cảnh hội nghị. Quang cảnh hội nghị.", "Quang cảnh hội nghị Quang cảnh hội nghị."] {
            let a = page(line)
            XCTAssertEqual(a.blocks.map(\.kind), [.lead, .caption, .paragraph], line)
            XCTAssertEqual(a.blocks[1].text, line.hasSuffix("tổng kết.") ? "Quang cảnh hội nghị tổng kết." : "Quang cảnh hội nghị.")
        }
        for kept in ["Hà Nội Hà Nội mùa thu đẹp lắm.", "Một hai ba bốn năm sáu bảy tám.", "Quang cảnh hội nghị Quang cảnh buổi lễ."] {
            XCTAssertEqual(PageDumpParser.withoutRepeatedImageWords(kept), kept)
        }
        // Apart, one word, or not repeated: both lines stay.
        for lines in ["Quang cảnh hội nghị\n\nQuang cảnh hội nghị tổng kết.", "Hội\nHội nghị tổng kết.",
                      "Quang cảnh hội nghị\nQuang cảnh hội nghị, tổng kết.", "Quang cảnh\nQuang cảnhhh hội nghị."] {
            XCTAssertEqual(page(lines).blocks.count, 4, lines)
        }
        // The lazy reader drops them too, wherever a large file's head ends.
        let text = "Tỉnh tổ chức hội nghị tổng kết\n\n\(lead)\n\n" + [after, "Quang cảnh hội nghị\nQuang cảnh hội nghị tổng kết.", after,
                                                                     "Các đại biểu biểu quyết\nCác đại biểu biểu quyết.", after].joined(separator: "\n\n")
        let whole = Fixtures.parse(text)
        XCTAssertEqual(whole.blocks.filter { $0.kind == .caption }.map(\.text), ["Quang cảnh hội nghị tổng kết.", "Các đại biểu biểu quyết."])
        let start = text.utf8.count - text.drop { $0 != "P" }.utf8.count  // cuts from the end of the lead on
        XCTAssertEqual(try Fixtures.headCutsReadingOtherwise(text, whole: whole.blocks).filter { $0 >= start }, [])

        // And in the middle of a large page, where every short sentence has its first words over it.
        var inserted = 0
        let large = LargeArticleTests.pageDump(size: 400_000, seed: 3).split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                let words = line.split(separator: " ")
                guard line.hasSuffix("."), line.count < 100, words.count > 4 else { return String(line) }
                inserted += 1
                // Over the line as w3m writes them, or at its start as lynx does.
                return words.prefix(3).joined(separator: " ") + (inserted % 2 == 0 ? "\n" : " ") + line
            }.joined(separator: "\n")
        let bytes = Array(large.utf8)
        let lazy = try ArticleParser.parse(bytes: bytes)
        let wholeLarge = try ArticleParser.parse(bytes: bytes, lazyAbove: .max)
        XCTAssertNotNil(lazy.body)
        XCTAssertGreaterThan(inserted, 100)
        XCTAssertEqual(LargeArticleTests.blocks(lazy), LargeArticleTests.blocks(wholeLarge))
        XCTAssertGreaterThan(wholeLarge.removed.count, inserted / 4)
        XCTAssertEqual(LargeArticleTests.blocks(wholeLarge).filter { block in
            let w = block.text.split(separator: " ")
            return w.count >= 6 && w[0..<3] == w[3..<6]
        }, [])
    }

    /// The width is read off the text: w3m fills lines up to 79 columns, lynx (with its
    /// margin of three) to 74 here. A copied page, and pages of short lines of every length,
    /// were not wrapped.
    func testTheWidthIsReadOffTheText() throws {
        func width(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBufferPointer { HardWrap.width($0, from: 0) } }
        XCTAssertEqual(width(try Fixtures.bytes("\(Self.page).w3m.txt")), 79)
        XCTAssertEqual(width(try Fixtures.bytes("\(Self.page).lynx.txt")), 74)
        XCTAssertNil(width(try Fixtures.seedBytes))
        XCTAssertNil(width(Array(LargeArticleTests.pageDump(size: 20_000).utf8)))
        var random = SeededGenerator(seed: 3)
        let headlines = (0..<60).map { _ in RandomText.paragraph(&random, words: Int.random(in: 9...20, using: &random)) }
        XCTAssertNil(width(Array(headlines.joined(separator: "\n").utf8)), "headlines of every length")
        XCTAssertEqual(width(Array(Self.wrapped(headlines.joined(separator: " "), width: 72).utf8)), 72)
    }

    /// What is joined and what stands on its own line.
    func testWhatCarriesOnAWrappedLine() {
        let full = "Ban Chấp hành Đảng bộ tỉnh tổ chức Hội nghị lần thứ tư để xem xét và cho"  // 72 columns
        XCTAssertEqual(DisplayWidth.of(full), 72)
        /// The last block of a page wrapped at 74 that ends in `lines`.
        func last(_ lines: [String]) -> String? {
            let text = (Array(repeating: full + "\nnhiều ý kiến quan trọng.\n", count: 4) + lines).joined(separator: "\n")
            return PageDumpParser.parse(text, style: PageStyle(wrapWidth: 74)).blocks.last?.text
        }
        // The next word would not have fitted (72 + 1 + 4 > 74): the line was wrapped. It
        // would have (72 + 1 + 1 ≤ 74): the line ended where its writer ended it.
        XCTAssertEqual(last([full, "Ủy ban."]), full + " Ủy ban.")
        XCTAssertEqual(last([full, "A Páo."]), "A Páo.")
        // After the wrap, a dash carries the line on (a no-break space holds it to its word);
        // a number starts an item where it stands further in than the line before (w3m and
        // lynx indent a list), or that line ends a sentence or is an item itself; else the
        // wrapper broke a sentence before a number (`lần thứ` / `4. Đồng chí`).
        XCTAssertEqual(last([full, "-\u{A0}Phó Bí thư."]), full + " -\u{A0}Phó Bí thư.")
        XCTAssertEqual(last([full, "1. Phó Bí thư.", "2. Chủ tịch."]), "2. Chủ tịch.")
        func kinds(_ text: String) -> [Block.Kind] { PageDumpParser.parse(text, style: PageStyle(wrapWidth: 74)).blocks.map(\.kind) }
        XCTAssertEqual(kinds(full + "\n 1. Phó Bí thư.\n 2. Chủ tịch.").suffix(2), [.item, .item])
        XCTAssertEqual(kinds(full.dropLast(4) + " các:\n1. Phó Bí thư.\n2. Chủ tịch.").suffix(2), [.item, .item])
        XCTAssertEqual(last([full, "4. Đồng chí Giàng Páo Mỷ chủ trì."]), full + " 4. Đồng chí Giàng Páo Mỷ chủ trì.")
        let indented = " " + full.dropLast(4) + " cả"  // 72 columns
        XCTAssertEqual(last([indented, " 4. Đồng chí Giàng Páo Mỷ chủ trì."]), indented.dropFirst() + " 4. Đồng chí Giàng Páo Mỷ chủ trì.")
        XCTAssertEqual(last(["1. " + full.dropFirst(4) + " ở", "2. Chủ tịch."]), "2. Chủ tịch.")  // 73 columns, an item
        // A line ending in a no-break space was wrapped there, whatever comes next.
        XCTAssertEqual(last(["Các chỉ tiêu tăng cao so với cùng kỳ,...\u{A0}", "Các hoạt động văn hóa."]),
                       "Các chỉ tiêu tăng cao so với cùng kỳ,... Các hoạt động văn hóa.")
        // Page furniture stands alone: a rating right under a full line.
        let rated = PageDumpParser.parse((Array(repeating: full + "\nnhiều ý kiến.\n", count: 4)
                                          + [full, "Tổng số điểm của bài viết là: 3 trong 1 đánh giá"]).joined(separator: "\n"),
                                         style: PageStyle(wrapWidth: 74))
        XCTAssertEqual(rated.rating, Rating(points: 3, votes: 1))
        XCTAssertEqual(rated.blocks.last?.text, full)
    }

    /// A large wrapped page reads the same lazily as whole, and a small one wherever the head
    /// of a large file would end.
    func testLazyReadingOfAWrappedPageMatchesTheWholeFile() throws {
        let text = Self.wrapped(LargeArticleTests.pageDump(size: 400_000, seed: 7), width: 76)
        let bytes = Array(text.utf8)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { HardWrap.width($0, from: 0) }, 76)
        let lazy = try ArticleParser.parse(bytes: bytes)
        let whole = try ArticleParser.parse(bytes: bytes, lazyAbove: .max)
        XCTAssertNotNil(lazy.body)
        XCTAssertEqual([lazy.title, lazy.kicker, lazy.source, lazy.author], [whole.title, whole.kicker, whole.source, whole.author])
        XCTAssertEqual(lazy.rating, whole.rating)
        XCTAssertEqual(lazy.pageStats, whole.pageStats)
        XCTAssertEqual(LargeArticleTests.blocks(lazy), LargeArticleTests.blocks(whole))
        XCTAssertLessThan(LargeArticleTests.blocks(whole).count, text.split(separator: "\n").count * 2 / 3, "lines were joined")

        let small = String(decoding: try Fixtures.bytes("\(Self.page).w3m.txt"), as: UTF8.self)
        let wholeSmall = try ArticleParser.parse(file: FileBytes(Array(small.utf8)), lazyAbove: .max, window: 0)
        // A page's head must hold its title and lead (a real head window holds 64 KB): cuts
        // from the end of the lead on.
        let lead = try XCTUnwrap(small.range(of: "Chủ tịch UBND tỉnh chủ trì Hội nghị.\n"))
        let cuts = try Fixtures.headCutsReadingOtherwise(small, whole: wholeSmall.blocks)
        XCTAssertEqual(cuts.filter { $0 >= small.utf8.distance(from: small.utf8.startIndex, to: lead.upperBound) }, [])
    }

    /// `text`'s lines wrapped greedily at `width` columns, as `fmt` wraps them (blank lines kept).
    static func wrapped(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var lines: [String] = []
            var current = ""
            for word in line.split(separator: " ") {
                if !current.isEmpty, DisplayWidth.of(current) + 1 + DisplayWidth.of(word) > width {
                    lines.append(current)
                    current = String(word)
                } else {
                    current += current.isEmpty ? String(word) : " " + word
                }
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

extension HardWrapTests {
    /// The large-file scan's test for a line carrying on the sentence of the line before reads
    /// only the end of that line, and counts its characters on its bytes: it answers as
    /// decoding the whole line does, on lines of every kind of character.
    func testTheScansSentenceRuleAnswersAsDecodingTheLineDoes() {
        let pieces = ["Hội", "nghị", "đã", "thống nhất", "e\u{301}", "a\u{323}\u{302}", "ở", "Ủy", "ǅ", "ª", "ß", "ẞ", "ĳ",
                      "\u{1E9E}", "ɐ", "ʰ", "ꭰ", "Ꭰ", "ﬀ", "ǈ", "ŉ", "K", "\u{A0}", "\u{AD}", "\t", "\r", " ", "  ",
                      ".", ",", ":", "…", "”", ")", "中文", "👨‍👩‍👧", "\u{200D}", "\u{1B}[2J", "x", "ABC", "\u{FF}", "\u{2014}"]
        var random = SeededGenerator(seed: 11)
        for _ in 0..<3000 {
            var previous = (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined(separator: " ")
            if Bool.random(using: &random) { previous += pieces.randomElement(using: &random)! }
            let next = (0..<Int.random(in: 1...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            var bytes = Array((previous + "\n" + (Bool.random(using: &random) ? "đoạn tiếp" : next)).utf8)
            if !previous.isEmpty, Int.random(in: 0..<10, using: &random) == 0 { bytes[Int.random(in: 0..<previous.utf8.count, using: &random)] = 0xC3 }
            bytes.withUnsafeBufferPointer { b in
                let stop = b.firstIndex(of: 0x0A)!
                let nextLine = ByteLines.trim(b, (stop + 1)..<b.count)
                // As the scan told it before it read letters off their bytes.
                let lower = !nextLine.isEmpty && (b[nextLine.lowerBound] < 0x80 ? (0x61...0x7A).contains(b[nextLine.lowerBound])
                    : LazyBody.decode(b, nextLine.lowerBound..<min(nextLine.upperBound, nextLine.lowerBound + 16)).first?.isLowercase ?? false)
                if !nextLine.isEmpty {
                    XCTAssertEqual(LargeArticleReader.startsLowercase(b, nextLine), lower, "\(Array(b[nextLine]))")
                }
                for joined in [false, true] {
                    let prev = LineShapes.trimmed(LazyBody.decode(b, 0..<stop)[...], LineShapes.spaces)
                    let decoding = lower && !LineShapes.endsWithClosingPunctuation(String(prev)) && (joined || LineShapes.longer(prev, than: 39))
                    XCTAssertEqual(LargeArticleReader.continuesSentence(b, (stop + 1)..<b.count, after: 0..<stop, previousJoined: joined),
                                   decoding, "\(Array(b[0..<stop]))")
                }
            }
        }
    }
}
