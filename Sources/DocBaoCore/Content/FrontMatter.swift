/// The metadata that opens a Markdown file written for a static site generator or Pandoc:
/// YAML between two `---` lines (the second may be `...`), or TOML between two `+++` lines.
///
///     ---
///     title: "Người dân khắp nơi về dự lễ hội Đền Hùng"
///     author: Trần Minh Anh
///     date: 2024-04-18
///     tags: [lễ hội, Phú Thọ]
///     ---
///
/// Only what an article shows is read — the keys of the authored header (`title`, `author`,
/// `date`…), as plain values, quoted values, an inline list (`[a, b]`) or a list of `- ` lines
/// under the key — not YAML or TOML as a whole. A file that merely starts with a thematic break
/// must not lose its text: every line inside must look like metadata (a key of ASCII letters,
/// digits, `_` or `-` then `:` or `=`, a list line, an indented line, a comment, or blank), and
/// the block must close within `maximumLines`.
enum FrontMatter {
    static let maximumLines = 200

    /// The fence lines a front matter may open with.
    static func isOpening(_ line: String) -> Bool { line == "---" || line == "+++" }

    /// The metadata of `lines` (trimmed; `indent` gives the spaces that were before each),
    /// which start with a front matter: the fields it fills, the lines it leaves out, and how
    /// many lines it takes, fences included. Nil when `lines` do not start with one.
    static func read(_ lines: ArraySlice<String>, indent: (Int) -> Int)
        -> (fields: [(WritableKeyPath<Article, String?>, String)], removed: [String], count: Int)?
    {
        guard let fence = lines.first, isOpening(fence) else { return nil }
        let inside = lines.dropFirst().prefix(maximumLines)
        guard let close = inside.firstIndex(where: { $0 == fence || fence == "---" && $0 == "..." }) else { return nil }
        let body = lines[(lines.startIndex + 1)..<close]
        guard body.indices.allSatisfy({ looksLikeMetadata(body[$0], indent: indent($0)) }) else { return nil }
        var fields: [(WritableKeyPath<Article, String?>, String)] = []
        var removed: [String] = []
        var i = body.startIndex
        while i < body.endIndex {
            let line = body[i]
            i += 1
            guard !line.isEmpty else { continue }
            guard let (key, rawValue) = entry(line, toml: fence == "+++") else {
                removed.append(line)
                continue
            }
            // What belongs to this key: the indented or `- ` lines under it.
            var more: [String] = []
            while i < body.endIndex, continues(body[i], indent: indent(i)) {
                more.append(body[i])
                i += 1
            }
            let path = AuthoredParser.field(forKey: TextFolding.fold(key)) ?? extraField(key)
            if let path, let value = value(rawValue, more), !value.isEmpty {
                fields.append((path, value))
            } else {
                removed.append(line)
                removed += more.filter { !$0.isEmpty }
            }
        }
        return (fields, removed, close - lines.startIndex + 1)
    }

    /// Where a front matter that opens `bytes[start...]` ends (after its closing line), or nil:
    /// a large file's head must hold it whole.
    static func end(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var lines: [String] = []
        var indents: [Int] = []
        var ends: [Int] = []
        var offset = start
        // Blank lines before it are skipped, as the parser skips them.
        while lines.count <= maximumLines + 1, offset < bytes.count {
            let stop = ByteLines.find(0x0A, in: bytes, from: offset, to: bytes.count) ?? bytes.count
            // Raw bytes: a CR before the line end is not cleaned yet.
            let line = offset..<(stop > offset && bytes[stop - 1] == 0x0D ? stop - 1 : stop)
            offset = stop + 1
            if lines.isEmpty {
                // The first line is looked at in bytes: nearly every file ends the search here.
                var t = ByteLines.trim(bytes, line)
                // Tabs are not cleaned yet either.
                while let last = t.last, bytes[last] == 0x09 { t = t.dropLast() }
                while let first = t.first, bytes[first] == 0x09 { t = t.dropFirst() }
                if t.isEmpty { continue }
                guard t.count == 3, bytes[t.lowerBound] == UInt8(ascii: "-") || bytes[t.lowerBound] == UInt8(ascii: "+"),
                    bytes[t.lowerBound + 1] == bytes[t.lowerBound], bytes[t.lowerBound + 2] == bytes[t.lowerBound]
                else { return nil }
            }
            let text = AuthoredParser.trimmedLine(bytes, line)
            lines.append(text)
            indents.append(LargeArticleReader.indentColumns(bytes, line))
            ends.append(min(offset, bytes.count))
        }
        guard let found = read(lines[...], indent: { indents[$0] }) else { return nil }
        return ends[found.count - 1]
    }

    /// A line (trimmed, after `indent` spaces) that may stand inside a front matter.
    static func looksLikeMetadata(_ line: String, indent: Int) -> Bool {
        if line.isEmpty || continues(line, indent: indent) || line.hasPrefix("#") || line.hasPrefix("[") { return true }
        return entry(line, toml: false) != nil || entry(line, toml: true) != nil  // `[section]` above: TOML's tables
    }

    /// A line that carries on the key above it: indented, or a `- ` list line.
    private static func continues(_ line: String, indent: Int) -> Bool {
        !line.isEmpty && (indent > 0 || line.hasPrefix("- ") || line == "-")
    }

    /// `key: value` (YAML) or `key = value` (TOML) at the start of a line.
    private static func entry(_ line: String, toml: Bool) -> (key: String, value: String)? {
        let utf8 = Array(line.utf8)
        var i = 0
        while i < utf8.count, isKeyByte(utf8[i]) { i += 1 }
        guard i > 0 else { return nil }
        let key = String(decoding: utf8[0..<i], as: UTF8.self)
        while i < utf8.count, utf8[i] == 0x20 { i += 1 }
        guard i < utf8.count, utf8[i] == (toml ? UInt8(ascii: "=") : UInt8(ascii: ":")) else { return nil }
        // YAML needs a space (or the line's end) after the colon: `http://` is no key.
        if !toml, i + 1 < utf8.count, utf8[i + 1] != 0x20 { return nil }
        return (key, String(decoding: utf8[(i + 1)...], as: UTF8.self).trimmingSpaces())
    }

    private static func isKeyByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D
    }

    /// Keys the site generators use for the fields the authored header names otherwise.
    private static func extraField(_ key: String) -> WritableKeyPath<Article, String?>? {
        switch key.lowercased() {
        case "authors", "byline": return \.author
        case "publishdate", "pubdate", "published_at", "publish_date": return \.published
        case "category", "section": return \.kicker
        default: return nil
        }
    }

    /// A value as shown: unquoted; a list (inline, or `- ` lines under the key) joined by
    /// commas; a folded or literal block (`>`, `|`) joined by spaces.
    private static func value(_ raw: String, _ more: [String]) -> String? {
        if raw.isEmpty || raw.hasPrefix(">") || raw.hasPrefix("|") {
            let items = more.filter { !$0.isEmpty }
            if items.allSatisfy({ $0.hasPrefix("-") }) && !raw.hasPrefix(">") && !raw.hasPrefix("|") {
                return items.map { unquoted(String($0.dropFirst()).trimmingSpaces()) }.joined(separator: ", ")
            }
            return items.joined(separator: " ")
        }
        guard more.isEmpty else { return nil }  // a nested map: not a value to show
        if raw.hasPrefix("["), raw.hasSuffix("]") {
            return raw.dropFirst().dropLast().split(separator: ",")
                .map { unquoted(String($0).trimmingSpaces()) }.filter { !$0.isEmpty }.joined(separator: ", ")
        }
        return unquoted(raw)
    }

    /// A YAML or TOML string without its quotes (`"…"` with `\"` and `\\` escapes, `'…'` with `''`).
    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else { return text }
        let inner = String(text.dropFirst().dropLast())
        if first == "'" { return inner.replacingOccurrences(of: "''", with: "'") }
        var out = ""
        var escaped = false
        for c in inner {
            if escaped {
                out.append(c == "n" ? " " : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}
