/// Removes everything from UTF-8 bytes that a terminal could take as a command: C0 and C1
/// control codes, whole ESC/CSI/OSC/DCS sequences, DEL, and bidirectional overrides. Line ends
/// become LF, tabs become spaces, and backspace overstrike keeps the last character. Soft
/// hyphens (U+00AD) go too, uncounted: hints for a hyphenating browser, which terminals draw
/// as a hyphen, a blank or nothing, and which would keep a search from finding the word.
///
/// It works on bytes, before decoding, so that a 100 MB file with nothing to remove costs one
/// scan and no copy.
public enum ByteSanitizer {
    public struct Result {
        public var bytes: [UInt8]
        /// How many control codes or escape sequences were taken out.
        public var removedControls: Int
    }

    static let esc: UInt8 = 0x1B
    static let bel: UInt8 = 0x07

    /// True if `bytes` contains anything `sanitize` would change.
    static func needsWork(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            // Most bytes of a text are none of the ones below: one table look-up says so.
            if !mayNeedWork[Int(b)] {
                i += 1
                continue
            }
            if b < 0x20 {
                if b != 0x0A { return true }
            } else if b == 0x7F {
                return true
            } else if b == 0xC2, i + 1 < n, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F || bytes[i + 1] == 0xAD {
                return true
            } else if b == 0xE2, i + 2 < n, isBidiControl(bytes[i + 1], bytes[i + 2]) {
                return true
            }
            i += 1
        }
        return false
    }

    /// The bytes `needsWork` looks at more closely: controls but LF, DEL, and the first
    /// bytes of C1 controls (C2) and of bidirectional overrides (E2).
    static let mayNeedWork: [Bool] = (0..<256).map { b in (b < 0x20 && b != 0x0A) || b == 0x7F || b == 0xC2 || b == 0xE2 }

    @inlinable
    static func isBidiControl(_ b1: UInt8, _ b2: UInt8) -> Bool {
        // U+202A...U+202E (E2 80 AA...AE) and U+2066...U+2069 (E2 81 A6...A9).
        (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)
    }

    public static func sanitize(_ input: [UInt8], tabWidth: Int = 8) -> Result {
        var result = Result(bytes: input, removedControls: 0)
        // Removing a byte can join its neighbours into a new control (C2 7F 89 → C2 89,
        // U+0089), so repeat until a pass finds nothing. Each later pass only shrinks the text.
        while result.bytes.withUnsafeBufferPointer({ needsWork($0) }) {
            let pass = result.bytes.withUnsafeBufferPointer { sanitizeSlow($0, tabWidth: tabWidth) }
            result = Result(bytes: pass.bytes, removedControls: result.removedControls + pass.removedControls)
        }
        return result
    }

    static func sanitizeSlow(_ bytes: UnsafeBufferPointer<UInt8>, tabWidth: Int) -> Result {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var removed = 0
        var column = 0  // in scalars since the last line end, for tab stops
        var i = 0
        let n = bytes.count

        /// Skips a control string (OSC, DCS, SOS, PM, APC) body starting at `j`; returns the
        /// index after its terminator (BEL, ESC \, or C1 ST), or `n` if it never ends.
        func skipString(from j: Int) -> Int {
            var k = j
            while k < n {
                let b = bytes[k]
                if b == bel { return k + 1 }
                if b == esc, k + 1 < n, bytes[k + 1] == UInt8(ascii: "\\") { return k + 2 }
                if b == 0xC2, k + 1 < n, bytes[k + 1] == 0x9C { return k + 2 }
                // A line end inside an unterminated string ends it, so one stray ESC ] cannot
                // swallow the rest of the article.
                if b == 0x0A { return k }
                k += 1
            }
            return n
        }
        /// Skips CSI parameters and intermediates from `j` through the final byte.
        func skipCSI(from j: Int) -> Int {
            var k = j
            while k < n {
                let b = bytes[k]
                if b >= 0x40 && b <= 0x7E { return k + 1 }
                if b < 0x20 || b >= 0x80 { return k }  // malformed: stop before it
                k += 1
            }
            return n
        }

        while i < n {
            let b = bytes[i]
            switch b {
            case 0x0A:
                out.append(b); column = 0; i += 1
            case 0x0D:
                out.append(0x0A); column = 0
                i += (i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
            case 0x09:
                let spaces = tabWidth - column % tabWidth
                out.append(contentsOf: repeatElement(0x20, count: spaces))
                column += spaces; i += 1
            case 0x08:
                // Overstrike (X BS X, _ BS X): the character typed last wins.
                if let last = out.last, last != 0x0A {
                    // Drop the whole previous UTF-8 scalar.
                    while let l = out.last, l & 0xC0 == 0x80 { out.removeLast() }
                    if !out.isEmpty { out.removeLast() }
                    column = max(0, column - 1)
                    _ = last
                }
                removed += 1; i += 1
            case esc:
                removed += 1
                guard i + 1 < n else { i += 1; continue }
                let next = bytes[i + 1]
                switch next {
                case UInt8(ascii: "["): i = skipCSI(from: i + 2)
                case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
                    i = skipString(from: i + 2)
                case 0x20...0x2F:
                    // nF sequence: intermediates then one final byte (ESC ( B, ESC # 8, ...).
                    var k = i + 1
                    while k < n, bytes[k] >= 0x20, bytes[k] <= 0x2F { k += 1 }
                    i = min(n, k + 1)
                case 0x30...0x7E: i += 2
                default: i += 1
                }
            case 0x7F:
                removed += 1; i += 1
            case 0x00...0x1F:
                removed += 1; i += 1
            case 0xC2 where i + 1 < n && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F:
                removed += 1
                let c1 = bytes[i + 1]
                switch c1 {
                case 0x9B: i = skipCSI(from: i + 2)  // CSI
                case 0x90, 0x98, 0x9D, 0x9E, 0x9F: i = skipString(from: i + 2)  // DCS SOS OSC PM APC
                default: i += 2
                }
            case 0xC2 where i + 1 < n && bytes[i + 1] == 0xAD:
                i += 2  // a soft hyphen
            case 0xE2 where i + 2 < n && isBidiControl(bytes[i + 1], bytes[i + 2]):
                removed += 1; i += 3
            default:
                out.append(b)
                if b & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        return Result(bytes: out, removedControls: removed)
    }
}
