import DocBaoCore
import DocBaoStore
import DocBaoTerminal
import Foundation

/// The interactive loop: events in, `update`, effects out, `render`, paint. It also owns the
/// statistics store, which it opens only after the first frame is on screen.
final class ReaderSession {
    let screen: CursesScreen
    var state: ReaderState
    private var frame: Frame?
    private var running = true

    private let storeDirectory: String
    private var store: SQLiteStatisticsStore?
    /// Visits not yet written (the database was locked): retried until they are.
    private var pendingVisits: [(article: String, at: Date)] = []
    private var lastPoll = Date.distantPast
    private var lastToken: Int?
    private var lastPositionSave = Date()
    private let user: String
    /// The reader's calendar and time zone, for the day the counters are counted for (made at
    /// first use, after the first frame: the time zone's data is loaded then).
    private lazy var calendar = localCalendar()

    /// How often the sidebar looks for visits recorded by other docbao processes.
    static let pollInterval: TimeInterval = 2
    static let positionSaveInterval: TimeInterval = 30
    /// Short, so a database locked by another process cannot freeze the screen.
    static let busyTimeout: TimeInterval = 0.2

    private let settingsStorage: SettingsStorage
    private let recentPlaces: RecentPlacesFile
    private let pendingFile: PendingVisitsFile
    /// What the settings file holds; what the reader changes is applied to it and saved.
    private var savedSettings: ReaderSettings
    private var appliedSettings: ReaderSettings

    /// The code articles are read in (`--encoding`).
    private let encoding: TextEncoding

    init(screen: CursesScreen, state: ReaderState, storeDirectory: String, settingsStorage: SettingsStorage,
         savedSettings: ReaderSettings, environment env: [String: String], encoding: TextEncoding = .auto) {
        self.screen = screen
        self.encoding = encoding
        self.state = state
        self.storeDirectory = storeDirectory
        recentPlaces = RecentPlacesFile(directory: storeDirectory)
        pendingFile = PendingVisitsFile(directory: storeDirectory)
        self.settingsStorage = settingsStorage
        self.savedSettings = savedSettings
        appliedSettings = state.settings
        user = env["USER"] ?? env["LOGNAME"] ?? "uid-\(getuid())"
    }

    /// The open article's file as it was when read, to notice when it changes on disk.
    private var openedFile: FileStamp?
    private var lastFileCheck = Date()

    /// The file of a page whose first frame was drawn from its head (`ArticleParser.preview`),
    /// parsed whole right after that frame.
    var restOfPage: FileBytes?

    func run() {
        if state.needsWholePage { completeArticle() }
        paint()
        completeArticle()
        openStore()
        paint()
        noteOpenedFile()
        while running {
            if screen.quitRequested {
                perform(state.update(.quit))
                break
            }
            let waiting = heldEvent
            heldEvent = nil
            guard let event = waiting ?? screen.nextEvent() else {
                collectLibraryDetails()
                idle()
                continue
            }
            collectLibraryDetails()
            if case .key(.control("z")) = event {
                screen.suspend()
                state.update(.resize(screen.size))
                paint()
                continue
            }
            guard let action = state.action(for: event, frame: frame) else { continue }
            perform(state.update(action))
            takeWaitingEvents()
            if running { paint() }
        }
        finishVisits()
    }

    /// An event taken by `takeWaitingEvents` that must go through the loop.
    private var heldEvent: InputEvent?
    /// Events handled at most between two frames, so that a long stream still shows.
    static let eventsPerFrame = 256

    /// Events already waiting when one has been handled (the rest of a paste, a held key, a
    /// burst of resizes) are handled before the next frame, which is then drawn once for them
    /// all rather than once each: a paste of 3,000 characters into the search prompt took
    /// 0.7 s. A mouse event needs the frame it was aimed at, and Ctrl-Z stops the process:
    /// those are left to the loop, after the frame.
    private func takeWaitingEvents() {
        for _ in 0..<Self.eventsPerFrame {
            guard running, !screen.quitRequested, let event = screen.pendingEvent() else { return }
            switch event {
            case .mouse, .key(.control("z")):
                heldEvent = event
                return
            default:
                collectLibraryDetails()
                guard let action = state.action(for: event, frame: frame) else { continue }
                perform(state.update(action))
            }
        }
    }

    func paint() {
        let f = render(state)
        screen.paint(f, theme: state.theme)
        frame = f
    }

    // MARK: Effects

    func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .open(let entry):
                do {
                    let article = try ArticleFile.load(path: entry.path, encoding: encoding)
                    // The note when the database is not open (yet, or at all).
                    let position = (try? store?.position(articleID: entry.id)) ?? recentPlaces.load().position(for: entry.id)
                    perform(state.update(.opened(OpenedArticle(entry: entry, article: article, position: position))))
                    noteOpenedFile()
                } catch {
                    state.update(.openFailed(path: entry.id, error: error))
                }
            case .reload:
                guard let doc = state.document else { continue }
                do {
                    let article = try ArticleFile.load(path: doc.entry.path, encoding: encoding)
                    state.update(.opened(OpenedArticle(entry: doc.entry, article: article, position: doc.anchor)))
                    state.update(.showMessage(state.strings[.reloaded]))
                    noteOpenedFile()
                } catch {
                    state.update(.openFailed(path: doc.entry.id, error: error))
                }
            case .recordVisit(let id):
                pendingVisits.append((id, Date()))
                flushVisits(finalTimeout: false)
            case .refreshStats:
                refreshStats()
            case .rate(let id, let stars):
                do {
                    try store?.rate(articleID: id, user: user, stars: stars)
                    refreshStats()
                } catch {
                    state.update(.showMessage(state.strings[.rateFailed]))
                }
            case .savePosition(let id, let position):
                try? store?.savePosition(articleID: id, position)
                recentPlaces.save(articleID: id, position: position)
                lastPositionSave = Date()
            case .saveSettings(let settings):
                savedSettings = ReaderSettings.persisting(savedSettings, changesFrom: appliedSettings, to: settings)
                appliedSettings = settings
                do {
                    try settingsStorage.save(savedSettings)
                } catch {
                    state.update(.showMessage(state.strings.format(.settingsNotSaved, settingsStorage.path, error.localizedDescription)))
                }
            case .copyToClipboard(let text):
                screen.copyToClipboard(text)
            case .redrawAll:
                screen.invalidate()
            case .quit:
                running = false
            }
        }
    }

    private func completeArticle() {
        guard let file = restOfPage else { return }
        restOfPage = nil
        do {
            state.update(.completed(try ArticleParser.parse(file: file, encoding: encoding)))
        } catch {
            state.update(.showMessage(state.strings.message(for: error, path: state.document?.entry.path ?? "")))
        }
    }

    // MARK: Statistics

    /// Opens the database; a failure (locked by another process, unusable folder) leaves
    /// statistics unavailable and everything else working, and is retried at each poll.
    private func openStore() {
        lastPoll = Date()
        do {
            let s = try SQLiteStatisticsStore(directory: storeDirectory, busyTimeout: Self.busyTimeout)
            store = s
            pendingFile.writeAll(into: s)  // visits an earlier docbao could not write
            state.update(.statsAvailability(true))
            if let aside = s.movedAside { state.update(.showMessage(state.strings.format(.databaseMovedAside, aside))) }
            if let doc = state.document, let p = try? s.position(articleID: doc.entry.id) {
                state.update(.restorePosition(p))
            }
        } catch {
            state.update(.statsAvailability(false))
            return
        }
        flushVisits(finalTimeout: false)
        refreshStats()
    }

    /// At quit: writes the visits still waiting (trying for up to 5 s while another process
    /// holds the database), and keeps those it cannot write in a file beside the database, for
    /// the next docbao that opens it.
    private func finishVisits() {
        if store == nil, !pendingVisits.isEmpty { openStore() }
        flushVisits(finalTimeout: true)
        guard !pendingVisits.isEmpty else { return }
        pendingFile.keep(pendingVisits.map { PendingVisit(articleID: $0.article, seconds: $0.at.timeIntervalSince1970) })
        pendingVisits = []
    }

    /// Writes pending visits in order; stops at the first failure and keeps the rest.
    private func flushVisits(finalTimeout: Bool) {
        guard let store else { return }
        let deadline = Date().addingTimeInterval(finalTimeout ? 5 : 0)
        while let visit = pendingVisits.first {
            do {
                try store.recordVisit(articleID: visit.article, at: visit.at)
                pendingVisits.removeFirst()
            } catch {
                if Date() >= deadline { return }
            }
        }
    }

    private func refreshStats() {
        guard let store else { return }
        do {
            let counters = try store.counters(now: Date(), calendar: calendar)
            var stats = SidebarStats(site: counters)
            if let doc = state.document {
                stats.articleViews = try store.views(articleID: doc.entry.id)
                stats.articleRating = try store.rating(articleID: doc.entry.id)
            }
            state.update(.statsChanged(stats))
            if !state.library.isEmpty { state.update(.libraryViews(try store.allViews())) }
            lastToken = try store.changeToken()
        } catch {
            // Locked right now: the next poll tries again.
        }
        lastPoll = Date()
    }

    /// Library rows being read on another thread; the loop picks them up when they are done.
    private let libraryDetails = LibraryDetailsBox()
    private var libraryLoading = false

    /// Reads every library row's file on a background thread (the first frame shows file
    /// names); meanwhile the loop looks for the result every 20 ms.
    func loadLibraryDetails() {
        let rows = state.library
        guard !rows.isEmpty else { return }
        libraryLoading = true
        screen.setInputTimeout(milliseconds: 20)
        let box = libraryDetails, encoding = encoding
        Thread.detachNewThread { box.put(rows.map { ContentLibrary.withDetails($0, encoding: encoding) }) }
    }

    private func collectLibraryDetails() {
        guard libraryLoading, let rows = libraryDetails.take() else { return }
        libraryLoading = false
        screen.setInputTimeout(milliseconds: 500)
        state.update(.libraryDetails(rows))
        paint()
    }

    /// Between key presses: retry pending visits, notice other processes' writes, and save
    /// the reading position now and then.
    private func idle() {
        checkOpenedFile()
        if store == nil {
            if Date().timeIntervalSince(lastPoll) >= Self.pollInterval {
                openStore()
                if store != nil { paint() }
            }
            return
        }
        var changed = false
        if !pendingVisits.isEmpty {
            flushVisits(finalTimeout: false)
            changed = true
        }
        if let store, Date().timeIntervalSince(lastPoll) >= Self.pollInterval {
            lastPoll = Date()
            if let token = try? store.changeToken(), token != lastToken { changed = true }
            // A reader left open past midnight: the counters belong to the day before.
            if state.stats.site?.isOutOfDate(now: lastPoll, calendar: calendar) == true { changed = true }
        }
        if changed {
            refreshStats()
            paint()
        }
        if state.screen == .article, let doc = state.document,
            Date().timeIntervalSince(lastPositionSave) >= Self.positionSaveInterval
        {
            perform([.savePosition(articleID: doc.entry.id, doc.anchor)])
        }
    }
}

extension ReaderSession {
    /// Remembers the open article's file as it is now (right after it was read).
    func noteOpenedFile() {
        openedFile = state.document.flatMap { $0.entry.isStandardInput ? nil : FileStamp(path: $0.entry.path) }
        lastFileCheck = Date()
    }

    /// Every poll interval, tells the reader when the open article's file has changed on disk
    /// (or gone) since it was read; `R` reads it again.
    func checkOpenedFile() {
        guard state.screen == .article, let doc = state.document, !doc.changedOnDisk, openedFile != nil,
            Date().timeIntervalSince(lastFileCheck) >= Self.pollInterval
        else { return }
        lastFileCheck = Date()
        if FileStamp(path: doc.entry.path) != openedFile {
            state.update(.fileChangedOnDisk)
            paint()
        }
    }
}

/// Hands the library rows read in the background over to the loop.
final class LibraryDetailsBox: @unchecked Sendable {  // every access holds the lock
    private let lock = NSLock()
    private var rows: [LibraryEntry]?

    func put(_ value: [LibraryEntry]) {
        lock.lock()
        rows = value
        lock.unlock()
    }

    func take() -> [LibraryEntry]? {
        lock.lock()
        defer { lock.unlock() }
        let value = rows
        rows = nil
        return value
    }
}
