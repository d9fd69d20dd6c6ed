import Foundation
import XCTest

@testable import DocBaoCore

/// A web page's HTML (`curl -o page.html`, a browser's "save page") is read as the text a
/// browser shows of it, which is then read as any copied page (`HTMLPageText`).
final class HTMLPageTests: XCTestCase {
    func text(_ html: String) -> String {
        let page = Array(html.utf8).withUnsafeBufferPointer(HTMLPageText.text).text
        return withExtendedLifetime(page) { String(decoding: page.buffer, as: UTF8.self) }
    }

    /// The seed page and a national portal's page as HTML read as their copies do, and so
    /// does the portal's page as a site serves it: a head of scripts and styles, scripts in
    /// the body that write markup, hidden menus, a search form, a template, SVG icons, video,
    /// comments, attributes over several lines, references for letters, CRLF line ends.
    func testPagesAsHTMLReadAsTheirCopies() throws {
        for (html, copy) in [("laichau-hoi-nghi-lan-thu-4.html", "laichau-hoi-nghi-lan-thu-4.txt"),
                             ("portal-de-an-giao-thong.html", "portal-de-an-giao-thong.txt"),
                             ("portal-de-an-giao-thong.served.html", "portal-de-an-giao-thong.txt")]
        {
            let page = try ArticleParser.parse(bytes: Fixtures.bytes(html))
            let copied = try ArticleParser.parse(bytes: Fixtures.bytes(copy))
            Fixtures.assertReadsAs(page, copied, html)
            XCTAssertTrue(page.isHTMLPage, html)
            XCTAssertEqual(page.warnings, [TextDecoder.htmlWarning], html)
            XCTAssertFalse(copied.isHTMLPage, copy)
        }
        let servedPage = try ArticleParser.parse(bytes: Fixtures.bytes("portal-de-an-giao-thong.served.html"))
        XCTAssertEqual(servedPage.url, "https://portal.example/thoi-su/ha-noi-de-an-giao-thong.html?from=rss&id=12", "its canonical link")
        let served = servedPage.json.rendered()
        for unshown in ["Quảng cáo", "Facebook SDK", "JavaScript", "Tìm kiếm", "Mục lục ẩn", "Tất cả", "Bình luận mẫu",
                        "Đoạn trong chú thích", "Video", "video", "gtag", "headline", "font-family", "Báo điện tử"]
        {
            XCTAssertFalse(served.contains(unshown), unshown)
        }
    }

    /// A page's footer (the site's name, its publisher, licence, address and copyright) is
    /// furniture, and the name right-aligned over it is the byline.
    func testAPagesFooterIsNotItsArticle() throws {
        let paragraphs = PortalPageTests.paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
        let html = """
            <!DOCTYPE html><html><head><title>Cổng thông tin</title></head><body>
            <h1>Hà Nội thông qua đề án giảm ùn tắc giao thông</h1>
            \(paragraphs)
            <p style="text-align: right"><strong>Võ Hải</strong></p>
            <footer><div class="name">CỔNG THÔNG TIN ĐIỆN TỬ THÀNH PHỐ</div>
            <p>Cơ quan chủ quản: UBND thành phố<br>Chịu trách nhiệm chính: Chánh Văn phòng</p>
            <p>Giấy phép số 25/GP-TTĐT do Bộ Thông tin và Truyền thông cấp ngày 02/3/2020.</p>
            <p>Địa chỉ: 79 Đinh Tiên Hoàng, Hoàn Kiếm.<br>Điện thoại: 024 3825 1111</p>
            <p>© 2026 Cổng thông tin điện tử thành phố. Ghi rõ nguồn khi phát hành lại thông tin từ cổng này.</p>
            </footer></body></html>
            """
        let page = try ArticleParser.parse(bytes: Array(html.utf8))
        XCTAssertEqual(page.author, "Võ Hải")
        XCTAssertEqual(page.blocks.map(\.text), PortalPageTests.paragraphs)
        XCTAssertEqual(page.removed.first, "CỔNG THÔNG TIN ĐIỆN TỬ THÀNH PHỐ")
        XCTAssertEqual(page.removed.count, 7)
    }

    /// The reader opens a page's HTML as it opens its copy: with nothing to say about it.
    func testTheReaderOpensAPageQuietly() throws {
        var reader = ReaderState(size: TermSize(width: 80, height: 24))
        let page = try ArticleParser.parse(bytes: Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.html"))
        reader.update(.opened(OpenedArticle(entry: LibraryEntry(id: "trang.html", path: "", category: "", title: "trang"), article: page)))
        XCTAssertNil(reader.message)
        XCTAssertEqual(reader.document?.article.title, try Fixtures.seed.title)
    }

    /// The seed page as HTML parses as the shared expected JSON says, read whole or lazily
    /// (a page of HTML above the lazy reader's threshold is read as text first).
    func testTheSeedAsHTMLReadWholeOrLazily() throws {
        let html = try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.html")
        let whole = try ArticleParser.parse(bytes: html)
        XCTAssertEqual(try Fixtures.jsonBlocks(whole), try Fixtures.jsonBlocks(Fixtures.seed))
        let lazy = try ArticleParser.parse(file: FileBytes(html), lazyAbove: 1024, window: 2048)
        XCTAssertEqual(lazy.warnings, [TextDecoder.htmlWarning])
        Fixtures.assertReadsAs(lazy, whole, "lazily")
    }

    /// Blocks start lines, paragraphs and headings are set off by blank lines, blanks collapse,
    /// `<br>` breaks a line, lists get bullets, numbers and indents, a row's cells tabs, and
    /// preformatted text keeps its lines and spaces.
    func testTheShapeOfTheText() {
        XCTAssertEqual(text("<!doctype html><h1>Tiêu  đề</h1><p>Một\n   đoạn <b>đậm</b>,<i> nghiêng</i>.</p><div>Dòng</div><div>Dòng 2</div>"),
                       "Tiêu đề\n\nMột đoạn đậm, nghiêng.\n\nDòng\nDòng 2\n")
        XCTAssertEqual(text("<html><p>Một<br>hai<br/>\n ba</p><p><span>x</span><span>y</span> <a href=\"/\">z</a></p>"),
                       "Một\nhai\nba\n\nxy z\n")
        XCTAssertEqual(text("<html><ul><li>Một<li>Hai<ul><li>Hai một</li></ul></li></ul><ol start=\"3\"><li>Ba</li><li>Bốn</li></ol>"),
                       "• Một\n• Hai\n  • Hai một\n3. Ba\n4. Bốn\n")
        XCTAssertEqual(text("<html><table><tr><th>Năm</th><th>Số</th></tr><tr><td>2021</td><td>4.635.535</td></tr></table>"),
                       "Năm\tSố\n2021\t4.635.535\n")
        // A page laid out in a table: the menu column's lines do not run into the article's.
        XCTAssertEqual(text("<html><table><tr><td>Danh mục<br>Văn bản</td><td><b>Tiêu đề</b><p>Đoạn.</p></td><td>Quảng cáo</td></tr></table>"),
                       "Danh mục\nVăn bản\nTiêu đề\n\nĐoạn.\n\nQuảng cáo\n")
        XCTAssertEqual(text("<html><p>Trước</p><table><tr><td>a</td><td>b</td></tr></table>"), "Trước\n\na\tb\n")
        XCTAssertEqual(text("<html><p>Trước</p><pre>\n  a  b\n\n  c</pre><p>Sau</p>"), "Trước\n\n  a  b\n\n  c\n\nSau\n")
        XCTAssertEqual(text("<html><li>Không danh sách</li><li></li><p>Đoạn</p>"), "• Không danh sách\n\nĐoạn\n")
        XCTAssertEqual(text("<html>" + String(repeating: "<ul>", count: 20) + "<li>Sâu"), String(repeating: " ", count: 16) + "• Sâu\n")
    }

    /// What a browser does not show is left out; markup inside scripts, styles, comments and
    /// quoted attributes is not read as markup.
    func testWhatABrowserDoesNotShowIsLeftOut() {
        XCTAssertEqual(text("""
            <!DOCTYPE html><html><head><title>Tiêu đề thẻ</title><meta charset="utf-8">
            <style>p::before { content: "<p>x</p>" }</style><script>if (a < b) document.write("<p>Quảng cáo</p>")</script></head>
            <body><!-- <p>chú thích</p> --><p title="a > b"
               class='x'>Chữ</p><div hidden><p>ẩn</p><div>ẩn nữa</div></div><div style="color: red; DISPLAY: none">ẩn</div>
            <template><p>mẫu</p></template><svg><text>hình</text></svg><select><option>Chọn</option></select>
            <noscript>Bật JavaScript</noscript><textarea><p>ô chữ</p></textarea><iframe src="x">khung</iframe>
            <video><p>phim</p></video><img src="a.jpg" alt="ảnh"><input value="ô"><button>Gửi</button><p>Hết</p></body></html>
            """), "Chữ\n\nGửi\n\nHết\n")
        // A hidden element left open hides nothing; an element hidden inside one of its own name ends at its own end.
        XCTAssertEqual(text("<html><p hidden>Mở<p>Đoạn"), "Mở\n\nĐoạn\n")
        XCTAssertEqual(text("<html><div hidden><div>a</div><div>b</div></div><div>Hiện</div>"), "Hiện\n")
        XCTAssertEqual(text("<html><a-custom-element-name hidden>Tên dài</a-custom-element-name><!x><p>Hiện"), "Tên dài\n\nHiện\n",
                       "a name too long to look for hides nothing")
        // A script never closed hides the rest, as in a browser; an unclosed comment too.
        XCTAssertEqual(text("<html><p>Đầu</p><script>var a = 1;<p>x</p>"), "Đầu\n")
        XCTAssertEqual(text("<html><p>Đầu</p><!-- <p>x</p>"), "Đầu\n")
        XCTAssertEqual(text("<html><p>Đầu</p><p>Cuối</p><div class=\"x"), "Đầu\n\nCuối\n")
    }

    /// A page in one of the older Vietnamese codes is read in it, and a page that writes its
    /// letters as references (`Th&#7889;ng k&ecirc;`), all ASCII, is not taken for VIQR.
    func testPagesInOlderCodesAndInReferences() throws {
        func page(_ lines: [[UInt8]]) -> [UInt8] {
            Array("<!DOCTYPE html>\n<html><body>\n".utf8)
                + lines.flatMap { $0.isEmpty ? Array("<p></p>\n".utf8) : Array("<div>".utf8) + $0 + Array("</div>\n".utf8) }
                + Array("</body></html>\n".utf8)
        }
        func lines(_ bytes: [UInt8]) -> [[UInt8]] { bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init) }
        let seed = try Fixtures.seed
        let older = try ArticleParser.parse(bytes: page(lines(Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.windows-1258.txt"))))
        XCTAssertEqual(older.warnings, [TextDecoder.windows1258Warning, TextDecoder.htmlWarning])
        let referenced = try ArticleParser.parse(bytes: page(lines(Fixtures.seedBytes).map { line in
            String(decoding: line, as: UTF8.self).unicodeScalars.flatMap { $0.isASCII ? [UInt8($0.value)] : Array("&#\($0.value);".utf8) }
        }))
        XCTAssertEqual(referenced.warnings, [TextDecoder.htmlWarning])
        // A code named with `--encoding` (TCVN3 has no curly quotes: its copy of the seed has straight ones).
        let tcvn3 = try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.tcvn3.txt")
        let named = try ArticleParser.parse(bytes: page(lines(tcvn3)), encoding: .tcvn3)
        XCTAssertEqual(named.warnings, [TextEncoding.tcvn3.namedWarning, TextDecoder.htmlWarning])
        Fixtures.assertReadsAs(older, seed, "windows-1258")
        Fixtures.assertReadsAs(referenced, seed, "references")
        Fixtures.assertReadsAs(named, try ArticleParser.parse(bytes: tcvn3, encoding: .tcvn3), "tcvn3")
    }

    /// A page saved in UTF-16 (with or without a byte order mark, in either order) is told as a
    /// page and read as its UTF-8 copy is.
    func testAPageInUTF16ReadsAsItsUTF8Copy() throws {
        let html = try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.html")
        let units = String(decoding: html, as: UTF8.self).utf16
        let expected = try ArticleParser.parse(bytes: html)
        XCTAssertTrue(expected.isHTMLPage)
        let le: [UInt8] = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let pages: [(String, [UInt8])] = [("LE with a mark", [0xFF, 0xFE] + le), ("BE with a mark", [0xFE, 0xFF] + be), ("LE", le)]
        for (name, bytes) in pages {
            XCTAssertEqual(try ArticleParser.parse(bytes: bytes), expected, name)
            let lazily = try ArticleParser.parse(file: FileBytes(bytes), lazyAbove: 4096, window: 8192)
            XCTAssertEqual(lazily.blocks, try ArticleParser.parse(file: FileBytes(html), lazyAbove: 4096, window: 8192).blocks, name)
        }
    }

    /// The code a page names in its `<meta charset>` is read where its bytes are not UTF-8,
    /// instead of a guess: a page in TCVN3 whose only letters beyond ASCII are in one short
    /// word, which no guess would read as TCVN3. Bytes that are UTF-8 stay UTF-8 whatever the
    /// element says (a page saved again in UTF-8 keeps it), and a `--encoding` outranks it.
    func testAPageIsReadInTheCodeItsMetaCharsetNames() throws {
        func page(charset: String, title: [UInt8]) -> [UInt8] {
            Array("<!DOCTYPE html>\n<html><head>\n\(charset)\n<title>".utf8) + title
                + Array("</title></head><body>\n<h1>".utf8) + title
                + Array("</h1>\n<p>Hue, the old capital, on a spring morning.</p>\n</body></html>\n".utf8)
        }
        let huế = try DecodingTests.eightBit("Huế", TCVN3.scalar)
        for charset in ["<meta charset=\"TCVN3\">", "<META charset=tcvn3 />",
                        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=x-viet-tcvn5712\">"] {
            let article = try ArticleParser.parse(bytes: page(charset: charset, title: huế))
            XCTAssertEqual(article.title, "Huế", charset)
            XCTAssertEqual(article.warnings, ["read as tcvn3, the code the page's markup names", TextDecoder.htmlWarning], charset)
            XCTAssertNil(article.guessedEncoding, "the page said so: the status line has nothing to add")
        }
        let guessed = try ArticleParser.parse(bytes: page(charset: "<meta charset=\"utf-8\">", title: huế))
        XCTAssertNotEqual(guessed.title, "Huế", "without the element it is too short to guess")
        let utf8 = try ArticleParser.parse(bytes: page(charset: "<meta charset=\"windows-1258\">", title: Array("Huế".utf8)))
        XCTAssertEqual(utf8.title, "Huế")
        XCTAssertEqual(utf8.warnings, [TextDecoder.htmlWarning])
        // UTF-8 with one bad byte is not read in the code the element names, which would
        // turn every letter of it into two.
        let damaged = page(charset: "<meta charset=\"windows-1258\">", title: Array("Huế, Hà Nội và Đà Nẵng".utf8) + [0xFF])
        let kept = try ArticleParser.parse(bytes: damaged)
        XCTAssertEqual(kept.title, "Huế, Hà Nội và Đà Nẵng\u{FFFD}")
        XCTAssertTrue(kept.hasInvalidUTF8)
        // VISCII, whose letters make some valid UTF-8 sequences by chance: the seed page.
        let viscii = try Fixtures.bytes("laichau-hoi-nghi-lan-thu-4.viscii.txt")
        let visciiPage = Array("<!DOCTYPE html>\n<html><head><meta charset=\"VISCII\"></head><body>\n".utf8)
            + viscii.split(separator: 0x0A, omittingEmptySubsequences: false).flatMap { Array("<div>".utf8) + $0 + Array("</div>\n".utf8) }
        let declaredVISCII = try ArticleParser.parse(bytes: visciiPage)
        XCTAssertEqual(declaredVISCII.warnings, ["read as viscii, the code the page's markup names", TextDecoder.htmlWarning])
        XCTAssertEqual(declaredVISCII.title, try ArticleParser.parse(bytes: viscii).title)
        let named = try ArticleParser.parse(bytes: page(charset: "<meta charset=\"windows-1258\">", title: huế), encoding: .tcvn3)
        XCTAssertEqual(named.title, "Huế")
        XCTAssertEqual(named.warnings, [TextEncoding.tcvn3.namedWarning, TextDecoder.htmlWarning])

        func declared(_ head: String) -> TextEncoding? { Array(head.utf8).withUnsafeBufferPointer(HTMLPage.declaredEncoding) }
        XCTAssertEqual(declared("<meta charset='ISO-8859-1'>"), .windows1252)
        XCTAssertEqual(declared("<meta name=\"x\"><meta charset = \"windows-1258\">"), .windows1258)
        XCTAssertEqual(declared("<meta http-equiv=content-type content=\"text/html;charset=VISCII\">"), .viscii)
        XCTAssertEqual(declared("<?xml version=\"1.0\" encoding=\"windows-1258\"?>\n<!DOCTYPE html><html>"), .windows1258)
        XCTAssertNil(declared("<meta charset=\"utf-8\">"))
        XCTAssertNil(declared("<meta charset=\"koi8-r\">"))
        XCTAssertNil(declared("<p>charset=windows-1258</p>"), "only a <meta> element says it")
        XCTAssertNil(declared(String(repeating: " ", count: 16 * 1024) + "<meta charset=\"windows-1258\">"), "past the head")
    }

    /// The library lists pages saved from the web, by the title of their article.
    func testTheLibraryListsSavedPages() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("web"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for (name, fixture) in [("web/de-an.html", "portal-de-an-giao-thong.served.html"), ("web/hoi-nghi.HTM", "laichau-hoi-nghi-lan-thu-4.html"),
                                ("web/style.css", "laichau-hoi-nghi-lan-thu-4.html")]
        {
            try Data(Fixtures.bytes(fixture)).write(to: root.appendingPathComponent(name))
        }
        let entries = ContentLibrary.scan(root: root.path)
        XCTAssertEqual(Set(entries.map(\.title)), ["Hà Nội thông qua đề án giảm ùn tắc giao thông giai đoạn mới", try Fixtures.seed.title!])
    }

    /// The address a page gives as its own becomes the article's link (the share line, `y`):
    /// its canonical link, else its `og:url`; only an `http(s)` address of printable ASCII.
    func testThePagesOwnAddress() throws {
        func address(_ head: String) -> String? {
            Array("<!doctype html><html><head>\(head)</head><body><p>Chữ</p>".utf8).withUnsafeBufferPointer(HTMLPageText.text).address
        }
        XCTAssertEqual(address("<meta property=\"og:url\" content=\"https://a.vn/b\">"), "https://a.vn/b")
        XCTAssertEqual(address("<meta name=\"og:url\" content=\"https://a.vn/b\"><LINK REL=Canonical HREF=http://a.vn/c>"), "http://a.vn/c")
        for head in ["<link rel=\"canonical\" href=\"javascript:alert(1)\">", "<link rel=\"canonical\" href=\"/tin/b\">",
                     "<link rel=\"canonical\" href=\"https://a.vn/\u{1B}[2J\">", "<link rel=\"canonical\" href=\"https://a.vn/b c\">",
                     "<link rel=\"stylesheet\" href=\"https://a.vn/s.css\">", "<meta property=\"og:image\" content=\"https://a.vn/i.jpg\">",
                     "<link rel=\"canonical\" href=\"https://a.vn/Hà-Nội\">", ""]
        {
            XCTAssertNil(address(head), head)
        }
        // A reference to a control character stays as written, as everywhere: no escape comes of it.
        XCTAssertEqual(address("<link rel=\"canonical\" href=\"https://a.vn/&#27;[2J\">"), "https://a.vn/&#27;[2J")
        let blocks = ArticleBlocks.make(try ArticleParser.parse(bytes: Fixtures.bytes("portal-de-an-giao-thong.served.html")),
                                        strings: Strings(.vi), rating: nil)
        XCTAssertEqual(blocks[blocks.count - 1]?.text, "Chia sẻ: https://portal.example/thoi-su/ha-noi-de-an-giao-thong.html?from=rss&id=12")
    }

    /// Markup built to make a naive reader slow is read in one pass or little more: elements
    /// left open that would hide what follows, unclosed comments, quotes, scripts and tags.
    func testAdversarialMarkupIsReadInOnePass() {
        for unit in ["<p hidden>a", "<div hidden><div>a", "<svg>a", "<select><!--", "<span style=display:none>&amp;", "<li>",
                     "<ol start=9><li>", "<table><tr><td>a", "<pre>", "<!--", "<script>", "<a title=\"", "</", "<!", "<?", "<x ", "&#"] {
            let page = "<html>" + String(repeating: unit, count: 400_000 / unit.utf8.count)
            let out = text(page)
            XCTAssertLessThanOrEqual(out.utf8.count, page.utf8.count * 6 + 16, unit)
        }
        // The elements left open hide nothing: every `a` is there.
        XCTAssertEqual(text("<html>" + String(repeating: "<p hidden>a", count: 50_000)).filter { $0 == "a" }.count, 50_000)
    }

    /// References are read once: an escaped tag is text, shown as written, never markup; a
    /// reference that names a control character stays as written.
    func testReferencesAreReadOnce() throws {
        XCTAssertEqual(text("<html><p>Th&#7889;ng k&ecirc; &amp; &lt;b&gt;đậm&lt;/b&gt; a&nbsp;b 1 &lt; 2 &#27;[31m</p>"),
                       "Thống kê & <b>đậm</b> a\u{A0}b 1 < 2 &#27;[31m\n")
        XCTAssertEqual(text("<html><p>a < b <3 </> </p>"), "a < b <3\n")
        let article = ArticleParser.parse(text: "")
        XCTAssertTrue(article.blocks.isEmpty)
        let escaped = try ArticleParser.parse(bytes: Array("<!doctype html><h1>Tiêu đề bài</h1><p>&lt;html&gt; và &#x1B;[2J là chữ.</p>".utf8))
        XCTAssertEqual(escaped.title, "Tiêu đề bài")
        XCTAssertEqual(escaped.blocks.map(\.text), ["<html> và &#x1B;[2J là chữ."])
    }
}
