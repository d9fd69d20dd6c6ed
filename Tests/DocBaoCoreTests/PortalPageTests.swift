import XCTest

@testable import DocBaoCore

/// Pages laid out as the national portals lay theirs, copied as text: what stands under the
/// article (back link, share buttons, topic tags, comment box, lists of other articles), a
/// date and its time on two lines, captions and section headings of features. The texts are
/// made up; their shapes are the portals'.
final class PortalPageTests: XCTestCase {
    static let paragraphs = [
        "Sáng 29/11, tại kỳ họp chuyên đề, HĐND thành phố đã biểu quyết thông qua nghị quyết về đề án. Theo đề án, thành phố sẽ mở rộng mạng lưới xe buýt và đường sắt đô thị.",
        "Phó chủ tịch UBND thành phố cho biết việc thu phí sẽ được làm thử trên một số tuyến đường trước khi nhân rộng ra toàn khu vực nội đô.",
        "Theo báo cáo, số phương tiện cá nhân ở thành phố tăng khoảng 4% mỗi năm, trong khi diện tích đất dành cho giao thông chỉ tăng 0,3%.",
    ]

    /// The page as one portal ends it: the byline alone, then a link back to the section,
    /// share buttons, the topic tags one per line, the comment count and a list of the most
    /// read articles.
    static let backLinkAndTags = ["Võ Hải", "Trở lại Thời sự", "Chia sẻ", "Thời sự", "Hà Nội", "giao thông", "Ý kiến (12)",
                                  "Xem nhiều nhất", "Giá xăng giảm lần thứ ba liên tiếp", "Mưa lớn ở miền Trung"]

    static func page(end: [String], paragraphs: [String] = paragraphs) -> String {
        (["Thời sự", "Chính trị", "Chủ nhật, 29/11/2026, 10:00 (GMT+7)",
          "Hà Nội thông qua đề án giảm ùn tắc giao thông giai đoạn mới",
          "HĐND thành phố thông qua đề án với 12 nhóm giải pháp, trong đó có thu phí phương tiện vào một số khu vực nội đô từ năm 2028.",
          ""] + paragraphs.flatMap { [$0, ""] } + end).joined(separator: "\n")
    }

    func testWhatStandsUnderTheArticleIsNotTheArticles() {
        let text = Self.page(end: Self.backLinkAndTags)
        let a = Fixtures.parse(text)
        XCTAssertEqual(a.author, "Võ Hải")
        XCTAssertEqual(a.blocks.map(\.kind), [.lead, .paragraph, .paragraph, .paragraph])
        XCTAssertEqual(a.blocks.last?.text, Self.paragraphs.last)
        XCTAssertEqual(Array(a.removed.suffix(9)), Array(Self.backLinkAndTags.dropFirst()), "from the back link on")
        assertAccountedFor(text, a)

        // Another portal: the byline, a line of topics and links to more.
        let topics = Fixtures.parse(Self.page(end: ["Hoàng Mạnh", "Chủ đề: Kỳ họp Quốc hội", "Đọc thêm", "Tin cùng chuyên mục"]))
        XCTAssertEqual(topics.author, "Hoàng Mạnh")
        XCTAssertEqual(topics.blocks.count, 4)
        XCTAssertEqual(ChromePatterns.classify("Chủ đề: Kỳ họp Quốc hội"), .widget)
        XCTAssertNil(ChromePatterns.classify("Chủ đề: hội nghị năm nay bàn về giao thông."), "a sentence")

        // Under a last paragraph that ends in a question, with a credit: the same.
        let asked = Fixtures.parse(Self.page(end: ["Liệu đề án có giảm được ùn tắc?", "", "Võ Hải", "Theo VnExpress"] + Self.backLinkAndTags.dropFirst()))
        XCTAssertEqual(asked.author, "Võ Hải")
        XCTAssertEqual(asked.source, "VnExpress")
        XCTAssertEqual(asked.blocks.last?.text, "Liệu đề án có giảm được ùn tắc?")
    }

    /// Page chrome followed by a sentence is inside the article, and so is what follows it; a
    /// back link is chrome only under the article; an advert's label or an image's mark does
    /// not end an article; a page without a sentence keeps all its lines.
    func testTheFurnitureStartsOnlyAfterTheLastSentence() {
        let shared = Fixtures.parse(Self.page(end: ["Chia sẻ", "", "Người dân mong đề án sớm được thực hiện."]))
        XCTAssertEqual(shared.blocks.last?.text, "Người dân mong đề án sớm được thực hiện.")
        XCTAssertTrue(shared.removed.contains("Chia sẻ"))

        let heading = Fixtures.parse(Self.page(end: [], paragraphs: [Self.paragraphs[0], "Trở lại Hà Nội", Self.paragraphs[1]]))
        XCTAssertTrue(heading.blocks.contains(Block(.heading, "Trở lại Hà Nội")))
        XCTAssertTrue(ChromePatterns.isBackLink(TextFolding.fold("Trở lại Hà Nội")), "a back link's shape")
        XCTAssertNil(ChromePatterns.classify("Trở lại Thời sự"), "but chrome only under the article")
        for line in ["Trở lại", "Quay lại trang chủ để xem tiếp bài viết khác", "Trở lại Hà Nội.", "Trở về Hà Nội"] {
            XCTAssertFalse(ChromePatterns.isBackLink(TextFolding.fold(line)), line)
        }

        let advert = Fixtures.parse(Self.page(end: ["Quảng cáo", "", "Các bước tiếp theo", "", "- Lấy ý kiến người dân", "- Làm thử trên hai tuyến"]))
        XCTAssertEqual(advert.blocks.suffix(3).map(\.text), ["Các bước tiếp theo", "- Lấy ý kiến người dân", "- Làm thử trên hai tuyến"])

        let verse = Fixtures.parse("""
        Bài ca dao về quê hương

        Chia sẻ

        Ai về Hà Tĩnh thì về
        Mơ khoai chợ Huyện, nhút chè Hương Sơn
        """)
        XCTAssertEqual(verse.blocks.map(\.text), ["Ai về Hà Tĩnh thì về", "Mơ khoai chợ Huyện, nhút chè Hương Sơn"], "no sentence: nothing cut")
    }

    /// A page in a national portal's shape as HTML (`Fixtures/portal-de-an-giao-thong.html`),
    /// copied from a browser and rendered by w3m and lynx (`scripts/make-dump-fixtures`):
    /// the same article every time — lynx writes the photo's words, the title, at the start of
    /// the caption's line, w3m on a line over it; neither is the article's.
    func testAPortalsPageCopiedAndDumpedReadsTheSame() throws {
        let page = "portal-de-an-giao-thong"
        let copied = try ArticleParser.parse(bytes: Fixtures.bytes("\(page).txt"))
        XCTAssertEqual(copied.title, "Hà Nội thông qua đề án giảm ùn tắc giao thông giai đoạn mới")
        XCTAssertEqual(copied.published, "Chủ nhật, 29/11/2026, 10:00 (GMT+7)")
        XCTAssertEqual(copied.author, "Võ Hải")
        XCTAssertEqual(copied.blocks.map(\.kind), [.lead, .paragraph, .paragraph, .caption, .heading, .paragraph, .paragraph])
        XCTAssertEqual(copied.blocks[3].text, "Xe cộ đông đúc trên một tuyến phố giờ cao điểm. Ảnh: Giang Huy")
        for dump in ["w3m", "lynx", "lynx-refs", "w3m-refs"] {
            let name = "\(page).\(dump).txt"
            let a = try ArticleParser.parse(bytes: Fixtures.bytes(name))
            Fixtures.assertReadsAs(a, copied, dump)
            // And so does the lazy reader, wherever the head ends between the lead (which only
            // the head tells) and the last sentence.
            let text = String(decoding: try Fixtures.bytes(name), as: UTF8.self)
            func lineStart(_ words: String) -> Int {
                let at = text.range(of: words)!.lowerBound
                return text.utf8.distance(from: text.startIndex, to: text[..<at].lastIndex(of: "\n").map(text.index(after:)) ?? at)
            }
            let (first, last) = (lineStart("Sáng 29/11"), lineStart("Đại biểu Trần Văn Bình"))
            XCTAssertEqual(try Fixtures.headCutsReadingOtherwise(text, whole: a.blocks).filter { $0 >= first && $0 < last - 1 }, [], dump)
        }
        XCTAssertEqual(PageDumpParser.withoutTitleAtStart("Hà Nội thông qua đề án giảm ùn tắc giao thông giai đoạn mới Xe cộ.",
                                                          titleFolded: TextFolding.fold(copied.title!)), "Xe cộ.")
        for line in ["Hà Nội thông qua đề án giảm ùn tắc giao thông giai đoạn mới", "Hà Nội thông qua đề án giảm ùn tắc giao thông",
                     "Hà Nội thông qua đề án giảm ùn tắc giao thông giai đoạn mớii Xe cộ."] {
            XCTAssertEqual(PageDumpParser.withoutTitleAtStart(line, titleFolded: TextFolding.fold(copied.title!)), line)
        }
        XCTAssertEqual(PageDumpParser.withoutTitleAtStart("Hà Nội mùa thu Xe cộ.", titleFolded: "ha noi mua"), "Hà Nội mùa thu Xe cộ.",
                       "a title of three words")
    }

    /// The lazy reader of a large page finds the same furniture in its last window.
    func testALargePageEndsAsTheWholeFileParserEndsIt() throws {
        let middle = (0..<3000).map { "Đoạn \($0): " + Self.paragraphs[$0 % 3] }
        for end in [Self.backLinkAndTags, ["Hoàng Mạnh", "Chủ đề: Kỳ họp Quốc hội", "Đọc thêm", "Tin cùng chuyên mục", "Tổng số điểm của bài viết là: 12 trong 3 đánh giá"]] {
            let bytes = Array(Self.page(end: end, paragraphs: Self.paragraphs + middle).utf8)
            let lazy = try ArticleParser.parse(bytes: bytes)
            let whole = try ArticleParser.parse(bytes: bytes, lazyAbove: .max)
            XCTAssertNotNil(lazy.body)
            XCTAssertEqual(whole.author, end[0])
            XCTAssertEqual(lazy.author, end[0])
            XCTAssertEqual(LargeArticleTests.blocks(lazy), LargeArticleTests.blocks(whole))
            XCTAssertEqual(LargeArticleTests.blocks(lazy).last?.text, middle.last)
            XCTAssertEqual(lazy.rating, whole.rating)
        }
        // Wherever the head ends before the last sentence (a head that holds it cannot know
        // that nothing but furniture follows; a real head is 64 KB, of a page of 256 KB or
        // more), with windows from 32 bytes, which the reader widens until they hold a
        // sentence (sixteen times at most).
        let text = Self.page(end: Self.backLinkAndTags)
        let lastParagraph = text.utf8.distance(from: text.startIndex, to: text.range(of: Self.paragraphs[2])!.lowerBound)
        XCTAssertEqual(try Fixtures.headCutsReadingOtherwise(text, whole: Fixtures.parse(text).blocks)
            .filter { $0 >= 32 && $0 < lastParagraph - 1 }, [])
    }

    /// The author named right under the title, with an address to write to, and again under
    /// the article: one byline, and neither line is the article's.
    func testABylineUnderTheTitle() throws {
        func page(under: [String], end: [String], middle: [String] = []) -> String {
            (["Thời sự", "Dân sinh", "Người dân vùng lũ nhận hàng cứu trợ trước đợt mưa mới"] + under + ["30/11/2026 08:15 GMT+7"]
                + (Self.paragraphs + middle).flatMap { [$0, ""] } + end + ["Bình luận (0)", "Gửi bình luận"]).joined(separator: "\n")
        }
        let text = page(under: ["Ngọc An", "ngocan@thanhnien.vn"], end: ["Ngọc An"])
        let a = Fixtures.parse(text)
        XCTAssertEqual(a.author, "Ngọc An")
        XCTAssertEqual(a.blocks.map(\.text), Self.paragraphs)
        XCTAssertTrue(a.removed.contains("ngocan@thanhnien.vn"))
        assertAccountedFor(text, a)

        XCTAssertEqual(Fixtures.parse(page(under: ["By Jane Smith"], end: [])).author, "Jane Smith")
        let deck = Fixtures.parse(page(under: ["A Local Landmark Returns"], end: []))
        XCTAssertNil(deck.author, "a deck in title case")
        XCTAssertEqual(deck.blocks.first, Block(.heading, "A Local Landmark Returns"))
        XCTAssertEqual(Fixtures.parse(page(under: ["Tô Thế An"], end: [])).author, "Tô Thế An", "Vietnamese names fold to English words")
        let other = Fixtures.parse(page(under: ["Ngọc An"], end: ["Minh Tâm"]))
        XCTAssertEqual(other.author, "Ngọc An")
        XCTAssertEqual(other.blocks.last, Block(.heading, "Minh Tâm"), "another name stays")
        for line in ["ngocan@thanhnien.vn", "a.b@c.d"] { XCTAssertTrue(LineShapes.isEmailAddress(line), line) }
        for line in ["@thanhnien.vn", "ngocan@", "ngoc an@tn.vn", "a@b", "a@b@c.vn", "Liên hệ: a@b.vn", "a@.vn", "a@b."] {
            XCTAssertFalse(LineShapes.isEmailAddress(line), line)
        }

        // A large page reads both lines as the whole-file parser does.
        let large = Array(page(under: ["Ngọc An", "ngocan@thanhnien.vn"], end: ["Ngọc An"],
                               middle: (0..<3000).map { "Đoạn \($0): " + Self.paragraphs[$0 % 3] }).utf8)
        let lazy = try ArticleParser.parse(bytes: large)
        let whole = try ArticleParser.parse(bytes: large, lazyAbove: .max)
        XCTAssertNotNil(lazy.body)
        XCTAssertEqual(lazy.author, "Ngọc An")
        XCTAssertEqual(LargeArticleTests.blocks(lazy), LargeArticleTests.blocks(whole))
        XCTAssertEqual(LargeArticleTests.blocks(lazy).last?.text, "Đoạn 2999: " + Self.paragraphs[2])
    }

    /// A link to another article set between paragraphs (`Xem thêm: …`) is chrome, and the
    /// text goes on after it; a heading of such links alone starts a list of them.
    func testLinksToOtherArticlesInsideTheText() {
        let links = ["Xem thêm: Giá xăng giảm lần thứ ba liên tiếp", ">> Đọc thêm: Mưa lớn ở miền Trung",
                     "» Tin liên quan: Vì sao mưa lớn ở miền Trung?", "XEM THÊM: Hà Nội cấm xe máy", "Read more: Rain in the South"]
        for link in links {
            let a = Fixtures.parse(Self.page(end: [], paragraphs: [Self.paragraphs[0], link, "Giá bán và đầu ra", Self.paragraphs[1]]))
            XCTAssertEqual(a.blocks.dropFirst().map(\.text), [Self.paragraphs[0], "Giá bán và đầu ra", Self.paragraphs[1]], link)
            XCTAssertTrue(a.removed.contains(link), link)
        }
        XCTAssertEqual(Set(LineShapes.relatedLabels.map { $0[0] }), Set(LineShapes.relatedLabelStarts), "the labels' first bytes")
        XCTAssertTrue((LineShapes.relatedLabels + LineShapes.keywordLabels).allSatisfy { $0.count <= 19 }, "a colon is looked for near the start")
        let sentence = "Xem thêm: các bước đăng ký được nêu ở mục 3."
        XCTAssertNil(ChromePatterns.classify(sentence), "the article's own sentence")
        XCTAssertNil(ChromePatterns.classify("Xem thêm các bước đăng ký"), "no colon")
        let list = Fixtures.parse(Self.page(end: [], paragraphs: [Self.paragraphs[0], "Tin liên quan:", "Mưa lớn ở miền Trung",
                                                                   "Giá xăng giảm lần thứ ba liên tiếp", Self.paragraphs[1]]))
        XCTAssertEqual(list.blocks.dropFirst().map(\.text), [Self.paragraphs[0], Self.paragraphs[1]], "a list of links, then prose")
    }

    /// An English portal's page (the BBC's shape): a date from now, the byline and its outlet
    /// under the title, the labels with which the page tells a screen reader about a photo,
    /// short paragraphs of quoted words, and related topics and stories under the article.
    func testAnEnglishPortalsPage() {
        let text = """
        Skip to content
        BBC News
        Home
        News
        Library reopens after two-year renovation
        2 hours ago
        Share
        Save
        Jane Smith
        BBC News, Riverside
        Image source, Riverside Council
        Image caption, Volunteers carried the last boxes of books up the new ramp
        The public library on Market Street opened its doors again on Saturday morning, two years after a leaking roof forced it to close.
        More than three hundred residents queued in the rain to be the first inside.
        "It feels like getting a friend back," said Margaret Owens, who has used the library for forty years.
        The council said the renovation cost £2.4m, most of it paid by a heritage grant.
        Related topics
        Libraries
        Riverside
        More on this story
        Library closure date set after roof damage
        """
        let a = Fixtures.parse(text)
        XCTAssertEqual(a.title, "Library reopens after two-year renovation")
        XCTAssertEqual(a.published, "2 hours ago")
        XCTAssertEqual(a.author, "Jane Smith, BBC News, Riverside")
        // Its paragraphs are mostly one short sentence each (`PageStyle`): none is taken for a
        // photo's caption by its shape.
        XCTAssertEqual(a.blocks.map(\.kind), [.caption, .lead, .paragraph, .paragraph, .paragraph])
        XCTAssertEqual(a.blocks[0].text, "Volunteers carried the last boxes of books up the new ramp")
        XCTAssertEqual(a.blocks.last?.text, "The council said the renovation cost £2.4m, most of it paid by a heritage grant.")
        XCTAssertTrue(a.removed.contains("Image source, Riverside Council"))
        XCTAssertTrue(a.removed.contains("Libraries"))
        assertAccountedFor(text, a)

        for line in ["2 hours ago", "1 day ago", "3 giờ trước", "10 phút trước"] {
            XCTAssertTrue(LineShapes.isRelativeDate(folded: TextFolding.fold(line)), line)
        }
        for line in ["2 hours", "two hours ago", "3 người trước", "2 hours ago today"] {
            XCTAssertFalse(LineShapes.isRelativeDate(folded: TextFolding.fold(line)), line)
        }
        XCTAssertEqual(PageDumpParser.labelledCaption("IMAGE CAPTION, A ramp"), "A ramp")
        XCTAssertNil(PageDumpParser.labelledCaption("Image captions are short."))
        XCTAssertEqual(ChromePatterns.classify("Image source, Getty Images"), .image)
    }

    /// A page whose paragraphs are mostly one short sentence tells no caption by its shape;
    /// one of long paragraphs does, copied or wrapped by a program, and the large-file reader
    /// reads the style off the same bytes as the whole-file parser.
    func testCaptionsByShapeOnlyAmongLongParagraphs() throws {
        func style(_ text: String) -> PageStyle {
            var text = text
            return text.withUTF8 { PageStyle.read($0, from: 0) }
        }
        let short = (0..<12).map { "Người dân số \($0) cho biết họ đã chờ từ sáng để được vào thư viện mới." }
        let shortPage = (["Thư viện mở cửa trở lại sau hai năm", ""] + short).joined(separator: "\n")
        XCTAssertFalse(style(shortPage).captionsByShape)
        XCTAssertFalse(Fixtures.parse(shortPage).blocks.contains { $0.kind == .caption })
        XCTAssertFalse(style(HardWrapTests.wrapped(short.joined(separator: "\n\n"), width: 60)).captionsByShape, "wrapped, one line each")

        let seed = String(decoding: try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.txt"), as: UTF8.self)
        XCTAssertTrue(style(seed).captionsByShape)
        for name in ["laichau-hoi-nghi-lan-thu-4.w3m.txt", "laichau-hoi-nghi-lan-thu-4.lynx.txt", "portal-de-an-giao-thong.txt",
                     "portal-de-an-giao-thong.w3m.txt"] {
            XCTAssertTrue(style(String(decoding: try Fixtures.bytes(name), as: UTF8.self)).captionsByShape, name)
        }
        for (line, mark) in [("Hồng.”", "."), ("Hồng”.", "."), ("(Ảnh: A)", "A"), ("Vì sao?»", "?"), ("”", "\0")] {
            XCTAssertEqual(Array(line.utf8).withUnsafeBufferPointer { PageStyle.finalMark($0, 0..<$0.count) }, mark.utf8.first!, line)
        }

        // A large page of short paragraphs, with a caption that says it is one.
        let middle = (0..<8000).map { "Đoạn \($0): người dân cho biết họ đã chờ từ sáng." }
        let text = (["Thư viện mở cửa trở lại sau hai năm", ""] + short + middle + ["Người đọc xếp hàng trước cửa. Ảnh: Minh Anh"]
            + middle).joined(separator: "\n\n")
        let bytes = Array(text.utf8)
        let lazy = try ArticleParser.parse(bytes: bytes)
        let whole = try ArticleParser.parse(bytes: bytes, lazyAbove: .max)
        XCTAssertNotNil(lazy.body)
        XCTAssertEqual(LargeArticleTests.blocks(lazy), LargeArticleTests.blocks(whole))
        XCTAssertEqual(LargeArticleTests.blocks(whole).filter { $0.kind == .caption }.map(\.text), ["Người đọc xếp hàng trước cửa. Ảnh: Minh Anh"])
    }

    /// `Chủ nhật, ngày 29 tháng 11 năm 2026` over `16:02 (GMT +7)`: one date.
    func testATimeUnderTheDateIsPartOfIt() {
        func published(_ head: [String]) -> String? {
            Fixtures.parse((head + ["Phục dựng lễ hội cầu mùa của người Dao", "", Self.paragraphs[0]]).joined(separator: "\n")).published
        }
        XCTAssertEqual(published(["Chủ nhật, ngày 29 tháng 11 năm 2026", "16:02 (GMT +7)"]),
                       "Chủ nhật, ngày 29 tháng 11 năm 2026, 16:02 (GMT +7)")
        XCTAssertEqual(published(["29/11/2026", "7h30"]), "29/11/2026, 7h30")
        XCTAssertEqual(published(["29/11/2026 08:15", "16:02"]), "29/11/2026 08:15", "a date that has its time")
        XCTAssertEqual(published(["16:02", "29/11/2026"]), "29/11/2026", "a time above the date")
        for line in ["16:02 (GMT +7)", "08:15 SA", "7h30", "10:30:05 AM", "16:02 GMT+07:00", "9:05"] {
            XCTAssertTrue(LineShapes.isTimeOfDay(folded: TextFolding.fold(line)), line)
        }
        for line in ["16:0", "123:45", "16:02 họp báo", "16h", "Lúc 16:02", "2026", "16:02:5"] {
            XCTAssertFalse(LineShapes.isTimeOfDay(folded: TextFolding.fold(line)), line)
        }
    }

    /// A caption sits under its photo: a short sentence over an image's words (a repeat of
    /// the title) is no caption, nor is one that reports what someone said. A short line
    /// trailing off heads a section of a feature, unless it is someone's words.
    func testCaptionsAndHeadingsOfFeatures() {
        let title = "Hà Nội thông qua đề án giảm ùn tắc giao thông giai đoạn mới"
        let a = Fixtures.parse(Self.page(end: [], paragraphs: [
            Self.paragraphs[0], "Đại biểu Trần Văn Bình đề nghị làm rõ cách dùng nguồn thu từ phí.", title,
            "Xe cộ trên đường Nguyễn Trãi giờ cao điểm. Ảnh: Giang Huy", Self.paragraphs[1],
            "Theo bà Lan, luật cần quy định rõ trách nhiệm của doanh nghiệp.", Self.paragraphs[2],
            "Từ ký ức của người già…", Self.paragraphs[0], "“Tôi cũng không biết nữa…”", Self.paragraphs[1],
            "Các đại biểu biểu quyết tại kỳ họp.", Self.paragraphs[2],
        ]))
        let kinds = Dictionary(a.blocks.map { ($0.text, $0.kind) }, uniquingKeysWith: { x, _ in x })
        XCTAssertEqual(kinds["Đại biểu Trần Văn Bình đề nghị làm rõ cách dùng nguồn thu từ phí."], .paragraph)
        XCTAssertEqual(kinds["Xe cộ trên đường Nguyễn Trãi giờ cao điểm. Ảnh: Giang Huy"], .caption)
        XCTAssertEqual(kinds["Theo bà Lan, luật cần quy định rõ trách nhiệm của doanh nghiệp."], .paragraph)
        XCTAssertEqual(kinds["Từ ký ức của người già…"], .heading)
        XCTAssertEqual(kinds["“Tôi cũng không biết nữa…”"], .paragraph)
        XCTAssertEqual(kinds["Các đại biểu biểu quyết tại kỳ họp."], .caption)
        XCTAssertTrue(a.removed.contains(title))
    }

    /// Readers' comments as a browser copies them (it has loaded them): the box's heading with
    /// its count and tabs, then each comment's name, words and the line of its buttons.
    static let comments = ["Ý kiến (3)", "Mới nhất", "Quan tâm nhất", "Minh Tuấn",
                           "Đề án rất cần thiết, mong thành phố sớm làm để người dân bớt khổ vì tắc đường.",
                           "Thích (12)  Trả lời  3 giờ trước", "Lan Anh", "Cần làm thêm bãi đỗ xe trước khi thu phí.",
                           "Thích (4)  Trả lời  5 giờ trước", "Xem thêm ý kiến"]

    /// Readers' comments are sentences too, so the furniture under the article (which starts
    /// after its last sentence) did not reach them: under a comment box's heading that
    /// comments and their buttons follow, nothing is the article's — nor where the lists of
    /// other articles come first, nor on an English page; in a large file as in a whole one.
    /// A comment count among the lines over the article, or a heading that no reply follows,
    /// cuts nothing.
    func testReadersCommentsAreNotTheArticles() throws {
        let ends = [["Võ Hải"] + Self.comments,
                    ["Võ Hải", "Xem nhiều nhất", "Giá xăng giảm lần thứ ba liên tiếp", "Mưa lớn ở miền Trung"] + Self.comments + ["Tin khác"],
                    ["Võ Hải", "Comments (2)", "Jane Smith", "Good to see the city act at last.", "Reply · Like · 2h",
                     "Tom Brown", "Tolls will hurt small shops.", "Reply · 1h"]]
        for end in ends {
            let text = Self.page(end: end)
            let a = Fixtures.parse(text)
            XCTAssertEqual(a.author, "Võ Hải", end[1])
            XCTAssertEqual(a.blocks.map(\.kind), [.lead, .paragraph, .paragraph, .paragraph], end[1])
            XCTAssertEqual(a.blocks.last?.text, Self.paragraphs.last, end[1])
            XCTAssertTrue(a.removed.contains(end[4]), "a comment is furniture: \(end[1])")
            assertAccountedFor(text, a)

            let middle = (0..<3000).map { "Đoạn \($0): " + Self.paragraphs[$0 % 3] }
            let bytes = Array(Self.page(end: end, paragraphs: Self.paragraphs + middle).utf8)
            let lazy = try ArticleParser.parse(bytes: bytes)
            XCTAssertNotNil(lazy.body)
            let whole = try ArticleParser.parse(bytes: bytes, lazyAbove: .max)
            XCTAssertTrue(LargeArticleTests.blocks(lazy) == LargeArticleTests.blocks(whole), "read lazily as whole: \(end[1])")
            XCTAssertEqual(LargeArticleTests.blocks(lazy).last?.text, middle.last, end[1])
            XCTAssertEqual(lazy.author, "Võ Hải", end[1])
        }

        // The count over the article links to the comments; the article is all there.
        let counted = Fixtures.parse(Self.page(end: ["Võ Hải"] + Self.comments).replacingOccurrences(
            of: "Chủ nhật, 29/11/2026, 10:00 (GMT+7)", with: "Chủ nhật, 29/11/2026, 10:00 (GMT+7)\nÝ kiến (3)"))
        XCTAssertEqual(counted.blocks.map(\.kind), [.lead, .paragraph, .paragraph, .paragraph])
        for buttons in ["Thích (12)  Trả lời  3 giờ trước", "Reply · Like · 2h", "Trả lời", "Báo vi phạm | Trả lời | Thích"] {
            XCTAssertTrue(PageDumpParser.isCommentButtons(TextFolding.fold(buttons)), buttons)
        }
        for line in ["Ông Tuấn trả lời phỏng vấn.", "Bộ trưởng trả lời chất vấn của đại biểu về việc thu phí ở các khu vực nội đô",
                     "Did he reply?", "Trả lời báo chí sáng nay, ông cho biết đề án sẽ làm thử trước", "Thích"] {
            XCTAssertFalse(PageDumpParser.isCommentButtons(TextFolding.fold(line)), line)
        }
        // A comment box's heading inside the text, with no reply under it, cuts nothing.
        let heading = Fixtures.parse(Self.page(end: [], paragraphs: [Self.paragraphs[0], "Bình luận", Self.paragraphs[1], Self.paragraphs[2]]))
        XCTAssertEqual(heading.blocks.last?.text, Self.paragraphs[2])
        // Nor does one with a reply button far under it (more than six lines of text between).
        let paragraphs = [Self.paragraphs[0], "Bình luận"] + (0..<7).map { "Đoạn \($0): " + Self.paragraphs[$0 % 3] }
        XCTAssertEqual(Fixtures.parse(Self.page(end: ["Trả lời"], paragraphs: paragraphs)).blocks.last?.text, paragraphs.last)
        XCTAssertEqual(Fixtures.parse(Self.page(end: ["Trả lời"], paragraphs: paragraphs.dropLast())).blocks.last?.text,
                       Self.paragraphs[0], "six lines between: comments")
    }

    /// A provincial portal's footer, as it stands under every page.
    static let footer = [
        "Cơ quan chủ quản: UBND tỉnh Lai Châu", "Chịu trách nhiệm chính: Chánh Văn phòng UBND tỉnh",
        "Giấy phép số 12/GP-TTĐT do Sở Thông tin và Truyền thông cấp ngày 01/6/2021.",
        "Địa chỉ: Tầng 5, Khu hành chính tỉnh, thành phố Lai Châu.", "Điện thoại: 0213 3876 111",
        "Bản quyền © 2021 Cổng thông tin điện tử tỉnh Lai Châu",
        "Ghi rõ nguồn \"Cổng thông tin điện tử tỉnh Lai Châu\" khi phát hành lại thông tin từ website này.",
    ]

    /// The site's footer under the article (its copyright, publisher, licence, address, the
    /// request to name it) is none of the article's, though some of its lines are sentences;
    /// a name alone above it is the byline. The same read lazily from a large page.
    func testTheSitesFooterIsNotTheArticles() throws {
        let ends = [["", "Võ Hải", ""] + Self.footer,
                    ["Võ Hải", "Bản quyền © 2021 Cổng thông tin điện tử tỉnh Lai Châu"],
                    ["Võ Hải", "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH LAI CHÂU", "Địa chỉ: Tầng 5, Khu hành chính tỉnh.", "Copyright © 2026. All rights reserved."],
                    Self.backLinkAndTags + Self.footer + ["Lên đầu trang"],
                    // The links to the site's own pages, a line each as a copy of a list gives
                    // them, or a menu on one line, with or without a notice under them.
                    ["Võ Hải", "Giới thiệu", "Liên hệ", "Điều khoản sử dụng", "Chính sách bảo mật", "© 2026 Báo Lai Châu"],
                    ["Võ Hải", "", "Giới thiệu | Liên hệ | Sơ đồ trang | RSS"],
                    ["Võ Hải", "About us", "Contact", "Privacy policy"]]
        for end in ends {
            let text = Self.page(end: end)
            let a = Fixtures.parse(text)
            XCTAssertEqual(a.author, "Võ Hải", end.last!)
            XCTAssertEqual(a.blocks.map(\.kind), [.lead, .paragraph, .paragraph, .paragraph], end.last!)
            XCTAssertEqual(a.blocks.last?.text, Self.paragraphs.last, end.last!)
            assertAccountedFor(text, a)

            let middle = (0..<3000).map { "Đoạn \($0): " + Self.paragraphs[$0 % 3] }
            let bytes = Array(Self.page(end: end, paragraphs: Self.paragraphs + middle).utf8)
            let lazy = try ArticleParser.parse(bytes: bytes)
            XCTAssertNotNil(lazy.body)
            XCTAssertTrue(LargeArticleTests.blocks(lazy) == LargeArticleTests.blocks(try ArticleParser.parse(bytes: bytes, lazyAbove: .max)),
                          "read lazily as whole: \(end.last!)")
            XCTAssertEqual(LargeArticleTests.blocks(lazy).last?.text, middle.last, end.last!)
            XCTAssertEqual(lazy.author, "Võ Hải", end.last!)
        }
        // Under the byline, rating and counters (the seed page's tail), it is no date or source.
        let tail = ["Tác giả: Đinh Lan", "Tổng số điểm của bài viết là: 0 trong 0 đánh giá", "Thống kê truy cập", "Hôm nay : 1.730"]
        let under = Fixtures.parse(Self.page(end: tail + Self.footer))
        XCTAssertEqual(under.author, "Đinh Lan")
        XCTAssertNil(under.source)
        XCTAssertEqual(under.published, "Chủ nhật, 29/11/2026, 10:00 (GMT+7)")
        XCTAssertEqual(under.blocks.last?.text, Self.paragraphs.last)

        // Wherever the head ends before the last sentence, with windows from 32 bytes.
        let text = Self.page(end: ["Võ Hải"] + Self.footer)
        let lastParagraph = text.utf8.distance(from: text.startIndex, to: text.range(of: Self.paragraphs[2])!.lowerBound)
        XCTAssertEqual(try Fixtures.headCutsReadingOtherwise(text, whole: Fixtures.parse(text).blocks)
            .filter { $0 >= 32 && $0 < lastParagraph - 1 }, [])

        // A notice with a sentence under it is the article's own, and so is all that follows.
        let inside = [Self.paragraphs[0], "Bản quyền thuộc về tác giả bức ảnh", Self.paragraphs[1], "Võ Hải"]
        XCTAssertEqual(Fixtures.parse(Self.page(end: [], paragraphs: inside)).blocks.map(\.text).dropFirst().prefix(3),
                       inside.prefix(3))
        for line in ["Bản quyền tác giả là vấn đề được nhiều đại biểu quan tâm.", "Giấy phép sơ bộ được cấp trong tháng 12",
                     "Tổng biên tập Lê Văn An phát biểu", "(c) Lấy ý kiến người dân", "Thiết kế đô thị mới", "Bản quyền",
                     "Địa chỉ: Tầng 5, Khu hành chính tỉnh"] {
            XCTAssertFalse(PageFooter.isFooterLine(folded: TextFolding.fold(line)), line)
        }
        for line in Self.footer where !line.hasPrefix("Địa chỉ") && !line.hasPrefix("Điện thoại") {
            XCTAssertTrue(PageFooter.isFooterLine(folded: TextFolding.fold(line)), line)
        }
        for line in ["© 2026 Báo Lai Châu", "(c) 2026 The Daily", "Tổng biên tập : Lê Văn An", "Thiết kế bởi VNPT Lai Châu",
                     "Bản quyền thuộc về Báo Lai Châu"] {
            XCTAssertTrue(PageFooter.isFooterLine(folded: TextFolding.fold(line)), line)
        }
        // A link to the site's pages alone is a heading in the text, with its section under it;
        // at the end, with nothing but the footer under it, it is the footer's.
        let section = [Self.paragraphs[0], "Giới thiệu", Self.paragraphs[1], "Liên hệ", Self.paragraphs[2], "Võ Hải"]
        let withHeadings = Fixtures.parse(Self.page(end: [], paragraphs: section))
        XCTAssertEqual(withHeadings.blocks.map(\.kind), [.lead, .paragraph, .heading, .paragraph, .heading, .paragraph])
        XCTAssertEqual(withHeadings.author, "Võ Hải")
    }
}
