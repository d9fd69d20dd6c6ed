/// Where a line too long to handle as one block is cut into several: a file that is one huge
/// line (a page saved without line ends, a text without paragraphs) would otherwise be decoded,
/// classified and wrapped whole before its first screen, and again on every size change.
///
/// The pieces are blocks that carry on one another (`LazyBody.continuing`): they are laid out
/// without a paragraph gap between them, so the only trace of a cut is a line that ends early.
enum LongLines {
    /// Lines longer than this many bytes are cut; no piece is longer.
    static let limit = 64 * 1024
    /// How far back from the limit a space is looked for before cutting between two
    /// characters instead (text without spaces: CJK, a run of one letter).
    static let spaceSearch = 4 * 1024

    /// The offsets inside `line` where its pieces after the first start (empty for a line of
    /// at most `size` bytes). Each cut lies after a space, or else between two characters:
    /// never inside a UTF-8 sequence or a grapheme cluster (a letter and its combining marks,
    /// an emoji sequence, a flag).
    static func cuts(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, size: Int = limit) -> [Int] {
        var cuts: [Int] = []
        var from = line.lowerBound
        while line.upperBound - from > size {
            let cut = self.cut(bytes, after: from, atMost: from + size, end: line.upperBound)
            guard cut < line.upperBound else { break }
            cuts.append(cut)
            from = cut
        }
        return cuts
    }

    /// The cut closest to `limit` (and above `from`): after the last space in the last
    /// `spaceSearch` bytes, else before the last character that starts a grapheme cluster.
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, after from: Int, atMost limit: Int, end: Int) -> Int {
        let floor = max(from + 1, limit - spaceSearch)
        var i = limit - 1
        while i >= floor {
            // (A space followed by a mark is a cluster of its own: not cut there.)
            if bytes[i] == 0x20 && startsCluster(bytes, at: i + 1, after: from) { return i + 1 }
            i -= 1
        }
        i = limit
        while i > from {
            if startsCluster(bytes, at: i, after: from) { return i }
            i -= 1
        }
        // One cluster longer than the whole piece (thousands of combining marks): cut at a
        // scalar boundary, which keeps the text valid UTF-8 — the last one before the limit,
        // or, in a piece shorter than one scalar, the first after it.
        i = limit
        while i > from + 1 && isContinuationByte(bytes[i]) { i -= 1 }
        if !isContinuationByte(bytes[i]) && i > from { return i }
        i = limit
        while i < end && isContinuationByte(bytes[i]) { i += 1 }
        return i
    }

    @inline(__always)
    static func isContinuationByte(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

    /// Whether a grapheme cluster starts at byte `i` (a scalar start with a scalar before it
    /// at or after `from`): the scalar there does not extend the one before (mark, joiner,
    /// variation selector, emoji modifier, Hangul vowel or final), and the one before does not
    /// join it (zero-width joiner, the first of a pair of regional indicators).
    static func startsCluster(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, after from: Int) -> Bool {
        guard !isContinuationByte(bytes[i]) else { return false }
        var p = i - 1
        while p > from && isContinuationByte(bytes[p]) { p -= 1 }
        guard p >= from, !isContinuationByte(bytes[p]) else { return false }
        let (next, _) = ByteLines.decodeScalar(bytes, at: i)
        let (previous, _) = ByteLines.decodeScalar(bytes, at: p)
        if previous == 0x200D || (isRegionalIndicator(previous) && isRegionalIndicator(next)) { return false }
        return !extendsCluster(next)
    }

    static func isRegionalIndicator(_ v: UInt32) -> Bool { (0x1F1E6...0x1F1FF).contains(v) }

    /// Scalars that belong to the cluster before them.
    static func extendsCluster(_ v: UInt32) -> Bool {
        switch v {
        case 0x200C, 0x200D, 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0xE0000...0xE0FFF, 0x1160...0x11FF, 0xD7B0...0xD7FF:
            return true
        default:
            guard v >= 0x300, let scalar = Unicode.Scalar(v) else { return false }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }
}
