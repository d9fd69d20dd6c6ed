/// Folds text for matching: lower case, diacritics removed, `đ` → `d`, a line end a space.
/// Pattern tables and search compare folded text, so they work whether the input had its
/// diacritics, lost them, or came decomposed (NFD), and a search for words finds them across
/// the kept lines of verse or a hard line break.
public enum TextFolding {
    /// The folded form of one scalar, or nil when it folds away (a combining mark).
    @inlinable
    public static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x41 && v <= 0x5A) ? Unicode.Scalar(v + 32)! : v == 0x0A ? " " : s
        }
        if let base = latinBase(v) { return Unicode.Scalar(base)! }
        if let digit = scriptDigit(v) { return Unicode.Scalar(digit)! }
        if s.properties.canonicalCombiningClass != .notReordered { return nil }
        if s.properties.generalCategory == .nonspacingMark { return nil }
        if s.properties.changesWhenLowercased, let lower = s.properties.lowercaseMapping.unicodeScalars.first {
            return lower
        }
        return s
    }

    /// Folds a whole string. Works on UTF-8 code units, copying ASCII straight through: it runs
    /// on every short line of every article, on the way to the first screen.
    public static func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { fold(utf8: $0) }
    }

    /// Whether `fold(text) == folded`, stopping at the first difference (usually the first
    /// letter) instead of folding all of a long paragraph.
    public static func fold(_ text: String, equals folded: String) -> Bool {
        foldedMatchEnd(text, in: folded) == folded.utf8.endIndex
    }

    /// Whether `folded` starts with `fold(text)`, stopping at the first difference.
    public static func fold(_ text: String, isPrefixOf folded: String) -> Bool {
        foldedMatchEnd(text, in: folded) != nil
    }

    /// Where `fold(text)` ends in `folded` when `folded` starts with it, else nil.
    private static func foldedMatchEnd(_ text: String, in folded: String) -> String.Index? {
        var j = folded.utf8.startIndex
        let target = folded.utf8
        for s in text.unicodeScalars {
            guard let f = fold(s) else { continue }
            for unit in f.utf8 {
                guard j < target.endIndex, target[j] == unit else { return nil }
                j = target.index(after: j)
            }
        }
        return j
    }

    /// Folds UTF-8 text (which must be valid).
    public static func fold(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        // A folded scalar is at most 1.5 times as long in UTF-8 (Ⱥ U+023A → ⱥ U+2C65).
        String(unsafeUninitializedCapacity: bytes.count + bytes.count / 2 + 4) { out in
            var n = 0, i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    out[n] = (b >= 0x41 && b <= 0x5A) ? b + 32 : b == 0x0A ? 0x20 : b
                    n += 1
                    i += 1
                    continue
                }
                let (v, length) = ByteLines.decodeScalar(bytes, at: i)
                // Vietnamese letters and the combining marks of decomposed text skip the
                // property look-ups below; punctuation and spaces of U+2000–U+206F (no case,
                // no marks) are copied as they are.
                if let base = latinBase(v) {
                    out[n] = UInt8(truncatingIfNeeded: base)
                    n += 1
                    i += length
                    continue
                }
                if v >= 0x300 && v <= 0x36F {
                    i += length
                    continue
                }
                if v >= 0x2000 && v <= 0x206F {
                    for k in 0..<length { out[n + k] = bytes[i + k] }
                    n += length
                    i += length
                    continue
                }
                i += length
                guard let scalar = Unicode.Scalar(v), let folded = fold(scalar) else { continue }
                for unit in folded.utf8 {
                    out[n] = unit
                    n += 1
                }
            }
            return n
        }
    }

    /// The ASCII digit a superscript or subscript digit stands for (`²`, `₂`: `2`), so that a
    /// search for `CO2` finds `CO₂`; nil for anything else.
    @usableFromInline
    static func scriptDigit(_ v: UInt32) -> UInt32? {
        switch v {
        case 0xB9: return 0x31
        case 0xB2, 0xB3: return 0x30 + v - 0xB0
        case 0x2070, 0x2074...0x2079: return 0x30 + v - 0x2070
        case 0x2080...0x2089: return 0x30 + v - 0x2080
        default: return nil
        }
    }

    /// True if the text has a diacritic or `đ` that folding would remove. A search query with
    /// one asks for an exact-diacritics match.
    public static func hasDiacritics(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            latinBase(s.value) != nil || (s.value >= 0x300 && s.properties.canonicalCombiningClass != .notReordered)
        }
    }

    /// Lower-case ASCII base letter of a precomposed Latin letter (Latin-1 Supplement, Latin
    /// Extended-A/B and Additional, which holds Vietnamese), or nil.
    @usableFromInline
    static func latinBase(_ v: UInt32) -> UInt32? {
        let table: [UInt8]
        let index: Int
        if v >= 0xC0 && v <= 0x24F {
            table = latinBaseLow
            index = Int(v - 0xC0)
        } else if v >= 0x1E00 && v <= 0x1EFF {
            table = latinBaseAdditional
            index = Int(v - 0x1E00)
        } else {
            return nil
        }
        let letter = table[index]
        return letter == UInt8(ascii: ".") ? nil : UInt32(letter)
    }

    // One letter per code point, "." where there is none. Derived from the Unicode names
    // ("LATIN CAPITAL LETTER A WITH CIRCUMFLEX AND DOT BELOW" → "a"); a test re-derives them.
    // A table rather than a derivation at start-up: looking up 656 names cost 2 ms per run.
    static let latinBaseLow: [UInt8] = Array((
        "aaaaaa.ceeeeiiii.nooooo.ouuuuy..aaaaaa.ceeeeiiii.nooooo.ouuuuy.y"
        + "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiii...jjkk.lllllll"
        + "lllnnnnnn...oooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzz."
        + "bbbb...cc.ddd....ffg...ikkl..nnooo..pp.....ttttuu.vyyzz........."
        + ".....d..l..n.aaiioouuuuuuuuuu.aaaa..ggggkkoooo..j.d.gg..nnaa..oo"
        + "aaaaeeeeiiiioooorrrruuuusstt..hhnd..zzaaeeooooooooyylnt...acclts"
        + "z..b..eejj.qrryy").utf8)

    static let latinBaseAdditional: [UInt8] = Array((
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm"
        + "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv"
        + "wwwwwwwwwwxxxxyyzzzzzzhtwya.....aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"
        + "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy....yy").utf8)
}
