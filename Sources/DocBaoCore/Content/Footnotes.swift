/// Markdown footnotes, as GitHub writes them: `[^label]` in the text refers to a note that a
/// line `[^label]: text` defines, anywhere in the article.
///
/// - The definition stays where it stands, as an item of a list of its own: `[label] text`,
///   its later lines under its text (a terminal has no foot of the page to move it to, and
///   authors put notes at the end anyway).
/// - A reference is shown as `[label]` where its label is defined, and as written where not.
///
/// A label is 1 to 32 bytes without spaces, brackets or backslashes (`1`, `ghi-chú`), matched
/// without regard to case.
enum Footnotes {
    static let longestLabel = 32

    /// The label of `[^label]` at `i` (the `[`), without its brackets and `^`: the `]` is right
    /// after the range returned.
    static func label(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Range<Int>? {
        guard i + 3 < end, bytes[i] == UInt8(ascii: "["), bytes[i + 1] == UInt8(ascii: "^"),
            let close = labelEnd(bytes, from: i + 2, end: end)
        else { return nil }
        return (i + 2)..<close
    }

    /// The `]` after a label that starts at `start`, if the bytes there make one.
    private static func labelEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int? {
        var j = start
        while j < end, j - start <= longestLabel {
            switch bytes[j] {
            case UInt8(ascii: "]"): return j > start ? j : nil
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "["), UInt8(ascii: "\\"): return nil
            default: j += 1
            }
        }
        return nil
    }

    /// The label a (trimmed) line defines a footnote for, if it is a definition.
    static func definedLabel(_ line: String) -> String? {
        guard line.utf8.first == UInt8(ascii: "["), ListMarker.of(line)?.kind == .note else { return nil }
        var line = line
        return line.withUTF8 { bytes in label(bytes, at: 0, end: bytes.count).map { String(decoding: bytes[$0], as: UTF8.self) } }
    }

    /// A definition's text as shown: `[^label]: text` becomes `[^label] text` here (the
    /// reference rule of `InlineMarkup` then shows the marker as `[label]`). `text` may start
    /// with spaces (a nested note).
    static func withoutColon(_ text: String) -> String {
        var utf8 = Array(text.utf8)
        guard let bracket = utf8.firstIndex(of: UInt8(ascii: "]")), bracket + 1 < utf8.count,
            utf8[bracket + 1] == UInt8(ascii: ":")
        else { return text }
        utf8.remove(at: bracket + 1)
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The marker of a definition as shown (`[label] `, spaces before it allowed), for the
    /// layout's hanging indent; nil for any other text.
    static func shownMarker(_ text: String) -> ListMarker? {
        let utf8 = text.utf8
        guard let first = utf8.first, first == UInt8(ascii: "[") || first == 0x20 else { return nil }
        var text = text
        return text.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i < n, bytes[i] == 0x20 { i += 1 }
            guard i < n, bytes[i] == UInt8(ascii: "["), let j = labelEnd(bytes, from: i + 1, end: n), j + 1 < n,
                bytes[j + 1] == 0x20
            else { return nil }
            var k = j + 1
            while k < n, bytes[k] == 0x20 { k += 1 }
            guard k < n, bytes[k] != 0x0A else { return nil }
            return ListMarker(kind: .note, opensList: true, length: k)
        }
    }
}
