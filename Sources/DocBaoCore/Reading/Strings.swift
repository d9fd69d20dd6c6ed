import Foundation

/// Every string the interface shows. Each language has one catalogue, a switch over every key
/// (the compiler sees that both are complete; a test, that none is empty and that both fill
/// the same placeholders). `%1`, `%2` are placeholders.
public enum StringKey: String, CaseIterable, Sendable {
    case sizeDown, sizeReset, sizeUp, contrastUp, contrastDown, contrastUpShort, contrastDownShort
    case contrastReduced, contrastNormal, contrastHigh, contrastMaximum, helpHint
    case home, statsHeading, mostRead, today, yesterday, month, year, total, unavailable, thisArticle, views, rating
    case readingTime, minutes, hours, notRated
    case author, ratingLine, ratingLineOneVote, emptyArticle, notUTF8, readAsWindows1258, readAsVISCII, readAsTCVN3, readAsVNI, readAsVIQR,
        readAsWindows1252
    case statusHints, searchPrompt, filterPrompt, notFound, matchOf, noQuery, noNextSection
    case searchWrappedToStart, searchWrappedToEnd
    case sizeMax, sizeMin, sizeNow, contrastMax, contrastMin, contrastNow, sidebarShown, sidebarHidden
    case tooSmall, ratePrompt, rated, rateFailed, reloaded, fileChanged, noLibrary, nothingToReload, lastArticle, firstArticle
    case fileMissing, fileIsFolder, fileNotRegular, filePermission, fileUnreadable, fileBinary, binaryNUL, binaryControls
    case shortMissing, shortNotRegular, shortPermission, shortUnreadable, shortBinary
    case settingsUnreadable, settingsLines, settingsNotKeyValue, settingsUnknown, settingsBadValue, settingsNotSaved
    case databaseMovedAside
    case inputIsTerminal
    case libraryTitle, articleCount, articleCountOne, viewCount, viewCountOne, noArticles, uncategorized, libraryHints, libraryEmptyFilter
    case sortedBy, orderTitle, orderNewest, orderMostRead
    case shareLine, linkCopied, noLink, noClipboard
    case helpTitle, helpClose, helpScrollOrClose
    case helpScroll, helpPage, helpHalf, helpEnds, helpSections, helpSearch, helpNext, helpSize, helpContrast
    case helpSidebar, helpLanguage, helpRate, helpBack, helpReload, helpQuit, helpMouse
    case helpLibraryMove, helpLibraryOpen, helpFilter, helpOrder, helpMouseLibrary
}

public struct Strings: Sendable {
    public let language: UILanguage

    public init(_ language: UILanguage) { self.language = language }

    /// The statistics row of a month: "Tháng 11" in Vietnamese, which counts its months, and
    /// the month's name in English ("November").
    public func monthLabel(_ month: Int) -> String {
        switch language {
        case .vi: return "\(self[.month]) \(month)"
        case .en: return (1...12).contains(month) ? Self.englishMonths[month - 1] : "\(self[.month]) \(month)"
        }
    }

    /// A reading time that fits the sidebar: minutes up to an hour, then hours, to a tenth
    /// below ten (`1,5 giờ`) and whole above (`3.333 giờ` for a 100 MB file).
    public func readingTime(minutes: Int) -> String {
        guard minutes >= 60 else { return format(.minutes, minutes) }
        let tenths = Int((Double(minutes) / 6).rounded())
        if tenths >= 100 { return format(.hours, language.grouped((tenths + 5) / 10)) }
        return format(.hours, tenths % 10 == 0 ? "\(tenths / 10)" : language.decimal(Double(tenths) / 10))
    }

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]

    /// Why the file at `path` could not be opened, in this language.
    public func message(for error: ContentError, path: String) -> String {
        let path = FileSystemName.readable(path)
        switch error {
        case .notFound: return format(.fileMissing, path)
        case .isDirectory: return format(.fileIsFolder, path)
        case .notRegularFile: return format(.fileNotRegular, path)
        case .permissionDenied: return format(.filePermission, path)
        case .unreadable(let reason): return format(.fileUnreadable, path, reason)
        case .binary(.nulBytes): return format(.fileBinary, path, self[.binaryNUL])
        case .binary(.controlBytes): return format(.fileBinary, path, self[.binaryControls])
        case .terminalInput: return format(.inputIsTerminal, path)
        }
    }

    /// What was wrong with the settings file, for the status line.
    public func message(for warning: SettingsFile.Warning) -> String {
        switch warning {
        case .unreadable(let path): return format(.settingsUnreadable, path)
        case .lines(let problems):
            let each = problems.map { problem in
                switch problem {
                case .notKeyValue(let line): return format(.settingsNotKeyValue, line)
                case .unknownSetting(let line, let name): return format(.settingsUnknown, line, name)
                case .badValue(let line, let setting, let value): return format(.settingsBadValue, line, value, setting)
                }
            }
            return format(.settingsLines, SettingsFile.fileName, each.joined(separator: "; "))
        }
    }

    /// The same in a few words, for a library row (the status line gives the whole message when
    /// the file is opened).
    public func shortMessage(for error: ContentError) -> String {
        switch error {
        case .notFound: return self[.shortMissing]
        case .isDirectory, .notRegularFile, .terminalInput: return self[.shortNotRegular]
        case .permissionDenied: return self[.shortPermission]
        case .unreadable: return self[.shortUnreadable]
        case .binary: return self[.shortBinary]
        }
    }

    public subscript(_ key: StringKey) -> String {
        Self.text(key, in: language)
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

    /// Switches rather than dictionaries: a dictionary keyed by `StringKey` has the Swift
    /// runtime scan every protocol conformance in the binary on first use, before the first
    /// screen.
    public static func text(_ key: StringKey, in language: UILanguage) -> String {
        language == .vi ? vi(key) : en(key)
    }

    /// The Vietnamese catalogue: a switch, so the compiler checks that it is complete.
    static func vi(_ key: StringKey) -> String {
        switch key {
        case .sizeDown: return "A-"
        case .sizeReset: return "A"
        case .sizeUp: return "A+"
        case .contrastUp: return "Tăng tương phản"
        case .contrastDown: return "Giảm tương phản"
        case .contrastUpShort: return "Tăng TP"
        case .contrastDownShort: return "Giảm TP"
        case .contrastReduced: return "giảm"
        case .contrastNormal: return "thường"
        case .contrastHigh: return "cao"
        case .contrastMaximum: return "tối đa"
        case .helpHint: return "? Trợ giúp"
        case .home: return "Trang chủ"
        case .statsHeading: return "Thống kê truy cập"
        case .mostRead: return "Đọc nhiều nhất"
        case .today: return "Hôm nay"
        case .yesterday: return "Hôm qua"
        case .month: return "Tháng"
        case .year: return "Năm"
        case .total: return "Tổng số"
        case .unavailable: return "không khả dụng"
        case .thisArticle: return "Bài viết này"
        case .views: return "Lượt xem"
        case .rating: return "Đánh giá"
        case .readingTime: return "Thời gian đọc"
        case .minutes: return "%1 phút"
        case .hours: return "%1 giờ"
        case .notRated: return "chưa có"
        case .author: return "Tác giả: %1"
        case .ratingLine: return "Tổng số điểm của bài viết là: %1 trong %2 đánh giá"
        case .ratingLineOneVote: return "Tổng số điểm của bài viết là: %1 trong %2 đánh giá"
        case .emptyArticle: return "Bài viết trống: tệp này không có nội dung để đọc."
        case .notUTF8: return "Tệp không phải UTF-8: byte lỗi hiện là \u{FFFD} (đổi mã bằng iconv)"
        case .readAsWindows1258: return "Tệp không phải UTF-8: đọc theo mã Windows-1258 (sai thì đổi bằng iconv)"
        case .readAsVISCII: return "Tệp không phải UTF-8: đọc theo mã VISCII (sai thì đổi mã bằng iconv)"
        case .readAsTCVN3: return "Tệp không phải UTF-8: đọc theo mã TCVN3 (ABC) (sai thì đổi mã bằng iconv)"
        case .readAsVNI: return "Tệp không phải UTF-8: đọc theo mã VNI (sai thì đổi mã sang UTF-8)"
        case .readAsVIQR: return "Tệp gõ kiểu VIQR (Vie^.t): đã đọc thành chữ có dấu"
        case .readAsWindows1252: return "Tệp không phải UTF-8: đọc theo mã Windows-1252 (sai thì dùng --encoding)"
        case .statusHints: return "q thoát · / tìm · ? trợ giúp"
        case .searchPrompt: return "Tìm: "
        case .filterPrompt: return "Lọc: "
        case .notFound: return "Không tìm thấy: %1"
        case .matchOf: return "Kết quả %1/%2"
        case .searchWrappedToStart: return "tìm tiếp từ đầu bài"
        case .searchWrappedToEnd: return "tìm tiếp từ cuối bài"
        case .noQuery: return "Chưa có từ khoá tìm kiếm"
        case .noNextSection: return "Không còn mục nào phía sau"
        case .sizeMax: return "Đã ở cỡ chữ lớn nhất (%1)"
        case .sizeMin: return "Đã ở cỡ chữ nhỏ nhất (%1)"
        case .sizeNow: return "Cỡ chữ %1"
        case .contrastMax: return "Đã ở mức tương phản cao nhất"
        case .contrastMin: return "Đã ở mức tương phản thấp nhất"
        case .contrastNow: return "Tương phản: %1"
        case .sidebarShown: return "Hiện thanh thống kê"
        case .sidebarHidden: return "Ẩn thanh thống kê"
        case .tooSmall: return "Cửa sổ quá nhỏ"
        case .ratePrompt: return "Chấm điểm: nhấn 1–5 (Esc để huỷ)"
        case .rated: return "Đã chấm %1 điểm"
        case .rateFailed: return "Không lưu được đánh giá"
        case .reloaded: return "Đã tải lại bài viết"
        case .fileChanged: return "Tệp đã thay đổi; nhấn R để tải lại"
        case .noLibrary: return "Không có thư viện để quay lại; nhấn q để thoát"
        case .lastArticle: return "Đây là bài cuối của danh sách"
        case .firstArticle: return "Đây là bài đầu của danh sách"
        case .nothingToReload: return "Bài đọc từ đầu vào chuẩn: không có tệp để tải lại"
        case .fileMissing: return "%1: không có tệp này"
        case .fileIsFolder: return "%1: là thư mục, không phải tệp bài viết"
        case .fileNotRegular: return "%1: không phải tệp thường (thiết bị, FIFO hay socket)"
        case .filePermission: return "%1: không có quyền đọc tệp"
        case .fileUnreadable: return "%1: không đọc được (%2)"
        case .fileBinary: return "%1: không phải văn bản (%2)"
        case .shortMissing: return "không còn tệp"
        case .shortNotRegular: return "không phải tệp thường"
        case .shortPermission: return "không có quyền đọc"
        case .shortUnreadable: return "không đọc được"
        case .shortBinary: return "không phải văn bản"
        case .settingsUnreadable: return "%1: không đọc được; dùng thiết lập mặc định"
        case .settingsLines: return "%1: %2; các mục đó dùng mặc định"
        case .settingsNotKeyValue: return "dòng %1: cần dạng tên = giá trị"
        case .settingsUnknown: return "dòng %1: không có thiết lập '%2'"
        case .settingsBadValue: return "dòng %1: giá trị '%2' không dùng được cho %3"
        case .settingsNotSaved: return "%1: không lưu được thiết lập (%2)"
        case .databaseMovedAside: return "Cơ sở dữ liệu thống kê bị hỏng: đã chuyển sang %1 và tạo cơ sở dữ liệu mới"
        case .binaryNUL: return "có byte NUL"
        case .binaryControls: return "nhiều byte điều khiển"
        case .inputIsTerminal: return "%1: là terminal; hãy dẫn bài viết vào (cat TỆP | docbao -)"
        case .libraryTitle: return "Thư viện"
        case .articleCount: return "%1 bài viết"
        case .articleCountOne: return "%1 bài viết"
        case .viewCount: return "%1 lượt xem"
        case .viewCountOne: return "%1 lượt xem"
        case .noArticles: return "Không có bài viết nào trong %1"
        case .uncategorized: return "Chung"
        case .libraryHints: return "Enter mở · / lọc · o xếp · q thoát"
        case .libraryEmptyFilter: return "Không có bài viết nào khớp với bộ lọc"
        case .sortedBy: return "Xếp theo: %1"
        case .orderTitle: return "tên bài"
        case .orderNewest: return "mới nhất"
        case .orderMostRead: return "đọc nhiều nhất"
        case .shareLine: return "Chia sẻ: %1"
        case .linkCopied: return "Đã gửi liên kết vào bộ nhớ tạm của terminal"
        case .noLink: return "Bài này không có liên kết"
        case .noClipboard: return "Terminal này không nhận chép; hãy chọn liên kết bằng chuột (giữ Shift)"
        case .helpTitle: return "Phím tắt"
        case .helpClose: return "Nhấn phím bất kỳ để đóng"
        case .helpScrollOrClose: return "j k ↓ ↑ Space: cuộn · phím khác: đóng"
        case .helpScroll: return "j ↓ Enter / k ↑\tcuộn một dòng"
        case .helpPage: return "Space PgDn f / b PgUp\ttrang sau / trang trước"
        case .helpHalf: return "d / u\tnửa trang xuống / lên"
        case .helpEnds: return "g Home / G End\tđầu / cuối bài"
        case .helpSections: return "{ / }\tvề đầu mục / sang mục sau"
        case .helpSearch: return "/\ttìm (không phân biệt dấu)"
        case .helpNext: return "n / N\tkết quả tiếp / trước"
        case .helpSize: return "+ - = 0\tcỡ chữ A+ A- A"
        case .helpContrast: return "] [ c C\ttăng / giảm tương phản"
        case .helpSidebar: return "s\thiện / ẩn thống kê"
        case .helpLanguage: return "L\tEnglish / tiếng Việt"
        case .helpRate: return "r 1–5 / y\tchấm điểm / chép liên kết bài"
        case .helpBack: return "h Backspace ← Esc / J K\tvề thư viện / bài sau, trước"
        case .helpLibraryMove: return "j k ↓ ↑ Space b g G\tchọn bài"
        case .helpLibraryOpen: return "Enter → l\tmở bài đang chọn"
        case .helpFilter: return "/\tlọc theo tên bài, tác giả, chuyên mục"
        case .helpOrder: return "o\txếp theo tên bài, mới nhất, đọc nhiều nhất"
        case .helpMouseLibrary: return "Chuột: cuộn bánh xe, bấm một bài để mở, bấm “Xếp theo” để đổi cách xếp"
        case .helpReload: return "R / Ctrl-L\ttải lại tệp / vẽ lại màn hình"
        case .helpQuit: return "q Ctrl-C\tthoát"
        case .helpMouse: return "Chuột: cuộn bánh xe, bấm nút trên thanh công cụ"
        }
    }

    /// The English catalogue: a switch, so the compiler checks that it is complete.
    static func en(_ key: StringKey) -> String {
        switch key {
        case .sizeDown: return "A-"
        case .sizeReset: return "A"
        case .sizeUp: return "A+"
        case .contrastUp: return "More contrast"
        case .contrastDown: return "Less contrast"
        case .contrastUpShort: return "More"
        case .contrastDownShort: return "Less"
        case .contrastReduced: return "reduced"
        case .contrastNormal: return "normal"
        case .contrastHigh: return "high"
        case .contrastMaximum: return "maximum"
        case .helpHint: return "? Help"
        case .home: return "Home"
        case .statsHeading: return "Visitor statistics"
        case .mostRead: return "Most read"
        case .today: return "Today"
        case .yesterday: return "Yesterday"
        case .month: return "Month"
        case .year: return "Year"
        case .total: return "Total"
        case .unavailable: return "unavailable"
        case .thisArticle: return "This article"
        case .views: return "Views"
        case .rating: return "Rating"
        case .readingTime: return "Reading time"
        case .minutes: return "%1 min"
        case .hours: return "%1 h"
        case .notRated: return "none yet"
        case .author: return "Author: %1"
        case .ratingLine: return "Total score of this article: %1 from %2 ratings"
        case .ratingLineOneVote: return "Total score of this article: %1 from %2 rating"
        case .emptyArticle: return "Empty article: this file has nothing to read."
        case .notUTF8: return "Not valid UTF-8: bad bytes shown as \u{FFFD} (convert it with iconv)"
        case .readAsWindows1258: return "Not UTF-8: read as Windows-1258 (if wrong, convert it with iconv)"
        case .readAsVISCII: return "Not UTF-8: read as VISCII (if wrong, convert it with iconv)"
        case .readAsTCVN3: return "Not UTF-8: read as TCVN3 (ABC) (if wrong, convert it with iconv)"
        case .readAsVNI: return "Not UTF-8: read as VNI (if wrong, convert it to UTF-8)"
        case .readAsVIQR: return "Typed in VIQR (Vie^.t): read as Vietnamese letters"
        case .readAsWindows1252: return "Not UTF-8: read as Windows-1252, Western (if wrong, use --encoding)"
        case .statusHints: return "q quit · / search · ? help"
        case .searchPrompt: return "Search: "
        case .filterPrompt: return "Filter: "
        case .notFound: return "Not found: %1"
        case .matchOf: return "Match %1/%2"
        case .searchWrappedToStart: return "continued from the top"
        case .searchWrappedToEnd: return "continued from the bottom"
        case .noQuery: return "No search yet"
        case .noNextSection: return "No more sections below"
        case .sizeMax: return "Already the largest size (%1)"
        case .sizeMin: return "Already the smallest size (%1)"
        case .sizeNow: return "Size %1"
        case .contrastMax: return "Already the highest contrast"
        case .contrastMin: return "Already the lowest contrast"
        case .contrastNow: return "Contrast: %1"
        case .sidebarShown: return "Statistics shown"
        case .sidebarHidden: return "Statistics hidden"
        case .tooSmall: return "Terminal too small"
        case .ratePrompt: return "Rate: press 1–5 (Esc cancels)"
        case .rated: return "Rated %1"
        case .rateFailed: return "Could not save the rating"
        case .reloaded: return "Article reloaded"
        case .fileChanged: return "The file changed; press R to reload"
        case .noLibrary: return "No library to go back to; press q to quit"
        case .lastArticle: return "This is the last article of the list"
        case .firstArticle: return "This is the first article of the list"
        case .nothingToReload: return "Read from standard input: there is no file to reload"
        case .fileMissing: return "%1: no such file"
        case .fileIsFolder: return "%1: is a folder, not an article file"
        case .fileNotRegular: return "%1: is not a regular file (a device, FIFO or socket)"
        case .filePermission: return "%1: permission denied"
        case .fileUnreadable: return "%1: cannot be read (%2)"
        case .fileBinary: return "%1: not text (%2)"
        case .shortMissing: return "file gone"
        case .shortNotRegular: return "not a regular file"
        case .shortPermission: return "permission denied"
        case .shortUnreadable: return "cannot be read"
        case .shortBinary: return "not text"
        case .settingsUnreadable: return "%1: cannot be read; using defaults"
        case .settingsLines: return "%1: %2; using defaults for those"
        case .settingsNotKeyValue: return "line %1: expected key = value"
        case .settingsUnknown: return "line %1: unknown setting '%2'"
        case .settingsBadValue: return "line %1: bad value '%2' for %3"
        case .settingsNotSaved: return "%1: settings not saved (%2)"
        case .databaseMovedAside: return "The statistics database was damaged: moved to %1, and a new one started"
        case .binaryNUL: return "it has NUL bytes"
        case .binaryControls: return "mostly control bytes"
        case .inputIsTerminal: return "%1: is the terminal; pipe an article in (cat FILE | docbao -)"
        case .libraryTitle: return "Library"
        case .articleCount: return "%1 articles"
        case .articleCountOne: return "%1 article"
        case .viewCount: return "%1 views"
        case .viewCountOne: return "%1 view"
        case .noArticles: return "No articles in %1"
        case .uncategorized: return "General"
        case .libraryHints: return "Enter open · / filter · o order · q quit"
        case .libraryEmptyFilter: return "No article matches the filter"
        case .sortedBy: return "Sorted by: %1"
        case .orderTitle: return "title"
        case .orderNewest: return "newest"
        case .orderMostRead: return "most read"
        case .shareLine: return "Share: %1"
        case .linkCopied: return "Link sent to the terminal's clipboard"
        case .noLink: return "This article has no link"
        case .noClipboard: return "This terminal takes no copying; select the link with the mouse (hold Shift)"
        case .helpTitle: return "Keys"
        case .helpClose: return "Press any key to close"
        case .helpScrollOrClose: return "j k ↓ ↑ Space: scroll · other keys: close"
        case .helpScroll: return "j ↓ Enter / k ↑\tscroll one line"
        case .helpPage: return "Space PgDn f / b PgUp\tpage down / up"
        case .helpHalf: return "d / u\thalf a page down / up"
        case .helpEnds: return "g Home / G End\tstart / end"
        case .helpSections: return "{ / }\tstart of this section / next section"
        case .helpSearch: return "/\tsearch (ignores diacritics)"
        case .helpNext: return "n / N\tnext / previous match"
        case .helpSize: return "+ - = 0\tsize A+ A- A"
        case .helpContrast: return "] [ c C\tmore / less contrast"
        case .helpSidebar: return "s\tshow / hide statistics"
        case .helpLanguage: return "L\ttiếng Việt / English"
        case .helpRate: return "r 1–5 / y\trate / copy the article's link"
        case .helpBack: return "h Backspace ← Esc / J K\tlibrary / next, previous article"
        case .helpLibraryMove: return "j k ↓ ↑ Space b g G\tselect an article"
        case .helpLibraryOpen: return "Enter → l\topen the selected article"
        case .helpFilter: return "/\tfilter by title, author, section"
        case .helpOrder: return "o\tsort by title, newest, most read"
        case .helpMouseLibrary: return "Mouse: wheel scrolls, click an article to open it, click “Sorted by” to change the order"
        case .helpReload: return "R / Ctrl-L\treload the file / redraw the screen"
        case .helpQuit: return "q Ctrl-C\tquit"
        case .helpMouse: return "Mouse: wheel scrolls, click the toolbar buttons"
        }
    }
}

extension StringKey {
    /// The status line's words for a file found to be in `code`.
    static func readAs(_ code: TextEncoding) -> StringKey? {
        switch code {
        case .windows1258: return .readAsWindows1258
        case .viscii: return .readAsVISCII
        case .tcvn3: return .readAsTCVN3
        case .vni: return .readAsVNI
        case .viqr: return .readAsVIQR
        case .windows1252: return .readAsWindows1252
        case .auto, .utf8: return nil
        }
    }
}
