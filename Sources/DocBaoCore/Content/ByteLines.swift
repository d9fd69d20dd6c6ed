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
        if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 { return 2 }  // U+00A0
        if (b == 0xE2 || b == 0xE3), i + 2 < end {
            let b1 = bytes[i + 1], b2 = bytes[i + 2]
            if b == 0xE3 { return b1 == 0x80 && b2 == 0x80 ? 3 : 0 }  // U+3000
            switch (b1, b2) {
            case (0x80, 0x82), (0x80, 0x83), (0x80, 0x89), (0x80, 0x8A), (0x80, 0xAF): return 3  // U+2002 … U+202F
            case (0x81, 0x9F): return 3  // U+205F
            default: return 0
            }
        }
        return 0
    }

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
            var stop = start
            while stop < end && bytes[stop] != 0x0A { stop += 1 }
            body(start..<stop)
            if stop == end { break }
            start = stop + 1
        }
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
