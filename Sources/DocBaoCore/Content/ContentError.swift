/// Why a file could not be read as an article. `description` is the command line's English
/// message; the reader words it in its own language (`Strings.message(for:)`).
public enum ContentError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound
    case isDirectory
    case notRegularFile
    case permissionDenied
    /// Any other failure to read, in the system's words.
    case unreadable(String)
    case binary(BinaryEvidence)
    /// `-` was given, but standard input is the terminal, not a pipe or a file.
    case terminalInput

    /// What gave a binary file away.
    public enum BinaryEvidence: Sendable {
        case nulBytes, controlBytes
    }

    public var description: String {
        switch self {
        case .notFound: return "no such file"
        case .isDirectory: return "is a directory, not an article file"
        case .notRegularFile: return "is not a regular file (a device, FIFO or socket)"
        case .permissionDenied: return "cannot be read: permission denied"
        case .unreadable(let reason): return "cannot be read: \(reason)"
        case .binary(.nulBytes): return "looks like a binary file, not text (contains NUL bytes)"
        case .binary(.controlBytes): return "looks like a binary file, not text (mostly control bytes)"
        case .terminalInput: return "is the terminal; pipe an article in (cat FILE | docbao -)"
        }
    }
}
