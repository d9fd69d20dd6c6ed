import XCTest

@testable import DocBaoCore

/// The YAML or TOML metadata that opens a Markdown file written for a static site generator.
final class FrontMatterTests: XCTestCase {

    func testYAMLFillsTheFieldsAndListsTheRestAsRemoved() {
        let a = Fixtures.parse("""
        ---
        title: "Người dân về dự lễ hội \\"Đền Hùng\\""
        author: 'Trần Minh Anh'
        date: 2024-04-18
        layout: post
        tags: [lễ hội, Phú Thọ]
        ---

        Sáng nay, hàng vạn người dân đã đổ về khu di tích.

        ## Giữ gìn nét đẹp
        """)
        XCTAssertEqual(a.title, "Người dân về dự lễ hội \"Đền Hùng\"")
        XCTAssertEqual(a.author, "Trần Minh Anh")
        XCTAssertEqual(a.published, "2024-04-18")
        XCTAssertEqual(a.blocks, [Block(.lead, "Sáng nay, hàng vạn người dân đã đổ về khu di tích."), Block(.heading, "Giữ gìn nét đẹp")])
        XCTAssertEqual(a.removed, ["layout: post", "tags: [lễ hội, Phú Thọ]"])
        XCTAssertEqual(a.warnings, [])
    }

    func testListsFoldedValuesAndTOML() {
        let yaml = Fixtures.parse("""
        ---
        title: >-
          Chợ phiên vùng cao
          rộn ràng ngày cuối tuần
        authors:
          - Lê Hoa
          - "Trần B"
        categories:
          - đời sống
        ...
        Mỗi sáng Chủ nhật, chợ phiên lại đông vui.
        """)
        XCTAssertEqual(yaml.title, "Chợ phiên vùng cao rộn ràng ngày cuối tuần")
        XCTAssertEqual(yaml.author, "Lê Hoa, Trần B")
        XCTAssertEqual(yaml.removed, ["categories:", "- đời sống"])
        XCTAssertEqual(yaml.blocks, [Block(.lead, "Mỗi sáng Chủ nhật, chợ phiên lại đông vui.")])

        let toml = Fixtures.parse("""
        +++
        title = "Trạm sạc xe điện"
        authors = ["Lê Hoa", 'Trần B']
        date = 2024-05-02T08:00:00+07:00
        [params]
        draft = false
        +++

        Đoạn đầu.
        """)
        XCTAssertEqual(toml.title, "Trạm sạc xe điện")
        XCTAssertEqual(toml.author, "Lê Hoa, Trần B")
        XCTAssertEqual(toml.published, "2024-05-02T08:00:00+07:00")
        XCTAssertEqual(toml.removed, ["[params]", "draft = false"])
    }

    /// A file that opens with a thematic break keeps its text: prose inside two `---` lines,
    /// or a `---` never closed, is no front matter.
    func testProseBetweenTwoRulesIsNoFrontMatter() {
        let a = Fixtures.parse("# Bài\n\n---\nĐây là đoạn văn: không phải siêu dữ liệu.\n---\n\nĐoạn.")
        XCTAssertEqual(a.title, "Bài")
        XCTAssertEqual(a.blocks.map(\.text), ["* * *", "Đây là đoạn văn: không phải siêu dữ liệu.", "Đoạn."])
        let opened = ArticleParser.parse(text: "---\ntitle: Chưa đóng\n\nĐoạn.", markdown: true)
        XCTAssertNil(opened.title)
        XCTAssertEqual(opened.blocks.first, Block(.sectionBreak, "* * *"))
        // A URL is no key: `http:` has no space after its colon.
        XCTAssertFalse(FrontMatter.looksLikeMetadata("http://laichau.gov.vn", indent: 0))
    }

    func testItMakesAPlainTextFileAuthoredAndItsTitleIsNotRepeated() {
        let text = "---\ntitle: Hội nghị lần thứ 4\n---\n\n# Hội nghị lần thứ 4\n\nHôm nay, Ban Chấp hành họp.\n\n## Kết luận\n"
        XCTAssertTrue(AuthoredParser.recognises(text))
        let a = Fixtures.parse(text)
        XCTAssertEqual(a.title, "Hội nghị lần thứ 4")
        XCTAssertEqual(a.blocks, [Block(.lead, "Hôm nay, Ban Chấp hành họp."), Block(.heading, "Kết luận")])
        XCTAssertEqual(a.removed, ["Hội nghị lần thứ 4"])
    }

    /// In a large file the head holds the whole front matter, however small its window.
    func testALargeFilesHeadHoldsItWhole() throws {
        let matter = ["---", "title: Bài dài", "author: Nhóm", "tags:"] + (1...40).map { "  - thẻ \($0)" } + ["---", ""]
        let body = (1...60).map { "Đoạn số \($0) của bài viết dài." }.joined(separator: "\n\n")
        let text = (matter + [body]).joined(separator: "\n")
        let bytes = FileBytes(Array(text.utf8))
        let crlf = FileBytes(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        withExtendedLifetime(crlf) {  // the buffer is the file's storage
            XCTAssertNotNil(FrontMatter.end(crlf.buffer, from: 0), "found in raw bytes with CRLF line ends")
        }
        let whole = try ArticleParser.parse(file: bytes, lazyAbove: .max, window: 0)
        XCTAssertEqual(whole.title, "Bài dài")
        // The lead, the first paragraph, is told in the head only.
        func unled(_ blocks: [Block]) -> [Block] { blocks.map { $0.kind == .lead ? Block(.paragraph, $0.text) : $0 } }
        for window in [1, 40, 200, 400] {
            let lazy = try ArticleParser.parse(file: bytes, lazyAbove: 10, window: window)
            XCTAssertNotNil(lazy.body, "window \(window)")
            XCTAssertEqual(lazy.title, "Bài dài", "window \(window)")
            XCTAssertEqual(lazy.author, "Nhóm", "window \(window)")
            XCTAssertEqual(unled(LargeArticleTests.blocks(lazy)), unled(whole.blocks), "window \(window)")
        }
    }
}
