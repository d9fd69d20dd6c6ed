/// Windows-1258, the Vietnamese code page of older Windows files: recognised in bytes that
/// are not UTF-8, and turned into UTF-8 (its five tone marks are combining characters, which
/// the decoder's NFC then composes with the letter before them).
enum Windows1258 {
    /// The characters of bytes 0x80–0x9F; U+FFFD where the code page leaves a byte undefined.
    static let controlsRow: [UInt16] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0xFFFD, 0x2039, 0x0152, 0xFFFD, 0xFFFD, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0xFFFD, 0x203A, 0x0153, 0xFFFD, 0xFFFD, 0x0178,
    ]

    /// Bytes 0xA0–0xFF are Latin-1's characters but for these: Ă Đ Ơ Ư ă đ ơ ư ₫ and the
    /// combining tone marks (grave, hook above, tilde, acute, dot below).
    static let vietnameseBytes: [UInt8: UInt16] = [
        0xC3: 0x0102, 0xCC: 0x0300, 0xD0: 0x0110, 0xD2: 0x0309, 0xD5: 0x01A0, 0xDD: 0x01AF, 0xDE: 0x0303,
        0xE3: 0x0103, 0xEC: 0x0301, 0xF0: 0x0111, 0xF2: 0x0323, 0xF5: 0x01A1, 0xFD: 0x01B0, 0xFE: 0x20AB,
    ]

    static func scalar(of byte: UInt8) -> UInt16 {
        if byte < 0x80 { return UInt16(byte) }
        if byte < 0xA0 { return controlsRow[Int(byte - 0x80)] }
        return vietnameseBytes[byte] ?? UInt16(byte)
    }

    /// Whether `byte` is a tone mark's (a combining character in the table above).
    static func isToneMark(_ byte: UInt8) -> Bool {
        byte >= 0xC0 && (0x0300...0x036F).contains(scalar(of: byte))
    }

    /// Whether `byte` is a vowel's: ASCII's, and Â Ă Ê Ô Ơ Ư in both cases.
    static func isVowel(_ byte: UInt8) -> Bool {
        if byte < 0x80 { return EightBitScan.isASCIIVowel(byte) }
        switch byte | 0x20 {  // the code page's upper case is 0x20 below its lower
        case 0xE2, 0xE3, 0xEA, 0xF4, 0xF5, 0xFD: return true
        default: return false
        }
    }

    /// Whether `bytes` (their first 64 KB) look like Vietnamese in Windows-1258 rather than
    /// UTF-8 with some damage or another 8-bit code page: few valid UTF-8 sequences beside the
    /// invalid ones, and of the bytes above 0x7F at least one in five a tone mark right after
    /// a vowel — where Vietnamese has a third or more, and French, German, Italian, Portuguese
    /// or Spanish in Latin-1 (whose `ì`, `ò`, `Ì`, `Ò`, `Þ` sit on those bytes) a tenth at most.
    static func isLikely(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let scan = EightBitScan.scan(bytes) { start, _, valid in
            !valid && isToneMark(bytes[start]) && start > 0 && isVowel(bytes[start - 1]) ? 1 : 0
        }
        return scan?.isEightBit(withTelltalesOneIn: 5) ?? false
    }

    /// `VietnameseSyllable.count` of `bytes` read in Windows-1258 (its tone marks combining).
    static func syllables(in bytes: UnsafeBufferPointer<UInt8>) -> (words: Int, syllables: Int) {
        VietnameseSyllable.count(in: bytes, isASCII: { $0 < 0x80 }) { (UInt32(scalar(of: $0)), 0) }
    }

    /// `bytes` as UTF-8.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        EightBitText.utf8(bytes) { (UInt32(scalar(of: $0)), 0) }
    }
}
