/// The fence of a fenced code block in an authored article: a line of three or more backticks
/// or tildes (a language name may follow), up to a line of at least as many of the same.
/// The lines between are shown as they are, spaces and all, and none of them is markup.
struct CodeFence: Equatable, Sendable {
    let byte: UInt8
    let length: Int

    /// The fence a line opens, if it is an opening fence. Spaces and tabs may come before it
    /// (a code block inside a list item is indented); a backtick fence's language name may not
    /// hold a backtick (that would be inline code).
    static func opening(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> CodeFence? {
        let i = ByteLines.skipSpacesAndTabs(bytes, from: line.lowerBound, end: line.upperBound)
        guard i < line.upperBound, bytes[i] == UInt8(ascii: "`") || bytes[i] == UInt8(ascii: "~") else { return nil }
        let c = bytes[i]
        var j = i
        while j < line.upperBound, bytes[j] == c { j += 1 }
        guard j - i >= 3 else { return nil }
        if c == UInt8(ascii: "`"), bytes[j..<line.upperBound].contains(c) { return nil }
        return CodeFence(byte: c, length: j - i)
    }

    static func opening(_ line: String) -> CodeFence? {
        guard let first = line.utf8.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") || first == 0x20 else {
            return nil
        }
        var line = line
        return line.withUTF8 { opening($0, 0..<$0.count) }
    }

    /// Whether a line closes this fence: nothing but at least as many of its characters.
    func isClosed(by bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let i = ByteLines.skipSpacesAndTabs(bytes, from: line.lowerBound, end: line.upperBound)
        var j = i
        while j < line.upperBound, bytes[j] == byte { j += 1 }
        return j - i >= length && ByteLines.trim(bytes, j..<line.upperBound).allSatisfy { bytes[$0] == 0x0D }
    }

    func isClosed(by line: String) -> Bool {
        guard line.utf8.first == byte else { return false }
        var line = line
        return line.withUTF8 { isClosed(by: $0, 0..<$0.count) }
    }

    /// Where the code block still open at the end of `range` starts (its fence line), if one is.
    static func stillOpen(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var open: (fence: CodeFence, at: Int)?
        ByteLines.forEachLine(bytes, range) { line in
            if let o = open {
                if o.fence.isClosed(by: bytes, line) { open = nil }
            } else if let fence = opening(bytes, line) {
                open = (fence, line.lowerBound)
            }
        }
        return open?.at
    }

    /// A line of code as shown: its `indent` (the spaces before it) kept, the spaces after
    /// it dropped, and a line of nothing but spaces empty. `trimmed`: the line without spaces
    /// at either end, as the parser has it.
    static func codeLine(indent: Int, _ trimmed: String) -> String {
        trimmed.isEmpty ? "" : String(repeating: " ", count: indent) + trimmed
    }

    /// The same from a whole cleaned line (tabs are spaces by now), as the lazy middle has it.
    static func codeLine(_ raw: String) -> String {
        var raw = raw
        return raw.withUTF8 { bytes in
            var indent = 0
            while indent < bytes.count, bytes[indent] == 0x20 { indent += 1 }
            return codeLine(indent: indent, ByteLines.string(bytes, ByteLines.trim(bytes, 0..<bytes.count)))
        }
    }

    /// A code block's lines as its text: those that end it blank are dropped.
    static func text(_ lines: [String]) -> String {
        var lines = lines[...]
        while lines.last?.isEmpty == true { lines = lines.dropLast() }
        return lines.joined(separator: "\n")
    }
}
