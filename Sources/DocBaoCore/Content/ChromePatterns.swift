/// Tables of the page chrome that copying a news page as text drags along: toolbars, share
/// buttons, rating prompts, promos, comment forms, ads, link and map widgets. Phrases are
/// written folded (lower case, no diacritics) as space-separated tokens, so one entry matches
/// `Chia sẻ`, `chia se` and decomposed input alike.
///
/// A line is chrome when the phrases cover every word in it: a paragraph that merely mentions
/// Facebook keeps its other words and stays a paragraph.
public enum ChromeFamily: String, CaseIterable, Sendable {
    case breadcrumb, fontSize, share, contrast, rating, skipLink, promo, commentForm, advert, widget, image
    /// Links to the site's own pages (`Giới thiệu | Liên hệ | Điều khoản sử dụng`): a line of
    /// two or more is a menu, where one alone may be a heading (see `classify`).
    case siteLinks
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
            "luu bai viet", "luu tin", "save article", "save", "bookmark", "copy link thanh cong", "copy link",
            "sao chep lien ket thanh cong", "sao chep lien ket", "sao chep link", "sao chep thanh cong",
            "da sao chep lien ket", "da sao chep", "da copy link", "link copied", "copied", "len dau trang", "ve dau trang", "back to top", "quay lai", "go back",
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
            "related news", "related stories", "related topics", "related", "more on this story", "top stories",
            "you may also like", "read next", "recommended for you", "most read", "most popular", "most watched",
            "doc nhieu nhat", "doc nhieu", "xem nhieu nhat", "xem nhieu", "tin xem nhieu", "doc them", "doc tiep",
            "see also", "map", "thoi tiet", "weather", "ty gia", "lich cong tac", "tu khoa",
            "keywords", "tags", "tag", "video", "album anh", "album", "photo gallery",
        ]),
        (.siteLinks, [
            "trang chu", "gioi thieu", "gioi thieu chung", "ve chung toi", "lien he", "lien he toa soan",
            "dieu khoan su dung", "dieu khoan", "chinh sach bao mat", "chinh sach rieng tu", "quyen rieng tu",
            "so do trang", "so do website", "so do cong", "tuyen dung", "dat bao", "gop y", "hop tac", "hoi dap",
            "tin tuc", "rss", "home", "about us", "about", "contact us", "contact", "terms of use", "terms of service",
            "terms and conditions", "terms", "privacy policy", "privacy", "cookie policy", "cookies", "sitemap", "site map",
            "careers", "jobs", "help", "faq", "accessibility",
        ]),
    ]

    /// Families whose heading starts a list of links to other articles.
    static let listStarters: [ChromeFamily] = [.widget]

    /// Whether a chrome line of `family` heads a list of links to other articles: a heading
    /// of such a family (`Tin liên quan`, `Tin liên quan:`), not a line that holds its links
    /// itself (`Tags: …`, `Xem thêm: Giá xăng giảm`), which the text goes on after.
    static func startsLinkList(_ line: String, family: ChromeFamily) -> Bool {
        guard listStarters.contains(family) else { return false }
        guard let colon = line.lastIndex(where: { $0 == ":" || $0 == "：" }) else { return true }
        return line[line.index(after: colon)...].allSatisfy { $0 == " " }
    }

    /// The phrase table as bytes, grouped by first word, for matching a line's words against
    /// it. Built once, at the first line that could be chrome, by plain loops over bytes:
    /// sorting and grouping generically, a dictionary keyed by String, or a String per phrase
    /// cost more at the first screen than the table's few hundred entries do.
    struct PhraseIndex {
        struct Phrase {
            /// Where its text (folded words, one space between them) is in `bytes`.
            let start: Int, length: Int
            let tokenCount: Int
            let family: ChromeFamily
            /// A weak phrase (see `weakPhrases`) does not make a line chrome on its own.
            let isWeak: Bool
        }

        var bytes: [UInt8] = []
        var phrases: [Phrase] = []
        /// The phrases' first words; word `n` heads group `n`.
        var firstTokens = WordTable(capacity: 256)
        /// The phrases of group `n` are `order[groupStart[n]..<groupStart[n + 1]]`: longest
        /// first, and in the table's order among equal lengths.
        var groupStart: [Int] = []
        var order: [Int] = []

        func group(_ n: Int) -> ArraySlice<Int> { order[groupStart[n]..<groupStart[n + 1]] }

        func text(of phrase: Phrase) -> String {
            String(decoding: bytes[phrase.start..<(phrase.start + phrase.length)], as: UTF8.self)
        }

        /// Whether the words at `tokens` (ranges of `line`) begin with `phrase`, byte for byte
        /// with one space between words (lines are folded as the table is).
        func matches(_ phrase: Phrase, _ tokens: ArraySlice<Range<Int>>, in line: UnsafeBufferPointer<UInt8>) -> Bool {
            guard tokens.count >= phrase.tokenCount else { return false }
            var at = phrase.start
            let end = phrase.start + phrase.length
            for (n, token) in tokens.prefix(phrase.tokenCount).enumerated() {
                if n > 0 {
                    guard at < end, bytes[at] == 0x20 else { return false }
                    at += 1
                }
                guard end - at >= token.count else { return false }
                for i in token {
                    if bytes[at] != line[i] { return false }
                    at += 1
                }
            }
            return at == end
        }
    }

    static let phraseIndex: PhraseIndex = {
        var index = PhraseIndex()
        var groupOf: [Int] = []
        let weak = weakPhrases  // once, not once per phrase
        let count = table.reduce(0) { $0 + $1.1.count }
        index.phrases.reserveCapacity(count)
        groupOf.reserveCapacity(count)
        for (family, list) in table {
            for text in list {
                var text = text
                text.withUTF8 { utf8 in
                    var spaces = 0, firstEnd = utf8.count
                    for (i, byte) in utf8.enumerated() where byte == 0x20 {
                        if spaces == 0 { firstEnd = i }
                        spaces += 1
                    }
                    index.phrases.append(PhraseIndex.Phrase(
                        start: index.bytes.count, length: utf8.count, tokenCount: spaces + 1, family: family,
                        isWeak: weak.number(of: utf8) != nil))
                    index.bytes.append(contentsOf: utf8)
                    groupOf.append(index.firstTokens.insert(UnsafeBufferPointer(rebasing: utf8[..<firstEnd])))
                }
            }
        }
        // Count the groups, lay them out one after another in the table's order, then put
        // each group's longest phrases first (an insertion sort, which keeps equal ones in order).
        var start = Array(repeating: 0, count: index.firstTokens.count + 1)
        for n in groupOf { start[n + 1] += 1 }
        for n in 0..<index.firstTokens.count { start[n + 1] += start[n] }
        var next = start
        index.order = Array(repeating: 0, count: groupOf.count)
        for (phrase, n) in groupOf.enumerated() {
            index.order[next[n]] = phrase
            next[n] += 1
        }
        for n in 0..<index.firstTokens.count {
            for i in (start[n] + 1)..<max(start[n] + 1, start[n + 1]) {
                let phrase = index.order[i]
                var j = i
                while j > start[n], index.phrases[index.order[j - 1]].tokenCount < index.phrases[phrase].tokenCount {
                    index.order[j] = index.order[j - 1]
                    j -= 1
                }
                index.order[j] = phrase
            }
        }
        index.groupStart = start
        return index
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

    /// Whether the line is nothing but links to the site's own pages, one or more (`Liên hệ`,
    /// `Giới thiệu | Sơ đồ trang`). Only the page's footer asks (`PageFooter`): in the text, a
    /// line of one such phrase may be a heading (`Giới thiệu`).
    static func isSiteLinks(_ line: String, folded: String) -> Bool {
        classify(line, folded: folded, loneSiteLink: true) == .siteLinks
    }

    /// `loneSiteLink`: one link to the site's own pages alone is chrome too.
    static func classify(_ line: String, folded: String, loneSiteLink: Bool = false) -> ChromeFamily? {
        // Chrome lines are short; running text is never all chrome phrases.
        guard folded.utf8.count <= 400 else { return nil }
        if isBreadcrumb(line: line, folded: folded) { return .breadcrumb }
        if isImagePlaceholder(folded) || isImageCredit(folded) { return .image }
        var copy = folded
        return copy.withUTF8 { bytes -> ChromeFamily? in
            func isNumber(_ token: Range<Int>) -> Bool {
                var ascii = true
                for i in token {
                    if bytes[i] >= 0x80 { ascii = false; break }
                    if bytes[i] < 0x30 || bytes[i] > 0x39 { return false }
                }
                return ascii || folded.utf8Slice(token.lowerBound, token.upperBound).allSatisfy(\.isNumber)
            }
            func firstWord(_ token: Range<Int>) -> Int? {
                phraseIndex.firstTokens.number(of: UnsafeBufferPointer(rebasing: bytes[token]))
            }
            // lynx's link numbers (`[12]chia`), where the line has a `]`.
            let numbered = ByteLines.find(UInt8(ascii: "]"), in: bytes, from: 0, to: bytes.count) != nil
            func word(_ token: Range<Int>) -> Range<Int> { numbered ? withoutLinkNumber(token, in: bytes) : token }
            // `Tags: …`, `Xem thêm: …`: no label of theirs is longer than 19 bytes, and most
            // lines have no colon that near their start.
            if bytes.prefix(26).contains(where: { $0 == UInt8(ascii: ":") || $0 == 0xEF }),
                LineShapes.isKeywordLine(line, folded: folded) || LineShapes.isRelatedLink(line, folded: folded)
            {
                return .widget
            }
            // Most lines fail on their first word: look at it before tokenising the rest.
            guard let first = tokenRanges(folded, limit: 1).first.map(word), isNumber(first) || firstWord(first) != nil else {
                return nil
            }
            var tokens = tokenRanges(folded, limit: 41)
            if numbered { tokens = tokens.map(word) }
            guard !tokens.isEmpty, tokens.count <= 40 else { return nil }

            let index = phraseIndex
            var i = 0
            var families: [ChromeFamily] = []
            var strongMatches = 0, siteLinks = 0
            while i < tokens.count {
                if isNumber(tokens[i]) { i += 1; continue }  // "Bình luận (3)"
                // A word no phrase covers: this line says something.
                guard let group = firstWord(tokens[i]),
                    let phrase = index.group(group).lazy.map({ index.phrases[$0] })
                        .first(where: { index.matches($0, tokens[i...], in: bytes) })
                else { return nil }
                families.append(phrase.family)
                if phrase.family == .siteLinks {
                    siteLinks += 1
                } else if !phrase.isWeak {
                    strongMatches += 1
                }
                i += phrase.tokenCount
            }
            // A weak phrase counts only as the whole line; a link to the site's pages only
            // beside another (a menu), or beside a strong phrase.
            let weakAlone = families.count == 1 && siteLinks == 0
            guard let first = families.first, strongMatches > 0 || siteLinks >= 2 || weakAlone
                    || (loneSiteLink && siteLinks == families.count)
            else { return nil }
            // Name the family that covered most of the line; on a tie, the one met first.
            // (A line has at most 40 tokens: counting by scanning beats building a dictionary.)
            var best = first, bestCount = 0
            for f in families {
                let n = families.lazy.filter { $0 == f }.count
                if n > bestCount { (best, bestCount) = (f, n) }
            }
            return best
        }
    }

    /// Splits folded text into word tokens; keeps `+`/`-` glued to a letter (`a+`, `-a`,
    /// `google+`) and drops pure punctuation such as `|` and `•`. `bytes: false` is the
    /// Character reading alone, for the tests.
    static func tokenize(_ folded: String, limit: Int = .max, bytes: Bool = true) -> [Substring] {
        if bytes { return tokenRanges(folded, limit: limit).map { folded.utf8Slice($0.lowerBound, $0.upperBound) } }
        var tokens: [Substring] = []
        var rest = Substring(folded)
        while tokens.count < limit, let (token, after) = characterStep(rest) {
            if let token { tokens.append(token) }
            rest = after
        }
        return tokens
    }

    /// A link back to the page's section or home: `Trở lại Thời sự`, `Quay lại trang chủ`,
    /// `Back to News` — going back, then one to four words. It is chrome only among the page
    /// furniture after an article's last sentence (`PageDumpParser.furnitureStart`): inside
    /// the text, `Trở lại Hà Nội` is a heading.
    static func isBackLink(_ folded: String) -> Bool {
        guard folded.utf8.count <= 60, !LineShapes.endsWithClosingPunctuation(folded) else { return false }
        let words = tokenize(folded, limit: 7)
        guard (3...6).contains(words.count) else { return false }
        return backLinkStarts.contains { words[0] == $0.0 && words[1] == $0.1 }
    }

    static let backLinkStarts: [(Substring, Substring)] = [
        ("tro", "lai"), ("quay", "lai"), ("quay", "ve"), ("ve", "trang"), ("back", "to"), ("return", "to"),
    ]

    /// `Image source, Getty Images`: the label with which a page (the BBC's, say) tells a
    /// screen reader whose a photo is, copied with the text: the credit of a photo the text
    /// does not have.
    static func isImageCredit(_ folded: String) -> Bool {
        folded.utf8.first == UInt8(ascii: "i") && folded.utf8.count <= 100
            && (folded.hasPrefix("image source, ") || folded.hasPrefix("image copyright, "))
    }

    /// What w3m and lynx write for an image without words (`alt`): its file's name in brackets,
    /// alone on a line (`[anh-hoi-nghi]`, `[anh-hoi-nghi.jpg]`, `[IMG]`, `[INLINE]`), after
    /// lynx's link number if the image is a link (`[7][logo.png]`). A number alone (`[1]`) is
    /// no image, nor are words (they have spaces).
    static func isImagePlaceholder(_ folded: String) -> Bool {
        let utf8 = folded.utf8
        guard utf8.count >= 3, utf8.count <= 80, utf8.first == UInt8(ascii: "["), utf8.last == UInt8(ascii: "]") else { return false }
        var inner = utf8.dropFirst().dropLast()
        // lynx's link number: `7][logo.png`.
        if let close = inner.firstIndex(of: UInt8(ascii: "]")), inner[inner.startIndex..<close].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            inner.index(after: close) < inner.endIndex, inner[inner.index(after: close)] == UInt8(ascii: "[")
        {
            inner = inner[inner.index(close, offsetBy: 2)...]
        }
        return !inner.isEmpty && !inner.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
            && !inner.contains { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "^") }
    }

    /// The tokens of `tokenize`, as UTF-8 offsets. Words of ASCII and general punctuation
    /// (folded text is nearly all that) are read from bytes; a word with another scalar in it
    /// could hold another space, a letter, or a mark joining the scalar before it into a
    /// different Character, so Characters read that word, from the white space before it.
    /// A token without the number `lynx -dump` writes before a link's text (`[12]chia`): a
    /// toolbar of links is chrome with its numbers too. A number alone in brackets stays.
    /// (`tokenRanges` may have left the `[` out of the token, as it leaves out opening quotes.)
    static func withoutLinkNumber(_ token: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        guard !token.isEmpty else { return token }
        var i = token.lowerBound
        if bytes[i] == UInt8(ascii: "[") {
            i += 1
        } else if i == 0 || bytes[i - 1] != UInt8(ascii: "[") {
            return token
        }
        let digits = i
        while i < token.upperBound, bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
        guard i > digits, i + 1 < token.upperBound, bytes[i] == UInt8(ascii: "]") else { return token }
        return (i + 1)..<token.upperBound
    }

    static func tokenRanges(_ folded: String, limit: Int = .max) -> [Range<Int>] {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }  // as LineShapes.isWhiteSpace
        var copy = folded
        return copy.withUTF8 { utf8 in
            var tokens: [Range<Int>] = []
            var at = 0
            while tokens.count < limit {
                var lo = at
                while lo < utf8.count, isSpace(utf8[lo]) { lo += 1 }
                guard lo < utf8.count else { break }
                var end = lo
                while end < utf8.count, !isSpace(utf8[end]) {
                    if utf8[end] < 0x80 {
                        end += 1
                        continue
                    }
                    let (scalar, length) = ByteLines.decodeScalar(utf8, at: end)
                    guard isPlainPunctuation(scalar) else { break }
                    end += length
                }
                if end < utf8.count, !isSpace(utf8[end]) {
                    let rest = folded.utf8Slice(at, utf8.count)
                    guard let (token, after) = characterStep(rest) else { break }
                    let offset = { (i: String.Index) in folded.utf8.distance(from: folded.utf8.startIndex, to: i) }
                    if let token { tokens.append(offset(token.startIndex)..<offset(token.endIndex)) }
                    at = offset(after.startIndex)
                    continue
                }
                var hi = end
                while lo < hi, !isTokenByte(utf8[lo], atEnd: false) { lo += 1 }
                while lo < hi, !isTokenByte(utf8[hi - 1], atEnd: true) { hi -= 1 }
                while hi - lo > 1, utf8[hi - 1] == UInt8(ascii: ".") { hi -= 1 }
                if utf8[lo..<hi].contains(where: isAlphanumeric) { tokens.append(lo..<hi) }
                at = end
            }
            return tokens
        }
    }

    /// One word read by Characters: its token (nil for pure punctuation) and the text after
    /// it; nil at the end of the text.
    private static func characterStep(_ text: Substring) -> (token: Substring?, rest: Substring)? {
        // Words end at white space (a cluster starting with a white-space scalar).
        let rest = text.drop { LineShapes.isWhiteSpace($0.unicodeScalars.first!) }
        guard !rest.isEmpty else { return nil }
        let end = rest.firstIndex { LineShapes.isWhiteSpace($0.unicodeScalars.first!) } ?? rest.endIndex
        var t = rest[..<end]
        while let c = t.first, !(c.isLetter || c.isNumber || c == "+" || c == "-") { t = t.dropFirst() }
        while let c = t.last, !(c.isLetter || c.isNumber || c == "+" || c == "-" || c == ".") { t = t.dropLast() }
        while t.count > 1, t.last == "." { t = t.dropLast() }
        return (t.contains(where: { $0.isLetter || $0.isNumber }) ? t : nil, rest[end...])
    }

    /// Quotes, dashes, bullets and ellipses of General Punctuation: no letter, digit, white
    /// space or mark among them, and none joins a neighbour into one Character. Their bytes
    /// are never token bytes, so a token's ends are trimmed past them like ASCII punctuation.
    private static func isPlainPunctuation(_ v: UInt32) -> Bool {
        (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
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

    /// A breadcrumb (`Trang chủ › Thời sự`), or a site's menu from its home page on
    /// (`Trang chủ | Giới thiệu | Tin tức`, as w3m and lynx write a row of links: three items
    /// or more of four words at most).
    static func isBreadcrumb(line: String, folded: String) -> Bool {
        if !line.contains(where: { $0.isLetter || $0.isNumber }) { return true }
        let path = hasPathSeparator(line)
        // A menu starts at home: most lines are told by their first byte.
        if !path, folded.utf8.first.map({ $0 != UInt8(ascii: "t") && $0 != UInt8(ascii: "h") && $0 != UInt8(ascii: "[") }) ?? true {
            return false
        }
        // lynx writes a link's number first (`[1]Trang chủ`).
        var start = folded.utf8[...]
        if start.first == UInt8(ascii: "["), let close = start.firstIndex(of: UInt8(ascii: "]")),
            start.index(after: start.startIndex) < close,
            start[start.index(after: start.startIndex)..<close].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        {
            start = start[start.index(after: close)...]
        }
        let startsHome = ["trang chu", "home", "trang nha", "trang chinh"].contains { start.starts(with: $0.utf8) }
        if !path {
            guard startsHome, line.utf8.contains(UInt8(ascii: "|")) else { return false }
            let items = line.split(separator: "|")
            return items.count >= 3 && items.allSatisfy { $0.split(separator: " ").count <= 4 }
        }
        let parts = line.split(whereSeparator: pathSeparators.contains)
        if startsHome && parts.count >= 2 { return true }
        if parts.count >= 3, parts.allSatisfy({ $0.split(separator: " ").count <= 5 }) { return true }
        return false
    }
}
