import Foundation

/// Recognisers for the kinds of line a news page is made of, beyond chrome: dates, sources,
/// authors, ratings and visitor counters. Each works on a trimmed line and its folded form.
enum LineShapes {
    static let sentenceEnders: ScalarSet = [".", "!", "?", "…", ";"]
    static let closers: ScalarSet = ["\"", "”", "’", "'", ")", "»", "]"]

    /// The last character that is not a closing quote or bracket.
    static func finalPunctuation(_ line: String) -> Character? {
        var s = Substring(line)
        while let c = s.last, closers.contains(c) { s = s.dropLast() }
        return s.last
    }

    static func endsSentence(_ line: String) -> Bool {
        guard let c = finalPunctuation(line) else { return false }
        return sentenceEnders.contains(c)
    }

    static func endsWithClosingPunctuation(_ line: String) -> Bool {
        guard let c = finalPunctuation(line) else { return false }
        return sentenceEnders.contains(c) || c == ":" || c == ","
    }

    /// `text` without the given characters at either end (no Foundation: this runs per line).
    static func trimmed(_ text: Substring, _ characters: ScalarSet) -> Substring {
        var s = text
        while let c = s.first, characters.contains(c) { s = s.dropFirst() }
        while let c = s.last, characters.contains(c) { s = s.dropLast() }
        return s
    }

    static func trimmed(_ text: String, _ characters: ScalarSet) -> Substring { trimmed(Substring(text), characters) }

    static let spaces: ScalarSet = [" ", "\u{A0}", "\u{2002}", "\u{2003}", "\u{2009}", "\u{200A}", "\u{202F}", "\u{205F}", "\u{3000}"]

    /// Whether the text has more than `n` characters, without counting all of a huge line.
    static func longer(_ text: some StringProtocol, than n: Int) -> Bool { longer(String(text), than: n) }

    static func longer(_ text: String, than n: Int) -> Bool {
        if text.utf8.count <= n { return false }
        return characters(in: text, atMost: n + 1) > n
    }

    /// `min(text.count, cap)`, without counting all of a huge line: one pass answers every
    /// `longer(than:)` question below `cap` about the same text.
    static func characters(in text: String, atMost cap: Int) -> Int {
        var copy = text
        return copy.withUTF8 { characters(utf8: $0, atMost: cap) } ?? text.prefix(cap).count
    }

    /// Counts scalars while each is a character of its own (bytes below 0xCC start scalars
    /// below U+0300, which never join a neighbour); nil when one might not be.
    private static func characters(utf8 bytes: UnsafeBufferPointer<UInt8>, atMost cap: Int) -> Int? {
        var scalars = 0
        var i = 0
        while i < bytes.count && scalars < cap {
            let b = bytes[i]
            if b >= 0xCC {
                if ByteLines.startsLatinExtendedAdditional(bytes, at: i) {
                    i += 3
                } else {
                    let (v, length) = ByteLines.decodeScalar(bytes, at: i)
                    guard LineBreaker.SimpleScalars.standsAlone(v) else { return nil }
                    i += length
                }
            } else {
                if b < 0x20 || b == 0x7F { return nil }
                i += 1
                if b & 0xC0 == 0x80 { continue }
            }
            scalars += 1
        }
        return scalars
    }

    /// Words separated by white space, counted on the UTF-8 bytes: reading time counts the
    /// words of the whole article before the first screen.
    static func wordCount(_ line: String) -> Int {
        var text = line
        return text.withUTF8 { bytes in
            var count = 0
            var inWord = false
            for (i, b) in bytes.enumerated() {
                let space: Bool
                if b < 0x80 {
                    space = b == 0x20 || (b >= 0x09 && b <= 0x0D)
                } else if b < 0xC0 {
                    continue  // inside a scalar whose first byte decided
                } else if b == 0xE1 {
                    // Vietnamese letters (U+1E00–U+1EFF) start with 0xE1; the one space among
                    // the scalars that do is U+1680, bytes E1 9A 80.
                    space = i + 2 < bytes.count && bytes[i + 1] == 0x9A && bytes[i + 2] == 0x80
                } else if b == 0xC2 || b == 0xE2 || b == 0xE3 {
                    space = isWhiteSpace(value: ByteLines.decodeScalar(bytes, at: i).0)
                } else {
                    space = false  // no white space starts with another byte
                }
                if !space && !inWord { count += 1 }
                inWord = !space
            }
            return count
        }
    }

    /// `text.contains(where: \.isNumber)`, answered from bytes when the text has an ASCII
    /// digit at the start or after an ASCII byte (which always starts a Character), or no
    /// non-ASCII byte at all; otherwise by Characters (another kind of number, or a digit
    /// joined to a prepended mark before it).
    static func hasNumber(_ text: some StringProtocol) -> Bool {
        var nonASCII = false, previous: UInt8 = 0
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 && previous < 0x80 { return true }
            if b >= 0x80 { nonASCII = true }
            previous = b
        }
        return nonASCII && text.contains(where: \.isNumber)
    }

    /// Unicode's White_Space property, spelled out: asking the property tables costs a lookup
    /// per letter of Vietnamese text.
    @inline(__always)
    static func isWhiteSpace(_ s: Unicode.Scalar) -> Bool { isWhiteSpace(value: s.value) }

    @inline(__always)
    static func isWhiteSpace(value v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// A line that may be one of verse: at most 50 characters, its first letter (after any
    /// opening quote, bracket or ellipsis) a capital.
    static func isShortAndCapitalised(_ line: String) -> Bool {
        !longer(line, than: 50) && line.first(where: { !verseOpeners.contains($0) })?.isUppercase == true
    }

    static let verseOpeners: ScalarSet = ["\"", "“", "‘", "'", "«", "(", "[", "…"]

    /// Running prose: a sentence of some length, or any long line.
    static func isProse(_ line: String) -> Bool {
        longer(line, than: 199) || (endsSentence(line) && (longer(line, than: 59) || wordCount(line) >= 12))
    }

    /// Sentences in a line: a sentence end followed by a space and a capital letter splits.
    static func sentenceCount(_ line: String) -> Int {
        // Most lines have no sentence end inside them followed by a space: one pass over the
        // scalars says so without cutting the line into Characters.
        var afterEnder = false, split = false
        for s in line.unicodeScalars {
            if afterEnder && s == " " {
                split = true
                break
            }
            afterEnder = sentenceEnders.contains(scalar: s.value)
        }
        return split ? sentenceCount(characters: line) : 1
    }

    /// `sentenceCount` by Characters (what the quick test before it must agree with).
    static func sentenceCount(characters line: String) -> Int {
        var count = 1
        let chars = Array(line)
        var i = 0
        while i + 2 < chars.count {
            if sentenceEnders.contains(chars[i]) && chars[i + 1] == " " && chars[i + 2].isUppercase { count += 1 }
            i += 1
        }
        return count
    }

    // MARK: Source

    /// `(laichau.gov.vn)` alone on a line.
    static func loneSource(_ line: String) -> String? {
        guard line.hasPrefix("("), line.hasSuffix(")"), !longer(line, than: 60) else { return nil }
        let inner = line.dropFirst().dropLast().trimmingSpaces()
        guard !inner.isEmpty, !inner.contains(where: { $0 == "(" || $0 == ")" }), inner.split(separator: " ").count <= 5 else {
            return nil
        }
        return inner
    }

    /// `(BLC) - text` or `(QBĐT) – text` at the start of the lead: the source and the rest;
    /// also an agency's name without brackets (`TTO - text`, `VOV.VN - `, `VTV.vn – `).
    static func sourcePrefix(_ line: String) -> (source: String, rest: String)? {
        if line.utf8.first != UInt8(ascii: "(") { return bareSourcePrefix(line) }
        guard let close = line.firstIndex(of: ")") else { return nil }
        let inner = line[line.index(after: line.startIndex)..<close].trimmingSpaces()
        guard !inner.isEmpty, inner.count <= 40, inner.split(separator: " ").count <= 4,
            !(hasNumber(inner) && inner.contains(where: { $0 == "/" }))
        else { return nil }
        var rest = line[line.index(after: close)...].drop(while: { $0 == " " })
        guard let dash = rest.first, "-–—:".contains(dash) else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " })
        guard !rest.isEmpty else { return nil }
        return (inner, String(rest))
    }

    /// `TTO - text`: one word before a dash, in capitals (`NDO`, `ANTĐ`, `VOV.VN`) or a site's
    /// name (`VTV.vn`, `Chinhphu.vn`), then a capital letter or a digit. A capitalised word of
    /// prose is no capitals, and a place's dateline (`HÀ NỘI - `) is two words.
    static func bareSourcePrefix(_ line: String) -> (source: String, rest: String)? {
        // Only a line whose first word, of up to 16 characters, has a dash after it (`-`, or
        // the 0xE2 that starts `–` and `—`) is looked at further.
        guard let first = line.utf8.first, first >= 0x41, first <= 0x5A || first >= 0xC3,
            let space = line.utf8.prefix(64).firstIndex(of: 0x20), line.utf8.index(after: space) < line.utf8.endIndex,
            [UInt8(ascii: "-"), 0xE2].contains(line.utf8[line.utf8.index(after: space)])
        else { return nil }
        let name = line[..<space]
        var rest = line[line.index(after: space)...]
        guard let dash = rest.first, "-–—".contains(dash) else { return nil }
        rest = rest.dropFirst()
        guard rest.first == " " else { return nil }
        rest = rest.drop(while: { $0 == " " })
        guard let start = rest.first, start.isUppercase || start.isNumber || "\"“‘'".contains(start),
            (2...16).contains(name.count), name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." }),
            name.first!.isUppercase, name.last != "."
        else { return nil }
        let letters = name.filter(\.isLetter)
        let capitals = letters.allSatisfy(\.isUppercase) && letters.count >= 2
        // A site: `Name.vn`, its last part two to four small letters.
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        let site = parts.count >= 2 && parts.allSatisfy { !$0.isEmpty } && (2...4).contains(parts.last!.count)
            && parts.last!.allSatisfy { $0.isLowercase && $0.isASCII }
        guard capitals || site, !notSources.contains(String(name)) else { return nil }
        return (String(name), String(rest))
    }

    /// Words in capitals that start a line before a dash but name no source: a dateline's city
    /// (`TP.HCM - `), and the labels a title may start with (`VIDEO - `, `NÓNG - `).
    static let notSources: Set<String> = [
        "TP.HCM", "TPHCM", "HCM", "TP", "HN", "VIDEO", "CLIP", "ẢNH", "PHOTO", "INFOGRAPHIC", "INFOGRAPHICS", "PODCAST",
        "LIVE", "EMAGAZINE", "MEGASTORY", "NÓNG", "HOT", "TIN", "UPDATE", "MỚI",
    ]

    /// `Tags: Cầu, Giao thông`, `Từ khóa: …` or `Chủ đề: …` on one line: the page's keyword
    /// (or topic) links.
    static func isKeywordLine(_ line: String, folded: String) -> Bool {
        // On the folded bytes: nearly every line fails at its first one.
        let utf8 = folded.utf8
        guard let first = utf8.first, first == UInt8(ascii: "t") || first == UInt8(ascii: "k") || first == UInt8(ascii: "c"),
            hasValue(Substring(folded).utf8, after: keywordLabels), wordCount(line) <= 42
        else { return false }
        return !endsSentence(line)
    }

    /// Whether folded bytes start with one of `labels`, then a colon (or a full-width one)
    /// and something other than spaces.
    static func hasValue(_ utf8: Substring.UTF8View, after labels: [[UInt8]]) -> Bool {
        guard let label = labels.first(where: { utf8.starts(with: $0) }) else { return false }
        var rest = utf8.dropFirst(label.count).drop { $0 == 0x20 }
        if rest.first == UInt8(ascii: ":") {
            rest = rest.dropFirst()
        } else if rest.starts(with: fullWidthColon) {
            rest = rest.dropFirst(fullWidthColon.count)
        } else {
            return false
        }
        return rest.contains { $0 != 0x20 }
    }

    static let keywordLabels: [[UInt8]] = ["tags", "tag", "tu khoa", "keywords", "keyword", "chu de"].map { Array($0.utf8) }

    /// A link to another article set into the text: `Xem thêm: Giá xăng giảm lần thứ ba`,
    /// `>> Đọc thêm: …`, `Tin liên quan: …` — a label of related links, a colon, then a
    /// headline (the line at most 34 words, not ending in a full stop: `Xem thêm: các bước ở
    /// mục 3.` is the article's own sentence).
    static func isRelatedLink(_ line: String, folded: String) -> Bool {
        var utf8 = folded.utf8[...]
        // Arrows and bullets before the label: `>>`, `»`, `=>`, `-`, `•`, `*`.
        while let b = utf8.first, b == 0x20 || b == UInt8(ascii: ">") || b == UInt8(ascii: "=") || b == UInt8(ascii: "-")
            || b == UInt8(ascii: "*") || b == 0xC2 || b == 0xBB || b == 0xE2 || b == 0x80 || b == 0xA2
        {
            utf8 = utf8.dropFirst()
        }
        guard let first = utf8.first, relatedLabelStarts.contains(first),  // most lines fail here
            hasValue(utf8, after: relatedLabels), wordCount(line) <= 34
        else { return false }
        let stop = finalPunctuation(line)
        return stop != "." && stop != ";"
    }

    static let relatedLabels: [[UInt8]] = [
        "xem them", "doc them", "xem tiep", "doc tiep", "tin lien quan", "bai lien quan", "tin cung chuyen muc",
        "read more", "see also", "related",
    ].map { Array($0.utf8) }
    /// The labels' first bytes (an array: a `Set` of bytes would hash every line's).
    static let relatedLabelStarts: [UInt8] = Array("xdtbrs".utf8)
    static let fullWidthColon = Array("：".utf8)

    /// `Theo TTXVN`, `Theo Báo Nhân Dân`, `Theo vnexpress.net`: a line that credits where an
    /// article came from (*theo*: according to), and the name it gives. The name starts with a
    /// capital or is a site's, has no digit (`Theo Nghị quyết số 12` cites a law) and at most
    /// seven words; `Theo dõi` (follow) is another word.
    static func creditedSource(_ line: String, folded: String) -> String? {
        guard folded.utf8.starts(with: theo), !longer(line, than: 60), !hasNumber(line) else { return nil }
        var name = line.dropFirst(5).trimmingSpaces()
        if name.hasSuffix(".") && !name.hasSuffix("..") { name = String(name.dropLast()) }
        guard let first = name.first, first.isUppercase || name.contains("."),
            (1...7).contains(wordCount(name)), !name.contains(where: { ",;:!?".contains($0) })
        else { return nil }
        return name
    }

    private static let theo = Array("theo ".utf8)

    /// `Nguồn: X` / `Source: X`.
    static func labelledSource(_ line: String, folded: String) -> String? {
        labelled(line, folded: folded, labels: ["nguon", "source", "theo nguon"], maxValueWords: 8)
    }

    // MARK: Author

    static let authorLabels = [
        "tac gia", "author", "authors", "by", "bai va anh", "bai, anh", "bai/anh", "bai anh", "phong vien",
        "pv", "nhom pv", "nhom phong vien", "written by", "reporter", "nguoi viet", "thuc hien", "bien tap",
    ]

    static func labelledAuthor(_ line: String, folded: String) -> String? {
        if let value = labelled(line, folded: folded, labels: authorLabels, maxValueWords: 10) { return value }
        // "By Jane Smith"
        if folded.hasPrefix("by "), wordCount(line) <= 6, !endsSentence(line) {
            let name = line.dropFirst(3).trimmingSpaces()
            if looksLikeName(name) { return name }
        }
        return nil
    }

    /// A short run of capitalised words, such as a byline: `Đinh Lan`, `Minh Anh (TTXVN)`.
    static func looksLikeName(_ line: String) -> Bool {
        guard !longer(line, than: 50), !hasNumber(line), !endsWithClosingPunctuation(line) || line.hasSuffix(")") else {
            return false
        }
        let words = line.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "–" || $0 == "," })
        guard (1...6).contains(words.count) else { return false }
        return words.allSatisfy { w in
            w.hasPrefix("(") || (w.first?.isUppercase ?? false)
        }
    }

    /// A line that is an e-mail address and nothing else (`ngocan@thanhnien.vn`): one `@`,
    /// a dot in the part after it, no spaces.
    static func isEmailAddress(_ line: String) -> Bool {
        let parts = line.utf8.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard line.utf8.count <= 80, parts.count == 2, !parts[0].isEmpty, let dot = parts[1].firstIndex(of: UInt8(ascii: ".")),
            dot != parts[1].startIndex, parts[1].last != UInt8(ascii: ".")
        else { return false }
        return !line.utf8.contains { $0 <= 0x20 || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ":") }
    }

    /// `:` and the full-width `：`, as UTF-8: most lines have neither, and finding that on
    /// bytes is much cheaper than comparing Characters.
    static let colons: [[UInt8]] = [Array(":".utf8), Array("：".utf8)]

    /// `Label: value` where the label (folded) is one of `labels`.
    static func labelled(_ line: String, folded: String, labels: [String], maxValueWords: Int) -> String? {
        guard ByteLines.containsAny(line, of: colons), !longer(line, than: 200) else { return nil }
        guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let label = TextFolding.fold(String(line[..<colon])).trimmingSpaces()
        guard labels.contains(label) else { return nil }
        let value = line[line.index(after: colon)...].trimmingSpaces()
        guard !value.isEmpty, wordCount(value) <= maxValueWords else { return nil }
        return value
    }

    /// Whether `text` contains `part`. On bytes: with Foundation imported, `String.contains`
    /// resolves to its `range(of:)`, whose first use alone cost a fifth of a millisecond.
    private static func has(_ text: String, _ part: String) -> Bool { ByteLines.contains(text, part) }

    // MARK: Rating

    /// `Tổng số điểm của bài viết là: 0 trong 0 đánh giá` or an English equivalent.
    static func rating(folded: String) -> Rating? {
        // The words first: they rule out nearly every line, and cost less than its length
        // and its numbers.
        let vietnamese = folded.hasPrefix("tong so diem") && has(folded, "trong") && has(folded, "danh gia")
        let english = (has(folded, "point") || has(folded, "score") || has(folded, "rating"))
            && (has(folded, "vote") || has(folded, "rating")) && folded.count <= 80
        guard vietnamese || english, !longer(folded, than: 160) else { return nil }
        let numbers = integers(in: folded)
        guard numbers.count == 2 else { return nil }
        return Rating(points: numbers[0], votes: numbers[1])
    }

    // MARK: Visitor counters

    enum Counter { case today, yesterday, month, year, total, other }

    static let statsHeadings = [
        "thong ke truy cap", "thong ke", "luot truy cap", "so luot truy cap", "thong ke luot truy cap",
        "visitor statistics", "visitors", "site statistics", "statistics", "visit counter", "truy cap",
    ]

    static func isStatsHeading(folded: String) -> Bool {
        guard folded.utf8.count <= 60 else { return false }
        return statsHeadings.contains(String(trimmed(folded, [" ", ":"])))
    }

    static let counterLabels: [(String, Counter)] = [
        ("hom nay", .today), ("today", .today), ("hom qua", .yesterday), ("yesterday", .yesterday),
        ("thang nay", .month), ("thang", .month), ("this month", .month), ("month", .month),
        ("nam nay", .year), ("nam", .year), ("this year", .year), ("year", .year),
        ("tong so", .total), ("tong cong", .total), ("tong", .total), ("total", .total), ("all time", .total),
        ("dang truy cap", .other), ("dang online", .other), ("truc tuyen", .other), ("online", .other),
        ("tuan nay", .other), ("this week", .other), ("tuan", .other), ("khach", .other), ("thanh vien", .other),
    ]

    /// `Hôm nay : 1.730`, `Tháng 10 : 388.879`, `Total: 64,226,919`.
    static func counter(folded: String) -> (Counter, Int)? {
        guard ByteLines.containsAny(folded, of: colons), !longer(folded, than: 60) else { return nil }
        guard let colon = folded.lastIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        var label = folded[..<colon].trimmingSpaces()
        let value = folded[folded.index(after: colon)...].trimmingSpaces()
        guard let number = groupedInteger(value) else { return nil }
        // "thang 10", "nam 2021": drop the period number after the label.
        while let last = label.last, last.isNumber || last == " " || last == "/" { label.removeLast() }
        for (name, kind) in counterLabels where label == name { return (kind, number) }
        return nil
    }

    /// `64.226.919`, `64,226,919`, `64 226 919`, `1730`.
    static func groupedInteger(_ text: String) -> Int? {
        guard let first = text.first, first.isNumber else { return nil }
        var digits = ""
        for c in text {
            if c.isASCII && c.isNumber { digits.append(c) } else if c == "." || c == "," || c == " " || c == "\u{A0}" || c == "\u{202F}" { continue } else { return nil }
        }
        guard digits.count <= 18 else { return nil }
        return Int(digits)
    }

    /// The runs of ASCII digits that are characters of their own, as numbers (up to 18 digits).
    static func integers(in text: String) -> [Int] {
        var copy = text
        return copy.withUTF8 { integers(utf8: $0) } ?? integers(characters: text)
    }

    /// The same from bytes; nil when a scalar next to a digit might join it into another
    /// character (a combining mark or joiner after it, a prepended mark before it).
    private static func integers(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [Int]? {
        var result: [Int] = []
        var value = 0, digits = 0
        func close() {
            if digits > 0 && digits <= 18 { result.append(value) }
            value = 0
            digits = 0
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                if i + 1 < bytes.count, bytes[i + 1] >= 0xCC, !standsAlone(bytes, at: i + 1) { return nil }
                if digits == 0, i > 0, bytes[i - 1] >= 0x80 {
                    var start = i - 1
                    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
                    if bytes[start] >= 0xCC, !standsAlone(bytes, at: start) { return nil }
                }
                value = digits < 18 ? value &* 10 &+ Int(b - 0x30) : 0
                digits += 1
            } else {
                close()
            }
            i += 1
        }
        close()
        return result
    }

    private static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        LineBreaker.SimpleScalars.standsAlone(ByteLines.decodeScalar(bytes, at: i).0)
    }

    /// `integers(in:)` by Characters: right for any text (and what the byte way must match).
    static func integers(characters text: String) -> [Int] {
        var result: [Int] = []
        var current = ""
        for c in text {
            if c.isASCII && c.isNumber { current.append(c) } else if !current.isEmpty {
                if current.count <= 18, let n = Int(current) { result.append(n) }
                current = ""
            }
        }
        if !current.isEmpty, current.count <= 18, let n = Int(current) { result.append(n) }
        return result
    }

    // MARK: Dates

    /// The words a date line may hold besides its numbers, folded.
    static let dateWordList: [String] = [
        "thu", "hai", "ba", "tu", "nam", "sau", "bay", "chu", "nhat", "ngay", "luc", "gio", "cap", "dang",
        "thoi", "gian", "xuat", "ban", "gmt+7", "gmt", "utc", "sa", "ch", "am", "pm",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed",
        "fri", "sat", "sun", "published", "updated", "posted", "on", "at", "date", "last", "modified",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "thang",
    ]

    static let dateWords = Set(dateWordList)

    /// The date words of three letters or more, which `date` looks for anywhere in a line.
    /// Filtered from the list rather than the set: nothing then hashes the words at start.
    static let longDateWords: [String] = dateWordList.filter { $0.utf8.count >= 3 }

    /// A line that is a time of day and nothing else (`16:02 (GMT +7)`, `08:15 SA`, `7h30`,
    /// `10:30:05 AM`): some pages put the time on a line of its own under the date.
    static func isTimeOfDay(folded: String) -> Bool {
        let b = Array(folded.utf8)
        guard b.count <= 32 else { return false }
        func digits(from i: Int) -> Int {
            var j = i
            while j < b.count, b[j] >= 0x30 && b[j] <= 0x39 { j += 1 }
            return j - i
        }
        var i = digits(from: 0)
        guard (1...2).contains(i), i < b.count, b[i] == UInt8(ascii: ":") || b[i] == UInt8(ascii: "h") else { return false }
        i += 1
        guard digits(from: i) == 2 else { return false }
        i += 2
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard digits(from: i + 1) == 2 else { return false }
            i += 3
        }
        // After it, only a zone or a half of the day: `(GMT+7)`, `GMT +07:00`, `SA`, `PM`.
        let rest = String(decoding: b[i...], as: UTF8.self)
        guard rest.isEmpty || rest.first == " " else { return false }
        return rest.split(whereSeparator: { !$0.isLetter }).allSatisfy { timeWords.contains(String($0)) }
            && rest.allSatisfy { $0.isLetter || $0.isNumber || " ()+-:".contains($0) }
    }

    static let timeWords: Set<String> = ["gmt", "utc", "ict", "am", "pm", "sa", "ch"]

    /// `2 hours ago`, `3 giờ trước`: a page that dates its article from now (a number, a unit,
    /// and nothing else).
    static func isRelativeDate(folded: String) -> Bool {
        guard folded.hasSuffix(" ago") || folded.hasSuffix(" truoc") else { return false }  // most lines end otherwise
        let words = folded.split(separator: " ")
        guard words.count == 3, words[0].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return words[2] == "ago" ? relativeUnits.contains(String(words[1])) : relativeUnitsVi.contains(String(words[1]))
    }

    static let relativeUnits: Set<String> = ["second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
                                             "day", "days", "week", "weeks", "month", "months", "year", "years"]
    static let relativeUnitsVi: Set<String> = ["giay", "phut", "gio", "ngay", "tuan", "thang", "nam"]

    /// A short line that is a date and/or time: `Thứ Hai, 12/04/2021 10:30 (GMT+7)`,
    /// `Ngày đăng: 12-04-2021`, `April 12, 2021 10:30 AM`, `2021-04-12T10:30`.
    static func date(_ line: String, folded: String) -> String? {
        guard !longer(line, than: 90), hasNumber(folded) else { return nil }
        if isRelativeDate(folded: folded) { return line }
        let hasNumericDate = folded.utf8.contains { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
            && integers(in: folded).count >= 2
        // Only asked when the numbers alone do not make a date: looking for every word is the
        // costly part.
        let hasMonthName = !hasNumericDate && longDateWords.contains { has(folded, $0) }
            && integers(in: folded).contains { $0 > 1900 }
        guard hasNumericDate || hasMonthName else { return nil }
        var letters = 0
        for token in folded.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "+") }) {
            if hasNumber(token) { continue }
            if !dateWords.contains(String(token)) { letters += token.count }
        }
        guard letters == 0, integers(in: folded).contains(where: { $0 >= 1900 && $0 <= 2200 }) || folded.utf8.contains(UInt8(ascii: ":")) else {
            return nil
        }
        // Strip a leading label ("Ngày đăng:", "Published:").
        if let colon = line.firstIndex(of: ":"), !hasNumber(line[..<colon]) {
            return line[line.index(after: colon)...].trimmingSpaces()
        }
        return line
    }
}
