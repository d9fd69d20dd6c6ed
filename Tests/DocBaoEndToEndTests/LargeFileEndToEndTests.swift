import Foundation
import XCTest

/// A generated 8 MB page through the real binary: the lazy path end to end.
final class LargeFileEndToEndTests: XCTestCase {
    static let title = "Thống nhất đánh giá hiệu năng"
    static let byline = "Nhóm Hiệu Năng"

    /// Writes a seed-like page of `size` (like "8M") with the repository's generator.
    func generate(_ size: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-large-\(UUID().uuidString).txt").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", TmuxSession.repository.appendingPathComponent("scripts/generate-article.py").path, size, path]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        return path
    }

    /// Opens a generated page of `size` in the reader and waits for its first screen, at 0%.
    /// The file is removed when the test ends.
    func openGenerated(_ size: String) throws -> (path: String, session: TmuxSession) {
        let path = try generate(size)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        let t = try TmuxSession(arguments: [path])
        let screen = try t.waitFor(Self.title)
        XCTAssertTrue(screen.contains(" 0%"), screen)
        return (path, t)
    }

    func testOpensJumpsToTheEndAndSurvivesTruncation() throws {
        let (path, t) = try openGenerated("8M")
        try t.send("G")
        let screen = try t.waitFor(Self.byline)
        XCTAssertTrue(screen.contains("100%"), screen)
        try t.send("g")
        try t.waitFor(Self.title)
        // Cut the file short under the reader: it keeps what it read, and R reloads.
        try "Title: Ngắn\n\nChỉ còn một đoạn.\n".write(toFile: path, atomically: false, encoding: .utf8)
        for key in ["Space", "Space", "G", "g", "+", "-"] { try t.send(key) }
        try t.waitFor(Self.title)
        try t.send("R")
        try t.waitFor("Chỉ còn một đoạn.")
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
    }

    /// A 100 KB page is first drawn from its head, then parsed whole: the reading time comes
    /// in and the end is reachable. (That the first screen equals the whole page's is checked
    /// cell by cell in the core's PreviewTests.)
    func testAMidSizePageIsDrawnFromItsHeadThenCompleted() throws {
        let (path, t) = try openGenerated("100K")
        // The reading time, known once the whole page is read: no longer "…".
        var screen = try t.waitUntil { screen in
            screen.split(separator: "\n").contains { $0.contains("Thời gian đọc") && !$0.trimmingCharacters(in: .whitespaces).hasSuffix("…") }
        }
        let dump = try BinaryRun.docbao(["dump", "--width", "200", path])
        XCTAssertTrue(screen.contains("docbao.bench"), screen)
        XCTAssertTrue(dump.text.contains("docbao.bench"))
        try t.send("G")
        screen = try t.waitFor(Self.byline)
        XCTAssertTrue(screen.contains("100%"), screen)
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
    }

    /// A file that is one 20 MB line (no paragraphs, no line ends) opens at once: the line is
    /// read in pieces, so neither the first screen nor the end waits for all of it.
    func testAFileOfOneHugeLineOpensAndReachesItsEnd() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-line-\(UUID().uuidString).txt").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        let words = ["người", "dân", "khắp", "nơi", "về", "dự", "lễ", "hội", "Đền", "Hùng"]
        var line = "Mởđầu " + (0..<2_500_000).map { words[$0 * 7 % words.count] }.joined(separator: " ") + " Kếtthúc."
        try line.write(toFile: path, atomically: false, encoding: .utf8)
        line = ""
        let t = try TmuxSession(arguments: [path])
        try t.waitFor("Mởđầu")
        try t.send("G")
        var screen = try t.waitFor("Kếtthúc.")
        XCTAssertTrue(screen.contains("100%"), screen)
        try t.send("+")
        screen = try t.waitFor("6/9")
        XCTAssertTrue(screen.contains("Kếtthúc."), "the place is kept across a size change: \(screen)")
        try t.send("g")
        try t.waitFor("Mởđầu")
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
    }

    func testDumpStreamsTheWholeArticle() throws {
        let path = try generate("3M")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try BinaryRun.docbao(["dump", "--width", "72", path])
        XCTAssertEqual(r.status, 0, r.errors)
        let lines = r.text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines.contains { $0.contains(Self.title) })
        XCTAssertTrue(r.text.contains("Tác giả: " + Self.byline))
        XCTAssertTrue(lines.allSatisfy { $0.count <= 72 }, "no line wider than the width")
        // Every word of the middle arrives, in order: compare the words with the file's.
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let marker = "Tác giả:"
        let bodyWords = { (s: Substring) in s.split(whereSeparator: { $0.isWhitespace || $0 == "▍" }) }
        let fileBody = source[source.range(of: "(docbao.bench)")!.upperBound..<source.range(of: marker)!.lowerBound]
        let dumpBody = r.text[r.text.range(of: "docbao.bench")!.upperBound..<r.text.range(of: marker)!.lowerBound]
        XCTAssertEqual(bodyWords(dumpBody), bodyWords(fileBody))
    }
}
