import Foundation

/// One article of the library screen.
public struct LibraryEntry: Equatable, Sendable {
    /// Path relative to the content root: the article's id in the statistics store.
    public var id: String
    public var path: String
    /// Folder under the content root, or empty for the root itself.
    public var category: String
    public var title: String
    public var byline: String?
    public var date: String?
    public var views: Int?
    /// Why the file could not be read when the library read it (binary, no permission, gone):
    /// the row says so before the reader tries to open it.
    public var problem: ContentError?

    public init(id: String, path: String, category: String, title: String, byline: String? = nil, date: String? = nil,
                views: Int? = nil, problem: ContentError? = nil) {
        self.id = id
        self.path = path
        self.category = category
        self.title = title
        self.byline = byline
        self.date = date
        self.views = views
        self.problem = problem
    }

    /// Whether the article was read from standard input: it has no file to reload or watch.
    public var isStandardInput: Bool { path == ArticleFile.standardInput }
}

/// A category name for display: each level of the folder (`the-gioi/chau-a`) named on its own
/// and joined as the breadcrumb joins its parts (`Thế giới › Chau a`).
public func categoryDisplayName(_ folder: String, strings: Strings) -> String {
    guard !folder.isEmpty else { return strings[.uncategorized] }
    return folder.split(separator: "/").map { sectionName(FileSystemName.readable(String($0)), strings: strings) }
        .joined(separator: " › ")
}

/// One folder's name: a known section's in the interface's language, else the folder name with
/// dashes as spaces and its first letter capital.
private func sectionName(_ folder: String, strings: Strings) -> String {
    if let known = knownSections[folder.lowercased()] { return strings.language == .vi ? known.vi : known.en }
    let spaced = folder.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
    return spaced.prefix(1).uppercased() + spaced.dropFirst()
}

/// Usual section slugs of Vietnamese portals, whose folder names cannot carry diacritics, with
/// the section's name in each interface language.
let knownSections: [String: (vi: String, en: String)] = [
    "thoi-su": ("Thời sự", "Current affairs"), "the-gioi": ("Thế giới", "World"), "kinh-te": ("Kinh tế", "Economy"),
    "van-hoa": ("Văn hóa", "Culture"), "xa-hoi": ("Xã hội", "Society"), "the-thao": ("Thể thao", "Sport"),
    "giao-duc": ("Giáo dục", "Education"), "suc-khoe": ("Sức khỏe", "Health"), "cong-nghe": ("Công nghệ", "Technology"),
    "phap-luat": ("Pháp luật", "Law"), "quoc-te": ("Quốc tế", "International"), "doi-song": ("Đời sống", "Life"),
    "du-lich": ("Du lịch", "Travel"), "khoa-hoc": ("Khoa học", "Science"), "chinh-tri": ("Chính trị", "Politics"),
    "giai-tri": ("Giải trí", "Entertainment"),
]

/// Library rows: the entries (in their order) that match the filter in their title, byline or
/// section. A section is matched by the name its heading shows, in either language, as well as
/// by its folder's name: the folder `thoi-su` is found by `thời sự`, `thoi su` and `current`.
public func filteredLibrary(_ entries: [LibraryEntry], filter: String) -> [LibraryEntry] {
    guard !filter.isEmpty else { return entries }
    let matcher = TextMatcher(query: filter)
    func matches(_ text: String) -> Bool { !matcher.ranges(in: text).isEmpty }
    // A library has few sections and many rows: each section is looked at once.
    var sectionMatches: [String: Bool] = [:]
    return entries.filter { e in
        if matches(e.title) || matches(e.byline ?? "") { return true }
        if let known = sectionMatches[e.category] { return known }
        let names = [e.category] + UILanguage.allCases.map { categoryDisplayName(e.category, strings: Strings($0)) }
        let found = names.contains(where: matches)
        sectionMatches[e.category] = found
        return found
    }
}
