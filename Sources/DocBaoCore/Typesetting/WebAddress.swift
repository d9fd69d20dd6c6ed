/// How the line breaker tells a word that is a web address: it starts `http://`, `https://`
/// or `www.` (in any case), after at most one opening bracket or straight quote, as an address
/// does in running text (`(https://…)`). Decided on bytes, so that the breaker's two sources
/// of clusters agree.
enum WebAddress {
    static let prefixes: [[UInt8]] = ["http://", "https://", "www."].map { Array($0.utf8) }
    static let openers: [UInt8] = Array("([<\"".utf8)
    /// The most bytes `starts(_:)` looks at.
    static let longestStart = 1 + 8

    /// Whether a word that starts with `byte` may be an address: most words start with none
    /// of these, and are spared the look.
    static func mayStart(with byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "w"), UInt8(ascii: "W"),
            UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "\""):
            return true
        default: return false
        }
    }

    static func starts<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var rest = bytes[...]
        if let first = rest.first, openers.contains(first) { rest = rest.dropFirst() }
        return prefixes.contains { start in
            rest.count >= start.count && zip(start, rest).allSatisfy { a, b in
                // Letters in either case; `:`, `/` and `.` as they are.
                a >= UInt8(ascii: "a") ? b | 0x20 == a : b == a
            }
        }
    }
}
