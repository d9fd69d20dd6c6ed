import DocBaoCore
import DocBaoStore
import Foundation

/// Reads and writes the note of recent places (`RecentPlaces`) in the data folder.
struct RecentPlacesStorage {
    let path: String
    let directory: String

    init(directory: String) {
        self.directory = directory
        path = directory + "/" + RecentPlaces.fileName
    }

    /// The note; empty when there is none or it cannot be read: it is only a head start on the
    /// database, which holds the places too. POSIX calls, not FileManager, on the way to the
    /// first screen.
    func load() -> RecentPlaces {
        guard let bytes = try? ArticleFile.read(path: path), let text = String(validating: bytes.buffer, as: UTF8.self)
        else { return RecentPlaces() }
        return RecentPlaces(parsing: text)
    }

    /// Notes `articleID`'s place in the note as it is on disk now (another docbao may have
    /// written it since this one started), and writes it back atomically (temporary file, then
    /// rename) with POSIX calls: FileManager's first use would cost more than the rest of
    /// quitting. The folder is the database's, made when the database was; where it does not
    /// exist, nothing is written. Failing is not worth a message: the database has the place.
    func save(articleID: String, position: TextPosition) {
        var places = load()
        places.note(articleID: articleID, position: position)
        let temp = path + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        SQLiteStatisticsStore.restrictPermissions(path: temp, directory: directory)  // as the database's
        let bytes = Array(places.serialized.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        if written != bytes.count || rename(temp, path) != 0 { unlink(temp) }
    }
}
