/// VISCII (RFC 1456), the code Vietnamese was written in on Unix machines, in e-mail and on
/// Usenet before Unicode: every one of its 134 toned and hatted letters is a byte of its own,
/// the high half full of them and six capitals on control bytes. Older files in it are
/// recognised in bytes that are not UTF-8, and turned into UTF-8. The table is glibc's
/// (`iconv -f VISCII`).
enum VISCII {
    /// The characters of bytes 0x80–0xFF.
    static let highHalf: [UInt16] = [
        0x1EA0, 0x1EAE, 0x1EB0, 0x1EB6, 0x1EA4, 0x1EA6, 0x1EA8, 0x1EAC,
        0x1EBC, 0x1EB8, 0x1EBE, 0x1EC0, 0x1EC2, 0x1EC4, 0x1EC6, 0x1ED0,
        0x1ED2, 0x1ED4, 0x1ED6, 0x1ED8, 0x1EE2, 0x1EDA, 0x1EDC, 0x1EDE,
        0x1ECA, 0x1ECE, 0x1ECC, 0x1EC8, 0x1EE6, 0x0168, 0x1EE4, 0x1EF2,
        0x00D5, 0x1EAF, 0x1EB1, 0x1EB7, 0x1EA5, 0x1EA7, 0x1EA9, 0x1EAD,
        0x1EBD, 0x1EB9, 0x1EBF, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EC7, 0x1ED1,
        0x1ED3, 0x1ED5, 0x1ED7, 0x1EE0, 0x01A0, 0x1ED9, 0x1EDD, 0x1EDF,
        0x1ECB, 0x1EF0, 0x1EE8, 0x1EEA, 0x1EEC, 0x01A1, 0x1EDB, 0x01AF,
        0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x1EA2, 0x0102, 0x1EB3, 0x1EB5,
        0x00C8, 0x00C9, 0x00CA, 0x1EBA, 0x00CC, 0x00CD, 0x0128, 0x1EF3,
        0x0110, 0x1EE9, 0x00D2, 0x00D3, 0x00D4, 0x1EA1, 0x1EF7, 0x1EEB,
        0x1EED, 0x00D9, 0x00DA, 0x1EF9, 0x1EF5, 0x00DD, 0x1EE1, 0x01B0,
        0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x1EA3, 0x0103, 0x1EEF, 0x1EAB,
        0x00E8, 0x00E9, 0x00EA, 0x1EBB, 0x00EC, 0x00ED, 0x0129, 0x1EC9,
        0x0111, 0x1EF1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x1ECF, 0x1ECD,
        0x1EE5, 0x00F9, 0x00FA, 0x0169, 0x1EE7, 0x00FD, 0x1EE3, 0x1EEE,
    ]

    /// The capitals on control bytes: Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ.
    static func controlCapital(_ byte: UInt8) -> UInt16? {
        switch byte {
        case 0x02: return 0x1EB2
        case 0x05: return 0x1EB4
        case 0x06: return 0x1EAA
        case 0x14: return 0x1EF6
        case 0x19: return 0x1EF8
        case 0x1E: return 0x1EF4
        default: return nil
        }
    }

    static func scalar(of byte: UInt8) -> UInt16 {
        if byte >= 0x80 { return highHalf[Int(byte - 0x80)] }
        return controlCapital(byte) ?? UInt16(byte)
    }

    /// Whether `bytes` look like Vietnamese in VISCII rather than UTF-8 with some damage, a
    /// Western code page or TCVN3: fewer valid UTF-8 sequences than invalid ones in the first
    /// 64 KB, and of the words with a byte above 0x7F in the first 16 KB, at least three in
    /// four spell a Vietnamese syllable read in VISCII (all of them on the seed page; Western
    /// Latin-1's `não` does, but `été`, `où` and `déjà` do not), and a larger share than read
    /// in TCVN3. TCVN3 puts its commonest letters (ă â ê ô ơ ư đ, à ả ã á ạ) on bytes that are
    /// VISCII's toned letters too, so either code's text is letters in the other; only the
    /// syllables tell them apart (`người` in TCVN3 reads `ngễêi` in VISCII). Windows-1258 is
    /// tried first: VISCII's text writes none of its tone marks after a vowel.
    static func isLikely(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Not `looksEightBit`: ư, đ and Đ are UTF-8's lead bytes and the toned letters its
        // continuation bytes, so `người` holds a valid sequence; UTF-8 read in VISCII makes no
        // syllables, which is test enough.
        guard let scan = EightBitScan.scan(bytes, telltales: { _, _, _ in 0 }), scan.invalid > scan.validSequences
        else { return false }
        let viscii = syllables(in: bytes)
        guard viscii.words >= 3, viscii.syllables * 4 >= viscii.words * 3 else { return false }
        let tcvn3 = TCVN3.syllables(in: bytes)
        return viscii.syllables * tcvn3.words > tcvn3.syllables * viscii.words
    }

    /// `VietnameseSyllable.count` of `bytes` read in VISCII.
    static func syllables(in bytes: UnsafeBufferPointer<UInt8>) -> (words: Int, syllables: Int) {
        VietnameseSyllable.count(in: bytes, isASCII: { $0 < 0x80 && controlCapital($0) == nil }) { (UInt32(scalar(of: $0)), 0) }
    }

    /// `bytes` as UTF-8.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        EightBitText.utf8(bytes, keepsByte: { $0 < 0x80 && controlCapital($0) == nil }) { (UInt32(scalar(of: $0)), 0) }
    }
}
