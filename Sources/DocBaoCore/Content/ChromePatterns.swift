/// Tables of the page chrome that copying a news page as text drags along: toolbars, share
/// buttons, rating prompts, promos, comment forms, ads, link and map widgets. Phrases are
/// written folded (lower case, no diacritics) as space-separated tokens, so one entry matches
/// `Chia sẻ`, `chia se` and decomposed input alike.
///
/// A line is chrome when the phrases cover every word in it: a paragraph that merely mentions
/// Facebook keeps its other words and stays a paragraph.
public enum ChromeFamily: String, CaseIterable, Sendable {
    case breadcrumb, fontSize, share, contrast, rating, skipLink, promo, commentForm, advert, widget
}

public enum ChromePatterns {
    static let table: [(ChromeFamily, [String])] = [
        (.fontSize, [
            "a- a a+", "-a a +a", "a+ a a-", "a- a+", "a a a", "co chu", "kich thuoc chu", "kich co chu",
            "font size", "text size", "tang co chu", "giam co chu", "mac dinh",
        ]),
        (.share, [
            "chia se bai viet len", "chia se bai viet", "chia se len", "chia se", "share on", "share to",
            "share this article", "share this", "share", "tweet", "facebook", "twitter", "google+", "zalo",
            "linkedin", "pinterest", "reddit", "telegram", "whatsapp", "messenger", "x.com",
            "gui email", "gui mail", "gui bai viet", "gui cho ban be", "email", "e-mail", "mail",
            "in bai viet", "in bai", "ban in", "print this article", "print this page", "print",
            "pdf", "tai xuong", "tai ve", "download", "nghe doc bai viet", "nghe doc bai", "nghe bai viet",
            "nghe doc", "doc bai viet", "read aloud", "listen to this article", "listen to article", "listen",
            "luu bai viet", "luu tin", "save article", "save", "bookmark", "copy link", "sao chep lien ket",
            "sao chep link", "len dau trang", "ve dau trang", "back to top", "quay lai", "go back",
        ]),
        (.contrast, [
            "tang tuong phan", "giam tuong phan", "tang do tuong phan", "giam do tuong phan", "tuong phan",
            "high contrast", "low contrast", "increase contrast", "decrease contrast", "contrast",
            "che do toi", "che do sang", "dark mode", "light mode",
        ]),
        (.rating, [
            "click de danh gia bai viet", "click de danh gia", "bam de danh gia", "nhan de danh gia",
            "danh gia bai viet", "danh gia", "rate this article", "rate this story", "rate this", "your rating",
            "binh chon", "vote",
        ]),
        (.skipLink, [
            "skip to main content", "skip to content", "skip navigation", "bo qua noi dung", "bo qua dieu huong",
            "chuyen den noi dung chinh", "chuyen toi noi dung chinh", "di den noi dung chinh", "di toi noi dung chinh",
            "toi noi dung chinh", "noi dung chinh", "main content",
        ]),
        (.promo, [
            "doc bao in", "bao in", "e-paper", "epaper", "tai ung dung", "tai app", "download the app",
            "download our app", "get the app", "subscribe now", "subscribe", "dang ky nhan ban tin",
            "dang ky ban tin", "dang ky nhan tin", "dang ky", "newsletter", "theo doi chung toi tren",
            "theo doi chung toi", "theo doi bao", "theo doi", "fanpage", "follow us on", "follow us",
            "app store", "google play", "tren", "on",
        ]),
        (.commentForm, [
            "gui binh luan", "viet binh luan", "binh luan cua ban", "binh luan", "y kien ban doc", "y kien cua ban",
            "y kien", "ho va ten", "ho ten", "dia chi email", "email cua ban", "noi dung binh luan", "noi dung",
            "ma xac nhan", "nhap ma xac nhan", "nhap ma", "gui y kien", "gui", "leave a comment", "leave a reply",
            "comments", "comment", "post comment", "your name", "your email", "your comment", "submit",
            "captcha", "dang nhap", "log in", "login", "sign in", "sign up", "huy", "cancel", "reply", "tra loi",
        ]),
        (.advert, [
            "quang cao", "advertisement", "advertising", "sponsored content", "sponsored", "tai tro",
            "ads by google", "ads", "ad",
        ]),
        (.widget, [
            "ban do dia gioi hanh chinh", "ban do hanh chinh", "ban do", "lien ket website", "lien ket web",
            "lien ket", "web links", "links", "tin lien quan", "tin khac", "cac tin khac", "tin moi nhat",
            "tin moi", "tin cung chuyen muc", "tin doc nhieu", "tin noi bat", "bai viet lien quan",
            "bai viet khac", "bai viet cung chuyen muc", "xem them", "xem tiep", "read more", "related articles",
            "related news", "related stories", "related", "most read", "most popular", "doc nhieu nhat",
            "doc nhieu", "see also", "map", "thoi tiet", "weather", "ty gia", "lich cong tac", "tu khoa",
            "keywords", "tags", "tag", "video", "album anh", "album", "photo gallery",
        ]),
    ]

    /// Families whose heading starts a list of links to other articles.
    static let listStarters: [ChromeFamily] = [.widget]

    /// One phrase of the table, as written there: folded words, one space between them (a
    /// test checks it).
    struct Phrase {
        let text: String
        let family: ChromeFamily
        /// A weak phrase (see `weakPhrases`) does not make a line chrome on its own.
        let isWeak: Bool
        let tokenCount: Int
        /// The phrase's first word.
        let firstToken: Substring

        /// Counts the words and finds the first in one pass over the bytes.
        init(_ text: String, family: ChromeFamily, isWeak: Bool) {
            var spaces = 0, firstSpace = -1
            var bytes = text
            bytes.withUTF8 { utf8 in
                for (i, byte) in utf8.enumerated() where byte == 0x20 {
                    if firstSpace < 0 { firstSpace = i }
                    spaces += 1
                }
            }
            let utf8 = text.utf8
            self.text = text
            self.family = family
            self.isWeak = isWeak
            tokenCount = spaces + 1
            let firstEnd = firstSpace < 0 ? utf8.endIndex : utf8.index(utf8.startIndex, offsetBy: firstSpace)
            firstToken = Substring(utf8[..<firstEnd])
        }

        /// Whether `tokens` begin with this phrase's words, byte for byte (lines are folded
        /// as the table is).
        func isPrefix(of tokens: ArraySlice<Substring>) -> Bool {
            guard tokens.count >= tokenCount else { return false }
            var bytes = text.utf8.makeIterator()
            for (n, token) in tokens.prefix(tokenCount).enumerated() {
                if n > 0, bytes.next() != 0x20 { return false }
                for byte in token.utf8 {
                    if bytes.next() != byte { return false }
                }
            }
            return bytes.next() == nil
        }
    }

    /// The phrases grouped by their first token, longest first within each group: the group of
    /// a token is `groups[firstTokens.number(of: token)]`. Built by plain loops over a
    /// `WordTable`, and the phrases are kept whole rather than cut into words: sorting and
    /// grouping generically, a dictionary keyed by String, or an array of words per phrase
    /// cost more at the first screen than the table's few hundred entries do.
    struct PhraseIndex {
        var firstTokens: WordTable
        var groups: [[Phrase]]

        func phrases(startingWith token: Substring) -> [Phrase]? {
            firstTokens.number(of: token).map { groups[$0] }
        }
    }

    static let phraseIndex: PhraseIndex = {
        var firstTokens = WordTable(capacity: 256)
        var groups: [[Phrase]] = []
        groups.reserveCapacity(256)
        for (family, list) in table {
            for text in list {
                let phrase = Phrase(text, family: family, isWeak: weakPhrases.number(of: Substring(text)) != nil)
                let number = firstTokens.insert(phrase.firstToken)
                if number == groups.count { groups.append([]) }
                // Longest first; equal lengths keep the table's order.
                if let at = groups[number].firstIndex(where: { $0.tokenCount < phrase.tokenCount }) {
                    groups[number].insert(phrase, at: at)
                } else {
                    groups[number].append(phrase)
                }
            }
        }
        return PhraseIndex(firstTokens: firstTokens, groups: groups)
    }()

    /// Phrases that only count when the whole line is them; alone they are ordinary words.
    static let weakPhrases: WordTable = {
        var table = WordTable(capacity: 32)
        for phrase in ["tren", "on", "gui", "noi dung", "ad", "mail", "save", "print", "huy", "cancel", "reply", "tra loi", "map", "video", "album", "links", "related", "tag", "listen", "share", "theo doi", "dang ky", "danh gia"] {
            table.insert(Substring(phrase))
        }
        return table
    }()

    /// The family of chrome this line is, or nil if it is content.
    public static func classify(_ line: String) -> ChromeFamily? {
        classify(line, folded: TextFolding.fold(line))
    }

    static func classify(_ line: String, folded: String) -> ChromeFamily? {
        // Chrome lines are short; running text is never all chrome phrases.
        guard folded.utf8.count <= 400 else { return nil }
        if isBreadcrumb(line: line, folded: folded) { return .breadcrumb }
        // Most lines fail on their first word: look at it before tokenising the rest.
        guard let first = tokenize(folded, limit: 1).first,
            first.allSatisfy(\.isNumber) || phraseIndex.phrases(startingWith: first) != nil
        else { return nil }
        let tokens = tokenize(folded)
        guard !tokens.isEmpty, tokens.count <= 40 else { return nil }

        var i = 0
        var families: [ChromeFamily] = []
        var strongMatches = 0
        while i < tokens.count {
            if tokens[i].allSatisfy(\.isNumber) { i += 1; continue }  // "Bình luận (3)"
            var matched = false
            for phrase in phraseIndex.phrases(startingWith: tokens[i]) ?? [] {
                if phrase.isPrefix(of: tokens[i...]) {
                    families.append(phrase.family)
                    if !phrase.isWeak { strongMatches += 1 }
                    i += phrase.tokenCount
                    matched = true
                    break
                }
            }
            if !matched { return nil }  // a word no phrase covers: this line says something
        }
        guard let first = families.first, strongMatches > 0 || families.count == 1 else { return nil }
        // Name the family that covered most of the line; on a tie, the one met first.
        // (A line has at most 40 tokens: counting by scanning beats building a dictionary.)
        var best = first, bestCount = 0
        for f in families {
            let n = families.lazy.filter { $0 == f }.count
            if n > bestCount { (best, bestCount) = (f, n) }
        }
        return best
    }

    /// Splits folded text into word tokens; keeps `+`/`-` glued to a letter (`a+`, `-a`,
    /// `google+`) and drops pure punctuation such as `|` and `•`. Words in ASCII (folded text
    /// is nearly all ASCII) are read from bytes: by Character, tokenising was a tenth of
    /// `dump`'s work. `bytes: false` is the Character reading alone, for the tests.
    static func tokenize(_ folded: String, limit: Int = .max, bytes: Bool = true) -> [Substring] {
        var tokens: [Substring] = []
        var rest = Substring(folded)
        while tokens.count < limit {
            var step = bytes ? asciiStep(rest) : .unknown
            if case .unknown = step { step = characterStep(rest) }
            guard case .word(let token, let after) = step else { break }
            if let token { tokens.append(token) }
            rest = after
        }
        return tokens
    }

    /// One word of `tokenize`: the token it yields (nil for pure punctuation) and the text
    /// after it; or the end of the text; or `unknown` when bytes cannot tell.
    private enum TokenStep {
        case word(Substring?, rest: Substring)
        case end
        case unknown
    }

    private static func characterStep(_ text: Substring) -> TokenStep {
        // Words end at white space (a cluster starting with a white-space scalar).
        let rest = text.drop { LineShapes.isWhiteSpace($0.unicodeScalars.first!) }
        guard !rest.isEmpty else { return .end }
        let end = rest.firstIndex { LineShapes.isWhiteSpace($0.unicodeScalars.first!) } ?? rest.endIndex
        var t = rest[..<end]
        while let c = t.first, !(c.isLetter || c.isNumber || c == "+" || c == "-") { t = t.dropFirst() }
        while let c = t.last, !(c.isLetter || c.isNumber || c == "+" || c == "-" || c == ".") { t = t.dropLast() }
        while t.count > 1, t.last == "." { t = t.dropLast() }
        return .word(t.contains(where: { $0.isLetter || $0.isNumber }) ? t : nil, rest: rest[end...])
    }

    /// The same from bytes, while the white space before the word and the word are ASCII.
    /// (A non-ASCII byte could be another space, a letter, or a mark joining the byte before
    /// it into a different Character: then `unknown`, and Characters decide from the start.)
    /// The bytes are read through one buffer and the token cut by offsets: through the
    /// Substring's UTF-8 view, each byte was a call.
    private static func asciiStep(_ text: Substring) -> TokenStep {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }  // as LineShapes.isWhiteSpace
        var contiguous = text
        // Offsets of the token (lo..<hi, or nil when pure punctuation) and of the word's end.
        enum Found { case end, unknown, word(lo: Int, hi: Int, end: Int, token: Bool) }
        let found: Found = contiguous.withUTF8 { utf8 in
            var i = 0
            while i < utf8.count, isSpace(utf8[i]) { i += 1 }
            guard i < utf8.count else { return .end }
            var end = i
            while end < utf8.count, !isSpace(utf8[end]) {
                guard utf8[end] < 0x80 else { return .unknown }
                end += 1
            }
            var lo = i, hi = end
            while lo < hi, !isTokenByte(utf8[lo], atEnd: false) { lo += 1 }
            while lo < hi, !isTokenByte(utf8[hi - 1], atEnd: true) { hi -= 1 }
            while hi - lo > 1, utf8[hi - 1] == UInt8(ascii: ".") { hi -= 1 }
            let token = utf8[lo..<hi].contains(where: isAlphanumeric)
            return .word(lo: lo, hi: hi, end: end, token: token)
        }
        switch found {
        case .end: return .end
        case .unknown: return .unknown
        case .word(let lo, let hi, let end, let token):
            // All ASCII up to `end`: byte offsets are Character boundaries.
            let utf8 = text.utf8
            let at = { (offset: Int) in utf8.index(utf8.startIndex, offsetBy: offset) }
            return .word(token ? Substring(utf8[at(lo)..<at(hi)]) : nil, rest: text[at(end)...])
        }
    }

    /// ASCII letters and digits, `+` and `-` (and `.` at a token's end).
    private static func isTokenByte(_ b: UInt8, atEnd: Bool) -> Bool {
        isAlphanumeric(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || (atEnd && b == UInt8(ascii: "."))
    }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    /// A line of only bullets and colons, or `Trang chủ › Thời sự › …`.
    static let pathSeparators: ScalarSet = [">", "›", "»", "→"]

    /// `line.contains(where: pathSeparators.contains)`, answered from bytes for the lines that
    /// hold none of the separators' encodings (nearly all): hashing every Character of every
    /// paragraph cost a tenth of `dump`'s time. (The lead bytes alone do not do: Vietnamese
    /// punctuation such as “ ” – … starts with the same 0xE2 as › and →.)
    static func hasPathSeparator(_ line: String) -> Bool {
        ByteLines.containsAny(line, of: pathSeparatorEncodings) && line.contains(where: pathSeparators.contains)
    }

    /// The UTF-8 of each path separator.
    static let pathSeparatorEncodings = pathSeparators.encodings

    static func isBreadcrumb(line: String, folded: String) -> Bool {
        if !line.contains(where: { $0.isLetter || $0.isNumber }) { return true }
        guard hasPathSeparator(line) else { return false }
        let parts = line.split(whereSeparator: pathSeparators.contains)
        let startsHome = ["trang chu", "home", "trang nha", "trang chinh"].contains { folded.hasPrefix($0) }
        if startsHome && parts.count >= 2 { return true }
        if parts.count >= 3, parts.allSatisfy({ $0.split(separator: " ").count <= 5 }) { return true }
        return false
    }
}
