/// Finds a query in text the way readers expect: case never matters, and diacritics matter
/// only when the query has some (`hoi nghi` finds `Hội nghị`; `hội` does not find `hồi`).
public struct TextMatcher: Sendable {
    public let query: String
    private let needle: [Unicode.Scalar]
    private let exactDiacritics: Bool

    /// The query folded, for `mightMatch`.
    private let foldedNeedle: String

    public init(query: String) {
        self.query = query
        let nfc = Normalization.nfc(query)
        exactDiacritics = TextFolding.hasDiacritics(nfc)
        needle = Self.key(nfc, exactDiacritics: exactDiacritics).map(\.0)
        foldedNeedle = TextFolding.fold(nfc)
    }

    /// False when `text` cannot contain a match: a quick test on folded UTF-8 bytes (every
    /// match, with or without exact diacritics, is also a match of the folded forms).
    public func mightMatch(_ text: String) -> Bool {
        ByteLines.contains(TextFolding.fold(text), foldedNeedle)
    }

    public var isEmpty: Bool { needle.isEmpty }

    /// The comparable form of text: scalars with the UTF-8 offset each came from.
    static func key(_ text: String, exactDiacritics: Bool) -> [(Unicode.Scalar, Int)] {
        var out: [(Unicode.Scalar, Int)] = []
        out.reserveCapacity(text.utf8.count)
        var offset = 0
        for s in text.unicodeScalars {
            defer { offset += UTF8.width(s) }
            if exactDiacritics {
                guard s != "\n" else {
                    out.append((" ", offset))  // as folding has it: found across a line end
                    continue
                }
                let lower = s.properties.lowercaseMapping.unicodeScalars
                out.append((lower.count == 1 ? lower.first! : s, offset))
            } else if let f = TextFolding.fold(s) {
                out.append((f, offset))
            }
        }
        return out
    }

    /// UTF-8 ranges of every non-overlapping match in `text`.
    public func ranges(in text: String) -> [Range<Int>] {
        guard !needle.isEmpty else { return [] }
        let hay = Self.key(text, exactDiacritics: exactDiacritics)
        guard hay.count >= needle.count else { return [] }
        var result: [Range<Int>] = []
        var i = 0
        let textEnd = text.utf8.count
        while i <= hay.count - needle.count {
            var j = 0
            while j < needle.count && hay[i + j].0 == needle[j] { j += 1 }
            if j == needle.count {
                let end = i + j < hay.count ? hay[i + j].1 : textEnd
                result.append(hay[i].1..<end)
                i += j
            } else {
                i += 1
            }
        }
        return Self.snapToCharacters(result, in: text)
    }

    /// Widens each range so it starts and ends on character boundaries (a match that ends
    /// before a combining mark takes the mark). The ranges are in order: one walk over the
    /// characters serves them all, where a walk per match made a block with a thousand matches
    /// (a 64 KB piece of a long line) take a second.
    static func snapToCharacters(_ ranges: [Range<Int>], in text: String) -> [Range<Int>] {
        var snapped: [Range<Int>] = []
        snapped.reserveCapacity(ranges.count)
        var k = 0
        var lower: Int?  // where range k starts, once its first character is seen
        var start = 0
        var characters = text.makeIterator()
        while k < ranges.count, let c = characters.next() {
            let end = start + c.utf8.count
            // One character can end a range and hold the start of the next.
            while k < ranges.count {
                if lower == nil {
                    guard ranges[k].lowerBound < end else { break }
                    lower = start
                }
                guard ranges[k].upperBound <= end else { break }
                snapped.append(lower!..<end)
                lower = nil
                k += 1
            }
            start = end
        }
        // Anything past the text's end (not expected) is kept as it was.
        while k < ranges.count {
            snapped.append((lower ?? ranges[k].lowerBound)..<ranges[k].upperBound)
            lower = nil
            k += 1
        }
        return snapped
    }
}
