/// The article as the reading pane typesets it, as plain text lines: what `docbao dump`
/// prints. No escape codes, ever: the text was sanitised when loaded.
public enum PlainTextDump {
    /// The whole dump as one string (for tests and small articles).
    public static func render(_ article: Article, width: Int, sizeLevel: Int, language: UILanguage) -> String {
        var out: [UInt8] = []
        write(article, width: width, sizeLevel: sizeLevel, language: language) { out += $0 }
        return String(decoding: out, as: UTF8.self)
    }

    /// Streams the dump to `sink` in chunks of about 256 KB, decoding the lazy middle of a large
    /// file block by block, so that memory stays flat whatever the article's size.
    public static func write(_ article: Article, width: Int, sizeLevel: Int, language: UILanguage,
                             to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        let level = SizeLevel.number(sizeLevel)
        let width = max(1, width)
        let measure = max(1, min(level.measure ?? width, width - 2 * level.margin))
        let geometry = LayoutGeometry(paneWidth: width, measure: measure, left: (width - measure) / 2,
                                      lineGap: level.lineGap, paragraphGap: level.paragraphGap)
        let blocks = ArticleBlocks.make(article, strings: Strings(language), rating: article.rating)
        var out: [UInt8] = []
        out.reserveCapacity(1 << 18)
        let margin = [UInt8](repeating: 0x20, count: geometry.left)
        let count = blocks.count

        func emit(_ block: LayoutBlock?, at index: Int) {
            let rows = DocumentLayout.rows(of: block, at: index, isLast: index == count - 1, geometry: geometry)
            guard let block else { return }
            let prefix: [UInt8] = block.role == .caption
                ? Array("▍ ".utf8) : [UInt8](repeating: 0x20, count: LayoutGeometry.indent(block.role))
            for row in rows {
                if case .text(let line, _) = row.kind {
                    out += margin
                    out += prefix
                    out += block.text.utf8Slice(line.start, line.end).utf8
                }
                out.append(0x0A)
            }
            if out.count >= 1 << 18 {
                out.withUnsafeBufferPointer(sink)
                out.removeAll(keepingCapacity: true)
            }
        }

        for (i, block) in blocks.leading.enumerated() { emit(block, at: i) }
        let bodyStart = blocks.leading.count
        blocks.body?.forEachBlock { j, block in emit(block.map(LayoutBlock.init), at: bodyStart + j) }
        let trailingStart = bodyStart + (blocks.body?.count ?? 0)
        for (i, block) in blocks.trailing.enumerated() { emit(block, at: trailingStart + i) }
        out.withUnsafeBufferPointer(sink)
    }
}
