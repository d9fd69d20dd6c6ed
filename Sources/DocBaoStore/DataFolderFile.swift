import DocBaoCore
import Glibc

/// A small file docbao keeps beside the database, in its data folder: POSIX calls, not
/// FileManager, whose first use costs more than the rest of quitting (and one of these is read
/// before the first frame); the database's permissions (0660 in a folder a group shares).
/// Where the folder does not exist, nothing is written.
struct DataFolderFile {
    let directory: String
    let path: String

    init(directory: String, name: String) {
        self.directory = directory
        path = directory + "/" + name
    }

    /// The file's text; nil when there is none, or it cannot be read or is not UTF-8.
    func read() -> String? { Self.text(at: path) }

    /// Replaces the file's text atomically: a temporary file, then a rename.
    @discardableResult
    func replace(with text: String) -> Bool {
        let temp = path + ".tmp-\(getpid())"
        guard write(text, to: temp, flags: O_TRUNC) else {
            unlink(temp)
            return false
        }
        if rename(temp, path) == 0 { return true }
        unlink(temp)
        return false
    }

    /// Adds `text` at the end of the file in one write: with O_APPEND, a writer in another
    /// process adds its lines after these, not over them.
    @discardableResult
    func append(_ text: String) -> Bool {
        text.isEmpty || write(text, to: path, flags: O_APPEND)
    }

    /// Takes the file's text, and the file with it. It is first renamed to a name of this
    /// process's own, so that of two docbao taking it at once only one gets it.
    func take() -> String? {
        let taken = path + ".taken-\(getpid())"
        guard rename(path, taken) == 0 else { return nil }
        guard let text = Self.text(at: taken) else {
            rename(taken, path)  // left for a later docbao rather than lost
            return nil
        }
        unlink(taken)
        return text
    }

    private func write(_ text: String, to file: String, flags: Int32) -> Bool {
        let fd = open(file, O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        SQLiteStatisticsStore.restrictPermissions(path: file, directory: directory)
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count
    }

    private static func text(at path: String) -> String? {
        guard let bytes = try? ArticleFile.read(path: path) else { return nil }
        return String(validating: bytes.buffer, as: UTF8.self)
    }
}
