/// File names are bytes, and Swift strings are Unicode. A name that is not UTF-8 — an archive
/// unpacked from an old Windows machine (`Tin t\xE9c.txt` in Windows-1258), a name cut in the
/// middle of a character — would come out of a plain decoding with U+FFFD in it, and that name
/// opens no file. Here each byte of such a name that is not part of a valid UTF-8 character is
/// kept as a private-use scalar, U+10FF00 plus the byte (as Python keeps them as surrogates), so
/// the name goes back to the file system as the bytes it came as: the file opens, and its
/// visits are counted under the same id on every run.
public enum FileSystemName {
    /// The escape of byte `b` is `escapeBase + b`; only bytes 0x80–0xFF are ever escaped.
    static let escapeBase: UInt32 = 0x10FF00

    /// Whether `v` is the escape of a byte.
    static func isEscape(_ v: UInt32) -> Bool { v >= escapeBase + 0x80 && v <= escapeBase + 0xFF }

    /// The name or path whose bytes are `bytes`, losing none of them.
    public static func string(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { string($0) }
    }

    /// The same from a buffer (not generic: called from other modules, a generic one would run
    /// unspecialised, a few instructions a byte, on the way to the first screen).
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Nearly every name is ASCII, or UTF-8 with no scalar from the escapes' range (which
        // starts with the byte F4): as it is.
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if !bytes.contains(0xF4), let plain = String(validating: bytes, as: UTF8.self) { return plain }
        var scalars = String.UnicodeScalarView()
        var parser = UTF8.ForwardParser()
        var input = bytes.makeIterator()
        var escaped = 0  // bytes handed on so far
        func escape(_ count: Int) {
            for b in bytes[escaped..<(escaped + count)] { scalars.append(Unicode.Scalar(escapeBase + UInt32(b))!) }
            escaped += count
        }
        loop: while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let encoded):
                let scalar = UTF8.decode(encoded)
                if isEscape(scalar.value) {
                    // A name that really holds such a scalar keeps its four bytes as escapes, so
                    // that it too goes back as it came.
                    escape(encoded.count)
                } else {
                    scalars.append(scalar)
                    escaped += encoded.count
                }
            case .error(let length):
                escape(length)
            case .emptyInput:
                break loop
            }
        }
        return String(scalars)
    }

    /// The bytes `path` stands for: its UTF-8, with each escaped byte put back.
    public static func bytes(_ path: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if isEscape(scalar.value) {
                out.append(UInt8(scalar.value - escapeBase))
            } else {
                out.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return out
    }

    /// Calls `body` with `path` as the C string the file system knows it by.
    public static func withPath<Result>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        // An escape is four bytes that start F4 8F (U+10FF80–U+10FFFF); without one, the path's
        // own UTF-8 is its name.
        guard path.utf8.contains(0xF4) else { return try path.withCString(body) }
        var raw = bytes(path).map { CChar(bitPattern: $0) }
        raw.append(0)
        return try raw.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// `text` (a path, or a message that quotes one) for standard error: an escaped byte as
    /// `\xE9`, and a control character or bidirectional override (an escape sequence in a
    /// crafted file name) as `\x1B`, so that naming a file cannot drive the terminal. Line ends
    /// and tabs become `\n` and `\t` too, unless `keepsLineEnds` (a usage message of several
    /// lines).
    public static func quoted(_ text: String, keepsLineEnds: Bool = false) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if isEscape(v) {
                out += hex(v - escapeBase)
            } else if keepsLineEnds && (v == 0x0A || v == 0x09) {
                out.unicodeScalars.append(scalar)
            } else if v == 0x0A {
                out += "\\n"
            } else if v == 0x09 {
                out += "\\t"
            } else if v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                out += hex(v)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `name` for the screen: an escaped byte is shown as U+FFFD (a terminal has no glyph for
    /// the private-use scalar that keeps it).
    public static func readable(_ name: String) -> String {
        guard name.utf8.contains(0xF4) else { return name }
        return String(String.UnicodeScalarView(name.unicodeScalars.map { isEscape($0.value) ? "\u{FFFD}" : $0 }))
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return v <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - digits.count) + digits : "\\u{\(digits)}"
    }
}
