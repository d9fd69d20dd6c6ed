import Foundation

/// Reads an article file from disk, refusing what is not a readable regular file before
/// opening it (so a FIFO cannot hang the reader and `/dev/zero` cannot fill memory); `-` is
/// standard input, read to its end.
public enum ArticleFile {
    /// The path that names standard input.
    public static let standardInput = "-"
    /// Standard input is refused beyond this many bytes: `yes | docbao -` must not fill memory.
    public static let standardInputLimit = 1 << 30

    /// Checks the path and returns its bytes.
    public static func read(path: String) throws(ContentError) -> FileBytes {
        if path == standardInput { return try readStandardInput() }
        var info = stat()
        if FileSystemName.withPath(path, { stat($0, &info) }) != 0 {
            var linkInfo = stat()
            if FileSystemName.withPath(path, { lstat($0, &linkInfo) }) == 0 { throw .notFound }  // a dangling symbolic link
            if errno == EACCES { throw .permissionDenied }
            throw .notFound
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .isDirectory
        default: throw .notRegularFile
        }
        let fd = FileSystemName.withPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            if errno == EACCES { throw .permissionDenied }
            throw .unreadable(String(cString: strerror(errno)))
        }
        defer { close(fd) }
        return try FileBytes(reading: fd, size: Int(info.st_size))
    }

    /// Everything on standard input (or on `fd`), up to `limit` bytes. A NUL byte stops the
    /// read at once, as binary (`cat /dev/zero | docbao -` ends with a message, not a hang),
    /// unless what came so far is UTF-16 (`TextDecoder.utf16Order`), whose ASCII has them.
    public static func readStandardInput(fd: Int32 = STDIN_FILENO, limit: Int = standardInputLimit) throws(ContentError) -> FileBytes {
        // Typing an article in until Ctrl-D is never what was meant.
        if isatty(fd) != 0 { throw .terminalInput }
        var parts: [[UInt8]] = []
        var total = 0, isUTF16 = false
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            parts.append(Array(chunk[0..<n]))
            if !isUTF16, chunk[0..<n].contains(0) {
                // Asked once: the first NUL decides.
                isUTF16 = Array(parts.joined()).withUnsafeBufferPointer(TextDecoder.utf16Order) != nil
                if !isUTF16 { throw .binary(.nulBytes) }
            }
            total += n
            if total > limit { throw .unreadable("more than \(limit >> 20) MB on standard input") }
        }
        return FileBytes(parts: parts)
    }

    /// A stable id for an article read from standard input, from its bytes: the same text
    /// piped again is the same article (its count, rating and place).
    public static func standardInputID(_ file: FileBytes) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64 bits
        for byte in file.buffer {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "stdin:" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Reads and parses an article file (in `encoding`, see `TextEncoding`).
    public static func load(path: String, encoding: TextEncoding = .auto) throws(ContentError) -> Article {
        try ArticleParser.parse(file: read(path: path), markdown: isMarkdown(path), encoding: encoding)
    }

    /// Whether a file is Markdown by its name (`.md`): always read in the authored format.
    public static func isMarkdown(_ path: String) -> Bool {
        path.utf8.count > 3 && path.lowercased().hasSuffix(".md")
    }
}
