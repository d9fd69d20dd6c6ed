@testable import DocBaoCore
import XCTest

final class WordTableTests: XCTestCase {
    /// Words keep the number of their first insertion, through the table's growth.
    func testNumbersWordsInInsertionOrderAndFindsThemAfterGrowing() {
        var table = WordTable(capacity: 2)
        let words = (0..<300).map { "w\($0)" }
        for (i, word) in words.enumerated() {
            XCTAssertEqual(table.insert(Substring(word)), i)
        }
        XCTAssertEqual(table.insert("w7"), 7, "a second insertion keeps the first number")
        XCTAssertEqual(table.count, 300)
        for (i, word) in words.enumerated() {
            XCTAssertEqual(table.number(of: Substring(word)), i, word)
        }
        XCTAssertNil(table.number(of: "w300"))
        XCTAssertNil(table.number(of: ""))
    }

    /// A word is found by its bytes, also from inside a longer string.
    func testMatchesBytesOfSubstrings() {
        var table = WordTable(capacity: 4)
        table.insert("chia")
        table.insert("se")
        let line = "nút chia se bài"
        let words = line.split(separator: " ")
        XCTAssertEqual(table.number(of: words[1]), 0)
        XCTAssertEqual(table.number(of: words[2]), 1)
        XCTAssertNil(table.number(of: words[0]))
        XCTAssertNil(table.number(of: "chi"))
        XCTAssertNil(table.number(of: "chias"))
    }
}
