/// The marker that opens a list item at the start of a line: a bullet (`- `, `• `, `* `, `+ `,
/// `– `, `— `, `◦ `, `▪ `, `‣ `), a number of up to three digits (`1. `, `12) `) or a lower-case
/// letter (`a) `, `đ) `, as Vietnamese documents number their points). A marker needs a space
/// after it and text after that: `-5 độ`, `1.5 triệu` and a lone `•` are not items.
///
/// A Markdown footnote's definition, `[^label]: `, opens an item of its own kind (see
/// `Footnotes`).
///
/// Works on bytes, so that the scan of a large file (which sees raw lines, tabs and all) and the
/// parsers (which see decoded, trimmed lines) answer alike.
public struct ListMarker: Equatable, Sendable {
    public enum Kind: Sendable { case bullet, number, letter, note }

    public var kind: Kind
    /// Whether it can start a list where a paragraph is running: any bullet, `1` or `a`. A line
    /// of hard-wrapped prose may begin `2024. ` or `3) `; it may not begin a list with them.
    public var opensList: Bool
    /// UTF-8 bytes from the start of the line through the spaces after the marker: where the
    /// item's own text starts.
    public var length: Int

    /// Numbered or lettered: a list of bullets next to one of numbers are two lists (with a gap
    /// between them), where numbers and letters often mix in one (`1.`, `a)`, `b)`, `2.`).
    public var isOrdered: Bool { kind == .number || kind == .letter }

    /// The lists an item can be one of: items of one kind follow each other closely, and two
    /// lists of different kinds are set apart.
    public var family: Int {
        switch kind {
        case .bullet: return 0
        case .number, .letter: return 1
        case .note: return 2
        }
    }

    /// The bullets, as UTF-8.
    static let bullets: [[UInt8]] = ["-", "*", "+", "•", "–", "—", "◦", "▪", "‣"].map { Array($0.utf8) }

    /// The marker at the start of `line` (spaces before it allowed), if any.
    public static func of(_ line: some StringProtocol) -> ListMarker? {
        // Most lines start with a capital or a letter outside ASCII: ruled out on the first byte.
        guard let first = line.utf8.first, mayStart(first) else { return nil }
        var text = String(line)
        return text.withUTF8 { at($0, 0..<$0.count) }
    }

    /// The marker at the start of an item's text as shown: a footnote's is `[label] ` there
    /// (see `Footnotes`), every other as written.
    public static func ofItem(_ text: String) -> ListMarker? {
        of(text) ?? Footnotes.shownMarker(text)
    }

    /// The marker at the start of the line `range` of `bytes`, if any.
    static func at(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> ListMarker? {
        var i = range.lowerBound
        let end = range.upperBound
        i = ByteLines.skipSpacesAndTabs(bytes, from: i, end: end)
        guard i < end else { return nil }
        let kind: Kind, opens: Bool
        if bytes[i] == UInt8(ascii: "["), let label = Footnotes.label(bytes, at: i, end: end),
            label.upperBound + 1 < end, bytes[label.upperBound + 1] == UInt8(ascii: ":")
        {
            // `[^label]:`, which may stand anywhere, as a link definition may.
            kind = .note
            opens = true
            i = label.upperBound + 2
        } else if let bullet = bullets.first(where: { matches(bytes, at: i, end: end, $0) }) {
            kind = .bullet
            opens = true
            i += bullet.count
        } else if isDigit(bytes[i]) {
            var value = 0, digits = 0
            while i < end, isDigit(bytes[i]), digits < 4 {
                value = value * 10 + Int(bytes[i] - 0x30)
                digits += 1
                i += 1
            }
            guard digits <= 3, i < end, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ")") else { return nil }
            kind = .number
            opens = value == 1
            i += 1
        } else {
            let letter: Int
            if bytes[i] >= UInt8(ascii: "a") && bytes[i] <= UInt8(ascii: "z") {
                letter = 1
            } else if matches(bytes, at: i, end: end, [0xC4, 0x91]) {  // đ
                letter = 2
            } else {
                return nil
            }
            guard i + letter < end, bytes[i + letter] == UInt8(ascii: ")") else { return nil }
            kind = .letter
            opens = bytes[i] == UInt8(ascii: "a")
            i += letter + 1
        }
        let text = ByteLines.skipSpacesAndTabs(bytes, from: i, end: end)
        // At least one space after the marker, and something other than spaces after that,
        // which is not a scene break (`* * *`, `- - -`).
        guard text > i, text < end, bytes[text] != 0x0D,
            kind != .bullet || !bytes[text..<end].allSatisfy({ breakBytes.contains($0) })
        else { return nil }
        return ListMarker(kind: kind, opensList: opens, length: text - range.lowerBound)
    }

    /// What a scene break or rule is drawn with (`* * *`, `- - -`, `_ _ _`), line end included.
    private static let breakBytes: Set<UInt8> = [0x2A, 0x2D, 0x5F, 0x20, 0x09, 0x0D]

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int, _ encoding: [UInt8]) -> Bool {
        guard i + encoding.count <= end else { return false }
        for k in 0..<encoding.count where bytes[i + k] != encoding[k] { return false }
        return true
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Whether a line starting with this byte may start with a marker (or a space before one):
    /// rules out most lines without copying them.
    private static func mayStart(_ b: UInt8) -> Bool {
        if b >= 0x80 { return b == 0xC2 || b == 0xC4 || b == 0xE2 || b == 0xE3 }  // spaces, đ, bullets
        return isDigit(b) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || b == 0x2D || b == 0x2A || b == 0x2B
            || b == 0x20 || b == 0x09 || b == 0x5B
    }
}
