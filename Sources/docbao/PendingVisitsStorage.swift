import DocBaoCore
import DocBaoStore
import Foundation

/// The file of visits waiting to be written (`PendingVisit`), in the data folder. POSIX calls,
/// as for the note of recent places: this runs as the reader quits.
struct PendingVisitsStorage {
    let path: String
    let directory: String

    init(directory: String) {
        self.directory = directory
        path = directory + "/" + PendingVisit.fileName
    }

    /// Adds `visits` at the end of the file, in one write (with O_APPEND, a writer in another
    /// process adds its lines after these, not over them). False when it cannot be written.
    @discardableResult
    func keep(_ visits: [PendingVisit]) -> Bool {
        let bytes = Array(visits.compactMap(\.line).joined().utf8)
        guard !bytes.isEmpty else { return true }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        // In a folder a group shares, any of its users' docbao must be able to take them.
        SQLiteStatisticsStore.restrictPermissions(path: path, directory: directory)
        return bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count
    }

    /// Takes the file's visits, and the file with them. It is first renamed to a name of this
    /// process's own, so that two docbao opening the database at once cannot both write them.
    func take() -> [PendingVisit] {
        let taken = path + ".taken-\(getpid())"
        guard rename(path, taken) == 0 else { return [] }
        guard let bytes = try? ArticleFile.read(path: taken) else {
            rename(taken, path)  // left for a later docbao rather than lost
            return []
        }
        unlink(taken)
        return PendingVisit.parse(String(decoding: bytes.buffer, as: UTF8.self))
    }

    /// Writes the file's visits into `store`, each in its own time's slot; those it cannot
    /// write (the database is locked now) go back into the file. The number written.
    @discardableResult
    func writeAll(into store: SQLiteStatisticsStore) -> Int {
        let visits = take()
        var left: [PendingVisit] = []
        for visit in visits {
            guard left.isEmpty else {
                left.append(visit)
                continue
            }
            do {
                try store.recordVisit(articleID: visit.articleID, at: Date(timeIntervalSince1970: visit.seconds))
            } catch {
                left.append(visit)
            }
        }
        keep(left)
        return visits.count - left.count
    }
}
