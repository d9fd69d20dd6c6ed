/// The code a file's bytes are read in: found out (`auto`, the default: UTF-8, UTF-16 with its
/// byte order mark, an older Vietnamese code where the bytes look like one, else Windows-1252
/// where they look like Western text in an 8-bit code), or named by the reader with
/// `--encoding` where the guess is wrong or a file too short to guess from.
public enum TextEncoding: String, CaseIterable, Sendable {
    case auto
    case utf8 = "utf-8"
    case windows1258 = "windows-1258"
    case viscii
    case tcvn3
    case vni
    case viqr
    case windows1252 = "windows-1252"

    /// The names `--encoding` takes, for its help and its error message.
    public static let names = allCases.map(\.rawValue).joined(separator: ", ")

    /// `name` in any case, `utf8`, `cp1258` and `cp1252` too, and Latin-1's names for
    /// Windows-1252 (its printable characters are Latin-1's, as browsers read it).
    public init?(name: String) {
        switch name.lowercased() {
        case "utf8": self = .utf8
        case "cp1258": self = .windows1258
        case "cp1252", "latin1", "latin-1", "iso-8859-1", "iso8859-1": self = .windows1252
        case let other: self.init(rawValue: other)
        }
    }

    /// The warning of a file found to be in this code (nil for UTF-8, which needs none).
    var guessedWarning: String? {
        switch self {
        case .windows1258: return TextDecoder.windows1258Warning
        case .viscii: return TextDecoder.visciiWarning
        case .tcvn3: return TextDecoder.tcvn3Warning
        case .vni: return TextDecoder.vniWarning
        case .viqr: return TextDecoder.viqrWarning
        case .windows1252: return TextDecoder.windows1252Warning
        case .auto, .utf8: return nil
        }
    }

    /// The warning of a file read in this code because `--encoding` said so.
    var namedWarning: String { "read as \(rawValue), as --encoding asked" }

    /// `bytes` (a UTF-8 BOM taken off) in UTF-8, read in this code whatever they look like;
    /// nil for `auto`.
    func utf8(_ bytes: [UInt8]) -> [UInt8]? {
        switch self {
        case .auto: return nil
        case .utf8: return bytes
        case .windows1258: return Windows1258.utf8(bytes)
        case .windows1252: return Windows1252.utf8(bytes)
        case .viscii: return VISCII.utf8(bytes)
        case .tcvn3: return TCVN3.utf8(bytes)
        case .vni: return VNI.utf8(bytes)
        case .viqr:
            // Bytes that are not UTF-8 are repaired first; VIQR's marks are ASCII.
            let text = String(decoding: bytes, as: UTF8.self)
            return Array(text.utf8).withUnsafeBufferPointer(VIQR.utf8)
        }
    }
}
