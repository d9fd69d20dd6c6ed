/// Text that a program broke into lines of a fixed width: `w3m -dump`, `lynx -dump`,
/// `pandoc -t plain`, `fmt`, mail. Such programs fill each line with as many words as fit,
/// so a line that ends although the next line's first word would have fitted after it ends
/// where its writer ended it; one that ends because that word would not fit was wrapped, and
/// the next line carries on its paragraph. Read line by line, a wrapped paragraph came apart
/// into a heading, a caption and paragraphs of pieces (`… Ban Chấp hành Đảng bộ tỉnh tổ chức
/// Hội nghị lần thứ` / `4 để xem xét …`).
///
/// The width is read off the text itself (`width`), from its first `sampleBytes`, so that the
/// whole-file parser, the preview and the large-file reader all find the same one.
enum HardWrap {
    static let sampleBytes = 64 * 1024
    /// No one wraps text wider than this; a copied page's paragraphs are longer lines.
    static let widest = 120
    static let narrowest = 40

    /// The columns a line takes, from its start (indent included) to its last character
    /// (spaces after it not): counted on its bytes, every scalar as `DisplayWidth` counts it
    /// alone (a combining mark none, a wide character two, a tab to the next multiple of 8,
    /// a control none; an emoji sequence as one glyph). It runs on every line of a large wrapped
    /// file, so it decodes nothing into strings; every path measures lines with it.
    static func columns(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int {
        measure(bytes, line.lowerBound..<ByteLines.trim(bytes, line).upperBound)
    }

    /// The columns of a line's first word: up to its first space that a line may break at
    /// (a no-break space holds `- Phó` together, and wrappers keep them on one line).
    static func firstWordColumns(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int {
        let t = ByteLines.trim(bytes, line)
        var end = t.lowerBound
        while end < t.upperBound, bytes[end] != 0x20, bytes[end] != 0x09 { end += 1 }
        return measure(bytes, t.lowerBound..<end)
    }

    private static func measure(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var n = 0
        var i = range.lowerBound
        var joined = false  // after a zero-width joiner, or the first of a pair of flag letters
        while i < range.upperBound {
            let b = bytes[i]
            if b < 0x80 {
                n += b >= 0x20 && b != 0x7F ? 1 : b == 0x09 ? 8 - n % 8 : 0
                i += 1
                joined = false
            } else if b < 0xC0 {
                i += 1  // a stray continuation byte: the cleaning makes it U+FFFD, one column
                n += 1
            } else {
                let (v, length) = ByteLines.decodeScalar(bytes, at: i)
                i += min(length, range.upperBound - i)
                // An emoji sequence shows as one glyph: what a joiner joins, the second flag
                // letter of a pair and a skin tone add nothing.
                let flag = DisplayWidth.isRegionalIndicator(v)
                if joined || (0x1F3FB...0x1F3FF).contains(v) {
                    joined = v == 0x200D
                    continue
                }
                joined = v == 0x200D || flag
                n += Unicode.Scalar(v).map(DisplayWidth.of) ?? 1
            }
        }
        return n
    }

    /// The scalars of UTF-8 text, combining diacritics (U+0300–U+036F) aside: a line of more
    /// than `widest` is told wider than that without measuring it (a paragraph of a copied
    /// page mostly is).
    static func characters(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var n = 0
        for i in range where bytes[i] & 0xC0 != 0x80 && bytes[i] != 0xCC && bytes[i] != 0xCD { n += 1 }
        return n
    }

    /// Whether a line starts a list item of its own rather than carrying on a wrapped line: a
    /// bullet or number, but not a dash, which a wrapper leaves first on a line as often as not
    /// (`… Lê Văn Lương` / `- Phó Bí thư …`); w3m and lynx draw a list's bullets as `•`, `*`, `+`.
    /// Nor a number where the wrapper broke a sentence before it (`… Hội nghị lần thứ` /
    /// `4. Đồng chí …`): w3m and lynx indent a list's items past the text before the list, so a
    /// number as far in as the line `previous` before it, which is no item and does not end in
    /// punctuation, carries that line on.
    static func startsItem(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, after previous: Range<Int>) -> Bool {
        guard let marker = ListMarker.at(bytes, line) else { return false }
        let i = ByteLines.skipSpacesAndTabs(bytes, from: line.lowerBound, end: line.upperBound)
        let dash = bytes[i] == UInt8(ascii: "-")
            || i + 2 < line.upperBound && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94)
        if dash { return false }
        guard marker.isOrdered, LargeArticleReader.indentColumns(bytes, line) == LargeArticleReader.indentColumns(bytes, previous),
            ListMarker.at(bytes, previous) == nil
        else { return true }
        return LargeArticleReader.endsWithClosingPunctuation(bytes, previous)
    }

    /// Whether the line that ends at `line` was wrapped before the line that starts at `next`:
    /// the next line's first word would not have fitted after it within `width`, or it ends in
    /// a no-break space, which a wrapper breaks at only where the words it holds together do not
    /// fit (w3m leaves it at the end of the line).
    static func wrapped(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, before next: Range<Int>, width: Int) -> Bool {
        let columns = columns(bytes, line)
        guard columns <= width else { return false }
        return columns + 1 + firstWordColumns(bytes, next) > width || endsInNoBreakSpace(bytes, line)
    }

    /// Whether a line's last character other than an ASCII space is U+00A0.
    static func endsInNoBreakSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var end = line.upperBound
        while end > line.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0D { end -= 1 }
        return end - line.lowerBound >= 2 && bytes[end - 2] == 0xC2 && bytes[end - 1] == 0xA0
    }

    /// The width the text from `start` was wrapped at, or nil when it was not wrapped. Of the
    /// lines of 40 columns or more among its first `sampleBytes`, at least 6, and at least two
    /// in five, end within 10 columns of the widest (a few wider lines, a link's address or a
    /// table, aside; a page's chrome and the last lines of paragraphs make the rest), and
    /// twice or more two such full lines follow each other, as in a paragraph of three lines.
    /// A copied page, a paragraph a line, has lines of every length, most of them past 120
    /// columns. Lines past `widest` are told from their bytes (six at most a column, spaces and
    /// marks included, or more characters than that) without measuring them, and a text whose
    /// lines are mostly that long is given up early.
    static func width(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let end = min(bytes.count, start + sampleBytes)
        var long: [Int] = []  // the columns of lines of `narrowest` or more
        var runs: [Int] = []  // the columns of each long line that follows another, the other's first
        var previous: Int?  // the columns of the line before, if it was long
        var wide = 0  // lines past `widest`
        var at = start
        while at < end {
            let stop = ByteLines.find(0x0A, in: bytes, from: at, to: bytes.count) ?? bytes.count
            let line = at..<stop
            at = stop + 1
            // The addresses a page's links refer to (`12. https://…`, lynx's list at its end) are
            // no wrapped text: many short ones would hide the text's width.
            if LinkNumbers.isItem(bytes, line) {
                previous = nil
                continue
            }
            let length = ByteLines.trim(bytes, line).upperBound - line.lowerBound
            var columns = 0
            if length > 6 * widest || length > widest && Self.characters(bytes, line.lowerBound..<(line.lowerBound + length)) > widest {
                wide += 1
                if wide >= 8 && wide * 2 > long.count + wide { return nil }
            } else if length >= narrowest || bytes[line].contains(0x09) {
                // A line of fewer bytes than `narrowest` is narrower (a tab, which is more, aside).
                columns = Self.columns(bytes, line)
                if columns > widest {
                    wide += 1
                } else if columns >= narrowest {
                    long.append(columns)
                    if let previous { runs += [previous, columns] }
                }
            }
            previous = columns >= narrowest && columns <= widest ? columns : nil
        }
        guard long.count >= 6, wide * 10 <= long.count + wide else { return nil }
        long.sort()
        // The widest line, leaving out the few (a tenth) that stand well past the rest.
        let high = long[(long.count - 1) * 9 / 10]
        let width = long.last { $0 <= high + 4 } ?? high
        func full(_ columns: Int) -> Bool { columns > width - 10 && columns <= width }
        let pairs = stride(from: 0, to: runs.count, by: 2).filter { full(runs[$0]) && full(runs[$0 + 1]) }.count
        return long.filter(full).count * 5 >= long.count * 2 && pairs >= 2 ? width : nil
    }
}
