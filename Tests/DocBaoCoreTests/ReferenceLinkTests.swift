import XCTest

@testable import DocBaoCore

/// Markdown's reference links: `[text][label]`, `[label][]` and `[label]` take the address a
/// `[label]: address` line gives, wherever it stands; the definition lines are not shown.
final class ReferenceLinkTests: XCTestCase {

    func testTheThreeFormsTakeTheirAddressFromADefinitionBelow() {
        let a = Fixtures.markdown([
            "Xem [báo cáo][bc], [Cổng thông tin][] và [laichau] để biết thêm.",
            "",
            "[bc]: https://example.invalid/bao-cao.pdf \"Báo cáo quý II\"",
            "[cổng   THÔNG tin]: <https://laichau.gov.vn>",
            "[LaiChau]: https://laichau.gov.vn/tin-tuc",
        ])
        let text = "Xem báo cáo (https://example.invalid/bao-cao.pdf), Cổng thông tin (https://laichau.gov.vn)"
            + " và laichau (https://laichau.gov.vn/tin-tuc) để biết thêm."
        XCTAssertEqual(a.blocks.map(\.text), [text])
        let underlined = a.blocks[0].spans.filter { $0.style == .link }.map { text.utf8Slice($0.range.lowerBound, $0.range.upperBound) }
        XCTAssertEqual(underlined, ["báo cáo", "Cổng thông tin", "laichau"])
        XCTAssertEqual(a.removed.count, 3, "the definitions are listed as removed")
    }

    func testUndefinedLabelsAndNearMissesStayText() {
        let a = Fixtures.markdown([
            "Một [chỗ trống] và [văn bản][không có] và [x] [] ở đây.",
            "",
            "[x]: https://a.invalid thêm chữ",
            "",
            "[y]:",
            "",
            "[Ảnh: Không phải định nghĩa]",
        ])
        XCTAssertEqual(a.blocks.map(\.text), [
            "Một [chỗ trống] và [văn bản][không có] và [x] [] ở đây.",
            "[x]: https://a.invalid thêm chữ",  // words after the address: prose, not a definition
            "[y]:",
            "Không phải định nghĩa",
        ])
        XCTAssertTrue(a.removed.isEmpty)
    }

    func testTheFirstDefinitionCountsAndStandsAlone() {
        let a = Fixtures.markdown([
            "Đọc [nguồn] rồi",
            "dòng tiếp của đoạn",
            "[nguồn]: https://mot.invalid",
            "còn đây là đoạn sau.",
            "",
            "[NGUỒN]: https://hai.invalid",
        ])
        XCTAssertEqual(a.blocks.map(\.text), ["Đọc nguồn (https://mot.invalid) rồi dòng tiếp của đoạn", "còn đây là đoạn sau."])
    }

    func testImagesByLabelAndCaptions() {
        let a = Fixtures.markdown([
            "Mở đầu có ![ảnh nhỏ][a] ở giữa.",
            "",
            "![Quang cảnh hội nghị][a]",
            "",
            "[a]: /anh/hoi-nghi.jpg",
        ])
        XCTAssertEqual(a.blocks, [Block(.lead, "Mở đầu có ảnh nhỏ ở giữa."), Block(.caption, "Quang cảnh hội nghị")])
    }

    func testCodeIsNotADefinitionNorALink() {
        let a = Fixtures.markdown(["Dùng `[a]` và [a].", "", "```", "[a]: https://trong-ma.invalid", "```", "", "[a]: https://that.invalid"])
        XCTAssertEqual(a.blocks.map(\.text), ["Dùng `[a]` và a (https://that.invalid).", "[a]: https://trong-ma.invalid"])
    }

    func testDefinitionLines() {
        XCTAssertEqual(LinkDefinitions.definition("[a]: http://x").map { String(decoding: $0.address, as: UTF8.self) }, "http://x")
        XCTAssertEqual(LinkDefinitions.definition("[a]: <> 'rỗng'").map(\.address), [])
        XCTAssertEqual(LinkDefinitions.definition("[a b]:http://x (tiêu đề)")?.label, "a b")
        for notOne in ["[a]: http://x \"không đóng", "[]: http://x", "[ ]: http://x", "[a[b]]: http://x",
                       "[a] : http://x", "[a]:", "a]: http://x"] {
            XCTAssertNil(LinkDefinitions.definition(notOne), notOne)
        }
    }
}
