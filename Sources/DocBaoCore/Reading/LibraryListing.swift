/// The library as text, for `docbao DIR` when standard output is not a terminal (a pipe, a
/// file): a line per article, in the order the reader would list them, with four fields
/// parted by tabs — the article's id (its path under the folder), title, byline and date,
/// the last two empty when the article has none.
///
/// Each field is quoted as names are on standard error (`FileSystemName.quoted`): a file's
/// name may hold a tab, a line end or an escape sequence, and its title falls back to that
/// name, so without quoting a crafted name could split a line or drive the terminal that a
/// `cat` of the listing lands on.
public enum LibraryListing {
    public static func lines(_ entries: [LibraryEntry], order: LibrarySort) -> [String] {
        LibraryOrder.sorted(entries, by: order).map { e in
            [e.id, e.title, e.byline ?? "", e.date ?? ""].map { FileSystemName.quoted($0) }.joined(separator: "\t")
        }
    }
}
