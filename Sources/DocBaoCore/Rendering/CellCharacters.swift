/// How one cell's character reaches a terminal library that stores, per column, one spacing
/// character and a few zero-width ones after it (curses' `cchar_t`), and sizes it with the C
/// library's `wcwidth`.
///
/// Some clusters do not fit that: a flag is two spacing characters (regional indicators, one
/// column each to `wcwidth`), and an emoji sequence joins several. Left to the library, every
/// spacing character after the first is dropped, so a flag would show as one letter-box.
public enum CellCharacters {
    /// At most this many zero-width characters follow the spacing one.
    public static let zeroWidthLimit = 4

    /// The characters for the cell's columns in order: one column for a one-column cell, two for
    /// a wide one when its halves must be given separately (a flag: one regional indicator per
    /// column; an emoji whose base `wcwidth` counts as one column: the emoji, then a space),
    /// else one. Each entry is a spacing character and the zero-width ones kept after it: an
    /// emoji sequence keeps its first emoji with its marks and selectors, up to the next
    /// spacing character; a joiner left at the end is dropped.
    public static func columns(_ text: String) -> [[Unicode.Scalar]] {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return [] }
        if DisplayWidth.isRegionalIndicator(first.value) {
            let second = scalars.next().flatMap { DisplayWidth.isRegionalIndicator($0.value) ? $0 : nil }
            return [[first], [second ?? " "]]
        }
        var base = [first]
        while let next = scalars.next(), DisplayWidth.isZeroWidth(next), base.count <= zeroWidthLimit {
            base.append(next)
        }
        if base.count > 1, base[base.count - 1].value == 0x200D { base.removeLast() }
        // The cluster is two columns wide, but its base alone (a text-style symbol made emoji by
        // a selector, a keycap's digit) is one column to `wcwidth`: the second column is blank.
        if DisplayWidth.of(first) == 1 && DisplayWidth.of(text) == 2 {
            return [base, [" "]]
        }
        return [base]
    }
}
