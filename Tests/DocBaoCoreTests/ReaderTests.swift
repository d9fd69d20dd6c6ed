import XCTest

@testable import DocBaoCore

final class ReaderTests: XCTestCase {
    func seedState(_ w: Int = 80, _ h: Int = 24) throws -> ReaderState {
        var s = ReaderState(size: TermSize(width: w, height: h))
        s.update(.opened(OpenedArticle(entry: LibraryEntry(id: "a", path: "", category: "", title: "t"), article: try Fixtures.seed)))
        return s
    }

    /// At every size level the text keeps at least one blank column before the sidebar's rule,
    /// the margin-less level 1 too; without the sidebar level 1 uses every column.
    func testTextNeverTouchesTheSidebarRule() throws {
        for width in [80, 100, 133] {
            var s = try seedState(width, 30)
            while s.settings.sizeLevel > 1 { s.update(.sizeDown) }
            for level in 1...9 {
                XCTAssertTrue(s.sidebarShown, "\(width) columns")
                let column = s.paneWidth - 1
                for _ in 0..<4 {
                    let grid = render(s).grid
                    XCTAssertEqual(grid[column + 1, 5].text, "│", "level \(level), \(width) columns")
                    for y in 2..<(grid.height - 1) {
                        XCTAssertTrue(grid[column, y].text.allSatisfy(\.isWhitespace),
                                      "level \(level), \(width) columns, row \(y): \(grid.text(row: y))")
                    }
                    s.update(.page(1))
                }
                s.update(.sizeUp)
            }
        }
        var s = try seedState(80, 24)
        while s.settings.sizeLevel > 1 { s.update(.sizeDown) }
        s.update(.toggleSidebar)
        XCTAssertFalse(s.sidebarShown)
        XCTAssertEqual(s.geometry().measure, 80)
    }

    /// The first visible character stays on screen across every size level and resize.
    func testSizeChangesKeepTheReadersPlace() throws {
        var s = try seedState()
        s.update(.page(3))
        for action in [Action.sizeUp, .sizeUp, .sizeUp, .sizeUp, .sizeDown, .sizeReset, .sizeDown, .sizeDown, .sizeDown, .sizeDown,
                       .resize(TermSize(width: 50, height: 30)), .resize(TermSize(width: 140, height: 20))] {
            let before = s.document!.anchor
            s.update(action)
            let doc = s.document!
            let shown = s.rowsShown.map(doc.layout.anchor(at:))
            XCTAssertTrue(shown.contains { $0.block == before.block && $0.offset <= before.offset }, "\(action) lost \(before)")
        }
    }

    /// The closing lines change with the language and the store (the rating line comes with
    /// the store's ratings and goes when it cannot be read): a place in them must stay a place
    /// in the article, and section keys must work from it.
    func testAPlaceInTheClosingLinesSurvivesThemChangingOrGoing() throws {
        let text = "Title: Hội nghị\nAuthor: Đinh Lan\n\nĐoạn một.\n\n## Phần hai\n\n"
            + (1...12).map { "Đoạn \($0) của phần hai." }.joined(separator: "\n\n")
        var s = ReaderState(size: TermSize(width: 60, height: 10))
        s.update(.opened(OpenedArticle(entry: LibraryEntry(id: "a", path: "", category: "", title: "t"),
                                       article: try ArticleParser.parse(bytes: Array(text.utf8)))))
        s.update(.statsAvailability(true))
        s.update(.statsChanged(SidebarStats(articleViews: 3, articleRating: RatingSummary(points: 9, votes: 2))))
        let withRating = s.document!.layout.blocks.count
        XCTAssertEqual(s.document!.layout.block(withRating - 1)?.role, .rating)

        // Inside the rating line, which goes with the store.
        s.update(.restorePosition(TextPosition(block: withRating - 1, offset: 12)))
        s.update(.statsAvailability(false))
        XCTAssertEqual(s.document!.layout.blocks.count, withRating - 1)
        XCTAssertEqual(s.document!.anchor, TextPosition(block: withRating - 2, offset: 0), "the last line left")
        s.update(.previousSection)
        XCTAssertEqual(s.document!.layout.block(s.document!.anchor.block)?.text, "Phần hai")

        // Inside the byline, which the other language words otherwise ("Tác giả:" / "Author:").
        let byline = s.document!.layout.blocks.count - 1
        XCTAssertEqual(s.document!.layout.block(byline)?.role, .byline)
        s.update(.toEnd)
        s.document!.anchor = TextPosition(block: byline, offset: "Tác giả: Đinh".utf8.count)
        s.update(.toggleLanguage)
        XCTAssertEqual(s.document!.layout.block(byline)?.text, "Author: Đinh Lan")
        XCTAssertEqual(s.document!.anchor, TextPosition(block: byline, offset: 0))
    }

    /// The same on a generated 1 MB article, from the middle, through all nine levels.
    func testSizeChangesKeepThePlaceInAOneMegabyteArticle() throws {
        var rng = SeededGenerator(seed: 3)
        var text = "Title: Bài dài\n\n"
        while text.utf8.count < 1_000_000 {
            text += RandomText.paragraph(&rng, words: Int.random(in: 20...120, using: &rng)) + ".\n\n"
        }
        var s = ReaderState(size: TermSize(width: 100, height: 40))
        s.update(.opened(OpenedArticle(entry: LibraryEntry(id: "big", path: "", category: "", title: "t"),
                                       article: ArticleParser.parse(text: text),
                                       position: TextPosition(block: 4000, offset: 0))))
        s.update(.scroll(7))
        for level in [1, 9, 2, 8, 3, 7, 4, 6, 5] {
            let before = s.document!.anchor
            _ = s.changeSize(level)
            let doc = s.document!
            let top = doc.layout.anchor(at: doc.top)
            XCTAssertEqual(top.block, before.block, "level \(level)")
            XCTAssertLessThanOrEqual(top.offset, before.offset, "level \(level)")
            let next = doc.layout.anchor(at: doc.layout.advance(doc.top, by: 1))
            XCTAssertTrue(next.block > before.block || next.offset > before.offset || next == top, "level \(level)")
        }
    }

    func testSizeStopsAtTheEndsWithAMessage() throws {
        var s = try seedState()
        for _ in 0..<12 { s.update(.sizeUp) }
        XCTAssertEqual(s.settings.sizeLevel, 9)
        XCTAssertEqual(s.message, "Đã ở cỡ chữ lớn nhất (9)")
        s.update(.sizeReset)
        XCTAssertEqual(s.settings.sizeLevel, 5)
        for _ in 0..<12 { s.update(.sizeDown) }
        XCTAssertEqual(s.settings.sizeLevel, 1)
    }

    func testContrastStepsAndStops() throws {
        var s = try seedState()
        s.update(.contrastUp); s.update(.contrastUp); s.update(.contrastUp)
        XCTAssertEqual(s.settings.contrast, .maximum)
        XCTAssertEqual(s.message, "Đã ở mức tương phản cao nhất")
        for _ in 0..<5 { s.update(.contrastDown) }
        XCTAssertEqual(s.settings.contrast, .reduced)
    }

    /// Before the store is open the sidebar says its numbers are coming; "unavailable" is
    /// only for a store that could not be opened, and numbers replace both.
    func testSidebarWhileTheStoreOpensFailsAndWorks() throws {
        var s = try seedState()
        let sidebar = { (s: ReaderState) in
            (2..<23).map { render(s).grid.text(row: $0).split(separator: "│").last.map(String.init) ?? "" }.joined(separator: "\n")
        }
        XCTAssertTrue(sidebar(s).contains("…"))
        XCTAssertFalse(sidebar(s).contains("không khả dụng"))
        s.update(.statsAvailability(false))
        XCTAssertTrue(sidebar(s).contains("không khả dụng"))
        XCTAssertFalse(sidebar(s).contains("…"))
        s.update(.statsAvailability(true))
        s.update(.statsChanged(SidebarStats(site: SiteCounters(today: 3, yesterday: 2, month: 9, year: 40, total: 1234,
                                                                dayNumber: 2, monthNumber: 11, yearNumber: 2026), articleViews: 7,
                                               articleRating: RatingSummary(points: 0, votes: 0))))
        XCTAssertFalse(sidebar(s).contains("không khả dụng"))
        XCTAssertFalse(sidebar(s).contains("…"))
        XCTAssertTrue(sidebar(s).contains("1.234"))
    }

    /// Back (h, Backspace, ←, Esc) returns from an article to the library and saves the place;
    /// a file opened on its own has no library, so back only says how to quit.
    func testBackReturnsToTheLibraryAndNeverQuitsASingleFile() throws {
        var single = try seedState()
        single.singleArticle = true
        single.update(.page(1))
        for key in [InputEvent.character("h"), .key(.backspace), .key(.left), .key(.escape)] {
            let action = try XCTUnwrap(single.action(for: key, frame: nil))
            XCTAssertEqual(action, .back)
            XCTAssertEqual(single.update(action), [])
            XCTAssertEqual(single.screen, .article)
            XCTAssertEqual(single.message, "Không có thư viện để quay lại; nhấn q để thoát")
        }
        XCTAssertEqual(single.update(.quit).last, .quit, "q still quits")

        var fromLibrary = try seedState()
        fromLibrary.update(.page(1))
        let anchor = try XCTUnwrap(fromLibrary.document).anchor
        XCTAssertEqual(fromLibrary.update(.back), [.savePosition(articleID: "a", anchor), .refreshStats])
        XCTAssertEqual(fromLibrary.screen, .library)
    }

    /// Margins give way in a narrow pane: every level keeps at least 24 columns of text (or
    /// all but one column each side), so a big level in a small window wraps words, not
    /// letters; where there is room, the table's measure and margins hold.
    func testMarginsGiveWayInANarrowPane() throws {
        for level in SizeLevel.all {
            for width in [12, 20, 24, 30, 40, 53, 80, 120, 200] {
                let measure = level.measure(inPane: width)
                let floor = level.margin == 0 ? width : min(width - 2, SizeLevel.narrowestMeasure)
                XCTAssertGreaterThanOrEqual(measure, min(floor, level.measure ?? width), "level \(level.number), \(width)")
                XCTAssertLessThanOrEqual(measure, min(level.measure ?? width, width - 2 * min(level.margin, 1)))
                if width >= (level.measure ?? 0) + 2 * level.margin + SizeLevel.narrowestMeasure {
                    XCTAssertEqual(measure, level.measure ?? width, "level \(level.number), \(width): the table holds")
                }
            }
        }
        // Level 9 in a 20-column window: no word of the seed is cut across lines.
        let dump = PlainTextDump.render(try Fixtures.seed, width: 20, sizeLevel: 9, language: .vi)
        let seedWords: [Substring] = try Fixtures.seed.blocks.flatMap { $0.text.split(whereSeparator: \.isWhitespace) }
        let words = Set(seedWords.filter { $0.count <= 18 && $0.allSatisfy(\.isLetter) })
        let dumped = Set(dump.split(whereSeparator: \.isWhitespace))
        XCTAssertTrue(words.isSubset(of: dumped), "\(Array(words.subtracting(dumped)).prefix(5))")
    }

    /// A file that is UTF-8 with damaged bytes shows broken letters: the status line says
    /// why, in the reader's language, until the next key.
    func testAFileThatIsNotUTF8IsNamedOnTheStatusLine() throws {
        var damaged = Array("Title: Thông tin\n\nNgày đẹp trời, người dân đi chợ phiên.".utf8)
        damaged[damaged.firstIndex(of: 0xC3)! + 1] = 0x20  // ô's second byte lost
        let article = try ArticleParser.parse(bytes: damaged)
        XCTAssertTrue(article.hasInvalidUTF8)
        var s = ReaderState(size: TermSize(width: 100, height: 24))
        let entry = LibraryEntry(id: "cu.txt", path: "", category: "", title: "cu")
        s.update(.opened(OpenedArticle(entry: entry, article: article)))
        XCTAssertEqual(s.message, "Tệp không phải UTF-8: byte lỗi hiện là \u{FFFD} (đổi mã bằng iconv)")
        XCTAssertTrue(render(s).grid.text(row: 23).contains("Tệp không phải UTF-8"))
        s.update(.scroll(1))
        XCTAssertNil(s.message)
        s.update(.toggleLanguage)
        s.update(.opened(OpenedArticle(entry: entry, article: article)))
        XCTAssertEqual(s.message, "Not valid UTF-8: bad bytes shown as \u{FFFD} (convert it with iconv)")
        var seed = try seedState()
        seed.update(.opened(OpenedArticle(entry: entry, article: try Fixtures.seed)))
        XCTAssertNil(seed.message)
        // Read as an older Vietnamese code, the text is whole, and the status line says how it
        // was read, in either language.
        let codes = [
            (try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.windows-1258.txt"),
             "Tệp không phải UTF-8: đọc theo mã Windows-1258 (sai thì đổi bằng iconv)",
             "Not UTF-8: read as Windows-1258 (if wrong, convert it with iconv)"),
            (try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.viscii.txt"),
             "Tệp không phải UTF-8: đọc theo mã VISCII (sai thì đổi mã bằng iconv)",
             "Not UTF-8: read as VISCII (if wrong, convert it with iconv)"),
            (try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.tcvn3.txt"),
             "Tệp không phải UTF-8: đọc theo mã TCVN3 (ABC) (sai thì đổi mã bằng iconv)",
             "Not UTF-8: read as TCVN3 (ABC) (if wrong, convert it with iconv)"),
            // VNI, which iconv does not know.
            (try DecodingTests.vni("Tiêu đề\n\nNgười dân khắp nơi về dự lễ hội Đền Hùng.\n"),
             "Tệp không phải UTF-8: đọc theo mã VNI (sai thì đổi mã sang UTF-8)",
             "Not UTF-8: read as VNI (if wrong, convert it to UTF-8)"),
            (VIQRTests.viqr("Tiêu đề\n\nNgười dân khắp nơi về dự lễ hội Đền Hùng, đông hơn năm ngoái.\n"),
             "Tệp gõ kiểu VIQR (Vie^.t): đã đọc thành chữ có dấu",
             "Typed in VIQR (Vie^.t): read as Vietnamese letters"),
            // Western text, or one of the rare Vietnamese files no test recognises.
            (try DecodingTests.westernArticle(),
             "Tệp không phải UTF-8: đọc theo mã Windows-1252 (sai thì dùng --encoding)",
             "Not UTF-8: read as Windows-1252, Western (if wrong, use --encoding)"),
        ]
        for (bytes, vi, en) in codes {
            let legacy = try ArticleParser.parse(bytes: bytes)
            var reader = try seedState()
            reader.update(.opened(OpenedArticle(entry: entry, article: legacy)))
            XCTAssertEqual(reader.message, vi)
            // Whole on an 80-column status line, beside the place read at its widest (100%):
            // the way out it names is at its end.
            reader.update(.toEnd)
            reader.message = vi
            XCTAssertTrue(render(reader).grid.text(row: 23).contains(vi), render(reader).grid.text(row: 23))
            reader.update(.toggleLanguage)
            reader.update(.opened(OpenedArticle(entry: entry, article: legacy)))
            XCTAssertEqual(reader.message, en)
            reader.update(.toEnd)
            reader.message = en
            XCTAssertTrue(render(reader).grid.text(row: 23).contains(en), render(reader).grid.text(row: 23))
        }
    }

    /// `J` and `K` open the next and previous article of the library's list as it stands (its
    /// order and filter), leaving the place in this one; at either end, and for a file opened
    /// on its own, the status line says why nothing happens.
    func testJAndKReadOnThroughTheLibrary() throws {
        var s = ReaderState(size: TermSize(width: 80, height: 24))
        let entries = ["a", "b", "c"].map { LibraryEntry(id: "tin/\($0).txt", path: "/l/\($0).txt", category: "tin", title: "Bài \($0)") }
        s.update(.libraryListed(entries))
        func open(_ i: Int) {
            s.update(.opened(OpenedArticle(entry: entries[i], article: Fixtures.parse("Bài \(i)\n\nMột đoạn văn.\n"))))
        }
        open(1)
        XCTAssertEqual(s.action(for: .character("J"), frame: nil), .adjacentArticle(1))
        XCTAssertEqual(s.action(for: .character("K"), frame: nil), .adjacentArticle(-1))
        var effects = s.update(.adjacentArticle(1))
        XCTAssertEqual(effects.last, .open(entries[2]))
        XCTAssertTrue(effects.contains { if case .savePosition(articleID: "tin/b.txt", _) = $0 { return true } else { return false } })
        XCTAssertEqual(s.libraryCursor, 2)
        open(2)
        XCTAssertEqual(s.update(.adjacentArticle(1)), [])
        XCTAssertEqual(s.message, "Đây là bài cuối của danh sách")
        effects = s.update(.adjacentArticle(-1))
        XCTAssertEqual(effects.last, .open(entries[1]))
        open(0)
        XCTAssertEqual(s.update(.adjacentArticle(-1)), [])
        XCTAssertEqual(s.message, "Đây là bài đầu của danh sách")
        // The filter's list: with only a and c in it, c comes after a.
        s.libraryFilter = "bài"
        s.library[1].title = "Tin b"
        open(0)
        XCTAssertEqual(s.update(.adjacentArticle(1)).last, .open(entries[2]))
        XCTAssertEqual(s.libraryCursor, 1, "c's row in the filtered list")
        // A file the library could not read is passed over.
        s.libraryFilter = ""
        s.library[1].problem = .binary(.nulBytes)
        open(0)
        XCTAssertEqual(s.update(.adjacentArticle(1)).last, .open(entries[2]))
        open(2)
        XCTAssertEqual(s.update(.adjacentArticle(-1)).last, .open(entries[0]))
        var single = try seedState()
        single.singleArticle = true
        XCTAssertEqual(single.update(.adjacentArticle(1)), [])
        XCTAssertEqual(single.message, "Không có thư viện để quay lại; nhấn q để thoát")
    }

    /// An article read from standard input has no file: R says so instead of reading again.
    func testReloadOfStandardInputIsRefusedWithAMessage() throws {
        var s = ReaderState(size: TermSize(width: 80, height: 24))
        let entry = LibraryEntry(id: "stdin:0123456789abcdef", path: ArticleFile.standardInput, category: "", title: "-")
        s.update(.opened(OpenedArticle(entry: entry, article: try Fixtures.seed)))
        XCTAssertEqual(s.update(.reload), [])
        XCTAssertEqual(s.message, "Bài đọc từ đầu vào chuẩn: không có tệp để tải lại")
        var file = try seedState()
        XCTAssertEqual(file.update(.reload), [.reload])
    }

    func testEndShowsAuthorAndStartReturns() throws {
        var s = try seedState()
        s.update(.toEnd)
        XCTAssertTrue(render(s).grid.plainText.contains("Tác giả: Đinh Lan"))
        XCTAssertEqual(s.percent, 100)
        s.update(.toStart)
        XCTAssertEqual(s.percent, 0)
    }

    /// Matches are widened to whole characters in one walk; it must give what widening each
    /// match on its own gives, on random text with marks, CJK and emoji.
    func testMatchesSnapToCharactersInOneWalk() {
        func reference(_ r: Range<Int>, _ text: String) -> Range<Int> {
            var start = 0, lower = r.lowerBound, upper = r.upperBound
            for c in text {
                let end = start + c.utf8.count
                if start < r.lowerBound && end > r.lowerBound { lower = start }
                if start < r.upperBound && end > r.upperBound { upper = end }
                if start >= r.upperBound { break }
                start = end
            }
            return lower..<upper
        }
        let pieces = ["a", "o", "\u{302}", "\u{323}", "Đ", "ộ", "中", "👨‍👩‍👧", "🇻🇳", " ", "e\u{301}"]
        var random = SeededGenerator(seed: 5)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 1...20, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let n = text.utf8.count
            var cuts = Set((0..<Int.random(in: 0...6, using: &random)).map { _ in Int.random(in: 0...n, using: &random) }).sorted()
            if cuts.count % 2 == 1 { cuts.removeLast() }
            // Ranges in order, apart by at least a whole character after widening: as matches are.
            var ranges: [Range<Int>] = []
            for p in stride(from: 0, to: cuts.count, by: 2) where cuts[p] < cuts[p + 1] {
                let r = cuts[p]..<cuts[p + 1]
                if let last = ranges.last, reference(last, text).upperBound > reference(r, text).lowerBound { continue }
                ranges.append(r)
            }
            XCTAssertEqual(TextMatcher.snapToCharacters(ranges, in: text), ranges.map { reference($0, text) }, "\(text) \(ranges)")
        }
        // A thousand matches in one 64 KB block.
        let block = String(repeating: "về dự lễ hội Đền Hùng, ", count: 2_000)
        XCTAssertEqual(TextMatcher(query: "Hùng").ranges(in: block).count, 2_000)
    }

    func testSearchIgnoresDiacriticsUnlessTheQueryHasThem() {
        XCTAssertEqual(TextMatcher(query: "hoi nghi").ranges(in: "Hội nghị lần thứ 4").count, 1)
        XCTAssertEqual(TextMatcher(query: "HỘI").ranges(in: "Hội nghị, hồi ức").count, 1)
        XCTAssertEqual(TextMatcher(query: "dong chi").ranges(in: "Đồng chí").count, 1)
        XCTAssertEqual(TextMatcher(query: "hội").ranges(in: "Ho\u{302}\u{323}i").count, 0, "the text is NFC once loaded")
    }

    /// The quick test may say yes wrongly, never no: on random text and queries cut from it
    /// (also with diacritics, other case, NFD), every text with a match passes it.
    func testMightMatchNeverRulesOutAMatch() {
        var rng = SeededGenerator(seed: 11)
        var matched = 0
        for _ in 0..<2000 {
            let text = Normalization.nfc(RandomText.paragraph(&rng, words: Int.random(in: 1...12, using: &rng)))
            let words = text.split(separator: " ")
            var query = String(words.randomElement(using: &rng)!)
            switch Int.random(in: 0...3, using: &rng) {
            case 0: query = query.uppercased()
            case 1: query = TextFolding.fold(query)
            case 2: query = query.decomposedStringWithCanonicalMapping
            default: break
            }
            let matcher = TextMatcher(query: query)
            if !matcher.ranges(in: text).isEmpty {
                matched += 1
                XCTAssertTrue(matcher.mightMatch(text), "\(query) in \(text)")
            }
        }
        XCTAssertGreaterThan(matched, 1000)
        XCTAssertFalse(TextMatcher(query: "điện biên").mightMatch("Hội nghị lần thứ 4"))
    }

    func testNextAndPreviousMatchMoveThroughTheArticle() throws {
        var s = try seedState()
        s.update(.beginSearch)
        for c in "Tỉnh ủy" { s.update(.searchInput(c)) }
        s.update(.searchSubmit)
        let first = s.search.current!
        s.update(.nextMatch)
        let second = s.search.current!
        XCTAssertTrue((second.block, second.range.lowerBound) > (first.block, first.range.lowerBound))
        s.update(.previousMatch)
        XCTAssertEqual(s.search.current!.block, first.block)
        XCTAssertEqual(s.search.current!.range, first.range)
        s.update(.beginSearch)
        for c in "đảng" { s.update(.searchInput(c)) }
        s.update(.searchSubmit)
        // The status line says which match of how many; counted here from the blocks' text.
        let blocks = s.document!.layout.blocks
        let total = (0..<blocks.count).reduce(0) { $0 + blocks[$1]!.text.lowercased().components(separatedBy: "đảng").count - 1 }
        XCTAssertGreaterThan(total, 5)
        XCTAssertEqual(s.message, "Kết quả 1/\(total)")
        s.update(.nextMatch)
        XCTAssertEqual(s.message, "Kết quả 2/\(total)")
        s.update(.previousMatch)
        s.update(.previousMatch)  // round the start to the last, and the status line says so
        XCTAssertEqual(s.message, "Kết quả \(total)/\(total) · tìm tiếp từ cuối bài")
        XCTAssertTrue(render(s).grid.text(row: 23).contains("Kết quả \(total)/\(total) · tìm tiếp từ cuối bài"))
        s.update(.nextMatch)  // and back round the end
        XCTAssertEqual(s.message, "Kết quả 1/\(total) · tìm tiếp từ đầu bài")
        s.update(.nextMatch)
        XCTAssertEqual(s.message, "Kết quả 2/\(total)")
        s.update(.scroll(1))
        XCTAssertNil(s.message)
        // The counts are kept between steps, and counted again when the blocks change: in
        // English the rating line no longer says "đánh giá".
        s.update(.beginSearch)
        for c in "giá" { s.update(.searchInput(c)) }
        s.update(.searchSubmit)
        let vi = try XCTUnwrap(s.message?.split(separator: "/").last.flatMap { Int($0) })
        s.update(.toggleLanguage)
        s.update(.nextMatch)
        let en = try XCTUnwrap(s.message?.split(separator: "/").last.flatMap { Int($0) })
        XCTAssertTrue(s.message!.hasPrefix("Match "), s.message!)
        XCTAssertEqual(en, vi - 1)
        s.update(.toggleLanguage)
        s.update(.beginSearch)
        for c in "không có trong bài" { s.update(.searchInput(c)) }
        s.update(.searchSubmit)
        XCTAssertEqual(s.message, "Không tìm thấy: không có trong bài")
    }

    /// Counts past a thousand are grouped as the sidebar's are: `1.200` in Vietnamese, `1,200`
    /// in English — the search's match numbers and the library's article count.
    func testLargeCountsAreGroupedAsTheSidebarGroupsThem() throws {
        let article = Fixtures.parse("Title: Mưa\n\n" + Array(repeating: "mưa rào", count: 1_200).joined(separator: " ") + "\n")
        var s = ReaderState(size: TermSize(width: 80, height: 24))
        s.update(.opened(OpenedArticle(entry: LibraryEntry(id: "a", path: "", category: "", title: "t"), article: article)))
        s.update(.beginSearch)
        for c in "rào" { s.update(.searchInput(c)) }
        s.update(.searchSubmit)
        XCTAssertEqual(s.message, "Kết quả 1/1.200")
        s.update(.toggleLanguage)
        s.update(.previousMatch)
        XCTAssertEqual(s.message, "Match 1,200/1,200 · continued from the bottom")

        var library = ReaderState(size: TermSize(width: 100, height: 24))
        library.update(.libraryListed((1...1_234).map { LibraryEntry(id: "\($0)", path: "\($0).txt", category: "", title: "Bài \($0)") }))
        XCTAssertTrue(render(library).grid.text(row: 23).contains("Thư viện · 1.234 bài viết"), render(library).grid.text(row: 23))
        library.update(.toggleLanguage)
        XCTAssertTrue(render(library).grid.text(row: 23).contains("Library · 1,234 articles"), render(library).grid.text(row: 23))
    }

    /// A change on disk is said on the status line, stays through keys and other messages,
    /// and goes when the article is read again.
    func testFileChangedOnDiskStaysOnTheStatusLineUntilReload() throws {
        var s = try seedState()
        let status = { (s: ReaderState) in render(s).grid.text(row: 23) }
        XCTAssertFalse(status(s).contains("Tệp đã thay đổi"))
        XCTAssertEqual(s.update(.fileChangedOnDisk), [])
        XCTAssertTrue(status(s).contains("Tệp đã thay đổi; nhấn R để tải lại"), status(s))
        s.update(.page(1))
        s.update(.sizeUp)  // its own message ("Cỡ chữ 6") comes first, then the notice again
        XCTAssertFalse(status(s).contains("Tệp đã thay đổi"), status(s))
        s.update(.scroll(1))
        XCTAssertTrue(status(s).contains("Tệp đã thay đổi"), status(s))
        XCTAssertEqual(s.update(.reload), [.reload])
        let doc = s.document!
        s.update(.opened(OpenedArticle(entry: doc.entry, article: doc.article, position: doc.anchor)))
        XCTAssertFalse(status(s).contains("Tệp đã thay đổi"), status(s))
        s.settings.language = .en
        s.update(.fileChangedOnDisk)
        XCTAssertTrue(status(s).contains("The file changed; press R to reload"), status(s))
    }

    /// A file that cannot be opened is named with the reason, in the interface's language, on
    /// the status line; a message too long to sit beside the key hints takes their room, and
    /// the hints come back with the next key.
    func testOpenFailuresAreSaidInTheInterfacesLanguage() throws {
        let cases: [(ContentError, String, String)] = [
            (.notFound, "không có tệp này", "no such file"),
            (.isDirectory, "là thư mục", "is a folder"),
            (.notRegularFile, "không phải tệp thường", "not a regular file"),
            (.permissionDenied, "không có quyền đọc", "permission denied"),
            (.unreadable("Input/output error"), "không đọc được (Input/output error)", "cannot be read (Input/output error)"),
            (.binary(.nulBytes), "không phải văn bản (có byte NUL)", "not text (it has NUL bytes)"),
            (.binary(.controlBytes), "không phải văn bản (nhiều byte điều khiển)", "not text (mostly control bytes)"),
            (.terminalInput, "là terminal; hãy dẫn bài viết vào", "is the terminal; pipe an article in"),
        ]
        for (error, vi, en) in cases {
            for (language, expected) in [(UILanguage.vi, vi), (.en, en)] {
                var s = ReaderState(size: TermSize(width: 120, height: 24))
                s.settings.language = language
                s.update(.openFailed(path: "the-gioi/x.txt", error: error))
                XCTAssertEqual(s.message?.hasPrefix("the-gioi/x.txt: "), true)
                XCTAssertTrue(s.message?.contains(expected) == true, "\(language): \(s.message ?? "nil")")
            }
        }
        var s = try seedState()
        let status = { (s: ReaderState) in render(s).grid.text(row: 23) }
        let hints = "q thoát · / tìm · ? trợ giúp"
        s.update(.showMessage("Cỡ chữ 6"))
        XCTAssertTrue(status(s).contains(hints), "a short message leaves the hints: \(status(s))")
        s.update(.openFailed(path: "van-hoa/le-hoi-den-hung.txt", error: .binary(.controlBytes)))
        let message = try XCTUnwrap(s.message)
        XCTAssertGreaterThan(DisplayWidth.of(message), 80 - DisplayWidth.of(hints) - 8)
        XCTAssertTrue(status(s).contains(message), "the whole message: \(status(s))")
        XCTAssertFalse(status(s).contains(hints))
        XCTAssertTrue(status(s).contains("0%"), "the place read stays")
        s.update(.scroll(1))
        XCTAssertTrue(status(s).contains(hints), status(s))
    }

    /// While a query is typed, the key hints give way and a query too long for the status
    /// line keeps its end, where the next character goes, in sight.
    func testATypedQueryKeepsItsEndInSight() throws {
        var s = try seedState(60, 12)
        s.update(.beginSearch)
        let query = "Ban Chấp hành Đảng bộ tỉnh tổ chức Hội nghị lần thứ tư năm hai nghìn"
        for c in query { s.update(.searchInput(c)) }
        let status = render(s).grid.text(row: 11)
        XCTAssertTrue(status.hasPrefix(" Tìm: …"), status)
        XCTAssertTrue(status.contains("năm hai nghìn▏"), status)
        XCTAssertFalse(status.contains("q thoát"), status)
        XCTAssertLessThanOrEqual(DisplayWidth.of(status), 60)
        s.update(.searchCancel)
        XCTAssertTrue(render(s).grid.text(row: 11).contains("q thoát"))
        XCTAssertEqual(fittedFromEnd("abcdef", 4), "…def")
        XCTAssertEqual(fittedFromEnd("ab中文", 4), "…文")
        XCTAssertEqual(fittedFromEnd("abc", 3), "abc")
    }

    /// Help that fits closes on any key; help longer than the window scrolls with the reading
    /// keys, shows arrows where more lies, and every line can be reached.
    func testHelpScrollsWhenTheWindowIsTooShort() throws {
        var tall = try seedState(80, 24)
        tall.update(.toggleHelp)
        XCTAssertFalse(tall.helpOverflows)
        XCTAssertEqual(tall.action(for: .character("j"), frame: nil), .toggleHelp)
        XCTAssertTrue(render(tall).grid.plainText.contains("Nhấn phím bất kỳ để đóng"))

        var s = try seedState(44, 12)
        s.update(.toggleHelp)
        XCTAssertTrue(s.helpOverflows)
        XCTAssertEqual(s.action(for: .character("j"), frame: nil), .helpScroll(1))
        XCTAssertEqual(s.action(for: .mouse(MouseEvent(.wheelDown, x: 5, y: 5)), frame: nil), .helpScroll(3))
        XCTAssertEqual(s.action(for: .character("x"), frame: nil), .toggleHelp)
        var seen = Set<String>()
        var frames = 0
        while true {
            let text = render(s).grid.plainText
            for line in text.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("│") {
                seen.insert(line.trimmingCharacters(in: .whitespaces))
            }
            let rows = text.split(separator: "\n")
            let topBorder = rows.first { $0.contains("┌") }!, bottomBorder = rows.first { $0.contains("└") }!
            XCTAssertEqual(topBorder.contains("↑"), s.helpTop > 0, text)
            XCTAssertEqual(bottomBorder.contains("↓"), s.helpTop < s.helpMaxTop, text)
            frames += 1
            if s.helpTop == s.helpMaxTop { break }
            guard let action = s.action(for: .key(.down), frame: nil) else { return XCTFail("no scroll") }
            s.update(action)
        }
        XCTAssertEqual(frames, s.helpMaxTop + 1)
        // Every row was shown, and lines wider than the box were wrapped, not cut: every word
        // of the help is in the box at some point.
        for line in s.helpLines where !line.isEmpty {
            XCTAssertTrue(seen.contains { $0.contains(line) }, line)
        }
        for line in s.helpSourceLines(scrolls: true) {
            for word in line.split(whereSeparator: \.isWhitespace) { XCTAssertTrue(seen.contains { $0.contains(word) }, String(word)) }
        }
        XCTAssertFalse(seen.contains { $0.contains("…") }, "\(seen)")
        XCTAssertGreaterThan(s.helpLines.count, s.helpSourceLines(scrolls: true).count, "some lines wrap at 44 columns")
        XCTAssertTrue(s.helpLines.last!.contains("cuộn"))
        s.update(s.action(for: .key(.pageUp), frame: nil)!)
        s.update(s.action(for: .character("g"), frame: nil)!)
        XCTAssertEqual(s.helpTop, 0)
        s.update(s.action(for: .character("q"), frame: nil)!)
        XCTAssertFalse(s.helpVisible)
        s.update(.toggleHelp)
        XCTAssertEqual(s.helpTop, 0, "opens at its top again")
    }

    func testToolbarClicksMapToActions() throws {
        let s = try seedState(120, 30)
        let f = render(s)
        let row = f.grid.text(row: 0)
        for (label, action) in [("A+", Action.sizeUp), ("Tăng tương phản", .contrastUp), ("Giảm tương phản", .contrastDown)] {
            let x = DisplayWidth.of(row[..<row.range(of: label)!.lowerBound])
            XCTAssertEqual(f.action(atX: x, y: 0), action, label)
        }
        XCTAssertEqual(s.action(for: .mouse(MouseEvent(.wheelDown, x: 5, y: 5)), frame: f), .scroll(3))
        // The breadcrumb's home link goes back to the library; not when there is none.
        XCTAssertTrue(f.grid.text(row: 1).hasPrefix(" Trang chủ › "))
        for x in 1...9 { XCTAssertEqual(f.action(atX: x, y: 1), .back, "x \(x)") }
        XCTAssertNil(f.action(atX: 11, y: 1))
        var single = s
        single.singleArticle = true
        XCTAssertNil(render(single).action(atX: 3, y: 1))
    }

    func testClickingAStarInTheRatingLineRates() throws {
        var s = try seedState()
        s.update(.toEnd)
        let f = render(s)
        let stars = f.regions.compactMap { r -> (Int, Int)? in
            if case .rate(let n) = r.action { return (n, r.x) }
            return nil
        }
        XCTAssertEqual(stars.map(\.0), [1, 2, 3, 4, 5])
        XCTAssertEqual(stars.map(\.1), Array(stars[0].1..<(stars[0].1 + 5)))
        let row = f.regions.first { $0.action == .rate(3) }!
        XCTAssertEqual(f.grid[row.x, row.y].text, "☆")
        XCTAssertEqual(s.update(.rate(3)), [.rate(articleID: "a", stars: 3)])
        // Once rated, the stars fill up to the average, and every one can still be clicked.
        s.update(.statsAvailability(true))
        s.update(.statsChanged(SidebarStats(articleRating: RatingSummary(points: 4, votes: 1))))
        s.update(.toEnd)
        let rated = render(s)
        let cells = rated.regions.filter { if case .rate = $0.action { return true }; return false }
            .map { rated.grid[$0.x, $0.y].text }
        XCTAssertEqual(cells.joined(), "★★★★☆")
        XCTAssertTrue(rated.grid.plainText.contains("Tổng số điểm của bài viết là: 4 trong 1 đánh"), rated.grid.plainText)
    }

    /// The stars show the average rounded; the line reads right in English for one vote.
    /// Reading times fit the sidebar: minutes, then hours to a tenth, then whole hours.
    func testReadingTimeFitsTheSidebar() throws {
        let vi = Strings(.vi), en = Strings(.en)
        let cases: [(Int, String, String)] = [(1, "1 phút", "1 min"), (59, "59 phút", "59 min"), (60, "1 giờ", "1 h"),
                                              (90, "1,5 giờ", "1.5 h"), (599, "10 giờ", "10 h"), (200_000, "3.333 giờ", "3,333 h")]
        for (minutes, v, e) in cases {
            XCTAssertEqual(vi.readingTime(minutes: minutes), v)
            XCTAssertEqual(en.readingTime(minutes: minutes), e)
        }
        // A page of a 10 MB line: the sidebar shows hours whole, not cut.
        var s = try seedState()
        let line = String(repeating: "người dân khắp nơi về dự lễ hội ", count: 50_000)
        s.update(.opened(OpenedArticle(entry: LibraryEntry(id: "x", path: "", category: "", title: "x"),
                                       article: try ArticleParser.parse(bytes: Array(line.utf8)))))
        let sidebar = render(s).grid.plainText
        let shown = try XCTUnwrap(sidebar.split(separator: "\n").first { $0.contains("Thời gian đọc") })
        XCTAssertTrue(shown.hasSuffix(" giờ"), String(shown))
        XCTAssertFalse(shown.contains("…"), String(shown))
    }

    func testRatingStarsAndLine() {
        let cases: [(Int, Int, String)] = [(0, 0, "☆☆☆☆☆"), (5, 1, "★★★★★"), (23, 5, "★★★★★"), (22, 5, "★★★★☆"),
                                           (7, 2, "★★★★☆"), (3, 3, "★☆☆☆☆"), (1, 4, "☆☆☆☆☆")]
        for (points, votes, stars) in cases {
            XCTAssertEqual(ArticleBlocks.ratingStars(Rating(points: points, votes: votes)), stars, "\(points)/\(votes)")
        }
        let line = "Total score of this article: 4 from 1 rating  ★★★★☆"
        let start = line.utf8.count - 15
        XCTAssertEqual((0..<15).map { ArticleBlocks.star(atOffset: start + $0, in: line) }, (1...5).flatMap { Array(repeating: $0, count: 3) })
        XCTAssertNil(ArticleBlocks.star(atOffset: start - 1, in: line))
        XCTAssertNil(ArticleBlocks.star(atOffset: 3, in: "no stars here at all"))
        let blocks = ArticleBlocks.make(Article(title: "t"), strings: Strings(.en), rating: Rating(points: 4, votes: 1))
        XCTAssertEqual(blocks[blocks.count - 1]?.text, line)
        let two = ArticleBlocks.make(Article(title: "t"), strings: Strings(.en), rating: Rating(points: 9, votes: 2))
        XCTAssertEqual(two[two.count - 1]?.text, "Total score of this article: 9 from 2 ratings  ★★★★★")
    }

    func testKeysInSearchModeAreText() throws {
        var s = try seedState()
        s.update(.beginSearch)
        XCTAssertEqual(s.action(for: .character("q"), frame: nil), .searchInput("q"))
        s.update(.searchCancel)
        XCTAssertEqual(s.action(for: .character("q"), frame: nil), .quit)
        XCTAssertEqual(s.action(for: .key(.control("c")), frame: nil), .quit)
    }

    /// At a prompt, Ctrl-W takes the last word and Ctrl-U all that was typed, as in a shell;
    /// elsewhere the Ctrl keys of less and vi move through the article and the library.
    func testControlKeysEditPromptsAndMoveAsInLess() throws {
        var s = try seedState()
        s.update(.beginSearch)
        for c in "hội nghị  lần" { s.update(.searchInput(c)) }
        XCTAssertEqual(s.action(for: .key(.control("w")), frame: nil), .searchErase(.word))
        s.update(.searchErase(.word))
        XCTAssertEqual(s.search.input, "hội nghị  ")
        s.update(.searchErase(.word))
        XCTAssertEqual(s.search.input, "hội ")
        XCTAssertEqual(s.action(for: .key(.control("u")), frame: nil), .searchErase(.all))
        s.update(.searchErase(.all))
        XCTAssertEqual(s.search.input, "")
        XCTAssertTrue(s.search.editing, "the prompt stays open")
        s.update(.searchErase(.word))
        XCTAssertEqual(s.search.input, "")
        s.update(.searchCancel)

        let moves: [(Character, Action)] = [("n", .scroll(1)), ("e", .scroll(1)), ("p", .scroll(-1)), ("y", .scroll(-1)),
                                            ("f", .page(1)), ("b", .page(-1)), ("d", .halfPage(1)), ("u", .halfPage(-1))]
        for (key, action) in moves { XCTAssertEqual(s.action(for: .key(.control(key)), frame: nil), action, "^\(key)") }
        XCTAssertEqual(s.action(for: .key(.control("l")), frame: nil), .redraw)
        XCTAssertNil(s.action(for: .key(.control("w")), frame: nil))

        var library = ReaderState(size: TermSize(width: 80, height: 24))
        library.update(.libraryListed((1...40).map { LibraryEntry(id: "\($0)", path: "", category: "", title: "Bài \($0)") }))
        XCTAssertEqual(library.action(for: .key(.control("n")), frame: nil), .libraryMove(1))
        XCTAssertEqual(library.action(for: .key(.control("p")), frame: nil), .libraryMove(-1))
        library.update(.beginFilter)
        for c in "bài 1" { library.update(.filterInput(c)) }
        XCTAssertEqual(library.action(for: .key(.control("w")), frame: nil), .filterErase(.word))
        library.update(.filterErase(.word))
        XCTAssertEqual(library.libraryFilter, "bài ")
        library.update(.filterErase(.all))
        XCTAssertEqual(library.libraryFilter, "")
        XCTAssertEqual(library.visibleLibrary.count, 40)
        // While a filter is typed, the keys that type nothing move the selection.
        XCTAssertEqual(library.action(for: .key(.control("n")), frame: nil), .libraryMove(1))
        XCTAssertEqual(library.action(for: .key(.control("p")), frame: nil), .libraryMove(-1))
        XCTAssertEqual(library.action(for: .key(.down), frame: nil), .libraryMove(1))
        XCTAssertEqual(library.action(for: .key(.pageDown), frame: nil), .libraryMove(library.paneHeight - 1))
        XCTAssertEqual(library.action(for: .key(.pageUp), frame: nil), .libraryMove(-(library.paneHeight - 1)))
        XCTAssertEqual(library.action(for: .character("j"), frame: nil), .filterInput("j"))
        library.update(.libraryMove(1))
        library.update(.libraryMove(1))
        XCTAssertEqual(library.libraryCursor, 2)
        XCTAssertTrue(library.filtering, "moving leaves the prompt open")
    }

    /// The library filter finds a row by its title, its byline, or its section as the heading
    /// names it (in either language, with or without diacritics) or as its folder is named.
    func testTheLibraryFilterMatchesTitlesBylinesAndSectionsAsShown() {
        let entries = [
            LibraryEntry(id: "thoi-su/a.txt", path: "", category: "thoi-su", title: "Hội nghị lần thứ 4", byline: "Đinh Lan"),
            LibraryEntry(id: "cong-nghe/b.txt", path: "", category: "cong-nghe", title: "Trạm sạc xe điện", byline: "Lê Thu Hà"),
            LibraryEntry(id: "the-gioi/chau-a/c.txt", path: "", category: "the-gioi/chau-a", title: "Community library"),
            LibraryEntry(id: "d.txt", path: "", category: "", title: "Ghi chú"),
        ]
        func ids(_ filter: String) -> [String] { filteredLibrary(entries, filter: filter).map(\.id) }
        XCTAssertEqual(ids(""), entries.map(\.id))
        XCTAssertEqual(ids("hoi nghi"), ["thoi-su/a.txt"])
        XCTAssertEqual(ids("thu ha"), ["cong-nghe/b.txt"])
        XCTAssertEqual(ids("thời sự"), ["thoi-su/a.txt"])
        XCTAssertEqual(ids("thoi su"), ["thoi-su/a.txt"])
        XCTAssertEqual(ids("thoi-su"), ["thoi-su/a.txt"])
        XCTAssertEqual(ids("Công nghệ"), ["cong-nghe/b.txt"])
        XCTAssertEqual(ids("technology"), ["cong-nghe/b.txt"])
        XCTAssertEqual(ids("chau a"), ["the-gioi/chau-a/c.txt"], "a folder inside another, by its shown name")
        XCTAssertEqual(ids("world"), ["the-gioi/chau-a/c.txt"])
        XCTAssertEqual(ids(Strings(.vi)[.uncategorized]), ["d.txt"])
        XCTAssertEqual(ids("thời sư"), [], "diacritics in the query count")
        XCTAssertEqual(ids("kinh tế"), [])
    }

    func testBothCataloguesAreCompleteAndAgreeOnPlaceholders() {
        // The switches make every key present; this checks that none is left empty and that a
        // translation fills the same placeholders as the other language.
        func placeholders(_ text: String) -> [Character] {
            zip(text, text.dropFirst()).filter { $0.0 == "%" && $0.1.isNumber }.map(\.1).sorted()
        }
        for key in StringKey.allCases {
            let vi = Strings.text(key, in: .vi), en = Strings.text(key, in: .en)
            XCTAssertFalse(vi.isEmpty, "vi lacks \(key)")
            XCTAssertFalse(en.isEmpty, "en lacks \(key)")
            XCTAssertEqual(placeholders(vi), placeholders(en), "\(key): placeholders differ")
            // A help line is keys and meaning in both languages, or prose in both.
            XCTAssertEqual(vi.filter { $0 == "\t" }.count, en.filter { $0 == "\t" }.count, "\(key): tabs differ")
            XCTAssertLessThanOrEqual(vi.filter { $0 == "\t" }.count, 1, "\(key)")
        }
    }

    func testPlaceholdersAreFilledInOrderAndStrayPercentsKept() {
        XCTAssertEqual(Strings(.vi).format(.ratingLine, 12, 3), "Tổng số điểm của bài viết là: 12 trong 3 đánh giá")
        XCTAssertEqual(Strings(.en).format(.author, "Đinh Lan"), "Author: Đinh Lan")
        XCTAssertEqual(Strings(.en).format(.author, "50% of %2"), "Author: 50% of %2", "arguments are not re-read")
        for language in UILanguage.allCases {
            for key in StringKey.allCases {
                XCTAssertFalse(Strings(language).format(key, "x", "y", "z").contains("%1"), "\(language) \(key)")
            }
        }
    }

    func testNumberGrouping() {
        XCTAssertEqual(UILanguage.vi.grouped(64_226_919), "64.226.919")
        XCTAssertEqual(UILanguage.en.grouped(64_226_919), "64,226,919")
        XCTAssertEqual(UILanguage.vi.grouped(730), "730")
        XCTAssertEqual(UILanguage.fromEnvironment(["LANG": "en_US.UTF-8"]), .en)
        XCTAssertEqual(UILanguage.fromEnvironment(["LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"]), .vi)
        XCTAssertEqual(UILanguage.fromEnvironment([:]), .vi)
    }

    func testEverySizeFromOneByOneRendersWithinItsBounds() throws {
        var s = try seedState()
        for w in stride(from: 1, through: 300, by: 7) {
            for h in stride(from: 1, through: 100, by: 9) {
                s.update(.resize(TermSize(width: w, height: h)))
                let f = render(s)
                XCTAssertEqual(f.grid.cells.count, w * h)
            }
        }
    }

    /// The hidden cursor sits where the reader's attention is, for screen readers and braille
    /// displays: the first line of text, the typed query's end, the help, the selected row.
    func testFocusFollowsWhatTheReaderLooksAt() throws {
        var s = try seedState(80, 24)
        var f = render(s)
        let firstText = try XCTUnwrap((2..<23).first { !f.grid.text(row: $0).prefix(s.paneWidth).allSatisfy(\.isWhitespace) })
        XCTAssertEqual(f.focus.y, firstText)
        XCTAssertEqual(f.focus.x, s.geometry().left, "at the text's first column")
        XCTAssertNotEqual(f.grid[f.focus.x, f.focus.y].text, " ")

        s.update(.beginSearch)
        for c in "hội" { s.update(.searchInput(c)) }
        f = render(s)
        XCTAssertEqual(f.focus.y, 23)
        XCTAssertEqual(f.grid[f.focus.x, 23].text, "▏", "on the bar where the next character goes")
        XCTAssertEqual(f.grid[f.focus.x - 1, 23].text, "i")
        s.update(.searchCancel)

        s.update(.toggleHelp)
        f = render(s)
        XCTAssertTrue(f.grid.text(row: f.focus.y).dropFirst(f.focus.x).hasPrefix(s.strings[.helpTitle]), f.grid.text(row: f.focus.y))
        s.update(.toggleHelp)

        var library = ReaderState(size: TermSize(width: 80, height: 24))
        library.update(.libraryListed((1...3).map { LibraryEntry(id: "\($0)", path: "\($0).txt", category: "thoi-su", title: "Bài \($0)") }))
        library.update(.libraryMove(1))
        f = render(library)
        XCTAssertTrue(f.grid.text(row: f.focus.y).dropFirst(f.focus.x).hasPrefix("Bài 2"), f.grid.text(row: f.focus.y))
    }

    /// `}` puts the next section heading at the top; `{` the current section's, or the start.
    func testSectionKeysMoveBetweenHeadings() throws {
        let prose = String(repeating: "Đoạn văn dài của bài viết kể tiếp câu chuyện về hội nghị. ", count: 6)
        var text = "Title: Các mục\n\n" + prose + "\n\n"
        for name in ["Một", "Hai", "Ba"] { text += "## Mục \(name)\n\n" + prose + "\n\n" + prose + "\n\n" }
        var s = ReaderState(size: TermSize(width: 60, height: 12))
        s.update(.opened(OpenedArticle(entry: LibraryEntry(id: "m", path: "", category: "", title: "m"), article: Fixtures.parse(text))))
        func topText() -> String {
            let doc = s.document!
            guard let row = doc.layout.row(at: doc.top), case .text(let line, _) = row.kind else { return "" }
            return String(doc.layout.text(of: line, in: row.block))
        }
        XCTAssertEqual(s.action(for: .character("}"), frame: nil), .nextSection)
        XCTAssertEqual(s.action(for: .character("{"), frame: nil), .previousSection)
        s.update(.nextSection)
        XCTAssertEqual(topText(), "Mục Một")
        s.update(.nextSection)
        XCTAssertEqual(topText(), "Mục Hai")
        s.update(.scroll(3))
        s.update(.previousSection)
        XCTAssertEqual(topText(), "Mục Hai", "back to the start of the section being read")
        s.update(.previousSection)
        XCTAssertEqual(topText(), "Mục Một")
        s.update(.previousSection)
        XCTAssertEqual(s.document!.top, RowPosition(block: 0, row: 0), "before the first heading: the start")
        s.update(.nextSection)
        s.update(.nextSection)
        s.update(.nextSection)
        XCTAssertEqual(topText(), "Mục Ba")
        s.update(.nextSection)
        XCTAssertEqual(s.message, s.strings[.noNextSection])
        XCTAssertEqual(topText(), "Mục Ba")
    }

    /// In a large file the next heading is found in the lazy middle.
    func testSectionKeysInALargeFile() throws {
        let article = try ArticleParser.parse(bytes: Array(LargeArticleTests.pageDump(size: 600_000, seed: 3).utf8))
        let body = try XCTUnwrap(article.body)
        var s = ReaderState(size: TermSize(width: 80, height: 24))
        s.update(.opened(OpenedArticle(entry: LibraryEntry(id: "big", path: "", category: "", title: "t"), article: article)))
        s.update(.toEnd)
        s.update(.page(-40))
        let from = s.document!.anchor.block
        s.update(.nextSection)
        let at = s.document!.anchor.block
        XCTAssertEqual(s.document!.layout.block(at)?.role, .heading)
        let blocks = s.document!.layout.blocks
        XCTAssertFalse(((from + 1)..<at).contains { blocks[$0]?.role == .heading }, "the first heading after the top")
        XCTAssertGreaterThan(at, blocks.leading.count, "in the middle")
        XCTAssertLessThan(at, blocks.leading.count + body.count)
    }
}

final class ThemeTests: XCTestCase {
    /// The written-out equality tells apart styles that differ in any one field, and agrees
    /// with hashing.
    func testStylesDifferingInOneFieldAreUnequal() {
        let base = CellStyle(fg: .indexed(6), bg: .default)
        let variants: [CellStyle] = [
            CellStyle(fg: .indexed(7), bg: .default), CellStyle(fg: .default, bg: .default),
            CellStyle(fg: .indexed(6), bg: .indexed(6)), CellStyle(fg: .indexed(6), bold: true),
            CellStyle(fg: .indexed(6), dim: true), CellStyle(fg: .indexed(6), italic: true),
            CellStyle(fg: .indexed(6), underline: true), CellStyle(fg: .indexed(6), reverse: true),
        ]
        XCTAssertEqual(base, CellStyle(fg: .indexed(6)))
        XCTAssertEqual(base.hashValue, CellStyle(fg: .indexed(6)).hashValue)
        for v in variants { XCTAssertNotEqual(base, v, "\(v)") }
        XCTAssertNotEqual(TermColor.default, .indexed(0))
        XCTAssertEqual(TermColor.indexed(0), .indexed(0))
    }

    /// WCAG 2 contrast of every foreground/background pair, from the xterm-256 palette.
    func testContrastRatios() {
        for variant in ThemeVariant.allCases {
            var bodyRatios: [Double] = []
            for (level, minimum) in [(ContrastLevel.reduced, 3.0), (.high, 7.0), (.maximum, 15.0)] {
                let theme = ThemeCatalog.theme(level, variant)
                for (role, style) in theme.styles {
                    guard case .indexed(let fg) = style.fg, case .indexed(let bg) = style.bg else {
                        return XCTFail("\(level) \(variant) \(role) has a default colour")
                    }
                    XCTAssertGreaterThanOrEqual(Palette256.contrast(fg, bg), minimum, "\(level) \(variant) \(role)")
                }
                if case .indexed(let fg) = theme.style(.body).fg, case .indexed(let bg) = theme.style(.body).bg {
                    bodyRatios.append(Palette256.contrast(fg, bg))
                }
            }
            XCTAssertEqual(bodyRatios, bodyRatios.sorted())
            XCTAssertEqual(Set(bodyRatios).count, 3, "body contrast strictly rises")
        }
        XCTAssertEqual(Palette256.contrast(16, 231), 21, accuracy: 0.01)
    }

    func testDegradesTo8ColoursAndMonochrome() {
        for level in ContrastLevel.allCases {
            let eight = ThemeCatalog.theme(level, .dark).degraded(to: .eight)
            for (_, s) in eight.styles {
                for c in [s.fg, s.bg] { if case .indexed(let i) = c { XCTAssertLessThan(i, 8) } }
                if s.fg != .default { XCTAssertNotEqual(s.fg, s.bg) }
            }
            let mono = ThemeCatalog.theme(level, .dark).degraded(to: .monochrome)
            for (_, s) in mono.styles { XCTAssertEqual(s.fg, .default); XCTAssertEqual(s.bg, .default) }
            XCTAssertTrue(mono.style(.searchMatch).reverse)
            XCTAssertTrue(mono.style(.status).reverse)
        }
    }

    func testLevelTableIsMonotonic() {
        for (a, b) in zip(SizeLevel.all, SizeLevel.all.dropFirst()) {
            XCTAssertLessThanOrEqual(b.measure ?? Int.max, a.measure ?? Int.max)
            XCTAssertGreaterThanOrEqual(b.margin, a.margin)
            XCTAssertGreaterThanOrEqual(b.lineGap, a.lineGap)
            XCTAssertGreaterThanOrEqual(b.paragraphGap, a.paragraphGap)
            XCTAssertTrue(!a.boldBody || b.boldBody)
        }
        XCTAssertNil(SizeLevel.all.first!.measure)
        XCTAssertEqual(SizeLevel.all.first!.lineGap, 0)
        XCTAssertTrue(SizeLevel.all.last!.boldBody)
        XCTAssertEqual(SizeLevel.all.last!.lineGap, 1)
        XCTAssertGreaterThanOrEqual(SizeLevel.all.count, 9)
    }

    func testDoubleSizeRowPlan() throws {
        var s = ReaderState(size: TermSize(width: 100, height: 30))
        s.doubleSizeGlyphs = true
        s.settings.sizeLevel = 6
        s.update(.opened(OpenedArticle(entry: LibraryEntry(id: "a", path: "", category: "", title: "t"), article: try Fixtures.seed)))
        let rows = render(s).grid.rowAttributes
        XCTAssertTrue(rows.contains(.doubleTop) && rows.contains(.doubleBottom))
        s.doubleSizeGlyphs = false
        s.relayout()
        XCTAssertFalse(render(s).grid.rowAttributes.contains(.doubleTop))
        XCTAssertFalse(GlyphMode.auto.enabled(environment: ["TMUX": "/tmp/x", "XTERM_VERSION": "XTerm(380)"]))
        XCTAssertTrue(GlyphMode.auto.enabled(environment: ["XTERM_VERSION": "XTerm(380)", "TERM": "xterm-256color"]))
        XCTAssertFalse(GlyphMode.auto.enabled(environment: ["TERM": "xterm-256color"]))
        XCTAssertEqual(GlyphMode.auto.doubleSizeProtocol(environment: ["KITTY_WINDOW_ID": "1", "TERM": "xterm-kitty"]), .kittyTextSizing)
        XCTAssertEqual(GlyphMode.on.doubleSizeProtocol(environment: ["TMUX": "x"]), .decLines)
        XCTAssertNil(GlyphMode.off.doubleSizeProtocol(environment: ["XTERM_VERSION": "1"]))
    }

    /// In a double-size row each cell is two columns wide: a quote's and a caption's bar must
    /// stand in the cell just before their text, not where a single-size row has it (which the
    /// text then covered, at the levels with margins).
    func testBarsStandBeforeTheirTextInDoubleSizeRows() throws {
        for level in [8, 9] {
            var s = ReaderState(size: TermSize(width: 100, height: 40))
            s.doubleSizeGlyphs = true
            s.settings.sizeLevel = level
            let article = ArticleParser.parse(text: "# Thử\n\nĐoạn.\n\n> Trích dẫn.\n\n[Ảnh: Chú thích]\n")
            s.update(.opened(OpenedArticle(entry: LibraryEntry(id: "a", path: "", category: "", title: "t"), article: article)))
            let frame = render(s)
            for text in ["Trích dẫn.", "Chú thích"] {
                let y = try XCTUnwrap((0..<frame.grid.height).first { frame.grid.text(row: $0).contains(text) }, "\(level) \(text)")
                XCTAssertEqual(frame.grid.rowAttributes[y], .doubleTop, "level \(level)")
                let row = frame.grid.text(row: y)
                XCTAssertTrue(row.contains("▍" + text), "level \(level): \(row)")
            }
        }
    }

    /// The sequences, then the cursor put back where curses left it (here row 3, column 5).
    func testDoubleSizeSequences() {
        var g = Grid(width: 10, height: 3)
        g.put("Ab", x: 2, y: 0, style: .plain)
        g.put("Ab", x: 2, y: 1, style: .plain)
        g.rowAttributes = [.doubleTop, .doubleBottom, .single]
        let cursor = GridPoint(x: 4, y: 2), back = "\u{1B}[3;5H"
        XCTAssertEqual(DoubleSizeSequences.sequences(for: g, previous: [], using: .decLines, cursor: cursor),
                       "\u{1B}[1;1H\u{1B}#3\u{1B}[2;1H\u{1B}#4" + back)
        XCTAssertEqual(DoubleSizeSequences.sequences(for: g, previous: g.rowAttributes, using: .decLines, cursor: cursor), "")
        var single = g
        single.rowAttributes = [.single, .single, .single]
        XCTAssertEqual(DoubleSizeSequences.sequences(for: single, previous: g.rowAttributes, using: .decLines, cursor: cursor),
                       "\u{1B}[1;1H\u{1B}#5\u{1B}[2;1H\u{1B}#5" + back)
        XCTAssertEqual(DoubleSizeSequences.sequences(for: g, previous: [], using: .kittyTextSizing, cursor: cursor),
                       "\u{1B}[1;5H\u{1B}]66;s=2;Ab\u{07}" + back)
        let blanked = DoubleSizeSequences.gridForCurses(g, using: .kittyTextSizing)
        XCTAssertEqual(blanked.text(row: 0), String(repeating: " ", count: 10))
        XCTAssertEqual(DoubleSizeSequences.gridForCurses(g, using: .decLines), g)
    }
}
