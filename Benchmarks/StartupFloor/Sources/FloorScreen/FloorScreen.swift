import CFloorCurses

/// Shows the first lines of `text` as they fit in 80×24 (the benchmark's terminal) and waits
/// for a key: all the floor programs do besides reading the file. No Foundation here, so
/// each program links only the Foundation it names.
public func showFirstLines(of text: String) {
    setlocale(LC_CTYPE, "")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    initscr()
    noecho()
    for (row, line) in lines.prefix(23).enumerated() {
        mvaddstr(Int32(row), 0, String(line.prefix(80)))
    }
    refresh()
    getch()
    endwin()
}
