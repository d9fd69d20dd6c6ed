/// How many terminal columns text takes, decided by docbao itself rather than the C library's
/// `wcwidth`, whose answer depends on the locale and the libc version. The table follows
/// Unicode's East Asian Width (Wide and Fullwidth → 2) and emoji presentation (→ 2); marks
/// and format characters take 0.
public enum DisplayWidth {
    /// Width of one grapheme cluster (0, 1 or 2).
    @inlinable
    public static func of(_ c: Character) -> Int {
        // Scalars rather than `isASCII`/`asciiValue`: each of those first compares the
        // Character with "\r\n" as strings, which cost more than the rest of this together.
        var scalars = c.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        guard var next = scalars.next() else { return of(first) }  // one scalar: nearly always
        // An emoji sequence (flag, keycap, ZWJ family, VS16 presentation) is one wide glyph.
        if isRegionalIndicator(first.value) { return 2 }
        var sawVS16 = false, sawZWJ = false
        while true {
            if next.value == 0xFE0F { sawVS16 = true }
            if next.value == 0x200D { sawZWJ = true }
            guard let after = scalars.next() else { break }
            next = after
        }
        if sawVS16 && first.properties.isEmoji { return 2 }
        if sawZWJ && first.properties.isEmoji && first.value > 0xFF { return 2 }
        return of(first)
    }

    /// Width of a single scalar as the base of a cluster.
    @inlinable
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(s) { return 0 }
        if isWide(v) { return 2 }
        if v >= 0x1F000 && s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Whether a scalar takes one column both here and in every UTF-8 locale's `wcwidth`:
    /// ASCII, Latin (Vietnamese included), general punctuation, arrows, box drawing. The
    /// terminal layer hands runs of such characters to curses in one call, which lays them
    /// out by `wcwidth`; a character the two widths disagreed on would shift the rest of a run.
    public static func isSurelyNarrow(_ v: UInt32) -> Bool {
        switch v {
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E,
             0x2190...0x21FF, 0x2500...0x257F:
            return true
        default:
            return false
        }
    }

    /// A cell's text when it is a single scalar that `isSurelyNarrow` admits, as that scalar's
    /// value; nil for anything else (a wide or combined character, an empty right half).
    public static func surelyNarrowScalar(_ text: String) -> UInt32? {
        var scalars = text.unicodeScalars.makeIterator()
        guard let scalar = scalars.next(), scalars.next() == nil, isSurelyNarrow(scalar.value) else { return nil }
        return scalar.value
    }

    /// Width of a string.
    public static func of(_ text: some StringProtocol) -> Int {
        if let simple = text.utf8.withContiguousStorageIfAvailable(simpleWidth), let w = simple { return w }
        return ofCharacters(text)
    }

    /// Width of a string, by Characters: right for any text (and what the fast way must match).
    static func ofCharacters(_ text: some StringProtocol) -> Int {
        var w = 0
        for c in text { w += of(c) }
        return w
    }

    /// Width of UTF-8 text in which every scalar is a character of its own, or nil.
    static func simpleWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var clusters = LineBreaker.SimpleScalars(bytes)
        var w = 0
        while let c = clusters.next() { w += c.width }
        return clusters.failed ? nil : w
    }

    @inlinable
    static func isRegionalIndicator(_ v: UInt32) -> Bool { v >= 0x1F1E6 && v <= 0x1F1FF }

    @inlinable
    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF { return true }
        if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return true }  // variation selectors
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return true }  // Hangul medial/final jamo
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        case .format: return v != 0x00AD && !(0x0600...0x0605).contains(v)
        default: return false
        }
    }

    /// East Asian Wide and Fullwidth ranges, plus emoji that default to wide in the BMP.
    /// (Pairs rather than ClosedRange: the runtime would look up UInt32's conformances, a scan
    /// of the whole binary, on the way to the first screen.)
    @usableFromInline
    static let wideRanges: [(first: UInt32, last: UInt32)] = [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3),
        (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
        (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA),
        (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
        (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
        (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
        (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x2FF0, 0x303E), (0x3041, 0x3096), (0x3099, 0x30FF),
        (0x3105, 0x312F), (0x3131, 0x318E), (0x3190, 0x31E5), (0x31EF, 0x321E), (0x3220, 0x3247), (0x3250, 0xA48C),
        (0xA490, 0xA4C6), (0xA960, 0xA97C), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE52),
        (0xFE54, 0xFE66), (0xFE68, 0xFE6B), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6),
        (0x16FE0, 0x16FE4), (0x16FF0, 0x16FF1), (0x17000, 0x187F7), (0x18800, 0x18CD5), (0x18D00, 0x18D08),
        (0x1AFF0, 0x1AFFE), (0x1B000, 0x1B122), (0x1B132, 0x1B132), (0x1B150, 0x1B152), (0x1B155, 0x1B155),
        (0x1B164, 0x1B167), (0x1B170, 0x1B2FB), (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E),
        (0x1F191, 0x1F19A), (0x1F200, 0x1F202), (0x1F210, 0x1F23B), (0x1F240, 0x1F248), (0x1F250, 0x1F251),
        (0x1F260, 0x1F265), (0x1F300, 0x1F320), (0x1F32D, 0x1F335), (0x1F337, 0x1F37C), (0x1F37E, 0x1F393),
        (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E),
        (0x1F440, 0x1F440), (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E), (0x1F550, 0x1F567),
        (0x1F57A, 0x1F57A), (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5),
        (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6D7), (0x1F6DC, 0x1F6DF), (0x1F6EB, 0x1F6EC),
        (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7EB), (0x1F7F0, 0x1F7F0), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945),
        (0x1F947, 0x1F9FF), (0x1FA70, 0x1FA7C), (0x1FA80, 0x1FA89), (0x1FA8F, 0x1FAC6), (0x1FACE, 0x1FADC),
        (0x1FADF, 0x1FAE9), (0x1FAF0, 0x1FAF8), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
    ]

    @inlinable
    static func isWide(_ v: UInt32) -> Bool {
        guard v >= 0x1100 else { return false }
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.first { hi = mid - 1 } else if v > r.last { lo = mid + 1 } else { return true }
        }
        return false
    }
}
