import DocBaoCore
import Foundation
import XCTest

@testable import DocBaoStore

/// The store on a real SQLite file in a temporary directory.
final class StatisticsStoreTests: XCTestCase {
    var directory: String!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-store-\(UUID().uuidString)").path
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func calendar(_ zone: String) -> Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: zone)!
        return c
    }

    func date(_ text: String, _ zone: String) -> Date {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: zone)
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.date(from: text)!
    }

    func testCountersAcrossMidnightInHoChiMinhCity() throws {
        let store = try SQLiteStatisticsStore(directory: directory)
        let zone = "Asia/Ho_Chi_Minh"
        try store.recordVisit(articleID: "a", at: date("2024-04-11 23:59", zone))
        try store.recordVisit(articleID: "a", at: date("2024-04-11 23:59", zone))
        try store.recordVisit(articleID: "b", at: date("2024-04-12 00:01", zone))
        let c = try store.counters(now: date("2024-04-12 00:02", zone), calendar: calendar(zone))
        XCTAssertEqual([c.today, c.yesterday, c.month, c.year, c.total], [1, 2, 3, 3, 3])
        XCTAssertEqual([c.dayNumber, c.monthNumber, c.yearNumber], [12, 4, 2024])
        // A reader left open past midnight counts again: until then its counters hold.
        XCTAssertFalse(c.isOutOfDate(now: date("2024-04-12 23:59", zone), calendar: calendar(zone)))
        XCTAssertTrue(c.isOutOfDate(now: date("2024-04-13 00:00", zone), calendar: calendar(zone)))
        XCTAssertTrue(c.isOutOfDate(now: date("2024-05-12 08:00", zone), calendar: calendar(zone)), "same day, next month")
        XCTAssertTrue(c.isOutOfDate(now: date("2024-04-12 00:02", zone), calendar: calendar("UTC")), "still the 11th in UTC")
        // The same visits seen from UTC fall on one day (16:59 and 17:01 on 11 April).
        let utc = try store.counters(now: date("2024-04-11 18:00", "UTC"), calendar: calendar("UTC"))
        XCTAssertEqual([utc.today, utc.yesterday], [3, 0])
    }

    func testCountersAcrossTheNewYear() throws {
        let store = try SQLiteStatisticsStore(directory: directory)
        let zone = "Asia/Ho_Chi_Minh"
        for _ in 0..<4 { try store.recordVisit(articleID: "a", at: date("2023-12-31 23:59", zone)) }
        try store.recordVisit(articleID: "a", at: date("2023-12-15 10:00", zone))
        try store.recordVisit(articleID: "a", at: date("2024-01-01 00:01", zone))
        let c = try store.counters(now: date("2024-01-01 08:00", zone), calendar: calendar(zone))
        XCTAssertEqual([c.today, c.yesterday, c.month, c.year, c.total], [1, 4, 1, 1, 6])
        XCTAssertEqual(c.yearNumber, 2024)
        let dec = try store.counters(now: date("2023-12-31 23:59", zone), calendar: calendar(zone))
        XCTAssertEqual([dec.today, dec.month, dec.year], [4, 5, 5])
        XCTAssertEqual(try store.views(articleID: "a"), 6)
        XCTAssertEqual(try store.views(articleID: "unknown"), 0)
    }

    func testRatingsReplaceAndAverage() throws {
        let store = try SQLiteStatisticsStore(directory: directory)
        try store.rate(articleID: "a", user: "lan", stars: 2)
        try store.rate(articleID: "a", user: "lan", stars: 5)
        try store.rate(articleID: "a", user: "minh", stars: 4)
        try store.rate(articleID: "a", user: "minh", stars: 9)  // out of range: ignored
        let r = try store.rating(articleID: "a")
        XCTAssertEqual(r, RatingSummary(points: 9, votes: 2))
        XCTAssertEqual(r.average, 4.5)
        XCTAssertEqual(try store.rating(articleID: "b"), RatingSummary(points: 0, votes: 0))
    }

    func testPositionsPersistAcrossReopening() throws {
        do {
            let store = try SQLiteStatisticsStore(directory: directory)
            XCTAssertNil(try store.position(articleID: "a"))
            try store.savePosition(articleID: "a", TextPosition(block: 3, offset: 120))
            try store.savePosition(articleID: "a", TextPosition(block: 7, offset: 42))
        }
        let again = try SQLiteStatisticsStore(directory: directory)
        XCTAssertEqual(try again.position(articleID: "a"), TextPosition(block: 7, offset: 42))
    }

    func testMigratesAnEmptyFileAndRestrictsPermissions() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        chmod(directory, 0o755)
        let store = try SQLiteStatisticsStore(directory: directory)
        XCTAssertEqual(try store.integrityCheck(), "ok")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int, 0o600)

        let shared = directory + "/shared"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        chmod(shared, 0o2775)
        let sharedStore = try SQLiteStatisticsStore(directory: shared)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: sharedStore.path)[.posixPermissions] as? Int, 0o660)

        let emptyDir = directory + "/empty"
        try FileManager.default.createDirectory(atPath: emptyDir, withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: emptyDir + "/" + SQLiteStatisticsStore.fileName, contents: Data()))
        let fromEmpty = try SQLiteStatisticsStore(directory: emptyDir)
        try fromEmpty.recordVisit(articleID: "a", at: Date())
        XCTAssertEqual(try fromEmpty.views(articleID: "a"), 1)
    }

    func testCorruptFileIsMovedAsideAndReplaced() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + SQLiteStatisticsStore.fileName
        var garbage = Data(count: 8192)
        for i in 0..<garbage.count { garbage[i] = UInt8((i * 7919) & 0xFF) }
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: garbage))
        let store = try SQLiteStatisticsStore(directory: directory, now: Date(timeIntervalSince1970: 0))
        let aside = directory + "/" + SQLiteStatisticsStore.fileName + ".corrupt-19700101-000000"
        XCTAssertEqual(store.movedAside, aside)
        XCTAssertEqual(store.warning, "the statistics database was damaged; it was moved to \(aside) and a new one started")
        XCTAssertEqual(FileManager.default.contents(atPath: aside), garbage, "the damaged file is kept, not deleted")
        try store.recordVisit(articleID: "a", at: Date())
        XCTAssertEqual(try store.views(articleID: "a"), 1)
    }

    func testUnusableDirectoryThrows() {
        // A path below a regular file can never be a directory, even for root.
        XCTAssertThrowsError(try SQLiteStatisticsStore(directory: "/dev/null/docbao"))
    }

    func testDataLocationPrecedence() {
        XCTAssertEqual(DataLocation.dataDirectory(option: "/x", environment: ["DOCBAO_DATA_DIR": "/y"]), "/x")
        XCTAssertEqual(DataLocation.dataDirectory(option: nil, environment: ["DOCBAO_DATA_DIR": "/y", "XDG_DATA_HOME": "/z"]), "/y")
        XCTAssertEqual(DataLocation.dataDirectory(option: nil, environment: ["XDG_DATA_HOME": "/z", "HOME": "/h"]), "/z/docbao")
        XCTAssertEqual(DataLocation.dataDirectory(option: nil, environment: ["HOME": "/h"]), "/h/.local/share/docbao")
    }

    /// Without a usable HOME (unset, empty, relative) the account's home is asked, not the
    /// folder docbao happened to start in; with one, the account is never asked.
    func testWithoutHomeTheAccountsHomeIsUsed() {
        let account = { () -> String? in "/home/lan" }
        for env in [[:], ["HOME": ""], ["HOME": "relative"]] {
            XCTAssertEqual(DataLocation.dataDirectory(option: nil, environment: env, account: account), "/home/lan/.local/share/docbao")
            XCTAssertEqual(DataLocation.configDirectory(environment: env, account: account), "/home/lan/.config/docbao")
        }
        XCTAssertEqual(DataLocation.dataDirectory(option: nil, environment: ["HOME": "/h"], account: {
            XCTFail("asked for the account's home although HOME is set")
            return nil
        }), "/h/.local/share/docbao")
        XCTAssertEqual(DataLocation.dataDirectory(option: nil, environment: [:], account: { nil }), "./.local/share/docbao")
    }
}
