import XCTest

@testable import DocBaoCore

final class LastPlaceTests: XCTestCase {
    func testTheNoteReadsBackWhatWasWritten() {
        let place = LastPlace(articleID: "thời sự/hội nghị lần 4.txt", position: TextPosition(block: 12, offset: 340))
        XCTAssertEqual(place.serialized, "12 340 thời sự/hội nghị lần 4.txt\n")
        XCTAssertEqual(LastPlace(parsing: place.serialized!), place)
    }

    func testAnythingElseIsNoNote() {
        for text in ["", "\n", "12 340", "12 340 ", "x 340 a.txt", "12 -1 a.txt", "-3 0 a.txt", "12  340 a.txt"] {
            XCTAssertNil(LastPlace(parsing: text), text)
        }
        XCTAssertNil(LastPlace(articleID: "a\nb", position: .start).serialized, "an id one line cannot hold")
        XCTAssertNil(LastPlace(articleID: "", position: .start).serialized)
    }

    func testOnlyTheArticleTheNoteIsAboutOpensAtItsPlace() {
        let note = LastPlace(articleID: "a.txt", position: TextPosition(block: 3, offset: 9))
        XCTAssertEqual(LastPlace.position(for: "a.txt", in: note), TextPosition(block: 3, offset: 9))
        XCTAssertNil(LastPlace.position(for: "b.txt", in: note))
        XCTAssertNil(LastPlace.position(for: "a.txt", in: nil))
    }
}
