/// The article as the reading pane typesets it, as plain text lines: what `docbao dump`
/// prints. No escape codes, ever: the text was sanitised when loaded.
public enum PlainTextDump {
    /// The whole dump as one string (for tests and small articles).
    public static func render(_ article: Article, width: Int, sizeLevel: Int, language: UILanguage) -> String {
        var out: [UInt8] = []
        write(article, width: width, sizeLevel: sizeLevel, language: language) {
            out += $0
            return true
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Blocks of the lazy middle typeset per task; tasks run on all cores, output stays in order.
    static let chunk = 512

    /// Streams the dump to `sink` in chunks, decoding the lazy middle of a large file block by
    /// block on all cores, so that memory stays flat whatever the article's size. `sink` says
    /// whether to go on: once the output has failed (a full disk), the rest is not typeset.
    public static func write(_ article: Article, width: Int, sizeLevel: Int, language: UILanguage,
                             to sink: (UnsafeBufferPointer<UInt8>) -> Bool) {
        let level = SizeLevel.number(sizeLevel)
        let width = max(1, width)
        let measure = level.measure(inPane: width)
        let geometry = LayoutGeometry(paneWidth: width, measure: measure, left: (width - measure) / 2,
                                      lineGap: level.lineGap, paragraphGap: level.paragraphGap)
        let blocks = ArticleBlocks.make(article, strings: Strings(language), rating: article.rating)
        /// The up-front or trailing blocks, numbered from `first`, straight to the sink.
        func writePart(_ part: [LayoutBlock], from first: Int) -> Bool {
            var out: [UInt8] = []
            for (i, block) in part.enumerated() {
                append(block, at: first + i, gapAfter: blocks.gap(after: first + i, block: block), geometry: geometry,
                       to: &out)
            }
            return out.withUnsafeBufferPointer(sink)
        }

        guard writePart(blocks.leading, from: 0) else { return }

        let bodyStart = blocks.leading.count
        var goesOn = true
        if let body = blocks.body {
            ParallelRounds.run(tasks: (body.count + chunk - 1) / chunk, perCore: 4, { c -> [UInt8] in
                var local: [UInt8] = []
                for j in (c * chunk)..<min(body.count, (c + 1) * chunk) {
                    let index = bodyStart + j
                    let block = body.makeBlock(j).map(LayoutBlock.init)
                    append(block, at: index, gapAfter: blocks.gap(after: index, block: block), geometry: geometry,
                           to: &local)
                }
                return local
            }, consume: { _, bytes in
                goesOn = bytes.withUnsafeBufferPointer(sink)
                return !goesOn
            })
        }

        guard goesOn else { return }
        _ = writePart(blocks.trailing, from: bodyStart + (blocks.body?.count ?? 0))
    }

    /// The rows of one block as text lines (a hidden block has none).
    static func append(_ block: LayoutBlock?, at index: Int, gapAfter: DocumentLayout.GapAfter, geometry: LayoutGeometry,
                       to out: inout [UInt8]) {
        guard var block = block.map({ DocumentLayout.shown($0, geometry: geometry) }) else { return }
        let rows = DocumentLayout.rows(of: block, at: index, gapAfter: gapAfter, geometry: geometry)
        let indent = LayoutGeometry.indent(block.role)
        let margin = geometry.left + DocumentLayout.inset(of: block, geometry: geometry)
        block.text.withUTF8 { text in
            for row in rows {
                // An empty line of code is an empty line, with no margin before it.
                if case .text(let line, _) = row.kind, line.end > line.start || block.role.hasBar {
                    out.append(contentsOf: repeatElement(0x20, count: margin))
                    if block.role.hasBar {
                        out += captionMark
                    } else {
                        out.append(contentsOf: repeatElement(0x20, count: indent))
                    }
                    out.append(contentsOf: repeatElement(0x20, count: line.indent))
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: text[line.start..<line.end]))
                }
                out.append(0x0A)
            }
        }
    }

    static let captionMark = Array("▍ ".utf8)
}
