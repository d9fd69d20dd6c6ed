import XCTest

@testable import DocBaoCore

/// Markdown footnotes: `[^label]` refers to a note a `[^label]: text` line defines anywhere;
/// the reference is shown `[label]`, the note stays where it is, as `[label] text`.
final class FootnoteTests: XCTestCase {

    func testReferencesAndNotesAreShownByTheirLabels() {
        let a = Fixtures.markdown([
            "Theo báo cáo[^1], sản lượng tăng[^Ghi-Chú] so với năm trước.",
            "",
            "[^1]: Báo cáo của Sở Nông nghiệp.",
            "[^ghi-chú]: Số liệu sơ bộ,",
            "còn phải đối chiếu.",
        ])
        XCTAssertEqual(a.blocks, [
            Block(.lead, "Theo báo cáo[1], sản lượng tăng[Ghi-Chú] so với năm trước."),
            Block(.item, "[1] Báo cáo của Sở Nông nghiệp."),
            Block(.item, "[ghi-chú] Số liệu sơ bộ, còn phải đối chiếu."),
        ])
    }

    func testANoteMayComeFirstAndStandsAloneUnderProse() {
        let a = Fixtures.markdown([
            "[^a]: Ghi chú viết trước.",
            "",
            "Đoạn văn nhắc tới nó[^a]",
            "[^b]: Ghi chú ngay dưới dòng văn.",
            "",
            "Rồi tới [^b].",
        ])
        XCTAssertEqual(a.blocks.map(\.text), [
            "[a] Ghi chú viết trước.", "Đoạn văn nhắc tới nó[a]", "[b] Ghi chú ngay dưới dòng văn.", "Rồi tới [b].",
        ])
    }

    func testUndefinedLabelsAndNearMissesStayAsWritten() {
        let a = Fixtures.markdown([
            "Không định nghĩa [^x], nhãn có dấu cách [^a b], rỗng [^], quá dài [^\(String(repeating: "d", count: 33))].",
            "",
            "[^a b]: không phải ghi chú",
            "",
            "[^c]:không có dấu cách",
        ])
        XCTAssertEqual(a.blocks.map(\.text), [
            "Không định nghĩa [^x], nhãn có dấu cách [^a b], rỗng [^], quá dài [^\(String(repeating: "d", count: 33))].",
            "[^a b]: không phải ghi chú",
            "[^c]:không có dấu cách",
        ])
        XCTAssertTrue(a.blocks.allSatisfy { $0.kind != .item })
    }

    func testAFootnoteIsNotALinkDefinition() {
        let a = Fixtures.markdown(["Xem[^1] và [^1].", "", "[^1]: https://nguon.invalid"])
        XCTAssertEqual(a.blocks.map(\.text), ["Xem[1] và [1].", "[1] https://nguon.invalid"])
        XCTAssertTrue(a.removed.isEmpty, "a note is shown, not removed")
        XCTAssertNil(LinkDefinitions.definition("[^1]: https://nguon.invalid"))
    }

    func testCodeIsNeitherAReferenceNorANote() {
        let a = Fixtures.markdown(["Mẫu `[^1]` và [^1].", "", "```", "[^1]: trong mã", "```", "", "[^1]: thật"])
        XCTAssertEqual(a.blocks.map(\.text), ["Mẫu `[^1]` và [1].", "[^1]: trong mã", "[1] thật"])
    }

    func testNotesFollowEachOtherAndWrapUnderTheirText() {
        let a = Fixtures.markdown([
            "Văn[^1][^22].",
            "",
            "- một mục",
            "[^1]: Một ghi chú khá dài để phải xuống dòng.",
            "[^22]: Ghi chú hai",
        ])
        XCTAssertEqual(PlainTextDump.render(a, width: 30, sizeLevel: 1, language: .vi), """
        Tiêu đề

        Văn[1][22].

        - một mục

        [1] Một ghi chú khá dài để
            phải xuống dòng.
        [22] Ghi chú hai

        """)
    }

    func testLabels() {
        func label(_ text: String) -> String? {
            var text = text
            return text.withUTF8 { b in Footnotes.label(b, at: 0, end: b.count).map { String(decoding: b[$0], as: UTF8.self) } }
        }
        XCTAssertEqual(label("[^1]"), "1")
        XCTAssertEqual(label("[^ghi-chú] x"), "ghi-chú")
        XCTAssertEqual(label("[^\(String(repeating: "d", count: 32))]")?.utf8.count, 32)
        for notOne in ["[^]", "[^a b]", "[^a", "[1]", "[^a[b]]", "[^a\\]]", "[^\(String(repeating: "d", count: 33))]"] {
            XCTAssertNil(label(notOne), notOne)
        }
        XCTAssertEqual(Footnotes.definedLabel("[^1]: chữ"), "1")
        XCTAssertNil(Footnotes.definedLabel("[^1] chữ"))
        XCTAssertNil(Footnotes.definedLabel("[^1]:"))
    }
}
