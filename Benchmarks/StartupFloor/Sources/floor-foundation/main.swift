// Shows the first lines of a file, NFC-normalised, until a key is pressed.
import CFloorCurses
import Foundation

setlocale(LC_CTYPE, "")
let path = CommandLine.arguments[1]
let text = (try? String(contentsOfFile: path, encoding: .utf8))?.precomposedStringWithCanonicalMapping ?? ""
let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
initscr()
noecho()
for (row, line) in lines.prefix(23).enumerated() {
    mvaddstr(Int32(row), 0, String(line.prefix(80)))
}
refresh()
getch()
endwin()
