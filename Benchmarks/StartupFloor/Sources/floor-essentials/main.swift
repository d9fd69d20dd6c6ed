// The same as floor-foundation with FoundationEssentials alone. It has no Unicode
// normalisation, so text with combining marks is shown as it is in the file.
import CFloorCurses
import FoundationEssentials

setlocale(LC_CTYPE, "")
let path = CommandLine.arguments[1]
let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
initscr()
noecho()
for (row, line) in lines.prefix(23).enumerated() {
    mvaddstr(Int32(row), 0, String(line.prefix(80)))
}
refresh()
getch()
endwin()
