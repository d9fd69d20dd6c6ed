/// When an article was published, read from the free text of its date line, for ordering the
/// library newest first. Portals write dates in many ways (`12/4/2021`, `Thứ Hai, 12/04/2021 -
/// 10:15`, `ngày 12 tháng 4 năm 2021`, `March 3, 2024 09:15`, `2024-04-18T10:15:00+07:00`);
/// what cannot be read as a calendar date (`2 giờ trước`, a year alone) has none.
public struct PublishedDate: Comparable, Hashable, Sendable {
    public var year: Int, month: Int, day: Int
    /// Minutes after midnight; 0 when the line gives no time (such a date sorts as the start of
    /// its day).
    public var minuteOfDay: Int

    public init(year: Int, month: Int, day: Int, minuteOfDay: Int = 0) {
        (self.year, self.month, self.day, self.minuteOfDay) = (year, month, day, minuteOfDay)
    }

    public static func < (a: PublishedDate, b: PublishedDate) -> Bool {
        (a.year, a.month, a.day, a.minuteOfDay) < (b.year, b.month, b.day, b.minuteOfDay)
    }

    /// The date in `text`, or nil when it holds none that can be placed on a calendar.
    public init?(_ text: String) {
        let tokens = Self.tokens(text.lowercased())
        let time = Self.time(tokens)
        guard let (y, m, d) = Self.calendarDate(tokens, skipping: time?.tokens ?? 0..<0), Self.isValid(y, m, d) else { return nil }
        self.init(year: y, month: m, day: d, minuteOfDay: time?.minutes ?? 0)
    }

    /// A token: a number (with the character that follows it, which tells `12/4` from `10:15`)
    /// or a word.
    enum Token: Equatable {
        case number(Int, digits: Int, then: Character?)
        case word(String)
    }

    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var digits = "", word = ""
        func flush(next: Character?) {
            if !digits.isEmpty {
                tokens.append(.number(Int(digits.prefix(9)) ?? 0, digits: digits.count, then: next))
                digits = ""
            }
            if !word.isEmpty {
                tokens.append(.word(word))
                word = ""
            }
        }
        for c in text {
            if let v = c.asciiValue, v >= 0x30 && v <= 0x39 {
                if !word.isEmpty { flush(next: nil) }
                digits.append(c)
            } else if c.isLetter {
                if !digits.isEmpty { flush(next: c) }
                word.append(c)
            } else {
                flush(next: c)
            }
        }
        flush(next: nil)
        return tokens
    }

    /// Year, month and day: numbers joined by `/`, `-` or `.` — day first, as Vietnamese is
    /// written, unless the year leads (`2024-04-18`) or only the first can be a month
    /// (`04/25/2021`) — else a month named in words with a day and a year.
    /// `skipping`: the tokens of the time, whose numbers are no day.
    static func calendarDate(_ tokens: [Token], skipping time: Range<Int>) -> (Int, Int, Int)? {
        for i in tokens.indices {
            guard case .number(let a, let aDigits, let sep?) = tokens[i], "/-.".contains(sep),
                  i + 2 < tokens.count,
                  case .number(let b, _, let sep2?) = tokens[i + 1], sep2 == sep,
                  case .number(let c, let cDigits, _) = tokens[i + 2] else { continue }
            if aDigits == 4 { return (a, b, c) }  // 2024-04-18
            guard cDigits == 4 else { continue }
            // 04/12/2021 is the 4th of December here; 04/25/2021 can only be April's.
            return b > 12 && a <= 12 ? (c, a, b) : (c, b, a)
        }
        // Words: `ngày 12 tháng 4 năm 2021`, `12 tháng 4, 2021`, `March 3, 2024`, `3 Mar 2024`.
        var year: Int?, month: Int?, day: Int?
        for (i, token) in tokens.enumerated() where !time.contains(i) {
            switch token {
            case .word(let w):
                if w == "tháng" || w == "thang", i + 1 < tokens.count, case .number(let n, _, _) = tokens[i + 1], month == nil {
                    month = n
                } else if let n = englishMonth(w), month == nil {
                    month = n
                }
            case .number(let n, let digits, _):
                if i > 0, case .word(let w) = tokens[i - 1], w == "tháng" || w == "thang" { continue }
                if digits == 4, year == nil { year = n } else if digits <= 2, day == nil, n >= 1 { day = n }
            }
        }
        if let year, let month, let day { return (year, month, day) }
        return nil
    }

    /// Minutes after midnight of the first `HH:MM` (`10:15`, `9:05 PM`, `10h15`), and the
    /// tokens it takes.
    static func time(_ tokens: [Token]) -> (minutes: Int, tokens: Range<Int>)? {
        for i in tokens.indices {
            guard case .number(let h, let hDigits, let sep?) = tokens[i], hDigits <= 2, h < 24 else { continue }
            // `10h15`: the `h` is a word of its own between the two numbers.
            let minutes = sep == ":" ? i + 1 : sep == "h" && i + 1 < tokens.count && tokens[i + 1] == .word("h") ? i + 2 : nil
            guard let minutes, minutes < tokens.count, case .number(let m, 2, _) = tokens[minutes], m < 60 else { continue }
            var hour = h
            var end = minutes + 1
            if end < tokens.count, case .word(let w) = tokens[end], w == "am" || w == "pm" {
                if w == "pm" && hour < 12 { hour += 12 } else if w == "am" && hour == 12 { hour = 0 }
                end += 1
            }
            return (hour * 60 + m, i..<end)
        }
        return nil
    }

    static func englishMonth(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"]
        // The name or its first three letters (`Mar`, `Sept.` as `sep…`).
        return names.firstIndex { $0 == word || (word.count == 3 || word == "sept") && $0.hasPrefix(word) }.map { $0 + 1 }
    }

    static func isValid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        guard (1900...2200).contains(y), (1...12).contains(m), d >= 1 else { return false }
        let days = [31, y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }
}
