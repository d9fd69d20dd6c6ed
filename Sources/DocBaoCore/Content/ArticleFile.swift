import Foundation

/// Reads an article file from disk, refusing what is not a readable regular file before
/// opening it (so a FIFO cannot hang the reader and `/dev/zero` cannot fill memory).
public enum ArticleFile {
    /// Checks the path and returns its bytes.
    public static func read(path: String) throws(ContentError) -> [UInt8] {
        var info = stat()
        if stat(path, &info) != 0 {
            var linkInfo = stat()
            if lstat(path, &linkInfo) == 0 { throw .notFound }  // a dangling symbolic link
            if errno == EACCES { throw .unreadable("permission denied") }
            throw .notFound
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .isDirectory
        default: throw .notRegularFile
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw .unreadable(errno == EACCES ? "permission denied" : String(cString: strerror(errno)))
        }
        defer { close(fd) }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let n = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(fd, buffer.baseAddress! + filled, size - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            if n == 0 { break }  // truncated while reading
            filled += n
        }
        if filled < size { bytes.removeLast(size - filled) }
        return bytes
    }

    /// Reads and parses an article file.
    public static func load(path: String) throws(ContentError) -> Article {
        try ArticleParser.parse(bytes: read(path: path))
    }
}
