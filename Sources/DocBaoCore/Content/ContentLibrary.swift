import Foundation

/// Finds the articles under a content root: every regular `.txt`, `.text`, `.md`, `.html` or
/// `.htm` file (a page saved from the web is read as its text, see `HTMLPageText`), with
/// the folders it sits in as its category. Hidden files and folders, and symbolic links (a link
/// to a folder above could loop), are left out.
public enum ContentLibrary {
    public static let articleExtensions: Set<String> = ["txt", "text", "md", "html", "htm"]
    /// Folders deeper than this are not looked into.
    static let maximumDepth = 32

    /// Every article under `root`, read (title, byline, date).
    public static func scan(root: String, encoding: TextEncoding = .auto) -> [LibraryEntry] {
        listFiles(root: root).map { withDetails($0, encoding: encoding) }
    }

    /// Every article file under `root`, titled by its file name and not yet read: enough for a
    /// first screen, while the files are read in the background. A walk with `readdir`, which
    /// says what each name is without a `stat` (Foundation's enumerator took 280 ms for a
    /// library of 3,000 articles, where this takes a few).
    public static func listFiles(root: String) -> [LibraryEntry] {
        var entries: [LibraryEntry] = []
        walk(absolutePath(root), relative: "", depth: 0, into: &entries)
        return entries
    }

    private static func walk(_ folder: String, relative: String, depth: Int, into entries: inout [LibraryEntry]) {
        guard depth < maximumDepth, let dir = FileSystemName.withPath(folder, { opendir($0) }) else { return }
        defer { closedir(dir) }
        while let item = readdir(dir) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                return FileSystemName.string(UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: 0) ?? bytes.count)]))
            }
            if name.hasPrefix(".") { continue }  // hidden, and "." and ".."
            let path = folder == "/" ? "/" + name : folder + "/" + name
            let id = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(item.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {  // some file systems leave it to lstat
                var info = stat()
                guard FileSystemName.withPath(path, { lstat($0, &info) }) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                case S_IFLNK: type = Int32(DT_LNK)
                default: type = 0
                }
            }
            if type == Int32(DT_DIR) {
                walk(path, relative: id, depth: depth + 1, into: &entries)
            } else if type == Int32(DT_REG), isArticleName(name) {
                entries.append(entry(path: path, id: id, category: relative, article: nil))
            } else if type == Int32(DT_LNK), isArticleName(name), isRegularFile(following: path) {
                // A link to an article is listed where the link is. A link to a folder is not
                // followed: one to a folder above would loop.
                entries.append(entry(path: path, id: id, category: relative, article: nil))
            }
        }
    }

    private static func isArticleName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return articleExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    private static func isRegularFile(following path: String) -> Bool {
        var info = stat()
        return FileSystemName.withPath(path, { stat($0, &info) }) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// A row with what its file says; an unreadable file keeps its file name as title.
    public static func withDetails(_ row: LibraryEntry, encoding: TextEncoding = .auto) -> LibraryEntry {
        let article: Article?
        var problem: ContentError?
        do { article = try ArticleFile.load(path: row.path, encoding: encoding) } catch { (article, problem) = (nil, error) }
        var read = entry(path: row.path, id: row.id, category: row.category, article: article)
        read.views = row.views
        read.problem = problem
        return read
    }

    /// A library row for a file whose article is already loaded (or nil if it could not be).
    public static func entry(path: String, id: String, category: String, article: Article?) -> LibraryEntry {
        // The file's name without its extension (string work: URL costs on the first screen).
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        let fallback = FileSystemName.readable(dot.map { String(name[..<$0]) } ?? name)
        return LibraryEntry(id: id, path: path, category: category, title: article?.title ?? fallback,
                            byline: article?.author ?? article?.source, date: article?.published)
    }

    /// The id and category of an article opened on its own from `path`, whose bytes are `file`:
    /// standard input (`-`) is `stdin:` and a hash of its bytes, anything else as below.
    public static func identity(ofFile path: String, contentRoot: String, file: FileBytes) -> (id: String, category: String) {
        path == ArticleFile.standardInput ? (ArticleFile.standardInputID(file), "") : identity(ofFile: path, contentRoot: contentRoot)
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
        return buffer.withUnsafeBytes { raw in
            FileSystemName.string(UnsafeBufferPointer(start: raw.bindMemory(to: UInt8.self).baseAddress, count: strlen(buffer)))
        }
    }
}
