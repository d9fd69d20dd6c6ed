import Foundation
import XCTest

/// Size, contrast and their persistence, through the real binary.
final class SizeAndContrastEndToEndTests: XCTestCase {
    static let seed = ReaderEndToEndTests.seed

    func settingsFile(_ t: TmuxSession) -> String { t.home.path + "/.config/docbao/settings.conf" }

    func testSettingsSurviveARestartAndFlagsOverrideForOneRun() throws {
        let t = try TmuxSession(arguments: [Self.seed])
        try t.waitFor("5/9")
        try t.send("+", "+", "+")
        try t.waitFor("8/9")
        try t.send("c")
        try t.waitFor("cao")
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
        let text = try String(contentsOfFile: settingsFile(t), encoding: .utf8)
        XCTAssertTrue(text.contains("size = 8") && text.contains("contrast = high"), text)

        let again = try TmuxSession(arguments: [Self.seed], environment: ["HOME": t.home.path])
        try again.waitFor("8/9")
        try again.send("q")
        try again.waitFor("__EXITED__ 0")

        let flagged = try TmuxSession(arguments: ["--size", "2", Self.seed], environment: ["HOME": t.home.path])
        try flagged.waitFor("2/9")
        try flagged.send("s")  // changes the sidebar only
        try flagged.waitFor("Ẩn thanh thống kê")
        try flagged.send("q")
        try flagged.waitFor("__EXITED__ 0")
        let after = try String(contentsOfFile: settingsFile(t), encoding: .utf8)
        XCTAssertTrue(after.contains("size = 8") && after.contains("sidebar = off"), after)
    }

    func testMalformedSettingsWarnAndAreNotOverwrittenUntilAChange() throws {
        let t = try TmuxSession(arguments: [Self.seed])
        try t.waitFor("5/9")
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
        try FileManager.default.createDirectory(atPath: t.home.path + "/.config/docbao", withIntermediateDirectories: true)
        let garbage = "size = eleven\n%%%\n"
        try garbage.write(toFile: settingsFile(t), atomically: true, encoding: .utf8)
        // The warning speaks the interface's language.
        let again = try TmuxSession(arguments: [Self.seed], environment: ["HOME": t.home.path])
        try again.waitFor("settings.conf: dòng 1: giá trị 'eleven' không dùng được cho size; dòng 2:")
        try again.send("j", "q")
        try again.waitFor("__EXITED__ 0")
        let english = try TmuxSession(arguments: ["--lang", "en", Self.seed], environment: ["HOME": t.home.path])
        try english.waitFor("settings.conf: line 1: bad value 'eleven' for size; line 2: expected key = value")
        try english.send("q")
        try english.waitFor("__EXITED__ 0")
        XCTAssertEqual(try String(contentsOfFile: settingsFile(t), encoding: .utf8), garbage)
    }

    func testContrastKeysChangeTheColours() throws {
        let t = try TmuxSession(arguments: [Self.seed])
        try t.waitFor("thường")
        let normal = try t.screen(escapes: true)
        try t.send("]", "]", "]")
        try t.waitFor("tối đa")
        let maximum = try t.waitUntil(escapes: true) { $0.contains("48;5;16m") || $0.contains("48;5;16;") }
        XCTAssertFalse(normal.contains("48;5;16"))
        XCTAssertTrue(maximum.contains("38;5;231"), "white text on black at maximum contrast")
    }

    /// Double-size title rows: DEC ESC # 3 / ESC # 4 with --glyphs on, never with tmux detected.
    func testDoubleSizeGlyphsInTheRawOutput() throws {
        func rawOutput(glyphs: String) throws -> String {
            let t = try TmuxSession(arguments: ["--glyphs", glyphs, "--size", "6", Self.seed], environment: ["TMUX": "/tmp/fake,1,0"])
            try t.waitFor("6/9")
            let raw = try t.copyRawOutput()
            try t.send("C-l")
            let bytes = try t.rawOutput(raw, containing: "6/9")  // the toolbar: the frame is passing
            try t.send("q")
            try t.waitFor("__EXITED__")
            return bytes
        }
        let on = try rawOutput(glyphs: "on")
        XCTAssertTrue(on.contains("\u{1B}#3") && on.contains("\u{1B}#4"), "double-size rows sent")
        let auto = try rawOutput(glyphs: "auto")
        XCTAssertFalse(auto.contains("\u{1B}#3") || auto.contains("\u{1B}#4"))
        XCTAssertTrue(auto.contains("Th"), "the pipe did capture output")
    }
}
