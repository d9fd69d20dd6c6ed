import Foundation

/// Line splitting and trimming on UTF-8 bytes, for the loader's hot paths: a `Character`
/// walk costs grapheme breaking on every byte, and these run over whole files.
enum ByteLines {
    /// The byte length of the space character starting at `i` (one of `LineShapes.spaces`),
    /// or 0 if there is none there.
    @inline(__always)
    static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int {
        let b = bytes[i]
        if b == 0x20 { return 1 }
        guard b >= 0xC2 else { return 0 }  // the other spaces all start with a lead byte
        for encoding in spaceEncodings where encoding[0] == b && i + encoding.count <= end {
            if (1..<encoding.count).allSatisfy({ bytes[i + $0] == encoding[$0] }) { return encoding.count }
        }
        return 0
    }

    /// UTF-8 of the spaces other than U+0020.
    static let spaceEncodings: [[UInt8]] = LineShapes.spaces.encodings.filter { $0 != [0x20] }

    /// The length of the space character that ends just before `end`, or 0.
    @inline(__always)
    static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int, start: Int) -> Int {
        let b = bytes[end - 1]
        if b == 0x20 { return 1 }
        if b < 0x80 { return 0 }
        for length in 2...3 where end - length >= start {
            if spaceLength(bytes, at: end - length, end: end) == length { return length }
        }
        return 0
    }

    /// Where the spaces and tabs (raw text has tabs, which the cleaning makes spaces) that start
    /// at `start` end.
    static func skipSpacesAndTabs(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var i = start
        while i < end {
            if bytes[i] == 0x09 {
                i += 1
                continue
            }
            let n = spaceLength(bytes, at: i, end: end)
            if n == 0 { break }
            i += n
        }
        return i
    }

    /// `range` without spaces at either end.
    static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi {
            let n = spaceLength(bytes, at: lo, end: hi)
            if n == 0 { break }
            lo += n
        }
        while hi > lo {
            let n = spaceLength(bytes, endingAt: hi, start: lo)
            if n == 0 { break }
            hi -= n
        }
        return lo..<hi
    }

    /// Calls `body` with the range of each line (without its "\n") in order.
    static func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (Range<Int>) -> Void) {
        var start = range.lowerBound
        let end = range.upperBound
        while start <= end {
            let stop = find(0x0A, in: bytes, from: start, to: end) ?? end
            body(start..<stop)
            if stop == end { break }
            start = stop + 1
        }
    }

    /// The offset after the first blank line (a line end, then only spaces, tabs or CRs, then
    /// a line end) whose first line end lies in `from..<to`: where a file can be cut between
    /// paragraphs.
    static func blankLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        var i = from
        while i < to, let nl = find(0x0A, in: bytes, from: i, to: to) {
            var j = nl + 1
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x0D || bytes[j] == 0x09 { j += 1 }
            if j < bytes.count, bytes[j] == 0x0A { return j + 1 }
            i = nl + 1
        }
        return nil
    }

    /// The first offset of `byte` in `from..<to` (memchr).
    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = bytes.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether a whole scalar of U+1E00–U+1EFF (Latin Extended Additional: most of
    /// Vietnamese's letters with two marks, `ạ`, `ế`) starts at `i`: bytes E1 B8–BB, then one
    /// more. Each such letter is one column and stands alone, so it can be stepped over undecoded.
    @inline(__always)
    static func startsLatinExtendedAdditional(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        bytes[i] == 0xE1 && i + 2 < bytes.count && bytes[i + 1] & 0xFC == 0xB8
    }

    /// The scalar value and byte length of the UTF-8 sequence starting at `i` (valid UTF-8;
    /// a sequence cut off at the end keeps what it has).
    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b = bytes[i]
        if b < 0x80 { return (UInt32(b), 1) }
        let n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        var v = UInt32(b) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
        for k in 1..<n where i + k < bytes.count { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (v, n)
    }

    /// Whether `text` contains `part`, compared as bytes (not through Foundation). The first
    /// byte is looked for with `memchr`, which skips through a line far faster than a loop.
    static func contains(_ text: String, _ part: String) -> Bool {
        var text = text, part = part
        return text.withUTF8 { t in
            part.withUTF8 { p in
                guard !p.isEmpty else { return true }
                guard p.count <= t.count, let tBase = t.baseAddress, let pBase = p.baseAddress else { return false }
                let last = t.count - p.count  // the last offset where `part` fits
                var from = 0
                while from <= last, let found = memchr(tBase + from, Int32(p[0]), last - from + 1) {
                    let i = tBase.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(tBase + i, pBase, p.count) == 0 { return true }
                    from = i + 1
                }
                return false
            }
        }
    }

    /// Whether `text` holds any of `encodings` (each non-empty), compared as bytes. Each
    /// distinct first byte is looked for with `memchr`, and only where it occurs are the
    /// encodings that start with it compared.
    static func containsAny(_ text: String, of encodings: [[UInt8]]) -> Bool {
        var text = text
        return text.withUTF8 { t in
            guard let base = t.baseAddress else { return false }
            for (k, e) in encodings.enumerated() where !encodings[..<k].contains(where: { $0[0] == e[0] }) {
                var from = 0
                while from < t.count, let found = memchr(base + from, Int32(e[0]), t.count - from) {
                    let i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    for f in encodings where f[0] == e[0] && i + f.count <= t.count {
                        if memcmp(base + i, f, f.count) == 0 { return true }
                    }
                    from = i + 1
                }
            }
            return false
        }
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

extension StringProtocol where SubSequence == Substring {
    /// Without spaces and tabs at either end — what `trimmingCharacters(in: .whitespaces)`
    /// removes — but without Foundation's bridging, whose first use alone cost a millisecond
    /// on the way to the first screen.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        var lo = scalars.startIndex, hi = scalars.endIndex
        while lo < hi, Self.isSpaceOrTab(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo {
            let p = scalars.index(before: hi)
            guard Self.isSpaceOrTab(scalars[p]) else { break }
            hi = p
        }
        return String(self[lo..<hi])
    }

    /// Tab and Unicode's space separators (category Zs).
    private static func isSpaceOrTab(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
