import Foundation

/// The themes behind the contrast levels. `normal` keeps the terminal's own colours; the other
/// levels set foreground and background for every role so that their contrast is known.
public enum ThemeCatalog {
    /// Colours of one explicit theme: page, text, accents, bars and highlights.
    struct Palette {
        var page: UInt8, body: UInt8, accent: UInt8, muted: UInt8
        var barBg: UInt8, barFg: UInt8
        var matchBg: UInt8, matchFg: UInt8
        var currentBg: UInt8, currentFg: UInt8
        var selectBg: UInt8, selectFg: UInt8
    }

    /// Chosen so that every pair in the reduced theme reaches 3:1, in high 7:1 and in maximum
    /// 15:1 (WCAG 2), with body contrast rising from level to level; a unit test checks it.
    static func palette(_ level: ContrastLevel, _ variant: ThemeVariant) -> Palette? {
        switch (level, variant) {
        case (.normal, _): return nil
        case (.reduced, .dark):
            return Palette(page: 235, body: 245, accent: 109, muted: 243, barBg: 237, barFg: 247,
                           matchBg: 58, matchFg: 250, currentBg: 94, currentFg: 252, selectBg: 238, selectFg: 250)
        case (.high, .dark):
            return Palette(page: 233, body: 253, accent: 229, muted: 248, barBg: 236, barFg: 255,
                           matchBg: 226, matchFg: 16, currentBg: 208, currentFg: 16, selectBg: 250, selectFg: 16)
        case (.maximum, .dark):
            return Palette(page: 16, body: 231, accent: 226, muted: 254, barBg: 231, barFg: 16,
                           matchBg: 226, matchFg: 16, currentBg: 51, currentFg: 16, selectBg: 231, selectFg: 16)
        case (.reduced, .light):
            return Palette(page: 254, body: 241, accent: 24, muted: 244, barBg: 252, barFg: 240,
                           matchBg: 229, matchFg: 240, currentBg: 223, currentFg: 238, selectBg: 250, selectFg: 236)
        case (.high, .light):
            return Palette(page: 255, body: 234, accent: 18, muted: 238, barBg: 236, barFg: 255,
                           matchBg: 226, matchFg: 16, currentBg: 208, currentFg: 16, selectBg: 238, selectFg: 255)
        case (.maximum, .light):
            return Palette(page: 231, body: 16, accent: 17, muted: 234, barBg: 16, barFg: 231,
                           matchBg: 226, matchFg: 16, currentBg: 51, currentFg: 16, selectBg: 16, selectFg: 231)
        }
    }

    public static func theme(_ level: ContrastLevel, _ variant: ThemeVariant, boldBody: Bool = false) -> Theme {
        var styles = Theme()
        if let p = palette(level, variant) {
            func s(_ fg: UInt8, _ bg: UInt8, bold: Bool = false, italic: Bool = false, underline: Bool = false) -> CellStyle {
                CellStyle(fg: .indexed(fg), bg: .indexed(bg), bold: bold, italic: italic, underline: underline)
            }
            let heavy = level != .reduced
            styles[.body] = s(p.body, p.page, bold: boldBody)
            styles[.title] = s(p.accent, p.page, bold: true)
            styles[.kicker] = s(p.accent, p.page)
            styles[.lead] = s(p.body, p.page, bold: true)
            styles[.heading] = s(p.accent, p.page, bold: heavy)
            styles[.caption] = s(p.muted, p.page, italic: true)
            styles[.captionMark] = s(p.accent, p.page)
            styles[.meta] = s(p.muted, p.page)
            styles[.byline] = s(p.body, p.page, bold: true)
            styles[.rating] = s(p.muted, p.page)
            styles[.sidebar] = s(p.body, p.page)
            styles[.sidebarHeading] = s(p.accent, p.page, bold: true)
            styles[.sidebarNumber] = s(p.body, p.page, bold: heavy)
            styles[.toolbar] = s(p.barFg, p.barBg)
            styles[.toolbarButton] = s(p.barFg, p.barBg, bold: true)
            styles[.breadcrumb] = s(p.muted, p.page)
            styles[.status] = s(p.barFg, p.barBg)
            styles[.statusMessage] = s(p.barFg, p.barBg, bold: true)
            styles[.searchMatch] = s(p.matchFg, p.matchBg)
            styles[.currentMatch] = s(p.currentFg, p.currentBg, bold: true)
            styles[.selection] = s(p.selectFg, p.selectBg, bold: true)
            styles[.notice] = s(p.accent, p.page, bold: true)
            styles[.help] = s(p.body, p.page)
        } else {
            // The terminal's own colours, with weight and a few standard accents.
            styles[.body] = CellStyle(bold: boldBody)
            styles[.title] = CellStyle(bold: true)
            styles[.kicker] = CellStyle(fg: .indexed(6))
            styles[.lead] = CellStyle(bold: true)
            styles[.heading] = CellStyle(bold: true)
            styles[.caption] = CellStyle(italic: true)
            styles[.captionMark] = CellStyle(fg: .indexed(6))
            styles[.meta] = CellStyle(fg: .indexed(6))
            styles[.byline] = CellStyle(bold: true)
            styles[.rating] = CellStyle()
            styles[.sidebar] = CellStyle()
            styles[.sidebarHeading] = CellStyle(bold: true, underline: true)
            styles[.sidebarNumber] = CellStyle(bold: true)
            styles[.toolbar] = CellStyle(reverse: true)
            styles[.toolbarButton] = CellStyle(bold: true, reverse: true)
            styles[.breadcrumb] = CellStyle(fg: .indexed(6))
            styles[.status] = CellStyle(reverse: true)
            styles[.statusMessage] = CellStyle(bold: true, reverse: true)
            styles[.searchMatch] = CellStyle(fg: .indexed(0), bg: .indexed(3))
            styles[.currentMatch] = CellStyle(fg: .indexed(0), bg: .indexed(2), bold: true)
            styles[.selection] = CellStyle(bold: true, reverse: true)
            styles[.notice] = CellStyle(bold: true)
            styles[.help] = CellStyle()
        }
        return styles
    }
}

extension Theme {
    /// The same theme for a terminal with fewer colours: indices map to the nearest colour the
    /// terminal has; with none, colour becomes weight and reverse video.
    public func degraded(to depth: ColorDepth) -> Theme {
        if depth == .full { return self }
        var out = Theme()
        let page = style(.body).bg
        for (role, s) in styles {
            var d = s
            if depth == .monochrome {
                d.fg = .default
                d.bg = .default
                if s.bg != page && s.bg != .default { d.reverse = true }
                if [.searchMatch, .currentMatch, .selection, .toolbar, .status].contains(role) { d.reverse = true }
                if role == .currentMatch || role == .title { d.bold = true }
                if role == .searchMatch { d.underline = true }
            } else {
                let limit = depth == .eight ? 8 : 16
                d.fg = Palette256.nearest(s.fg, limit: limit)
                d.bg = Palette256.nearest(s.bg, limit: limit)
                if d.fg == d.bg, d.fg != .default, case .indexed(let b) = d.bg {
                    // Two shades that collapsed into one colour: fall back to black or white text.
                    d.fg = .indexed(Palette256.luminance(b) > 0.3 ? 0 : 7)
                    if depth == .sixteen && Palette256.luminance(b) <= 0.3 { d.fg = .indexed(15) }
                }
            }
            out[role] = d
        }
        return out
    }
}

/// The xterm 256-colour palette as RGB, and WCAG 2 luminance and contrast.
public enum Palette256 {
    static let base16: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    public static func rgb(_ index: UInt8) -> (r: UInt8, g: UInt8, b: UInt8) {
        let i = Int(index)
        if i < 16 { let c = base16[i]; return (c.0, c.1, c.2) }
        if i < 232 {
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            let n = i - 16
            return (levels[n / 36], levels[(n / 6) % 6], levels[n % 6])
        }
        let g = UInt8(8 + (i - 232) * 10)
        return (g, g, g)
    }

    /// WCAG 2 relative luminance.
    public static func luminance(_ index: UInt8) -> Double {
        func channel(_ v: UInt8) -> Double {
            let c = Double(v) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let (r, g, b) = rgb(index)
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// WCAG 2 contrast ratio, from 1 to 21.
    public static func contrast(_ a: UInt8, _ b: UInt8) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    static func nearest(_ color: TermColor, limit: Int) -> TermColor {
        guard case .indexed(let i) = color else { return color }
        if Int(i) < limit { return color }
        let (r, g, b) = rgb(i)
        var best = 0, bestDistance = Int.max
        for candidate in 0..<limit {
            let (cr, cg, cb) = rgb(UInt8(candidate))
            let d = (Int(r) - Int(cr)) * (Int(r) - Int(cr)) + (Int(g) - Int(cg)) * (Int(g) - Int(cg))
                + (Int(b) - Int(cb)) * (Int(b) - Int(cb))
            if d < bestDistance { bestDistance = d; best = candidate }
        }
        return .indexed(UInt8(best))
    }
}
