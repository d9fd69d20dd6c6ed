/// A file that is a web page's HTML rather than its text. docbao reads the text of a page (as
/// a browser copies it, or as w3m and lynx write it); given the markup, it shows the markup,
/// and says how to get the text.
enum HTMLPage {
    /// Whether `bytes` start, after a byte order mark and blanks, with a document type of
    /// HTML or an `<html>` element, in any case.
    static func isLikely(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = bytes.starts(with: TextDecoder.utf8BOM) ? 3 : 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
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
