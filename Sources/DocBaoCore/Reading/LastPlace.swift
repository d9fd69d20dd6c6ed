/// Where the reader last left an article, kept in a one-line file beside the database as well
/// as in it. The database is opened after the first frame, to keep it off the way to the
/// screen; a file opened again on its own (`docbao FILE`) would show its top for that moment
/// and then jump. With this note it starts at the place in its first frame. The database stays
/// the record of every article's place; the note holds only the last one.
///
///     12 340 thoi-su/hoi-nghi.txt
///
/// (block, UTF-8 offset, then the article's id to the end of the line).
public struct LastPlace: Equatable, Sendable {
    public static let fileName = "last-place"

    public var articleID: String
    public var position: TextPosition

    public init(articleID: String, position: TextPosition) {
        self.articleID = articleID
        self.position = position
    }

    /// The file's text; nil for an id that one line cannot hold.
    public var serialized: String? {
        guard !articleID.isEmpty, !articleID.utf8.contains(0x0A) else { return nil }
        return "\(position.block) \(position.offset) \(articleID)\n"
    }

    /// Reads the file's text; nil for anything else (the note is then not used).
    public init?(parsing text: String) {
        let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let block = Int(parts[0]), let offset = Int(parts[1]), block >= 0, offset >= 0,
            !parts[2].isEmpty
        else { return nil }
        self.init(articleID: String(parts[2]), position: TextPosition(block: block, offset: offset))
    }

    /// Where to open `articleID`: the noted place when the note is about it.
    public static func position(for articleID: String, in note: LastPlace?) -> TextPosition? {
        note?.articleID == articleID ? note?.position : nil
    }
}
