/// The reading order of an article as layout blocks: kicker, title, source and date, body,
/// byline, share line (the article's link, when it has one) and rating line. Positions (`TextPosition.block`) index this list.
public enum ArticleBlocks {
    public static func make(_ article: Article, strings: Strings, rating: Rating?) -> LayoutBlocks {
        var leading: [LayoutBlock] = []
        if let k = article.kicker { leading.append(LayoutBlock(.kicker, k)) }
        if let t = article.title { leading.append(LayoutBlock(.title, t)) }
        switch (article.source, article.published) {
        case let (source?, published?): leading.append(LayoutBlock(.meta, source + " · " + published))
        case let (one?, nil), let (nil, one?): leading.append(LayoutBlock(.meta, one))
        case (nil, nil): break
        }
        leading += article.blocks.map(LayoutBlock.init)
        var trailing: [LayoutBlock] = []
        // Said first: an empty file's rating line is not what the reader looks for.
        if article.blockCount == 0 && article.title == nil {
            trailing.append(LayoutBlock(.notice, strings[.emptyArticle]))
        }
        if let a = article.author { trailing.append(LayoutBlock(.byline, strings.format(.author, a))) }
        if let url = article.url {
            // The portal's share buttons, for a terminal: the link itself, underlined as links
            // are, which `y` or a click copies.
            let line = strings.format(.shareLine, url)
            let end = line.utf8.count
            trailing.append(LayoutBlock(.share, line, spans: [InlineSpan((end - url.utf8.count)..<end, .link)]))
        }
        if let r = rating {
            let line = strings.format(r.votes == 1 ? .ratingLineOneVote : .ratingLine, r.points, r.votes)
            trailing.append(LayoutBlock(.rating, line + "  " + ratingStars(r)))
        }
        return LayoutBlocks(leading: leading, body: article.body, trailing: trailing)
    }

    /// Five stars closing the rating line, as many of them filled as the average score rounds
    /// to; clicking the n-th rates the article n.
    public static func ratingStars(_ rating: Rating) -> String {
        let average = rating.votes > 0 ? Double(rating.points) / Double(rating.votes) : 0
        let filled = min(5, max(0, Int(average.rounded())))
        return String(repeating: filledStar, count: filled) + String(repeating: emptyStar, count: 5 - filled)
    }
    public static let filledStar: Character = "★"
    public static let emptyStar: Character = "☆"

    /// Which star (1–5) sits at a UTF-8 offset of the rating line, if any. Both stars take
    /// three bytes.
    public static func star(atOffset offset: Int, in text: String) -> Int? {
        let width = String(emptyStar).utf8.count
        let start = text.utf8.count - 5 * width
        let stars = text.unicodeScalars.suffix(5)
        guard offset >= start, offset < text.utf8.count, stars.count == 5,
            stars.allSatisfy({ Character($0) == filledStar || Character($0) == emptyStar })
        else { return nil }
        return (offset - start) / width + 1
    }

    /// Minutes a reader needs, at about 200 words a minute (at least 1). The lazy middle of a
    /// large file is not read for this: its words are estimated from its size, at the
    /// words-per-byte of the blocks already decoded.
    public static func readingMinutes(_ article: Article) -> Int {
        var words = 0, bytes = 0
        for b in article.blocks {
            words += LineShapes.wordCount(b.text)
            bytes += b.text.utf8.count + 1
        }
        if let body = article.body {
            let perByte = bytes > 0 && words > 0 ? Double(words) / Double(bytes) : 1.0 / 6
            words += Int(Double(body.byteCount) * perByte)
        }
        return max(1, Int((Double(words) / 200).rounded()))
    }
}
