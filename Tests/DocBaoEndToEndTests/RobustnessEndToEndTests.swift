import Foundation
import XCTest

/// Hostile content, special files, hostile terminals and signals, against the real binary.
final class RobustnessEndToEndTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let hostile = fixtures.appendingPathComponent("hostile.txt").path
    static let seed = ReaderEndToEndTests.seed

    /// Payloads that only exist inside escape sequences of the fixture: if any reaches the
    /// terminal, a sequence got through.
    static let payloads = ["PWNED", "UFdORUQ", "\u{1B}]52", "\u{1B}]0;", "\u{1B}]2;", "\u{1B}]8;", "\u{1B}P", "\u{9B}", "\u{9D}", "\u{202E}", "\u{2066}"]

    func run(_ args: [String]) throws -> (Int32, Data, String) {
        let r = try BinaryRun.docbao(args)
        return (r.status, r.output, r.errors)
    }

    func testDumpOfHostileContentHasNoControls() throws {
        let (code, data, _) = try run(["dump", "--width", "60", Self.hostile])
        XCTAssertEqual(code, 0)
        XCTAssertFalse(data.contains { $0 < 0x20 && $0 != 0x0A })
        let text = String(decoding: data, as: UTF8.self)
        for p in Self.payloads { XCTAssertFalse(text.contains(p), p.debugDescription) }
        for marker in ["SAFE-LEAD", "SAFE-2", "SAFE-3", "SAFE-4", "SAFE-5", "SAFE-6", "SAFE-7", "VISIBLE-LINK"] {
            XCTAssertTrue(text.contains(marker), marker)
        }
    }

    func testReaderNeverSendsContentEscapesToTheTerminal() throws {
        let t = try TmuxSession(arguments: [Self.hostile])
        try t.waitFor("SAFE-TITLE")
        let titleBefore = try t.tmux(["display-message", "-p", "#{pane_title}"])
        let raw = try t.copyRawOutput()
        try t.send("C-l")  // everything drawn again, through the pipe
        let bytes = try t.rawOutput(raw, containing: "SAFE-LEAD")
        for p in Self.payloads { XCTAssertFalse(bytes.contains(p), "reached the terminal: \(p.debugDescription)") }
        XCTAssertEqual(try t.tmux(["display-message", "-p", "#{pane_title}"]), titleBefore, "title unchanged")
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
    }

    func testSpecialFilesGiveClearMessages() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-special-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/photo.png", contents: Data(png)))
        XCTAssertEqual(mkfifo(dir + "/fifo", 0o644), 0)
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling", withDestinationPath: dir + "/nowhere")
        let cases: [(String, String)] = [
            (dir + "/photo.png", "binary"), (dir + "/fifo", "not a regular file"), ("/dev/zero", "not a regular file"),
            (dir, "is a directory"), (dir + "/dangling", "no such file"),
        ]
        for (path, reason) in cases {
            // `docbao DIR` is the library (listed when not on a terminal), so not an error.
            for command in [["parse", path], ["dump", path]] + (path == dir ? [] : [[path]]) {
                let (code, _, message) = try run(command)
                XCTAssertEqual(code, 1, "\(command)")
                XCTAssertTrue(message.contains(reason) && message.contains(path), "\(command): \(message)")
                XCTAssertEqual(message.split(separator: "\n").count, 1, message)
            }
        }
    }

    /// In the reader, a file of the library that cannot be opened is named on the status line
    /// with the reason, in the interface's language, and the library stays usable.
    func testALibraryFileThatIsNotTextIsSaidInVietnamese() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-lib-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/anh", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/anh/hinh.txt", contents: Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D])))
        try "Title: Bài đọc được\n\nMột đoạn.\n".write(toFile: dir + "/anh/bai.txt", atomically: true, encoding: .utf8)
        let t = try TmuxSession(arguments: [dir])
        try t.waitFor("Bài đọc được")
        try t.send("j", "Enter")  // the rows are sorted by title: "Bài đọc được", then "hinh"
        try t.waitFor("anh/hinh.txt: không phải văn bản (có byte NUL)")
        try t.send("k", "Enter")
        try t.waitFor("Một đoạn.")
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
    }

    /// The seed page in Windows-1258 (as iconv writes it): the library lists its title, the
    /// reader shows its letters whole and says on the status line how it read the file.
    func testAWindows1258FileReadsWithItsLetters() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-1258-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/cu", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let legacy = TmuxSession.repository.appendingPathComponent("Tests/DocBaoCoreTests/Fixtures/laichau-hoi-nghi-lan-thu-4.windows-1258.txt")
        try FileManager.default.copyItem(atPath: legacy.path, toPath: dir + "/cu/hoi-nghi.txt")
        let t = try TmuxSession(arguments: [dir])
        try t.waitFor("Thống nhất với 7 nhóm")
        try t.send("Enter")
        let screen = try t.waitFor("đọc theo mã Windows-1258")
        XCTAssertTrue(screen.contains("Ban Chấp hành Đảng bộ tỉnh"), screen)
        XCTAssertFalse(screen.contains("\u{FFFD}"), screen)
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
    }

    /// A file in TCVN3 too short for docbao to guess its code reads with `--encoding tcvn3`:
    /// in the library, in the reader and in `dump`; a code docbao does not know is a usage
    /// error that lists the ones it does.
    func testANamedEncodingReadsWhatCannotBeGuessed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-tcvn3-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // "Title: Huế", "Hue, the old capital." in TCVN3 (as iconv writes it): one word to go by.
        let file = dir + "/hue.txt"
        let bytes: [UInt8] = Array("Title: Hu".utf8) + [0xD5] + Array("\n\nHue, the old capital.\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: file))

        // Too short to tell from Western text: read as Windows-1252, in which 0xD5 is Õ.
        let guessed = try BinaryRun.docbao(["dump", "--width", "40", file])
        XCTAssertTrue(guessed.text.contains("HuÕ"), guessed.text)
        let named = try BinaryRun.docbao(["dump", "--width", "40", "--encoding", "tcvn3", file])
        XCTAssertEqual(named.status, 0)
        XCTAssertTrue(named.text.contains("Huế") && named.text.contains("Hue, the old capital."), named.text)
        let unknown = try BinaryRun.docbao(["dump", "--encoding", "koi8-r", file])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.errors.contains("--encoding must be one of auto, utf-8, windows-1258, viscii, tcvn3, vni, viqr, windows-1252"),
                      unknown.errors)

        let t = try TmuxSession(arguments: ["--encoding", "tcvn3", dir])
        try t.waitFor("Huế")
        try t.send("Enter")
        let screen = try t.waitFor("Hue, the old capital.")
        XCTAssertFalse(screen.contains("\u{FFFD}"), screen)
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
    }

    /// File names that are not UTF-8 (a folder and a file named in Latin-1, as an old archive
    /// unpacks) open from the library and from the command line and are counted under their
    /// own bytes; a name that reaches standard error or `stats` has its escape sequences and
    /// stray bytes quoted, never sent to the terminal.
    func testFileNamesThatAreNotUTF8OpenAndNamesNeverDriveTheTerminal() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-names-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The shell makes and passes the names: Foundation's strings cannot hold their bytes.
        func shell(_ script: String) throws -> BinaryRun {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", script, "sh", TmuxSession.binary.path, dir]
            let out = Pipe(), err = Pipe()
            (p.standardOutput, p.standardError) = (out, err)
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            let errors = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            XCTAssertFalse(errors.contains(0x1B), "an escape reached standard error")
            return BinaryRun(status: p.terminationStatus, output: data, errors: String(decoding: errors, as: UTF8.self))
        }
        let made = try shell(#"d="$2/$(printf 'th\351')" && mkdir "$d" && printf 'Title: Bài trong thư mục cũ\n\nThân bài cũ.\n' > "$d/$(printf 'Tin t\351c.txt')""#)
        XCTAssertEqual(made.status, 0, made.errors)

        let dump = try shell(#"exec "$1" dump --width 40 "$2"/*/*.txt"#)
        XCTAssertEqual(dump.status, 0, dump.errors)
        XCTAssertTrue(dump.text.contains("Thân bài cũ."), dump.text + dump.errors)
        let missing = try shell(#"exec "$1" dump "$2/$(printf 'kh\351\033]0;PWNED\007.txt')""#)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.errors.contains(#"/kh\xE9\x1B]0;PWNED\x07.txt: no such file"#), missing.errors)

        let t = try TmuxSession(arguments: [dir])
        try t.waitFor("Bài trong thư mục cũ")
        try t.send("Enter")
        let screen = try t.waitFor("Thân bài cũ.")
        XCTAssertTrue(screen.contains("Th\u{FFFD}"), screen)  // the folder's name in the breadcrumb
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
        let stats = try BinaryRun.docbao(["stats", "--data-dir", t.dataDirectory, "--lang", "en"])
        XCTAssertTrue(stats.text.contains(#"1\#tth\xE9/Tin t\xE9c.txt"#), stats.text)
        let record = try BinaryRun.docbao(["stats", "record", "a\u{1B}[2J.txt", "--data-dir", t.dataDirectory])
        XCTAssertEqual(record.status, 0, record.errors)
        let listed = try BinaryRun.docbao(["stats", "--data-dir", t.dataDirectory])
        XCTAssertFalse(listed.output.contains(0x1B), listed.text)
        XCTAssertTrue(listed.text.contains(#"a\x1B[2J.txt"#), listed.text)
    }

    /// Output that cannot be written (a full disk: `/dev/full`) fails the command with a
    /// message, instead of ending with status 0 and part of the output lost.
    func testOutputThatCannotBeWrittenIsAFailure() throws {
        try TmuxSession.requirements()
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-full-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: data) }
        XCTAssertEqual(try BinaryRun.docbao(["stats", "record", "a.txt", "--data-dir", data]).status, 0)
        let commands = [["dump", Self.seed], ["parse", Self.seed], [Self.seed], ["Content"], ["stats", "--data-dir", data],
                        ["stats", "--json", "--data-dir", data], ["--version"]]
        for args in commands {
            let p = Process()
            p.executableURL = TmuxSession.binary
            p.arguments = args
            p.currentDirectoryURL = TmuxSession.repository
            p.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
            let err = Pipe()
            p.standardError = err
            try p.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 1, "\(args)")
            XCTAssertEqual(message, "docbao: cannot write standard output: No space left on device\n", "\(args)")
        }
    }

    /// A flag is two characters in one cell, which curses alone would cut to the first: both
    /// reach the terminal, and the text after it stays in its columns.
    func testFlagsReachTheTerminalWhole() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-flags-\(UUID().uuidString).txt").path
        try "Title: Cờ\n\nCờ 🇻🇳 và 🇯🇵 bên chữ 中文 cuối.\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let t = try TmuxSession(arguments: [path])
        let screen = try t.waitFor("cuối.")
        XCTAssertTrue(screen.contains("Cờ 🇻🇳 và 🇯🇵 bên chữ 中文 cuối."), screen)
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
    }

    func testEmptyFileShowsAnEmptyArticleScreen() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-empty-\(UUID().uuidString).txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("   \n\t\n".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let t = try TmuxSession(arguments: [path])
        try t.waitFor("Bài viết trống")
        try t.send("G", "q")
        try t.waitFor("__EXITED__ 0")
    }

    func testResizeStormLeavesACorrectFinalScreen() throws {
        let t = try TmuxSession(arguments: [Self.seed], width: 100, height: 30)
        try t.waitFor("Thống kê truy cập")
        var rng = SystemRandomNumberGenerator()
        let start = Date()
        for _ in 0..<100 {
            try t.resize(width: Int.random(in: 1...200, using: &rng), height: Int.random(in: 1...60, using: &rng))
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        try t.resize(width: 90, height: 25)
        // Wait for the frame of the final size, status line and all: tmux may still show one
        // drawn for a size of the storm, which has the toolbar and the sidebar too.
        let screen = try t.waitUntil {
            let rows = $0.split(separator: "\n", omittingEmptySubsequences: false)
            return $0.contains("Thống kê truy cập") && $0.contains("Tăng tương phản") && $0.contains("%")
                && rows.count > 24 && rows[24].contains("q thoát")
        }
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines[0].hasPrefix(" A-  A  A+"), String(lines[0]))
        XCTAssertTrue(lines[1].hasPrefix(" Trang chủ › Thời sự"), String(lines[1]))
        XCTAssertTrue(lines[24].contains("q thoát"), String(lines[24]))
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
    }

    /// COLUMNS and LINES left exported by a shell or a script do not fix the reader's size:
    /// curses took them over the terminal's own, at start and after every resize.
    func testExportedColumnsAndLinesDoNotFixTheSize() throws {
        let t = try TmuxSession(arguments: [Self.seed], width: 100, height: 30, environment: ["COLUMNS": "40", "LINES": "8"])
        func statusRow(_ screen: String) -> Int? {
            screen.split(separator: "\n", omittingEmptySubsequences: false).lastIndex { $0.contains("q thoát") }
        }
        var screen = try t.waitUntil { statusRow($0) == 29 && $0.contains("Thống kê truy cập") }
        XCTAssertTrue(screen.split(separator: "\n")[0].contains("Giảm tương phản"), screen)
        try t.resize(width: 90, height: 25)
        screen = try t.waitUntil { statusRow($0) == 24 }
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
    }

    func testSighupAndSuspendResumeRestoreTheTerminal() throws {
        let t = try TmuxSession(arguments: [Self.seed])
        try t.waitFor("Thống kê truy cập")
        let shell = try t.tmux(["list-panes", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        func signal(_ name: String) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
            p.arguments = ["-" + name, "-P", shell, "docbao"]
            try p.run()
            p.waitUntilExit()
        }
        try t.send("C-z")
        try t.waitUntil { !$0.contains("Thống kê truy cập") }  // the normal screen is back
        try signal("CONT")
        try t.waitFor("Thống kê truy cập")  // redrawn after resuming
        try signal("HUP")
        let after = try t.waitFor("__EXITED__")
        XCTAssertFalse(after.contains("Thống kê truy cập"))
    }

    func testHostileTerminals() throws {
        let dumb = try TmuxSession(arguments: [Self.seed], environment: ["TERM": "dumb"])
        try dumb.waitFor("TERM=dumb")
        try dumb.waitFor("__EXITED__ 1")
        let unknown = try TmuxSession(arguments: [Self.seed], environment: ["TERM": "no-such-terminal-xyz"])
        try unknown.waitFor("unknown terminal type 'no-such-terminal-xyz'")
        try unknown.waitFor("__EXITED__ 1")
        let unset = try TmuxSession(arguments: [Self.seed], environment: ["TERM": ""])
        try unset.waitFor("TERM is not set")
        try unset.waitFor("__EXITED__ 1")
        // A non-UTF-8 locale falls back to C.UTF-8 and still draws Vietnamese.
        let latin = try TmuxSession(arguments: [Self.seed], environment: ["LANG": "C", "LC_ALL": "C"])
        try latin.waitFor("Thống kê truy cập")
        try latin.send("q")
        try latin.waitFor("__EXITED__ 0")
    }

    /// A file changed under the reader: it keeps what it read, tells the reader, and R reads
    /// the file again.
    func testFileTruncatedWhileOpenIsNoticedAndReloadsWithR() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-trunc-\(UUID().uuidString).txt").path
        try FileManager.default.copyItem(atPath: TmuxSession.repository.appendingPathComponent(Self.seed).path, toPath: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let t = try TmuxSession(arguments: [path])
        try t.waitFor("Thống kê truy cập")
        try t.send("G")
        try t.waitFor("Tác giả: Đinh Lan")
        try "Title: Ngắn\n\nChỉ còn một đoạn.\n".write(toFile: path, atomically: false, encoding: .utf8)
        // Noticed within a poll (2 s), and said on the status line until R.
        try t.waitFor("Tệp đã thay đổi; nhấn R để tải lại", timeout: 8)
        try t.send("g")
        try t.waitFor("Tệp đã thay đổi; nhấn R để tải lại")
        try t.send("R")
        let screen = try t.waitFor("Chỉ còn một đoạn.")
        XCTAssertTrue(screen.contains("Đã tải lại bài viết"), screen)
        try t.send("j")
        try t.waitUntil { !$0.contains("Tệp đã thay đổi") && !$0.contains("Đã tải lại") }
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
    }
}
