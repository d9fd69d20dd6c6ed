/// How the library's rows are ordered, chosen with `o` and kept in the settings.
///
/// `title` groups the rows by category, as the portal's menu does, and orders each group as a
/// dictionary would. `newest` and `mostRead` are the portal's *Tin mới nhất* and *Đọc nhiều
/// nhất* lists: one list across all categories (a category's heading comes wherever the
/// category changes from one row to the next).
public enum LibrarySort: String, CaseIterable, Sendable {
    case title
    /// By publication date, newest first; undated articles after the dated ones.
    case newest
    /// By the views the statistics store counted, most first.
    case mostRead = "most-read"

    /// The next order for `o`: title, newest, most read, and round again.
    public var next: LibrarySort {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// Its name in the interface's language.
    var label: StringKey {
        switch self {
        case .title: return .orderTitle
        case .newest: return .orderNewest
        case .mostRead: return .orderMostRead
        }
    }
}

extension LibraryOrder {
    /// Entries in the order `sort` asks for; ties, and what the order cannot place (an article
    /// without a date), go by category and title, so that the order is total.
    public static func sorted(_ entries: [LibraryEntry], by sort: LibrarySort) -> [LibraryEntry] {
        switch sort {
        case .title:
            return sorted(entries)
        case .newest:
            // Parsed once per row, not once per comparison.
            let dates = Dictionary(entries.map { ($0.id, $0.date.flatMap(PublishedDate.init)) }, uniquingKeysWith: { a, _ in a })
            return stable(sorted(entries)) { a, b in
                switch (dates[a.id] ?? nil, dates[b.id] ?? nil) {
                case let (x?, y?): return x > y
                case (_?, nil): return true
                default: return false
                }
            }
        case .mostRead:
            return stable(sorted(entries)) { ($0.views ?? 0) > ($1.views ?? 0) }
        }
    }

    /// `entries` ordered by `before`, keeping their given order among equals.
    static func stable(_ entries: [LibraryEntry], by before: (LibraryEntry, LibraryEntry) -> Bool) -> [LibraryEntry] {
        entries.enumerated().sorted { a, b in
            if before(a.element, b.element) { return true }
            if before(b.element, a.element) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }
}
