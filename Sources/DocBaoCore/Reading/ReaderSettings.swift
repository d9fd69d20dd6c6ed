/// The reader's choices that persist across runs.
public struct ReaderSettings: Equatable, Sendable {
    public var sizeLevel: Int = SizeLevel.defaultNumber
    public var contrast: ContrastLevel = .default
    public var variant: ThemeVariant = .dark
    public var sidebarVisible: Bool = true
    public var language: UILanguage = .vi
    public var libraryOrder: LibrarySort = .title

    public init() {}

    public var size: SizeLevel { SizeLevel.number(sizeLevel) }
}

/// The terminal's size in cells.
public struct TermSize: Equatable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
