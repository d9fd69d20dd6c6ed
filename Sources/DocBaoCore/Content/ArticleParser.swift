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
    public static func parse(bytes: [UInt8], lazyAbove: Int = LargeArticleReader.threshold) throws(ContentError) -> Article {
        try parse(file: FileBytes(bytes), lazyAbove: lazyAbove)
    }

    /// Decodes and parses the bytes of a file. Above `lazyAbove` bytes only the head and tail
    /// are decoded now; the middle is decoded as it is shown (see `LargeArticleReader`).
    public static func parse(file: FileBytes, lazyAbove: Int = LargeArticleReader.threshold) throws(ContentError) -> Article {
        try parse(file: file, lazyAbove: lazyAbove, window: LargeArticleReader.window)
    }

    /// `window`: how much the head and tail parsers see of a large file (tests make it small).
    static func parse(file: FileBytes, lazyAbove: Int, window: Int) throws(ContentError) -> Article {
        if file.count > lazyAbove {
            if TextDecoder.isUTF16(file.buffer) {
                // Convert once, then read the UTF-8 lazily like any other large file.
                var warnings: [String] = []
                let utf8 = TextDecoder.utf16ToUTF8(Array(file.buffer), littleEndian: file.buffer[0] == 0xFF, warnings: &warnings)
                var article = try parse(file: FileBytes(utf8), lazyAbove: lazyAbove, window: window)
                article.warnings.insert(contentsOf: warnings, at: 0)
                return article
            }
            try TextDecoder.rejectBinary(file.buffer)
            let start = file.starts(with: TextDecoder.utf8BOM) ? 3 : 0
            if let article = LargeArticleReader.read(file, start: start, window: window) { return article }
        }
        let decoded = try TextDecoder.decode(Array(file.buffer))
        var article = parse(text: decoded.text)
        article.warnings.insert(contentsOf: decoded.warnings, at: 0)
        return article
    }
}
