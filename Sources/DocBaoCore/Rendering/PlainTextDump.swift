/// The article as the reading pane typesets it, as plain text lines: what `docbao dump`
/// prints. No escape codes, ever: the text was sanitised when loaded.
public enum PlainTextDump {
    public static func render(_ article: Article, width: Int, sizeLevel: Int, language: UILanguage) -> String {
        let strings = Strings(language)
        let level = SizeLevel.number(sizeLevel)
        let width = max(1, width)
        let measure = max(1, min(level.measure ?? width, width - 2 * level.margin))
        let geometry = LayoutGeometry(paneWidth: width, measure: measure, left: (width - measure) / 2,
                                      lineGap: level.lineGap, paragraphGap: level.paragraphGap)
        let layout = DocumentLayout(blocks: ArticleBlocks.make(article, strings: strings, rating: article.rating),
                                    geometry: geometry)
        var out = ""
        out.reserveCapacity(layout.textBytes + layout.textBytes / 8)
        for b in 0..<layout.blocks.count {
            let role = layout.blocks[b].role
            for row in layout.rows(of: b) {
                if case .text(let line, _) = row.kind {
                    out += String(repeating: " ", count: geometry.left)
                    out += role == .caption ? "▍ " : String(repeating: " ", count: LayoutGeometry.indent(role))
                    out += layout.text(of: line, in: b)
                }
                out += "\n"
            }
        }
        return out
    }
}
