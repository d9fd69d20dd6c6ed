import Foundation

/// Finds the articles under a content root: every regular `.txt` (or extension-less text) file,
/// with the folder it sits in as its category.
public enum ContentLibrary {
    public static let articleExtensions: Set<String> = ["txt", "text", "md"]

    public static func scan(root: String) -> [LibraryEntry] {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        guard let walker = FileManager.default.enumerator(
            at: rootURL, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var entries: [LibraryEntry] = []
        for case let url as URL in walker {
            guard articleExtensions.contains(url.pathExtension.lowercased()),
                (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(rootURL.path.count)).drop { $0 == "/" }
            let components = relative.split(separator: "/")
            let category = components.count > 1 ? components.dropLast().joined(separator: "/") : ""
            entries.append(entry(path: url.path, id: String(relative), category: category))
        }
        return entries
    }

    /// A library row for one file; unreadable files still get a row, titled by file name.
    public static func entry(path: String, id: String, category: String) -> LibraryEntry {
        let fallback = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        guard let article = try? ArticleFile.load(path: path) else {
            return LibraryEntry(id: id, path: path, category: category, title: fallback)
        }
        return LibraryEntry(id: id, path: path, category: category, title: article.title ?? fallback,
                            byline: article.author ?? article.source, date: article.published)
    }
}
