import DocBaoCore
import Foundation

/// The file of visits waiting to be written (`PendingVisit`) beside the database.
public struct PendingVisitsFile {
    let file: DataFolderFile

    public init(directory: String) {
        file = DataFolderFile(directory: directory, name: PendingVisit.fileName)
    }

    /// Adds `visits` to the file. False when it cannot be written.
    @discardableResult
    public func keep(_ visits: [PendingVisit]) -> Bool {
        file.append(visits.compactMap(\.line).joined())
    }

    /// Writes the file's visits into `store`, in order, each in its own time's slot; from the
    /// first it cannot write (the database is locked now), they go back into the file. The
    /// number written.
    @discardableResult
    public func writeAll(into store: SQLiteStatisticsStore) -> Int {
        let visits = file.take().map(PendingVisit.parse) ?? []
        var written = 0
        while written < visits.count {
            let visit = visits[written]
            guard (try? store.recordVisit(articleID: visit.articleID, at: Date(timeIntervalSince1970: visit.seconds))) != nil
            else { break }
            written += 1
        }
        keep(Array(visits[written...]))
        return written
    }
}
