import DocBaoCore

/// The note of recent places (`RecentPlaces`) beside the database.
public struct RecentPlacesFile {
    let file: DataFolderFile

    public init(directory: String) {
        file = DataFolderFile(directory: directory, name: RecentPlaces.fileName)
    }

    /// The note; empty when there is none or it cannot be read: it is only a head start on the
    /// database, which holds the places too.
    public func load() -> RecentPlaces {
        file.read().map(RecentPlaces.init(parsing:)) ?? RecentPlaces()
    }

    /// Notes `articleID`'s place in the note as it is on disk now (another docbao may have
    /// written it since this one started). Failing is not worth a message: the database has
    /// the place.
    public func save(articleID: String, position: TextPosition) {
        var places = load()
        places.note(articleID: articleID, position: position)
        file.replace(with: places.serialized)
    }
}
