import DocBaoCore
import Glibc

/// The size the terminal on standard output reports (`TIOCGWINSZ`), or nil where standard
/// output is not a terminal. A terminal that cannot say (a serial line) reports 0 × 0.
public func reportedTerminalSize() -> TermSize? {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 else { return nil }
    return TermSize(width: Int(size.ws_col), height: Int(size.ws_row))
}
