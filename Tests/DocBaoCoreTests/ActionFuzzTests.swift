import Foundation
import XCTest

@testable import DocBaoCore

/// Random runs of what a reader does — keys, resizes, searches, ratings, the store's answers —
/// on random articles, half of them read as large files are. After every step the frame fills
/// the window with the cursor inside it, the place is a character of a block that exists, the
/// first row shown exists, and a change of layout alone (size level, contrast, window, sidebar)
/// never moves the place (but to the start of its row, in a table set in columns under one
/// layout and as records under the other); a search step lands on a match that is on screen.
/// `DOCBAO_FUZZ_CASES` scales it with the other fuzz tests (a run per 100 cases).
final class ActionFuzzTests: XCTestCase {
    static let runs = max(1, FuzzTests.cases / 100)
    static let steps = 60
    static let queryCharacters: [Character] = ["h", "o", "i", " ", "n", "g", "ộ", "H", "中", "e\u{301}", "*", "1"]

    func testRandomActionRunsKeepTheReaderConsistent() {
        var rng = SeededGenerator(seed: FuzzTests.seed &+ 2)
        let entry = LibraryEntry(id: "f", path: "", category: "", title: "f")
        for run in 0..<Self.runs {
            let text = (0..<Int.random(in: 0...80, using: &rng)).map { _ in FuzzTests.fragments.randomElement(using: &rng)! }.joined()
            // Every other run through the lazy reader of large files, with windows of a few bytes.
            let parsed = run % 2 == 0
                ? try? ArticleParser.parse(bytes: Array(text.utf8))
                : try? ArticleParser.parse(file: FileBytes(Array(text.utf8)), lazyAbove: 0, window: Int.random(in: 0...24, using: &rng),
                                           longLine: Int.random(in: 1...48, using: &rng))
            guard let article = parsed else { continue }
            var state = ReaderState(size: Self.randomSize(&rng))
            state.settings.sizeLevel = Int.random(in: 1...9, using: &rng)
            state.doubleSizeGlyphs = Bool.random(using: &rng)
            state.update(.opened(OpenedArticle(entry: entry, article: article)))
            var trail: [Action] = []
            for _ in 0..<Self.steps {
                let action = Self.randomAction(&rng)
                trail.append(action)
                let placeBefore = state.document?.anchor
                let shownBefore = placeBefore.flatMap { state.document?.layout.block($0.block) }
                state.update(action)
                if state.screen == .library {  // back: open the article again
                    state.update(.opened(OpenedArticle(entry: entry, article: article)))
                    continue
                }
                let context = "run \(run), after \(trail.map { "\($0)" }.suffix(6).joined(separator: ", "))"
                check(state, context)
                if Self.changesLayoutOnly(action), let placeBefore, let doc = state.document {
                    if let table = shownBefore?.table, let canonical = doc.layout.blocks[placeBefore.block]?.text,
                        let shown = doc.layout.block(placeBefore.block)?.text, shown != shownBefore?.text
                    {
                        // A table set the other way (columns, records): the place keeps its row.
                        let rowsBefore = MarkdownTable.rowStarts(table, columnsText: canonical, stacked: shownBefore?.text != canonical)
                        let rowsAfter = MarkdownTable.rowStarts(table, columnsText: canonical, stacked: shown != canonical)
                        XCTAssertEqual(doc.anchor.block, placeBefore.block, "the place left its table: \(context)")
                        XCTAssertEqual(doc.anchor.offset, rowsAfter[MarkdownTable.row(at: placeBefore.offset, rowStarts: rowsBefore)],
                                       "the place left its row: \(context)")
                    } else {
                        XCTAssertEqual(doc.anchor, placeBefore, "the place moved: \(context)")
                    }
                }
                if [.searchSubmit, .nextMatch, .previousMatch].contains(action) { checkMatchIsShown(state, context) }
                if testRun?.failureCount ?? 0 > 0 { return }  // one story is enough
            }
        }
    }

    func check(_ state: ReaderState, _ context: String) {
        let frame = render(state)
        XCTAssertEqual(frame.grid.cells.count, state.size.width * state.size.height, context)
        XCTAssertTrue(frame.focus.x >= 0 && frame.focus.y >= 0 && frame.focus.x < max(1, state.size.width)
                      && frame.focus.y < max(1, state.size.height), "focus \(frame.focus) outside the window: \(context)")
        XCTAssertTrue((0...100).contains(state.percent), "percent \(state.percent): \(context)")
        guard let doc = state.document else { return XCTFail("no document: \(context)") }
        let layout = doc.layout
        guard layout.blocks.count > 0 else {
            return XCTAssertEqual(doc.anchor, .start, context)
        }
        guard doc.anchor.block >= 0 && doc.anchor.block < layout.blocks.count else {
            return XCTFail("place \(doc.anchor) past \(layout.blocks.count) blocks: \(context)")
        }
        if let block = layout.block(doc.anchor.block) {
            let utf8 = Array(block.text.utf8)
            XCTAssertTrue(doc.anchor.offset >= 0 && doc.anchor.offset <= utf8.count,
                          "place \(doc.anchor) outside \(utf8.count) bytes: \(context)")
            if doc.anchor.offset < utf8.count {
                XCTAssertNotEqual(utf8[doc.anchor.offset] & 0xC0, 0x80, "place \(doc.anchor) inside a character: \(context)")
            }
        }
        let hasRows = (0..<layout.blocks.count).contains { !layout.rows(of: $0).isEmpty }
        if hasRows { XCTAssertNotNil(layout.row(at: doc.top), "first row \(doc.top) does not exist: \(context)") }
    }

    /// The match a search step went to is a match of the query, and its first character is on
    /// screen.
    func checkMatchIsShown(_ state: ReaderState, _ context: String) {
        guard let match = state.search.current, let query = state.search.query, let doc = state.document else { return }
        let text = doc.layout.block(match.block)?.text ?? ""
        XCTAssertTrue(TextMatcher(query: query).ranges(in: text).contains(match.range), "\(match) is no match of \(query): \(context)")
        let row = doc.layout.rowPosition(for: TextPosition(block: match.block, offset: match.range.lowerBound))
        XCTAssertTrue(state.rowsShown.contains(row), "\(match) at \(row) is off the screen from \(doc.top): \(context)")
    }

    static func changesLayoutOnly(_ action: Action) -> Bool {
        switch action {
        case .sizeUp, .sizeDown, .sizeReset, .contrastUp, .contrastDown, .toggleSidebar, .resize, .redraw: true
        default: false
        }
    }

    static func randomSize(_ rng: inout SeededGenerator) -> TermSize {
        Bool.random(using: &rng)
            ? TermSize(width: Int.random(in: 1...130, using: &rng), height: Int.random(in: 1...45, using: &rng))
            : TermSize(width: Int.random(in: 18...100, using: &rng), height: Int.random(in: 5...30, using: &rng))
    }

    static func randomAction(_ rng: inout SeededGenerator) -> Action {
        switch Int.random(in: 0..<34, using: &rng) {
        case 0...3: .scroll(Int.random(in: -6...6, using: &rng))
        case 4...5: .page(Bool.random(using: &rng) ? 1 : -1)
        case 6: .halfPage(Bool.random(using: &rng) ? 1 : -1)
        case 7: Bool.random(using: &rng) ? .toStart : .toEnd
        case 8: .sizeUp
        case 9: .sizeDown
        case 10: .sizeReset
        case 11: Bool.random(using: &rng) ? .contrastUp : .contrastDown
        case 12: .toggleSidebar
        case 13: .toggleLanguage
        case 14: .resize(randomSize(&rng))
        case 15: .beginSearch
        case 16...18: .searchInput(queryCharacters.randomElement(using: &rng)!)
        case 19: [.searchSubmit, .searchBackspace, .searchErase(.word), .searchErase(.all)].randomElement(using: &rng)!
        case 20: .searchCancel
        case 21: Bool.random(using: &rng) ? .nextMatch : .previousMatch
        case 22: Bool.random(using: &rng) ? .nextSection : .previousSection
        case 23: .toggleHelp
        case 24: .helpScroll(Int.random(in: -5...5, using: &rng))
        case 25: .beginRating
        case 26: .rate(Int.random(in: 0...6, using: &rng))
        case 27: .cancelPrompt
        case 28: .redraw
        case 29: .back
        case 30:
            .statsChanged(SidebarStats(
                site: SiteCounters(today: 1, yesterday: 0, month: 12, year: 340, total: 1_234_567, dayNumber: 2, monthNumber: 11, yearNumber: 2026),
                articleViews: Int.random(in: 0...99_999, using: &rng),
                articleRating: RatingSummary(points: Int.random(in: 0...50, using: &rng), votes: Int.random(in: 0...10, using: &rng))))
        case 31: .statsAvailability(Bool.random(using: &rng))
        case 32: .showMessage("Tệp đã thay đổi; nhấn R để tải lại")
        default: .fileChangedOnDisk
        }
    }
}
