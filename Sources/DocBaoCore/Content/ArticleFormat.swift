/// Which of the two readers a text goes to: docbao's authored format (`AuthoredParser`) or a
/// copied page's (`PageDumpParser`).
enum ArticleFormat {
    /// The text decides (`AuthoredParser.recognises`, a front matter).
    case guessed
    /// A `.md` file.
    case authored
    /// The text of a web page's HTML (`HTMLPageText`): whatever its lines look like, a page.
    case page

    init(markdown: Bool) {
        self = markdown ? .authored : .guessed
    }
}
