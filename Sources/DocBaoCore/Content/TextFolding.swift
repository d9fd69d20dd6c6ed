/// Folds text for matching: lower case, diacritics removed, `đ` → `d`. Pattern tables and
/// search compare folded text, so they work whether the input had its diacritics, lost them,
/// or came decomposed (NFD).
public enum TextFolding {
    /// The folded form of one scalar, or nil when it folds away (a combining mark).
    @inlinable
    public static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x41 && v <= 0x5A) ? Unicode.Scalar(v + 32)! : s
        }
        if let base = latinBase[v] { return Unicode.Scalar(base)! }
        if s.properties.canonicalCombiningClass != .notReordered { return nil }
        if s.properties.generalCategory == .nonspacingMark { return nil }
        if s.properties.changesWhenLowercased, let lower = s.properties.lowercaseMapping.unicodeScalars.first {
            return lower
        }
        return s
    }

    /// Folds a whole string.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if let f = fold(s) { out.append(f) }
        }
        return String(out)
    }

    /// True if the text has a diacritic or `đ` that folding would remove. A search query with
    /// one asks for an exact-diacritics match.
    public static func hasDiacritics(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            latinBase[s.value] != nil || (s.value >= 0x300 && s.properties.canonicalCombiningClass != .notReordered)
        }
    }

    /// Lower-case ASCII base letter of each precomposed Latin letter (Latin-1 Supplement,
    /// Latin Extended-A/B and Additional, which holds Vietnamese), derived from Unicode names:
    /// "LATIN CAPITAL LETTER A WITH CIRCUMFLEX AND DOT BELOW" → "a", "… D WITH STROKE" → "d".
    @usableFromInline
    static let latinBase: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [:]
        for range: ClosedRange<UInt32> in [0xC0...0x24F, 0x1E00...0x1EFF] {
            for v in range {
                guard let s = Unicode.Scalar(v), let name = s.properties.name else { continue }
                let parts = name.split(separator: " ")
                guard parts.count >= 6, parts[0] == "LATIN", parts[2] == "LETTER", parts[4] == "WITH",
                    parts[3].count == 1, let letter = parts[3].first?.asciiValue, letter >= 0x41, letter <= 0x5A
                else { continue }
                table[v] = UInt32(letter) + 32
            }
        }
        return table
    }()
}
