/// The bits of HTML that Markdown lets into text, as they turn up in articles converted from
/// web pages: character references (`&amp;`, `&agrave;`, `&#7841;`), line breaks (`<br>`),
/// comments, and formatting tags. `InlineMarkup` reads them; nothing here is ever sent to the
/// terminal as it was written.
enum HTMLInline {
    // MARK: Character references

    /// The character a reference at `i` stands for (its UTF-8), and where the reference ends;
    /// nil when there is none, or it names one that must not reach the screen (a control
    /// character, a bidirectional override: the cleaning removed those from the file, and
    /// `&#27;` must not bring one back). Such a reference is shown as written.
    static func reference(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> (utf8: [UInt8], end: Int)? {
        guard i + 2 < b.count, b[i] == UInt8(ascii: "&") else { return nil }
        var j = i + 1
        let value: UInt32
        if b[j] == UInt8(ascii: "#") {
            j += 1
            let hex = j < b.count && (b[j] | 0x20) == UInt8(ascii: "x")
            if hex { j += 1 }
            let digitsStart = j
            var v: UInt32 = 0
            while j < b.count, j - digitsStart < (hex ? 6 : 7), let d = digit(b[j], hex: hex) {
                v = v * (hex ? 16 : 10) + d
                j += 1
            }
            guard j > digitsStart else { return nil }
            value = v
        } else {
            let nameStart = j
            while j < b.count, j - nameStart < 32, InlineMarkup.isASCIILetter(b[j]) || InlineMarkup.isASCIIDigit(b[j]) { j += 1 }
            guard j > nameStart, let v = named(b[nameStart..<j]) else { return nil }
            value = v
        }
        guard j < b.count, b[j] == UInt8(ascii: ";"), let scalar = Unicode.Scalar(value), mayShow(scalar) else { return nil }
        if value == 0xAD { return ([], j + 1) }  // `&shy;`: a soft hyphen goes, as the cleaning drops one in the file
        return (Array(String(Character(scalar)).utf8), j + 1)
    }

    /// `bytes` with their character references replaced (an address: `?a=1&amp;b=2`).
    static func decodingReferences(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
        return bytes.withUnsafeBufferPointer { b in
            var out: [UInt8] = []
            var i = 0
            while i < b.count {
                if let (utf8, end) = reference(at: i, in: b) {
                    out += utf8
                    i = end
                } else {
                    out.append(b[i])
                    i += 1
                }
            }
            return out
        }
    }

    /// What `ByteSanitizer` lets through: no C0 or C1 control, DEL, NUL or bidirectional
    /// override.
    static func mayShow(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v >= 0x20 && !(0x7F...0x9F).contains(v) && !(0x202A...0x202E).contains(v) && !(0x2066...0x2069).contains(v)
    }

    private static func digit(_ c: UInt8, hex: Bool) -> UInt32? {
        if InlineMarkup.isASCIIDigit(c) { return UInt32(c - UInt8(ascii: "0")) }
        let lower = c | 0x20
        return hex && lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") ? UInt32(lower - UInt8(ascii: "a") + 10) : nil
    }

    /// The code point of a named reference docbao knows: HTML's Latin-1 names (which older
    /// Vietnamese pages use for à, é, ô…), the Vietnamese letters HTML 5 names, and the
    /// punctuation of running text. Others (HTML 5 has some two thousand) are shown as written.
    static func named(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> UInt32? {
        let text = String(decoding: name, as: UTF8.self)
        if let k = latin1Names.firstIndex(of: text) { return 0xA0 + UInt32(k) }
        return otherNames.first { $0.0 == text }?.1
    }

    /// U+00A0 to U+00FF, in order.
    static let latin1Names = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy",
        "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm",
        "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig",
        "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
        "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN",
        "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc",
        "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml",
        "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ]

    static let otherNames: [(String, UInt32)] = [
        ("amp", 0x26), ("lt", 0x3C), ("gt", 0x3E), ("quot", 0x22), ("apos", 0x27),
        ("Abreve", 0x102), ("abreve", 0x103), ("Dstrok", 0x110), ("dstrok", 0x111), ("Itilde", 0x128),
        ("itilde", 0x129), ("Utilde", 0x168), ("utilde", 0x169),
        ("ndash", 0x2013), ("mdash", 0x2014), ("lsquo", 0x2018), ("rsquo", 0x2019), ("sbquo", 0x201A),
        ("ldquo", 0x201C), ("rdquo", 0x201D), ("bdquo", 0x201E), ("bull", 0x2022), ("hellip", 0x2026),
        ("prime", 0x2032), ("Prime", 0x2033), ("lsaquo", 0x2039), ("rsaquo", 0x203A), ("euro", 0x20AC),
        ("trade", 0x2122), ("larr", 0x2190), ("rarr", 0x2192), ("minus", 0x2212), ("ensp", 0x2002),
        ("emsp", 0x2003), ("thinsp", 0x2009),
    ]

    // MARK: Tags

    /// An HTML tag in text: `<b>`, `</em>`, `<br/>`, `<a href="…">`.
    struct Tag {
        /// Lower case.
        var name: String
        var isClosing: Bool
        /// The `href` of an `<a>` tag, as written.
        var href: [UInt8]?
        /// The `alt` of an `<img>` tag, as written.
        var alt: [UInt8]?
        /// The `colspan` of a table cell, when it spans more than one column.
        var colspan: Int?
        /// A table cell's alignment, from `align="right"` or `style="text-align: right"`.
        var alignment: MarkdownTable.Alignment?
        /// Where the tag ends, after its `>`.
        var end: Int
    }

    /// The tag at `i` (a `<`), or nil: a name of letters and digits after `<` or `</`, then
    /// attributes (`name`, `name=value`, `name="value"`, `name='value'`), then `>` or `/>`, all
    /// on one line. Anything else (`a < b`, `<3`) is not a tag.
    static func tag(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> Tag? {
        var j = i + 1
        guard j < b.count else { return nil }
        let closing = b[j] == UInt8(ascii: "/")
        if closing { j += 1 }
        let nameStart = j
        guard j < b.count, InlineMarkup.isASCIILetter(b[j]) else { return nil }
        while j < b.count, InlineMarkup.isASCIILetter(b[j]) || InlineMarkup.isASCIIDigit(b[j]) { j += 1 }
        let name = String(decoding: b[nameStart..<j], as: UTF8.self).lowercased()
        var href: [UInt8]?, alt: [UInt8]?, colspan: Int?, alignment: MarkdownTable.Alignment?
        while true {
            let spaced = j < b.count && (b[j] == 0x20 || b[j] == 0x09)
            while j < b.count, b[j] == 0x20 || b[j] == 0x09 { j += 1 }
            guard j < b.count else { return nil }
            if b[j] == UInt8(ascii: ">") {
                return Tag(name: name, isClosing: closing, href: href, alt: alt, colspan: colspan, alignment: alignment, end: j + 1)
            }
            if b[j] == UInt8(ascii: "/"), j + 1 < b.count, b[j + 1] == UInt8(ascii: ">"), !closing {
                return Tag(name: name, isClosing: false, href: href, alt: alt, colspan: colspan, alignment: alignment, end: j + 2)
            }
            // An attribute, set off by a space.
            guard spaced, !closing, isAttributeNameStart(b[j]) else { return nil }
            let attributeStart = j
            while j < b.count, isAttributeNameStart(b[j]) || InlineMarkup.isASCIIDigit(b[j]) || b[j] == UInt8(ascii: "-")
                || b[j] == UInt8(ascii: ".") { j += 1 }
            let attribute = String(decoding: b[attributeStart..<j], as: UTF8.self).lowercased()
            guard j < b.count, b[j] == UInt8(ascii: "=") else { continue }
            j += 1
            guard j < b.count else { return nil }
            var value: Range<Int>
            if b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") {
                let quote = b[j]
                let valueStart = j + 1
                j = valueStart
                // Capped, so that a line of unclosed quotes is not read to its end at each `<`.
                while j < b.count, b[j] != quote, b[j] != 0x0A, j - valueStart < longestValue { j += 1 }
                guard j < b.count, b[j] == quote else { return nil }
                value = valueStart..<j
                j += 1
            } else {
                let valueStart = j
                while j < b.count, b[j] > 0x20, !"\"'=<>`".utf8.contains(b[j]) { j += 1 }
                guard j > valueStart else { return nil }
                value = valueStart..<j
            }
            if attribute == "href" { href = Array(b[value]) }
            if attribute == "alt" { alt = Array(b[value]) }
            if attribute == "colspan", let n = Int(String(decoding: b[value], as: UTF8.self)), n > 1 { colspan = min(n, 64) }
            if (name == "td" || name == "th") && (attribute == "align" || attribute == "style") {
                alignment = cellAlignment(String(decoding: b[value], as: UTF8.self).lowercased()) ?? alignment
            }
        }
    }

    /// A cell's alignment from its `align` value or its style's `text-align`.
    private static func cellAlignment(_ value: String) -> MarkdownTable.Alignment? {
        let setting = value.range(of: "text-align:").map { String(value[$0.upperBound...]) } ?? value
        switch setting.trimmingSpaces().prefix(while: { $0.isLetter }) {
        case "right": return .right
        case "center": return .center
        case "left": return .left
        default: return nil
        }
    }

    /// Bytes of an attribute's value (an address, a picture's words) at most.
    static let longestValue = 4096

    private static func isAttributeNameStart(_ c: UInt8) -> Bool {
        InlineMarkup.isASCIILetter(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ":")
    }

    /// What a known tag does to the text: a line break; a block's edge (a line break, where
    /// the line has text: `<p>`, `<div>`, a table's row), a list item's (a line break and a
    /// bullet), a table cell's (a rule between cells); a style over what it encloses; its
    /// words (a picture's `alt`, as Markdown's images show theirs); or nothing (it is dropped,
    /// its content kept). Tags of other names are shown as written.
    enum Role {
        case lineBreak, blockEdge, listItem, cell, strong, emphasis, link, image, raised, lowered, dropped
    }

    static func role(of name: String) -> Role? {
        switch name {
        case "br": return .lineBreak
        case "b", "strong": return .strong
        case "i", "em", "cite", "dfn", "var": return .emphasis
        case "a": return .link
        case "img": return .image
        case "p", "div", "section", "article", "header", "footer", "figure", "figcaption", "blockquote", "center", "main",
            "aside", "nav", "hr", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "caption",
            "h1", "h2", "h3", "h4", "h5", "h6":
            return .blockEdge
        case "li": return .listItem
        case "td", "th": return .cell
        case "sup": return .raised
        case "sub": return .lowered
        case "span", "u", "s", "del", "ins", "strike", "mark", "small", "big", "font", "abbr", "q", "kbd",
            "samp", "tt", "time", "bdi", "wbr", "picture", "source":
            return .dropped
        default: return nil
        }
    }

    /// `bytes` (the content of a `<sup>` or `<sub>`) in Unicode's superscript or subscript
    /// characters, where every one has one (digits, `+ - = ( )`): `m<sup>2</sup>` reads `m²`,
    /// `CO<sub>2</sub>` `CO₂`, a note's number `¹`. Nil otherwise (the content then stays as it is).
    static func script(_ bytes: ArraySlice<UInt8>, superscript: Bool) -> [UInt8]? {
        guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
        var out = ""
        for b in bytes {
            let v: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = UInt32(b - UInt8(ascii: "0"))
                v = !superscript ? 0x2080 + digit : digit == 1 ? 0xB9 : digit == 2 ? 0xB2 : digit == 3 ? 0xB3 : 0x2070 + digit
            case UInt8(ascii: "+"): v = superscript ? 0x207A : 0x208A
            case UInt8(ascii: "-"): v = superscript ? 0x207B : 0x208B
            case UInt8(ascii: "="): v = superscript ? 0x207C : 0x208C
            case UInt8(ascii: "("): v = superscript ? 0x207D : 0x208D
            case UInt8(ascii: ")"): v = superscript ? 0x207E : 0x208E
            default: return nil
            }
            out.unicodeScalars.append(Unicode.Scalar(v)!)
        }
        return Array(out.utf8)
    }

    /// The words of a figure that is all of `text` (`<figure>` … `</figure>`, on one line or
    /// several, as Pandoc writes a picture with a caption): its `<figcaption>`'s, or else what
    /// is inside it (a picture's `alt`), still as HTML; nil for anything else.
    static func figureCaption(_ text: String) -> String? {
        guard text.utf8.first == UInt8(ascii: "<") else { return nil }  // most paragraphs: no copy
        let b = Array(text.utf8)
        guard b.count > 17, matches("<figure", b, at: 0), let openEnd = find(">", in: b, from: 7),
            matches("</figure>", b, at: b.count - 9)
        else { return nil }
        let inside = (openEnd + 1)..<(b.count - 9)
        if let captionStart = find("<figcaption", in: b, from: inside.lowerBound), captionStart < inside.upperBound,
            let captionOpenEnd = find(">", in: b, from: captionStart),
            let captionEnd = find("</figcaption>", in: b, from: captionOpenEnd), captionEnd <= inside.upperBound
        {
            return String(decoding: b[(captionOpenEnd + 1)..<captionEnd], as: UTF8.self)
        }
        return String(decoding: b[inside], as: UTF8.self)
    }

    /// Where `needle` (ASCII, lower case) first occurs in `bytes` from `start`, whatever the
    /// case of its letters there.
    private static func find(_ needle: String, in bytes: [UInt8], from start: Int) -> Int? {
        guard start >= 0, bytes.count >= needle.utf8.count, start <= bytes.count - needle.utf8.count else { return nil }
        return (start...(bytes.count - needle.utf8.count)).first { matches(needle, bytes, at: $0) }
    }

    /// Whether `needle` (ASCII, lower case) stands in `bytes` at `i`, whatever the case of its
    /// letters there (`</TABLE>`).
    static func matches(_ needle: String, _ bytes: [UInt8], at i: Int) -> Bool {
        guard i >= 0, i + needle.utf8.count <= bytes.count else { return false }
        return zip(bytes[i...], needle.utf8).allSatisfy { b, n in (b | (InlineMarkup.isASCIILetter(b) ? 0x20 : 0)) == n }
    }

    /// Whether an HTML comment starts at `i` (`<!--`).
    static func opensComment(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> Bool {
        i + 3 < b.count && b[i + 1] == UInt8(ascii: "!") && b[i + 2] == UInt8(ascii: "-") && b[i + 3] == UInt8(ascii: "-")
    }

    /// Where the HTML comment that starts at `i` ends, after its `-->`; nil when it is not
    /// closed in the text (then no later one is either: the caller need not look again).
    static func commentEnd(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> Int? {
        var j = i + 4
        while j + 2 < b.count {
            if b[j] == UInt8(ascii: "-"), b[j + 1] == UInt8(ascii: "-"), b[j + 2] == UInt8(ascii: ">") { return j + 3 }
            j += 1
        }
        return nil
    }
}
