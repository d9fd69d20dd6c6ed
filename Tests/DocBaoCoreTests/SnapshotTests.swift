import Foundation
import XCTest

@testable import DocBaoCore

/// Snapshots of `render(state)`: the text grid plus a style map. Re-record with
/// `DOCBAO_RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests`.
final class SnapshotTests: XCTestCase {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    func seedState(_ w: Int, _ h: Int) throws -> ReaderState {
        var s = ReaderState(size: TermSize(width: w, height: h))
        let entry = LibraryEntry(id: "thoi-su/seed.txt", path: "", category: "thoi-su", title: "seed")
        s.update(.opened(OpenedArticle(entry: entry, article: try Fixtures.seed)))
        return s
    }

    func testSeed80x24() throws { try assertSnapshot(render(seedState(80, 24)), "seed-80x24") }
    func testSeed120x40() throws { try assertSnapshot(render(seedState(120, 40)), "seed-120x40") }
    func testSeed60x20SidebarHidesItself() throws {
        let f = render(try seedState(60, 20))
        XCTAssertFalse(f.grid.plainText.contains("Thống kê truy cập"))
        try assertSnapshot(f, "seed-60x20")
    }
    func testSeed20x6() throws { try assertSnapshot(render(seedState(20, 6)), "seed-20x6") }
    func testTooSmall() throws {
        let f = render(try seedState(19, 5))
        XCTAssertEqual(f.grid.text(row: 0).trimmingCharacters(in: .whitespaces), "Cửa sổ quá nhỏ")
        // Narrower than the message: it wraps over the rows there are.
        let narrow = render(try seedState(10, 3)).grid
        XCTAssertEqual((0..<3).map { narrow.text(row: $0).trimmingCharacters(in: .whitespaces) }, ["Cửa sổ quá", "nhỏ", ""])
    }

    func testSidebarToggledOff() throws {
        var s = try seedState(80, 24)
        s.update(.toggleSidebar)
        let f = render(s)
        XCTAssertFalse(f.grid.plainText.contains("Thống kê truy cập"))
        try assertSnapshot(f, "seed-80x24-no-sidebar")
    }

    func testHelpOverlay() throws {
        var s = try seedState(80, 24)
        s.update(.toggleHelp)
        let f = render(s)
        XCTAssertTrue(f.grid.plainText.contains("Phím tắt"))
        try assertSnapshot(f, "seed-80x24-help")
    }

    func testSearchHighlights() throws {
        var s = try seedState(80, 24)
        s.update(.beginSearch)
        for c in "hoi nghi" { s.update(.searchInput(c)) }
        s.update(.searchSubmit)
        let f = render(s)
        let theme = s.theme
        let highlighted = f.grid.cells.filter { $0.style == theme.style(.searchMatch) || $0.style == theme.style(.currentMatch) }
        XCTAssertGreaterThan(highlighted.count, 8)
        XCTAssertEqual(f.grid.cells.filter { $0.style == theme.style(.currentMatch) }.map(\.text).joined(), "Hội nghị")
        try assertSnapshot(f, "seed-80x24-search")
    }

    func testLibrary() throws {
        var s = ReaderState(size: TermSize(width: 80, height: 24))
        s.update(.libraryListed(ContentLibrary.scan(root: Fixtures.repository.appendingPathComponent("Content").path)
            .map { var e = $0; e.path = ""; return e }))
        s.libraryName = "Content"
        let f = render(s)
        XCTAssertTrue(f.grid.plainText.contains("Thời sự"))
        XCTAssertEqual(f.regions.filter { if case .libraryOpen = $0.action { return true }; return false }.count, s.library.count)
        try assertSnapshot(f, "library-80x24")
    }

    /// However narrow the window, the toolbar keeps all three size buttons, keeps the contrast
    /// buttons as a pair or leaves both out, keeps a help button, and never overlaps labels.
    func testToolbarNarrowsWithoutLosingASizeButtonOrHalfAPair() throws {
        for language in UILanguage.allCases {
            for width in 20...140 {
                var s = try seedState(width, 24)
                s.settings.language = language
                let f = render(s)
                let actions = f.regions.filter { $0.y == 0 }.map(\.action)
                let context = "\(language) at \(width) columns: \(f.grid.text(row: 0))"
                for size in [Action.sizeDown, .sizeReset, .sizeUp] {
                    XCTAssertTrue(actions.contains(size), context)
                }
                XCTAssertEqual(actions.contains(.contrastUp), actions.contains(.contrastDown), context)
                XCTAssertTrue(actions.contains(.toggleHelp), context)
                let spans = f.regions.filter { $0.y == 0 }.map { $0.x..<($0.x + $0.width) }.sorted { $0.lowerBound < $1.lowerBound }
                for (a, b) in zip(spans, spans.dropFirst()) { XCTAssertLessThan(a.upperBound, b.lowerBound, context) }
                XCTAssertLessThanOrEqual(spans.last?.upperBound ?? 0, width, context)
                if width >= 80 {
                    XCTAssertTrue(f.grid.text(row: 0).contains(Strings(language)[.contrastDown]), context)
                }
            }
        }
        // Leaving out the contrast name before shortening the help when that makes room.
        var s = try seedState(40, 24)
        s.settings.language = .en
        XCTAssertEqual(render(s).grid.text(row: 0), " A-  A  A+   5/9   More   Less   ? Help ")
    }

    /// Known section folders are named in the interface's language; others from the folder.
    func testSectionNamesFollowTheInterfaceLanguage() {
        XCTAssertEqual(categoryDisplayName("thoi-su", strings: Strings(.vi)), "Thời sự")
        XCTAssertEqual(categoryDisplayName("thoi-su", strings: Strings(.en)), "Current affairs")
        XCTAssertEqual(categoryDisplayName("Cong-Nghe", strings: Strings(.en)), "Technology")
        XCTAssertEqual(categoryDisplayName("tin-dia-phuong", strings: Strings(.en)), "Tin dia phuong")
        XCTAssertEqual(categoryDisplayName("", strings: Strings(.vi)), Strings(.vi)[.uncategorized])
        // A folder inside a folder: each level named on its own, as the breadcrumb joins them.
        XCTAssertEqual(categoryDisplayName("the-gioi/chau-a", strings: Strings(.vi)), "Thế giới › Chau a")
        XCTAssertEqual(categoryDisplayName("a/b", strings: Strings(.en)), "A › B")
        for (slug, names) in knownSections {
            XCTAssertFalse(names.vi.isEmpty || names.en.isEmpty, slug)
            XCTAssertNotEqual(names.vi, names.en, slug)
        }
    }

    /// The month's row is "Tháng 11" in Vietnamese and the month's name in English.
    func testMonthRowOfTheStatistics() throws {
        XCTAssertEqual(Strings(.vi).monthLabel(11), "Tháng 11")
        XCTAssertEqual(Strings(.en).monthLabel(11), "November")
        XCTAssertEqual(Strings(.en).monthLabel(1), "January")
        XCTAssertEqual(Strings(.en).monthLabel(13), "Month 13")
        var s = try seedState(80, 24)
        s.settings.language = .en
        s.update(.statsAvailability(true))
        s.update(.statsChanged(SidebarStats(site: SiteCounters(today: 1, yesterday: 2, month: 3_456, year: 7, total: 8,
                                                                 dayNumber: 30, monthNumber: 9, yearNumber: 2026))))
        let text = render(s).grid.plainText
        XCTAssertTrue(text.contains("│ September          3,456"), text)
        XCTAssertTrue(text.contains("│ Year 2026              7"), text)
    }

    /// A library file that cannot be read says why on its row, in a few words, once the library
    /// has read it; a readable one keeps its byline and date.
    func testALibraryRowSaysWhyItsFileCannotBeRead() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-lib-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data([0x00, 0x01, 0x02, 0x62, 0x69, 0x6E]).write(to: root.appendingPathComponent("anh.txt"))
        try "Title: Bài đọc được\nAuthor: Lê Thu Hà\n\nMột đoạn văn.\n".write(
            to: root.appendingPathComponent("bai.txt"), atomically: true, encoding: .utf8)
        try "Title: Sẽ bị xoá\n\nMột đoạn.\n".write(to: root.appendingPathComponent("xoa.txt"), atomically: true, encoding: .utf8)
        let files = ContentLibrary.listFiles(root: root.path)
        // One file goes between the listing and the reading of the details.
        try FileManager.default.removeItem(at: root.appendingPathComponent("xoa.txt"))
        let read = files.map { ContentLibrary.withDetails($0) }
        XCTAssertEqual(read.first { $0.id == "anh.txt" }?.problem, .binary(.nulBytes))
        XCTAssertEqual(read.first { $0.id == "xoa.txt" }?.problem, .notFound)
        XCTAssertNil(read.first { $0.id == "bai.txt" }?.problem)

        var s = ReaderState(size: TermSize(width: 100, height: 12))
        s.update(.libraryListed(files))
        XCTAssertFalse(render(s).grid.plainText.contains("không phải văn bản"), "not known before the file is read")
        s.update(.libraryDetails(read))
        var text = render(s).grid.plainText
        let row = { (title: String) in text.split(separator: "\n").first { $0.contains(title) }.map(String.init) ?? "" }
        XCTAssertTrue(row("anh").contains("không phải văn bản │"), text)
        XCTAssertTrue(row("xoa").contains("không còn tệp │"), text)
        XCTAssertTrue(row("Bài đọc được").contains("Lê Thu Hà"), text)
        s.settings.language = .en
        text = render(s).grid.plainText
        XCTAssertTrue(row("anh").contains("not text │"), text)
        XCTAssertTrue(row("xoa").contains("file gone │"), text)
    }

    /// English counts say "1 view" and "1 article", and more of them in the plural.
    func testLibraryCountsAgreeWithTheirNumber() throws {
        var s = ReaderState(size: TermSize(width: 120, height: 24))
        s.settings.language = .en
        let entry = LibraryEntry(id: "a/x.txt", path: "", category: "a", title: "One")
        s.update(.libraryListed([entry]))
        s.update(.libraryViews(["a/x.txt": 1]))
        var text = render(s).grid.plainText
        XCTAssertTrue(text.contains("1 view ") || text.contains("1 view\n") || text.contains("1 view │"), text)
        XCTAssertFalse(text.contains("1 views"), text)
        XCTAssertTrue(text.contains("Library · 1 article "), text)
        var second = entry
        second.id = "a/y.txt"
        second.title = "Two"
        s.update(.libraryListed([entry, second]))
        s.update(.libraryViews(["a/x.txt": 1_234, "a/y.txt": 2]))
        text = render(s).grid.plainText
        XCTAssertTrue(text.contains("1,234 views"), text)
        XCTAssertTrue(text.contains("2 views"), text)
        XCTAssertTrue(text.contains("Library · 2 articles"), text)
        s.settings.language = .vi
        XCTAssertTrue(render(s).grid.plainText.contains("1.234 lượt xem"))
    }

    /// A library row's details never end in the middle of a name or a date: what does not fit
    /// is left out whole, the view count first and then the byline.
    func testLibraryRowDetailsAreLeftOutWholeNotCut() {
        let byline = "Lê Thu Hà", date = "02/05/2024", views = "12 lượt xem"
        let all = "Lê Thu Hà · 02/05/2024 · 12 lượt xem"
        XCTAssertEqual(libraryDetails(byline: byline, date: date, views: views, width: 40), all)
        XCTAssertEqual(libraryDetails(byline: byline, date: date, views: views, width: DisplayWidth.of(all)), all)
        XCTAssertEqual(libraryDetails(byline: byline, date: date, views: views, width: 30), "Lê Thu Hà · 02/05/2024")
        XCTAssertEqual(libraryDetails(byline: byline, date: date, views: views, width: 21), "02/05/2024")
        XCTAssertEqual(libraryDetails(byline: nil, date: date, views: views, width: 21), "02/05/2024")
        XCTAssertEqual(libraryDetails(byline: byline, date: nil, views: views, width: 21), "Lê Thu Hà")
        XCTAssertEqual(libraryDetails(byline: nil, date: nil, views: views, width: 21), views)
        // A date too long on its own gives way to the byline; only when nothing fits whole is
        // a detail cut, as titles are.
        XCTAssertEqual(libraryDetails(byline: "Maria Keller", date: "March 3, 2024 09:15", views: nil, width: 16), "Maria Keller")
        XCTAssertEqual(libraryDetails(byline: byline, date: date, views: nil, width: 6), "02/05…")
        XCTAssertEqual(libraryDetails(byline: nil, date: nil, views: nil, width: 10), "")
        for width in 0...45 {
            let text = libraryDetails(byline: byline, date: date, views: views, width: width)
            XCTAssertLessThanOrEqual(DisplayWidth.of(text), width)
        }
    }

    /// A cut text ends in `…` on its last word, not after a space; and what fits is kept as is.
    func testACutTextEndsOnItsLastWord() {
        XCTAssertEqual(fitted("Thống nhất với 7 nhóm nhiệm vụ", 21), "Thống nhất với 7 nhó…")
        XCTAssertEqual(fitted("Thống nhất với 7 nhóm nhiệm vụ", 22), "Thống nhất với 7 nhóm…")
        XCTAssertEqual(fitted("Thống nhất với 7 nhóm nhiệm vụ", 23), "Thống nhất với 7 nhóm…")
        XCTAssertEqual(fitted("   Tên", 3), "…")
        XCTAssertEqual(fitted("Tên  ", 5), "Tên  ")
    }

    /// Ordered by views, a row keeps its count, the number it is ranked by: the byline and
    /// then the date give way to it, and it is the detail cut when nothing fits whole. With
    /// no count yet (the store not read), the details go as in the other orders.
    func testLibraryRowDetailsKeepTheViewCountWhenOrderedByIt() {
        let byline = "Lê Thu Hà", date = "02/05/2024", views = "12 lượt xem"
        func details(_ b: String?, _ d: String?, _ v: String?, _ w: Int) -> String {
            libraryDetails(byline: b, date: d, views: v, width: w, order: .mostRead)
        }
        XCTAssertEqual(details(byline, date, views, 40), "Lê Thu Hà · 02/05/2024 · 12 lượt xem")
        XCTAssertEqual(details(byline, date, views, 30), "02/05/2024 · 12 lượt xem")
        XCTAssertEqual(details(byline, nil, views, 30), "Lê Thu Hà · 12 lượt xem")
        XCTAssertEqual(details(byline, date, views, 21), "12 lượt xem")
        XCTAssertEqual(details(byline, date, views, 8), "12 lượt…")
        XCTAssertEqual(details(byline, date, nil, 21), "02/05/2024")
        XCTAssertEqual(libraryDetails(byline: byline, date: date, views: views, width: 30, order: .newest), "Lê Thu Hà · 02/05/2024")
        for width in 0...45 {
            XCTAssertLessThanOrEqual(DisplayWidth.of(details(byline, date, views, width)), width)
        }
    }

    // MARK: Snapshot support

    /// Text, then a map with one letter per distinct style, then the legend of styles.
    static func describe(_ f: Frame) -> String {
        var styles: [CellStyle] = []
        var map = ""
        for y in 0..<f.grid.height {
            for x in 0..<f.grid.width {
                let s = f.grid[x, y].style
                let i = styles.firstIndex(of: s) ?? { styles.append(s); return styles.count - 1 }()
                map.append(Character(Unicode.Scalar(UInt8(i < 26 ? 97 + i : 65 + (i - 26) % 26))))
            }
            map.append("\n")
        }
        let legend = styles.enumerated().map { i, s in
            "\(Character(Unicode.Scalar(UInt8(i < 26 ? 97 + i : 65 + (i - 26) % 26)))): \(s)"
        }
        let rows = (0..<f.grid.height).map { f.grid.text(row: $0) + "|" }
        return rows.joined(separator: "\n") + "\n\n" + map + "\n" + legend.joined(separator: "\n") + "\n"
    }

    func assertSnapshot(_ f: Frame, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.directory.appendingPathComponent(name + ".txt")
        let actual = Self.describe(f)
        if ProcessInfo.processInfo.environment["DOCBAO_RECORD_SNAPSHOTS"] != nil || !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            if ProcessInfo.processInfo.environment["DOCBAO_RECORD_SNAPSHOTS"] == nil {
                XCTFail("recorded a new snapshot \(name); run again", file: file, line: line)
            }
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(actual, expected, "snapshot \(name) differs", file: file, line: line)
    }
}
