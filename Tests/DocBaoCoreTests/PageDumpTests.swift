import XCTest

@testable import DocBaoCore

/// The families of page chrome and structure, on pages that are not the seed.
final class PageDumpTests: XCTestCase {
    func testChromeFamilies() {
        let cases: [(String, ChromeFamily)] = [
            ("• :", .breadcrumb),
            ("Trang chủ > Thời sự > Chính trị", .breadcrumb),
            ("Home / News » World", .breadcrumb),
            ("-A A +A", .fontSize),
            ("Cỡ chữ: A- A A+", .fontSize),
            ("Chia sẻ: Facebook | Zalo | Email | In bài viết", .share),
            ("Share on Twitter", .share),
            ("Nghe đọc bài viết", .share),
            ("Read aloud", .share),
            ("Tải xuống PDF", .share),
            ("Tăng tương phản | Giảm tương phản", .contrast),
            ("High contrast", .contrast),
            ("Click để đánh giá bài viết", .rating),
            ("Rate this article", .rating),
            ("Skip to main content", .skipLink),
            ("Chuyển đến nội dung chính", .skipLink),
            ("Đọc báo in", .promo),
            ("Tải ứng dụng", .promo),
            ("Download the app", .promo),
            ("Gửi bình luận", .commentForm),
            ("Họ và tên", .commentForm),
            ("Leave a comment", .commentForm),
            ("Bình luận (3)", .commentForm),
            ("Quảng cáo", .advert),
            ("Advertisement", .advert),
            ("Bản đồ địa giới hành chính", .widget),
            ("Liên kết website", .widget),
            ("Tin liên quan", .widget),
            ("Related articles", .widget),
            ("Xem nhiều nhất", .widget),
            ("Đọc thêm", .widget),
            ("Chủ đề: Giao thông", .widget),
            ("[anh-hoi-nghi.jpg]", .image),
            ("Giới thiệu | Liên hệ | Điều khoản sử dụng | Chính sách bảo mật", .siteLinks),
            ("About us · Contact · Privacy policy · Terms of use", .siteLinks),
            ("Sơ đồ trang  RSS", .siteLinks),
        ]
        for (line, family) in cases {
            XCTAssertEqual(ChromePatterns.classify(line), family, line)
        }
    }

    /// The phrase table is read without folding at run time, so it must be written folded:
    /// lower case, no diacritics, one space between words. Weak phrases must be in the table.
    func testPhraseTableIsWrittenFolded() {
        let phrases = ChromePatterns.table.flatMap(\.1)
        for phrase in phrases {
            XCTAssertEqual(TextFolding.fold(phrase), phrase, "not folded: \(phrase)")
            XCTAssertEqual(phrase.split(separator: " ").joined(separator: " "), phrase, "spacing: \(phrase)")
        }
        for weak in ChromePatterns.weakPhrases.words {
            XCTAssertTrue(phrases.contains(weak), "weak phrase not in the table: \(weak)")
        }
        // The index holds every phrase once, grouped by first word, longest first, and in the
        // table's order among phrases of one length.
        let index = ChromePatterns.phraseIndex
        XCTAssertEqual(index.phrases.map(index.text(of:)), phrases)
        XCTAssertEqual(index.order.sorted(), Array(phrases.indices))
        XCTAssertEqual(index.groupStart.count, index.firstTokens.count + 1)
        for (number, token) in index.firstTokens.words.enumerated() {
            let group = index.group(number)
            XCTAssertFalse(group.isEmpty)
            let expected = phrases.indices.filter { phrases[$0].split(separator: " ").first.map(String.init) == token }
            XCTAssertEqual(Array(group), expected.sorted {
                phrases[$0].split(separator: " ").count > phrases[$1].split(separator: " ").count
                    || (phrases[$0].split(separator: " ").count == phrases[$1].split(separator: " ").count && $0 < $1)
            }, "group of \(token)")
            for p in group {
                XCTAssertEqual(index.phrases[p].tokenCount, phrases[p].split(separator: " ").count, phrases[p])
            }
        }
    }

    /// Members of a ScalarSet are single scalars; a member with a mark on it is another character.
    func testScalarSetMatchesWholeCharactersOnly() {
        let set: ScalarSet = ["-", "›", "…"]
        XCTAssertTrue(set.contains("›"))
        XCTAssertTrue(set.contains("…"))
        XCTAssertFalse(set.contains("-\u{301}"))
        XCTAssertFalse(set.contains(">"))
        XCTAssertTrue(set.contains(scalar: 0x203A))
        XCTAssertFalse(set.contains(scalar: 0x3E))
        XCTAssertEqual(set.encodings, [[0x2D], [0xE2, 0x80, 0xBA], [0xE2, 0x80, 0xA6]])
    }

    func testProseThatMentionsChromeWordsIsNotChrome() {
        for line in [
            "Nhiều người dùng Facebook đã chia sẻ bài viết này.",
            "Quang cảnh Hội nghị.",
            "Ban đồ án tốt nghiệp của sinh viên",
            "Share prices fell sharply on Monday.",
            "Thống nhất với 7 nhóm nhiệm vụ chủ yếu trong quý II",
            // A link to the site's own pages alone may be a heading; so may the words in a sentence.
            "Giới thiệu", "Liên hệ", "Tin tức", "Hợp tác", "Home", "Giới thiệu chung về tỉnh Lai Châu",
            "About 200 people came to help.", "Liên hệ: 0213 3876 543",
        ] {
            XCTAssertNil(ChromePatterns.classify(line), line)
        }
        XCTAssertTrue(ChromePatterns.isSiteLinks("Liên hệ", folded: "lien he"))
        XCTAssertFalse(ChromePatterns.isSiteLinks("Chia sẻ", folded: "chia se"))
    }

    /// A page from another portal, with a BLC-style source prefix, a date line, a labelled
    /// author, a list of related links and an English-style counter block.
    func testAnotherPortalsPage() {
        let page = """
        Bỏ qua nội dung
        Trang chủ › Kinh tế › Nông nghiệp
        -A A +A | In bài viết | Gửi email
        Nông nghiệp
        Nông nghiệp:
        Mùa cà phê bội thu trên cao nguyên

        Thứ Hai, 12/04/2021 10:30 (GMT+7)

        (QBĐT) – Năm nay, nhiều hộ trồng cà phê ở huyện Hướng Hóa thu hoạch sớm hơn mọi năm nhờ thời tiết thuận lợi và giá bán tăng cao.

        Nông dân thu hái cà phê chín. (Ảnh: Minh Hùng)

        Theo thống kê của phòng nông nghiệp huyện, sản lượng vụ này ước đạt hơn mười nghìn tấn, tăng khoảng mười lăm phần trăm so với vụ trước, giúp nhiều hộ có thêm thu nhập để đầu tư chăm sóc vườn cây.
        Mùa cà phê bội thu trên cao nguyên

        Giá bán và đầu ra

        Các doanh nghiệp thu mua cho biết giá cà phê nhân xô hiện dao động quanh mức cao nhất trong nhiều năm, và đầu ra ổn định nhờ các đơn hàng xuất khẩu ký từ đầu năm.

        Tác giả: Nguyễn Văn Bình
        Tin liên quan
        Giá lúa tăng nhẹ đầu vụ
        Hội chợ nông sản khai mạc
        Visitor statistics
        Today: 1,234
        Yesterday: 2,345
        Total: 9,876,543
        Online: 12
        """
        let a = Fixtures.parse(page)
        XCTAssertEqual(a.kicker, "Nông nghiệp")
        XCTAssertEqual(a.title, "Mùa cà phê bội thu trên cao nguyên")
        XCTAssertEqual(a.source, "QBĐT")
        XCTAssertEqual(a.published, "Thứ Hai, 12/04/2021 10:30 (GMT+7)")
        XCTAssertEqual(a.author, "Nguyễn Văn Bình")
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .caption, .paragraph, .heading, .paragraph])
        XCTAssertTrue(a.blocks[0].text.hasPrefix("Năm nay"), "source prefix removed from the lead")
        XCTAssertEqual(a.pageStats, PageStats(today: 1234, yesterday: 2345, month: nil, year: nil, total: 9_876_543))
        XCTAssertTrue(a.removed.contains("Mùa cà phê bội thu trên cao nguyên"), "repeated title dropped")
        XCTAssertTrue(a.removed.contains("Giá lúa tăng nhẹ đầu vụ"), "related links dropped")
        XCTAssertTrue(a.removed.contains("Nông nghiệp"), "section label dropped")
        assertAccountedFor(page, a)
    }

    /// A page laid out as the big national portals lay theirs: a long menu, the section path,
    /// the date above the title, the author's name alone under the last paragraph, then share
    /// buttons (with the toast that copying the link leaves in the text), related links and
    /// the comment box.
    func testANationalPortalsPage() {
        let menu = ["Mới nhất", "Thời sự", "Góc nhìn", "Thế giới", "Kinh doanh", "Giải trí", "Thể thao", "Pháp luật",
                    "Sức khỏe", "Đời sống", "Du lịch", "Số hóa", "Xe", "Ý kiến", "Tâm sự", "Tất cả"]
        let page = menu.joined(separator: "\n") + """

        Thời sự Giao thông
        Thứ hai, 30/11/2026, 08:15 (GMT+7)
        Cầu nối hai tỉnh thông xe trước Tết
        Sau gần bốn năm thi công, cây cầu nối hai tỉnh miền Tây sẽ thông xe vào tháng 1, sớm hơn kế hoạch hai tháng.

        Theo ban quản lý dự án, đến cuối tháng 11 khối lượng thi công đạt 96%. Phần cầu chính đã hợp long, các đơn vị đang thảm nhựa mặt cầu.

        Cây cầu nhìn từ trên cao. Ảnh: Hoàng Nam

        Dự án có tổng vốn khoảng 6.800 tỷ đồng, dài hơn 17 km, quy mô bốn làn xe, giúp giảm tải cho cây cầu cũ vốn thường ùn tắc dịp lễ.

        Hoàng Nam

        Chia sẻ
        Copy link thành công
        Tin liên quan
        Cao tốc phía nam thông xe toàn tuyến
        Ý kiến (12)
        Mới nhất
        Quan tâm nhất
        Xem thêm ý kiến
        Về đầu trang
        """
        let a = Fixtures.parse(page)
        XCTAssertEqual(a.title, "Cầu nối hai tỉnh thông xe trước Tết")
        XCTAssertEqual(a.published, "Thứ hai, 30/11/2026, 08:15 (GMT+7)")
        XCTAssertEqual(a.author, "Hoàng Nam")
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .paragraph, .caption, .paragraph])
        XCTAssertTrue(a.removed.contains("Copy link thành công"), "the share toast is chrome")
        XCTAssertTrue(a.removed.contains("Cao tốc phía nam thông xe toàn tuyến"), "related links dropped")
        XCTAssertEqual(ChromePatterns.classify("Đã sao chép liên kết"), .share)
        XCTAssertNil(ChromePatterns.classify("Cầu đã được sao chép thiết kế từ nước ngoài"))
        assertAccountedFor(page, a)
    }

    /// Many portals name themselves at the start of the lead without brackets (`TTO - `,
    /// `VOV.VN - `, `VTV.vn – `), and end the page with a line of keyword links.
    func testSourcesWithoutBracketsAndAKeywordLine() {
        let page = """
        Thời sự
        Cầu nối hai tỉnh thông xe trước Tết
        30/11/2026 08:15 GMT+7
        TTO - Sau gần bốn năm thi công, cây cầu nối hai tỉnh miền Tây sẽ thông xe vào tháng 1.

        Theo ban quản lý dự án, đến cuối tháng 11 khối lượng thi công đạt 96%.

        HOÀNG NAM
        Tags: Cầu Giao thông miền Tây
        """
        let a = Fixtures.parse(page)
        XCTAssertEqual(a.title, "Cầu nối hai tỉnh thông xe trước Tết")
        XCTAssertEqual(a.source, "TTO")
        XCTAssertEqual(a.author, "HOÀNG NAM")
        XCTAssertEqual(a.blocks.map(\.text), [
            "Sau gần bốn năm thi công, cây cầu nối hai tỉnh miền Tây sẽ thông xe vào tháng 1.",
            "Theo ban quản lý dự án, đến cuối tháng 11 khối lượng thi công đạt 96%.",
        ])
        XCTAssertEqual(a.removed, ["Thời sự", "Tags: Cầu Giao thông miền Tây"])
        assertAccountedFor(page, a)

        for (line, source) in [("VOV.VN - Sáng nay", "VOV.VN"), ("VTV.vn – Sáng nay", "VTV.vn"), ("ANTĐ — “Không”", "ANTĐ"),
                               ("Chinhphu.vn - 12 tỉnh", "Chinhphu.vn"), ("(Dân trí) - Sáng nay", "Dân trí")] {
            XCTAssertEqual(LineShapes.sourcePrefix(line)?.source, source, line)
        }
        // A city's dateline, a title's label, a word of prose, a name with a hyphen, a dash
        // before lower case, a place of two words: none is a source.
        for line in ["TP.HCM - Sáng nay", "VIDEO - Cầu mới", "Sáng - Chiều", "COVID-19 - Ca mắc", "UBND - các xã", "HÀ NỘI - Sáng",
                     "Ông Nam - Chủ tịch", "A - B", "vnexpress.net - Tin"] {
            XCTAssertNil(LineShapes.sourcePrefix(line), line)
        }
        XCTAssertEqual(ChromePatterns.classify("Từ khóa: cầu, giao thông"), .widget)
        XCTAssertNil(ChromePatterns.classify("Từ khóa: cầu nối là chủ đề được quan tâm nhất năm nay."), "a sentence")
    }

    /// `Theo TTXVN` under the last paragraph credits where the story came from: it is the
    /// source where the page named none, else it stays as a line of text, and never the byline.
    /// A name over a credit taken is still the byline.
    func testACreditAtTheEnd() {
        func page(lead: String, end: [String]) -> String {
            (["Thời sự", "Cầu nối hai tỉnh thông xe trước Tết", "30/11/2026 08:15", lead + "Sau gần bốn năm thi công, cây cầu nối hai tỉnh miền Tây sẽ thông xe vào tháng 1, sớm hơn kế hoạch.",
              "", "Theo ban quản lý dự án, khối lượng thi công đạt 96%.", ""] + end).joined(separator: "\n")
        }
        let credited = Fixtures.parse(page(lead: "", end: ["Minh Anh", "", "Theo Báo Nhân Dân."]))
        XCTAssertEqual(credited.source, "Báo Nhân Dân")
        XCTAssertEqual(credited.author, "Minh Anh")
        XCTAssertEqual(credited.blocks.count, 2)
        let named = Fixtures.parse(page(lead: "(BLC) - ", end: ["Theo TTXVN"]))
        XCTAssertEqual(named.source, "BLC")
        XCTAssertNil(named.author)
        XCTAssertEqual(named.blocks.last, Block(.paragraph, "Theo TTXVN"))
        let site = Fixtures.parse(page(lead: "", end: ["Tác giả: Minh Anh", "Theo vnexpress.net"]))
        XCTAssertEqual(site.source, "vnexpress.net", "in the tail, after the byline")
        XCTAssertEqual(site.author, "Minh Anh")
        for line in ["Theo dõi diễn biến", "Theo Nghị quyết số 12", "Theo ông, dự án sẽ xong sớm"] {
            XCTAssertNil(LineShapes.creditedSource(line, folded: TextFolding.fold(line)), line)
        }
    }

    /// A short one-sentence line between paragraphs is a photo's caption; the article's last
    /// line is not, whatever comes under it — share buttons, a byline with its label — for a
    /// caption sits under a photo between the text's paragraphs, and a closing sentence
    /// (`Dự kiến công trình hoàn thành vào năm 2027.`) is the text's.
    func testAShortLastSentenceIsAParagraphNotACaption() {
        let long = "Theo lãnh đạo thành phố, cây cầu sẽ giúp giảm ùn tắc giao thông ở khu vực trung tâm, "
            + "đồng thời mở ra không gian phát triển mới cho vùng phía đông của thủ đô. Người dân hai bên bờ sông đều mong đợi."
        func page(_ end: [String]) -> String {
            (["Xã hội", "Hà Nội khởi công cầu mới qua sông Hồng", "Thứ hai, 01/12/2025 - 08:05",
              "Sáng nay, thành phố Hà Nội đã khởi công xây dựng cây cầu mới bắc qua sông Hồng, nối hai quận với tổng vốn hơn 9.000 tỷ đồng. Đây là cây cầu thứ bảy của thành phố.",
              long, "Lễ khởi công cầu mới sáng 1/12.", long,
              "Dự kiến công trình sẽ hoàn thành vào cuối năm 2027."] + end).joined(separator: "\n")
        }
        for end in [["Chia sẻ", "Bình luận (0)"], ["Tác giả: Minh Anh"], []] {
            let text = page(end)
            let a = Fixtures.parse(text)
            XCTAssertEqual(a.blocks.map(\.kind), [.lead, .paragraph, .caption, .paragraph, .paragraph], "\(end)")
            assertAccountedFor(text, a)
        }
    }

    func testLoneBylineAtTheEnd() {
        let a = Fixtures.parse("""
        Một tiêu đề khá dài cho bài báo thử nghiệm

        Đây là đoạn mở đầu của bài báo, đủ dài để được coi là một đoạn văn xuôi hoàn chỉnh.

        Đây là đoạn thứ hai của bài báo, cũng là một câu văn đầy đủ và có dấu chấm cuối câu.

        Hoàng Mai
        """)
        XCTAssertEqual(a.author, "Hoàng Mai")
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .paragraph])
    }

    func testRatingAndCounterVariants() {
        XCTAssertEqual(LineShapes.rating(folded: TextFolding.fold("Tổng số điểm của bài viết là: 12 trong 3 đánh giá")), Rating(points: 12, votes: 3))
        XCTAssertEqual(LineShapes.counter(folded: TextFolding.fold("Tháng 10 : 388.879"))?.1, 388_879)
        XCTAssertEqual(LineShapes.counter(folded: TextFolding.fold("Năm 2021 : 4,635,535"))?.1, 4_635_535)
        XCTAssertNil(LineShapes.counter(folded: TextFolding.fold("Hôm nay (12/4), Ban Chấp hành họp.")))
    }

    func testEmptyAndWhitespaceOnlyFiles() throws {
        XCTAssertTrue(try ArticleParser.parse(bytes: []).isEmpty)
        XCTAssertTrue(try ArticleParser.parse(bytes: Array("  \n\t\n   \n".utf8)).isEmpty)
    }

    func testBundledArticlesAllHaveTitlesAndBodies() throws {
        let root = Fixtures.repository.appendingPathComponent("Content").path
        let entries = ContentLibrary.scan(root: root)
        XCTAssertGreaterThanOrEqual(entries.count, 5)
        for e in entries {
            let a = try ArticleFile.load(path: e.path)
            XCTAssertNotNil(a.title, e.id)
            XCTAssertFalse(a.blocks.isEmpty, e.id)
            XCTAssertEqual(a.blocks.first?.kind, .lead, e.id)
        }
    }

    /// The byte prefilters and fast paths behind the line shapes must never change an answer:
    /// on random lines of separators, look-alike punctuation (same lead bytes), combining
    /// marks, odd white space and Vietnamese, they agree with the plain Character definitions.
    func testByteFastPathsAgreeWithCharacterDefinitions() {
        let pieces = [">", "›", "»", "→", "“", "”", "–", "…", "«", "‹", "←", ":", "：", "\u{301}", "\u{20D7}",
                      "Trang chủ", "Thời sự", "Nguồn", "Tác giả", " ", " ", "a", "Đ", "x", "中", "😀", "\u{A0}"]
        var random = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            let line = (0..<Int.random(in: 1...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            XCTAssertEqual(ChromePatterns.hasPathSeparator(line), line.contains(where: ChromePatterns.pathSeparators.contains),
                           line.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            XCTAssertEqual(ByteLines.containsAny(line, of: LineShapes.colons),
                           line.unicodeScalars.contains { $0 == ":" || $0 == "：" }, line)
            let part = (0..<Int.random(in: 0...2, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let bytes = Array(line.utf8), partBytes = Array(part.utf8)
            let expected = partBytes.isEmpty || (bytes.count >= partBytes.count
                && (0...(bytes.count - partBytes.count)).contains { bytes[$0..<($0 + partBytes.count)].elementsEqual(partBytes) })
            XCTAssertEqual(ByteLines.contains(line, part), expected, "\(line) / \(part)")
        }
        // The first chrome token and character counts, read from bytes where they can be.
        let wordPieces = ["a+", "-a", "chia", "se", "google+", "...", ".", "|", "•", "(3)", "1.", "x.y.", "\t", "\u{0B}", "\r\n",
                          " ", " ", "\u{A0}", "\u{301}", "é", "đ", "ế", "ạ", "Ỵ", "中", "😀", "+", "-", "'", "\u{200D}", "“", "”", "–", "…",
                          "•", "‹", "\u{2028}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{2070}"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...7, using: &random)).map { _ in wordPieces.randomElement(using: &random)! }.joined()
            let scalars = text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
            XCTAssertEqual(ChromePatterns.tokenize(text), ChromePatterns.tokenize(text, bytes: false), scalars)
            let cap = Int.random(in: 0...12, using: &random)
            XCTAssertEqual(LineShapes.characters(in: text, atMost: cap), min(text.count, cap), scalars)
            XCTAssertEqual(LineShapes.longer(text, than: cap), text.count > cap, scalars)
        }
        XCTAssertEqual(LineShapes.labelledSource("Nguồn: Báo Lai Châu", folded: "nguon: bao lai chau"), "Báo Lai Châu")
        XCTAssertEqual(LineShapes.labelledSource("Nguồn：TTXVN", folded: "nguon：ttxvn"), "TTXVN")
    }

    /// Numbers, words and sentences of a line, counted from bytes or scalars, must agree with
    /// their definitions on Characters, marks and joiners next to digits included.
    func testLineCountsFromBytesAgreeWithCharacters() {
        let pieces = ["1", "23", "2021", "4567890123456789012", "0", " ", "  ", "\t", "\r\n", "\n", ".", ". ", "! ", "? ",
                      "… ", "; ", ",", "/", ":", "a", "B", "Đ", "ồ", "\u{301}", "\u{20DD}", "\u{200D}", "\u{FE0F}",
                      "\u{0600}", "٣", "½", "①", "５", "中", "😀", "\u{A0}", "\u{2009}", "\u{3000}", "\u{85}", "\u{1680}", "\u{1681}", "\u{180E}",
                      "“", "”", "–", "Ảnh", "Hội nghị"]
        var random = SeededGenerator(seed: 11)
        for _ in 0..<30_000 {
            let text = (0..<Int.random(in: 0...9, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let scalars = text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
            XCTAssertEqual(LineShapes.integers(in: text), LineShapes.integers(characters: text), scalars)
            XCTAssertEqual(LineShapes.hasNumber(text), text.contains(where: \.isNumber), scalars)
            XCTAssertEqual(LineShapes.sentenceCount(text), LineShapes.sentenceCount(characters: text), scalars)
            var words = 0, inWord = false
            for s in text.unicodeScalars {
                let space = s.properties.isWhitespace
                if !space && !inWord { words += 1 }
                inWord = !space
            }
            XCTAssertEqual(LineShapes.wordCount(text), words, scalars)
        }
    }

    /// Folding a whole line (with its shortcuts for Vietnamese letters, combining marks and
    /// punctuation) must give what folding each scalar gives.
    func testFoldingALineAgreesWithFoldingEachScalar() {
        var scalars = Array(0x20...0x3100) + Array(0x1E00...0x1EFF) + [0xFF21, 0xFF41, 0x1F600, 0x10400, 0x1D400]
        scalars.removeAll { (0xD800...0xDFFF).contains($0) }
        for v in scalars {
            let s = Unicode.Scalar(UInt32(v))!
            let expected = TextFolding.fold(s).map { String($0) } ?? ""
            XCTAssertEqual(TextFolding.fold("x" + String(s) + "y"), "x" + expected + "y", String(v, radix: 16))
        }
    }

    /// On a copied page, short capitalised lines next to each other are verse, not headings;
    /// one alone stays a heading, and a line next to a repeat of the title, or after a line
    /// that ends a sentence, is alone.
    func testVerseOnACopiedPage() {
        let a = Fixtures.parse("""
        Trang chủ > Văn hóa
        Người dân khắp nơi về dự lễ hội Đền Hùng năm nay
        Sáng nay, hàng vạn người dân và du khách đã đổ về khu di tích lịch sử Đền Hùng để dâng hương tưởng nhớ các Vua Hùng.
        Một cụ ông đọc cho các cháu nghe câu ca dao mà người Việt ở đâu cũng thuộc:
        Dù ai đi ngược về xuôi
        Nhớ ngày giỗ Tổ mùng Mười tháng Ba.
        Lễ hội kéo dài đến hết ngày mai. Du khách được xem nhiều hoạt động văn hóa đặc sắc.
        Người dân khắp nơi về dự lễ hội Đền Hùng năm nay
        Phần hội năm nay
        Bên cạnh phần lễ, phần hội có hát xoan, đánh trống đồng và các trò chơi dân gian. Nhiều bạn trẻ cho biết đây là dịp để hiểu thêm về cội nguồn.
        Quang cảnh lễ hội.
        Trò chơi dân gian
        Kéo co, đánh đu và bịt mắt bắt dê thu hút đông người tham gia. Nhiều gia đình ở lại đến tận chiều tối.
        """)
        // A caption followed by a heading is no stanza: the first of two lines of verse does
        // not end a sentence.
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .paragraph, .verse, .verse, .paragraph, .heading, .paragraph, .caption,
                                               .heading, .paragraph])
        let dump = PlainTextDump.render(a, width: 60, sizeLevel: 1, language: .vi)
        XCTAssertTrue(dump.contains("Dù ai đi ngược về xuôi\nNhớ ngày giỗ Tổ mùng Mười tháng Ba.\n\n"), dump)
    }

    /// The lines around a body line are asked for only where they decide its kind — the
    /// large-file reader decodes one for each ask — and the kind is the same either way.
    func testTheLinesAroundAreAskedForOnlyWhereTheyDecide() {
        let paragraph = "Sáng nay, hàng vạn người dân và du khách đã đổ về khu di tích lịch sử Đền Hùng để dâng hương "
            + "tưởng nhớ các Vua Hùng. Lễ hội kéo dài đến hết ngày mai, với nhiều hoạt động văn hóa đặc sắc."
        let cases: [(text: String, previous: String?, next: String?, asked: Bool)] = [
            (paragraph, "Phần hội năm nay", "Dù ai đi ngược về xuôi", false),
            ("Lễ hội năm 2026", paragraph, paragraph, false),          // a heading (a date in it: no verse)
            ("Quang cảnh lễ hội.", paragraph, "Trò chơi dân gian", true),  // a caption, if no name follows
            ("Dù ai đi ngược về xuôi", paragraph, "Nhớ ngày giỗ Tổ mùng Mười tháng Ba.", true),  // verse
            ("2. Về xã hội", "1. Về kinh tế", paragraph, true),          // a numbered item
        ]
        for c in cases {
            var asked = 0
            func counted(_ line: String?) -> String? {
                asked += 1
                return line
            }
            let folded = TextFolding.fold(c.text)
            let lazily = PageDumpParser.kindOfBodyLine(c.text, folded: folded, previous: counted(c.previous), next: counted(c.next))
            XCTAssertEqual(lazily, PageDumpParser.kindOfBodyLine(c.text, folded: folded, previous: c.previous, next: c.next))
            XCTAssertEqual(asked > 0, c.asked, c.text)
        }
    }
}

final class ContentLibraryTests: XCTestCase {
    func testIdentityOfAFileInsideAndOutsideTheContentRoot() {
        let root = Fixtures.repository.appendingPathComponent("Content").path
        let inside = ContentLibrary.identity(ofFile: root + "/thoi-su/../thoi-su/a.txt", contentRoot: root)
        XCTAssertEqual(inside.id, "thoi-su/a.txt")
        XCTAssertEqual(inside.category, "thoi-su")
        XCTAssertEqual(ContentLibrary.identity(ofFile: root + "/a/b/c.txt", contentRoot: root).category, "a/b")
        let top = ContentLibrary.identity(ofFile: root + "/c.txt", contentRoot: root)
        XCTAssertEqual(top.id, "c.txt")
        XCTAssertEqual(top.category, "")
        let outside = ContentLibrary.identity(ofFile: "/tmp/x.txt", contentRoot: root)
        XCTAssertEqual(outside.id, "/tmp/x.txt")
        XCTAssertEqual(outside.category, "")
        // Standard input is known by its bytes; a file by its path whatever its bytes.
        let bytes = FileBytes(Array("Title: T\n\nx\n".utf8))
        let piped = ContentLibrary.identity(ofFile: "-", contentRoot: root, file: bytes)
        XCTAssertEqual(piped.id, ArticleFile.standardInputID(bytes))
        XCTAssertEqual(piped.category, "")
        XCTAssertEqual(ContentLibrary.identity(ofFile: root + "/c.txt", contentRoot: root, file: bytes).id, "c.txt")
    }

    /// The walk finds article files at any depth with their folders as category, and links
    /// to article files where the links are; hidden files and folders, other extensions, links
    /// to folders (never followed), dangling links and special files are left out.
    func testLibraryWalkFindsArticlesAndSkipsTheRest() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-walk-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        for dir in ["thoi-su", "kinh-te/vi-mo", ".an", "thoi-su/.cu"] {
            try fm.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
        }
        for file in ["goc.txt", "thoi-su/a.txt", "thoi-su/b.MD", "kinh-te/vi-mo/c.text", "thoi-su/anh.png", "thoi-su/.nhap.txt",
                     ".an/d.txt", "thoi-su/.cu/e.txt", "thoi-su/khong-duoi", "thoi-su/.txt"] {
            XCTAssertTrue(fm.createFile(atPath: root + "/" + file, contents: Data("Title: T\n\nx\n".utf8)))
        }
        try fm.createSymbolicLink(atPath: root + "/thoi-su/lien-ket.txt", withDestinationPath: root + "/goc.txt")
        try fm.createSymbolicLink(atPath: root + "/thoi-su/vong", withDestinationPath: root)
        try fm.createSymbolicLink(atPath: root + "/thoi-su/vong.txt", withDestinationPath: root)
        try fm.createSymbolicLink(atPath: root + "/thoi-su/mat.txt", withDestinationPath: root + "/khong-co.txt")
        XCTAssertEqual(mkfifo(root + "/thoi-su/ong.txt", 0o644), 0)
        try fm.createSymbolicLink(atPath: root + "/thoi-su/lien-ket-ong.txt", withDestinationPath: root + "/thoi-su/ong.txt")
        let entries = ContentLibrary.listFiles(root: root + "/./")
        XCTAssertEqual(entries.map(\.id).sorted(), ["goc.txt", "kinh-te/vi-mo/c.text", "thoi-su/a.txt", "thoi-su/b.MD", "thoi-su/lien-ket.txt"])
        let link = try XCTUnwrap(entries.first { $0.id == "thoi-su/lien-ket.txt" })
        XCTAssertEqual(ContentLibrary.withDetails(link).title, "T", "read through the link")
        let c = try XCTUnwrap(entries.first { $0.id == "kinh-te/vi-mo/c.text" })
        XCTAssertEqual(c.category, "kinh-te/vi-mo")
        XCTAssertEqual(c.path, root + "/kinh-te/vi-mo/c.text")
        XCTAssertEqual(c.title, "c")
        XCTAssertEqual(entries.first { $0.id == "goc.txt" }?.category, "")
    }

    /// Titles sort as in a Vietnamese dictionary: the alphabet's own letters after their base
    /// (a ă â, d đ, o ô ơ, u ư), tones and case only between otherwise equal words, numbers
    /// by value; NFC and NFD alike.
    func testLibraryOrderIsVietnameseAndNatural() {
        let expected = ["2024", "An ninh", "Ăn uống", "Âm nhạc", "Bóng đá", "Du lịch", "Dự án", "Đà Nẵng", "Đền Hùng",
                        "Giáo dục", "Hà Nội", "hạ tầng", "Ô tô", "Ơn nghĩa", "Số 2", "Số 9", "Số 10", "Số 100", "Tha", "Thà",
                        "Thá", "Thả", "Thã", "Thạ", "Thư viện", "Trạm sạc", "Ưu tiên", "Xã hội", "Zoo"]
        var random = SeededGenerator(seed: 3)
        for round in 0..<20 {
            let titles = expected.shuffled(using: &random).map { round % 2 == 0 ? $0 : $0.decomposedStringWithCanonicalMapping }
            let entries = titles.enumerated().map { LibraryEntry(id: "\($0.offset)", path: "", category: "", title: $0.element) }
            XCTAssertEqual(LibraryOrder.sorted(entries).map { $0.title.precomposedStringWithCanonicalMapping }, expected)
        }
        // Categories first, by folder.
        let rows = [LibraryEntry(id: "2", path: "", category: "van-hoa", title: "A"),
                    LibraryEntry(id: "1", path: "", category: "thoi-su", title: "Z")]
        XCTAssertEqual(LibraryOrder.sorted(rows).map(\.id), ["1", "2"])
    }

    /// The library's first screen lists file names; details read later fill the same rows,
    /// which then take their places in title order, the cursor staying on its article.
    func testLibraryRowsGetTheirDetailsInPlace() throws {
        let root = Fixtures.repository.appendingPathComponent("Content").path
        let files = ContentLibrary.listFiles(root: root)
        let read = ContentLibrary.scan(root: root)
        XCTAssertFalse(files.isEmpty)
        XCTAssertEqual(files.map(\.id), read.map(\.id))
        XCTAssertTrue(zip(files, read).contains { $0.title != $1.title }, "file names first, titles later")
        var state = ReaderState(size: TermSize(width: 100, height: 30))
        state.update(.libraryListed(files))
        XCTAssertEqual(state.library.map(\.id), LibraryOrder.sorted(files).map(\.id))
        state.libraryCursor = files.count - 2
        let selected = state.visibleLibrary[files.count - 2].id
        state.update(.libraryViews(Dictionary(uniqueKeysWithValues: files.map { ($0.id, 7) })))
        state.update(.libraryDetails(read))
        XCTAssertEqual(state.library.map(\.id), LibraryOrder.sorted(read).map(\.id))
        for row in state.library {
            let details = try XCTUnwrap(read.first { $0.id == row.id })
            XCTAssertEqual(row.title, details.title)
            XCTAssertEqual(row.byline, details.byline)
            XCTAssertEqual(row.views, 7)
        }
        XCTAssertEqual(state.visibleLibrary[state.libraryCursor].id, selected)
    }

    /// A cursor on the first row, where a library starts, stays at the top as titles come in
    /// and as the order changes, rather than following the first file name's article.
    func testACursorAtTheTopStaysThereAsRowsMove() {
        let files = ["a", "b", "c"].map { LibraryEntry(id: "tin/\($0).txt", path: "", category: "tin", title: $0) }
        var read = files
        (read[0].title, read[1].title, read[2].title) = ("Xuân", "Hạ", "Thu")
        read[0].date = "01/01/2024"
        var state = ReaderState(size: TermSize(width: 100, height: 30))
        state.update(.libraryListed(files))
        XCTAssertEqual(state.visibleLibrary[0].id, "tin/a.txt")
        state.update(.libraryDetails(read))
        XCTAssertEqual(state.visibleLibrary.map(\.title), ["Hạ", "Thu", "Xuân"])
        XCTAssertEqual(state.libraryCursor, 0, "the top, not the first file name's article")
        state.update(.cycleLibraryOrder)
        XCTAssertEqual(state.visibleLibrary.map(\.title), ["Xuân", "Hạ", "Thu"])
        XCTAssertEqual(state.libraryCursor, 0)
        state.update(.libraryMove(1))
        state.update(.cycleLibraryOrder)
        XCTAssertEqual(state.visibleLibrary[state.libraryCursor].title, "Hạ", "a row moved to is followed")
    }

    /// A file's stamp stays while it is untouched, and changes when it is rewritten (even to
    /// the same size), replaced, or removed.
    func testFileStampSeesChanges() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-stamp-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/a.txt"
        try "Title: A\n\nmột\n".write(toFile: path, atomically: false, encoding: .utf8)
        let first = try XCTUnwrap(FileStamp(path: path))
        XCTAssertEqual(FileStamp(path: path), first)
        try "Title: B\n\nmột\n".write(toFile: path, atomically: false, encoding: .utf8)  // same size
        var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)  // a modification time of its own
        XCTAssertNotEqual(FileStamp(path: path), first)
        let rewritten = FileStamp(path: path)
        try "Title: C\n\nhai\n".write(toFile: path, atomically: true, encoding: .utf8)  // replaced
        XCTAssertNotEqual(FileStamp(path: path), rewritten)
        try FileManager.default.removeItem(atPath: path)
        XCTAssertNil(FileStamp(path: path))
    }

    func testAbsolutePathsAreStandardised() {
        XCTAssertEqual(ContentLibrary.absolutePath("Content/./a/../b.txt", currentDirectory: "/work/x"), "/work/x/Content/b.txt")
        XCTAssertEqual(ContentLibrary.absolutePath("/a//b/../../..", currentDirectory: "/w"), "/")
        XCTAssertEqual(ContentLibrary.absolutePath("../c", currentDirectory: "/w/x"), "/w/c")
        for path in ["Content/thoi-su/x.txt", "./a/./b/../c", "/tmp/../etc/./x"] {
            XCTAssertEqual(ContentLibrary.absolutePath(path), URL(fileURLWithPath: path).standardizedFileURL.path, path)
        }
    }

    func testContrastNames() {
        for level in ContrastLevel.allCases { XCTAssertEqual(ContrastLevel(name: level.name), level) }
        XCTAssertNil(ContrastLevel(name: "loud"))
    }

    /// The folding table must agree with the Unicode names it was written from.
    func testLatinBaseTableMatchesUnicodeNames() {
        for range: ClosedRange<UInt32> in [0xC0...0x24F, 0x1E00...0x1EFF] {
            for v in range {
                var expected: UInt32?
                if let name = Unicode.Scalar(v)?.properties.name {
                    let parts = name.split(separator: " ")
                    if parts.count >= 6, parts[0] == "LATIN", parts[2] == "LETTER", parts[4] == "WITH",
                        parts[3].count == 1, let letter = parts[3].first?.asciiValue, letter >= 0x41, letter <= 0x5A
                    {
                        expected = UInt32(letter) + 32
                    }
                }
                XCTAssertEqual(TextFolding.latinBase(v), expected, "U+\(String(v, radix: 16))")
            }
        }
        XCTAssertEqual(TextFolding.fold("Đường Ấp Ồ ƯỚC"), "duong ap o uoc")
    }
}
