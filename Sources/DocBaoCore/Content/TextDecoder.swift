import Foundation

/// Turns the bytes of a file into clean NFC text with LF line ends: BOMs and UTF-16 are
/// recognised, invalid UTF-8 is repaired, binary data is refused, and controls are removed.
public enum TextDecoder {
    public struct Decoded: Sendable {
        public var text: String
        public var warnings: [String]
    }

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The warning of a file that is not valid UTF-8 (an older Vietnamese encoding, say).
    public static let invalidUTF8Warning = "the file is not valid UTF-8; invalid bytes are shown as \u{FFFD}"

    /// The warning of a file read as Vietnamese in Windows-1258 (`Windows1258.isLikely`).
    public static let windows1258Warning = "the file is not UTF-8; read as Vietnamese in Windows-1258"

    /// The warning of a file read as Vietnamese in TCVN3 (`TCVN3.isLikely`).
    public static let tcvn3Warning = "the file is not UTF-8; read as Vietnamese in TCVN3 (ABC)"

    /// The warning of a file read as Vietnamese in VISCII (`VISCII.isLikely`).
    public static let visciiWarning = "the file is not UTF-8; read as Vietnamese in VISCII"

    /// The warning of a file read as Vietnamese in VNI (`VNI.isLikely`).
    public static let vniWarning = "the file is not UTF-8; read as Vietnamese in VNI"

    /// The warning of a file read as Vietnamese typed in VIQR (`VIQR.isLikely`).
    public static let viqrWarning = "the file is Vietnamese typed in VIQR (Vie^.t); read as Vietnamese letters"

    /// The warning of a file read as Western text in Windows-1252 (`Windows1252.isLikely`).
    public static let windows1252Warning = "the file is not UTF-8 and looks like no Vietnamese code; read as Windows-1252 (Western)"

    /// The warning of a web page read in the code its `<meta charset>` or XML declaration names.
    static func declaredWarning(_ code: TextEncoding) -> String { "read as \(code.rawValue), the code the page's markup names" }

    /// The warning of a file that is a web page's HTML (`HTMLPage.isLikely`), read as its text
    /// (`HTMLPageText`).
    public static let htmlWarning = "the file is a web page's HTML; read as the text a browser shows of it"

    /// Whether the first 64 KB are UTF-8, or UTF-8 with some damage: as many valid sequences
    /// as invalid ones, or more. (Text in an 8-bit code has far fewer: Windows-1258's almost
    /// none, VISCII's letters some by chance.)
    static func isMostlyUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let scan = EightBitScan.scan(buffer, telltales: { _, _, _ in 0 }) else { return true }
        return scan.validSequences >= scan.invalid
    }

    static func isUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { utf16Order(bytes) != nil }

    /// How UTF-16 text is laid out: its byte order, and whether a byte order mark comes first.
    struct UTF16Order: Equatable {
        var littleEndian: Bool
        var marked: Bool
    }

    /// The order of UTF-16 text: by its byte order mark; or, without one, as some Windows
    /// tools write it, by where its NUL bytes fall — the high byte of every ASCII character,
    /// so in a quarter or more of the pairs, all on one side of the pair (a twentieth as many
    /// on the other, where a character such as `一` or `Ā` has a zero low byte), beside a byte
    /// that is no control character but tab and line ends. Nil for anything else: fewer than
    /// eight pairs, a pair of NULs (U+0000), a control character.
    static func utf16Order(_ bytes: UnsafeBufferPointer<UInt8>) -> UTF16Order? {
        if bytes.starts(with: [0xFF, 0xFE]) { return UTF16Order(littleEndian: true, marked: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return UTF16Order(littleEndian: false, marked: true) }
        let pairs = min(bytes.count, 64 * 1024) / 2
        guard pairs >= 8, memchr(bytes.baseAddress!, 0, pairs * 2) != nil else { return nil }
        func isControl(_ b: UInt8) -> Bool { b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D }
        var zeros = (first: 0, second: 0)
        for i in 0..<pairs {
            let a = bytes[2 * i], b = bytes[2 * i + 1]
            if a == 0 {
                if isControl(b) { return nil }
                zeros.first += 1
            }
            if b == 0 {
                if isControl(a) { return nil }
                zeros.second += 1
            }
        }
        if zeros.second * 4 >= pairs && zeros.first * 20 <= zeros.second { return UTF16Order(littleEndian: true, marked: false) }
        if zeros.first * 4 >= pairs && zeros.second * 20 <= zeros.first { return UTF16Order(littleEndian: false, marked: false) }
        return nil
    }

    /// `encoding`: the code to read the bytes in, whatever they look like (`auto`: find out).
    public static func decode(_ raw: [UInt8], encoding: TextEncoding = .auto) throws(ContentError) -> Decoded {
        var warnings: [String] = []
        var bytes = raw
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        } else if encoding == .auto, let order = bytes.withUnsafeBufferPointer(utf16Order) {
            bytes = utf16ToUTF8(bytes, order, warnings: &warnings)
        }
        try rejectBinary(bytes)

        // Another code is converted before the sanitiser sees it: 0x80–0x9F are Windows-1258's
        // quotes and dashes, not C1 controls, and some of TCVN3's and VISCII's capitals sit on
        // control bytes. VIQR, being ASCII, is read after it.
        var sanitized = ByteSanitizer.sanitize(encoding.utf8(bytes) ?? bytes)
        var encodingWarning = encoding == .auto || encoding == .utf8 ? nil : encoding.namedWarning
        var valid = String(validating: sanitized.bytes, as: UTF8.self)
        if encoding == .auto {
            if valid == nil, let converted = bytes.withUnsafeBufferPointer(eightBitAsUTF8) {
                sanitized = ByteSanitizer.sanitize(converted.bytes)
                (valid, encodingWarning) = (String(decoding: sanitized.bytes, as: UTF8.self), converted.warning)
            } else if valid != nil, sanitized.bytes.withUnsafeBufferPointer(VIQR.isLikely) {
                sanitized.bytes = sanitized.bytes.withUnsafeBufferPointer(VIQR.utf8)
                (valid, encodingWarning) = (String(decoding: sanitized.bytes, as: UTF8.self), viqrWarning)
            }
        }
        if valid == nil { encodingWarning = encodingWarning ?? invalidUTF8Warning }
        let text = valid ?? String(decoding: sanitized.bytes, as: UTF8.self)
        if sanitized.removedControls > 0 {
            warnings.append("removed \(sanitized.removedControls) control character(s) or escape sequence(s)")
        }
        if let encodingWarning { warnings.append(encodingWarning) }
        return Decoded(text: Normalization.nfc(text), warnings: warnings)
    }

    /// NUL bytes or a high share of control bytes in the first 64 KB mean this is not a text
    /// article.
    static func rejectBinary(_ bytes: [UInt8]) throws(ContentError) {
        let rejection = bytes.withUnsafeBufferPointer { binaryRejection($0) }
        if let rejection { throw rejection }
    }

    static func rejectBinary(_ bytes: UnsafeBufferPointer<UInt8>) throws(ContentError) {
        if let rejection = binaryRejection(bytes) { throw rejection }
    }

    private static func binaryRejection(_ bytes: UnsafeBufferPointer<UInt8>) -> ContentError? {
        let count = min(bytes.count, 64 * 1024)
        guard count > 0, let base = bytes.baseAddress else { return nil }
        if memchr(base, 0, count) != nil { return .binary(.nulBytes) }
        var controls = 0
        for i in 0..<count where bytes[i] < 0x20 {
            let b = bytes[i]
            if b != 0x0A && b != 0x0D && b != 0x09 && b != 0x1B { controls += 1 }
        }
        return controls * 10 > count ? .binary(.controlBytes) : nil
    }

    /// A large file's (or a page of HTML's) bytes in UTF-8 where they are Windows-1258, VISCII,
    /// TCVN3, VNI, Windows-1252 or VIQR (`isLikely` of each), or in the code `encoding` names,
    /// with the conversion's warnings; nil for UTF-8, which the lazy reader reads as it is
    /// (UTF-16 is converted before, by `ArticleParser`).
    /// `isHTMLPage`: the bytes are a web page's HTML, whose ASCII is markup and references (not
    /// VIQR), and which may name its code (`HTMLPage.declaredEncoding`): that code is read
    /// instead of a guess where the bytes are not UTF-8, nor UTF-8 with a few bad bytes (a
    /// page saved again in UTF-8 often keeps the old element).
    static func otherEncodingAsUTF8(_ buffer: UnsafeBufferPointer<UInt8>, encoding: TextEncoding = .auto,
                                    isHTMLPage: Bool = false) -> (bytes: [UInt8], warnings: [String])?
    {
        if encoding == .utf8 { return nil }
        if encoding != .auto {
            let bytes = Array(buffer.starts(with: utf8BOM) ? UnsafeBufferPointer(rebasing: buffer[3...]) : buffer)
            return encoding.utf8(bytes).map { ($0, [encoding.namedWarning]) }
        }
        if isHTMLPage, !buffer.starts(with: utf8BOM), !isMostlyUTF8(buffer), let declared = HTMLPage.declaredEncoding(buffer),
            let bytes = declared.utf8(Array(buffer))
        {
            return (bytes, [declaredWarning(declared)])
        }
        if let converted = eightBitAsUTF8(buffer) { return (converted.bytes, [converted.warning]) }
        return !isHTMLPage && VIQR.isLikely(buffer) ? (VIQR.utf8(buffer), [viqrWarning]) : nil
    }

    /// `buffer` in UTF-8 with the warning that names its code, where it looks like Vietnamese
    /// in one of the codes used before Unicode: Windows-1258, VISCII, TCVN3 or VNI, tried in
    /// that order (each `isLikely` says why it comes where it does), else like Western text in
    /// Windows-1252; nil otherwise.
    static func eightBitAsUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], warning: String)? {
        guard let code = olderVietnameseCode(buffer) ?? (Windows1252.isLikely(buffer) ? .windows1252 : nil),
            let bytes = code.utf8(Array(buffer)), let warning = code.guessedWarning
        else { return nil }
        return (bytes, warning)
    }

    /// The older code `buffer` looks like it is in (see `eightBitAsUTF8`).
    static func olderVietnameseCode(_ buffer: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        if Windows1258.isLikely(buffer) { return .windows1258 }
        if VISCII.isLikely(buffer) { return .viscii }
        if TCVN3.isLikely(buffer) { return .tcvn3 }
        if VNI.isLikely(buffer) { return .vni }
        return olderVietnameseBySyllables(buffer)
    }

    /// For a text too short for the codes' own tests (a title and a line may hold none of the
    /// bytes they count): the code in which at least two words have bytes above 0x7F and
    /// three in four of those spell Vietnamese syllables, more of them than in any other code
    /// (where two codes read the bytes alike, as Windows-1258 and VISCII read Latin-1's `à`,
    /// neither is chosen); nil for text that is mostly UTF-8.
    static func olderVietnameseBySyllables(_ buffer: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        guard let scan = EightBitScan.scan(buffer, telltales: { _, _, _ in 0 }), scan.invalid > scan.validSequences else {
            return nil
        }
        let counts: [(TextEncoding, (words: Int, syllables: Int))] = [
            (.windows1258, Windows1258.syllables(in: buffer)), (.viscii, VISCII.syllables(in: buffer)),
            (.tcvn3, TCVN3.syllables(in: buffer)), (.vni, VNI.syllables(in: buffer)),
        ]
        let readable = counts.filter { $0.1.words >= 2 && $0.1.syllables * 4 >= $0.1.words * 3 }
        guard let best = readable.max(by: { $0.1.syllables * $1.1.words < $1.1.syllables * $0.1.words }) else { return nil }
        let tied = counts.filter { $0.1.syllables * best.1.words == best.1.syllables * $0.1.words }
        return tied.count == 1 ? best.0 : nil
    }

    static func utf16ToUTF8(_ bytes: [UInt8], _ order: UTF16Order, warnings: inout [String]) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = order.marked ? 2 : 0
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(order.littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        if bytes.count % 2 != 0 { warnings.append("the UTF-16 file ends with half a character") }
        if let valid = String(validating: units, as: UTF16.self) {
            return Array(valid.utf8)
        }
        warnings.append("the UTF-16 file has broken surrogate pairs; shown as \u{FFFD}")
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}

/// Unicode normalisation, with a fast path for text that cannot change.
public enum Normalization {
    public static func nfc(_ text: String) -> String {
        mayChangeUnderNFC(text) ? text.precomposedStringWithCanonicalMapping : text
    }

    /// Conservative: false only when no scalar could combine with its neighbour. Bytes below
    /// 0xCC start scalars below U+0300 (or continue one), which never change: skipped unread.
    static func mayChangeUnderNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { mayChangeUnderNFC(utf8: $0) }
    }

    /// `mayChangeUnderNFC` of UTF-8 bytes. Of an invalid sequence, which decoding turns into
    /// U+FFFD (a base that nothing composes with), whatever scalar its bytes spell is read.
    static func mayChangeUnderNFC(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0xCC {
                i += 1
                continue
            }
            let (v, n) = ByteLines.decodeScalar(bytes, at: i)
            i += n
            // Precomposed Latin (Vietnamese) and unified CJK ideographs are stable.
            if (0x1E00...0x1EFF).contains(v) || (0x4E00...0x9FFF).contains(v) { continue }
            guard let scalar = Unicode.Scalar(v) else { continue }
            if scalar.properties.canonicalCombiningClass != .notReordered { return true }
            if (0x1160...0x11FF).contains(v) { return true }  // Hangul jamo vowels and finals
            if (0x0900...0x0FFF).contains(v) { return true }  // Indic and Tibetan two-part vowels
            if scalar.properties.isFullCompositionExclusion || v == 0x212B || v == 0x2126 || v == 0x212A {
                return true
            }
        }
        return false
    }
}
