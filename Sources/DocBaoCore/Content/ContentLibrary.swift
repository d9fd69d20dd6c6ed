import Foundation

/// Finds the articles under a content root: every regular `.txt` (or extension-less text) file,
/// with the folder it sits in as its category.
public enum ContentLibrary {
    public static let articleExtensions: Set<String> = ["txt", "text", "md"]

    /// Every article under `root`, read (title, byline, date).
    public static func scan(root: String) -> [LibraryEntry] {
        listFiles(root: root).map(withDetails)
    }

    /// Every article file under `root`, titled by its file name and not yet read: enough for a
    /// first screen, while the files are read in the background.
    public static func listFiles(root: String) -> [LibraryEntry] {
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
            entries.append(entry(path: url.path, id: String(relative), category: category, article: nil))
        }
        return entries
    }

    /// A row with what its file says; an unreadable file keeps its file name as title.
    public static func withDetails(_ row: LibraryEntry) -> LibraryEntry {
        var read = entry(path: row.path, id: row.id, category: row.category, article: try? ArticleFile.load(path: row.path))
        read.views = row.views
        return read
    }

    /// A library row for a file whose article is already loaded (or nil if it could not be).
    public static func entry(path: String, id: String, category: String, article: Article?) -> LibraryEntry {
        // The file's name without its extension (string work: URL costs on the first screen).
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        let fallback = dot.map { String(name[..<$0]) } ?? name
        return LibraryEntry(id: id, path: path, category: category, title: article?.title ?? fallback,
                            byline: article?.author ?? article?.source, date: article?.published)
    }

    /// The id and category of a file opened on its own: relative to `contentRoot` when the
    /// file lies inside it, else its absolute path with no category.
    public static func identity(ofFile path: String, contentRoot: String) -> (id: String, category: String) {
        let absolute = absolutePath(path)
        let root = absolutePath(contentRoot) + "/"
        guard absolute.hasPrefix(root) else { return (absolute, "") }
        let id = String(absolute.dropFirst(root.count))
        // The folders before the file's name (no "//" is left in an absolute path).
        return (id, id.lastIndex(of: "/").map { String(id[..<$0]) } ?? "")
    }

    /// `path` made absolute with "." and ".." steps removed (no symbolic links resolved), like
    /// `URL.standardizedFileURL`, without setting up Foundation's URL on the way to the first
    /// screen.
    static func absolutePath(_ path: String, currentDirectory: String = currentDirectory()) -> String {
        let full = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        // Joined by hand: `joined(separator:)` over Substrings (and `+=` of a Substring) is the
        // stdlib's unspecialised generic, whose first call looks its associated types up at
        // run time (0.3 M instructions on the way to the first screen).
        var result = ""
        for part in parts {
            result.append("/")
            result.append(contentsOf: part)
        }
        return result.isEmpty ? "/" : result
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
