import DocBaoCore
import Foundation
import GRDB

/// Visitor statistics, ratings and reading positions in one SQLite file (WAL mode, so readers
/// never block the writer and a killed writer leaves a consistent database).
public final class SQLiteStatisticsStore: StatisticsStore {
    public static let fileName = "docbao.sqlite"

    let queue: DatabaseQueue
    public let path: String
    /// Where a damaged file was moved on open, if it was: the reader says so in its language.
    public private(set) var movedAside: String?
    /// The same for the command line, in English as its other messages are.
    public var warning: String? {
        movedAside.map { "the statistics database was damaged; it was moved to \($0) and a new one started" }
    }

    /// Opens (creating if needed) the database in `directory`. A file that is not a database
    /// is moved aside under a timestamped name and replaced by a fresh one.
    public init(directory: String, busyTimeout: TimeInterval = 5, now: Date = Date()) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/" + Self.fileName
        let existed = fm.fileExists(atPath: path)
        do {
            queue = try Self.open(path: path, busyTimeout: busyTimeout)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            let aside = path + ".corrupt-" + Self.stamp(now)
            try fm.moveItem(atPath: path, toPath: aside)
            for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
            queue = try Self.open(path: path, busyTimeout: busyTimeout)
            movedAside = aside
        }
        if !existed { Self.restrictPermissions(path: path, directory: directory) }
    }

    static func open(path: String, busyTimeout: TimeInterval) throws -> DatabaseQueue {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.journalMode = .wal
        let queue = try DatabaseQueue(path: path, configuration: config)
        try Schema.migrator.migrate(queue)
        return queue
    }

    /// 0600, unless the directory is group-writable: then it is shared by a group of users.
    /// The files docbao keeps beside the database follow the same rule (`DataFolderFile`).
    static func restrictPermissions(path: String, directory: String) {
        var info = stat()
        let shared = stat(directory, &info) == 0 && (info.st_mode & S_IWGRP) != 0
        chmod(path, shared ? 0o660 : 0o600)
    }

    static func stamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Foundation.Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd-HHmmss"
        return f.string(from: date)
    }

    /// Writes in an IMMEDIATE transaction: the write lock is taken (or waited for) up front,
    /// so concurrent writers queue on the busy timeout instead of failing.
    func write(_ body: (Database) throws -> Void) throws {
        try queue.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try body(db)
                return .commit
            }
        }
    }

    // MARK: StatisticsStore

    public func recordVisit(articleID: String, at date: Date) throws {
        let seconds = date.timeIntervalSince1970
        let slot = Int((seconds / Double(Schema.slotSeconds)).rounded(.down))
        try write { db in
            try db.execute(sql: "INSERT INTO visit (article, at) VALUES (?, ?)", arguments: [articleID, seconds])
            try db.execute(sql: """
                INSERT INTO slotTotal (slot, visits) VALUES (?, 1)
                ON CONFLICT(slot) DO UPDATE SET visits = visits + 1
                """, arguments: [slot])
            try db.execute(sql: """
                INSERT INTO articleTotal (article, visits) VALUES (?, 1)
                ON CONFLICT(article) DO UPDATE SET visits = visits + 1
                """, arguments: [articleID])
        }
    }

    public func counters(now: Date, calendar: Calendar) throws -> SiteCounters {
        let startOfToday = calendar.startOfDay(for: now)
        let startOfTomorrow = calendar.date(byAdding: .day, value: 1, to: startOfToday)!
        let startOfYesterday = calendar.date(byAdding: .day, value: -1, to: startOfToday)!
        let month = calendar.dateInterval(of: .month, for: now)!
        let year = calendar.dateInterval(of: .year, for: now)!
        func slot(_ d: Date) -> Int { Int((d.timeIntervalSince1970 / Double(Schema.slotSeconds)).rounded(.down)) }
        return try queue.read { db in
            func sum(_ from: Date, _ to: Date) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(visits), 0) FROM slotTotal WHERE slot >= ? AND slot < ?",
                                 arguments: [slot(from), slot(to)]) ?? 0
            }
            return SiteCounters(
                today: try sum(startOfToday, startOfTomorrow),
                yesterday: try sum(startOfYesterday, startOfToday),
                month: try sum(month.start, month.end),
                year: try sum(year.start, year.end),
                total: try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(visits), 0) FROM slotTotal") ?? 0,
                dayNumber: calendar.component(.day, from: now),
                monthNumber: calendar.component(.month, from: now),
                yearNumber: calendar.component(.year, from: now))
        }
    }

    public func views(articleID: String) throws -> Int {
        try queue.read { db in
            try Int.fetchOne(db, sql: "SELECT visits FROM articleTotal WHERE article = ?", arguments: [articleID]) ?? 0
        }
    }

    public func rating(articleID: String) throws -> RatingSummary {
        try queue.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT COALESCE(SUM(stars), 0) AS points, COUNT(*) AS votes FROM rating WHERE article = ?",
                                       arguments: [articleID])
            return RatingSummary(points: row?["points"] ?? 0, votes: row?["votes"] ?? 0)
        }
    }

    public func rate(articleID: String, user: String, stars: Int) throws {
        guard (1...5).contains(stars) else { return }
        try write { db in
            try db.execute(sql: """
                INSERT INTO rating (article, user, stars, at) VALUES (?, ?, ?, ?)
                ON CONFLICT(article, user) DO UPDATE SET stars = excluded.stars, at = excluded.at
                """, arguments: [articleID, user, stars, Date().timeIntervalSince1970])
        }
    }

    public func position(articleID: String) throws -> TextPosition? {
        try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT block, offset FROM position WHERE article = ?", arguments: [articleID])
                .map { TextPosition(block: $0["block"], offset: $0["offset"]) }
        }
    }

    public func savePosition(articleID: String, _ position: TextPosition) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO position (article, block, offset, at) VALUES (?, ?, ?, ?)
                ON CONFLICT(article) DO UPDATE SET block = excluded.block, offset = excluded.offset, at = excluded.at
                """, arguments: [articleID, position.block, position.offset, Date().timeIntervalSince1970])
        }
    }

    public func changeToken() throws -> Int {
        // data_version changes when another connection commits; this queue has one connection.
        try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    /// Views of every article that has any.
    public func allViews() throws -> [String: Int] {
        try queue.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT article, visits FROM articleTotal")
                .map { ($0["article"] as String, $0["visits"] as Int) })
        }
    }

    /// The most-read articles, most first.
    public func mostRead(limit: Int) throws -> [(article: String, visits: Int)] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT article, visits FROM articleTotal ORDER BY visits DESC, article LIMIT ?",
                             arguments: [limit]).map { ($0["article"], $0["visits"]) }
        }
    }

    /// `PRAGMA integrity_check`'s answer ("ok" when healthy).
    public func integrityCheck() throws -> String {
        try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}
