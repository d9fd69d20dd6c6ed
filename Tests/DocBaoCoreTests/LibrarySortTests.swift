import XCTest

@testable import DocBaoCore

/// `o` orders the library by title, newest first or most read.
final class LibrarySortTests: XCTestCase {
    func testDatesAreReadAsPortalsWriteThem() {
        let cases: [(String, PublishedDate?)] = [
            ("12/4/2021", PublishedDate(year: 2021, month: 4, day: 12)),
            ("02/05/2024", PublishedDate(year: 2024, month: 5, day: 2)),
            ("Thứ Hai, 12/04/2021 - 10:15", PublishedDate(year: 2021, month: 4, day: 12, minuteOfDay: 615)),
            ("12-04-2021 08:05 GMT+7", PublishedDate(year: 2021, month: 4, day: 12, minuteOfDay: 485)),
            ("12.04.2021", PublishedDate(year: 2021, month: 4, day: 12)),
            ("2024-04-18", PublishedDate(year: 2024, month: 4, day: 18)),
            ("2024-04-18T10:15:00+07:00", PublishedDate(year: 2024, month: 4, day: 18, minuteOfDay: 615)),
            ("ngày 12 tháng 4 năm 2021", PublishedDate(year: 2021, month: 4, day: 12)),
            ("Cập nhật 9h30 ngày 3 tháng 11, 2023", PublishedDate(year: 2023, month: 11, day: 3, minuteOfDay: 570)),
            ("March 3, 2024 09:15", PublishedDate(year: 2024, month: 3, day: 3, minuteOfDay: 555)),
            ("3 Sept 2024, 9:05 pm", PublishedDate(year: 2024, month: 9, day: 3, minuteOfDay: 21 * 60 + 5)),
            ("12:30 AM, Dec 1, 2023", PublishedDate(year: 2023, month: 12, day: 1, minuteOfDay: 30)),
            // Month first only where the second number cannot be a month.
            ("04/25/2021", PublishedDate(year: 2021, month: 4, day: 25)),
            // No calendar date: relative, a year alone, impossible days, two-digit years.
            ("2 giờ trước", nil), ("Năm 2021", nil), ("31/02/2024", nil), ("12/4/21", nil), ("", nil),
            ("29/02/2023", nil),
        ]
        for (text, expected) in cases { XCTAssertEqual(PublishedDate(text), expected, text) }
        XCTAssertEqual(PublishedDate("29/02/2024"), PublishedDate(year: 2024, month: 2, day: 29))
        XCTAssertLessThan(PublishedDate("12/4/2021 10:15")!, PublishedDate("12/4/2021 10:16")!)
        XCTAssertLessThan(PublishedDate("31/12/2020 23:59")!, PublishedDate("1/1/2021")!)
    }

    static let entries = [
        LibraryEntry(id: "a", path: "", category: "thoi-su", title: "Bầu cử", date: "12/04/2021", views: 5),
        LibraryEntry(id: "b", path: "", category: "the-gioi", title: "Bão", date: "March 3, 2024 09:15", views: 9),
        LibraryEntry(id: "c", path: "", category: "thoi-su", title: "An ninh", date: nil, views: 5),
        LibraryEntry(id: "d", path: "", category: "van-hoa", title: "Đền Hùng", date: "2 giờ trước", views: nil),
        LibraryEntry(id: "e", path: "", category: "thoi-su", title: "Cầu mới", date: "03/03/2024 - 10:00", views: 0),
        LibraryEntry(id: "f", path: "", category: "the-gioi", title: "Ăn uống", date: "2021-04-12"),
    ]

    /// Newest first across categories, a time telling apart one day's articles; undated (and
    /// relative) dates after, in the title order; equal dates in the title order too.
    func testNewestFirstAcrossCategories() {
        XCTAssertEqual(LibraryOrder.sorted(Self.entries, by: .newest).map(\.id), ["e", "b", "f", "a", "c", "d"])
        XCTAssertEqual(LibraryOrder.sorted(Self.entries, by: .title).map(\.id), ["f", "b", "c", "a", "e", "d"])
        XCTAssertEqual(LibraryOrder.sorted(Self.entries, by: .title), LibraryOrder.sorted(Self.entries))
    }

    /// Most read first; rows without a count (the store not there yet) as none; ties in the
    /// title order.
    func testMostReadFirst() {
        XCTAssertEqual(LibraryOrder.sorted(Self.entries, by: .mostRead).map(\.id), ["b", "c", "a", "f", "e", "d"])
    }

    func testOKeyCyclesTheOrderKeepsTheSelectionAndSavesIt() {
        var state = ReaderState(size: TermSize(width: 100, height: 30))
        state.update(.libraryListed(Self.entries))
        XCTAssertEqual(state.library.map(\.id), ["f", "b", "c", "a", "e", "d"])
        state.libraryCursor = 3  // "a"
        let action = state.action(for: .character("o"), frame: nil)
        XCTAssertEqual(action, .cycleLibraryOrder)
        var effects = state.update(action!)
        XCTAssertEqual(state.settings.libraryOrder, .newest)
        XCTAssertEqual(effects, [.saveSettings(state.settings)])
        XCTAssertEqual(state.library.map(\.id), ["e", "b", "f", "a", "c", "d"])
        XCTAssertEqual(state.visibleLibrary[state.libraryCursor].id, "a")
        XCTAssertEqual(state.message, "Xếp theo: mới nhất")
        effects = state.update(.cycleLibraryOrder)
        XCTAssertEqual(state.settings.libraryOrder, .mostRead)
        XCTAssertEqual(state.library.map(\.id), ["b", "c", "a", "f", "e", "d"])
        XCTAssertEqual(state.visibleLibrary[state.libraryCursor].id, "a")
        // Counts that come from the store re-order the rows; the selection follows its row.
        state.update(.libraryViews(["d": 50, "a": 1]))
        XCTAssertEqual(state.library.map(\.id), ["d", "a", "f", "b", "c", "e"])
        XCTAssertEqual(state.visibleLibrary[state.libraryCursor].id, "a")
        state.update(.cycleLibraryOrder)
        XCTAssertEqual(state.settings.libraryOrder, .title)
        XCTAssertEqual(state.library.map(\.id), ["f", "b", "c", "a", "e", "d"])
        // A filter keeps the order; `o` while typing one is a letter of it.
        state.update(.cycleLibraryOrder)
        state.update(.beginFilter)
        XCTAssertEqual(state.action(for: .character("o"), frame: nil), .filterInput("o"))
        for c in "thoi" { state.update(.filterInput(c)) }
        XCTAssertEqual(state.visibleLibrary.map(\.id), ["e", "a", "c"])
        XCTAssertEqual(LibrarySort.allCases.map(\.next), [.newest, .mostRead, .title])
        // An article's screen has no use for `o`.
        state.update(.filterDone)
        state.update(.opened(OpenedArticle(entry: Self.entries[0], article: Fixtures.parse("Tiêu đề\n\nMột đoạn."))))
        XCTAssertNil(state.action(for: .character("o"), frame: nil))
    }

    /// Details read after the first screen (titles, dates) move rows to their places in the
    /// chosen order.
    func testDetailsReadLaterFollowTheOrder() {
        var state = ReaderState(size: TermSize(width: 100, height: 30))
        state.settings.libraryOrder = .newest
        let names = Self.entries.map { LibraryEntry(id: $0.id, path: "", category: $0.category, title: $0.id + ".txt") }
        state.update(.libraryListed(names))
        XCTAssertEqual(state.library.map(\.id), ["b", "f", "a", "c", "e", "d"], "no dates yet: category, then name")
        state.update(.libraryDetails(Self.entries))
        XCTAssertEqual(state.library.map(\.id), ["e", "b", "f", "a", "c", "d"])
    }

    /// The breadcrumb names the order at its right; a click there changes it, as `o` does. In
    /// a window too narrow for it beside the trail it is left out.
    func testBreadcrumbShowsTheOrderAndAClickChangesIt() throws {
        var state = ReaderState(size: TermSize(width: 100, height: 30))
        state.update(.libraryListed(Self.entries))
        var frame = render(state)
        let row = frame.grid.text(row: 1)
        XCTAssertTrue(row.hasPrefix(" Trang chủ › Thư viện"), row)
        XCTAssertTrue(row.trimmingCharacters(in: .whitespaces).hasSuffix("Xếp theo: tên bài"), row)
        let x = DisplayWidth.of(row[..<row.range(of: "Xếp theo")!.lowerBound])
        XCTAssertEqual(frame.action(atX: x, y: 1), .cycleLibraryOrder)
        XCTAssertNil(frame.action(atX: 3, y: 1), "the home link is the library itself here")
        state.update(frame.action(atX: x + 4, y: 1)!)
        frame = render(state)
        XCTAssertTrue(frame.grid.text(row: 1).contains("Xếp theo: mới nhất"))
        // Rows: a category's heading wherever the category changes.
        let text = frame.grid.plainText
        let order = ["Cầu mới", "Bão", "Ăn uống", "Bầu cử"].map { text.range(of: $0)!.lowerBound }
        XCTAssertEqual(order, order.sorted())
        XCTAssertEqual(text.components(separatedBy: " Thời sự ").count - 1, 2, text)
        state.update(.toggleLanguage)
        XCTAssertTrue(render(state).grid.text(row: 1).contains("Sorted by: newest"))
        state.update(.resize(TermSize(width: 30, height: 12)))
        XCTAssertFalse(render(state).grid.text(row: 1).contains("Sorted"))
    }

    /// The help lists the keys of the screen it is opened on, and fits 80×24 on both.
    func testHelpListsTheKeysOfItsScreen() throws {
        var library = ReaderState(size: TermSize(width: 80, height: 24))
        library.update(.libraryListed(Self.entries))
        library.update(.toggleHelp)
        XCTAssertFalse(library.helpOverflows)
        let libraryHelp = render(library).grid.plainText
        XCTAssertTrue(libraryHelp.contains("xếp theo tên bài, mới nhất, đọc nhiều nhất"), libraryHelp)
        XCTAssertTrue(libraryHelp.contains("lọc theo"), libraryHelp)
        XCTAssertFalse(libraryHelp.contains("kết quả tiếp"), "no search in the library")
        var article = library
        article.update(.toggleHelp)
        article.update(.opened(OpenedArticle(entry: Self.entries[0], article: Fixtures.parse("Tiêu đề\n\nMột đoạn."))))
        article.update(.toggleHelp)
        XCTAssertFalse(article.helpOverflows)
        let articleHelp = render(article).grid.plainText
        XCTAssertTrue(articleHelp.contains("kết quả tiếp"), articleHelp)
        XCTAssertFalse(articleHelp.contains("xếp theo"), articleHelp)
    }

    func testTheOrderIsASetting() {
        var s = ReaderSettings()
        s.libraryOrder = .mostRead
        let text = SettingsFile.serialize(s)
        XCTAssertTrue(text.contains("library-order = most-read\n"), text)
        XCTAssertEqual(SettingsFile.parse(text, base: ReaderSettings()).0, s)
        let (bad, problems) = SettingsFile.parse("library-order = popular\n", base: ReaderSettings())
        XCTAssertEqual(bad.libraryOrder, .title)
        XCTAssertEqual(problems, [.badValue(line: 1, setting: "library-order", value: "popular")])
        var after = ReaderSettings()
        after.libraryOrder = .newest
        var saved = ReaderSettings()
        saved.sizeLevel = 7
        let kept = ReaderSettings.persisting(saved, changesFrom: ReaderSettings(), to: after)
        XCTAssertEqual(kept.libraryOrder, .newest)
        XCTAssertEqual(kept.sizeLevel, 7)
    }

    /// The listing for a pipe: the reader's order, four tab-separated fields, and names that
    /// could split a line or drive a terminal quoted in every field.
    func testTheListingForAPipeKeepsTheOrderAndQuotesNames() {
        let entries = [
            LibraryEntry(id: "a.txt", path: "/l/a.txt", category: "", title: "Alpha", byline: "Lan", date: "01/09/2024", views: 1),
            LibraryEntry(id: "b\tc\u{1B}]0;x\u{7}.txt", path: "/l/b", category: "", title: "b\tc\u{1B}]0;x\u{7}", views: 5),
            LibraryEntry(id: "d.txt", path: "/l/d.txt", category: "", title: "Delta", date: "03/09/2024"),
        ]
        XCTAssertEqual(LibraryListing.lines(entries, order: .newest), [
            "d.txt\tDelta\t\t03/09/2024",
            "a.txt\tAlpha\tLan\t01/09/2024",
            "b\\tc\\x1B]0;x\\x07.txt\tb\\tc\\x1B]0;x\\x07\t\t",
        ])
        XCTAssertEqual(LibraryListing.lines(entries, order: .mostRead).map { $0.prefix(1) }, ["b", "a", "d"])
        XCTAssertEqual(LibraryListing.lines(entries, order: .title).map { $0.prefix(1) }, ["a", "b", "d"])
        for line in LibraryListing.lines(entries, order: .title) {
            XCTAssertEqual(line.split(separator: "\t", omittingEmptySubsequences: false).count, 4, line)
        }
    }
}
