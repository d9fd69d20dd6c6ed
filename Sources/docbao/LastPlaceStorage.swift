import DocBaoCore
import Foundation

/// Reads and writes the note of the last place read (`LastPlace`) in the data folder.
struct LastPlaceStorage {
    let path: String

    init(directory: String) {
        path = directory + "/" + LastPlace.fileName
    }

    /// The note, or nil when there is none or it cannot be read: it is only a head start on
    /// the database, which holds the place too. POSIX calls, not FileManager, on the way to the
    /// first screen.
    func load() -> LastPlace? {
        guard let bytes = try? ArticleFile.read(path: path), let text = String(validating: bytes.buffer, as: UTF8.self)
        else { return nil }
        return LastPlace(parsing: text)
    }

    /// Writes atomically (temporary file, then rename). Failing is not worth a message: the
    /// database has the place.
    func save(_ place: LastPlace) {
        guard let text = place.serialized else { return }
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let temp = path + ".tmp-\(getpid())"
        guard (try? Data(text.utf8).write(to: URL(fileURLWithPath: temp))) != nil else { return }
        if rename(temp, path) != 0 { unlink(temp) }
    }
}
