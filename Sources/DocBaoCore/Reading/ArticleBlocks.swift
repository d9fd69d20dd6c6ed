/// The reading order of an article as layout blocks: kicker, title, source and date, body,
/// byline and rating line. Positions (`TextPosition.block`) index this list.
public enum ArticleBlocks {
    public static func make(_ article: Article, strings: Strings, rating: Rating?) -> [LayoutBlock] {
        var blocks: [LayoutBlock] = []
        if let k = article.kicker { blocks.append(LayoutBlock(.kicker, k)) }
        if let t = article.title { blocks.append(LayoutBlock(.title, t)) }
        let meta = [article.source, article.published].compactMap { $0 }
        if !meta.isEmpty { blocks.append(LayoutBlock(.meta, meta.joined(separator: " · "))) }
        for b in article.blocks {
            let role: TextRole
            switch b.kind {
            case .lead: role = .lead
            case .paragraph: role = .paragraph
            case .heading: role = .heading
            case .caption: role = .caption
            }
            blocks.append(LayoutBlock(role, b.text))
        }
        if let a = article.author { blocks.append(LayoutBlock(.byline, strings.format(.author, a))) }
        if let r = rating {
            blocks.append(LayoutBlock(.rating, strings.format(.ratingLine, r.points, r.votes) + "  " + ratingStars))
        }
        if blocks.isEmpty || (article.blocks.isEmpty && article.title == nil) {
            blocks.append(LayoutBlock(.notice, strings[.emptyArticle]))
        }
        return blocks
    }

    /// Five stars closing the rating line; clicking the n-th rates the article n.
    public static let ratingStars = String(repeating: ratingStar, count: 5)
    public static let ratingStar: Character = "☆"

    /// Which star (1–5) sits at a UTF-8 offset of the rating line, if any.
    public static func star(atOffset offset: Int, in text: String) -> Int? {
        let width = String(ratingStar).utf8.count
        let start = text.utf8.count - 5 * width
        guard offset >= start, offset < text.utf8.count, text.hasSuffix(ratingStars) else { return nil }
        return (offset - start) / width + 1
    }

    /// Minutes a reader needs, at about 200 words a minute (at least 1).
    public static func readingMinutes(_ article: Article) -> Int {
        var words = 0
        for b in article.blocks { words += LineShapes.wordCount(b.text) }
        return max(1, Int((Double(words) / 200).rounded()))
    }
}
