// The same as floor-foundation with FoundationEssentials alone. It has no Unicode
// normalisation, so text with combining marks is shown as it is in the file.
import FloorScreen
import FoundationEssentials

showFirstLines(of: (try? String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8)) ?? "")
