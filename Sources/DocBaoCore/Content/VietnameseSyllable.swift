/// Whether a word is spelled as a Vietnamese syllable can be: an initial consonant (or none),
/// one of the language's rhymes, at most one tone mark. Text read in the wrong 8-bit code
/// still comes out as letters (VISCII and TCVN3 give nearly every byte above 0x7F a toned
/// letter), but seldom as syllables (`ngễêi` for a TCVN3 `người`): the share of words that
/// spell one tells the codes apart.
enum VietnameseSyllable {
    static let initials: [String] =
        ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
         "p", "ph", "q", "qu", "r", "s", "t", "th", "tr", "v", "x"]

    /// The rhymes without their tone, in the spelling after an initial (`gi` and `qu` take
    /// theirs from these too: `giêng` is g + iêng, `quyên` qu + yên).
    static let rhymes: [String] = """
        a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui uy ưa ưi ưu oa oe uê uơ
        iêu yêu uôi ươi ươu oai oay oao oeo uây uya uyu
        ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât ec em en eng ep et
        êch êm ên ênh êp êt ich im in inh ip it oc om on ong op ot ooc oong ôc ôm ôn ông ôp ôt
        ơm ơn ơp ơt uc um un ung up ut ưc ưm ưn ưng ưp ưt iêc iêm iên iêng iêp iêt yêm yên yêng yêt
        uôc uôm uôn uông uôt ươc ươm ươn ương ươp ươt oac oach oam oan oang oanh oap oat
        oăc oăm oăn oăng oăt oem oen oet uân uâng uât uêch uênh uych uyn uynh uyp uyt uyên uyêt
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// For each scalar below U+1F00, the code (`code`) of the letter it is without its tone
    /// and case, plus 0x40 where it has a tone; 0 for a scalar that is no letter of the
    /// Vietnamese alphabet or of ASCII. An array, not a dictionary: the first dictionary of a
    /// kind costs a scan of the binary's conformances, on the way to a first screen.
    static let letterCodes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x1F00)
        for v in 0x61...0x7A {
            table[v] = UInt8(v - 0x60)
            table[v - 0x20] = UInt8(v - 0x60)
        }
        for row in tonedVowels {
            for (tone, letter) in row.enumerated() {
                for form in [letter, uppercase(letter)] {
                    table[Int(form.value)] = code(row[0])! | (tone == 0 ? 0 : 0x40)
                }
            }
        }
        table[0x110] = code("đ")!
        table[0x111] = code("đ")!
        return table
    }()

    /// The vowels, lower case, each with no tone, then acute, grave, hook above, tilde and dot
    /// below (written out, where Foundation's composition would be slower to start).
    static let tonedVowels: [[Unicode.Scalar]] = [
        "aáàảãạ", "ăắằẳẵặ", "âấầẩẫậ", "eéèẻẽẹ", "êếềểễệ", "iíìỉĩị", "oóòỏõọ", "ôốồổỗộ", "ơớờởỡợ", "uúùủũụ", "ưứừửữự", "yýỳỷỹỵ",
    ].map { Array($0.unicodeScalars) }

    static func uppercase(_ letter: Unicode.Scalar) -> Unicode.Scalar {
        letter.properties.uppercaseMapping.unicodeScalars.first ?? letter
    }

    /// A word's letters, lower case and without tones, packed six bits a letter (the first
    /// lowest), and its tones: matched against the initials and rhymes without a string.
    struct Spelling {
        var packed: UInt64 = 0
        var count = 0
        var tones = 0
        /// Which letter has the tone (the last one's place, where there are more).
        var tonePlace = 0
        /// False once a letter is not one of the alphabet's or the word is too long to be a
        /// syllable (`nghiêng` has seven letters).
        var isWord = true

        mutating func append(_ base: Unicode.Scalar, toned: Bool = false) {
            append(code: VietnameseSyllable.code(base) ?? 0, toned: toned)
        }

        /// Appends the letter `scalar` stands for, in either case and with any tone.
        /// A combining mark (Windows-1258 and VNI write them after the letter) marks the
        /// letter before it: a tone, or the hat, breve or horn it takes (`a` + U+0302: â).
        mutating func append(scalar: UInt32) {
            switch scalar {
            case 0x300, 0x301, 0x303, 0x309, 0x323:
                if count == 0 { isWord = false }
                tones += 1
                tonePlace = count - 1
            case 0x302, 0x306, 0x31B:
                let shift = 6 * UInt64(max(count - 1, 0))
                let last = UInt8(truncatingIfNeeded: packed >> shift) & 0x3F
                guard isWord, count > 0, let marked = VietnameseSyllable.marked(last, scalar) else {
                    isWord = false
                    return
                }
                packed = packed & ~(UInt64(0x3F) << shift) | UInt64(marked) << shift
            default:
                let entry = scalar < 0x1F00 ? letterCodes[Int(scalar)] : 0
                append(code: entry & 0x3F, toned: entry & 0x40 != 0)
            }
        }

        private mutating func append(code: UInt8, toned: Bool) {
            guard isWord, count < 8, code != 0 else {
                isWord = false
                return
            }
            packed |= UInt64(code) << (6 * count)
            if toned {
                tones += 1
                tonePlace = count
            }
            count += 1
        }

        /// Whether the word spells a syllable: an initial and a rhyme, one tone at most, on a
        /// vowel of the rhyme that may carry it (`hậu`, not `haụ`).
        var isSyllable: Bool {
            guard isWord, count > 0, tones <= 1 else { return false }
            if packed == VietnameseSyllable.gi { return true }  // gì, gí: the i is the rhyme
            for k in 0...min(3, count) {
                let initial = k == 0 ? 0 : packed & ((1 << (6 * UInt64(k))) - 1)
                guard initialCodes.contains(initial), let places = tonePlaces(ofRhyme: packed >> (6 * UInt64(k))) else { continue }
                if tones == 0 || (tonePlace >= k && places & (1 << (tonePlace - k)) != 0) { return true }
            }
            return false
        }

        init() {}

        init(_ word: String) {
            for scalar in word.unicodeScalars { append(scalar) }
        }
    }

    /// The code of the letter that the combining circumflex, breve or horn `mark` makes of
    /// the letter of code `code` (`a` and U+0302: `â`); nil where it makes none.
    static func marked(_ code: UInt8, _ mark: UInt32) -> UInt8? {
        let letter = VietnameseSyllable.letter(code: code)
        switch (letter, mark) {
        case ("a", 0x302): return Self.code("â")
        case ("e", 0x302): return Self.code("ê")
        case ("o", 0x302): return Self.code("ô")
        case ("a", 0x306): return Self.code("ă")
        case ("o", 0x31B): return Self.code("ơ")
        case ("u", 0x31B): return Self.code("ư")
        default: return nil
        }
    }

    /// The letter of a code (`code`); "a" for 0, which no letter has.
    static func letter(code: UInt8) -> Unicode.Scalar {
        switch code {
        case 1...26: return Unicode.Scalar(code + 0x60)
        case 27: return "đ"
        case 28: return "ă"
        case 29: return "â"
        case 30: return "ê"
        case 31: return "ô"
        case 32: return "ơ"
        case 33: return "ư"
        default: return "a"
        }
    }

    /// The six-bit code of a lower-case toneless letter (a–z, then đ ă â ê ô ơ ư), 1 up.
    static func code(_ letter: Unicode.Scalar) -> UInt8? {
        let v = letter.value
        if v >= 0x61 && v <= 0x7A { return UInt8(v - 0x60) }
        switch v {
        case 0x111: return 27
        case 0x103: return 28
        case 0xE2: return 29
        case 0xEA: return 30
        case 0xF4: return 31
        case 0x1A1: return 32
        case 0x1B0: return 33
        default: return nil
        }
    }

    static let initialCodes: [UInt64] = initials.map { Spelling($0).packed }
    /// Sorted, for a binary search (see `letterCodes` on why not a set).
    /// The rhymes' codes in a table of 512 slots, each where its hash puts it or in the next
    /// free one (see `letterCodes` on why not a set): a look-up is a probe or two. Beside each,
    /// the places in it that may carry the tone (`rhymeTonePlaces`).
    static let rhymeSlots: [(rhyme: UInt64, tonePlaces: UInt8)] = {
        var slots = [(rhyme: UInt64, tonePlaces: UInt8)](repeating: (0, 0), count: 512)
        for rhyme in rhymes {
            let packed = Spelling(rhyme).packed
            var i = slot(packed)
            while slots[i].rhyme != 0 && slots[i].rhyme != packed { i = (i + 1) & 511 }
            slots[i] = (packed, tonePlaces(of: rhyme))
        }
        return slots
    }()

    static func slot(_ packed: UInt64) -> Int { Int((packed &* 0x9E37_79B9_7F4A_7C15) >> 55) }

    /// The places (bit n: the rhyme's n-th letter) that may carry the tone, or nil for a
    /// spelling that is no rhyme.
    static func tonePlaces(ofRhyme packed: UInt64) -> UInt8? {
        guard packed != 0 else { return nil }
        var i = slot(packed)
        while rhymeSlots[i].rhyme != 0 {
            if rhymeSlots[i].rhyme == packed { return rhymeSlots[i].tonePlaces }
            i = (i + 1) & 511
        }
        return nil
    }

    /// Where a rhyme's tone goes: on the last of its vowels before a final consonant (`toán`,
    /// `tiếng`); on the first of two (`tai`, `mùa`) and the middle of three (`người`, `ngoài`)
    /// in an open one; and on either vowel of `oa`, `oe`, `uy`, where the old style and the
    /// new differ (`hóa` and `hoá`); `uê` and `uơ` on the second (`thuế`, `thuở`).
    static func tonePlaces(of rhyme: String) -> UInt8 {
        let letters = Array(rhyme.unicodeScalars)
        var vowels = 0
        while vowels < letters.count, "aăâeêioôơuưy".unicodeScalars.contains(letters[vowels]) { vowels += 1 }
        if vowels < letters.count || vowels == 1 { return 1 << (vowels - 1) }
        switch rhyme {
        case "oa", "oe", "uy": return 0b11
        case "uê", "uơ": return 0b10
        default: return vowels == 3 ? 0b010 : 0b001
        }
    }
    static let gi = Spelling("gi").packed

    /// Whether `scalars`, a word, spell a syllable (in any case).
    static func isSyllable(_ scalars: some Sequence<UInt32>) -> Bool {
        var spelling = Spelling()
        for v in scalars { spelling.append(scalar: v) }
        return spelling.isSyllable
    }

    /// The letter `base` (lower case, toneless: `a`, `ơ`, `đ`) with tone `tone` (0: none;
    /// 1–5: acute, grave, hook above, tilde, dot below), in upper case where `upper`; nil
    /// where Vietnamese has no such letter (a tone on a consonant).
    static func letter(_ base: Unicode.Scalar, tone: Int, upper: Bool) -> Unicode.Scalar? {
        guard let code = code(base), tone >= 0, tone < 6 else { return nil }
        let forms = letterForms[Int(code)]
        guard tone < forms.count / 2 else { return nil }
        return forms[2 * tone + (upper ? 1 : 0)]
    }

    /// By code, each letter with every tone it takes, lower and upper case in turn.
    static let letterForms: [[Unicode.Scalar]] = (0...33).map { code -> [Unicode.Scalar] in
        guard code > 0 else { return [] }
        let base = letter(code: UInt8(code))
        let row = tonedVowels.first { $0[0] == base } ?? [base]
        return row.flatMap { [$0, uppercase($0)] }
    }

    /// The combining tone marks, in the order `letter` counts tones (for tests and tables).
    static let toneMarks = ["", "\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"]

    /// Of the words in the first 16 KB of `bytes` that have a byte other than ASCII's (as
    /// `isASCII` says of a byte in the code), how many there are and how many spell a
    /// syllable when each byte is read as the one or two scalars `scalars` gives it. A word is a run of ASCII letters
    /// and other bytes. 16 KB hold some two thousand such words of Vietnamese, plenty for a
    /// share; each code asked costs about a million instructions.
    static func count(in bytes: UnsafeBufferPointer<UInt8>, isASCII: (UInt8) -> Bool,
                      scalars: (UInt8) -> (UInt32, UInt32)) -> (words: Int, syllables: Int) {
        let count = min(bytes.count, 16 * 1024)
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
                var spelling = Spelling()
                for j in start..<i {
                    let (first, second) = scalars(bytes[j])
                    spelling.append(scalar: first)
                    if second != 0 { spelling.append(scalar: second) }
                }
                if spelling.isSyllable { syllables += 1 }
            }
            if i == start { i += 1 }
        }
        return (words, syllables)
    }
}
