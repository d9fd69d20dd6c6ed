import Foundation
import XCTest

@testable import DocBaoCore

/// File names that are not UTF-8 (an old archive's `Tin t\xE9c.txt`) are kept byte for byte,
/// so the library opens them; names are quoted where they reach standard error.
final class FileSystemNameTests: XCTestCase {
    /// Any bytes come back as they went in; UTF-8 stays the string it spells.
    func testEveryByteStringSurvivesTheRoundTrip() {
        var rng = SeededGenerator(seed: 11)
        let pieces: [[UInt8]] = [
            Array("Tin tức".utf8), Array("中文".utf8), Array("🇻🇳".utf8), [0xE9], [0xFF], [0x80], [0xC3], [0xE1, 0xBB],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x8F, 0xBE, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], Array("/".utf8), [0x1B],
        ]
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...8, using: &rng)).flatMap { _ in pieces.randomElement(using: &rng)! }
            let name = FileSystemName.string(bytes)
            XCTAssertEqual(FileSystemName.bytes(name), bytes, "\(bytes)")
            XCTAssertEqual(FileSystemName.withPath(name) { Array(UnsafeBufferPointer(start: $0, count: strlen($0))) },
                           bytes.prefix { $0 != 0 }.map { CChar(bitPattern: $0) })
            if let utf8 = String(validating: bytes, as: UTF8.self), !utf8.unicodeScalars.contains(where: { $0.value >= 0x10FF80 }) {
                XCTAssertEqual(name, utf8)
            }
        }
        XCTAssertEqual(FileSystemName.readable(FileSystemName.string(Array("Tin t".utf8) + [0xE9, 0x63])), "Tin t\u{FFFD}c")
        XCTAssertEqual(FileSystemName.readable("Tin tức"), "Tin tức")
    }

    /// A name on standard error can neither drive the terminal nor split the line.
    func testQuotedNamesCarryNoControls() {
        let name = FileSystemName.string(Array("a\u{1B}]0;x\u{07}b\nc\t\u{9B}\u{202E}đ".utf8) + [0xE9])
        XCTAssertEqual(FileSystemName.quoted(name), "a\\x1B]0;x\\x07b\\nc\\t\\x9B\\u{202E}đ\\xE9")
        XCTAssertEqual(FileSystemName.quoted("Usage:\n\tdocbao \u{1B}[2J", keepsLineEnds: true), "Usage:\n\tdocbao \\x1B[2J")
        XCTAssertEqual(FileSystemName.quoted("thoi-su/bài 1.txt"), "thoi-su/bài 1.txt")
    }

    /// A library whose folder and file names are Latin-1: listed, read and opened, its ids the
    /// same on every scan; the category and the title of an unreadable file show U+FFFD.
    func testALibraryWithNamesThatAreNotUTF8() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-names-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        XCTAssertEqual(mkdir(root, 0o755), 0)
        let folder = Array(root.utf8) + Array("/th".utf8) + [0xE9]
        let file = folder + Array("/Tin t".utf8) + [0xE9] + Array("c.txt".utf8)
        let binary = folder + Array("/h".utf8) + [0xEC] + Array("nh.txt".utf8)
        func create(_ path: [UInt8], _ contents: [UInt8]) {
            let fd = (path.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
            XCTAssertGreaterThanOrEqual(fd, 0)
            XCTAssertEqual(contents.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }, contents.count)
            close(fd)
        }
        XCTAssertEqual((folder.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { mkdir($0.baseAddress!, 0o755) }, 0)
        create(file, Array("Title: Bài trong thư mục cũ\n\nThân bài.\n".utf8))
        create(binary, [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0])

        let files = ContentLibrary.listFiles(root: root)
        XCTAssertEqual(files.count, 2)
        let entry = try XCTUnwrap(files.first { $0.id.hasSuffix("c.txt") })
        XCTAssertEqual(FileSystemName.bytes(entry.id), Array("th".utf8) + [0xE9] + Array("/Tin t".utf8) + [0xE9] + Array("c.txt".utf8))
        XCTAssertEqual(FileSystemName.bytes(entry.path), file)
        XCTAssertEqual(ContentLibrary.withDetails(entry).title, "Bài trong thư mục cũ")
        XCTAssertNil(ContentLibrary.withDetails(entry).problem)
        XCTAssertEqual(try ArticleFile.load(path: entry.path).blocks.first?.text, "Thân bài.")
        XCTAssertNotNil(FileStamp(path: entry.path))
        XCTAssertEqual(ContentLibrary.listFiles(root: root).map(\.id).sorted(), files.map(\.id).sorted(), "the same ids again")
        XCTAssertEqual(categoryDisplayName(entry.category, strings: Strings(.vi)), "Th\u{FFFD}")
        let unreadable = ContentLibrary.withDetails(try XCTUnwrap(files.first { $0.id.hasSuffix("nh.txt") }))
        XCTAssertEqual(unreadable.title, "h\u{FFFD}nh")
        XCTAssertEqual(unreadable.problem, .binary(.nulBytes))
        XCTAssertEqual(Strings(.en).message(for: .notFound, path: entry.id), Strings(.en).message(for: .notFound, path: "th\u{FFFD}/Tin t\u{FFFD}c.txt"))
    }
}
