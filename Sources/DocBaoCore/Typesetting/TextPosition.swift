/// A place in an article that survives re-wrapping: a layout block and a UTF-8 offset into
/// that block's text. The first visible character is kept as one when the layout changes.
public struct TextPosition: Equatable, Hashable, Sendable, Codable {
    public var block: Int
    public var offset: Int

    public init(block: Int, offset: Int) {
        self.block = block
        self.offset = offset
    }

    public static let start = TextPosition(block: 0, offset: 0)
}

/// A row of the laid-out document: block index and row index within that block.
public struct RowPosition: Equatable, Comparable, Sendable {
    public var block: Int
    public var row: Int

    public init(block: Int, row: Int) {
        self.block = block
        self.row = row
    }

    public static func < (a: RowPosition, b: RowPosition) -> Bool {
        (a.block, a.row) < (b.block, b.row)
    }
}
