import Foundation
import XCTest

@testable import DocBaoCore

/// Encodings, normalisation, and that no control code survives loading.
final class DecodingTests: XCTestCase {
    func testNFDInputGivesTheSameArticleAsNFC() throws {
        let nfc = String(decoding: try Fixtures.seedBytes, as: UTF8.self)
        let nfd = nfc.decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(nfc.utf8), Array(nfd.utf8))
        XCTAssertEqual(try ArticleParser.parse(bytes: Array(nfd.utf8)), try ArticleParser.parse(bytes: Array(nfc.utf8)))
    }

    func testInvalidUTF8IsRepairedWithAWarning() throws {
        let a = try ArticleParser.parse(bytes: Array("Title: Tựa\n\nBad ".utf8) + [0xC3, 0x28, 0xFF] + Array(" byte.".utf8))
        XCTAssertTrue(a.blocks[0].text.contains("\u{FFFD}"))
        XCTAssertTrue(a.warnings.contains { $0.contains("UTF-8") })
    }

    /// Vietnamese in Windows-1258 (the seed page as glibc's iconv writes it: tone marks as
    /// combining bytes after the letter) reads as the UTF-8 page does, small or large, with a
    /// warning that names the code page.
    func testVietnameseInWindows1258ReadsAsTheUTF8Page() throws {
        let legacy = try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.windows-1258.txt")
        try assertReadsAsTheUTF8Page(legacy, utf8: try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.txt"),
                                     warning: TextDecoder.windows1258Warning)
        let article = try ArticleParser.parse(bytes: legacy)
        XCTAssertTrue(article.wasReadAsWindows1258)
        XCTAssertFalse(article.hasInvalidUTF8)
        XCTAssertEqual(article.blocks, try Fixtures.seed.blocks)
    }

    /// Vietnamese in TCVN3, the ABC code (the seed page as glibc's iconv writes it, with the
    /// four characters the code lacks, “ ” • …, written as " * ...), reads as the same page
    /// in UTF-8 does, small or large, with a warning that names the code.
    func testVietnameseInTCVN3ReadsAsTheUTF8Page() throws {
        let legacy = try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.tcvn3.txt")
        try assertReadsAsTheUTF8Page(legacy, utf8: Array(try Self.seedInEightBitCharacters().utf8), warning: TextDecoder.tcvn3Warning)
        let article = try ArticleParser.parse(bytes: legacy)
        XCTAssertTrue(article.wasReadAsTCVN3)
        XCTAssertFalse(article.wasReadAsWindows1258)
        XCTAssertEqual(article.title, try Fixtures.seed.title)
        // Its capitals with tone marks on control bytes (the code's first variant) are letters.
        let capitals = try TextDecoder.decode(Array("Title: ".utf8) + [0x01, 0x6E, 0x67, 0x20, 0x76, 0xB5, 0x20, 0x6E, 0xA8, 0x6D,
                                                                      0x20, 0x6E, 0x67, 0xAD, 0xEA, 0x69, 0x0A])
        XCTAssertEqual(capitals.warnings, [TextDecoder.tcvn3Warning])
        XCTAssertTrue(capitals.text.hasPrefix("Title: Úng và năm người"), capitals.text)
    }

    /// The seed page with the four characters that TCVN3 and VNI lack, “ ” • …, as " * ...
    static func seedInEightBitCharacters() throws -> String {
        var text = String(decoding: try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.txt"), as: UTF8.self)
        for (from, to) in [("“", "\""), ("”", "\""), ("•", "*"), ("…", "...")] { text = text.replacingOccurrences(of: from, with: to) }
        return text
    }

    /// Vietnamese in VISCII (the seed page as glibc's iconv writes it, with the characters the
    /// code lacks, “ ” • … and the no-break space, written as " * ... and a space) reads as the
    /// same page in UTF-8 does, small or large, with a warning that names the code.
    func testVietnameseInVISCIIReadsAsTheUTF8Page() throws {
        let legacy = try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.viscii.txt")
        let text = try Self.seedInEightBitCharacters().replacingOccurrences(of: "\u{A0}", with: " ")
        try assertReadsAsTheUTF8Page(legacy, utf8: Array(text.utf8), warning: TextDecoder.visciiWarning)
        let article = try ArticleParser.parse(bytes: legacy)
        XCTAssertTrue(article.wasReadAsVISCII)
        XCTAssertFalse(article.wasReadAsTCVN3)
        XCTAssertEqual(article.title, try Fixtures.seed.title)
        // Its capitals on control bytes are letters, not controls to remove.
        let capitals = try TextDecoder.decode(try Self.eightBit("Title: Ẵng Ỷ Ỹ Ỵ và Ẫn Ẳng — người dân khắp nơi về dự lễ hội\n",
                                                                   VISCII.scalar))
        XCTAssertEqual(capitals.warnings, [TextDecoder.visciiWarning])
        XCTAssertTrue(capitals.text.hasPrefix("Title: Ẵng Ỷ Ỹ Ỵ và Ẫn Ẳng"), capitals.text)
    }

    /// `text` in an 8-bit code whose bytes `scalar` reads (a dash it lacks as "-").
    static func eightBit(_ text: String, _ scalar: (UInt8) -> UInt16) throws -> [UInt8] {
        var bytes: [UInt32: UInt8] = [:]
        for b in UInt8(1)...UInt8(255) where bytes[UInt32(scalar(b))] == nil { bytes[UInt32(scalar(b))] = b }
        return try text.precomposedStringWithCanonicalMapping.unicodeScalars.map { s in
            if s == "—" { return UInt8(ascii: "-") }
            guard let b = bytes[s.value] else { throw CocoaError(.featureUnsupported, userInfo: ["character": String(s)]) }
            return b
        }
    }

    /// Each older code's text is read in that code and no other: the seed page in each, and
    /// one sentence in each (where VISCII and TCVN3 both read every byte as a letter, only
    /// the syllables they make tell the two apart); and texts of two or three words, too short
    /// for any code's own test, by the syllables they spell in each code. Short Western text
    /// in Latin-1 is taken for none of them: it reads as Windows-1252.
    func testEachOlderCodeIsTakenForItselfOnly() throws {
        let seed = try Self.seedInEightBitCharacters().replacingOccurrences(of: "\u{A0}", with: " ")
        let sentence = "Người dân khắp nơi về dự lễ hội Đền Hùng, đông hơn năm ngoái; thời tiết đẹp.\n"
        let cases: [([UInt8], String)] = [
            (try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.windows-1258.txt"), TextDecoder.windows1258Warning),
            (try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.viscii.txt"), TextDecoder.visciiWarning),
            (try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.tcvn3.txt"), TextDecoder.tcvn3Warning),
            (try Self.vni(seed), TextDecoder.vniWarning),
            (try Self.eightBit(sentence, VISCII.scalar), TextDecoder.visciiWarning),
            (try Self.eightBit(sentence, TCVN3.scalar), TextDecoder.tcvn3Warning),
            (try Self.vni(sentence.replacingOccurrences(of: ";", with: ",")), TextDecoder.vniWarning),
            (try Self.eightBit("Title: Hà Nội\n\nTin mới về Hội nghị.\n", TCVN3.scalar), TextDecoder.tcvn3Warning),
            // Two words, too few bytes for any code's own test: their syllables decide.
            (try Self.vni("Title: Hà Nội\n"), TextDecoder.vniWarning),
            (Array("Title: H".utf8) + [0xE0] + Array(" N".utf8) + [0xF4, 0xF2] + Array("i\n".utf8), TextDecoder.windows1258Warning),
            (try Self.eightBit("Title: Hà Nội\n", TCVN3.scalar), TextDecoder.tcvn3Warning),
            (try Self.eightBit("Title: Việt Nam ơi\n", VISCII.scalar), TextDecoder.visciiWarning),
        ]
        let short = try Self.eightBit("Title: Hà Nội\n\nTin mới về Hội nghị.\n", TCVN3.scalar)
        XCTAssertEqual(try TextDecoder.decode(short).text, "Title: Hà Nội\n\nTin mới về Hội nghị.\n")
        for (index, (bytes, warning)) in cases.enumerated() {
            XCTAssertEqual(try TextDecoder.decode(bytes).warnings, [warning], "case \(index)")
        }
        XCTAssertEqual(try TextDecoder.decode(try Self.eightBit(sentence, VISCII.scalar)).text, sentence)
        XCTAssertEqual(try TextDecoder.decode(try Self.vni("Title: Hà Nội\n")).text, "Title: Hà Nội\n")
        for western in ["Où est-il?", "Déjà vu", "Die Größe", "È già più", "Não sei", "El niño está aquí", "Café crème"] {
            let decoded = try TextDecoder.decode(Array(western.data(using: .isoLatin1)!))
            XCTAssertEqual(decoded.warnings, [TextDecoder.windows1252Warning], western)
            XCTAssertEqual(decoded.text, western)
        }
    }

    /// A code named with `--encoding` is read whatever the bytes look like: a file too short
    /// to guess from reads in it, each older code's seed page reads as it does when found out,
    /// small and large, and `utf-8` turns the guessing off.
    func testANamedEncodingIsReadAsNamed() throws {
        let short = try Self.eightBit("Title: Huế\n\nHue, the old capital.\n", TCVN3.scalar)
        XCTAssertEqual(try TextDecoder.decode(short).warnings, [TextDecoder.windows1252Warning], "too short to guess: Western")
        let named = try TextDecoder.decode(short, encoding: .tcvn3)
        XCTAssertEqual(named.text, "Title: Huế\n\nHue, the old capital.\n")
        XCTAssertEqual(named.warnings, ["read as tcvn3, as --encoding asked"])
        XCTAssertEqual(try ArticleParser.parse(bytes: short, encoding: .tcvn3).title, "Huế")

        let seed = try Self.seedInEightBitCharacters()
        let cases: [([UInt8], TextEncoding)] = [
            (try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.windows-1258.txt"), .windows1258),
            (try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.viscii.txt"), .viscii),
            (try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.tcvn3.txt"), .tcvn3),
            (try Self.vni(seed), .vni),
            (VIQRTests.viqr(seed.replacingOccurrences(of: "\u{A0}", with: " ")), .viqr),
            (try Self.westernArticle(), .windows1252),
        ]
        for (bytes, encoding) in cases {
            let guessed = try TextDecoder.decode(bytes), decoded = try TextDecoder.decode(bytes, encoding: encoding)
            XCTAssertEqual(decoded.text, guessed.text, encoding.rawValue)
            XCTAssertEqual(decoded.warnings, [encoding.namedWarning], encoding.rawValue)
            let lazily = try ArticleParser.parse(file: FileBytes(bytes), lazyAbove: 1024, window: 2048, encoding: encoding)
            XCTAssertEqual(lazily.blocks, try ArticleParser.parse(file: FileBytes(bytes), lazyAbove: 1024, window: 2048).blocks,
                           encoding.rawValue)
            XCTAssertEqual(lazily.warnings.first, encoding.namedWarning, encoding.rawValue)
        }
        // A line too short to be found out as VIQR; and VIQR left as typed under `utf-8`.
        XCTAssertEqual(try TextDecoder.decode(Array("Vie^.t Nam\n".utf8), encoding: .viqr).text, "Việt Nam\n")
        let viqr = Array("Ngu+o+`i da^n kha('p no+i ve^` du+. le^~ ho^.i DDe^`n Hu`ng.\n".utf8)
        XCTAssertEqual(try TextDecoder.decode(viqr).warnings, [TextDecoder.viqrWarning])
        XCTAssertEqual(try TextDecoder.decode(viqr, encoding: .utf8).text, String(decoding: viqr, as: UTF8.self))
        XCTAssertEqual(try TextDecoder.decode(viqr, encoding: .utf8).warnings, [])
        let windows = try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.windows-1258.txt")
        XCTAssertEqual(try TextDecoder.decode(windows, encoding: .utf8).warnings, [TextDecoder.invalidUTF8Warning])
        XCTAssertEqual(try ArticleParser.parse(file: FileBytes(windows), lazyAbove: 1024, window: 2048, encoding: .utf8).wasReadAsWindows1258,
                       false)
        // The names, in any case, with common other spellings (Latin-1's for Windows-1252).
        XCTAssertEqual(["UTF8", "cp1258", "VISCII", "Tcvn3", "vni", "viqr", "auto", "Windows-1252", "cp1252", "latin1", "ISO-8859-1"]
            .map { TextEncoding(name: $0) },
                       [.utf8, .windows1258, .viscii, .tcvn3, .vni, .viqr, .auto, .windows1252, .windows1252, .windows1252, .windows1252])
        XCTAssertNil(TextEncoding(name: "koi8-r"))
    }

    /// A web page's markup is told from text: by its document type or `<html>` element at the
    /// start, in any case, after a byte order mark and blanks; text with inline tags is not one.
    func testAPageOfHTMLIsToldFromText() throws {
        func isHTML(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer(HTMLPage.isLikely) }
        for page in ["<!DOCTYPE html>\n<html>", "<!doctype HTML><p>x", "\u{FEFF}\n  <html lang=\"vi\">", "<HTML>", "<html",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">",
                     "<!-- saved from url=(0014)about:internet -->\n<!-- x --><html>"] {
            XCTAssertTrue(isHTML(page), page)
        }
        for text in ["Title: <b>Hội nghị</b>", "<b>Hội nghị</b> lần thứ 4", "# Tiêu đề\n\n<html>", "<htmlfoo>", "<!doctype xml>", "",
                     "<!-- chú thích -->\nHội nghị", "<!-- không đóng <html>", "<?xml <html>"] {
            XCTAssertFalse(isHTML(text), text)
        }
        XCTAssertTrue(try ArticleParser.parse(bytes: try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.html")).isHTMLPage)
        XCTAssertFalse(try Fixtures.seed.isHTMLPage)
        let large = try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.html")
        XCTAssertTrue(try ArticleParser.parse(file: FileBytes(large), lazyAbove: 1024, window: 2048).isHTMLPage, "read lazily too")
    }

    /// Words spelled as Vietnamese syllables can be, in any case, and words that are not.
    func testVietnameseSyllables() {
        func syllable(_ word: String) -> Bool { VietnameseSyllable.isSyllable(word.unicodeScalars.map(\.value)) }
        for word in ["người", "Việt", "NGHIÊNG", "khuya", "quyết", "giếng", "gì", "Gia", "đường", "xoong", "oanh", "yêu",
                     "ướt", "Huỳnh", "thuở", "à", "ạ", "chuyện", "nghĩa", "Quốc", "khoảng", "trường", "uống"] {
            XCTAssertTrue(syllable(word), word)
        }
        // Two tones, vowels a Vietnamese rhyme never puts together, a final it never has,
        // letters it has not: what another code's bytes read as.
        for word in ["ngễêi", "khềnê", "été", "où", "déjà", "très", "Noël", "ảà", "ăa", "đbqh", "fa", "", "năm2"] {
            XCTAssertFalse(syllable(word), word)
        }
    }

    /// Words as VNI writes them, in the spellings that VNI text shows when read as Latin-1
    /// (`Vieät Nam`, `ngöôøi`, `ñöôïc`, in both cases), read as Vietnamese.
    func testVNIWordsReadAsVietnamese() throws {
        let pairs = [
            ("Vieät Nam", "Việt Nam"), ("Haø Noäi", "Hà Nội"), ("ñöôïc", "được"), ("ngöôøi", "người"),
            ("Tieáng Vieät", "Tiếng Việt"), ("Thaønh phoá Hoà Chí Minh", "Thành phố Hồ Chí Minh"),
            ("naêm", "năm"), ("khaép", "khắp"), ("chò", "chị"), ("kyõ", "kỹ"), ("Myõ", "Mỹ"), ("löïc", "lực"),
            ("VIEÄT NAM", "VIỆT NAM"), ("ÑAÛNG", "ĐẢNG"), ("HOÄI NGHÒ", "HỘI NGHỊ"), ("NÖÔÙC", "NƯỚC"), ("ÑAÉK LAÉK", "ĐẮK LẮK"),
        ]
        let source = pairs.map(\.0).joined(separator: " ") + "\n"
        let decoded = try TextDecoder.decode(Array(source.data(using: .isoLatin1)!))
        XCTAssertEqual(decoded.warnings, [TextDecoder.vniWarning])
        XCTAssertEqual(decoded.text, pairs.map(\.1).joined(separator: " ") + "\n")
    }

    /// Every letter of the Vietnamese alphabet, in both cases and with every tone, written in
    /// VNI by the rules of its marks (an encoder here, from the letter's canonical
    /// decomposition) reads back as itself; so does the seed page, small and large.
    func testVNIReadsEveryLetterAndTheSeedPage() throws {
        var letters = ""
        for base in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
            for tone in ["", "\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"] {
                let letter = (base + tone).precomposedStringWithCanonicalMapping
                letters += letter + letter.uppercased() + " "
            }
        }
        letters += "đĐ"
        XCTAssertEqual(letters.split(separator: " ").count, 73)
        let sample = "Title: Bảng chữ cái\n\n" + letters + "\n"
        let decoded = try TextDecoder.decode(try Self.vni(sample))
        XCTAssertEqual(decoded.warnings, [TextDecoder.vniWarning])
        XCTAssertEqual(decoded.text, sample)

        let text = try Self.seedInEightBitCharacters()
        let legacy = try Self.vni(text)
        try assertReadsAsTheUTF8Page(legacy, utf8: Array(text.utf8), warning: TextDecoder.vniWarning)
        XCTAssertTrue(try ArticleParser.parse(bytes: legacy).wasReadAsVNI)
        // The other two codes' files are not taken for VNI, nor VNI's for them.
        XCTAssertEqual(try TextDecoder.decode(try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.tcvn3.txt")).warnings, [TextDecoder.tcvn3Warning])
        XCTAssertEqual(try TextDecoder.decode(try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.windows-1258.txt")).warnings,
                       [TextDecoder.windows1258Warning])
    }

    /// Vietnamese in VNI: ASCII as it is; a letter as its base and a byte for its marks.
    static func vni(_ text: String) throws -> [UInt8] {
        let tones: [UInt32: Int] = [0x301: 0, 0x300: 1, 0x309: 2, 0x303: 3, 0x323: 4]
        let plain: [UInt8] = [0xF9, 0xF8, 0xFB, 0xF5, 0xEF], circumflex: [UInt8] = [0xE1, 0xE0, 0xE5, 0xE3, 0xE4]
        let breve: [UInt8] = [0xE9, 0xE8, 0xFA, 0xFC, 0xEB], i: [UInt8] = [0xED, 0xEC, 0xE6, 0xF3, 0xF2]
        var out: [UInt8] = []
        for c in text {
            if c.isASCII { out += Array(String(c).utf8); continue }
            // Latin-1's symbols (a no-break space) below the bytes VNI uses.
            if c.unicodeScalars.count == 1, let v = c.unicodeScalars.first?.value, (0xA0...0xBF).contains(v) {
                out.append(UInt8(v))
                continue
            }
            if c == "đ" || c == "Đ" { out.append(c == "đ" ? 0xF1 : 0xD1); continue }
            let scalars = Array(String(c).decomposedStringWithCanonicalMapping.unicodeScalars)
            let base = scalars[0], upper = base.properties.isUppercase, shift: UInt8 = upper ? 0x20 : 0
            guard base.isASCII else { throw CocoaError(.featureUnsupported, userInfo: ["character": String(c)]) }
            let marks = Set(scalars.dropFirst().map(\.value))
            let tone = marks.compactMap { tones[$0] }.first
            if base == "i" || base == "I", let tone {
                out.append(i[tone] - shift)
            } else if (base == "y" || base == "Y") && tone == 4 {
                out.append(0xEE - shift)
            } else if marks.contains(0x31B) {  // a horn: ơ ư are bytes of their own
                out.append((base == "o" || base == "O" ? 0xF4 : 0xF6) - shift)
                if let tone { out.append(plain[tone] - shift) }
            } else if marks.contains(0x302) {
                out.append(UInt8(base.value))
                out.append((tone.map { circumflex[$0] } ?? 0xE2) - shift)
            } else if marks.contains(0x306) {
                out.append(UInt8(base.value))
                out.append((tone.map { breve[$0] } ?? 0xEA) - shift)
            } else if let tone {
                out.append(UInt8(base.value))
                out.append(plain[tone] - shift)
            } else {
                throw CocoaError(.featureUnsupported, userInfo: ["character": String(c)])
            }
        }
        return out
    }

    /// Every byte of TCVN3 gives the character glibc's iconv gives it.
    func testTCVN3ChartAgreesWithIconv() throws {
        let chart = try Self.chart("tcvn3-chart.txt")
        XCTAssertEqual(chart.count, 138, "12 control bytes and the high half but for NBSP and ý, which are Latin-1's")
        for byte in UInt8(1)...UInt8(255) {
            XCTAssertEqual(TCVN3.utf8([byte]), Array(String(chart[byte] ?? Unicode.Scalar(byte)).utf8), String(byte, radix: 16))
        }
    }

    /// Every byte of VISCII gives the character glibc's iconv gives it.
    func testVISCIIChartAgreesWithIconv() throws {
        let chart = try Self.chart("viscii-chart.txt")
        XCTAssertEqual(chart.count, 103, "6 control bytes and 97 of the high half (31 are Latin-1's)")
        for byte in UInt8(1)...UInt8(255) {
            XCTAssertEqual(VISCII.utf8([byte]), Array(String(chart[byte] ?? Unicode.Scalar(byte)).utf8), String(byte, radix: 16))
        }
    }

    /// A chart fixture: a line a byte, `A8 U+0103`, below comments that say how it was made.
    static func chart(_ name: String) throws -> [UInt8: Unicode.Scalar] {
        var chart: [UInt8: Unicode.Scalar] = [:]
        for line in String(decoding: try Fixtures.bytes(name), as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            chart[UInt8(parts[0], radix: 16)!] = Unicode.Scalar(UInt32(parts[1].dropFirst(2), radix: 16)!)!
        }
        return chart
    }

    /// Every defined byte of the code page gives the character glibc's iconv gives it.
    func testWindows1258ChartAgreesWithIconv() throws {
        let chart = try Self.chart("windows-1258-chart.txt")
        for (byte, scalar) in chart {
            XCTAssertEqual(Windows1258.utf8([byte]), Array(String(scalar).utf8), String(byte, radix: 16))
        }
        XCTAssertEqual(chart.count, 119, "the 128 bytes less the 9 the code page leaves undefined")
    }

    static let westernSentences = [
        "Perché la città è così bella? Però non è più facile di prima, e può darsi che il caffè sia già finito.",
        "Lunedì andrò a trovare mio zio, che è più vecchio di quanto sembri; ciò non toglie che sia attivo.",
        "Não é fácil dizer à população que as informações estão erradas, mas a situação exige ações rápidas.",
        "L'été dernier, nous sommes allés à la mer où il faisait très beau; les enfants ont joué près de l'eau.",
        "« Ça alors », dit-il, « voilà l'été » ; « déjà ? » répondit-elle, « quelle chaleur ! »",
        // What VNI reads as tones after vowels: où, naïf, Noël, België, ideeën.
        "Où est le café? Noël à la maïs, naïf où l'on a été; c'est là où il a joué.",
        "De ideeën van België zijn financiële en reëel; de coördinatie van de poëzie is geïnteresseerd.",
        "Não, irmão, não são as mãos; então a razão é que a nação não está em questão.",
        "Über die Brücke fährt täglich ein Zug, der schön langsam durch die Stadt rollt und Grüße bringt.",
        "¿Dónde está la estación? Está allí, detrás del edificio de la administración, junto al jardín.",
    ]

    /// An article of those sentences, with Windows-1252's own quotes, dashes and euro sign,
    /// in that code (about 2 KB).
    static func westernArticle() throws -> [UInt8] {
        let text = "Title: Café “Größe” – 5 €\n\n" + westernSentences.map { $0 + " “Señor” – ça coûte 3 €." }.joined(separator: "\n\n")
            + "\n"
        return try eightBit(text, Windows1252.scalar)
    }

    /// Text in Latin-1 (French, German, Italian, Portuguese, Spanish) is not taken for
    /// Windows-1258, TCVN3 or VNI: it reads as Windows-1252, word for word, small or large. UTF-8
    /// with a few damaged bytes, and the older codes of scripts that spell whole words above
    /// 0x7F (Cyrillic, Greek, Japanese, Chinese, Korean), are read as UTF-8: their bad bytes
    /// are shown as U+FFFD.
    func testWesternTextIsReadAsWindows1252() throws {
        for text in Self.westernSentences {
            let decoded = try TextDecoder.decode(Array(text.data(using: .isoLatin1)!))
            XCTAssertEqual(decoded.warnings, [TextDecoder.windows1252Warning], text)
            XCTAssertEqual(decoded.text, text)
        }
        let article = try Self.westernArticle()
        let utf8 = Array(String(decoding: Windows1252.utf8(article), as: UTF8.self).utf8)
        XCTAssertTrue(String(decoding: utf8, as: UTF8.self).hasPrefix("Title: Café “Größe” – 5 €\n"))
        try assertReadsAsTheUTF8Page(article, utf8: utf8, warning: TextDecoder.windows1252Warning)
        XCTAssertEqual(try ArticleParser.parse(bytes: article).guessedEncoding, .windows1252)

        // The seed in UTF-8 and NFD, where a combining mark's first byte is the code page's
        // grave accent, after a vowel: with every third mark's second byte lost, a third of
        // them look like the code page's tone marks, but most of the text is valid UTF-8.
        var damaged = Array(String(decoding: try Fixtures.seedBytes, as: UTF8.self).decomposedStringWithCanonicalMapping.utf8)
        var marks = 0
        for i in damaged.indices.dropLast() where damaged[i] == 0xCC && damaged[i + 1] >= 0x80 {
            marks += 1
            if marks % 3 == 0 { damaged[i + 1] = 0x20 }
        }
        XCTAssertGreaterThan(marks, 900)
        XCTAssertEqual(try TextDecoder.decode(damaged).warnings, [TextDecoder.invalidUTF8Warning])

        // Russian in Windows-1251 (А–я are 0xC0–0xFF) and Greek in Windows-1253 (α–ω are
        // 0xE1–0xF9), made here; Japanese in Shift JIS, Chinese in GBK and Korean in EUC-KR,
        // as Python's codecs write them.
        func shifted(_ text: String, _ range: ClosedRange<UInt32>, by offset: Int) -> [UInt8] {
            text.unicodeScalars.map { range.contains($0.value) ? UInt8(Int($0.value) + offset) : UInt8($0.value) }
        }
        let others: [(String, [UInt8])] = [
            ("Russian", shifted("Вчера в городе прошло заседание совета, и на нем решили, что к лету дорогу починят.",
                                0x410...0x44F, by: 0xC0 - 0x410)),
            ("Greek", shifted("η πόλη είναι μεγάλη και η θάλασσα είναι ήρεμη σήμερα το πρωί", 0x3AC...0x3CE, by: 0xDC - 0x3AC)),
            ("Japanese", [147, 140, 139, 158, 130, 205, 147, 250, 150, 123, 130, 204, 142, 241, 147, 115, 130, 197, 130, 183, 129, 66]),
            ("Chinese", [177, 177, 190, 169, 202, 199, 214, 208, 185, 250, 181, 196, 202, 215, 182, 188, 163, 172, 200, 203, 191, 218,
                         186, 220, 182, 224, 161, 163]),
            ("Korean", [188, 173, 191, 239, 192, 186, 32, 199, 209, 177, 185, 192, 199, 32, 188, 246, 181, 181, 192, 212, 180, 207, 180,
                        217, 46]),
        ]
        for (language, bytes) in others {
            XCTAssertNil(String(validating: bytes, as: UTF8.self), language)
            XCTAssertEqual(try TextDecoder.decode(Array("Title: x\n\n".utf8) + bytes).warnings, [TextDecoder.invalidUTF8Warning], language)
        }
    }

    /// Every defined byte of the code page gives the character glibc's iconv gives it, and the
    /// five it leaves undefined give U+FFFD.
    func testWindows1252ChartAgreesWithIconv() throws {
        let chart = try Self.chart("windows-1252-chart.txt")
        XCTAssertEqual(chart.count, 123, "the 128 bytes less the 5 the code page leaves undefined")
        for byte in UInt8(0x80)...UInt8(0xFF) {
            XCTAssertEqual(Windows1252.utf8([byte]), Array(String(chart[byte] ?? "\u{FFFD}").utf8), String(byte, radix: 16))
        }
    }

    func testUTF16WithBOMAndUTF8BOM() throws {
        let text = "Title: Hội nghị\n\nNội dung bài."
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        for bytes in [le, be, bom] {
            let a = try ArticleParser.parse(bytes: bytes)
            XCTAssertEqual(a.title, "Hội nghị")
            XCTAssertEqual(a.blocks, [Block(.lead, "Nội dung bài.")])
        }
    }

    /// UTF-16 without a byte order mark, as some Windows tools write it, is told by where its
    /// NUL bytes fall, in either order: the seed page reads as in UTF-8, small and large. Bytes
    /// whose NULs fall on both sides of their pairs, or in pairs, or beside a control character,
    /// and a few bytes too short to tell, are not UTF-16 (and are refused as binary).
    func testUTF16WithoutAByteOrderMark() throws {
        let seed = String(decoding: try Fixtures.seedBytes, as: UTF8.self)
        let le = seed.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, be = seed.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for (name, bytes) in [("little-endian", le), ("big-endian", be)] {
            XCTAssertEqual(bytes.withUnsafeBufferPointer(TextDecoder.utf16Order), .init(littleEndian: name == "little-endian", marked: false))
            XCTAssertEqual(try TextDecoder.decode(bytes).text, try TextDecoder.decode(try Fixtures.seedBytes).text, name)
            XCTAssertEqual(try ArticleParser.parse(bytes: bytes), try Fixtures.seed, name)
            let lazily = try ArticleParser.parse(file: FileBytes(bytes), lazyAbove: 1024, window: 2048)
            XCTAssertEqual(lazily.blocks, try ArticleParser.parse(file: FileBytes(try Fixtures.seedBytes), lazyAbove: 1024, window: 2048).blocks,
                           name)
        }
        // NULs on both sides of their pairs; a pair of NULs (U+0000); a control character beside
        // a NUL; too few pairs to tell; UTF-8 text with one NUL.
        func utf16LE(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        let bothSides: [UInt8] = (0..<20).flatMap { _ in [0x41, 0, 0, 0x42] }
        let pair = utf16LE("abcdefgh") + [0, 0] + utf16LE("ijkl")
        let control = utf16LE("Tin tức hôm nay") + [0x07, 0] + utf16LE("và ngày mai")
        let tooShort = utf16LE("abc")
        let oneNUL = Array("Tin tức hôm nay".utf8) + [0] + Array(" và ngày mai".utf8)
        for bytes in [bothSides, pair, control, tooShort, oneNUL] {
            XCTAssertNil(bytes.withUnsafeBufferPointer(TextDecoder.utf16Order))
            XCTAssertThrowsError(try ArticleParser.parse(bytes: bytes))
        }
    }

    func testBinaryFilesAreRefused() {
        XCTAssertThrowsError(try ArticleParser.parse(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]))
        XCTAssertThrowsError(try ArticleParser.parse(bytes: [UInt8](repeating: 0x01, count: 100)))
    }

    /// Standard input (here a pipe) is read to its end; a NUL byte or more than the limit is
    /// refused; the same bytes always get the same id, other bytes another.
    func testStandardInputIsReadWholeOrRefused() throws {
        // The reader stops early on refused input; the writer then meets a closed pipe.
        signal(SIGPIPE, SIG_IGN)
        func piped(_ bytes: [UInt8], limit: Int = ArticleFile.standardInputLimit) throws(ContentError) -> FileBytes {
            var fds: [Int32] = [0, 0]
            XCTAssertEqual(pipe(&fds), 0)
            let writer = fds[1]
            let thread = Thread {
                bytes.withUnsafeBytes { raw in
                    var at = 0
                    while at < raw.count {
                        let n = write(writer, raw.baseAddress! + at, raw.count - at)
                        if n <= 0 { break }
                        at += n
                    }
                }
                close(writer)
            }
            thread.start()
            defer { close(fds[0]) }
            return try ArticleFile.readStandardInput(fd: fds[0], limit: limit)
        }
        let text = Array(String(repeating: "Hội nghị lần thứ 4 Ban Chấp hành. ", count: 100_000).utf8)  // 3.8 MB
        let read = try piped(text)
        XCTAssertTrue(read.buffer.elementsEqual(text))
        XCTAssertEqual(ArticleFile.standardInputID(read), ArticleFile.standardInputID(FileBytes(text)))
        XCTAssertNotEqual(ArticleFile.standardInputID(read), ArticleFile.standardInputID(FileBytes(text.dropLast())))
        XCTAssertTrue(ArticleFile.standardInputID(read).hasPrefix("stdin:"))
        XCTAssertThrowsError(try piped(Array("chữ".utf8) + [0] + text)) { XCTAssertEqual($0 as? ContentError, .binary(.nulBytes)) }
        XCTAssertThrowsError(try piped([UInt8](repeating: 0, count: 1 << 16))) { XCTAssertEqual($0 as? ContentError, .binary(.nulBytes)) }
        // UTF-16, whose ASCII has NULs, with and without a byte order mark.
        let article = "Hội nghị\n\nBan Chấp hành Đảng bộ tỉnh tổ chức Hội nghị lần thứ 4.\n"
        let le: [UInt8] = article.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = article.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [[0xFF, 0xFE] + le, be] {
            XCTAssertEqual(try ArticleParser.parse(file: try piped(bytes)).title, "Hội nghị")
        }
        XCTAssertThrowsError(try piped(text, limit: 1 << 20)) { error in
            guard case .unreadable(let why)? = error as? ContentError else { return XCTFail("\(error)") }
            XCTAssertTrue(why.contains("standard input"), why)
        }
        // (A terminal on standard input is refused: the end-to-end tests give it a real one.)
    }

    func testEscapeSequencesAndControlsAreRemoved() throws {
        let hostile = [
            "\u{1B}]52;c;SGVsbG8=\u{07}",  // OSC 52 clipboard write
            "\u{1B}[2J",  // clear screen
            "\u{1B}]0;pwned title\u{07}",  // window title
            "\u{1B}]8;;https://example.invalid\u{1B}\\link\u{1B}]8;;\u{1B}\\",  // OSC 8 link
            "\u{1B}[?1049l", "\u{1B}P1$qm\u{1B}\\",  // alternate screen off, DCS
            "\u{9B}31m",  // C1 CSI
            "\u{9D}0;t\u{9C}",  // C1 OSC
            "\u{7F}", "\u{07}", "\u{202E}", "\u{2066}",
        ]
        for h in hostile {
            let a = try ArticleParser.parse(bytes: Array("Title: T\n\nSafe \(h)text here.".utf8))
            let all = (a.blocks.map(\.text) + [a.title ?? ""]).joined()
            XCTAssertFalse(all.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }, "\(h.debugDescription) left \(all.debugDescription)")
            XCTAssertFalse(all.contains("52;c") || all.contains("pwned") || all.contains("[2J") || all.contains("1049"), all)
            XCTAssertTrue(a.warnings.contains { $0.contains("control") }, h.debugDescription)
        }
    }

    func testRawC1ByteIsHarmless() throws {
        let a = try ArticleParser.parse(bytes: Array("Title: T\n\nA ".utf8) + [0x9B] + Array("31m b.".utf8))
        XCTAssertFalse(a.blocks[0].text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
    }

    /// Found by the fuzz test: removing DEL joined C2 and 89 into the C1 control U+0089.
    func testRemovalCannotAssembleANewControl() throws {
        let a = try ArticleParser.parse(bytes: Array("Title: T\n\nx ".utf8) + [0xC2, 0x7F, 0x89, 0xC2, 0x1B, 0x9B] + Array(" y.".utf8))
        XCTAssertFalse(a.blocks[0].text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }, a.blocks[0].text.debugDescription)
    }

    /// Soft hyphens, in the file or as `&shy;`, go without a warning: a terminal would draw
    /// them as stray hyphens or blanks, and a search would miss the word.
    func testSoftHyphensGoQuietly() throws {
        let a = try ArticleParser.parse(bytes: Array("# T\n\nAn extra\u{AD}ordinarily com&shy;pre\u{AD}hen&#173;sive word.".utf8))
        XCTAssertEqual(a.blocks[0].text, "An extraordinarily comprehensive word.")
        XCTAssertEqual(a.warnings, [])
        // In the middle of a large file too, and found by search.
        let large = "# T\n\nĐầu.\n\n" + (1...20).map { "Đoạn \($0) về kinh\u{AD}tế." }.joined(separator: "\n\n")
        let lazy = try ArticleParser.parse(file: FileBytes(Array(large.utf8)), lazyAbove: 10, window: 20)
        XCTAssertNotNil(lazy.body)
        XCTAssertEqual(LargeArticleTests.blocks(lazy).last?.text, "Đoạn 20 về kinhtế.")
    }

    func testOverstrikeAndTabs() throws {
        let a = try ArticleParser.parse(bytes: Array("Title: T\n\nb\u{8}bold and\tt.".utf8))
        XCTAssertEqual(a.blocks[0].text, "bold and        t.")
    }
}

extension XCTestCase {
    /// `legacy` decodes to the text of `utf8`, with `warning` alone, and reads as the same
    /// article whole and lazily (a large file is converted once, then read the same way).
    func assertReadsAsTheUTF8Page(_ legacy: [UInt8], utf8: [UInt8], warning: String, line: UInt = #line) throws {
        if warning != TextDecoder.viqrWarning { XCTAssertNil(String(validating: legacy, as: UTF8.self), line: line) }
        let decoded = try TextDecoder.decode(legacy)
        XCTAssertEqual(decoded.text, try TextDecoder.decode(utf8).text, line: line)
        XCTAssertEqual(decoded.warnings, [warning], line: line)
        XCTAssertEqual(try ArticleParser.parse(bytes: legacy).blocks, try ArticleParser.parse(bytes: utf8).blocks, line: line)
        let lazily = try ArticleParser.parse(file: FileBytes(legacy), lazyAbove: 1024, window: 2048)
        XCTAssertEqual(lazily.blocks, try ArticleParser.parse(file: FileBytes(utf8), lazyAbove: 1024, window: 2048).blocks, line: line)
        XCTAssertEqual(lazily.warnings.first, warning, line: line)
    }
}
