import ArgumentParser
import DocBaoCore

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what the content loader finds in an article file, as JSON.")

    @Argument(help: "The article file, or - for standard input.")
    var file: String

    @OptionGroup var encoding: EncodingOption

    func run() throws {
        try StandardOutput.lines([try loadArticle(file, encoding: encoding.value).json.rendered()])
    }
}
