import Foundation
import XCTest

@testable import DocBaoCore

/// The seed page must parse exactly as the shared expected JSON says (all keys but warnings).
final class SeedArticleTests: XCTestCase {
    struct Parsed: Decodable, Equatable {
        struct R: Decodable, Equatable { var points: Int; var votes: Int }
        struct S: Decodable, Equatable { var today, yesterday, month, year, total: Int? }
        struct B: Decodable, Equatable { var kind: String; var text: String }
        var kicker, title, source, author, published: String?
        var rating: R?
        var pageStats: S?
        var blocks: [B]
        var removed: [String]
    }

    func testSeedMatchesExpectedJSON() throws {
        let expected = try JSONDecoder().decode(
            Parsed.self, from: Data(contentsOf: Fixtures.directory.appendingPathComponent("laichau-hoi-nghi-lan-thu-4.expected.json")))
        let actual = try JSONDecoder().decode(Parsed.self, from: Data(Fixtures.seed.json.rendered().utf8))
        XCTAssertEqual(actual.kicker, expected.kicker)
        XCTAssertEqual(actual.title, expected.title)
        XCTAssertEqual(actual.source, expected.source)
        XCTAssertEqual(actual.author, expected.author)
        XCTAssertEqual(actual.published, expected.published)
        XCTAssertEqual(actual.rating, expected.rating)
        XCTAssertEqual(actual.pageStats, expected.pageStats)
        XCTAssertEqual(actual.blocks.count, expected.blocks.count)
        for (a, e) in zip(actual.blocks, expected.blocks) { XCTAssertEqual(a, e) }
        XCTAssertEqual(actual.removed, expected.removed)
        XCTAssertEqual(actual, expected)
    }

    func testJSONHasExactlyTheDocumentedKeysInOrder() throws {
        guard case .object(let members) = try Fixtures.seed.json else { return XCTFail("not an object") }
        XCTAssertEqual(members.map(\.0), ["kicker", "title", "source", "author", "published", "rating", "pageStats", "blocks", "removed", "warnings"])
    }

    func testBundledSeedIsByteForByteTheFixture() throws {
        let bundled = try Data(contentsOf: Fixtures.repository.appendingPathComponent("Content/thoi-su/hoi-nghi-lan-thu-4-bch-dang-bo-tinh-lai-chau.txt"))
        XCTAssertEqual(Array(bundled), try Fixtures.seedBytes)
    }

    /// Nothing is lost silently: every non-blank input line is in a field, a block or removed.
    func testEveryInputLineIsAccountedFor() throws {
        let text = String(decoding: try Fixtures.seedBytes, as: UTF8.self)
        assertAccountedFor(text, Fixtures.parse(text))
    }

    func testSeedInCRLFAndCRLineEndsParsesTheSame() throws {
        let text = String(decoding: try Fixtures.seedBytes, as: UTF8.self)
        let base = Fixtures.parse(text)
        for ending in ["\r\n", "\r"] {
            let variant = try ArticleParser.parse(bytes: Array(text.replacingOccurrences(of: "\n", with: ending).utf8))
            XCTAssertEqual(variant.blocks, base.blocks)
            XCTAssertEqual(variant.title, base.title)
            XCTAssertEqual(variant.pageStats, base.pageStats)
        }
    }
}

/// Checks that each non-blank line of `text` shows up in the article somewhere.
func assertAccountedFor(_ text: String, _ article: Article, file: StaticString = #filePath, line: UInt = #line) {
    var haystack = article.blocks.map(\.text) + article.removed
    haystack += [article.kicker, article.title, article.source, article.author, article.published].compactMap { $0 }
    let folded = haystack.map { TextFolding.fold($0) }
    for raw in text.split(separator: "\n") {
        let l = raw.trimmingCharacters(in: .whitespaces)
        if l.isEmpty { continue }
        let f = TextFolding.fold(l)
        let inText = folded.contains { $0.contains(f) || f.contains($0) && !$0.isEmpty }
        let inFields = (article.rating != nil && f.contains("diem")) || (article.pageStats != nil
            && (LineShapes.isStatsHeading(folded: f) || LineShapes.counter(folded: f) != nil))
            || (article.author.map { f.contains(TextFolding.fold($0)) } ?? false)
            || (article.source.map { f.contains(TextFolding.fold($0)) } ?? false)
        XCTAssertTrue(inText || inFields, "line not accounted for: \(l)", file: file, line: line)
    }
}
