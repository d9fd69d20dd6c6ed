import Foundation
import XCTest

@testable import DocBaoStore

/// Many docbao processes writing one database at once, through the built binary.
final class ConcurrentWritersTests: XCTestCase {
    /// The docbao built with these tests, next to the test runner (whatever the build path).
    static let binary = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("docbao")

    var directory: String!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            throw XCTSkip("\(Self.binary.path) is missing; run `swift build` first")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-conc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Created up front so that the writers race on visits, not on the schema.
        _ = try SQLiteStatisticsStore(directory: directory)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(atPath: directory) }
    }

    func recorder(_ article: String, count: Int) throws -> Process {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = ["stats", "record", article, "--count", "\(count)", "--data-dir", directory]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        return p
    }

    func testEightProcessesOfFiveHundredVisitsEachCountExactly4000() throws {
        let before = try SQLiteStatisticsStore(directory: directory).views(articleID: "thoi-su/a.txt")
        let writers = try (0..<8).map { _ in try recorder("thoi-su/a.txt", count: 500) }
        for w in writers { try w.run() }
        for w in writers { w.waitUntilExit() }
        XCTAssertEqual(writers.map(\.terminationStatus), Array(repeating: 0, count: 8))
        let store = try SQLiteStatisticsStore(directory: directory)
        XCTAssertEqual(try store.views(articleID: "thoi-su/a.txt") - before, 4000)
        XCTAssertEqual(try store.counters(now: Date(), calendar: Calendar(identifier: .gregorian)).total, 4000)
    }

    func testKillingWritersNeverCorruptsTheDatabase() throws {
        let watcher = try SQLiteStatisticsStore(directory: directory)
        for round in 0..<12 {
            let writers = try (0..<3).map { _ in try recorder("k", count: 100_000) }
            let before = try watcher.views(articleID: "k")
            for w in writers { try w.run() }
            // Killed while they write: once this round's first visits are in (an instrumented
            // binary can take longer to start than any fixed delay), then a little later.
            let deadline = Date().addingTimeInterval(30)
            while try watcher.views(articleID: "k") == before, Date() < deadline { usleep(5_000) }
            usleep(useconds_t(round * 15_000))
            for w in writers { kill(w.processIdentifier, SIGKILL) }
            for w in writers { w.waitUntilExit() }
        }
        let store = try SQLiteStatisticsStore(directory: directory)
        XCTAssertEqual(try store.integrityCheck(), "ok")
        // Every committed visit is in all three tables alike.
        let views = try store.views(articleID: "k")
        XCTAssertEqual(try store.counters(now: Date(), calendar: Calendar(identifier: .gregorian)).total, views)
        XCTAssertGreaterThan(views, 0)
    }
}
