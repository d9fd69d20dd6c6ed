import Glibc

/// What identifies a file's contents cheaply: device, inode, size and modification time. The
/// reader takes one when it reads an article and compares a fresh one now and then, to say
/// when the file has changed (or been replaced, or removed) since.
public struct FileStamp: Equatable, Sendable {
    var device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

    /// The file's stamp now; nil when it cannot be looked at (gone, no permission).
    public init?(path: String) {
        var info = stat()
        guard FileSystemName.withPath(path, { stat($0, &info) }) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
    }
}
