import DocBaoCore
import Foundation
import XCTest

@testable import DocBaoStore

/// The small files beside the database, on real files in a temporary folder.
final class DataFolderFilesTests: XCTestCase {
    var directory: String!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-files-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(atPath: directory) }
    }

    func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: directory).sorted() }

    func testWaitingVisitsAreWrittenOnceInTheSlotsOfTheirOwnTime() throws {
        let pending = PendingVisitsFile(directory: directory)
        let yesterday = Date().addingTimeInterval(-86_400)
        XCTAssertTrue(pending.keep([PendingVisit(articleID: "a.txt", seconds: yesterday.timeIntervalSince1970)]))
        XCTAssertTrue(pending.keep([PendingVisit(articleID: "b.txt", seconds: Date().timeIntervalSince1970)]), "added after")
        let store = try SQLiteStatisticsStore(directory: directory)
        XCTAssertEqual(pending.writeAll(into: store), 2)
        XCTAssertEqual(try store.views(articleID: "a.txt"), 1)
        XCTAssertEqual(try store.views(articleID: "b.txt"), 1)
        XCTAssertEqual(try store.counters(now: Date(), calendar: Calendar(identifier: .gregorian)).total, 2)
        XCTAssertFalse(try files().contains(PendingVisit.fileName), "taken")
        XCTAssertEqual(pending.writeAll(into: store), 0, "and not written twice")
        XCTAssertEqual(try store.views(articleID: "a.txt"), 1)
    }

    func testVisitsThatCannotBeWrittenGoBackIntoTheFile() throws {
        let pending = PendingVisitsFile(directory: directory)
        pending.keep([PendingVisit(articleID: "a.txt", seconds: 1), PendingVisit(articleID: "b.txt", seconds: 2)])
        let store = try SQLiteStatisticsStore(directory: directory, busyTimeout: 0.05)
        let locker = try DatabaseLocker(directory + "/docbao.sqlite")
        XCTAssertEqual(pending.writeAll(into: store), 0)
        XCTAssertEqual(PendingVisit.parse(try String(contentsOfFile: directory + "/" + PendingVisit.fileName, encoding: .utf8)).map(\.articleID),
                       ["a.txt", "b.txt"], "kept, in order")
        locker.release()
        XCTAssertEqual(pending.writeAll(into: store), 2)
    }

    func testRecentPlacesKeepWhatAnotherDocbaoWrote() throws {
        let mine = RecentPlacesFile(directory: directory), theirs = RecentPlacesFile(directory: directory)
        XCTAssertEqual(mine.load(), RecentPlaces(), "no note yet")
        mine.save(articleID: "a.txt", position: TextPosition(block: 3, offset: 9))
        theirs.save(articleID: "b.txt", position: TextPosition(block: 1, offset: 0))
        mine.save(articleID: "c.txt", position: TextPosition(block: 7, offset: 2))
        XCTAssertEqual(mine.load().places.map(\.articleID), ["c.txt", "b.txt", "a.txt"])
        XCTAssertEqual(theirs.load().position(for: "a.txt"), TextPosition(block: 3, offset: 9))
        XCTAssertEqual(try files(), [RecentPlaces.fileName], "no temporary file left")
    }

    func testInAFolderAGroupSharesTheFilesAreTheGroups() throws {
        chmod(directory, 0o770)
        RecentPlacesFile(directory: directory).save(articleID: "a.txt", position: .start)
        PendingVisitsFile(directory: directory).keep([PendingVisit(articleID: "a.txt", seconds: 1)])
        for name in [RecentPlaces.fileName, PendingVisit.fileName] {
            let mode = try FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.posixPermissions] as? Int
            XCTAssertEqual(mode, 0o660, name)
        }
        chmod(directory, 0o700)
        RecentPlacesFile(directory: directory).save(articleID: "b.txt", position: .start)
        let mode = try FileManager.default.attributesOfItem(atPath: directory + "/" + RecentPlaces.fileName)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testNothingIsWrittenWhereTheFolderDoesNotExist() {
        let missing = directory + "/no/such"
        XCTAssertFalse(PendingVisitsFile(directory: missing).keep([PendingVisit(articleID: "a.txt", seconds: 1)]))
        RecentPlacesFile(directory: missing).save(articleID: "a.txt", position: .start)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
    }
}

/// Another connection holding the database's write lock until released.
final class DatabaseLocker {
    let process = Process()

    init(_ path: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); sys.stdin.read(); c.execute('COMMIT')
            """, path]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = Pipe()
        try process.run()
        _ = out.fileHandleForReading.availableData  // waits for "locked"
    }

    func release() {
        (process.standardInput as? Pipe)?.fileHandleForWriting.closeFile()
        process.waitUntilExit()
    }
}
