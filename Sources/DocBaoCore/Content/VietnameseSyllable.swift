import Foundation

/// Whether a word is spelled as a Vietnamese syllable can be: an initial consonant (or none),
/// one of the language's rhymes, at most one tone mark. Text read in the wrong 8-bit code
/// still comes out as letters (VISCII and TCVN3 give nearly every byte above 0x7F a toned
/// letter), but seldom as syllables (`ngêời` for a TCVN3 `người`): the share of words that
/// spell one tells the codes apart.
enum VietnameseSyllable {
    static let initials: [String] =
        ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
         "p", "ph", "q", "qu", "r", "s", "t", "th", "tr", "v", "x"]

    /// The rhymes without their tone, in the spelling after an initial (`gi` and `qu` take
    /// theirs from these too: `giêng` is g + iêng, `quyên` qu + yên).
    static let rhymes: Set<String> = Set("""
        a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui uy ưa ưi ưu oa oe uê uơ
        iêu yêu uôi ươi ươu oai oay oao oeo uây uya uyu
        ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât ec em en eng ep et
        êch êm ên ênh êp êt ich im in inh ip it oc om on ong op ot ooc oong ôc ôm ôn ông ôp ôt
        ơm ơn ơp ơt uc um un ung up ut ưc ưm ưn ưng ưp ưt iêc iêm iên iêng iêp iêt yêm yên yêng yêt
        uôc uôm uôn uông uôt ươc ươm ươn ương ươp ươt oac oach oam oan oang oanh oap oat
        oăc oăm oăn oăng oăt oem oen oet uân uâng uât uêch uênh uych uyn uynh uyp uyt uyên uyêt
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// A letter's lower case without its tone (`Ấ` → `â`), and whether it had one; nil for a
    /// scalar that is not a letter of the Vietnamese alphabet or of ASCII.
    static func toneless(_ scalar: UInt32) -> (base: Unicode.Scalar, toned: Bool)? {
        if scalar < 0x80 {
            let lower = scalar | 0x20
            return lower >= 0x61 && lower <= 0x7A ? (Unicode.Scalar(UInt8(lower)), false) : nil
        }
        return tonelessLetters[scalar]
    }

    /// The Vietnamese letters beyond ASCII, in both cases.
    static let tonelessLetters: [UInt32: (base: Unicode.Scalar, toned: Bool)] = {
        var table: [UInt32: (base: Unicode.Scalar, toned: Bool)] = [:]
        for base in "aăâeêioôơuưy".unicodeScalars {
            for tone in toneMarks {
                let letter = (String(base) + tone).precomposedStringWithCanonicalMapping
                for form in [letter, letter.uppercased()] where form.unicodeScalars.count == 1 {
                    let v = form.unicodeScalars.first!.value
                    if v >= 0x80 { table[v] = (base, !tone.isEmpty) }
                }
            }
        }
        table[0x111] = ("đ", false)
        table[0x110] = ("đ", false)
        return table
    }()

    /// Whether `scalars`, a word, spell a syllable (in any case).
    static func isSyllable(_ scalars: some Sequence<UInt32>) -> Bool {
        var letters = String.UnicodeScalarView()
        var tones = 0
        for v in scalars {
            guard let (base, toned) = toneless(v) else { return false }
            letters.append(base)
            if toned { tones += 1 }
        }
        return isSyllable(toneless: String(letters), tones: tones)
    }

    /// Whether `word`, lower-case letters without tones, and `tones` marks on them spell a
    /// syllable.
    static func isSyllable(toneless word: String, tones: Int) -> Bool {
        guard tones <= 1, !word.isEmpty else { return false }
        if word == "gi" { return true }  // gì, gí: the i is the rhyme
        return initials.contains { word.hasPrefix($0) && rhymes.contains(String(word.dropFirst($0.count))) }
    }

    /// The letter `base` (lower case, toneless: `a`, `ơ`, `đ`) with tone `tone` (0: none;
    /// 1–5: acute, grave, hook above, tilde, dot below), in upper case where `upper`; nil
    /// where Vietnamese has no such letter (a tone on a consonant).
    static func letter(_ base: Unicode.Scalar, tone: Int, upper: Bool) -> Unicode.Scalar? {
        guard let forms = composed[base.value], tone < forms.count else { return nil }
        return upper ? forms[tone].upper : forms[tone].lower
    }

    static let toneMarks = ["", "\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"]

    /// Each base letter's forms with every tone (a consonant's only without), both cases.
    static let composed: [UInt32: [(lower: Unicode.Scalar, upper: Unicode.Scalar)]] = {
        var table: [UInt32: [(lower: Unicode.Scalar, upper: Unicode.Scalar)]] = [:]
        for base in "abcdđeghiklmnopqrstuvxyăâêôơư".unicodeScalars {
            let marks = "aăâeêioôơuưy".unicodeScalars.contains(base) ? toneMarks : [""]
            table[base.value] = marks.map { mark in
                let lower = (String(base) + mark).precomposedStringWithCanonicalMapping
                return (lower.unicodeScalars.first!, lower.uppercased().unicodeScalars.first!)
            }
        }
        return table
    }()

    /// Of the words in the first 64 KB of `bytes` that have a byte other than ASCII's (as
    /// `isASCII` says of a byte in the code), how many there are and how many spell a
    /// syllable when each byte is read as `scalar` gives it. A word is a run of ASCII letters
    /// and other bytes.
    static func count(in bytes: UnsafeBufferPointer<UInt8>, isASCII: (UInt8) -> Bool,
                      scalar: (UInt8) -> UInt32) -> (words: Int, syllables: Int) {
        let count = min(bytes.count, 64 * 1024)
        var words = 0, syllables = 0
        var i = 0
        while i < count {
            let start = i
            var other = false
            while i < count {
                let b = bytes[i]
                if isASCII(b) {
                    guard (b | 0x20) &- 0x61 < 26 else { break }
                } else {
                    other = true
                }
                i += 1
            }
            if other {
                words += 1
                if isSyllable((start..<i).map { scalar(bytes[$0]) }) { syllables += 1 }
            }
            if i == start { i += 1 }
        }
        return (words, syllables)
    }
}
