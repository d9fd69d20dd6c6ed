import XCTest

@testable import DocBaoCore

final class RecentPlacesTests: XCTestCase {
    func testTheNoteReadsBackWhatWasWritten() {
        var note = RecentPlaces()
        note.note(articleID: "thời sự/hội nghị lần 4.txt", position: TextPosition(block: 12, offset: 340))
        note.note(articleID: "b.md", position: TextPosition(block: 0, offset: 7))
        XCTAssertEqual(note.serialized, "0 7 b.md\n12 340 thời sự/hội nghị lần 4.txt\n", "most recent first")
        XCTAssertEqual(RecentPlaces(parsing: note.serialized), note)
    }

    func testEachArticleOpensAtItsOwnPlace() {
        var note = RecentPlaces()
        note.note(articleID: "a.txt", position: TextPosition(block: 3, offset: 9))
        note.note(articleID: "b.txt", position: TextPosition(block: 5, offset: 0))
        XCTAssertEqual(note.position(for: "a.txt"), TextPosition(block: 3, offset: 9))
        XCTAssertEqual(note.position(for: "b.txt"), TextPosition(block: 5, offset: 0))
        XCTAssertNil(note.position(for: "c.txt"))
        XCTAssertNil(RecentPlaces().position(for: "a.txt"))
    }

    func testANewPlaceReplacesTheArticlesOldOneAndComesFirst() {
        var note = RecentPlaces()
        note.note(articleID: "a.txt", position: TextPosition(block: 3, offset: 9))
        note.note(articleID: "b.txt", position: TextPosition(block: 5, offset: 0))
        note.note(articleID: "a.txt", position: TextPosition(block: 8, offset: 2))
        XCTAssertEqual(note.places.map(\.articleID), ["a.txt", "b.txt"])
        XCTAssertEqual(note.position(for: "a.txt"), TextPosition(block: 8, offset: 2))
    }

    func testTheOldestArticleGoesPastTheCapacity() {
        var note = RecentPlaces()
        for i in 0...RecentPlaces.capacity {
            note.note(articleID: "\(i).txt", position: TextPosition(block: i, offset: 0))
        }
        XCTAssertEqual(note.places.count, RecentPlaces.capacity)
        XCTAssertNil(note.position(for: "0.txt"), "the oldest")
        XCTAssertEqual(note.position(for: "1.txt"), TextPosition(block: 1, offset: 0))
        XCTAssertEqual(note.places.first?.articleID, "\(RecentPlaces.capacity).txt")
        // A longer file (written by hand, say) is read up to the capacity.
        let long = (0..<(RecentPlaces.capacity + 20)).map { "\($0) 0 \($0).txt\n" }.joined()
        XCTAssertEqual(RecentPlaces(parsing: long).places.count, RecentPlaces.capacity)
    }

    func testADamagedLineCostsOnlyItsOwnPlace() {
        let damaged = ["", "12 340", "12 340 ", "x 340 a.txt", "12 -1 a.txt", "-3 0 a.txt", "12  340 a.txt"]
        for line in damaged {
            let note = RecentPlaces(parsing: line + "\n4 2 good.txt\n")
            XCTAssertEqual(note.places.map(\.articleID), ["good.txt"], line)
        }
        XCTAssertEqual(RecentPlaces(parsing: "4 2 a.txt\n9 9 a.txt\n").position(for: "a.txt"),
                       TextPosition(block: 4, offset: 2), "the first (most recent) line of an article counts")
    }

    func testAnIDOneLineCannotHoldIsNotNoted() {
        var note = RecentPlaces()
        note.note(articleID: "a\nb", position: .start)
        note.note(articleID: "", position: .start)
        XCTAssertTrue(note.places.isEmpty)
        XCTAssertEqual(note.serialized, "")
    }
}
