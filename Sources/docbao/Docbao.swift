import ArgumentParser
import DocBaoCore
import Foundation

/// `docbao`: read news articles in the terminal.
@main
struct Docbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docbao",
        abstract: "Read news articles in the terminal.",
        version: Docbao.version,
        subcommands: [Read.self, Parse.self, Dump.self, Stats.self],
        defaultSubcommand: Read.self
    )

    /// Runs a command; usage errors exit 2, failures 1, with one line on stderr and no trace.
    static func main() {
        do {
            let arguments = commandLineArguments()
            if let path = plainReadPath(arguments) {
                try ReadInvocation(path: path).run()
                return
            }
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let failure as Failure {
            FileHandle.standardError.write(Data("docbao: \(FileSystemName.quoted(failure.message))\n".utf8))
            Foundation.exit(failure.code)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // Help and version: a failed write is a failure here too.
                do throws(Failure) { try StandardOutput.lines([fullMessage(for: error)]) } catch {
                    FileHandle.standardError.write(Data("docbao: \(error.message)\n".utf8))
                    Foundation.exit(1)
                }
                Foundation.exit(0)
            }
            // The parser's messages repeat what was typed, which may hold escape sequences.
            FileHandle.standardError.write(Data((FileSystemName.quoted(fullMessage(for: error), keepsLineEnds: true) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

extension Docbao {
    /// The arguments after the program's name, each kept whole where it is not UTF-8 (a file
    /// name from an old archive; `CommandLine.arguments` puts U+FFFD in place of such bytes,
    /// and the file would not open).
    static func commandLineArguments() -> [String] {
        guard CommandLine.argc > 1 else { return [] }
        return (1..<Int(CommandLine.argc)).map { i in
            let argument = CommandLine.unsafeArgv[i]!
            let raw = UnsafeRawPointer(argument).assumingMemoryBound(to: UInt8.self)
            return FileSystemName.string(UnsafeBufferPointer(start: raw, count: strlen(argument)))
        }
    }

    /// The release this source is (`docbao --version`).
    static let version = "0.1.0"

    /// The path of a bare `docbao` or `docbao FILE` (which mean `read`), else nil: anything
    /// with an option or a subcommand name goes through the full parser.
    /// Spelled out: deriving them from `configuration` costs the reflection this path avoids.
    static let subcommandNames = ["read", "parse", "dump", "stats", "help"]

    static func plainReadPath(_ arguments: [String]) -> String?? {
        switch arguments.count {
        case 0: return .some(nil)
        case 1:
            let a = arguments[0]
            if (a.hasPrefix("-") && a != ArticleFile.standardInput) || subcommandNames.contains(a) { return nil }
            return .some(a)
        default: return nil
        }
    }
}

/// An error that ends the command with a message for the user.
struct Failure: Error {
    var message: String
    var code: Int32 = 1

    static func file(_ path: String, _ error: ContentError) -> Failure {
        var message = "\(path == ArticleFile.standardInput ? "standard input" : path): \(error.description)"
        // docbao does not fetch pages itself: say how to give it one.
        if error == .notFound, ["http://", "https://"].contains(where: path.lowercased().hasPrefix) {
            message += "; docbao reads files and standard input: curl -sL '\(path.replacingOccurrences(of: "'", with: #"'\''"#))' | docbao -"
        }
        return Failure(message: message)
    }

}

/// The code to read articles in, for the commands that read them.
struct EncodingOption: ParsableArguments {
    @Option(name: .long, help: "Read articles in this code, where the guess is wrong: \(TextEncoding.names).")
    var encoding: String = "auto"

    var value: TextEncoding { TextEncoding(name: encoding) ?? .auto }

    func validate() throws {
        if TextEncoding(name: encoding) == nil { throw ValidationError("--encoding must be one of \(TextEncoding.names)") }
    }
}

/// Options shared by the commands that show an article.
struct DisplayOptions: ParsableArguments {
    // Numbers are parsed `.unconditional`ly: `--size -1` then reaches `validate` and is told
    // the range, where the parser took `-1` for an option and said the value was missing.
    @Option(name: .long, parsing: .unconditional, help: "Font size level, 1–9 (default 5).")
    var size: Int?

    @Option(name: .long, help: "Contrast: reduced, normal, high or maximum.")
    var contrast: String?

    @Option(name: .long, help: "Interface language: vi or en.")
    var lang: String?

    func validate() throws {
        if let size, !SizeLevel.range.contains(size) {
            throw ValidationError("--size must be a level from 1 to \(SizeLevel.all.count)")
        }
        if let contrast, ContrastLevel(name: contrast) == nil {
            throw ValidationError("--contrast must be reduced, normal, high or maximum")
        }
        if let lang, UILanguage(rawValue: lang) == nil {
            throw ValidationError("--lang must be vi or en")
        }
    }

    /// Applies the options on top of settings.
    func apply(to settings: inout ReaderSettings) {
        Self.apply(size: size, contrast: contrast, lang: lang, to: &settings)
    }

    static func apply(size: Int?, contrast: String?, lang: String?, to settings: inout ReaderSettings) {
        if let size { settings.sizeLevel = size }
        if let contrast, let level = ContrastLevel(name: contrast) { settings.contrast = level }
        if let lang, let l = UILanguage(rawValue: lang) { settings.language = l }
    }
}

func loadArticle(_ path: String, encoding: TextEncoding = .auto) throws -> Article {
    try parseArticle(readArticleFile(path), path: path, encoding: encoding)
}

func readArticleFile(_ path: String) throws -> FileBytes {
    do {
        return try ArticleFile.read(path: path)
    } catch {
        throw Failure.file(path, error)
    }
}

func parseArticle(_ file: FileBytes, path: String, encoding: TextEncoding = .auto) throws -> Article {
    do {
        return try ArticleParser.parse(file: file, markdown: ArticleFile.isMarkdown(path), encoding: encoding)
    } catch {
        throw Failure.file(path, error)
    }
}

/// The environment as a dictionary, read from `environ` directly: `ProcessInfo` costs about a
/// millisecond to set up, on the way to the first screen.
func processEnvironment() -> [String: String] {
    var count = 0
    while environ[count] != nil { count += 1 }
    var result: [String: String] = [:]
    result.reserveCapacity(count)
    for i in 0..<count {
        // Name and value straight from the C string's bytes, split at its first "=".
        let pair = UnsafeRawPointer(environ[i]!).assumingMemoryBound(to: UInt8.self)
        let length = strlen(environ[i]!)
        guard let equals = memchr(pair, 0x3D, length) else { continue }
        let nameLength = pair.distance(to: equals.assumingMemoryBound(to: UInt8.self))
        let name = String(decoding: UnsafeBufferPointer(start: pair, count: nameLength), as: UTF8.self)
        result[name] = String(decoding: UnsafeBufferPointer(start: pair + nameLength + 1, count: length - nameLength - 1),
                              as: UTF8.self)
    }
    return result
}

/// The home directory of the account running docbao, from the password database: where its
/// files go when `HOME` is not set (see `DataLocation`).
func accountHome() -> String? {
    var entry = passwd()
    var result: UnsafeMutablePointer<passwd>?
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getpwuid_r(getuid(), &entry, &buffer, buffer.count, &result) == 0, result != nil, let dir = entry.pw_dir else {
        return nil
    }
    return String(cString: dir)
}
