import ArgumentParser
import DocBaoCore
import DocBaoStore
import DocBaoTerminal
import Foundation

struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the reader on an article file or a library folder (default: ./Content).")

    @Argument(help: "An article file (text, Markdown or a web page's HTML), a folder of articles (default: ./Content), or - for standard input.")
    var path: String?

    @OptionGroup var display: DisplayOptions

    @Option(name: .long, help: "Colour variant of the contrast themes: dark or light.")
    var theme: String?

    @Option(name: .long, help: "Double-size glyphs for big text: auto, on or off.")
    var glyphs: String = "auto"

    @Option(name: .long, help: "Order of the library: title, newest or most-read (default: the saved one, else title).")
    var order: String?

    @OptionGroup var encoding: EncodingOption

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let theme, ThemeVariant(rawValue: theme) == nil { throw ValidationError("--theme must be dark or light") }
        if GlyphMode(rawValue: glyphs) == nil { throw ValidationError("--glyphs must be auto, on or off") }
        if let order, LibrarySort(rawValue: order) == nil { throw ValidationError("--order must be title, newest or most-read") }
    }

    func run() throws {
        try ReadInvocation(
            path: path, size: display.size, contrast: display.contrast, lang: display.lang, theme: theme,
            glyphs: GlyphMode(rawValue: glyphs)!, order: order.flatMap(LibrarySort.init(rawValue:)), encoding: encoding.value,
            dataDir: store.dataDir
        ).run()
    }
}

/// What `docbao read` was asked to do, as plain values: the command line parser fills it, and
/// so does the fast path for a bare `docbao [FILE]` (see `Docbao.main`), which skips the
/// parser's reflection — a few milliseconds on the way to the first screen.
struct ReadInvocation {
    var path: String?
    var size: Int?
    var contrast: String?
    var lang: String?
    var theme: String?
    var glyphs: GlyphMode = .auto
    var order: LibrarySort?
    var encoding: TextEncoding = .auto
    var dataDir: String?

    func run() throws {
        let env = processEnvironment()
        let target = path ?? "Content"
        var info = stat()
        let exists = FileSystemName.withPath(target) { stat($0, &info) } == 0
        let isDirectory = exists && info.st_mode & S_IFMT == S_IFDIR
        if !exists && path == nil {
            throw Failure(message: "no ./Content folder here; give an article file or a folder")
        }

        let storage = SettingsStorage(environment: env)
        let (saved, settingsWarning) = storage.load(environment: env)
        var settings = saved
        if let theme, let v = ThemeVariant(rawValue: theme) { settings.variant = v }
        DisplayOptions.apply(size: size, contrast: contrast, lang: lang, to: &settings)
        if let order { settings.libraryOrder = order }

        if isatty(STDOUT_FILENO) == 0 {
            // Not a terminal: behave like `dump` (or list the library).
            if exists && isDirectory {
                var entries = ContentLibrary.scan(root: target, encoding: encoding)
                if settings.libraryOrder == .mostRead {
                    let views = try listingViews()
                    for i in entries.indices { entries[i].views = views[entries[i].id] ?? 0 }
                }
                try StandardOutput.lines(LibraryListing.lines(entries, order: settings.libraryOrder))
                return
            }
            let article = try loadArticle(target, encoding: encoding)
            try writeDump(article, width: 80, settings: settings)
            return
        }

        // Open a single article before the terminal is taken, so a bad file is a clear message.
        var first: OpenedArticle?
        var libraryRoot: String?
        var restOfPage: FileBytes?
        if exists && isDirectory {
            libraryRoot = target
        } else {
            // A page longer than a screen or two is first drawn from its head; the whole is
            // parsed right after that frame (see ReaderSession.run).
            let file = try readArticleFile(target)
            let article: Article
            if let head = ArticleParser.preview(file: file, markdown: ArticleFile.isMarkdown(target), encoding: encoding) {
                article = head
                restOfPage = file
            } else {
                article = try parseArticle(file, path: target, encoding: encoding)
            }
            let (id, category) = ContentLibrary.identity(ofFile: target, contentRoot: "Content", file: file)
            let entry = ContentLibrary.entry(path: target, id: id, category: category, article: article)
            // Where it was left, if it was read recently: the database comes later.
            let place = RecentPlacesFile(directory: dataDirectory(env)).load().position(for: id)
            first = OpenedArticle(entry: entry, article: article, position: place, isPreview: restOfPage != nil)
        }

        let screen: CursesScreen
        do {
            screen = try CursesScreen.start(environment: env)
        } catch {
            throw Failure(message: error.description)
        }
        defer { screen.stop() }
        var state = ReaderState(settings: settings, size: screen.size)
        screen.doubleSize = glyphs.doubleSizeProtocol(environment: env)
        state.doubleSizeGlyphs = screen.doubleSize != nil
        state.clipboardAvailable = ClipboardSequence.isOffered(environment: env, hasAlternateScreen: screen.hasAlternateScreen)
        let session = ReaderSession(screen: screen, state: state, storeDirectory: dataDirectory(env),
                                    settingsStorage: storage, savedSettings: saved, environment: env, encoding: encoding)
        if let root = libraryRoot {
            session.state.libraryName = FileSystemName.readable(root)
            // File names now; titles, bylines and dates are read after the first frame.
            session.state.update(.libraryListed(ContentLibrary.listFiles(root: root)))
            session.loadLibraryDetails()
        }
        if let first {
            session.state.singleArticle = true
            session.perform(session.state.update(.opened(first)))
            session.restOfPage = restOfPage
        }
        if let settingsWarning {
            session.state.update(.showMessage(session.state.strings.message(for: settingsWarning)))
        }
        session.run()
    }

    /// The views counted so far, for a listing ordered by them. Where no database has been
    /// made yet nothing has been read, and none is made just to be listed.
    func listingViews() throws -> [String: Int] {
        var options = StoreOptions()
        options.dataDir = dataDir
        guard access(options.directory + "/" + SQLiteStatisticsStore.fileName, F_OK) == 0 else { return [:] }
        let store = try options.open()
        do {
            return try store.allViews()
        } catch {
            throw Failure(message: "statistics in \(options.directory) are unavailable: \(error)")
        }
    }

    func dataDirectory(_ env: [String: String]) -> String { DataLocation.dataDirectory(option: dataDir, environment: env, account: accountHome) }
}
