/// A file that is a web page's HTML rather than its text (`curl -o page.html`, a browser's
/// "save page"). docbao reads the text a browser shows of it (`HTMLPageText`) as a copied page.
enum HTMLPage {
    /// Whether `bytes` start, after a byte order mark, blanks, an XML declaration and
    /// comments, with a document type of HTML or an `<html>` element, in any case.
    static func isLikely(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = bytes.starts(with: TextDecoder.utf8BOM) ? 3 : 0
        while true {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "<") else { return false }
            if HTMLInline.opensComment(at: i, in: bytes) {
                guard let end = HTMLInline.commentEnd(at: i, in: bytes) else { return false }
                i = end
            } else if bytes[i + 1] == UInt8(ascii: "?") {  // <?xml version="1.0"?>, as XHTML starts
                guard let end = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { return false }
                i = end + 1
            } else {
                break
            }
        }
        for opening in ["<!doctype html", "<html"] {
            let tag = Array(opening.utf8)
            guard i + tag.count <= bytes.count else { continue }
            let matches = tag.indices.allSatisfy { k in
                let b = bytes[i + k]
                return (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) == tag[k]
            }
            // `<html>`, `<html lang=…>`, not `<htmlfoo>`.
            if matches, i + tag.count == bytes.count || !InlineMarkup.isASCIILetter(bytes[i + tag.count]) { return true }
        }
        return false
    }

    /// The code the page says it is in, in the first 16 KB: `<meta charset="…">`,
    /// `<meta http-equiv="Content-Type" content="text/html; charset=…">`, or an XHTML page's
    /// `<?xml version="1.0" encoding="…"?>`, where it names one docbao reads other than UTF-8
    /// (Windows-1258, VISCII, TCVN3, VNI, or Windows-1252 under any of the names browsers read
    /// it by). Nil otherwise: UTF-8, a code docbao does not know, or no such element.
    static func declaredEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        let head = String(decoding: bytes.prefix(16 * 1024), as: UTF8.self).lowercased()
        if head.drop(while: { $0 == "\u{FEFF}" || $0.isWhitespace }).hasPrefix("<?xml") {
            let declaration = head.drop { $0 != "<" }.prefix { $0 != ">" }
            if let label = value(of: "encoding", in: declaration) { return encoding(label: label) }
        }
        var rest = head[...]
        while let meta = rest.range(of: "<meta") {
            let tag = rest[meta.upperBound...].prefix { $0 != ">" }
            rest = rest[tag.endIndex...]
            if let label = value(of: "charset", in: tag) { return encoding(label: label) }
        }
        return nil
    }

    /// The value after `name =` in a tag's text, its quotes left out: `charset=utf-8`,
    /// `charset = "tcvn3"`, `content="text/html; charset=viscii"`.
    private static func value(of name: String, in tag: Substring) -> String? {
        guard let found = tag.range(of: name) else { return nil }
        let equals = tag[found.upperBound...].drop { $0 == " " }
        guard equals.first == "=" else { return nil }
        return String(equals.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
            .prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) })
    }

    /// The code of a `charset` label (lower case).
    static func encoding(label: String) -> TextEncoding? {
        switch label {
        case "windows-1258", "cp1258", "x-cp1258": return .windows1258
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii":
            return .windows1252
        case "viscii", "csviscii": return .viscii
        case "tcvn", "tcvn3", "tcvn-5712", "tcvn5712-1", "x-viet-tcvn5712", "x-viet-tcvn": return .tcvn3
        case "vni", "x-viet-vni": return .vni
        default: return nil
        }
    }
}
