/// TCVN 5712 (TCVN3, the "ABC" code of the .Vn fonts), in which most Vietnamese text was
/// typed before Unicode: one byte a letter, the lower-case toned letters above 0x7F. Older files
/// in it are recognised in bytes that are not UTF-8, and turned into UTF-8. The table is glibc's
/// (`iconv -f TCVN5712-1`), which also gives the capitals with tone marks that the code's first
/// variant put on bytes 0x80–0x9F and on a few control bytes; files typed in the capitals-only
/// fonts (.VnTimeH) read as lower case, as the bytes say.
enum TCVN3 {
    /// The characters of bytes 0x80–0xFF.
    static let highHalf: [UInt16] = [
        0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,
        0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,
        0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,
        0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,
        0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
        0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
        0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
        0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
        0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,
        0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
        0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
        0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
        0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
        0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
        0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
        0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
    ]

    /// The capitals with tone marks that bytes 0x00–0x1F carry (0: none, the byte is a control).
    static let controlCapitals: [UInt16] = [
        0, 0x00DA, 0x1EE4, 0, 0x1EEA, 0x1EEC, 0x1EEE, 0,
        0, 0, 0, 0, 0, 0, 0, 0,
        0, 0x1EE8, 0x1EF0, 0x1EF2, 0x1EF6, 0x1EF8, 0x00DD, 0x1EF4,
        0, 0, 0, 0, 0, 0, 0, 0,
    ]

    static func scalar(of byte: UInt8) -> UInt16 {
        if byte >= 0x80 { return highHalf[Int(byte - 0x80)] }
        if byte < 0x20, controlCapitals[Int(byte)] != 0 { return controlCapitals[Int(byte)] }
        return UInt16(byte)
    }

    /// Whether `byte` stands for one of the letters Vietnamese writes most: ă â ê ô ơ ư đ
    /// (0xA8–0xAE) and à ả ã á ạ (0xB5–0xB9). In a Western code page these are symbols (© « ®
    /// µ ¶ · ¸ ¹) that prose seldom uses.
    static func isCommonLetter(_ byte: UInt8) -> Bool {
        (0xA8...0xAE).contains(byte) || (0xB5...0xB9).contains(byte)
    }

    /// Whether `bytes` (their first 64 KB) look like Vietnamese in TCVN3 rather than UTF-8
    /// with some damage or a Western code page: few valid UTF-8 sequences beside the invalid
    /// ones, and of the bytes above 0x7F at least a quarter among the common letters above,
    /// inside a word (beside a letter or another byte above 0x7F: `kh«ng`, not French's
    /// `« Ça »` or `© 2024`) — two fifths in the seed page written in TCVN3, none in French,
    /// German, Italian, Portuguese or Spanish in Latin-1. Windows-1258 is tried first
    /// (`TextDecoder.decode`): its Vietnamese puts none of its bytes there; so is VISCII,
    /// whose Vietnamese puts many (its toned letters) but reads as syllables only in VISCII.
    static func isLikely(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = min(bytes.count, 64 * 1024)
        let scan = EightBitScan.scan(bytes) { start, length, _ in
            (start..<start + length).count { isCommonLetter(at: $0, in: bytes, count: count) }
        }
        return scan?.isEightBit(withTelltalesOneIn: 4) ?? false
    }

    /// `VietnameseSyllable.count` of `bytes` read in TCVN3.
    static func syllables(in bytes: UnsafeBufferPointer<UInt8>) -> (words: Int, syllables: Int) {
        VietnameseSyllable.count(in: bytes, isASCII: { $0 < 0x80 && scalar(of: $0) == UInt16($0) }) { (UInt32(scalar(of: $0)), 0) }
    }

    /// `isCommonLetter` of the byte at `i`, where it is inside a word.
    static func isCommonLetter(at i: Int, in bytes: UnsafeBufferPointer<UInt8>, count: Int) -> Bool {
        guard isCommonLetter(bytes[i]) else { return false }
        func inWord(_ b: UInt8) -> Bool { b >= 0x80 || (b | 0x20) &- 0x61 < 26 }
        return (i > 0 && inWord(bytes[i - 1])) || (i + 1 < count && inWord(bytes[i + 1]))
    }

    /// `bytes` as UTF-8.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        EightBitText.utf8(bytes, keepsByte: { $0 >= 0x20 && $0 < 0x80 }) { (UInt32(scalar(of: $0)), 0) }
    }
}
