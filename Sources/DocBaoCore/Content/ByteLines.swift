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

    /// The first offset of `byte` in `from..<to` (memchr).
    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = bytes.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
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

    /// Whether `text` contains `part`, compared as bytes (not through Foundation).
    static func contains(_ text: String, _ part: String) -> Bool {
        var text = text, part = part
        return text.withUTF8 { t in
            part.withUTF8 { p in
                guard !p.isEmpty else { return true }
                guard p.count <= t.count else { return false }
                let first = p[0]
                var i = 0
                while i + p.count <= t.count {
                    if t[i] == first && memcmp(t.baseAddress! + i, p.baseAddress!, p.count) == 0 { return true }
                    i += 1
                }
                return false
            }
        }
    }

    /// Whether `text` holds any of `encodings` (each non-empty), compared as bytes.
    static func containsAny(_ text: String, of encodings: [[UInt8]]) -> Bool {
        // Most bytes start none of the encodings: one bit test each.
        var leads = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        for e in encodings { ByteLines.setBit(&leads, e[0]) }
        var text = text
        return text.withUTF8 { t in
            for i in t.indices where ByteLines.testBit(leads, t[i]) {
                let b = t[i]
                for e in encodings where e[0] == b && i + e.count <= t.count {
                    var k = 1
                    while k < e.count && t[i + k] == e[k] { k += 1 }
                    if k == e.count { return true }
                }
            }
            return false
        }
    }

    private static func setBit(_ set: inout (UInt64, UInt64, UInt64, UInt64), _ b: UInt8) {
        let bit = UInt64(1) << (b & 63)
        switch b >> 6 {
        case 0: set.0 |= bit
        case 1: set.1 |= bit
        case 2: set.2 |= bit
        default: set.3 |= bit
        }
    }

    @inline(__always)
    private static func testBit(_ set: (UInt64, UInt64, UInt64, UInt64), _ b: UInt8) -> Bool {
        let word: UInt64
        switch b >> 6 {
        case 0: word = set.0
        case 1: word = set.1
        case 2: word = set.2
        default: word = set.3
        }
        return word & (UInt64(1) << (b & 63)) != 0
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
