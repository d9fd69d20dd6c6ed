/// VNI (the encoding of the VNI-Windows fonts), the other code Vietnamese was typed in before
/// Unicode, mostly in the South: a letter is an ASCII base followed by a Latin-1 byte for its
/// marks (`Vieät` for `Việt`, `ngöôøi` for `người`), and ơ ư đ are bytes of their own (`ô`
/// `ö` `ñ`), as are i's toned forms and ỵ. Older files in it are recognised in bytes that are
/// not UTF-8, and turned into UTF-8: each mark byte becomes the combining marks it stands for,
/// which the decoder's NFC then composes with the letter before them.
enum VNI {
    /// The scalars of bytes 0xC0–0xFF that VNI gives a meaning of its own (the rest are
    /// Latin-1's): lower case; each capital is 0x20 below, with its capital letter.
    static let lowerCase: [(byte: UInt8, scalars: [UInt32])] = [
        // Tone marks after a vowel: acute, grave, hook above, tilde, dot below.
        (0xF9, [0x301]), (0xF8, [0x300]), (0xFB, [0x309]), (0xF5, [0x303]), (0xEF, [0x323]),
        // A circumflex (â ê ô), alone or with a tone.
        (0xE2, [0x302]), (0xE1, [0x302, 0x301]), (0xE0, [0x302, 0x300]), (0xE5, [0x302, 0x309]),
        (0xE3, [0x302, 0x303]), (0xE4, [0x302, 0x323]),
        // A breve (ă), alone or with a tone.
        (0xEA, [0x306]), (0xE9, [0x306, 0x301]), (0xE8, [0x306, 0x300]), (0xFA, [0x306, 0x309]),
        (0xFC, [0x306, 0x303]), (0xEB, [0x306, 0x323]),
        // Letters: ơ ư đ, í ì ỉ ĩ ị, ỵ.
        (0xF4, [0x1A1]), (0xF6, [0x1B0]), (0xF1, [0x111]),
        (0xED, [0xED]), (0xEC, [0xEC]), (0xE6, [0x1EC9]), (0xF3, [0x129]), (0xF2, [0x1ECB]), (0xEE, [0x1EF5]),
    ]

    /// Bytes 0xC0–0xFF: what each stands for (empty: Latin-1's character).
    static let table: [[UInt32]] = {
        var table = [[UInt32]](repeating: [], count: 64)
        for (byte, scalars) in lowerCase {
            table[Int(byte - 0xC0)] = scalars
            // The capital's byte: a mark is the same mark, a letter its capital.
            let isLetter = scalars.count == 1 && !(0x300...0x36F).contains(scalars[0])
            let capital = isLetter ? Unicode.Scalar(scalars[0])!.properties.uppercaseMapping.unicodeScalars.first!.value : nil
            table[Int(byte - 0x20 - 0xC0)] = capital.map { [$0] } ?? scalars
        }
        return table
    }()

    /// Whether `byte` is a mark's (a tone, a circumflex or a breve, in either case).
    static func isMark(_ byte: UInt8) -> Bool {
        guard byte >= 0xC0 else { return false }
        let scalars = table[Int(byte - 0xC0)]
        return !scalars.isEmpty && (0x300...0x36F).contains(scalars[0])
    }

    /// Whether `mark` may follow `letter` in Vietnamese: a tone after any vowel or after ơ ư,
    /// a circumflex (with or without a tone) after a, e or o, a breve after a.
    static func mayFollow(_ mark: UInt8, _ letter: UInt8) -> Bool {
        switch table[Int(mark - 0xC0)].first {
        case 0x302: return [UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "o")].contains(letter | 0x20)
        case 0x306: return letter | 0x20 == UInt8(ascii: "a")
        default: return letter < 0x80 ? EightBitScan.isASCIIVowel(letter) : letter | 0x20 == 0xF4 || letter | 0x20 == 0xF6
        }
    }

    /// Whether `bytes` (their first 64 KB) look like Vietnamese in VNI rather than UTF-8 with
    /// some damage or a Western code page: few valid UTF-8 sequences beside the invalid ones;
    /// of the bytes above 0x7F at least a third marks right after a letter they may follow
    /// (two thirds in Vietnamese, which writes most of its letters so); and among them at
    /// least three circumflexes or breves (`aâ`, `eá`, `aé`: ấ ế ắ), which Western text in
    /// Latin-1 does not write after those vowels, where its `où`, `naïf` and `België` put
    /// what VNI reads as tones. Windows-1258, VISCII and TCVN3 are tried first.
    static func isLikely(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var hats = 0
        let scan = EightBitScan.scan(bytes) { start, _, valid in
            guard !valid, isMark(bytes[start]), start > 0, mayFollow(bytes[start], bytes[start - 1]) else { return 0 }
            let first = table[Int(bytes[start] - 0xC0)][0]
            if first == 0x302 || first == 0x306 { hats += 1 }
            return 1
        }
        return hats >= 3 && (scan?.isEightBit(withTelltalesOneIn: 3) ?? false)
    }

    /// `bytes` as UTF-8 (marks as combining characters, for NFC to compose).
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        EightBitText.utf8(bytes, scalars: scalars(of:))
    }

    /// The one or two scalars a byte above 0x7F stands for (the second 0 where there is one).
    static func scalars(of b: UInt8) -> (UInt32, UInt32) {
        if b < 0x80 { return (UInt32(b), 0) }
        // 0x80–0x9F: Windows' quotes and dashes, typed with these fonts as with any.
        if b < 0xA0 { return (UInt32(Windows1258.controlsRow[Int(b - 0x80)]), 0) }
        let scalars = b >= 0xC0 ? table[Int(b - 0xC0)] : []
        if scalars.isEmpty { return (UInt32(b), 0) }
        return (scalars[0], scalars.count > 1 ? scalars[1] : 0)
    }

    /// `VietnameseSyllable.count` of `bytes` read in VNI (its marks combining).
    static func syllables(in bytes: UnsafeBufferPointer<UInt8>) -> (words: Int, syllables: Int) {
        VietnameseSyllable.count(in: bytes, isASCII: { $0 < 0x80 }, scalars: scalars(of:))
    }
}
