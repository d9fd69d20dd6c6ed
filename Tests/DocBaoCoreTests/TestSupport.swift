import Foundation
import XCTest

@testable import DocBaoCore

/// Files kept next to the tests.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static var seedBytes: [UInt8] { get throws { try bytes("laichau-hoi-nghi-lan-thu-4.txt") } }

    static var seed: Article { get throws { try ArticleParser.parse(bytes: seedBytes) } }

    static func parse(_ text: String) -> Article { ArticleParser.parse(text: text) }

    /// An authored article under a `# ` title, from lines joined by "\n" (so that spaces at
    /// their ends are plain to see, and no editor strips them).
    static func markdown(_ lines: [String]) -> Article {
        ArticleParser.parse(text: (["# Tiêu đề", ""] + lines).joined(separator: "\n"))
    }

    /// The `blocks` array of the article as `docbao parse` prints it.
    static func jsonBlocks(_ article: Article) throws -> [JSONValue] {
        guard case .object(let fields) = article.json, case .array(let blocks)? = fields.first(where: { $0.0 == "blocks" })?.1
        else { throw NoBlocks(json: article.json) }
        return blocks
    }

    struct NoBlocks: Error { var json: JSONValue }

    /// Asserts that `page` reads as `copy`: the same fields and the same blocks (all of a
    /// large file's), spaces aside — a no-break space is a space, and runs of them one (lynx
    /// writes a no-break space as a space; w3m loses one at the end of a line it wrapped).
    static func assertReadsAs(_ page: Article, _ copy: Article, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotNil(page.title, message, file: file, line: line)
        for (a, b) in [(page.kicker, copy.kicker), (page.title, copy.title), (page.source, copy.source), (page.author, copy.author),
                       (page.published, copy.published)]
        {
            XCTAssertEqual(a, b, message, file: file, line: line)
        }
        XCTAssertEqual(page.rating, copy.rating, message, file: file, line: line)
        XCTAssertEqual(page.pageStats, copy.pageStats, message, file: file, line: line)
        func plain(_ article: Article) -> [Block] {
            LargeArticleTests.blocks(article).map { Block($0.kind, $0.text.replacingOccurrences(of: "\u{A0}", with: " ")
                .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")) }
        }
        XCTAssertEqual(plain(page), plain(copy), message, file: file, line: line)
    }

    /// Which head cuts `headCutsReadingOtherwise` tries: every one by default; where
    /// `DOCBAO_FUZZ_CASES` asks for fewer fuzz cases than 100,000 (CI's sanitizer runs), as
    /// large a share of them.
    static let headCutStride = max(1, 100_000 / max(1, FuzzTests.cases))

    /// The places a large file's head may end in `text` (every byte, a window each, or every
    /// `headCutStride`-th) at which the lazy reader reads other blocks than `whole` (the
    /// whole-file parse): none, when the scan of the middle follows the parser's rules. The
    /// lead is told in the head only, so a lead counts as a paragraph here.
    static func headCutsReadingOtherwise(_ text: String, whole: [Block]) throws -> [Int] {
        let bytes = FileBytes(Array(text.utf8))
        func unled(_ blocks: [Block]) -> [Block] { blocks.map { $0.kind == .lead ? Block(.paragraph, $0.text, spans: $0.spans) : $0 } }
        var failures: [Int] = []
        for window in stride(from: 0, to: text.utf8.count, by: headCutStride) {
            let lazy = try ArticleParser.parse(file: bytes, lazyAbove: 10, window: window)
            if unled(LargeArticleTests.blocks(lazy)) != unled(whole) { failures.append(window) }
        }
        return failures
    }
}

extension Grid {
    /// Where `word` starts on the first row that holds `row` (one column per character: for
    /// rows without wide characters).
    func place(of word: String, inRowWith row: String) -> (x: Int, y: Int)? {
        guard let y = (0..<height).first(where: { text(row: $0).contains(row) }) else { return nil }
        let line = text(row: y)
        return line.range(of: word).map { (line.distance(from: line.startIndex, to: $0.lowerBound), y) }
    }
}

extension ReaderState {
    /// The rows the article pane shows, from the top one down.
    var rowsShown: [RowPosition] {
        guard let doc = document else { return [] }
        var rows = [doc.top]
        for _ in 1..<paneHeight { rows.append(doc.layout.advance(rows[rows.count - 1], by: 1)) }
        return rows
    }
}

/// A deterministic random generator, so a failing property case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random text mixing Vietnamese, CJK, emoji, hyphenated words and long words.
enum RandomText {
    static let words = [
        "Hội", "nghị", "Ban", "Chấp", "hành", "Đảng", "bộ", "tỉnh", "khóa", "XIV", "thống", "nhất", "nhiệm", "vụ",
        "kinh tế - xã hội", "45-CT/TW", "Ủy", "viên", "Trung", "ương", "中文", "汉字测试", "東京", "한국어", "😀", "👨‍👩‍👧",
        "🇻🇳", "e\u{301}", "Nghị quyết", "đại biểu", "Quốc hội", "Covid-19", "siêu-dài-không-có-khoảng-trắng-nàoooooo",
        "a", "—", "…", "“trích dẫn”", "x̣̣̣", "ＡＢＣ", "。", "（注）",
    ]

    static func paragraph(_ rng: inout SeededGenerator, words count: Int) -> String {
        (0..<count).map { _ in words.randomElement(using: &rng)! }.joined(separator: Bool.random(using: &rng) ? " " : "  ")
    }
}
