import Foundation

/// Reads an article file from disk, refusing what is not a readable regular file before
/// opening it (so a FIFO cannot hang the reader and `/dev/zero` cannot fill memory).
public enum ArticleFile {
    /// Checks the path and returns its bytes.
    public static func read(path: String) throws(ContentError) -> FileBytes {
        var info = stat()
        if stat(path, &info) != 0 {
            var linkInfo = stat()
            if lstat(path, &linkInfo) == 0 { throw .notFound }  // a dangling symbolic link
            if errno == EACCES { throw .permissionDenied }
            throw .notFound
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .isDirectory
        default: throw .notRegularFile
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == EACCES { throw .permissionDenied }
            throw .unreadable(String(cString: strerror(errno)))
        }
        defer { close(fd) }
        return try FileBytes(reading: fd, size: Int(info.st_size))
    }

    /// Reads and parses an article file.
    public static func load(path: String) throws(ContentError) -> Article {
        try ArticleParser.parse(file: read(path: path))
    }
}
