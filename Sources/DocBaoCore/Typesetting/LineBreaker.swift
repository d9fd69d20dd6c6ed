/// One line of a wrapped paragraph: a range of UTF-8 offsets into the paragraph text (without
/// the spaces at the break), its display width, and the columns it is indented by (a
/// turnover's indent: a list item's later lines, a long line of verse; not part of `width`).
public struct WrappedLine: Equatable, Sendable {
    public var start: Int
    public var end: Int
    public var width: Int
    public var indent: Int

    public init(start: Int, end: Int, width: Int, indent: Int = 0) {
        self.start = start
        self.end = end
        self.width = width
        self.indent = indent
    }
}

/// Greedy line breaking by display width.
///
/// Breaks at spaces (which are dropped at the break) — but not before closing punctuation, a
/// dash spaced on both sides (`Dũng -` / `Phó`) or a number that would read as a list's
/// marker at a line's start (`thứ` / `4. Đồng chí`) — after a hyphen or dash inside a word
/// (`45-CT/TW` → `45-` / `CT/TW`; not before a digit: `2021-2025`, `12/4/2021`), and between
/// wide (CJK) characters; in a web address (`https://…`, `www.…`) only after a slash, so that
/// a break never looks like a hyphen of the text's; always at a line end (`\n`: the kept lines of verse), which is
/// dropped too, and at a zero-width space. A no-break space (`12 tháng`,
/// `ông Nguyễn` written with U+00A0, `&nbsp;`) holds its neighbours together, unless a line
/// has no other place to break: pages that put `&nbsp;` between all their words must still
/// wrap between words. A word longer than the measure is broken between grapheme clusters.
/// No line is wider than the measure, except a single cluster that is itself wider (a wide
/// character in a one-column measure).
public enum LineBreaker {
    static let hyphens: ScalarSet = ["-", "‐", "–", "—", "/"]
    /// Characters that must not start a line (closing punctuation, CJK full stops).
    static let noBreakBefore: ScalarSet = [
        "、", "。", "，", "．", "！", "？", "：", "；", "」", "』", "）", "】", "〉", "》", ",", ".", "!", "?", ":", ";", ")", "]", "…", "”", "’",
    ]
    /// Closing punctuation that stays with the word before it even across a space (`thế nữa !`,
    /// `7,5 %`, `( ước tính )`), and the signs of units that follow a number (`30 °C`, as SI
    /// writes it): the space before one is a place to break only where a line has no other, as
    /// a no-break space is. (A quote or an ellipsis after a space may start a line.)
    static let holdsAfterSpace: ScalarSet = [
        "、", "。", "，", "．", "！", "？", "：", "；", "」", "』", "）", "】", "〉", "》", ",", ".", "!", "?", ":", ";", ")", "]", "%", "‰",
        "°", "℃", "℉",
    ]
    /// The degree sign: the one scalar below U+2000 in a set of the breaker's.
    static let degree: UInt32 = 0xB0
    /// Characters that must not end a line (opening brackets and quotes).
    static let noBreakAfter: ScalarSet = ["「", "『", "（", "【", "〈", "《", "(", "[", "“", "‘"]

    /// No-break spaces: U+00A0, the figure space and the narrow no-break space.
    static func isNoBreakSpace(_ v: UInt32) -> Bool { v == 0xA0 || v == 0x2007 || v == 0x202F }

    /// The lines of `text` wrapped to `measure` columns, as strings without spaces at either
    /// end (for short interface text: the help, notices); at least one line.
    public static func wrappedLines(_ text: String, measure: Int) -> [String] {
        guard DisplayWidth.of(text) > measure else { return [text] }
        let utf8 = Array(text.utf8)
        let lines = wrap(text, measure: measure).map {
            String(decoding: utf8[$0.start..<$0.end], as: UTF8.self).trimmingSpaces()
        }
        return lines.isEmpty ? [""] : lines
    }

    /// `turnoverIndent`: the columns by which a line that carries on the one before it (not
    /// the first, nor one after a line end) is indented — and so that much narrower: a list
    /// item's text under its marker, a long line of verse set in from the next.
    /// `firstIndent`: the same for the first line (a nested list item's, set in under its
    /// parent). `keepsSpaces`: preformatted text (code, a table) — the spaces that start each
    /// line of the text are its indent, kept (and its turnovers are set in that far plus
    /// `turnoverIndent`), and an empty line is a line too. `indentsAfterLineEnd`: a line after
    /// a line end is indented as a turnover is (a hard line break in a list item goes on under
    /// the item's text, where verse starts each of its lines at the margin).
    public static func wrap(_ text: String, measure: Int, firstIndent: Int = 0, turnoverIndent: Int = 0,
                            keepsSpaces: Bool = false, indentsAfterLineEnd: Bool = false) -> [WrappedLine] {
        var utf8 = text
        if let lines = utf8.withUTF8({ bytes -> [WrappedLine]? in
            var clusters = SimpleScalars(bytes)
            let lines = wrap(clusters: &clusters, measure: measure, firstIndent: firstIndent, turnoverIndent: turnoverIndent,
                             keepsSpaces: keepsSpaces, indentsAfterLineEnd: indentsAfterLineEnd)
            return clusters.failed ? nil : lines
        }) {
            return lines
        }
        var clusters = CharacterClusters(text.makeIterator())
        return wrap(clusters: &clusters, measure: measure, firstIndent: firstIndent, turnoverIndent: turnoverIndent,
                    keepsSpaces: keepsSpaces, indentsAfterLineEnd: indentsAfterLineEnd)
    }

    /// What the breaker needs to know of one grapheme cluster. The facts are bits of one word:
    /// the breaker keeps the cluster before as well, and as flags of their own they cost it
    /// some 40 instructions a cluster to take apart and put back together.
    struct Cluster {
        var length: Int  // UTF-8 bytes
        var width: Int
        private var flags: UInt16 = 0

        init(length: Int, width: Int, isSpace: Bool, isHyphen: Bool, noBreakBefore: Bool, noBreakAfter: Bool,
             isLineEnd: Bool = false, isNoBreakSpace: Bool = false, holdsAfterSpace: Bool = false, isDigit: Bool = false,
             isSlash: Bool = false) {
            self.length = length
            self.width = width
            (self.isSpace, self.isHyphen, self.noBreakBefore, self.noBreakAfter) = (isSpace, isHyphen, noBreakBefore, noBreakAfter)
            (self.isLineEnd, self.isNoBreakSpace, self.holdsAfterSpace) = (isLineEnd, isNoBreakSpace, holdsAfterSpace)
            self.isDigit = isDigit
            self.isSlash = isSlash
        }

        private func has(_ bit: UInt16) -> Bool { flags & bit != 0 }
        private mutating func set(_ bit: UInt16, _ on: Bool) { flags = on ? flags | bit : flags & ~bit }

        var isSpace: Bool { get { has(1) } set { set(1, newValue) } }
        var isHyphen: Bool { get { has(2) } set { set(2, newValue) } }
        var noBreakBefore: Bool { get { has(4) } set { set(4, newValue) } }
        var noBreakAfter: Bool { get { has(8) } set { set(8, newValue) } }
        /// A line end: the line must end here.
        var isLineEnd: Bool { get { has(16) } set { set(16, newValue) } }
        /// A no-break space: a place to break only where a line has no other.
        var isNoBreakSpace: Bool { get { has(32) } set { set(32, newValue) } }
        /// Closing punctuation that holds to the word before it across a space.
        var holdsAfterSpace: Bool { get { has(64) } set { set(64, newValue) } }
        /// An ASCII digit: a hyphen or slash before one is no place to break (`2021-2025`,
        /// `12/4/2021`, `covid-19`), as in Unicode's line breaking (HY × NU, SY × NU).
        var isDigit: Bool { get { has(128) } set { set(128, newValue) } }
        /// `/`: in a web address, the one place to break (and it is a hyphen, too).
        var isSlash: Bool { get { has(256) } set { set(256, newValue) } }

        /// One column, and no place to break before or after it for its own sake (a letter or
        /// a digit): between two such there is none.
        var isPlain: Bool { width == 1 && flags & ~128 == 0 }
    }

    /// Clusters to break, of which a source may hand over a run of letters at once.
    protocol Clusters: IteratorProtocol<Cluster> {
        /// Takes up to `columns` clusters that come next if each is plain (`Cluster.isPlain`),
        /// and says how many it took and their bytes; a source that cannot tell cheaply takes
        /// none (the breaker then steps through them one by one).
        mutating func takePlain(upTo columns: Int) -> (count: Int, bytes: Int)
        /// Whether, after the digit just handed over, what comes next would finish a numbered
        /// list's marker: at most `maxMarkerDigits - 1` more ASCII digits, `.` or `)`, then a
        /// space (a no-break one too), a line end or the end of the text. Reads ahead without
        /// taking anything.
        func endsListMarkerAhead() -> Bool
        /// Whether the cluster just handed over, `length` bytes long, and those after it start
        /// a web address (`WebAddress.starts`). Reads ahead without taking anything.
        func startsWebAddressAhead(length: Int) -> Bool
    }

    /// CommonMark's limit on the digits of an ordered list's marker: a longer number does
    /// not read as one.
    static let maxMarkerDigits = 9

    /// The greedy breaker over any sequence of clusters.
    static func wrap<Source: Clusters>(clusters: inout Source, measure full: Int,
                                       firstIndent: Int = 0, turnoverIndent: Int = 0,
                                       keepsSpaces: Bool = false,
                                       indentsAfterLineEnd: Bool = false) -> [WrappedLine] {
        let full = max(1, full)
        var indent = min(max(0, turnoverIndent), full - 1)
        var measure = full - min(max(0, firstIndent), full - 1)  // of the line being filled
        // `keepsSpaces`: whether no character of the text's current line has come yet, and
        // the columns of space before it so far.
        var atLineHead = true
        var headSpaces = 0
        var lines: [WrappedLine] = []
        var lineStart = -1        // offset of the line's first character, -1 while empty
        var lineWidth = 0         // width from lineStart through the last character added
        var contentEnd = 0        // offset after the last non-space character of the line
        var contentWidth = 0      // width up to contentEnd
        var spaceRun = 0          // width of the spaces after contentEnd on the line
        // A place the line may end: end offset, width there, next line's start, width there.
        var breakEnd = -1, breakWidth = 0, breakNext = 0, breakNextWidth = 0
        // The same at the last no-break space: taken only where the line has no other place.
        var spareEnd = -1, spareWidth = 0, spareNext = 0, spareNextWidth = 0
        var prev: Cluster? = nil
        var prevWide = false
        // The cluster after a dash that follows a space, read ahead to see whether the dash is
        // spaced on both sides.
        // (Not an optional: the loop's head then costs a tenth more in `dump`.)
        var peeked = Cluster(length: 0, width: 0, isSpace: false, isHyphen: false, noBreakBefore: false, noBreakAfter: false)
        var hasPeeked = false
        // Inside a word that is a web address: it breaks only after its slashes.
        var inWebAddress = false

        func emit(end: Int, width: Int) {
            if lineStart >= 0, end > lineStart {
                // A turnover that had to take a word wider than its own measure (carried over
                // whole from the line before) gives up as much of its indent as it must.
                let indent = min(full - measure, max(0, full - width))
                lines.append(WrappedLine(start: lineStart, end: end, width: width, indent: indent))
            }
        }
        /// After a break for width, the next line is a turnover.
        func turnOver() { measure = full - indent }

        var nextOffset = 0
        while true {
            let c: Cluster
            if hasPeeked {
                c = peeked
                hasPeeked = false
            } else if let next = clusters.next() {
                c = next
            } else {
                break
            }
            let offset = nextOffset
            nextOffset += c.length

            if c.isLineEnd {
                if keepsSpaces && lineStart < 0 {
                    lines.append(WrappedLine(start: offset, end: offset, width: 0))  // an empty line
                }
                emit(end: contentEnd, width: contentWidth)
                if keepsSpaces {
                    atLineHead = true
                    headSpaces = 0
                }
                measure = indentsAfterLineEnd ? full - indent : full
                lineStart = -1
                lineWidth = 0
                spaceRun = 0
                breakEnd = -1
                spareEnd = -1
                prev = nil
                prevWide = false
                inWebAddress = false
                continue
            }
            if c.isSpace {
                inWebAddress = false
                if lineStart >= 0 {
                    lineWidth += c.width
                    spaceRun += c.width
                }
                if keepsSpaces && atLineHead { headSpaces += max(1, c.width) }
                prev = c
                prevWide = false
                continue
            }
            let w = c.width
            if prev == nil || prev!.isSpace || prev!.isNoBreakSpace {
                inWebAddress = clusters.startsWebAddressAhead(length: c.length)
            }
            if keepsSpaces && atLineHead {
                // The line's own indent: its first row is set in that far, its turnovers
                // further by the turnover indent.
                atLineHead = false
                let kept = min(headSpaces, full - 1)
                measure = full - kept
                indent = min(kept + max(0, turnoverIndent), full - 1)
            }
            if lineStart < 0 {
                lineStart = offset
                lineWidth = 0
            } else if let p = prev {
                // Record a break opportunity before this character.
                if p.isSpace {
                    // A dash with a space on both sides (`Dũng - Phó Bí thư`, `2021 – 2025`) holds
                    // to the word before it as closing punctuation does: a line that started with
                    // it would read as a list item. One tied to the next word (`-&nbsp;Phó`) or
                    // starting it (`-5`) may start a line.
                    var holds = c.holdsAfterSpace
                    // So does a number ended by `.` or `)` and a space (`lần thứ 4. Đồng chí`):
                    // at a line's start it would read as a numbered list's marker.
                    if c.isDigit && clusters.endsListMarkerAhead() { holds = true }
                    if c.isHyphen {
                        if let next = clusters.next() {
                            (peeked, hasPeeked) = (next, true)
                            holds = next.isSpace
                        } else {
                            holds = true
                        }
                    }
                    if holds {
                        spareEnd = contentEnd; spareWidth = contentWidth
                        spareNext = offset; spareNextWidth = lineWidth
                    } else {
                        breakEnd = contentEnd; breakWidth = contentWidth
                        breakNext = offset; breakNextWidth = lineWidth
                    }
                } else if (prevWide || w == 2) && !c.noBreakBefore && !p.noBreakAfter && !c.isNoBreakSpace {
                    breakEnd = offset; breakWidth = lineWidth
                    breakNext = offset; breakNextWidth = lineWidth
                } else if inWebAddress {
                    // After a slash, not between two (`https:/` / `/`).
                    if p.isSlash && !c.isSlash && !c.noBreakBefore && !c.isNoBreakSpace {
                        breakEnd = offset; breakWidth = lineWidth
                        breakNext = offset; breakNextWidth = lineWidth
                    }
                } else if p.isHyphen && !c.noBreakBefore && !c.isNoBreakSpace && !c.isDigit {  // `-&nbsp;Phó` holds
                    breakEnd = offset; breakWidth = lineWidth
                    breakNext = offset; breakNextWidth = lineWidth
                } else if p.isNoBreakSpace && !c.noBreakBefore {
                    spareEnd = offset - p.length; spareWidth = lineWidth - p.width
                    spareNext = offset; spareNextWidth = lineWidth
                }
            }
            if lineWidth + w > measure && contentEnd > lineStart {
                if breakEnd > lineStart {
                    emit(end: breakEnd, width: breakWidth)
                    lineStart = breakNext
                    lineWidth -= breakNextWidth
                    // A no-break space after the break is still a spare place on the next line.
                    if spareEnd >= lineStart {
                        spareWidth -= breakNextWidth
                        spareNextWidth -= breakNextWidth
                    } else {
                        spareEnd = -1
                    }
                } else if spareEnd > lineStart {
                    emit(end: spareEnd, width: spareWidth)
                    lineStart = spareNext
                    lineWidth -= spareNextWidth
                    spareEnd = -1
                } else {
                    // No opportunity: break the word between clusters.
                    emit(end: contentEnd, width: contentWidth)
                    lineStart = offset
                    lineWidth = 0
                    spareEnd = -1
                }
                turnOver()
                breakEnd = -1
                // The part carried over ends before any spaces that came before this character
                // (a space before closing punctuation, which is no break).
                if lineStart < offset && spaceRun > 0 {
                    contentWidth = lineWidth - spaceRun
                } else {
                    contentEnd = max(lineStart, offset); contentWidth = lineWidth
                }
                // Rare (a wide character that may not start a line after a carried-over
                // part, or a carried-over part wider than a turnover's measure): the carried
                // part becomes a line of its own.
                if lineWidth + w > measure && lineWidth > 0 {
                    emit(end: contentEnd, width: contentWidth)
                    lineStart = offset
                    lineWidth = 0
                    contentEnd = lineStart
                }
            }
            lineWidth += w
            contentEnd = nextOffset
            contentWidth = lineWidth
            spaceRun = 0
            prev = c
            prevWide = w == 2
            // After a letter, the letters that follow hold to it and to each other: as many as
            // fit the line are taken in one step (most of a word).
            if c.isPlain && lineWidth < measure {
                let (count, bytes) = clusters.takePlain(upTo: measure - lineWidth)
                nextOffset += bytes
                lineWidth += count
                contentEnd = nextOffset
                contentWidth = lineWidth
            }
        }
        emit(end: contentEnd, width: contentWidth)
        return lines
    }

    /// Clusters from `Character`s: right for any text, and slow (grapheme breaking).
    struct CharacterClusters: Clusters {
        var characters: String.Iterator
        /// The cluster handed over last, for the look for a web address.
        var last: Character?

        init(_ characters: String.Iterator) { self.characters = characters }

        mutating func next() -> Cluster? {
            guard let c = characters.next() else { return nil }
            last = c
            let noBreakSpace = c.unicodeScalars.count == 1 && isNoBreakSpace(c.unicodeScalars.first!.value)
            // A zero-width space (U+200B) is a place to break, as a space is, that takes no room.
            let isSpace = c.isWhitespace && !noBreakSpace || c == "\u{200B}"
            return Cluster(length: c.utf8.count, width: DisplayWidth.of(c), isSpace: isSpace,
                           isHyphen: hyphens.contains(c), noBreakBefore: noBreakBefore.contains(c),
                           noBreakAfter: noBreakAfter.contains(c), isLineEnd: c == "\n", isNoBreakSpace: noBreakSpace,
                           holdsAfterSpace: holdsAfterSpace.contains(c),
                           isDigit: c.unicodeScalars.count == 1 && (0x30...0x39).contains(c.unicodeScalars.first!.value),
                           isSlash: c == "/")
        }

        func takePlain(upTo columns: Int) -> (count: Int, bytes: Int) { (0, 0) }

        func startsWebAddressAhead(length: Int) -> Bool {
            guard let last, let first = last.utf8.first, WebAddress.mayStart(with: first) else { return false }
            var bytes = Array(last.utf8)
            var ahead = characters
            while bytes.count < WebAddress.longestStart, let c = ahead.next() { bytes += Array(c.utf8) }
            return WebAddress.starts(bytes[...])
        }

        func endsListMarkerAhead() -> Bool {
            var ahead = characters
            var digits = 1
            while let c = ahead.next() {
                if c.isASCII && c.isWholeNumber {
                    digits += 1
                    guard digits <= maxMarkerDigits else { return false }
                    continue
                }
                guard c == "." || c == ")" else { return false }
                guard let after = ahead.next() else { return true }
                // Any space, a no-break one too (`4.&nbsp;Đồng` reads as `4. Đồng`); not a
                // zero-width one, which shows as nothing.
                return after.isWhitespace
            }
            return false
        }
    }

    /// Clusters straight from UTF-8, for text in which every scalar is a cluster of its own
    /// (Vietnamese in NFC, most Latin, Greek, Cyrillic and CJK text): no grapheme breaking, no
    /// `Character` hashing. At the first scalar that could join a neighbour it stops and sets
    /// `failed`, and the text goes the `Character` way instead.
    struct SimpleScalars: Clusters {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        private(set) var failed = false
        /// `Self.ascii`, fetched once: a static is reached through a once-check at each use.
        private let asciiClusters = Self.ascii

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        /// Whether all of `bytes` can go this way.
        static func accepts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var clusters = SimpleScalars(bytes)
            while clusters.next() != nil {}
            return !clusters.failed
        }

        mutating func next() -> Cluster? {
            guard i < bytes.count, !failed else { return nil }
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0A {
                    i += 1
                    return Self.lineEnd
                }
                guard b >= 0x20 && b != 0x7F else {
                    failed = true
                    return nil
                }
                i += 1
                return asciiClusters[Int(b)]
            }
            let (v, n) = ByteLines.decodeScalar(bytes, at: i)
            guard Self.standsAlone(v) else {
                failed = true
                return nil
            }
            i += n
            let noBreakSpace = isNoBreakSpace(v)
            let isSpace = !noBreakSpace && ((v >= 0x2000 && v <= 0x200A) || v == 0x205F || v == 0x3000)
            // Below U+2000 the accepted scalars are all of width 1, and in no set but the
            // degree sign.
            let width = v < 0x2000 ? 1 : DisplayWidth.of(Unicode.Scalar(v)!)
            var cluster = Cluster(length: n, width: width, isSpace: isSpace,
                                  isHyphen: false, noBreakBefore: false, noBreakAfter: false, isNoBreakSpace: noBreakSpace)
            // Only punctuation from U+2000 up, and the degree sign, can be in the sets: letters
            // skip the look-up.
            if v == LineBreaker.degree {
                cluster.holdsAfterSpace = true
            } else if v >= 0x2000 && !isSpace {
                cluster.isHyphen = hyphens.contains(scalar: v)
                cluster.noBreakBefore = noBreakBefore.contains(scalar: v)
                cluster.noBreakAfter = noBreakAfter.contains(scalar: v)
                cluster.holdsAfterSpace = holdsAfterSpace.contains(scalar: v)
            }
            return cluster
        }

        /// ASCII letters and digits, and the scalars below U+2000 that `next` accepts but the
        /// no-break space and the degree sign: each of them is plain (`next` makes them one
        /// column, in no set).
        mutating func takePlain(upTo columns: Int) -> (count: Int, bytes: Int) {
            var j = i, count = 0
            while count < columns && j < bytes.count {
                let b = bytes[j]
                if b < 0x80 {
                    guard (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 else { break }
                    j += 1
                } else if b >= 0xC3 && b <= 0xCB && j + 1 < bytes.count {  // U+00C0–U+02FF (à, ơ, ư, đ), unread
                    j += 2
                } else if ByteLines.startsLatinExtendedAdditional(bytes, at: j) {
                    j += 3
                } else {
                    let (v, n) = ByteLines.decodeScalar(bytes, at: j)
                    guard v < 0x2000 && v != 0xA0 && v != LineBreaker.degree && Self.standsAlone(v) else { break }
                    j += n
                }
                count += 1
            }
            defer { i = j }
            return (count, j - i)
        }

        func startsWebAddressAhead(length: Int) -> Bool {
            let start = i - length
            guard WebAddress.mayStart(with: bytes[start]) else { return false }
            return WebAddress.starts(bytes[start..<min(bytes.count, start + WebAddress.longestStart)])
        }

        func endsListMarkerAhead() -> Bool {
            var j = i, digits = 1
            while j < bytes.count && bytes[j] &- 0x30 < 10 {
                digits += 1
                guard digits <= maxMarkerDigits else { return false }
                j += 1
            }
            guard j < bytes.count && (bytes[j] == 0x2E || bytes[j] == 0x29) else { return false }
            // What follows, as `next` would hand it over: the end, or a space of any kind.
            var after = self
            after.i = j + 1
            guard let cluster = after.next() else { return !after.failed }
            return cluster.isSpace || cluster.isNoBreakSpace
        }

        static let lineEnd = Cluster(length: 1, width: 0, isSpace: true, isHyphen: false, noBreakBefore: false,
                                     noBreakAfter: false, isLineEnd: true)

        /// The clusters of the ASCII characters, made from scalar tests: `Character`'s (white
        /// space, set membership) cost 0.2 M instructions before the first screen. The test of
        /// this fast path compares them with `CharacterClusters`.
        static let ascii: [Cluster] = (0..<128).map { v in
            let s = UInt32(v)
            return Cluster(length: 1, width: DisplayWidth.of(Unicode.Scalar(UInt8(v))), isSpace: LineShapes.isWhiteSpace(value: s),
                           isHyphen: hyphens.contains(scalar: s), noBreakBefore: noBreakBefore.contains(scalar: s),
                           noBreakAfter: noBreakAfter.contains(scalar: s), holdsAfterSpace: holdsAfterSpace.contains(scalar: s),
                           isDigit: (0x30...0x39).contains(s), isSlash: s == 0x2F)
        }

        /// Scalars that never join a neighbour into one grapheme cluster: no combining marks,
        /// joiners, format characters, jamo, regional indicators or emoji.
        static func standsAlone(_ v: UInt32) -> Bool {
            switch v {
            case 0xA0...0x2FF, 0x370...0x3FF, 0x400...0x482, 0x48A...0x52F: return v != 0xAD
            case 0x1E00...0x1EFF: return true                     // Latin Extended Additional: Vietnamese
            case 0x2000...0x200A, 0x2010...0x2027, 0x2030...0x205F: return true
            case 0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096, 0x30A0...0x30FF: return true
            case 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF60: return true
            default: return false
            }
        }
    }
}

extension String {
    /// The text between two UTF-8 offsets (which must fall on character boundaries).
    public func utf8Slice(_ start: Int, _ end: Int) -> Substring {
        let u = utf8
        let s = u.index(u.startIndex, offsetBy: start)
        let e = u.index(s, offsetBy: end - start)
        return self[s..<e]
    }
}
