import Foundation
import XCTest

/// Visitor statistics as the reader shows them, with other processes writing at the same time.
final class StatisticsEndToEndTests: XCTestCase {
    static let seed = ReaderEndToEndTests.seed
    static let seedID = "thoi-su/hoi-nghi-lan-thu-4-bch-dang-bo-tinh-lai-chau.txt"

    func run(_ args: [String]) throws -> (Int32, String) {
        let r = try BinaryRun.docbao(args)
        return (r.status, r.text)
    }

    func sidebarValue(_ screen: String, _ label: String) -> String? {
        screen.split(separator: "\n").first { $0.contains("│ " + label) }
            .map { $0.components(separatedBy: label).last!.trimmingCharacters(in: .whitespaces) }
    }

    func testOpeningCountsAVisitAndTheSidebarFollowsOtherReaders() throws {
        let t = try TmuxSession(arguments: [Self.seed])
        try t.waitUntil { self.sidebarValue($0, "Tổng số") == "1" }
        let (code, _) = try run(["stats", "record", "other/article.txt", "--count", "1234", "--data-dir", t.dataDirectory])
        XCTAssertEqual(code, 0)
        // Polled every 2 s; grouped the Vietnamese way.
        let screen = try t.waitUntil(timeout: 8) { self.sidebarValue($0, "Tổng số") == "1.235" }
        XCTAssertEqual(sidebarValue(screen, "Lượt xem"), "1")
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
        let (_, json) = try run(["stats", "--json", "--data-dir", t.dataDirectory])
        XCTAssertTrue(json.contains("\"total\": 1235"), json)
        XCTAssertTrue(json.contains(Self.seedID), json)
    }

    /// `docbao stats` prints the five counters, then the most-read articles under a heading
    /// of their own, in the interface language.
    func testStatsListsTheMostReadUnderAHeading() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-stats-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertEqual(try run(["stats", "record", "a/often.txt", "--count", "3", "--data-dir", dir]).0, 0)
        XCTAssertEqual(try run(["stats", "record", "b/once.txt", "--data-dir", dir]).0, 0)
        let vi = try BinaryRun.docbao(["stats", "--top", "1", "--data-dir", dir], environment: ["LANG": "vi_VN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        XCTAssertEqual(vi.status, 0)
        let lines = vi.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.first, "Thống kê truy cập")
        XCTAssertTrue(lines.contains("  Tổng số: 4"), vi.text)
        let heading = try XCTUnwrap(lines.firstIndex(of: "Đọc nhiều nhất"), vi.text)
        XCTAssertEqual(lines[heading - 1], "")
        XCTAssertEqual(lines[heading + 1], "  3\ta/often.txt")
        XCTAssertFalse(vi.text.contains("b/once.txt"), "--top 1")
        let en = try BinaryRun.docbao(["stats", "--data-dir", dir], environment: ["LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        XCTAssertTrue(en.text.contains("Most read\n  3\ta/often.txt\n  1\tb/once.txt"), en.text)
        // --lang wins over the environment.
        let asked = try BinaryRun.docbao(["stats", "--lang", "en", "--data-dir", dir], environment: ["LANG": "vi_VN.UTF-8", "LC_ALL": ""])
        XCTAssertTrue(asked.text.hasPrefix("Visitor statistics\n"), asked.text)
        XCTAssertEqual(try BinaryRun.docbao(["stats", "--lang", "fr", "--data-dir", dir]).status, 2)
        let empty = try BinaryRun.docbao(["stats", "--data-dir", dir + "/none"])
        XCTAssertFalse(empty.text.contains("Đọc nhiều nhất") || empty.text.contains("Most read"), empty.text)
    }

    /// A damaged database is moved aside and a new one started; the reader says so in its
    /// language and counts the visit in the new one.
    func testADamagedDatabaseIsSaidInTheInterfacesLanguage() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-damaged-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let data = home.path + "/.local/share/docbao"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let garbage = Data((0..<8192).map { UInt8(($0 * 7919) & 0xFF) })
        XCTAssertTrue(FileManager.default.createFile(atPath: data + "/docbao.sqlite", contents: garbage))
        let t = try TmuxSession(arguments: [Self.seed], environment: ["HOME": home.path])
        try t.waitFor("Cơ sở dữ liệu thống kê bị hỏng: đã chuyển sang")
        try t.waitUntil { self.sidebarValue($0, "Tổng số") == "1" }
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
        let aside = try FileManager.default.contentsOfDirectory(atPath: data).filter { $0.hasPrefix("docbao.sqlite.corrupt-") }
        XCTAssertEqual(aside.count, 1)
        XCTAssertEqual(FileManager.default.contents(atPath: data + "/" + aside[0]), garbage)
    }

    func testRatingUpdatesTheRatingLineAndSidebar() throws {
        let t = try TmuxSession(arguments: [Self.seed])
        try t.waitFor("Thống kê truy cập")
        try t.send("r")
        try t.waitFor("Chấm điểm")
        try t.send("4")
        try t.send("G")
        let screen = try t.waitFor("Tổng số điểm của bài viết là: 4 trong 1 đánh giá")
        XCTAssertEqual(sidebarValue(screen, "Đánh giá"), "4,0★ (1)")
    }

    /// The seed page read to its end and left, then another article read after it (the session
    /// keeps its data folder until it goes).
    func readToTheEndThenAnotherArticle() throws -> TmuxSession {
        let t = try TmuxSession(arguments: [Self.seed])
        try t.waitFor("Thống kê truy cập")
        try t.send("G")
        try t.waitFor("Tác giả: Đinh Lan")
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
        let other = try TmuxSession(arguments: ["--data-dir", t.dataDirectory, "Content/van-hoa/le-hoi-den-hung.txt"])
        try other.waitFor("Thống kê truy cập")
        try other.send("q")
        try other.waitFor("__EXITED__ 0")
        return t
    }

    /// Opens the seed page again with `dataDirectory`, but for the files `removing` picks.
    func assertReopensWhereItWasLeft(_ dataDirectory: String, removing: (String) -> Bool,
                                     file: StaticString = #filePath, line: UInt = #line) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: dataDirectory)
        XCTAssertTrue(files.contains("recent-places") && files.contains("docbao.sqlite"), "\(files)", file: file, line: line)
        for name in files where removing(name) { try FileManager.default.removeItem(atPath: dataDirectory + "/" + name) }
        let again = try TmuxSession(arguments: ["--data-dir", dataDirectory, Self.seed])
        let screen = try again.waitFor("Tác giả: Đinh Lan")
        XCTAssertFalse(screen.contains("Hội nghị lần thứ 4 Ban Chấp hành Đảng bộ tỉnh khóa XIV"), "opened where it was left",
                       file: file, line: line)
    }

    /// From the database, when the note of recent places is gone.
    func testReadingPositionIsRestoredOnReopen() throws {
        let left = try readToTheEndThenAnotherArticle()
        try withExtendedLifetime(left) { try assertReopensWhereItWasLeft(left.dataDirectory) { $0 == "recent-places" } }
    }

    /// The places of the articles read last are also noted beside the database, so that an
    /// article opened again on its own starts there in its first frame, before the database is
    /// open: without the database (deleted here) it still does, though another article was read
    /// after it.
    func testRecentPlacesComeBeforeTheDatabase() throws {
        let left = try readToTheEndThenAnotherArticle()
        try withExtendedLifetime(left) { try assertReopensWhereItWasLeft(left.dataDirectory) { $0.hasPrefix("docbao.sqlite") } }
    }

    /// Opened from the library, an article starts at its noted place too when the database
    /// cannot be opened (a folder stands where it was).
    func testTheLibraryOpensAtTheNotedPlaceWithoutTheDatabase() throws {
        let left = try readToTheEndThenAnotherArticle()
        try withExtendedLifetime(left) {
            let dir = left.dataDirectory
            for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.hasPrefix("docbao.sqlite") {
                try FileManager.default.removeItem(atPath: dir + "/" + name)
            }
            try FileManager.default.createDirectory(atPath: dir + "/docbao.sqlite", withIntermediateDirectories: false)
            let t = try TmuxSession(arguments: ["--data-dir", dir, "Content"])
            let library = try t.waitFor("Thống nhất với 7 nhóm")
            XCTAssertTrue(library.contains("không khả dụng"), library)
            let lines = library.split(separator: "\n", omittingEmptySubsequences: false)
            let row = lines.firstIndex { $0.contains("Thống nhất với 7 nhóm") }!
            try t.sendLiteral("\u{1B}[<0;5;\(row + 1)M\u{1B}[<0;5;\(row + 1)m")
            let screen = try t.waitFor("Tác giả: Đinh Lan")
            XCTAssertFalse(screen.contains("Hội nghị lần thứ 4 Ban Chấp hành Đảng bộ tỉnh khóa XIV"), "opened where it was left")
        }
    }

    /// The database stays locked past the reader's last wait as it quits: the visit is kept in
    /// a file beside it, and the next docbao that opens the database writes it.
    func testAVisitTheReaderCouldNotWriteIsWrittenByTheNextDocbao() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-pending-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o770])
        XCTAssertEqual(try run(["stats", "record", "warmup", "--data-dir", dir]).0, 0)
        let locker = try lockDatabase(in: dir, seconds: 8)
        let t = try TmuxSession(arguments: ["--data-dir", dir, Self.seed])
        try t.waitFor("Thống kê truy cập")
        try t.send("q")
        try t.waitFor("__EXITED__ 0", timeout: 10)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/pending-visits"), "the visit is kept")
        // The folder is a group's (see below): its files are the group's too, as the database is.
        for name in ["pending-visits", "recent-places", "docbao.sqlite"] {
            let mode = try FileManager.default.attributesOfItem(atPath: dir + "/" + name)[.posixPermissions] as? Int
            XCTAssertEqual(mode, 0o660, name)
        }
        locker.waitUntilExit()
        let (code, json) = try run(["stats", "--json", "--data-dir", dir])
        XCTAssertEqual(code, 0)
        XCTAssertTrue(json.contains("\"total\": 2") && json.contains(Self.seedID), json)  // the warm-up's and the reader's
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/pending-visits"), "and written")
        XCTAssertTrue(try run(["stats", "--json", "--data-dir", dir]).1.contains("\"total\": 2"), "once")
    }

    /// `stats record` waits out a writer that holds the lock longer than the reader's busy
    /// timeout (5 s), as SQLite's unfair waiting can make one of many writers do: it records
    /// every visit and succeeds, where it gave up after 5 s.
    func testRecordingWaitsOutALockHeldPastTheBusyTimeout() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-held-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertEqual(try run(["stats", "record", "warmup", "--data-dir", dir]).0, 0)
        let locker = try lockDatabase(in: dir, seconds: 7)
        let started = Date()
        let record = try BinaryRun.docbao(["stats", "record", "held", "--count", "3", "--data-dir", dir])
        XCTAssertEqual(record.status, 0, record.errors)
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 5, "it had to wait past one timeout")
        locker.waitUntilExit()
        let (code, json) = try run(["stats", "--json", "--data-dir", dir])
        XCTAssertEqual(code, 0)
        XCTAssertTrue(json.contains("\"total\": 4"), json)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/pending-visits"), "nothing left waiting")
    }

    /// Another process holding the database's write lock for `seconds` (from when this returns).
    func lockDatabase(in dir: String, seconds: Int) throws -> Process {
        let locker = Process()
        locker.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        locker.arguments = ["python3", "-c", """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(\(seconds)); c.execute('COMMIT')
            """, dir + "/docbao.sqlite"]
        let out = Pipe()
        locker.standardOutput = out
        try locker.run()
        _ = out.fileHandleForReading.availableData  // waits for "locked"
        return locker
    }

    func testUnusableDataDirectoryShowsUnavailableAndTheReaderWorks() throws {
        let t = try TmuxSession(arguments: ["--data-dir", "/dev/null/docbao", Self.seed])
        try t.waitFor("không khả dụng")
        try t.send("G")
        try t.waitFor("Tác giả: Đinh Lan")
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
    }

    /// Another process holds the write lock for 6 s: the reader draws, keeps answering keys
    /// while it is held, and counts the visit once the lock is gone. (The lock outlasts the
    /// waits by far, so that a machine slowed by a sanitizer or by other tests still shows
    /// the reader working before it ends.)
    func testALockedDatabaseNeverFreezesTheReaderAndTheVisitIsKept() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-lock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertEqual(try run(["stats", "record", "warmup", "--data-dir", dir]).0, 0)
        let locker = try lockDatabase(in: dir, seconds: 6)
        let t = try TmuxSession(arguments: ["--data-dir", dir, Self.seed])
        try t.waitFor("Thống kê truy cập", timeout: 5)
        try t.send("G")
        try t.waitFor("Tác giả: Đinh Lan", timeout: 5)
        XCTAssertTrue(locker.isRunning, "the reader drew and answered a key while the database was locked")
        locker.waitUntilExit()
        try t.waitUntil(timeout: 8) { self.sidebarValue($0, "Lượt xem") == "1" }
    }
}
