/// A key or mouse event as the terminal layer decodes it, before it means anything.
public enum InputEvent: Equatable, Sendable {
    case character(Character)
    case key(SpecialKey)
    case mouse(MouseEvent)
    case resize(TermSize)
}

public enum SpecialKey: Equatable, Sendable {
    case up, down, left, right, pageUp, pageDown, home, end, enter, backspace, escape, tab
    /// A letter typed with Ctrl held, as its lower-case letter (`control("d")` for Ctrl-D);
    /// Ctrl-H, I, J and M are Backspace, Tab and Enter.
    case control(Character)
}

public struct MouseEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case press, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

extension ReaderState {
    /// What an input event means in the current mode (help, prompt, search, library, article).
    /// Clicks are resolved against the regions of the last frame drawn.
    public func action(for event: InputEvent, frame: Frame?) -> Action? {
        switch event {
        case .resize(let s): return .resize(s)
        case .key(.control("c")): return .quit
        case .key(.control("l")): return .redraw
        default: break
        }
        if helpVisible, let scroll = helpAction(for: event) { return scroll }
        switch event {
        case .mouse(let m):
            switch m.kind {
            case .wheelUp: return .scroll(-3)
            case .wheelDown: return .scroll(3)
            case .press: return frame?.action(atX: m.x, y: m.y)
            }
        default: break
        }
        if helpVisible { return .toggleHelp }
        if ratingPrompt {
            if case .character(let c) = event, let n = c.wholeNumberValue, (1...5).contains(n) { return .rate(n) }
            return .cancelPrompt
        }
        if search.editing {
            switch event {
            case .character(let c): return .searchInput(c)
            case .key(.backspace): return .searchBackspace
            case .key(.control("w")): return .searchErase(.word)
            case .key(.control("u")): return .searchErase(.all)
            case .key(.enter): return .searchSubmit
            case .key(.escape): return .searchCancel
            default: return nil
            }
        }
        if screen == .library && filtering {
            switch event {
            case .character(let c): return .filterInput(c)
            case .key(.backspace): return .filterBackspace
            case .key(.control("w")): return .filterErase(.word)
            case .key(.control("u")): return .filterErase(.all)
            case .key(.enter): return .libraryOpen(nil)
            case .key(.escape): return .filterDone
            // Letters are typed into the filter, so the selection moves by the keys that type
            // nothing: arrows, pages, and Ctrl-N / Ctrl-P as in a shell's menus and fzf.
            case .key(.down), .key(.control("n")): return .libraryMove(1)
            case .key(.up), .key(.control("p")): return .libraryMove(-1)
            case .key(.pageDown): return .libraryMove(max(1, paneHeight - 1))
            case .key(.pageUp): return .libraryMove(-max(1, paneHeight - 1))
            default: return nil
            }
        }
        if screen == .library {
            switch event {
            case .character("j"), .key(.down), .key(.control("n")): return .libraryMove(1)
            case .character("k"), .key(.up), .key(.control("p")): return .libraryMove(-1)
            case .character(" "), .key(.pageDown), .character("f"), .key(.control("f")): return .libraryMove(max(1, paneHeight - 1))
            case .character("b"), .key(.pageUp), .key(.control("b")): return .libraryMove(-max(1, paneHeight - 1))
            case .key(.control("d")): return .libraryMove(max(1, paneHeight / 2))
            case .key(.control("u")): return .libraryMove(-max(1, paneHeight / 2))
            case .character("g"), .key(.home): return .libraryMove(-Int.max / 2)
            case .character("G"), .key(.end): return .libraryMove(Int.max / 2)
            case .key(.enter), .key(.right), .character("l"): return .libraryOpen(nil)
            case .character("/"): return .beginFilter
            case .character("o"): return .cycleLibraryOrder
            case .key(.escape): return libraryFilter.isEmpty ? nil : .filterDone
            default: break
            }
        } else {
            switch event {
            // The Ctrl keys of less and vi as well: ^N ^E down, ^P ^Y up, ^F ^B ^D ^U.
            case .character("j"), .key(.down), .key(.enter), .key(.control("n")), .key(.control("e")): return .scroll(1)
            case .character("k"), .key(.up), .key(.control("p")), .key(.control("y")): return .scroll(-1)
            case .character(" "), .character("f"), .key(.pageDown), .key(.control("f")): return .page(1)
            case .character("b"), .key(.pageUp), .key(.control("b")): return .page(-1)
            case .character("d"), .key(.control("d")): return .halfPage(1)
            case .character("u"), .key(.control("u")): return .halfPage(-1)
            case .character("g"), .key(.home): return .toStart
            case .character("G"), .key(.end): return .toEnd
            case .character("/"): return .beginSearch
            case .character("n"): return .nextMatch
            case .character("N"): return .previousMatch
            case .character("}"): return .nextSection
            case .character("{"): return .previousSection
            case .character("h"), .key(.backspace), .key(.left), .key(.escape): return .back
            case .character("r"): return .beginRating
            case .character("y"): return .copyLink
            case .character("J"): return .adjacentArticle(1)
            case .character("K"): return .adjacentArticle(-1)
            case .character("R"): return .reload
            default: break
            }
        }
        switch event {
        case .character("q"): return .quit
        case .character("?"): return .toggleHelp
        case .character("+"): return .sizeUp
        case .character("-"): return .sizeDown
        case .character("="), .character("0"): return .sizeReset
        case .character("]"), .character("c"): return .contrastUp
        case .character("["), .character("C"): return .contrastDown
        case .character("s"): return .toggleSidebar
        case .character("L"): return .toggleLanguage
        default: return nil
        }
    }
}
