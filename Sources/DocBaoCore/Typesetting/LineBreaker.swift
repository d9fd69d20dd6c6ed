/// One line of a wrapped paragraph: a range of UTF-8 offsets into the paragraph text (without
/// the spaces at the break) and its display width.
public struct WrappedLine: Equatable, Sendable {
    public var start: Int
    public var end: Int
    public var width: Int

    public init(start: Int, end: Int, width: Int) {
        self.start = start
        self.end = end
        self.width = width
    }
}

/// Greedy line breaking by display width.
///
/// Breaks at spaces (which are dropped at the break), after a hyphen or dash inside a word
/// (`45-CT/TW` → `45-` / `CT/TW`), and between wide (CJK) characters. A word longer than the
/// measure is broken between grapheme clusters. No line is wider than the measure, except a
/// single cluster that is itself wider (a wide character in a one-column measure).
public enum LineBreaker {
    static let hyphens: Set<Character> = ["-", "‐", "–", "—", "/"]
    /// Characters that must not start a line (closing punctuation, CJK full stops).
    static let noBreakBefore: Set<Character> = [
        "、", "。", "，", "．", "！", "？", "：", "；", "」", "』", "）", "】", "〉", "》", ",", ".", "!", "?", ":", ";", ")", "]", "…", "”", "’",
    ]
    /// Characters that must not end a line (opening brackets and quotes).
    static let noBreakAfter: Set<Character> = ["「", "『", "（", "【", "〈", "《", "(", "[", "“", "‘"]

    public static func wrap(_ text: String, measure: Int) -> [WrappedLine] {
        let measure = max(1, measure)
        var lines: [WrappedLine] = []
        var lineStart = -1        // offset of the line's first character, -1 while empty
        var lineWidth = 0         // width from lineStart through the last character added
        var contentEnd = 0        // offset after the last non-space character of the line
        var contentWidth = 0      // width up to contentEnd
        // A place the line may end: end offset, width there, next line's start, width there.
        var breakEnd = -1, breakWidth = 0, breakNext = 0, breakNextWidth = 0
        var prev: Character? = nil
        var prevWide = false

        func emit(end: Int, width: Int) {
            if lineStart >= 0, end > lineStart { lines.append(WrappedLine(start: lineStart, end: end, width: width)) }
        }

        var nextOffset = 0
        for c in text {
            let offset = nextOffset
            nextOffset += c.utf8.count

            if c.isWhitespace {
                if lineStart >= 0 { lineWidth += DisplayWidth.of(c) }
                prev = c
                prevWide = false
                continue
            }
            let w = DisplayWidth.of(c)
            if lineStart < 0 {
                lineStart = offset
                lineWidth = 0
            } else if let p = prev {
                // Record a break opportunity before this character.
                if p.isWhitespace {
                    breakEnd = contentEnd; breakWidth = contentWidth
                    breakNext = offset; breakNextWidth = lineWidth
                } else if (prevWide || w == 2) && !noBreakBefore.contains(c) && !noBreakAfter.contains(p) {
                    breakEnd = offset; breakWidth = lineWidth
                    breakNext = offset; breakNextWidth = lineWidth
                } else if hyphens.contains(p) && !noBreakBefore.contains(c) {
                    breakEnd = offset; breakWidth = lineWidth
                    breakNext = offset; breakNextWidth = lineWidth
                }
            }
            if lineWidth + w > measure && contentEnd > lineStart {
                if breakEnd > lineStart {
                    emit(end: breakEnd, width: breakWidth)
                    lineStart = breakNext
                    lineWidth -= breakNextWidth
                } else {
                    // No opportunity: break the word between clusters.
                    emit(end: contentEnd, width: contentWidth)
                    lineStart = offset
                    lineWidth = 0
                }
                breakEnd = -1
                contentEnd = max(lineStart, offset); contentWidth = lineWidth
                // Rare (a wide character that may not start a line after a carried-over
                // part): the carried part becomes a line of its own.
                if lineWidth + w > measure && lineWidth > 0 {
                    emit(end: offset, width: lineWidth)
                    lineStart = offset
                    lineWidth = 0
                    contentEnd = lineStart
                }
            }
            lineWidth += w
            contentEnd = nextOffset
            contentWidth = lineWidth
            prev = c
            prevWide = w == 2
        }
        emit(end: contentEnd, width: contentWidth)
        return lines
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
