/// The numbered links of a page that `lynx -dump` (or `w3m -dump -o display_link_number=1`)
/// wrote: a number before each link's text (`theo [4]báo cáo`) and, at the end of the page,
/// the list of addresses they refer to:
///
///     References                    (lynx; `Tham chiếu` in Vietnamese)
///
///        Visible links:             (only when there are hidden links too)
///        1. https://laichau.gov.vn/
///        2. https://laichau.gov.vn/tin-tuc
///
///     References:                   (w3m)
///
///     [1] https://laichau.gov.vn/
///
/// A terminal cannot follow the links, so the list is page furniture and the numbers are
/// noise in the article's text. Only a page that ends in such a list has its numbers taken
/// out, so that a citation (`[1]`) in any other text stays.
enum LinkNumbers {
    /// The list of addresses at the end of `range`: where its heading line starts, and the
    /// highest link number it gives. Its items must be numbered upwards from 1 (with gaps: lynx
    /// numbers hidden links after the visible ones, skipping some); blank lines, and lynx's `Visible links:`
    /// and `Hidden links:` lines, may stand among them. Nil when the text ends otherwise.
    static func referenceList(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> (start: Int, count: Int)? {
        var end = range.upperBound
        var highest: Int?  // the first item read (the last one written)
        var lowest = Int.max  // the item read last
        while end > range.lowerBound {
            var start = end
            while start > range.lowerBound, bytes[start - 1] != 0x0A { start -= 1 }
            let line = trimmed(bytes, start..<end)
            end = start > range.lowerBound ? start - 1 : start
            if line.isEmpty { continue }
            if let number = itemNumber(bytes, line) {
                guard number < lowest else { return nil }
                lowest = number
                if highest == nil { highest = number }
                continue
            }
            // Headings are short; a large file's bytes may be no valid UTF-8, so they are decoded.
            guard let highest, line.count <= 64 else { return nil }
            let folded = TextFolding.fold(String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self))
            if subheadings.contains(folded) { continue }
            return headings.contains(folded) && lowest == 1 ? (start, highest) : nil
        }
        return nil
    }

    /// The list's heading, folded: lynx's (in English and Vietnamese) and w3m's.
    static let headings: Set<String> = ["references", "tham chieu", "references:"]
    /// lynx's headings of the visible and hidden links, folded.
    static let subheadings: Set<String> = ["visible links:", "hidden links:", "lien ket hien thi:", "lien ket an:"]

    /// The number of a list item, `12. address` (lynx) or `[12] address` (w3m): a number from
    /// 1 up without leading zeros, then one word.
    static func itemNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int? {
        var i = line.lowerBound
        let bracketed = bytes[i] == UInt8(ascii: "[")
        if bracketed { i += 1 }
        guard let (number, after) = number(bytes, at: i, end: line.upperBound) else { return nil }
        i = after
        let close = bracketed ? UInt8(ascii: "]") : UInt8(ascii: ".")
        guard i + 2 < line.upperBound, bytes[i] == close, bytes[i + 1] == 0x20 else { return nil }
        // The address: one word.
        for j in (i + 2)..<line.upperBound where bytes[j] == 0x20 || bytes[j] == 0x09 { return nil }
        return number
    }

    /// Whether a raw line is an item of such a list (`itemNumber`), whatever it is set in by.
    static func isItem(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let item = trimmed(bytes, line)
        return !item.isEmpty && itemNumber(bytes, item) != nil
    }

    /// A number of up to six digits, without leading zeros, at `i`, and where it ends.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (Int, Int)? {
        var i = start, value = 0
        while i < end, i - start < 7, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            value = value * 10 + Int(bytes[i] - 0x30)
            i += 1
        }
        guard i > start, i - start <= 6, bytes[start] != 0x30 else { return nil }
        return (value, i)
    }

    /// A line without the spaces, tabs and carriage return around it (a large file's bytes
    /// are read before they are cleaned).
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Range<Int> {
        var lo = line.lowerBound, hi = line.upperBound
        while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 || bytes[hi - 1] == 0x0D { hi -= 1 }
        return lo..<hi
    }

    /// `text` without the link numbers `[N]` (1 ≤ N ≤ `count`) that stand right before a
    /// link's text: before anything but a space or punctuation that closes (`[1],` and
    /// `[1] ` are citations, and stay).
    static func removing(from text: String, upTo count: Int) -> String {
        guard text.utf8.contains(UInt8(ascii: "[")) else { return text }
        var copy = text
        return copy.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0, changed = false
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "["), let (n, after) = number(bytes, at: i + 1, end: bytes.count), n <= count,
                    after + 1 < bytes.count, bytes[after] == UInt8(ascii: "]"), !closesOrSpace(bytes, at: after + 1)
                {
                    i = after + 1
                    changed = true
                    continue
                }
                out.append(bytes[i])
                i += 1
            }
            return changed ? String(decoding: out, as: UTF8.self) : text
        }
    }

    private static func closesOrSpace(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = bytes[i]
        return b == 0x20 || b == 0x09 || b == 0x0A || ",.;:!?)]}\"'".utf8.contains(b)
            || b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0  // a no-break space
    }
}
