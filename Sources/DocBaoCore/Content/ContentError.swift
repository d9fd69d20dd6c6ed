/// Why a file could not be read as an article. The message is meant for the user as is.
public enum ContentError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound
    case isDirectory
    case notRegularFile
    case unreadable(String)
    case binary(String)
    case tooLarge(Int)

    public var description: String {
        switch self {
        case .notFound: return "no such file"
        case .isDirectory: return "is a directory, not an article file"
        case .notRegularFile: return "is not a regular file (a device, FIFO or socket)"
        case .unreadable(let reason): return "cannot be read: \(reason)"
        case .binary(let reason): return "looks like a binary file, not text (\(reason))"
        case .tooLarge(let bytes): return "is too large to open (\(bytes) bytes)"
        }
    }
}
