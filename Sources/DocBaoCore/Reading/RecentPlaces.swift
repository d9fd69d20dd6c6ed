/// Where the reader left the articles read most recently, kept in a small file beside the
/// database as well as in it. The database is opened after the first frame, to keep it off the
/// way to the screen; an article opened again on its own (`docbao FILE`) would show its top for
/// that moment and then jump. With this note it starts at its place in its first frame. The
/// database stays the record of every article's place; the note holds the latest ones, most
/// recent first, one a line:
///
///     12 340 thoi-su/hoi-nghi.txt
///
/// (block, UTF-8 offset, then the article's id to the end of the line).
public struct RecentPlaces: Equatable, Sendable {
    public static let fileName = "recent-places"
    /// Enough for every article a reader goes back to in practice, small enough (a few KB) to
    /// read before the first frame.
    public static let capacity = 100

    public struct Place: Equatable, Sendable {
        public var articleID: String
        public var position: TextPosition

        public init(articleID: String, position: TextPosition) {
            self.articleID = articleID
            self.position = position
        }

        /// The place's line; nil for an id that one line cannot hold.
        var line: String? {
            guard !articleID.isEmpty, !articleID.utf8.contains(0x0A) else { return nil }
            return "\(position.block) \(position.offset) \(articleID)\n"
        }

        init?(parsing line: Substring) {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let block = Int(parts[0]), let offset = Int(parts[1]), block >= 0, offset >= 0,
                !parts[2].isEmpty
            else { return nil }
            self.init(articleID: String(parts[2]), position: TextPosition(block: block, offset: offset))
        }
    }

    /// Most recent first; one place an article.
    public private(set) var places: [Place] = []

    public init() {}

    /// Reads the file's text. A line that is not a place is skipped (the note is only a head
    /// start on the database, so a damaged line costs that article its head start, no more).
    public init(parsing text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let place = Place(parsing: line), !places.contains(where: { $0.articleID == place.articleID })
            else { continue }
            places.append(place)
            if places.count == Self.capacity { break }
        }
    }

    public var serialized: String {
        places.compactMap(\.line).joined()
    }

    /// Where `articleID` was left, if it is among the recent ones.
    public func position(for articleID: String) -> TextPosition? {
        places.first { $0.articleID == articleID }?.position
    }

    /// Puts `articleID`'s place first, dropping its older one and, past the capacity, the
    /// oldest article's.
    public mutating func note(articleID: String, position: TextPosition) {
        let place = Place(articleID: articleID, position: position)
        guard place.line != nil else { return }
        places.removeAll { $0.articleID == articleID }
        places.insert(place, at: 0)
        if places.count > Self.capacity { places.removeLast(places.count - Self.capacity) }
    }
}
