/// Markdown's further paragraphs of a list item (or of a footnote): after a blank line, a
/// paragraph indented at least as far as the item's text starts belongs to the item before it,
/// and is set under that text. Both the whole-file parser and the scan of a large file keep
/// this context, block by block, and decide alike.
///
/// An article whose paragraphs are all indented (plain text often starts each with a tab)
/// would otherwise put every paragraph after a list into its last item: a paragraph indented
/// no further than the last paragraph of prose outside any list belongs to none.
struct ItemContext: Equatable, Sendable {
    /// Whether the last block was an item or one of its further paragraphs.
    var inList = false
    /// How far a further paragraph must be indented: the column where the item's text starts
    /// in the file (CommonMark's rule), from 2 (`- `) to 4 (a footnote's `[^1]: ` asks no more).
    var required = 2
    /// The indent of the first line of the last paragraph of prose outside any list.
    var proseIndent = 0
    /// The columns the last item's nesting and marker take as shown, which its further
    /// paragraphs are set in by; nil when that item showed nothing. Kept by the whole-file
    /// parser (the scan of a large file decodes the item instead).
    var shownColumns: Int?

    /// An item starts, its text at `textColumn` in the file.
    mutating func item(textColumn: Int) {
        inList = true
        required = min(4, max(2, textColumn))
        shownColumns = nil
    }

    /// A paragraph of prose starts, its first line indented by `indent`: whether it is a further
    /// paragraph of the item before it. If not, it ends the list.
    mutating func paragraphStarts(indent: Int) -> Bool {
        if inList, indent >= required, indent > proseIndent { return true }
        inList = false
        proseIndent = indent
        return false
    }

    /// Any other block (a heading, a caption, a quote, code, a definition) ends the list.
    mutating func otherBlock() {
        inList = false
    }
}
