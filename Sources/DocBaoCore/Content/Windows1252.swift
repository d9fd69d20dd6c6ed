/// Windows-1252, the code page of Western European text on older Windows machines and of most
/// web pages that were not UTF-8 (browsers read pages labelled ISO-8859-1 in it too): the
/// code a file that is not UTF-8 is read in when it looks like no Vietnamese code.
enum Windows1252 {
    /// The characters of bytes 0x80–0x9F; U+FFFD where the code page leaves a byte undefined.
    /// Bytes 0xA0–0xFF are Latin-1's, the scalars of the same number.
    static let controlsRow: [UInt16] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func scalar(of byte: UInt8) -> UInt16 {
        byte >= 0x80 && byte < 0xA0 ? controlsRow[Int(byte - 0x80)] : UInt16(byte)
    }

    /// Whether `bytes` (their first 64 KB) look like Western text in an 8-bit code rather than
    /// UTF-8 with some damage or a code that spells whole words in bytes above 0x7F: few valid
    /// UTF-8 sequences beside the invalid ones, and nine in ten of the runs of bytes above 0x7F
    /// one or two bytes long — an accented letter or a quote among ASCII letters (`café`,
    /// `“Größe”`), where Cyrillic, Greek, Chinese, Japanese or Korean in their older codes make
    /// runs of a word's length. Asked after the Vietnamese codes, which are 8-bit too.
    static func isLikely(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let scan = EightBitScan.scan(bytes, telltales: { _, _, _ in 0 }), scan.looksEightBit else { return false }
        let count = min(bytes.count, 64 * 1024)
        var runs = 0, short = 0, i = 0
        while i < count {
            guard bytes[i] >= 0x80 else {
                i += 1
                continue
            }
            let start = i
            while i < count, bytes[i] >= 0x80 { i += 1 }
            runs += 1
            if i - start <= 2 { short += 1 }
        }
        return short * 10 >= runs * 9
    }

    /// `bytes` as UTF-8.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        EightBitText.utf8(bytes) { (UInt32(scalar(of: $0)), 0) }
    }
}
