/// VIQR (RFC 1456), Vietnamese typed in plain ASCII, as e-mail and Usenet carried it before
/// Unicode: each mark is a character after its vowel — `^` circumflex, `(` breve, `+` horn,
/// then `'` acute, `` ` `` grave, `?` hook above, `~` tilde, `.` dot below — and `dd` is đ:
/// `Vie^.t Nam`, `ngu+o+`i`, `dda^`u`. A file all in ASCII whose words read as Vietnamese
/// syllables that way is turned into UTF-8, a word at a time, and only where the word it
/// makes is a syllable: `example.com`, `C++` and `I'm` stay as written.
enum VIQR {
    /// A letter of a word read in VIQR: lower case without tone (hat applied), its case and
    /// its tone (0 none, 1–5 as `VietnameseSyllable.letter` counts them).
    struct Letter {
        var base: Unicode.Scalar
        var upper: Bool
        var tone: Int
    }

    /// A word's letters, sixteen bits each, held in the word itself: an array would be
    /// allocated and freed for every word of the file (a third of the time a conversion took).
    /// Letters past the twelfth are not kept; a word that long is no syllable.
    struct Letters: RandomAccessCollection {
        private var storage: (UInt64, UInt64, UInt64) = (0, 0, 0)
        private(set) var endIndex = 0
        private(set) var overflowed = false
        var startIndex: Int { 0 }

        subscript(i: Int) -> Letter {
            get {
                let word = i < 4 ? storage.0 : i < 8 ? storage.1 : storage.2
                let bits = UInt16(truncatingIfNeeded: word >> (16 * UInt64(i % 4)))
                return Letter(base: VietnameseSyllable.letter(code: UInt8(bits & 0x3F)), upper: bits & 0x40 != 0,
                              tone: Int(bits >> 7))
            }
            set {
                let bits = UInt64(VietnameseSyllable.code(newValue.base) ?? 0) | (newValue.upper ? 0x40 : 0) | UInt64(newValue.tone) << 7
                let shift = 16 * UInt64(i % 4), mask = ~(UInt64(0xFFFF) << shift)
                switch i / 4 {
                case 0: storage.0 = storage.0 & mask | bits << shift
                case 1: storage.1 = storage.1 & mask | bits << shift
                default: storage.2 = storage.2 & mask | bits << shift
                }
            }
        }

        mutating func append(_ letter: Letter) {
            guard endIndex < 12 else {
                overflowed = true
                return
            }
            endIndex += 1
            self[endIndex - 1] = letter
        }
    }

    /// A word read in VIQR: its letters, where its bytes end, and whether any mark was read.
    struct Word {
        var letters = Letters()
        var end: Int
        var marked = false
        var hatted = false
        var toned = false
        /// Whether a `.` or `?` at its end was taken for a full stop without a vocabulary to
        /// ask (`SentenceEnd.maybe`).
        var ambiguous = false

        /// The word as the vocabulary counts it, in any case: its letters' codes
        /// (`VietnameseSyllable.Spelling`), its tone and the tone's place.
        var key: UInt64 {
            var spelling = VietnameseSyllable.Spelling()
            var key: UInt64 = 0
            for (i, letter) in letters.enumerated() {
                spelling.append(letter.base)
                if letter.tone > 0 { key = UInt64(letter.tone) << 48 | UInt64(i) << 52 }
            }
            return key | spelling.packed
        }

        /// Whether the word spells a syllable.
        var isSyllable: Bool {
            guard !letters.overflowed else { return false }
            var spelling = VietnameseSyllable.Spelling()
            for letter in letters { spelling.append(letter.base, toned: letter.tone > 0) }
            return spelling.isSyllable
        }
    }

    static func isMark(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "^"), UInt8(ascii: "("), UInt8(ascii: "+"), UInt8(ascii: "'"), UInt8(ascii: "`"),
             UInt8(ascii: "?"), UInt8(ascii: "~"), UInt8(ascii: "."): return true
        default: return false
        }
    }

    /// The tone a mark character gives (1–5), or 0.
    static func tone(_ b: UInt8) -> Int {
        switch b {
        case UInt8(ascii: "'"): return 1
        case UInt8(ascii: "`"): return 2
        case UInt8(ascii: "?"): return 3
        case UInt8(ascii: "~"): return 4
        case UInt8(ascii: "."): return 5
        default: return 0
        }
    }

    /// The letter that `mark` makes of the lower-case vowel `vowel` (`a^` â, `a(` ă, `o+` ơ).
    static func hatted(_ vowel: UInt8, _ mark: UInt8) -> Unicode.Scalar? {
        switch (vowel, mark) {
        case (UInt8(ascii: "a"), UInt8(ascii: "^")): return "â"
        case (UInt8(ascii: "e"), UInt8(ascii: "^")): return "ê"
        case (UInt8(ascii: "o"), UInt8(ascii: "^")): return "ô"
        case (UInt8(ascii: "a"), UInt8(ascii: "(")): return "ă"
        case (UInt8(ascii: "o"), UInt8(ascii: "+")): return "ơ"
        case (UInt8(ascii: "u"), UInt8(ascii: "+")): return "ư"
        default: return nil
        }
    }

    /// How often each word (`Word.key`) was read where nothing was left to guess.
    typealias Vocabulary = [UInt64: Int]

    /// The word that starts at `start`, a letter that does not follow one. A mark is read
    /// after a vowel only, and `.` and `?` only where they do not close a sentence
    /// (`sentenceEnd`); where either may be meant, the spelling `vocabulary` has seen more
    /// often wins, and a full stop without one. A backslash before a mark keeps it a character
    /// (`\.`) and ends the word.
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, strict: Bool,
                     vocabulary: Vocabulary? = nil) -> Word {
        var word = Word(end: start)
        var i = start
        if i + 1 < end, bytes[i] | 0x20 == UInt8(ascii: "d"), bytes[i + 1] | 0x20 == UInt8(ascii: "d") {
            word.letters.append(Letter(base: "đ", upper: bytes[i] < 0x60, tone: 0))
            word.marked = true
            word.hatted = true
            i += 2
        }
        while i < end, InlineMarkup.isASCIILetter(bytes[i]) {
            let b = bytes[i], lower = b | 0x20
            var letter = Letter(base: Unicode.Scalar(lower), upper: b < 0x60, tone: 0)
            i += 1
            if EightBitScan.isASCIIVowel(b) {
                if i < end, let hat = hatted(lower, bytes[i]) {
                    letter.base = hat
                    word.marked = true
                    word.hatted = true
                    i += 1
                }
                // A syllable has one tone: a second mark is a character (`No^.i.`: Nội.).
                if i < end, tone(bytes[i]) > 0, !word.toned, strict || !isEnglishIm(bytes, at: i, end: end) {
                    var toned = letter
                    toned.tone = tone(bytes[i])
                    let isTone: Bool
                    switch strict ? .no : sentenceEnd(bytes, at: i, end: end) {
                    case .no: isTone = true
                    case .yes: isTone = false
                    case .maybe:
                        if let vocabulary {
                            var withTone = word, without = word
                            withTone.letters.append(toned)
                            without.letters.append(letter)
                            isTone = vocabulary[withTone.key, default: 0] > vocabulary[without.key, default: 0]
                        } else {
                            isTone = false
                            word.ambiguous = true
                        }
                    }
                    if isTone {
                        letter = toned
                        word.marked = true
                        word.toned = true
                        i += 1
                    }
                }
            }
            word.letters.append(letter)
        }
        word.end = i
        return word
    }

    /// Whether a file writes a mark that is a character after a vowel as the RFC asks, with
    /// a backslash (`ddi\.`): then every other mark after a vowel is one. Many files did
    /// not, and their `.` and `?` after a vowel are read by `sentenceEnd`.
    static func escapesMarks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = min(bytes.count, 64 * 1024)
        guard count >= 3 else { return false }
        for i in 1..<count - 1 where bytes[i] == UInt8(ascii: "\\") && isMark(bytes[i + 1])
            && (EightBitScan.isASCIIVowel(bytes[i - 1]) || isMark(bytes[i - 1])) {
            return true
        }
        return false
    }

    /// Whether a `.` or `?` after a vowel ends a sentence.
    enum SentenceEnd {
        case no, yes, maybe
    }

    /// In a file that does not escape its marks (`escapesMarks`), whether the `.` or `?` at
    /// `i`, after a vowel, ends a sentence rather than putting a dot below or a hook on it.
    /// Not inside a word, before a word in lower case (`du+. le^~`: dự lễ), a number or a
    /// dash (`My? - U?y vie^n`: Mỷ - Ủy viên), before `,` `;` `:` or before a sentence's end
    /// (`nghi..`, `thu?.`: nghị., thủ.); it does at the end of a line and as the first of
    /// `...`; before a capital, a quote, a bracket or a number either may be meant
    /// (`phu.c vu. Nha^n da^n`: phục vụ Nhân dân; `ddi. Ro^`i`: đi. Rồi).
    static func sentenceEnd(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> SentenceEnd {
        guard bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "?") else { return .no }
        guard i + 1 < end else { return .yes }
        let next = bytes[i + 1]
        if InlineMarkup.isASCIILetter(next) || next == UInt8(ascii: ",") || next == UInt8(ascii: ";") || next == UInt8(ascii: ":") { return .no }
        let dot = bytes[i] == UInt8(ascii: ".")
        if dot && (next == UInt8(ascii: "!") || next == UInt8(ascii: "?")) { return .no }  // `ta.?`: tạ?
        if next == UInt8(ascii: ".") {
            var dots = 0
            while i + 1 + dots < end, bytes[i + 1 + dots] == UInt8(ascii: ".") { dots += 1 }
            return (dot ? dots + 1 : dots) == 3 ? .yes : .no  // `...` after the word; `..`, `....`, `?.`: a tone and more
        }
        if isClosing(next) { return .maybe }
        guard next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") else { return .yes }
        var j = i + 1
        while j < end, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") { j += 1 }
        guard j < end, bytes[j] != 0x0A, bytes[j] != 0x0D else { return .yes }
        let after = bytes[j]
        return after &- 0x61 < 26 || after == UInt8(ascii: "-") ? .no : .maybe
    }

    /// A quote or a closing bracket, which may follow a sentence's end or a word.
    static func isClosing(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "`") || b == UInt8(ascii: ")")
    }

    /// Whether the `'` at `i` is the one of English's `I'm`, which would read as a syllable
    /// (`Ím`).
    static func isEnglishIm(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Bool {
        bytes[i] == UInt8(ascii: "'") && i > 0 && bytes[i - 1] == UInt8(ascii: "I") && i + 1 < end && bytes[i + 1] == UInt8(ascii: "m")
            && (i + 2 == end || !InlineMarkup.isASCIILetter(bytes[i + 2]))
    }

    /// Calls `body` with each word of `bytes[0..<end]` (a run of letters and their marks).
    static func forEachWord(_ bytes: UnsafeBufferPointer<UInt8>, end: Int, strict: Bool, _ body: (Word) -> Void) {
        var i = 0
        while i < end {
            guard InlineMarkup.isASCIILetter(bytes[i]) else {
                i += 1
                continue
            }
            let word = word(bytes, at: i, end: end, strict: strict)
            body(word)
            i = max(word.end, i + 1)
        }
    }

    /// The syllables of the first megabyte of `bytes` read where nothing was left to guess,
    /// with how often each was: which of `vu` and `vụ` a file writes.
    static func vocabulary(_ bytes: UnsafeBufferPointer<UInt8>, strict: Bool) -> Vocabulary {
        var vocabulary: Vocabulary = [:]
        forEachWord(bytes, end: min(bytes.count, 1 << 20), strict: strict) { word in
            if !word.ambiguous, word.isSyllable { vocabulary[word.key, default: 0] += 1 }
        }
        return vocabulary
    }

    /// The letters of a word in capitals that is no syllable but holds `DD` (`HDDND`, an
    /// acronym: HĐND), with each `DD` as Đ; nil for any other word.
    static func acronym(_ word: Word) -> Letters? {
        guard !word.marked || word.letters.first?.base == "đ", word.letters.count >= 2, !word.letters.overflowed,
            word.letters.allSatisfy(\.upper)
        else { return nil }
        var letters = Letters()
        for letter in word.letters {
            if letter.base == "d", letters.last?.base == "d" {
                letters[letters.count - 1].base = "đ"
            } else {
                letters.append(letter)
            }
        }
        return letters.count < word.letters.count || word.marked ? letters : nil
    }

    /// Whether `bytes` (their first 64 KB) look like Vietnamese in VIQR: all ASCII, at least
    /// three circumflexes, breves, horns or `dd`s, and at least one word in five marked and
    /// spelling a syllable (Vietnamese marks most of its words; English, code and
    /// Markdown, whose `C++`, `I'm` and `a^b` seldom spell one, are far below).
    static func isLikely(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = min(bytes.count, 64 * 1024)
        guard count > 0 else { return false }
        var hats = 0
        for i in 0..<count {
            let b = bytes[i]
            if b >= 0x80 { return false }
            if (b == UInt8(ascii: "^") || b == UInt8(ascii: "(") || b == UInt8(ascii: "+")) && i > 0
                && EightBitScan.isASCIIVowel(bytes[i - 1]) { hats += 1 }
        }
        guard hats >= 3 else { return false }
        var words = 0, syllables = 0, hatted = 0
        forEachWord(bytes, end: count, strict: escapesMarks(bytes)) { word in
            words += 1
            if word.marked && word.isSyllable {
                syllables += 1
                if word.hatted { hatted += 1 }
            }
        }
        return hatted >= 3 && syllables * 5 >= words
    }

    /// `bytes` in UTF-8: each word that spells a syllable with its marks as its letters, the
    /// rest as it is (but for the backslash of an escaped mark after a word).
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4)
        let strict = escapesMarks(bytes)
        let vocabulary = strict ? nil : vocabulary(bytes, strict: false)
        var copied = 0
        func copy(to end: Int) {
            out.append(contentsOf: bytes[copied..<end])
            copied = end
        }
        var i = 0
        while i < bytes.count {
            guard InlineMarkup.isASCIILetter(bytes[i]) else {
                i += 1
                continue
            }
            let word = word(bytes, at: i, end: bytes.count, strict: strict, vocabulary: vocabulary)
            if let letters = word.marked && word.isSyllable ? word.letters : acronym(word) {
                copy(to: i)
                for letter in letters {
                    // Every letter a word holds has its forms (`letterForms`).
                    let scalar = VietnameseSyllable.letter(letter.base, tone: letter.tone, upper: letter.upper) ?? letter.base
                    UTF8.encode(scalar) { out.append($0) }
                }
                copied = word.end
            }
            i = word.end
            // A backslash before a mark after a word goes; the mark stays a character.
            if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), isMark(bytes[i + 1]) {
                copy(to: i)
                copied = i + 1
                i += 2
            }
        }
        copy(to: bytes.count)
        return out
    }
}
