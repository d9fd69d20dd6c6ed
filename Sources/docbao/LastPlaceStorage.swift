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

    /// Writes atomically (temporary file, then rename), with POSIX calls: FileManager's first
    /// use would cost more than the rest of quitting. The folder is the database's, made when
    /// the database was; where it does not exist, nothing is written. Failing is not worth a
    /// message: the database has the place.
    func save(_ place: LastPlace) {
        guard let text = place.serialized else { return }
        let temp = path + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        if written != bytes.count || rename(temp, path) != 0 { unlink(temp) }
    }
}
