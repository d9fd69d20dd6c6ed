import Foundation
import XCTest

@testable import DocBaoCore

@_silgen_name("wcwidth") private func c_wcwidth(_ c: Int32) -> Int32

final class DisplayWidthTests: XCTestCase {
    /// The core's table agrees with glibc's wcwidth on Vietnamese, CJK and common emoji.
    func testAgreesWithGlibcOnSamples() throws {
        guard setlocale(LC_ALL, "C.UTF-8") != nil else { throw XCTSkip("no C.UTF-8 locale") }
        let samples = "aZ9 ĐđƠơƯưẠạẢảẤấẦầẨẩẪẫẬậắằẳẵặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ"
            + "中文汉字東京한국어ひらがなカタカナＡＢＣ、。「」" + "😀😂🚗🔋👍🎉❤🌏⌚⚡✅❌" + "\u{301}\u{323}\u{200B}"
            + "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎"  // what `<sup>` and `<sub>` become
        for s in samples.unicodeScalars {
            XCTAssertEqual(DisplayWidth.of(s) , Int(max(0, c_wcwidth(Int32(bitPattern: s.value)))),
                           "U+\(String(s.value, radix: 16))")
        }
    }

    /// Characters the terminal layer sends to curses in runs take one column by both counts.
    func testSurelyNarrowScalarsAreOneColumnHereAndInGlibc() throws {
        guard setlocale(LC_ALL, "C.UTF-8") != nil else { throw XCTSkip("no C.UTF-8 locale") }
        var narrow = 0
        for v in UInt32(0)..<0x3000 where DisplayWidth.isSurelyNarrow(v) {
            let s = Unicode.Scalar(v)!
            XCTAssertEqual(DisplayWidth.of(s), 1, "U+\(String(v, radix: 16))")
            XCTAssertEqual(c_wcwidth(Int32(v)), 1, "U+\(String(v, radix: 16))")
            narrow += 1
        }
        XCTAssertGreaterThan(narrow, 900)
        for v: UInt32 in [0x0A, 0x7F, 0xAD, 0x300, 0x323, 0x200B, 0x2028, 0x4E00, 0x1F600] {
            XCTAssertFalse(DisplayWidth.isSurelyNarrow(v), "U+\(String(v, radix: 16))")
        }
    }

    /// A cell goes into a run only as one surely narrow scalar.
    func testSurelyNarrowScalarOfACell() {
        XCTAssertEqual(DisplayWidth.surelyNarrowScalar("a"), 0x61)
        XCTAssertEqual(DisplayWidth.surelyNarrowScalar("ộ"), 0x1ED9)
        XCTAssertEqual(DisplayWidth.surelyNarrowScalar("│"), 0x2502)
        for text in ["", "e\u{301}", "中", "😀", "🇻🇳", "\u{200B}", "ab", "\u{7F}", "\n", "a\u{20DD}", "\u{2502}x"] {
            XCTAssertNil(DisplayWidth.surelyNarrowScalar(text), text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }

    /// What the painter hands curses for a cell: flags one regional indicator per column,
    /// emoji sequences their first emoji, and for each column a spacing character that glibc
    /// counts as one or two columns, followed only by characters it counts as none, the
    /// columns adding up to the core's width. (Else curses drops characters, or its columns
    /// and the grid's disagree.)
    func testCellCharactersFitCursesCells() throws {
        guard setlocale(LC_ALL, "C.UTF-8") != nil else { throw XCTSkip("no C.UTF-8 locale") }
        let hex = { (c: [[Unicode.Scalar]]) in c.map { $0.map { String($0.value, radix: 16) }.joined(separator: "+") } }
        let expected: [(String, [[UInt32]])] = [
            ("a", [[0x61]]), ("a\u{323}\u{302}", [[0x61, 0x323, 0x302]]), ("中", [[0x4E2D]]),
            ("🇻🇳", [[0x1F1FB], [0x1F1F3]]), ("🇻", [[0x1F1FB], [0x20]]),
            ("👨‍👩‍👧", [[0x1F468]]), ("👍🏽", [[0x1F44D]]), ("❤️", [[0x2764, 0xFE0F], [0x20]]),
            ("1️⃣", [[0x31, 0xFE0F, 0x20E3], [0x20]]), ("👩‍💻", [[0x1F469]]), ("🏳️‍🌈", [[0x1F3F3, 0xFE0F], [0x20]]),
            ("e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}", [[0x65, 0x301, 0x302, 0x303, 0x304]]),
        ]
        for (text, columns) in expected {
            XCTAssertEqual(CellCharacters.columns(text).map { $0.map(\.value) }, columns, "\(hex(CellCharacters.columns(text)))")
        }
        let clusters = expected.map(\.0) + ["🇯🇵", "👨‍👩‍👧‍👦", "✅", "⌚", "☺️", "#️⃣", "한", "\u{1100}\u{1161}\u{11A8}", "ạ", "Ỹ", "ｱ", "😀"]
        for text in clusters {
            let columns = CellCharacters.columns(text)
            var total = 0
            for column in columns {
                XCTAssertGreaterThan(c_wcwidth(Int32(bitPattern: column[0].value)), 0, "\(text): \(hex(columns))")
                for s in column.dropFirst() { XCTAssertEqual(c_wcwidth(Int32(bitPattern: s.value)), 0, "\(text): \(hex(columns))") }
                total += Int(c_wcwidth(Int32(bitPattern: column[0].value)))
            }
            XCTAssertEqual(total, DisplayWidth.of(text), "\(text): \(hex(columns))")
        }
    }

    func testClusters() {
        XCTAssertEqual(DisplayWidth.of("Hội nghị"), 8)
        XCTAssertEqual(DisplayWidth.of("Ho\u{302}\u{323}i"), 3)  // NFD
        XCTAssertEqual(DisplayWidth.of("中文"), 4)
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧‍👦"), 2)
        XCTAssertEqual(DisplayWidth.of("🇻🇳"), 2)
        XCTAssertEqual(DisplayWidth.of("❤️"), 2)
        // One Character at a time, including the ones that are two scalars.
        let cases: [(Character, Int)] = [("a", 1), ("~", 1), ("\u{7F}", 0), ("\r\n", 0), ("\u{301}", 0), ("e\u{301}", 1),
                                         ("中", 2), ("🇻🇳", 2), ("1️⃣", 2), ("👍🏽", 2), ("\u{A0}", 1), ("\u{200D}", 0)]
        for (c, width) in cases {
            XCTAssertEqual(DisplayWidth.of(c), width, c.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }
}

final class LineBreakerTests: XCTestCase {
    func lines(_ text: String, _ width: Int) -> [String] {
        LineBreaker.wrap(text, measure: width).map { String(text.utf8Slice($0.start, $0.end)) }
    }

    /// A line end always ends a line and is dropped; lines that carry on another (and only
    /// those) are indented by `turnoverIndent` and fit in what is left of the measure.
    func testLineEndsAndTurnovers() {
        var rng = SeededGenerator(seed: 17)
        for _ in 0..<2000 {
            let parts = (0..<Int.random(in: 1...5, using: &rng)).map { _ in
                RandomText.paragraph(&rng, words: Int.random(in: 1...12, using: &rng)).trimmingSpaces()
            }.filter { !$0.isEmpty }
            guard !parts.isEmpty else { continue }
            let text = parts.joined(separator: "\n")
            let measure = Int.random(in: 1...60, using: &rng), indent = Int.random(in: 0...4, using: &rng)
            let lines = LineBreaker.wrap(text, measure: measure, turnoverIndent: indent)
            let utf8 = Array(text.utf8)
            for line in lines {
                let piece = text.utf8Slice(line.start, line.end)
                XCTAssertFalse(piece.contains("\n"))
                let startsPart = line.start == 0 || utf8[line.start - 1] == 0x0A
                // A turnover gives up indent only for a word wider than what the indent leaves.
                let turnover = min(min(indent, measure - 1), max(0, measure - line.width))
                XCTAssertEqual(line.indent, startsPart ? 0 : turnover, "\(text) at \(measure)")
                XCTAssertTrue(line.indent + line.width <= measure || piece.count == 1, "\(piece) at \(measure)")
            }
            // Every part starts a line, and nothing but white space is dropped.
            var starts = Set(lines.map(\.start))
            var offset = 0
            for part in parts {
                let lead = part.utf8.prefix { $0 == 0x20 }.count
                XCTAssertTrue(starts.contains(offset + lead), "part at \(offset) of \(text)")
                offset += part.utf8.count + 1
            }
            starts.removeAll()
            XCTAssertEqual(lines.map { text.utf8Slice($0.start, $0.end) }.joined().filter { !$0.isWhitespace },
                           text.filter { !$0.isWhitespace })
        }
    }

    func testBreaksAtSpacesAndAfterHyphens() {
        XCTAssertEqual(lines("Hội nghị lần thứ 4", 9), ["Hội nghị", "lần thứ 4"])
        XCTAssertEqual(lines("Chỉ thị số 45-CT/TW", 14), ["Chỉ thị số 45-", "CT/TW"])
        // Not before a digit: a range, a date, a name with a number stay whole.
        XCTAssertEqual(lines("giai đoạn 2021-2025 và", 16), ["giai đoạn", "2021-2025 và"])
        XCTAssertEqual(lines("ngày 12/4/2021 tại", 11), ["ngày", "12/4/2021", "tại"])
        XCTAssertEqual(lines("dịch covid-19 đã qua", 12), ["dịch", "covid-19 đã", "qua"])
        XCTAssertEqual(lines("Số 45/2021/NĐ-CP", 13), ["Số 45/2021/", "NĐ-CP"])
        let nfd = "ngày 12/4/2021 tại Hà Nội".decomposedStringWithCanonicalMapping
        XCTAssertEqual(lines(nfd, 11).map { $0.precomposedStringWithCanonicalMapping }, ["ngày", "12/4/2021", "tại Hà Nội"])
        XCTAssertEqual(lines("abcdefghij", 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(lines("中文汉字", 5), ["中文", "汉字"])
        // A zero-width space (web pages put them in long addresses and runs of Thai) is a place
        // to break that takes no room.
        XCTAssertEqual(lines("trang\u{200B}chủ\u{200B}tin\u{200B}tức", 10), ["trang\u{200B}chủ", "tin\u{200B}tức"])
    }

    /// A no-break space keeps a number with its unit and a title with a name; a paragraph
    /// that joins every word with one (pages full of `&nbsp;`) still wraps between words
    /// rather than inside them. The same on the `Character` path (decomposed text).
    func testNoBreakSpacesHoldTheirNeighboursUnlessNothingElseCan() {
        let nbsp = "\u{A0}"
        XCTAssertEqual(lines("Ngày 12\(nbsp)tháng 4\(nbsp)năm 2024", 18), ["Ngày 12\(nbsp)tháng", "4\(nbsp)năm 2024"])
        XCTAssertEqual(lines("Tất\(nbsp)cả\(nbsp)các\(nbsp)từ\(nbsp)đều\(nbsp)nối", 12), ["Tất\(nbsp)cả\(nbsp)các", "từ\(nbsp)đều\(nbsp)nối"])
        // After an ordinary break, a no-break space further on is still a spare place.
        XCTAssertEqual(lines("a bbbbbb\(nbsp)cccccc\(nbsp)dd", 9), ["a", "bbbbbb", "cccccc dd".replacingOccurrences(of: " ", with: nbsp)])
        XCTAssertEqual(lines("12\u{202F}000 đồng", 8), ["12\u{202F}000", "đồng"], "a narrow no-break space too")
        // A dash with a no-break space after it stays with the next word (the seed writes
        // `Dũng -&nbsp;Phó Bí thư`), rather than starting a line with the space.
        XCTAssertEqual(lines("Trần Tiến Dũng -\(nbsp)Phó Bí thư", 19), ["Trần Tiến Dũng", "-\(nbsp)Phó Bí thư"])
        let decomposed = "Việt\(nbsp)Nam và Hà\(nbsp)Nội".decomposedStringWithCanonicalMapping
        XCTAssertEqual(lines(decomposed, 8).map { $0.precomposedStringWithCanonicalMapping }, ["Việt\(nbsp)Nam", "và", "Hà\(nbsp)Nội"])
    }

    /// Closing punctuation after a space (`thế nữa !`, `7,5 %`, French spacing, a stray space)
    /// does not start a line: the space before it is a place of last resort, as a no-break
    /// space is. A quote or an ellipsis may start one. The same on the `Character` path.
    func testClosingPunctuationAfterASpaceHoldsToTheWordBefore() {
        XCTAssertEqual(lines("Đạt 7,5 % so với", 11), ["Đạt 7,5 %", "so với"])
        XCTAssertEqual(lines("và hơn thế nữa !", 14), ["và hơn thế", "nữa !"])
        XCTAssertEqual(lines("( ước tính ) ; rồi", 11), ["( ước", "tính ) ;", "rồi"])
        XCTAssertEqual(lines("Ghi chú : xem", 8), ["Ghi", "chú :", "xem"])
        XCTAssertEqual(lines("! ! ! !", 3), ["! !", "! !"], "with no other place, the space is one")
        XCTAssertEqual(lines("“Tổng cục” … và", 11), ["“Tổng cục”", "… và"])
        let decomposed = "Hà Nội đẹp lắm !".decomposedStringWithCanonicalMapping
        XCTAssertEqual(lines(decomposed, 12).map { $0.precomposedStringWithCanonicalMapping }, ["Hà Nội đẹp", "lắm !"])
    }

    /// A unit's sign after a number and a space (`30 °C`, as SI writes it; `℃`, `℉`) stays on
    /// the number's line, on the same last-resort terms; written without the space it is part
    /// of the word. The same on the `Character` path (`℃`, and decomposed text).
    func testADegreeSignHoldsToItsNumber() {
        XCTAssertEqual(lines("nhiệt độ 30 °C vào", 12), ["nhiệt độ", "30 °C vào"])
        XCTAssertEqual(lines("30 °C 30 °C", 4), ["30", "°C", "30", "°C"], "no other place: the space is one")
        XCTAssertEqual(lines("nhiệt độ 30 ℃ vào", 12), ["nhiệt độ", "30 ℃ vào"])
        XCTAssertEqual(lines("trời 98 ℉ nóng", 8), ["trời", "98 ℉", "nóng"])
        XCTAssertEqual(lines("nóng 30°C hôm nay", 9), ["nóng 30°C", "hôm nay"])
        let decomposed = "Hà Nội 30 °C".decomposedStringWithCanonicalMapping
        XCTAssertEqual(lines(decomposed, 10).map { $0.precomposedStringWithCanonicalMapping }, ["Hà Nội", "30 °C"])
        // The fast path hands the sign over on its own, not inside a run of letters.
        XCTAssertEqual(lines("ab°cd ef", 5), ["ab°cd", "ef"])
    }

    /// A number ended by `.` or `)` and a space would read as a numbered list's marker at a
    /// line's start (`4. Đồng chí`), so the space before it is a last-resort break, as before
    /// closing punctuation; a number that is not such a marker (`7.5`, `4.Đồng`, ten digits)
    /// may start a line.
    func testANumberThatReadsAsAListMarkerDoesNotStartALine() {
        let text = "tổ chức Hội nghị lần thứ 4. Đồng chí Giàng Páo Mỷ"
        XCTAssertEqual(lines(text, 25), ["tổ chức Hội nghị lần", "thứ 4. Đồng chí Giàng Páo", "Mỷ"])
        XCTAssertEqual(lines("Theo mục 12) của quy định", 13), ["Theo mục 12)", "của quy định"])
        XCTAssertEqual(lines("kết thúc năm 2021.", 15), ["kết thúc", "năm 2021."], "at the text's end too")
        XCTAssertEqual(lines("lần thứ 4.\nĐồng chí", 9), ["lần", "thứ 4.", "Đồng chí"], "before a line end too")
        XCTAssertEqual(lines("tỷ lệ đạt 7.5 điểm", 10), ["tỷ lệ đạt", "7.5 điểm"])
        XCTAssertEqual(lines("ô số 1234567890. x", 13), ["ô số", "1234567890. x"], "ten digits are no marker")
        XCTAssertEqual(lines("ô số 123456789. x", 13), ["ô", "số 123456789.", "x"], "nine are")
        XCTAssertEqual(lines("lần thứ 4.Đồng", 9), ["lần thứ", "4.Đồng"])
        XCTAssertEqual(lines("lần thứ 4.\u{A0}Đồng chí", 12), ["lần", "thứ 4.\u{A0}Đồng", "chí"], "a no-break space reads as a space")
        XCTAssertEqual(lines("4. 5. 6.", 2), ["4.", "5.", "6."], "with no other place, the space is one")
        let decomposed = text.decomposedStringWithCanonicalMapping
        XCTAssertEqual(lines(decomposed, 25).map { $0.precomposedStringWithCanonicalMapping }, lines(text, 25))
    }

    /// A web address breaks only after a slash (not between the two of `https://`, and before
    /// a digit too), never at its hyphens, which a break would make look like the text's; a
    /// word that only looks a little like one breaks as words do.
    func testAWebAddressBreaksOnlyAfterASlash() {
        let url = "https://tramsac.danang.example/tin/tram-sac-xe-dien-moi/2024/05"
        XCTAssertEqual(lines("Xem tại \(url) nhé", 30),
                       ["Xem tại https://", "tramsac.danang.example/tin/", "tram-sac-xe-dien-moi/2024/05", "nhé"])
        XCTAssertEqual(lines("(www.laichau-gov.vn/tin-tuc/hoi-nghi) nhé", 20), ["(www.laichau-gov.vn/", "tin-tuc/hoi-nghi)", "nhé"])
        XCTAssertEqual(lines("HTTPS://A-B.VN/C-D", 12), ["HTTPS://", "A-B.VN/C-D"])
        // No slash to break after: the address is cut between characters, as a long word is.
        XCTAssertEqual(lines("www.ab-cd-ef.vn", 8), ["www.ab-c", "d-ef.vn"])
        // Not addresses: hyphens break as ever.
        XCTAssertEqual(lines("http:/tram-sac", 10), ["http:/", "tram-sac"])
        XCTAssertEqual(lines("wwwtram-sac", 8), ["wwwtram-", "sac"])
        XCTAssertEqual(lines("https-tram-sac", 10), ["https-", "tram-sac"])
        let decomposed = "Xem tại \(url) nhé".decomposedStringWithCanonicalMapping
        XCTAssertEqual(lines(decomposed, 30).map { $0.precomposedStringWithCanonicalMapping }, lines("Xem tại \(url) nhé", 30))
    }

    /// A dash with a space on each side (the portal's `Tên - Chức vụ`, `2021 - 2025`) ends a
    /// line rather than starting one, where a line starting `- ` would look like a list item;
    /// a dash that starts a word (`-5`) or is tied to the next one by a no-break space may
    /// still start a line. The same on the `Character` path.
    func testASpacedDashHoldsToTheWordBefore() {
        XCTAssertEqual(lines("Trần Tiến Dũng - Phó Bí thư", 16), ["Trần Tiến Dũng -", "Phó Bí thư"])
        XCTAssertEqual(lines("Trần Tiến Dũng - Phó Bí thư", 15), ["Trần Tiến", "Dũng - Phó Bí", "thư"])
        XCTAssertEqual(lines("giai đoạn 2021 – 2025", 14), ["giai đoạn", "2021 – 2025"])
        XCTAssertEqual(lines("mùa hè — và thu", 8), ["mùa hè —", "và thu"])
        XCTAssertEqual(lines("đến năm 2025 -", 13), ["đến năm", "2025 -"], "a dash at the end holds too")
        XCTAssertEqual(lines("nhiệt độ -5 độ C", 10), ["nhiệt độ", "-5 độ C"], "nor is a minus sign cut from its number")
        XCTAssertEqual(lines("-12345", 4), ["-123", "45"], "unless the number is wider than the line")
        XCTAssertEqual(lines("- - -", 3), ["- -", "-"], "with no other place, the space is one")
        let decomposed = "Lê Văn Lương - Phó Bí thư".decomposedStringWithCanonicalMapping
        XCTAssertEqual(lines(decomposed, 14).map { $0.precomposedStringWithCanonicalMapping }, ["Lê Văn Lương -", "Phó Bí thư"])
    }

    /// Properties on random Vietnamese/CJK/emoji text at random widths 1…200: no line wider
    /// than the measure (but a lone cluster wider than it), nothing lost or duplicated, no
    /// cluster split, every word that fits kept whole.
    func testWrappingProperties() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<3000 {
            let text = RandomText.paragraph(&rng, words: Int.random(in: 0...60, using: &rng))
            let width = Int.random(in: 1...200, using: &rng)
            let wrapped = LineBreaker.wrap(text, measure: width)
            let pieces = wrapped.map { text.utf8Slice($0.start, $0.end) }
            for (line, piece) in zip(wrapped, pieces) {
                XCTAssertEqual(line.width, DisplayWidth.of(piece))
                XCTAssertTrue(line.width <= width || piece.count == 1, "\(piece) > \(width)")
                XCTAssertFalse(piece.first?.isWhitespace ?? true, "\(text.debugDescription) \(width) \(pieces)")
                XCTAssertFalse(piece.last?.isWhitespace ?? true, "\(text.debugDescription) \(width) \(pieces)")
            }
            // In order, without overlap, and only whitespace dropped between lines.
            var cursor = 0
            for line in wrapped {
                XCTAssertGreaterThanOrEqual(line.start, cursor)
                XCTAssertTrue(text.utf8Slice(cursor, line.start).allSatisfy(\.isWhitespace))
                cursor = line.end
            }
            XCTAssertTrue(text.utf8Slice(cursor, text.utf8.count).allSatisfy(\.isWhitespace))
            XCTAssertEqual(pieces.joined().filter { !$0.isWhitespace }, text.filter { !$0.isWhitespace })
            // Words (space-separated) that fit, with no hyphen or wide character, stay whole.
            for word in text.split(separator: " ") where DisplayWidth.of(word) <= width
                && !word.contains(where: { LineBreaker.hyphens.contains($0) || DisplayWidth.of($0) == 2 }) {
                XCTAssertTrue(pieces.contains { $0.split(separator: " ").contains(word) }, "\(word) split at \(width)")
            }
        }
    }
}

extension LineBreakerTests {
    /// The UTF-8 fast path must break exactly where the `Character` path does, and must step
    /// aside for any text whose scalars could join into one cluster.
    func testFastPathAgreesWithCharacterPath() {
        var rng = SeededGenerator(seed: 7)
        let extras = ["“", "”", "…", "–", "—", "‐", "/", "(", ")", "。", "、", "「", "」", "日本語", "한국어", "Ωμέγα", "Привет", "\u{A0}", "\u{3000}", "Ａ", "x\u{2009}y",
                      "\n", "\n   ", "%", "Nguyễn", "ĐẢNG", "quốc", "4.", "12)", "2021.", "1234567890.", "7.5", "3.\u{A0}",
                      "https://a-b.vn/c-d/2024/e", "(www.x-y.vn/z-t)", "HTTP://X-Y/Z", "“https://q.vn/a-b”", "http:/a-b", "wwwx-y"]
        let simpleWords = RandomText.words.filter { word in
            var w = word
            return w.withUTF8 { LineBreaker.SimpleScalars.accepts($0) }
        }
        XCTAssertGreaterThan(simpleWords.count, 20)
        var fast = 0
        for _ in 0..<3000 {
            let pool = Bool.random(using: &rng) ? RandomText.words : simpleWords
            var text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in pool.randomElement(using: &rng)! }
                .joined(separator: Bool.random(using: &rng) ? " " : "  ")
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                let extra = extras.randomElement(using: &rng)!
                let at = text.index(text.startIndex, offsetBy: Int.random(in: 0...text.count, using: &rng))
                text.insert(contentsOf: Bool.random(using: &rng) ? extra : " " + extra, at: at)
            }
            let width = Int.random(in: 1...120, using: &rng)
            var copy = text
            let simple = copy.withUTF8 { LineBreaker.SimpleScalars.accepts($0) }
            if simple { fast += 1 }
            var slow = LineBreaker.CharacterClusters(text.makeIterator())
            // With the indents and kept spaces of lists, verse and code too.
            let first = Int.random(in: 0...4, using: &rng), turnover = Int.random(in: 0...6, using: &rng)
            let keeps = Int.random(in: 0..<4, using: &rng) == 0, afterLineEnd = Bool.random(using: &rng)
            XCTAssertEqual(LineBreaker.wrap(text, measure: width, firstIndent: first, turnoverIndent: turnover, keepsSpaces: keeps,
                                            indentsAfterLineEnd: afterLineEnd),
                           LineBreaker.wrap(clusters: &slow, measure: width, firstIndent: first, turnoverIndent: turnover,
                                            keepsSpaces: keeps, indentsAfterLineEnd: afterLineEnd),
                           text.debugDescription)
            // Widths and cells come the same fast way, and must match their Character ways too.
            XCTAssertEqual(DisplayWidth.of(text), DisplayWidth.ofCharacters(text), text.debugDescription)
            let x = Int.random(in: -2...10, using: &rng), limit = Int.random(in: 0...50, using: &rng)
            let styleAt: (Int) -> CellStyle? = { $0 % 3 == 0 ? CellStyle(bold: true) : nil }
            var fastGrid = Grid(width: 40, height: 1), slowGrid = Grid(width: 40, height: 1)
            let fastEnd = fastGrid.put(text, x: x, y: 0, style: .plain, limit: limit, styleAt: styleAt)
            let slowEnd = slowGrid.putCharacters(text, x: x, y: 0, style: .plain, end: min(limit, 40), styleAt: styleAt)
            XCTAssertEqual(fastEnd, slowEnd, text.debugDescription)
            XCTAssertEqual(fastGrid, slowGrid, text.debugDescription)
        }
        XCTAssertGreaterThan(fast, 500, "the fast path should serve most of this text")
        var decomposed = "Việt Nam".decomposedStringWithCanonicalMapping
        XCTAssertFalse(decomposed.withUTF8 { LineBreaker.SimpleScalars.accepts($0) }, "combining marks take the Character path")
        var emoji = "a 👍🏽 b"
        XCTAssertFalse(emoji.withUTF8 { LineBreaker.SimpleScalars.accepts($0) })
    }
}

extension LineBreakerTests {
    /// A wide character put from left of the grid that does not fit before the limit leaves
    /// the grid as it was (it wrote a blank at column -1, out of the grid's cells, and trapped).
    func testTextFromLeftOfTheGridThatDoesNotFitLeavesItAlone() {
        for text in ["日本", "ab"] {
            var fast = Grid(width: 4, height: 1), slow = Grid(width: 4, height: 1)
            XCTAssertEqual(fast.put(text, x: -1, y: 0, style: .plain, limit: 0), 0)
            XCTAssertEqual(slow.putCharacters(text, x: -1, y: 0, style: .plain, end: 0, styleAt: nil), 0)
            XCTAssertEqual(fast, Grid(width: 4, height: 1), text)
            XCTAssertEqual(slow, fast, text)
        }
    }
}

final class LayoutTests: XCTestCase {
    func geometry(_ w: Int, level: Int = 5) -> LayoutGeometry {
        let l = SizeLevel.number(level)
        let m = max(1, min(l.measure ?? w, w - 2 * l.margin))
        return LayoutGeometry(paneWidth: w, measure: m, left: (w - m) / 2, lineGap: l.lineGap, paragraphGap: l.paragraphGap)
    }

    /// The first visible character stays on screen (at the top row) across re-wraps.
    func testPositionSurvivesRewrapping() throws {
        let article = try Fixtures.seed
        let blocks = ArticleBlocks.make(article, strings: Strings(.vi), rating: nil)
        let layout = DocumentLayout(blocks: blocks, geometry: geometry(80))
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let top = layout.advance(RowPosition(block: 0, row: 0), by: Int.random(in: 0...150, using: &rng))
            let anchor = layout.anchor(at: top)
            layout.update(geometry: geometry(Int.random(in: 20...200, using: &rng), level: Int.random(in: 1...9, using: &rng)))
            let row = layout.rowPosition(for: anchor)
            guard case .text(let line, _)? = layout.row(at: row)?.kind else { return XCTFail("not a text row") }
            XCTAssertTrue(line.start <= anchor.offset && anchor.offset <= max(line.end, line.start), "\(anchor) not in \(line)")
        }
    }

    /// `showsEnd` counts rows forward instead of laying out the end; it must say what
    /// comparing with `maxTop` says, at every row of the seed and of short articles.
    func testShowsEndAgreesWithMaxTop() throws {
        let seed = ArticleBlocks.make(try Fixtures.seed, strings: Strings(.vi), rating: nil)
        let short = LayoutBlocks(leading: [LayoutBlock(.title, "Một tiêu đề"), LayoutBlock(.paragraph, "Một đoạn ngắn.")])
        for blocks in [seed, short, LayoutBlocks(leading: [LayoutBlock(.paragraph, "")])] {
            for (width, level) in [(80, 5), (40, 9), (120, 1)] {
                let layout = DocumentLayout(blocks: blocks, geometry: geometry(width, level: level))
                for height in [1, 2, 5, 24, 60, 400] {
                    var p = RowPosition(block: 0, row: 0)
                    while true {
                        XCTAssertEqual(layout.showsEnd(from: p, height: height), p >= layout.maxTop(height: height),
                                       "\(p) height \(height) width \(width)")
                        let next = layout.advance(p, by: 1)
                        if next == p { break }
                        p = next
                    }
                }
            }
        }
    }

    func testAdvanceAndEndWithoutLayingOutEverything() {
        let blocks = (0..<100_000).map { LayoutBlock(.paragraph, "Đoạn văn số \($0) có vài chữ để ngắt dòng.") }
        let layout = DocumentLayout(blocks: blocks, geometry: geometry(40))
        let end = layout.maxTop(height: 20)
        XCTAssertEqual(end.block, 99_993)
        XCTAssertEqual(layout.advance(end, by: 19), layout.lastRow)
        XCTAssertGreaterThan(layout.fraction(at: layout.anchor(at: end)), 0.99)
    }
}
