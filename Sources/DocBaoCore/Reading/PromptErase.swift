/// What Ctrl-W and Ctrl-U take from the text typed at a prompt (search, library filter), as
/// a shell's line editor does.
public enum PromptErase: Equatable, Sendable {
    /// The last word, with the spaces after it (Ctrl-W).
    case word
    /// Everything typed (Ctrl-U).
    case all

    /// `text` with this much taken from its end.
    public func applied(to text: String) -> String {
        switch self {
        case .all:
            return ""
        case .word:
            var kept = Substring(text)
            while kept.last?.isWhitespace == true { kept.removeLast() }
            while let last = kept.last, !last.isWhitespace { kept.removeLast() }
            return String(kept)
        }
    }
}
