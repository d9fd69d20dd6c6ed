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
}
