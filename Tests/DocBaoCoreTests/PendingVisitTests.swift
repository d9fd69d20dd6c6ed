import XCTest

@testable import DocBaoCore

/// The lines of the file of visits waiting to be written.
final class PendingVisitTests: XCTestCase {
    func testLinesReadBackWhatWasWritten() {
        let visits = [PendingVisit(articleID: "thời sự/hội nghị lần 4.txt", seconds: 1_764_547_200.25),
                      PendingVisit(articleID: "stdin:ab12", seconds: 0)]
        let text = visits.compactMap(\.line).joined()
        XCTAssertEqual(text, "1764547200.25 thời sự/hội nghị lần 4.txt\n0.0 stdin:ab12\n")
        XCTAssertEqual(PendingVisit.parse(text), visits)
    }

    func testADamagedLineCostsOnlyItsOwnVisit() {
        let good = "12.5 a.txt\n"
        for damaged in ["", "12.5", "12.5 ", "x a.txt", "-1 a.txt", "inf a.txt", "nan a.txt", "12.5 a.t"] {
            // A write cut short leaves a line without its end: the next one still reads.
            let parsed = PendingVisit.parse(damaged + "\n" + good)
            XCTAssertEqual(parsed.last, PendingVisit(articleID: "a.txt", seconds: 12.5), damaged)
            XCTAssertLessThanOrEqual(parsed.count, 2, damaged)
        }
        XCTAssertEqual(PendingVisit.parse("x a.txt\n" + good).count, 1)
    }

    func testAVisitOneLineCannotHoldIsNotWritten() {
        XCTAssertNil(PendingVisit(articleID: "a\nb", seconds: 1).line)
        XCTAssertNil(PendingVisit(articleID: "", seconds: 1).line)
        XCTAssertNil(PendingVisit(articleID: "a", seconds: .infinity).line)
    }
}
