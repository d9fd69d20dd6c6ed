import XCTest

@testable import DocBaoCore

final class SettingsTests: XCTestCase {
    func testRoundTrip() {
        var s = ReaderSettings()
        s.sizeLevel = 8
        s.contrast = .maximum
        s.variant = .light
        s.sidebarVisible = false
        s.language = .en
        let (back, problems) = SettingsFile.parse(SettingsFile.serialize(s), base: ReaderSettings())
        XCTAssertEqual(back, s)
        XCTAssertTrue(problems.isEmpty)
    }

    func testMalformedLinesWarnAndKeepDefaults() {
        let (s, problems) = SettingsFile.parse("size = 12\ncontrast = high\nnonsense\ncolour = red\n\u{0}\u{1}", base: ReaderSettings())
        XCTAssertEqual(s.sizeLevel, 5)
        XCTAssertEqual(s.contrast, .high)
        XCTAssertEqual(problems, [.badValue(line: 1, setting: "size", value: "12"), .notKeyValue(line: 3),
                                  .unknownSetting(line: 4, name: "colour"), .notKeyValue(line: 5)])
    }

    /// The warning is said in the interface's language, both catalogues alike.
    func testSettingsWarningsSpeakTheInterfacesLanguage() {
        let lines = SettingsFile.Warning.lines([.badValue(line: 1, setting: "size", value: "12"), .unknownSetting(line: 4, name: "colour")])
        XCTAssertEqual(Strings(.vi).message(for: lines),
                       "settings.conf: dòng 1: giá trị '12' không dùng được cho size; dòng 4: không có thiết lập 'colour'; các mục đó dùng mặc định")
        XCTAssertEqual(Strings(.en).message(for: lines),
                       "settings.conf: line 1: bad value '12' for size; line 4: unknown setting 'colour'; using defaults for those")
        XCTAssertEqual(Strings(.vi).message(for: .unreadable(path: "/h/.config/docbao/settings.conf")),
                       "/h/.config/docbao/settings.conf: không đọc được; dùng thiết lập mặc định")
        XCTAssertEqual(Strings(.en).message(for: .lines([.notKeyValue(line: 2)])), "settings.conf: line 2: expected key = value; using defaults for those")
    }

    func testOnlyWhatTheReaderChangedIsSaved() {
        var saved = ReaderSettings()
        saved.contrast = .high
        var started = saved
        started.sizeLevel = 9  // --size 9 for this run only
        var now = started
        now.contrast = .maximum
        let persisted = ReaderSettings.persisting(saved, changesFrom: started, to: now)
        XCTAssertEqual(persisted.sizeLevel, 5)
        XCTAssertEqual(persisted.contrast, .maximum)
    }

    func testThemeVariantFromCOLORFGBG() {
        XCTAssertEqual(ThemeVariant.fromEnvironment(["COLORFGBG": "0;15"]), .light)
        XCTAssertEqual(ThemeVariant.fromEnvironment(["COLORFGBG": "15;0"]), .dark)
        XCTAssertEqual(ThemeVariant.fromEnvironment(["COLORFGBG": "15;default;0"]), .dark)
        XCTAssertEqual(ThemeVariant.fromEnvironment([:]), .dark)
    }

    func testDataAndConfigLocations() {
        XCTAssertEqual(DataLocation.configDirectory(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]), "/c/docbao")
        XCTAssertEqual(DataLocation.configDirectory(environment: ["HOME": "/h"]), "/h/.config/docbao")
    }
}
