import ArgumentParser
import DocBaoCore
import DocBaoTerminal
import Foundation

struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the article typeset as the reading pane shows it, as plain text.")

    @Argument(help: "The article file, or - for standard input.")
    var file: String

    @Option(name: .long, parsing: .unconditional, help: "Columns to wrap to (default: the terminal's width, or 80).")
    var width: Int?

    @OptionGroup var display: DisplayOptions

    @OptionGroup var encoding: EncodingOption

    /// The widest a terminal can say it is (`winsize` holds 16 bits): more only fills memory
    /// and the output with margin (`Int.max` columns crashed on allocating a row).
    static let widest = Int(UInt16.max)

    func validate() throws {
        if let width, !(1...Self.widest).contains(width) {
            throw ValidationError("--width must be from 1 to \(Self.widest)")
        }
    }

    func run() throws {
        let article = try loadArticle(file, encoding: encoding.value)
        let env = processEnvironment()
        var settings = SettingsStorage(environment: env).load(environment: env).0
        display.apply(to: &settings)
        let columns = width ?? reportedTerminalSize().flatMap { $0.width > 0 ? $0.width : nil } ?? 80
        try writeDump(article, width: columns, settings: settings)
    }
}

/// Streams the typeset article to standard output; a failed write (a full disk, a pipe closed
/// where SIGPIPE is ignored) stops it and is the command's failure, not a truncated success.
func writeDump(_ article: Article, width: Int, settings: ReaderSettings) throws {
    var failure: Failure?
    PlainTextDump.write(article, width: width, sizeLevel: settings.sizeLevel, language: settings.language) { chunk in
        do throws(Failure) {
            try StandardOutput.write(chunk)
            return true
        } catch {
            failure = error
            return false
        }
    }
    if let failure { throw failure }
}
