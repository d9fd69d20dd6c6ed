/// The footer a site prints under every page, with which a copy of the page (or the text of
/// its HTML) ends: the copyright notice, the licence, who publishes the site and who answers
/// for it (`Bản quyền © 2021 Cổng TTĐT tỉnh Lai Châu`, `Cơ quan chủ quản: UBND tỉnh …`,
/// `Giấy phép số 12/GP-TTĐT …`, `Ghi rõ nguồn … khi phát hành lại thông tin từ website này.`),
/// and the links to the site's own pages (`Giới thiệu`, `Liên hệ`, `Điều khoản sử dụng`, a
/// line each or a menu). None of it is the article's, and from its first line on nothing else
/// is either.
enum PageFooter {
    /// How many of a body's last lines may be the footer's.
    static let reach = 16

    /// Where the footer starts among the last lines of a page's body, or nil: at the first
    /// footer line among the last `reach` lines under the article's last sentence. Between
    /// the footer's lines, and between it and that sentence, stand lines that are no sentence
    /// (a byline, the site's name, titles of other articles), the site's address and
    /// telephone, and page chrome: a notice with a sentence under it is the article's own.
    static func start(_ lines: ArraySlice<SourceLine>) -> Int? {
        var found: Int?
        for i in lines.indices.reversed().prefix(reach) {
            let line = lines[i]
            if isFooterLine(folded: line.folded) || ChromePatterns.isSiteLinks(line.text, folded: line.folded) {
                found = i
            } else if !isContact(folded: line.folded), ChromePatterns.classify(line.text, folded: line.folded) == nil,
                LineShapes.isProse(line.text) || LineShapes.endsSentence(line.text)
            {
                break
            }
        }
        // The site's address and telephone right over that line are the footer's too, and so
        // is its name in capitals over them (`CỔNG THÔNG TIN ĐIỆN TỬ TỈNH LAI CHÂU`).
        guard var first = found else { return nil }
        while first > lines.startIndex, isContact(folded: lines[first - 1].folded) { first -= 1 }
        if first > lines.startIndex, isCapitalised(lines[first - 1].text) { first -= 1 }
        return first
    }

    /// A short line whose letters are all capitals, three words at least.
    static func isCapitalised(_ text: String) -> Bool {
        text.utf8.count <= 200 && LineShapes.wordCount(text) >= 3 && text.contains(where: \.isLetter)
            && !text.contains(where: \.isLowercase)
    }

    /// Whether a line (folded) is one a site's footer starts with or holds: a copyright notice
    /// (`©`, `(c) 2024`, `Copyright`, `Bản quyền` followed by `©`, a year or whose it is,
    /// `All rights reserved`), a labelled particular of the publisher (`Cơ quan chủ quản:`,
    /// `Tổng biên tập:`), a licence's number (`Giấy phép số 12/GP-TTĐT`), the request to name
    /// the site when quoting it, or who built the site (`Thiết kế bởi …`).
    static func isFooterLine(folded: String) -> Bool {
        guard !folded.isEmpty, folded.utf8.count <= 300 else { return false }
        let line = Substring(folded)
        if line.hasPrefix("©") || line.hasPrefix("copyright") || ByteLines.contains(folded, "all rights reserved") {
            return true
        }
        if line.hasPrefix("(c)") { return line.dropFirst(3).drop { $0 == " " }.first?.isNumber == true }
        if line.hasPrefix("ban quyen ") {
            let rest = line.dropFirst("ban quyen ".count)
            return rest.hasPrefix("©") || rest.hasPrefix("(c)") || rest.first?.isNumber == true || rest.hasPrefix("thuoc ve ")
        }
        if LineShapes.labelled(folded, folded: folded, labels: labels, maxValueWords: .max) != nil { return true }
        // A licence is numbered `…/GP-…` (giấy phép); `số` folds as `sơ` does, so the number decides.
        if line.hasPrefix("giay phep ") { return ByteLines.contains(folded, "/gp") }
        if line.hasPrefix("ghi ro nguon ") || line.hasPrefix("de nghi ghi ro nguon ") {
            return ["phat hanh lai", "trich dan", "su dung lai"].contains { ByteLines.contains(folded, $0) }
        }
        return folded.utf8.count <= 100 && credits.contains { line.hasPrefix($0 + " ") }
    }

    /// Whether a line (folded) gives an address, a telephone or the like: `Địa chỉ: …`,
    /// `Điện thoại: …`, `Email: …`. A footer holds them; so may an article, so they do not
    /// start one.
    static func isContact(folded: String) -> Bool {
        LineShapes.labelled(folded, folded: folded, labels: contactLabels, maxValueWords: .max) != nil
    }

    static let contactLabels = [
        "dia chi", "tru so", "tru so chinh", "dien thoai", "so dien thoai", "dt", "fax", "email", "e-mail", "hotline",
        "duong day nong", "website", "tel", "phone", "address",
    ]

    /// Labels of a publisher's particulars, folded; they count only with a colon after them
    /// (without, `Tổng biên tập` starts sentences too).
    static let labels = [
        "co quan chu quan", "chiu trach nhiem chinh", "chiu trach nhiem noi dung", "chiu trach nhiem xuat ban",
        "tong bien tap", "truong ban bien tap", "editor-in-chief", "publisher",
    ]

    /// Who built the site, folded.
    static let credits = ["thiet ke boi", "thiet ke va phat trien boi", "phat trien boi", "designed by", "powered by", "developed by"]
}
