import CNCursesW
import DocBaoCore
import Glibc

/// The curses session: set up on `start`, always restored by `stop` (and by the signal
/// handlers if the process is killed). All curses calls happen on the main thread through
/// this one object.
public final class CursesScreen {
    let window: UnsafeMutablePointer<WINDOW>
    let painter: GridPainter
    public let colorDepth: ColorDepth

    /// Starts curses. Returns nil with a reason when the terminal cannot be used.
    public static func start(environment: [String: String]) throws(TerminalError) -> CursesScreen {
        try Locale.ensureUTF8()
        guard let term = environment["TERM"], !term.isEmpty else {
            throw .unusable("TERM is not set: name this terminal's type (TERM=xterm-256color, say), or print the article with 'docbao dump FILE'")
        }
        if term == "dumb" {
            throw .unusable("TERM=dumb cannot show the reader; use 'docbao dump FILE' instead")
        }
        guard isatty(STDOUT_FILENO) != 0 else {
            throw .unusable("standard output must be a terminal")
        }
        // With the article piped in (`docbao -`), keys come from the terminal itself.
        let input: UnsafeMutablePointer<FILE>
        if isatty(STDIN_FILENO) != 0 {
            input = docbao_stdin()
        } else if let tty = fopen("/dev/tty", "r") {
            input = tty
        } else {
            throw .unusable("standard input is not a terminal, and /dev/tty cannot be opened for keys")
        }
        TerminalRestore.install()
        ignoreSizeVariablesWhenTheTerminalKnowsItsSize()
        // newterm (unlike initscr) reports an unknown TERM instead of exiting the process.
        guard let screen = newterm(nil, docbao_stdout(), input) else {
            TerminalRestore.uninstall()
            throw .unusable("unknown terminal type '\(term)' (no terminfo entry): set TERM to one this system knows (xterm-256color, say), or print the article with 'docbao dump FILE'")
        }
        _ = set_term(screen)
        // ncurses 6.4 flushes its output after every cursor movement while a screen is in its
        // initial state, which only one endwin/refresh cycle ends: a frame would reach the
        // terminal in dozens of writes (dozens of packets over SSH). Cycle once, before
        // anything is drawn, so that every frame goes out in one write.
        endwin()
        doupdate()
        let window = docbao_stdscr()!
        // That refresh cleared the screen; without this, curses would clear it again before
        // the first frame (stdscr starts marked for clearing), which the terminal then redoes.
        clearok(window, false)
        raw()
        noecho()
        nonl()
        // No typeahead check: with it, ncurses flushes after every line to look for pending
        // input, so a frame reaches the terminal in dozens of small writes instead of one.
        typeahead(-1)
        set_escdelay(25)
        curs_set(0)
        wtimeout(window, 500)
        let depth = Capabilities.startColors(environment: environment)
        TerminalRestore.active = true
        return CursesScreen(window: window, depth: depth)
    }

    /// curses takes COLUMNS and LINES over the terminal's own size, at start and after every
    /// resize, so a shell's or a script's exported leftovers would fix the reader at their
    /// size. Like `less`, docbao uses them only where the terminal cannot say its size.
    /// (`use_tioctl` puts the terminal's size into them at start but kept them over it on a
    /// resize here.)
    private static func ignoreSizeVariablesWhenTheTerminalKnowsItsSize() {
        guard let size = reportedTerminalSize(), size.width > 0, size.height > 0 else { return }
        unsetenv("LINES")
        unsetenv("COLUMNS")
    }

    init(window: UnsafeMutablePointer<WINDOW>, depth: ColorDepth) {
        self.window = window
        colorDepth = depth
        painter = GridPainter(window: window)
    }

    /// Leaves curses and gives the terminal back as it was.
    public func stop() {
        TerminalRestore.active = false
        clearLastRowWithoutAlternateScreen()
        endwin()
        TerminalRestore.uninstall()
    }

    /// Whether the terminal has a second screen to draw on (terminfo's `smcup`).
    public var hasAlternateScreen: Bool { docbao_has_alternate_screen() != 0 }

    /// Hands `text` to the terminal's clipboard, between two frames (curses has written the
    /// last one out whole).
    public func copyToClipboard(_ text: String) {
        let sequence = ClipboardSequence.osc52(text)
        sequence.withCString { p in _ = write(STDOUT_FILENO, p, strlen(p)) }
    }

    /// On a terminal without an alternate screen (the Linux console, a vt100) the page stays
    /// after curses ends, and the shell's prompt comes on its last row, where the status line
    /// would run on after it: that row is cleared first, as `less` does.
    private func clearLastRowWithoutAlternateScreen() {
        guard !hasAlternateScreen else { return }
        wmove(window, getmaxy(window) - 1, 0)
        wclrtoeol(window)
        wrefresh(window)
    }

    public var size: TermSize {
        TermSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    /// Whether function keys and the mouse are on yet.
    private var inputReady = false

    public func paint(_ frame: Frame, theme: Theme) {
        painter.paint(frame.grid, focus: frame.focus, theme: theme.degraded(to: colorDepth))
        if !inputReady {
            // Keys and mouse are switched on after the first frame, which nothing before it
            // reads: building the key table and telling the terminal are then off its path.
            keypad(window, true)
            mousemask(docbao_all_mouse_events(), nil)
            mouseinterval(0)
            inputReady = true
        }
    }

    /// How double-size rows are drawn; nil when the terminal cannot.
    public var doubleSize: DoubleSizeProtocol? {
        get { painter.doubleSize }
        set { painter.doubleSize = newValue }
    }

    /// Redraws everything from scratch on the next paint (Ctrl-L, after a suspend).
    public func invalidate() {
        clearok(window, true)
        painter.forgetRowAttributes()
    }

    /// How long `nextEvent` waits before it reports a timeout (500 ms unless changed).
    public func setInputTimeout(milliseconds: Int32) {
        inputTimeout = milliseconds
        wtimeout(window, milliseconds)
    }

    /// As set by `start` (500 ms) or `setInputTimeout`.
    private var inputTimeout: Int32 = 500

    /// Waits up to the input timeout for one event; nil on timeout.
    public func nextEvent() -> InputEvent? {
        InputDecoder.next(window: window)
    }

    /// An event that is already waiting (the rest of a paste, a held key), without waiting
    /// for one; nil if there is none.
    public func pendingEvent() -> InputEvent? {
        wtimeout(window, 0)
        defer { wtimeout(window, inputTimeout) }
        return InputDecoder.next(window: window)
    }

    /// Ctrl-Z: gives the terminal back, stops, and takes it again after `fg`.
    public func suspend() {
        clearLastRowWithoutAlternateScreen()
        endwin()
        kill(getpid(), SIGSTOP)
        // Resumed.
        refresh()
        invalidate()
    }

    /// True once SIGTERM or SIGHUP asked the reader to quit.
    public var quitRequested: Bool { TerminalRestore.quitSignal != 0 }
}

public enum TerminalError: Error, CustomStringConvertible {
    case unusable(String)

    public var description: String {
        switch self { case .unusable(let s): return s }
    }
}

enum Locale {
    /// curses draws wide text only in a UTF-8 locale: take the user's, else C.UTF-8. Only the
    /// character type is set: it is all curses needs, and loading every category of a locale
    /// opens a dozen files before the first screen.
    static func ensureUTF8() throws(TerminalError) {
        setlocale(LC_CTYPE, "")
        if isUTF8() { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if setlocale(LC_CTYPE, name) != nil, isUTF8() { return }
        }
        throw .unusable("no UTF-8 locale is available (tried the environment's, C.UTF-8 and en_US.UTF-8)")
    }

    static func isUTF8() -> Bool {
        guard let cs = docbao_codeset() else { return false }
        let name = String(cString: cs).lowercased()
        return name == "utf-8" || name == "utf8"
    }
}
