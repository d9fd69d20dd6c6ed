import ArgumentParser
import DocBaoCore
import DocBaoStore
import Foundation

/// Where the statistics live, shared by every command that opens them.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Folder of the statistics database (default: $DOCBAO_DATA_DIR, else $XDG_DATA_HOME/docbao, else ~/.local/share/docbao).")
    var dataDir: String?

    var directory: String {
        DataLocation.dataDirectory(option: dataDir, environment: processEnvironment(), account: accountHome)
    }

    /// Opens the database, and writes into it the visits a reader could not write before it
    /// quit (`PendingVisit`), so that the numbers shown include them.
    /// `busyTimeout`: how long to wait while another process holds the database.
    func open(busyTimeout: TimeInterval = 5) throws -> SQLiteStatisticsStore {
        do {
            let store = try SQLiteStatisticsStore(directory: directory, busyTimeout: busyTimeout)
            PendingVisitsFile(directory: directory).writeAll(into: store)
            return store
        } catch {
            throw Failure(message: "statistics in \(directory) are unavailable: \(error)")
        }
    }
}

/// The reader's local calendar: Gregorian in the time zone `TZ` names.
func localCalendar() -> Calendar {
    var c = Calendar(identifier: .gregorian)
    c.timeZone = TimeZone.current
    return c
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show or record visitor statistics.",
        subcommands: [Show.self, Record.self],
        defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the counters and the most-read articles.")

        @Flag(name: .long, help: "Print JSON.") var json = false
        @Option(name: .long, parsing: .unconditional, help: "How many most-read articles to list.") var top = 10
        @Option(name: .long, help: "Language of the headings: vi or en (default: from LANG, else vi).") var lang: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if let lang, UILanguage(rawValue: lang) == nil { throw ValidationError("--lang must be vi or en") }
            if top < 0 { throw ValidationError("--top must be 0 or more") }
        }

        func run() throws {
            let db = try store.open()
            if let w = db.warning { FileHandle.standardError.write(Data("docbao: \(w)\n".utf8)) }
            let c = try db.counters(now: Date(), calendar: localCalendar())
            let most = try db.mostRead(limit: top)
            if json {
                let value = JSONValue.object([
                    ("today", .int(c.today)), ("yesterday", .int(c.yesterday)), ("month", .int(c.month)),
                    ("year", .int(c.year)), ("total", .int(c.total)),
                    ("mostRead", .array(most.map { .object([("article", .string($0.article)), ("visits", .int($0.visits))]) })),
                ])
                try StandardOutput.lines([value.rendered()])
                return
            }
            let lang = self.lang.flatMap(UILanguage.init(rawValue:)) ?? UILanguage.fromEnvironment(processEnvironment())
            let s = Strings(lang)
            var lines = [s[.statsHeading]]
            for (label, n) in [(s[.today], c.today), (s[.yesterday], c.yesterday), (s.monthLabel(c.monthNumber), c.month),
                               ("\(s[.year]) \(c.yearNumber)", c.year), (s[.total], c.total)] {
                lines.append("  \(label): \(lang.grouped(n))")
            }
            if !most.isEmpty {
                lines += ["", s[.mostRead]]
                // An id is a file's path, whose name may hold anything (an escape sequence, a
                // byte that is not UTF-8): quoted, as on standard error.
                for (article, visits) in most { lines.append("  \(lang.grouped(visits))\t\(FileSystemName.quoted(article))") }
            }
            try StandardOutput.lines(lines)
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record visits to an article id without a terminal (for scripts, imports and tests).")

        @Argument(help: "The article id (the path relative to the content root); it need not exist.")
        var article: String
        @Option(name: .long, parsing: .unconditional, help: "How many visits to record, one transaction each.") var count = 1
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if count < 1 { throw ValidationError("--count must be at least 1") }
            if article.isEmpty { throw ValidationError("the article id must not be empty") }
        }

        /// How long opening and each visit may wait for the lock: SQLite's waiting is not fair,
        /// so among many writers one can miss the lock for seconds while the others go on; a
        /// script's import waits rather than fails.
        static let busyTimeout: TimeInterval = 35

        func run() throws {
            var recorded = 0
            do {
                let db = try store.open(busyTimeout: Self.busyTimeout)
                while recorded < count {
                    try db.recordVisit(articleID: article, at: Date())
                    recorded += 1
                }
            } catch {
                // Never lost: the rest wait beside the database for the next docbao that opens it.
                let rest = count - recorded
                let visits = Array(repeating: PendingVisit(articleID: article, seconds: Date().timeIntervalSince1970), count: rest)
                let kept = PendingVisitsFile(directory: store.directory).keep(visits)
                let why = (error as? Failure)?.message ?? "statistics in \(store.directory): \(error)"
                throw Failure(message: "\(why); \(recorded) of \(count) visit(s) recorded, "
                    + (kept ? "the other \(rest) wait in \(PendingVisit.fileName) for the next docbao that opens the database"
                            : "the other \(rest) could not be kept either"))
            }
        }
    }
}
