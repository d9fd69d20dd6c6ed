// Shows the first lines of a file until a key is pressed. Like docbao, it normalises the text
// to NFC only when it holds combining marks (U+0300–U+036F, lead bytes 0xCC and 0xCD): the
// seed page is NFC already and never loads the normaliser, in docbao or here.
import FloorScreen
import Foundation

var text = (try? String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8)) ?? ""
if text.utf8.contains(where: { $0 == 0xCC || $0 == 0xCD }) {
    text = text.precomposedStringWithCanonicalMapping
}
showFirstLines(of: text)
