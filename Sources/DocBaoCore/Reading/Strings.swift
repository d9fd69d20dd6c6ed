import Foundation

/// Every string the interface shows. Each language has one catalogue and both are complete
/// (a test checks it). `%1`, `%2` are placeholders.
public enum StringKey: String, CaseIterable, Sendable {
    case sizeDown, sizeReset, sizeUp, sizeLabel, contrastUp, contrastDown, contrastUpShort, contrastDownShort
    case contrastLabel, contrastReduced, contrastNormal, contrastHigh, contrastMaximum, helpHint
    case home, statsHeading, today, yesterday, month, year, total, unavailable, thisArticle, views, rating
    case readingTime, minutes, notRated
    case author, ratingLine, photo, emptyArticle
    case statusHints, searchPrompt, filterPrompt, notFound, matchOf, noQuery
    case sizeMax, sizeMin, sizeNow, contrastMax, contrastMin, contrastNow, sidebarShown, sidebarHidden
    case tooSmall, ratePrompt, rated, rateFailed, reloaded, fileChanged
    case libraryTitle, articleCount, noArticles, uncategorized, libraryHints, libraryEmptyFilter
    case helpTitle, helpClose
    case helpScroll, helpPage, helpHalf, helpEnds, helpSearch, helpNext, helpSize, helpContrast
    case helpSidebar, helpLanguage, helpRate, helpBack, helpRedraw, helpReload, helpQuit, helpMouse
}

public struct Strings: Sendable {
    public let language: UILanguage

    public init(_ language: UILanguage) { self.language = language }

    public subscript(_ key: StringKey) -> String {
        Self.catalogue(language)[key] ?? key.rawValue
    }

    /// The text for `key` with `%1`, `%2`, … replaced by the arguments. (Done by hand:
    /// Foundation's `replacingOccurrences` costs a millisecond on first use, before the first
    /// screen.)
    public func format(_ key: StringKey, _ args: CustomStringConvertible...) -> String {
        let values = args.map(\.description)
        var out = ""
        var rest = Substring(self[key])
        while let percent = rest.firstIndex(of: "%") {
            // append(contentsOf:), not +=: that one is generic over Sequence, and its first call
            // has the runtime scan the binary's conformances.
            out.append(contentsOf: rest[..<percent])
            let digit = rest.index(after: percent)
            if digit < rest.endIndex, let n = rest[digit].wholeNumberValue, n >= 1, n <= values.count {
                out += values[n - 1]
                rest = rest[rest.index(after: digit)...]
            } else {
                out += "%"
                rest = rest[digit...]
            }
        }
        out.append(contentsOf: rest)
        return out
    }

    public static func catalogue(_ language: UILanguage) -> [StringKey: String] {
        language == .vi ? vi : en
    }

    static let vi: [StringKey: String] = [
        .sizeDown: "A-", .sizeReset: "A", .sizeUp: "A+", .sizeLabel: "Cỡ chữ",
        .contrastUp: "Tăng tương phản", .contrastDown: "Giảm tương phản",
        .contrastUpShort: "Tăng TP", .contrastDownShort: "Giảm TP", .contrastLabel: "Tương phản",
        .contrastReduced: "giảm", .contrastNormal: "thường", .contrastHigh: "cao", .contrastMaximum: "tối đa",
        .helpHint: "? Trợ giúp",
        .home: "Trang chủ", .statsHeading: "Thống kê truy cập", .today: "Hôm nay", .yesterday: "Hôm qua",
        .month: "Tháng", .year: "Năm", .total: "Tổng số", .unavailable: "không khả dụng",
        .thisArticle: "Bài viết này", .views: "Lượt xem", .rating: "Đánh giá", .readingTime: "Thời gian đọc",
        .minutes: "%1 phút", .notRated: "chưa có",
        .author: "Tác giả: %1", .ratingLine: "Tổng số điểm của bài viết là: %1 trong %2 đánh giá",
        .photo: "Ảnh", .emptyArticle: "Bài viết trống: tệp này không có nội dung để đọc.",
        .statusHints: "q thoát · / tìm · ? trợ giúp", .searchPrompt: "Tìm: ", .filterPrompt: "Lọc: ",
        .notFound: "Không tìm thấy: %1", .matchOf: "Kết quả %1/%2", .noQuery: "Chưa có từ khoá tìm kiếm",
        .sizeMax: "Đã ở cỡ chữ lớn nhất (%1)", .sizeMin: "Đã ở cỡ chữ nhỏ nhất (%1)", .sizeNow: "Cỡ chữ %1",
        .contrastMax: "Đã ở mức tương phản cao nhất", .contrastMin: "Đã ở mức tương phản thấp nhất",
        .contrastNow: "Tương phản: %1", .sidebarShown: "Hiện thanh thống kê", .sidebarHidden: "Ẩn thanh thống kê",
        .tooSmall: "Cửa sổ quá nhỏ", .ratePrompt: "Chấm điểm: nhấn 1–5 (Esc để huỷ)", .rated: "Đã chấm %1 điểm",
        .rateFailed: "Không lưu được đánh giá", .reloaded: "Đã tải lại bài viết",
        .fileChanged: "Tệp đã thay đổi; nhấn R để tải lại",
        .libraryTitle: "Thư viện", .articleCount: "%1 bài viết", .noArticles: "Không có bài viết nào trong %1",
        .uncategorized: "Chung", .libraryHints: "Enter mở · / lọc · q thoát",
        .libraryEmptyFilter: "Không có bài viết nào khớp với bộ lọc",
        .helpTitle: "Phím tắt", .helpClose: "Nhấn phím bất kỳ để đóng",
        .helpScroll: "j ↓ Enter / k ↑     cuộn một dòng", .helpPage: "Space PgDn f / b PgUp   sang trang",
        .helpHalf: "d / u     nửa trang", .helpEnds: "g Home / G End     đầu / cuối bài",
        .helpSearch: "/     tìm (không phân biệt dấu)", .helpNext: "n / N     kết quả tiếp / trước",
        .helpSize: "+ - = 0     cỡ chữ A+ A- A", .helpContrast: "] [ c C     tăng / giảm tương phản",
        .helpSidebar: "s     hiện / ẩn thống kê", .helpLanguage: "L     English / tiếng Việt", .helpRate: "r 1–5     chấm điểm bài viết",
        .helpBack: "h Backspace     về thư viện", .helpRedraw: "Ctrl-L     vẽ lại màn hình",
        .helpReload: "R     tải lại tệp", .helpQuit: "q Ctrl-C     thoát",
        .helpMouse: "Chuột: cuộn bánh xe, bấm nút trên thanh công cụ",
    ]

    static let en: [StringKey: String] = [
        .sizeDown: "A-", .sizeReset: "A", .sizeUp: "A+", .sizeLabel: "Size",
        .contrastUp: "More contrast", .contrastDown: "Less contrast",
        .contrastUpShort: "More", .contrastDownShort: "Less", .contrastLabel: "Contrast",
        .contrastReduced: "reduced", .contrastNormal: "normal", .contrastHigh: "high", .contrastMaximum: "maximum",
        .helpHint: "? Help",
        .home: "Home", .statsHeading: "Visitor statistics", .today: "Today", .yesterday: "Yesterday",
        .month: "Month", .year: "Year", .total: "Total", .unavailable: "unavailable",
        .thisArticle: "This article", .views: "Views", .rating: "Rating", .readingTime: "Reading time",
        .minutes: "%1 min", .notRated: "none yet",
        .author: "Author: %1", .ratingLine: "Total score of this article: %1 from %2 ratings",
        .photo: "Photo", .emptyArticle: "Empty article: this file has nothing to read.",
        .statusHints: "q quit · / search · ? help", .searchPrompt: "Search: ", .filterPrompt: "Filter: ",
        .notFound: "Not found: %1", .matchOf: "Match %1/%2", .noQuery: "No search yet",
        .sizeMax: "Already the largest size (%1)", .sizeMin: "Already the smallest size (%1)", .sizeNow: "Size %1",
        .contrastMax: "Already the highest contrast", .contrastMin: "Already the lowest contrast",
        .contrastNow: "Contrast: %1", .sidebarShown: "Statistics shown", .sidebarHidden: "Statistics hidden",
        .tooSmall: "Terminal too small", .ratePrompt: "Rate: press 1–5 (Esc cancels)", .rated: "Rated %1",
        .rateFailed: "Could not save the rating", .reloaded: "Article reloaded",
        .fileChanged: "The file changed; press R to reload",
        .libraryTitle: "Library", .articleCount: "%1 articles", .noArticles: "No articles in %1",
        .uncategorized: "General", .libraryHints: "Enter open · / filter · q quit",
        .libraryEmptyFilter: "No article matches the filter",
        .helpTitle: "Keys", .helpClose: "Press any key to close",
        .helpScroll: "j ↓ Enter / k ↑     scroll one line", .helpPage: "Space PgDn f / b PgUp   page",
        .helpHalf: "d / u     half page", .helpEnds: "g Home / G End     start / end",
        .helpSearch: "/     search (ignores diacritics)", .helpNext: "n / N     next / previous match",
        .helpSize: "+ - = 0     size A+ A- A", .helpContrast: "] [ c C     more / less contrast",
        .helpSidebar: "s     show / hide statistics", .helpLanguage: "L     tiếng Việt / English", .helpRate: "r 1–5     rate the article",
        .helpBack: "h Backspace     back to the library", .helpRedraw: "Ctrl-L     redraw the screen",
        .helpReload: "R     reload the file", .helpQuit: "q Ctrl-C     quit",
        .helpMouse: "Mouse: wheel scrolls, click the toolbar buttons",
    ]
}
