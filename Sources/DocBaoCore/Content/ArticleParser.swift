/// Entry point of the content loader: decides per file which reader applies.
public enum ArticleParser {
    /// Parses decoded, sanitised NFC text.
    public static func parse(text: String) -> Article {
        if text.allSatisfy({ $0.isWhitespace }) {
            return Article(warnings: ["the article is empty"])
        }
        return AuthoredParser.recognises(text) ? AuthoredParser.parse(text) : PageDumpParser.parse(text)
    }

    /// Decodes and parses the bytes of a file.
    public static func parse(bytes: [UInt8]) throws(ContentError) -> Article {
        let decoded = try TextDecoder.decode(bytes)
        var article = parse(text: decoded.text)
        article.warnings.insert(contentsOf: decoded.warnings, at: 0)
        return article
    }
}
