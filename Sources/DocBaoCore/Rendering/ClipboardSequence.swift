/// The escape sequence that hands text to the terminal's clipboard: OSC 52 (`ESC ] 52 ; c ;`
/// base64 `BEL`), which xterm introduced and most terminal emulators and tmux
/// (`set-clipboard on`) take; one that does not know it ignores it. The text goes as base64,
/// so no byte of it can end the sequence or start another: an article's link cannot drive the
/// terminal through it.
public enum ClipboardSequence {
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + base64(Array(text.utf8)) + "\u{07}"
    }

    /// Whether to send it at all. A terminal that does not know the sequence ignores it, but
    /// the Linux console and the old terminals without an alternate screen would print it: no
    /// alternate screen is taken as no clipboard. `DOCBAO_CLIPBOARD=on` or `off` overrides
    /// that guess.
    public static func isOffered(environment: [String: String], hasAlternateScreen: Bool) -> Bool {
        switch environment["DOCBAO_CLIPBOARD"] {
        case "off": return false
        case "on": return true
        default: return hasAlternateScreen
        }
    }

    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// RFC 4648 base64, padded with `=`.
    static func base64(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            let b0 = UInt32(bytes[i])
            let b1 = n > 1 ? UInt32(bytes[i + 1]) : 0
            let b2 = n > 2 ? UInt32(bytes[i + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            for k in 0..<4 {
                out.append(k <= n ? alphabet[Int(group >> UInt32(18 - 6 * k) & 63)] : UInt8(ascii: "="))
            }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
