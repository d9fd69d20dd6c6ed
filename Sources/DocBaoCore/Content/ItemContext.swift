/// Markdown's further paragraphs of a list item (or of a footnote): after a blank line, a
/// paragraph indented at least as far as an open item's text starts belongs to that item, and
/// is set under its text. Items nest, so several are open at once: a paragraph indented as far
/// as the outer item's text but not the inner one's belongs to the outer item, and closes the
/// inner list (CommonMark's rule). Both the whole-file parser and the scan of a large file
/// keep this context, block by block, and decide alike.
///
/// An article whose paragraphs are all indented (plain text often starts each with a tab)
/// would otherwise put every paragraph after a list into its last item: a paragraph indented
/// no further than the last paragraph of prose outside any list belongs to none.
struct ItemContext: Equatable, Sendable {
    /// A list item that a further paragraph may still belong to.
    struct OpenItem: Equatable, Sendable {
        /// The column of its marker in the file.
        var indent: Int
        /// How far a further paragraph must be indented: the column where the item's text starts
        /// in the file (CommonMark's rule), from 2 to 4 columns past its marker's indent (a
        /// footnote's `[^1]: ` asks no more than 4).
        var required: Int
        /// The columns the item's nesting and marker take as shown, which its further
        /// paragraphs are set in by; nil when unknown (not yet decoded, or the item showed
        /// nothing).
        var shownColumns: Int?
        /// The scan of a large file: the item's block (nil: an item of the head).
        var block: Int?
    }

    /// The open items, outermost first; empty outside a list.
    private(set) var open: [OpenItem] = []
    /// The indent of the first line of the last paragraph of prose outside any list.
    var proseIndent = 0

    /// Whether the last block was an item or one of its further paragraphs.
    var inList: Bool { !open.isEmpty }

    /// An item starts, its marker at column `indent` and its text at `textColumn` in the file;
    /// `block`: its block, in the scan of a large file. It closes the items at its indent or
    /// further in (its older siblings and their lists).
    mutating func item(indent: Int, textColumn: Int, block: Int? = nil) {
        while let last = open.last, last.indent >= indent { open.removeLast() }
        let required = min(indent + 4, max(indent + 2, textColumn))
        open.append(OpenItem(indent: indent, required: required, shownColumns: nil, block: block))
    }

    /// The whole-file parser has set the item that started last: its marker takes `columns`
    /// as shown.
    mutating func itemShown(columns: Int?) {
        guard !open.isEmpty else { return }
        open[open.count - 1].shownColumns = columns
    }

    /// A paragraph of prose starts, its first line indented by `indent`: the item it is a
    /// further paragraph of, which closes the items inside that one; nil if none, and then it
    /// ends the list.
    mutating func paragraphStarts(indent: Int) -> OpenItem? {
        if let owner = innerBlockStarts(indent: indent) { return owner }
        proseIndent = indent
        return nil
    }

    /// A quote, a photo caption or code starts, its first line indented by `indent`: the item
    /// it stands inside, on the terms of a further paragraph (which it closes the items inside
    /// of); nil if none, and then it ends the list. Inside an item it leaves the list open, so
    /// that the item's next paragraph still belongs to it.
    mutating func innerBlockStarts(indent: Int) -> OpenItem? {
        if indent > proseIndent, let owner = open.lastIndex(where: { $0.required <= indent }) {
            open.removeSubrange((owner + 1)...)
            return open[owner]
        }
        open = []
        return nil
    }

    /// Whether a line indented by `indent` in the paragraph of the item that started last is
    /// indented as far as that item's text (as a further paragraph of it would be).
    func reachesLastItem(indent: Int) -> Bool {
        guard let last = open.last else { return false }
        return indent > proseIndent && last.required <= indent
    }

    /// Any other block (a heading, a section break, a definition) ends the list.
    mutating func otherBlock() {
        open = []
    }
}

/// Where a block inside a list item in the middle of a large file (a further paragraph, a
/// quote, a caption) finds the columns that item's nesting and marker take as shown.
enum ItemColumns: Equatable, Sendable {
    /// The item is a block of the middle, decoded when the block inside it is.
    case ofBlock(Int)
    /// The item is in the head, already parsed.
    case known(Int)

    /// Where `item`'s columns are found; nil when they are unknown (it showed nothing).
    init?(of item: ItemContext.OpenItem) {
        if let block = item.block {
            self = .ofBlock(block)
        } else if let columns = item.shownColumns {
            self = .known(columns)
        } else {
            return nil
        }
    }
}
