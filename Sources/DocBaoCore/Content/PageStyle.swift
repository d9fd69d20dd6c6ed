/// What a copied page's text is like as a whole, read once off its first 64 KB of bytes, the
/// same bytes for the whole-file parser, the preview and the large-file reader: whether a
/// program wrapped it (`HardWrap`), and whether its paragraphs are mostly one short sentence.
struct PageStyle: Equatable, Sendable {
    /// The width the text was wrapped at, if it was (`HardWrap.width`).
    var wrapWidth: Int?
    /// Whether a short sentence between paragraphs may be taken for a photo's caption by its
    /// shape (`PageDumpParser.kindOfBodyLine`). Not on a page whose paragraphs are mostly such
    /// sentences (English news, mostly), where the shape tells nothing.
    var captionsByShape = true

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> PageStyle {
        PageStyle(wrapWidth: HardWrap.width(bytes, from: start), captionsByShape: !mostlyShortSentences(bytes, from: start))
    }

    /// Whether, of the paragraphs that end a sentence in the first `HardWrap.sampleBytes`, three
    /// or more and more than half are of 40 bytes to 130 characters and end in a full stop:
    /// what a caption looks like. A paragraph is a line, or the lines a program wrapped it
    /// into: a line carries the one before on where that one is 40 bytes or more and ends no
    /// sentence.
    static func mostlyShortSentences(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        let end = min(bytes.count, start + HardWrap.sampleBytes)
        var paragraphs = 0, short = 0
        var carried: (bytes: Int, characters: Int)?  // the paragraph so far, where this line may carry it on
        var at = start
        while at < end {
            let stop = ByteLines.find(0x0A, in: bytes, from: at, to: bytes.count) ?? bytes.count
            let line = ByteLines.trim(bytes, at..<stop)
            at = stop + 1
            guard !line.isEmpty else {
                carried = nil
                continue
            }
            // Past 131 characters a paragraph is long however it goes on: counted no further.
            let characters = line.count > 524 ? 131 : HardWrap.characters(bytes, line)
            let so = (bytes: (carried?.bytes ?? 0) + line.count, characters: min(131, (carried?.characters ?? 0) + characters))
            let mark = finalMark(bytes, line)
            if mark == UInt8(ascii: ".") || mark == UInt8(ascii: "?") || mark == UInt8(ascii: "!") {
                paragraphs += 1
                if mark == UInt8(ascii: "."), so.bytes >= 40, so.characters <= 130 { short += 1 }
                carried = nil
            } else {
                carried = line.count >= 40 ? so : nil
            }
        }
        return short >= 3 && short * 2 > paragraphs
    }

    /// A line's last character before any closing quotes and brackets
    /// (`LargeArticleReader.finalScalar`), where it is ASCII; else 0.
    static func finalMark(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> UInt8 {
        guard case .scalar(let v) = LargeArticleReader.finalScalar(bytes, line), v < 0x80 else { return 0 }
        return UInt8(v)
    }
}
