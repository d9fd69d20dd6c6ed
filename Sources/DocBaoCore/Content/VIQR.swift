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

    /// A word read in VIQR: its letters, where its bytes end, and whether any mark was read.
    struct Word {
        var letters: [Letter] = []
        var end: Int
        var marked = false
        var hatted = false
        var toned = false

        /// Whether the word spells a syllable.
        var isSyllable: Bool {
            var spelling = VietnameseSyllable.Spelling()
            for letter in letters { spelling.append(letter.base, toned: letter.tone > 0) }
            return spelling.isSyllable
        }
    }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

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

    /// The word that starts at `start`, a letter that does not follow one. A mark is read
    /// after a vowel only, and `.` and `?` only where they do not close a sentence
    /// (`closesSentence`); a backslash before a mark keeps it a character (`\.`) and ends
    /// the word.
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, strict: Bool) -> Word {
        var word = Word(end: start)
        var i = start
        if i + 1 < end, bytes[i] | 0x20 == UInt8(ascii: "d"), bytes[i + 1] | 0x20 == UInt8(ascii: "d") {
            word.letters.append(Letter(base: "đ", upper: bytes[i] < 0x60, tone: 0))
            word.marked = true
            word.hatted = true
            i += 2
        }
        while i < end, isLetter(bytes[i]) {
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
                if i < end, tone(bytes[i]) > 0, !word.toned,
                    strict || (!closesSentence(bytes, at: i, end: end) && !isEnglishIm(bytes, at: i, end: end)) {
                    letter.tone = tone(bytes[i])
                    word.marked = true
                    word.toned = true
                    i += 1
                }
            }
            word.letters.append(letter)
        }
        word.end = i
        return word
    }

    /// Whether a file writes a mark that is a character after a vowel as the RFC asks, with
    /// a backslash (`ddi\.`): then every other mark after a vowel is one. Many files did
    /// not, and their `.` and `?` after a vowel are read by `closesSentence`.
    static func escapesMarks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = min(bytes.count, 64 * 1024)
        guard count >= 3 else { return false }
        for i in 1..<count - 1 where bytes[i] == UInt8(ascii: "\\") && isMark(bytes[i + 1])
            && (EightBitScan.isASCIIVowel(bytes[i - 1]) || isMark(bytes[i - 1])) {
            return true
        }
        return false
    }

    /// In a file that does not escape its marks (`escapesMarks`), whether the `.` or `?` at
    /// `i`, after a vowel, ends a sentence rather than putting a dot below or a hook on it:
    /// so it does at the end of a line, before a capital or before a closing bracket or quote,
    /// and not inside a word, before a word in lower case (`du+. le^~`: dự lễ), before `,` `;`
    /// `:` or before a sentence's end (`nghi..`, `thu?.`: nghị., thủ.; but `...` is an
    /// ellipsis).
    static func closesSentence(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Bool {
        guard bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "?") else { return false }
        guard i + 1 < end else { return true }
        let next = bytes[i + 1]
        if isLetter(next) || next == UInt8(ascii: ",") || next == UInt8(ascii: ";") || next == UInt8(ascii: ":") { return false }
        let dot = bytes[i] == UInt8(ascii: ".")
        if dot && (next == UInt8(ascii: "!") || next == UInt8(ascii: "?")) { return false }  // `ta.?`: tạ?
        if next == UInt8(ascii: ".") {
            var dots = 0
            while i + 1 + dots < end, bytes[i + 1 + dots] == UInt8(ascii: ".") { dots += 1 }
            return (dot ? dots + 1 : dots) == 3  // `...` after the word; `..`, `....`, `?.`: a tone and more
        }
        guard next == UInt8(ascii: " ") || next == UInt8(ascii: "\t"), i + 2 < end else { return true }
        return !(bytes[i + 2] &- 0x61 < 26)
    }

    /// Whether the `'` at `i` is the one of English's `I'm`, which would read as a syllable
    /// (`Ím`).
    static func isEnglishIm(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Bool {
        bytes[i] == UInt8(ascii: "'") && i > 0 && bytes[i - 1] == UInt8(ascii: "I") && i + 1 < end && bytes[i + 1] == UInt8(ascii: "m")
            && (i + 2 == end || !isLetter(bytes[i + 2]))
    }

    /// Calls `body` with each word of `bytes[0..<end]` (a run of letters and their marks).
    static func forEachWord(_ bytes: UnsafeBufferPointer<UInt8>, end: Int, _ body: (Int, Word) -> Void) {
        let strict = escapesMarks(bytes)
        var i = 0
        while i < end {
            guard isLetter(bytes[i]) else {
                i += 1
                continue
            }
            let word = word(bytes, at: i, end: end, strict: strict)
            body(i, word)
            i = max(word.end, i + 1)
        }
    }

    /// The letters of a word in capitals that is no syllable but holds `DD` (`HDDND`, an
    /// acronym: HĐND), with each `DD` as Đ; nil for any other word.
    static func acronym(_ word: Word) -> [Letter]? {
        guard !word.marked || word.letters.first?.base == "đ", word.letters.count >= 2, word.letters.allSatisfy(\.upper) else {
            return nil
        }
        var letters: [Letter] = []
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
        forEachWord(bytes, end: count) { _, word in
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
        var copied = 0
        func copy(to end: Int) {
            out.append(contentsOf: bytes[copied..<end])
            copied = end
        }
        var i = 0
        while i < bytes.count {
            guard isLetter(bytes[i]) else {
                i += 1
                continue
            }
            let word = word(bytes, at: i, end: bytes.count, strict: strict)
            if let letters = word.marked && word.isSyllable ? word.letters : acronym(word) {
                copy(to: i)
                for letter in letters {
                    let scalar = VietnameseSyllable.letter(letter.base, tone: letter.tone, upper: letter.upper)
                        ?? Unicode.Scalar(UInt8(letter.base.value) - 0x20)  // an acronym's capital
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
