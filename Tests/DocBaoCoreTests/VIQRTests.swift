import Foundation
import XCTest

@testable import DocBaoCore

/// Vietnamese typed in ASCII as RFC 1456's VIQR (`Vie^.t Nam`), as e-mail and Usenet carried
/// it: read as Vietnamese letters where it is likely, left alone elsewhere.
final class VIQRTests: XCTestCase {
    /// `text` in VIQR as the RFC writes it: each letter as its ASCII base and its marks, đ as
    /// `dd`, and a character that would read as a mark after a vowel escaped (`A\+`, `ddi\.`).
    static func viqr(_ text: String, escaping: Bool = true) -> [UInt8] {
        let hats: [UInt32: UInt8] = [0x302: UInt8(ascii: "^"), 0x306: UInt8(ascii: "("), 0x31B: UInt8(ascii: "+")]
        let tones: [UInt32: UInt8] = [0x301: UInt8(ascii: "'"), 0x300: UInt8(ascii: "`"), 0x309: UInt8(ascii: "?"),
                                      0x303: UInt8(ascii: "~"), 0x323: UInt8(ascii: ".")]
        var out: [UInt8] = []
        var afterVowel = false
        for c in text {
            if c == "đ" || c == "Đ" {
                out += Array((c == "đ" ? "dd" : "DD").utf8)
                afterVowel = false
                continue
            }
            let scalars = Array(String(c).decomposedStringWithCanonicalMapping.unicodeScalars)
            let base = scalars[0]
            precondition(base.isASCII, "not in VIQR: \(c)")
            if escaping, scalars.count == 1, VIQR.isMark(UInt8(base.value)), afterVowel { out.append(UInt8(ascii: "\\")) }
            out.append(UInt8(base.value))
            let marks = scalars.dropFirst().map(\.value)
            out += marks.compactMap { hats[$0] } + marks.compactMap { tones[$0] }
            afterVowel = EightBitScan.isASCIIVowel(UInt8(base.value))
        }
        return out
    }

    /// The seed page in VIQR as the RFC writes it (its `A+`, `google+` and sentence ends
    /// after vowels escaped) reads as the page in UTF-8 does, small and large.
    func testTheSeedPageInVIQRReadsAsTheUTF8Page() throws {
        let text = try DecodingTests.seedInEightBitCharacters().replacingOccurrences(of: "\u{A0}", with: " ")
        let viqr = Self.viqr(text)
        XCTAssertTrue(viqr.allSatisfy { $0 < 0x80 })
        XCTAssertTrue(String(decoding: viqr, as: UTF8.self).contains("Ho^.i nghi. la^`n thu+' 4"))
        try assertReadsAsTheUTF8Page(viqr, utf8: Array(text.utf8), warning: TextDecoder.viqrWarning)
        let article = try ArticleParser.parse(bytes: viqr)
        XCTAssertTrue(article.wasReadAsVIQR)
        XCTAssertEqual(article.title, try Fixtures.seed.title)
    }

    /// The seed page in VIQR as most files were written, without escapes, reads as the page
    /// in UTF-8 does too: every word end that could be a full stop or a tone is decided by
    /// the rules and the page's own words (`Ban Thu+o+`ng vu. Ti?nh u?y` is Thường vụ, since
    /// `nhie^.m vu. chu?` spells `vụ` where nothing was left to guess).
    func testTheSeedPageInUnescapedVIQRReadsAsTheUTF8Page() throws {
        let text = try DecodingTests.seedInEightBitCharacters().replacingOccurrences(of: "\u{A0}", with: " ")
        let viqr = Self.viqr(text, escaping: false)
        XCTAssertFalse(String(decoding: viqr, as: UTF8.self).contains("\\"))
        XCTAssertTrue(String(decoding: viqr, as: UTF8.self).contains("Thu+o+`ng vu. Ti?nh u?y"))
        try assertReadsAsTheUTF8Page(viqr, utf8: Array(text.utf8), warning: TextDecoder.viqrWarning)
    }

    /// Every letter, in both cases and with every tone, reads back as itself.
    func testEveryLetterReadsBack() throws {
        var words: [String] = []
        for rhyme in ["a", "ăn", "ân", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
            for tone in VietnameseSyllable.toneMarks {
                let word = ("t" + rhyme.prefix(1) + tone + rhyme.dropFirst()).precomposedStringWithCanonicalMapping
                words += [word, word.uppercased(), "đ" + word.dropFirst(), "Đ" + word.dropFirst()]
            }
        }
        // The `đi.` at the end is written `ddi\.`: a file that escapes its marks has every
        // other mark after a vowel read as one (`ta. TA.`: tạ TẠ).
        let text = words.joined(separator: " ") + " đi.\n"
        let decoded = try TextDecoder.decode(Self.viqr(text))
        XCTAssertEqual(decoded.warnings, [TextDecoder.viqrWarning])
        XCTAssertEqual(decoded.text, text)
    }

    /// Text that does not escape its marks, as most of it did not: a `.` or `?` after a vowel
    /// is a tone inside a word and before a word in lower case or a dash, and ends a sentence
    /// at the end of a line or after a word that has its tone; `...` is an ellipsis. Before a
    /// capital or a quote the file's own words decide: `Bo^. Tru+o+?ng` is Bộ Trưởng, since
    /// `bo^. tru+o+?ng` came where nothing was left to guess, and `ddi. Ro^`i` is đi. Rồi,
    /// since `ddi` did; `Na^u?`, seen nowhere else, ends a question. `DD` in an acronym is Đ.
    /// Words that do not spell a syllable (an address, `C++`) and English's `I'm` stay as
    /// written.
    func testUnescapedTextReadsAsWritten() throws {
        let source = """
            Ngu+o+`i da^n kha('p no+i ve^` du+. le^~ ho^.i DDe^`n Hu`ng. Anh ddi.
            Ta.i sao? Vi` tro+`i dde.p, nghe no'i co' ha't ca... Ho^m nay vui qua'!
            Xem the^m o+? example.com, vie^'t ba(`ng C++; I'm fine. Ho^.i nghi.. Thu? tu+o+'ng no'i no' ddo^?.
            DDBQH va` HDDND ddi Ha` No^.i. Bo^. Tru+o+?ng ve^` Lai Cha^u. O^ng Mi? - U?y vie^n ddi.  Ro^`i ve^`.
            Ca'c bo^. tru+o+?ng ho.p. Nhie^.m vu. cu?a Thu+o+`ng vu. Ti?nh u?y, phu.c vu. Nha^n da^n. Ha` Na^u? "Ca^u ho?i."
            """
        let expected = """
            Người dân khắp nơi về dự lễ hội Đền Hùng. Anh đi.
            Tại sao? Vì trời đẹp, nghe nói có hát ca... Hôm nay vui quá!
            Xem thêm ở example.com, viết bằng C++; I'm fine. Hội nghị. Thủ tướng nói nó đổ.
            ĐBQH và HĐND đi Hà Nội. Bộ Trưởng về Lai Châu. Ông Mỉ - Ủy viên đi.  Rồi về.
            Các bộ trưởng họp. Nhiệm vụ của Thường vụ Tỉnh ủy, phục vụ Nhân dân. Hà Nâu? "Câu hỏi."
            """
        let decoded = try TextDecoder.decode(Array(source.utf8))
        XCTAssertEqual(decoded.warnings, [TextDecoder.viqrWarning])
        XCTAssertEqual(decoded.text, expected)
    }

    /// Random text of syllables (every initial, rhyme and tone), in random case and with
    /// punctuation after them, written as the RFC writes it, reads back as itself; and random
    /// ASCII of letters and marks converts to valid UTF-8 without a fault.
    func testRandomSyllablesReadBackAndRandomASCIIIsSafe() throws {
        var rng = SeededGenerator(seed: 1456)
        let initials = VietnameseSyllable.initials, rhymes = VietnameseSyllable.rhymes.sorted()
        let punctuation = ["", "", "", ",", ".", "?", "!", ":", ";", "...", ")"]
        for _ in 0..<200 {
            var words: [String] = []
            for _ in 0..<40 {
                let rhyme = rhymes.randomElement(using: &rng)!
                let tone = VietnameseSyllable.toneMarks.randomElement(using: &rng)!
                // The tone where the rhyme may carry it (the first such place).
                let places = VietnameseSyllable.tonePlaces(of: rhyme)
                let vowel = rhyme.index(rhyme.startIndex, offsetBy: places.trailingZeroBitCount)
                let toned = rhyme[..<vowel] + String(rhyme[vowel]) + tone + rhyme[rhyme.index(after: vowel)...]
                var word = (initials.randomElement(using: &rng)! + toned).precomposedStringWithCanonicalMapping
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: word = word.uppercased()
                case 1: word = word.prefix(1).uppercased() + word.dropFirst()
                default: break
                }
                words.append(word + punctuation.randomElement(using: &rng)!)
            }
            let text = words.joined(separator: " ") + " đi.\n"
            let decoded = try TextDecoder.decode(Self.viqr(text))
            XCTAssertEqual(decoded.warnings, [TextDecoder.viqrWarning], text)
            XCTAssertEqual(decoded.text, text)
        }
        let alphabet = Array("aeiouydDAEOUYnghtT ^(+'`?~.\\\n,".utf8)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 1..<60, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let out = bytes.withUnsafeBufferPointer(VIQR.utf8)
            XCTAssertNotNil(String(validating: out, as: UTF8.self))
        }
    }

    /// ASCII that is not VIQR is left alone: English with `C++`, `I'm`, `o'clock` and
    /// questions; code and formulas (`a^b`, `x+(y)`); Vietnamese without its marks; and a few
    /// VIQR words in English text.
    func testOtherASCIIIsNotTakenForVIQR() throws {
        let texts = [
            "Title: Notes\n\nI'm sure it's at five o'clock? We used C++ (and a bit of Go+). Who're you? Maybe... so.\n",
            "let a = x^2 + y^2; if (a+(b)) { pow(a^b, 2) } else { go+to(u+v) }\nint e^x = o+u+a(1);\n",
            "Title: Hoi nghi lan thu 4\n\nHom nay, Ban Chap hanh Dang bo tinh to chuc Hoi nghi lan thu 4.\n",
            "The word pho^? (pho) and ba'nh mi` (banh mi) are loved by visitors to the city, who say so.\n"
                + String(repeating: "More English prose that goes on for a while without any marks at all. ", count: 3),
        ]
        for text in texts {
            let decoded = try TextDecoder.decode(Array(text.utf8))
            XCTAssertEqual(decoded.warnings, [], text)
            XCTAssertEqual(decoded.text, text)
        }
    }
}
