/// The blocks of the reading pane in order: the ones made up front (title, meta, the head of
/// the body; byline and rating line at the end) around the lazy middle of a large file.
///
/// A lazy block may turn out to be page chrome: it is then hidden, and lays out to no rows.
public struct LayoutBlocks: Equatable, Sendable {
    public var leading: [LayoutBlock]
    public var body: LazyBody?
    public var trailing: [LayoutBlock]

    public init(leading: [LayoutBlock], body: LazyBody? = nil, trailing: [LayoutBlock] = []) {
        self.leading = leading
        self.body = body
        self.trailing = trailing
    }

    public var count: Int { leading.count + bodyCount + trailing.count }
    public var isEmpty: Bool { count == 0 }
    private var bodyCount: Int { body?.count ?? 0 }
    /// Where the closing lines (byline, rating line) sit.
    var trailingIndices: Range<Int> { (count - trailing.count)..<count }

    /// Block `i`, or nil when it is hidden.
    public subscript(i: Int) -> LayoutBlock? {
        if i < leading.count { return leading[i] }
        let j = i - leading.count
        if let body, j < body.count { return body.block(j).map(LayoutBlock.init) }
        return trailing[j - bodyCount]
    }

    /// What follows block `i` (`block`, when the caller has it): nothing after the last; the
    /// gap between lines when block `i + 1` carries on the line block `i` was cut from, when
    /// both are items of one list, or lines of verse from a copied page (one line a block);
    /// else the gap between paragraphs.
    func gap(after i: Int, block: LayoutBlock?) -> DocumentLayout.GapAfter {
        if i == count - 1 { return .none }
        if let body, !body.continuing.isEmpty, i >= leading.count, body.continuing.contains(i - leading.count + 1) {
            return .line
        }
        // The next block is looked at only after an item: most blocks are not, and the dump
        // would otherwise decode every block of a large file twice.
        if let block, block.role == .item, let next = self[i + 1], next.role == .item,
            ListMarker.ofItem(block.text)?.family == ListMarker.ofItem(next.text)?.family
                || block.text.hasPrefix(" ") || next.text.hasPrefix(" ")  // a nested list is one with its parent
        {
            return .line
        }
        // The lines of verse on a copied page are one block each, and one stanza.
        if let block, block.role == .verse, !block.text.utf8.contains(0x0A), let next = self[i + 1], next.role == .verse,
            !next.text.utf8.contains(0x0A)
        {
            return .line
        }
        return .paragraph
    }

    /// The first block in `range` (the last, if `backward`) for which `test` holds; the lazy
    /// middle is searched on all cores.
    public func firstIndex(in range: Range<Int>, backward: Bool = false,
                           mightMatch: @escaping @Sendable (String) -> Bool = { _ in true },
                           where test: @escaping @Sendable (LayoutBlock) -> Bool) -> Int? {
        let bodyRange = leading.count..<(leading.count + bodyCount)
        // The parts in search order: up-front blocks, lazy middle, trailing blocks.
        var parts = [range.clamped(to: 0..<leading.count), range.clamped(to: bodyRange),
                     range.clamped(to: bodyRange.upperBound..<count)]
        if backward { parts.reverse() }
        for (n, part) in parts.enumerated() where !part.isEmpty {
            if n == 1, let body {  // the middle stays second when the order is reversed
                let local = (part.lowerBound - leading.count)..<(part.upperBound - leading.count)
                if let i = body.firstIndex(in: local, backward: backward, mightMatch: mightMatch,
                                           where: { test(LayoutBlock($0)) }) {
                    return i + leading.count
                }
                continue
            }
            let indices = backward ? Array(part.reversed()) : Array(part)
            if let i = indices.first(where: { self[$0].map(test) ?? false }) { return i }
        }
        return nil
    }

    /// UTF-8 bytes before block `i` (each block counted with one byte for its line end), for
    /// position estimates that need no layout.
    func bytesBefore(_ i: Int, leadingBytes: [Int], trailingBytes: [Int]) -> Int {
        if i < leading.count { return leadingBytes[i] }
        let j = i - leading.count
        let afterLeading = leadingBytes[leading.count]
        if let body, j < body.count { return afterLeading + body.bytesBefore(j) }
        return afterLeading + (body?.byteCount ?? 0) + trailingBytes[j - bodyCount]
    }
}

extension LayoutBlock {
    init(_ block: Block) {
        self.init(TextRole(block.kind), block.text, spans: block.spans)
        table = block.table
        inset = block.inset
    }
}

extension TextRole {
    init(_ kind: Block.Kind) {
        switch kind {
        case .lead: self = .lead
        case .paragraph: self = .paragraph
        case .heading: self = .heading
        case .caption: self = .caption
        case .item: self = .item
        case .itemParagraph: self = .itemParagraph
        case .verse: self = .verse
        case .quote: self = .quote
        case .preformatted: self = .preformatted
        case .sectionBreak: self = .sectionBreak
        }
    }
}
