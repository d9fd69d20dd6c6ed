/// Visits the reader could not write to the statistics database before it quit (another
/// process held the database past the final wait, or it could not be opened), kept in a small
/// file beside it until a docbao that opens the database writes them, so that none is lost:
///
///     1764547200.25 thoi-su/hoi-nghi.txt
///
/// one a line: when it was made (seconds since 1970), then the article's id to the end of the line.
public struct PendingVisit: Equatable, Sendable {
    public static let fileName = "pending-visits"

    public var articleID: String
    /// When the visit was made, in seconds since 1970: it is counted in that day's slot.
    public var seconds: Double

    public init(articleID: String, seconds: Double) {
        self.articleID = articleID
        self.seconds = seconds
    }

    /// The visit's line; nil for an id that one line cannot hold.
    public var line: String? {
        guard !articleID.isEmpty, !articleID.utf8.contains(0x0A), seconds.isFinite else { return nil }
        return "\(seconds) \(articleID)\n"
    }

    /// The visits a file's text holds. A damaged line (a write cut short) is skipped: it costs
    /// that one visit, not the others.
    public static func parse(_ text: String) -> [PendingVisit] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let seconds = Double(parts[0]), seconds.isFinite, seconds >= 0, !parts[1].isEmpty
            else { return nil }
            return PendingVisit(articleID: String(parts[1]), seconds: seconds)
        }
    }
}
