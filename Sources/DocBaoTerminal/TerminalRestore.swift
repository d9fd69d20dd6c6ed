import CNCursesW
import Glibc

/// Signal handling that keeps the terminal usable whatever happens: SIGTERM and SIGHUP ask the
/// main loop to quit cleanly; crash signals reset the terminal with async-signal-safe writes
/// and then die as they would have.
enum TerminalRestore {
    nonisolated(unsafe) static var active = false
    nonisolated(unsafe) static var quitSignal: Int32 = 0
    /// The terminal's modes at start, which the crash handler puts back. On the heap rather than
    /// in a `static var … = termios()`: Swift 6.3 lays out such a zero-initialised static without
    /// the struct's 3 bytes of inner padding (57 bytes, where `MemoryLayout<termios>.size` is
    /// 60; swiftlang/swift#91387), so `tcgetattr` wrote over the flags stored after it.
    /// AddressSanitizer found it.
    nonisolated(unsafe) static let savedTermios: UnsafeMutablePointer<termios> = {
        let p = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        p.initialize(to: termios())
        return p
    }()
    nonisolated(unsafe) static var haveTermios = false

    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    static func install() {
        // Standard output is the terminal (standard input may be a pipe: `docbao -`).
        if tcgetattr(STDOUT_FILENO, savedTermios) == 0 { haveTermios = true }
        var quit = sigaction()
        quit.__sigaction_handler.sa_handler = { sig in TerminalRestore.quitSignal = sig }
        sigemptyset(&quit.sa_mask)
        quit.sa_flags = 0  // no SA_RESTART: the blocking read returns and the loop sees the flag
        sigaction(SIGTERM, &quit, nil)
        sigaction(SIGHUP, &quit, nil)
        sigaction(SIGINT, &quit, nil)

        var crash = sigaction()
        crash.__sigaction_handler.sa_handler = { sig in
            if TerminalRestore.active {
                // Leave the alternate screen, show the cursor, reset attributes and mouse modes.
                let reset = "\u{1B}[0m\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[?25h\u{1B}[?1049l\r\n"
                reset.withCString { p in _ = write(STDOUT_FILENO, p, strlen(p)) }
                if TerminalRestore.haveTermios { tcsetattr(STDOUT_FILENO, TCSANOW, TerminalRestore.savedTermios) }
            }
            signal(sig, SIG_DFL)
            raise(sig)
        }
        sigemptyset(&crash.sa_mask)
        crash.sa_flags = 0  // the handler puts the default action back itself
        for s in crashSignals { sigaction(s, &crash, nil) }
    }

    static func uninstall() {
        for s in crashSignals + [SIGTERM, SIGHUP, SIGINT] { signal(s, SIG_DFL) }
    }
}
