import Foundation
import XCTest

/// The built binary in tmux, as a person would use it.
final class ReaderEndToEndTests: XCTestCase {
    static let seed = "Content/thoi-su/hoi-nghi-lan-thu-4-bch-dang-bo-tinh-lai-chau.txt"

    func testOpensTheSeedWithSidebarThenEndShowsTheAuthorAndQuitRestoresTheShell() throws {
        let t = try TmuxSession(arguments: [Self.seed])
        let first = try t.waitFor("Thống kê truy cập")
        XCTAssertTrue(first.contains("Thống nhất với 7 nhóm nhiệm vụ chủ yếu"))
        XCTAssertTrue(first.contains("Tăng tương phản"))
        try t.send("G")
        try t.waitFor("Tác giả: Đinh Lan")
        try t.send("q")
        let after = try t.waitFor("__EXITED__ 0")
        XCTAssertFalse(after.contains("Thống kê truy cập"), "the alternate screen is gone after quitting")
    }

    /// The Linux console has no alternate screen: the page stays after quitting, and the shell
    /// writes on its last row. That row is cleared first, so the prompt does not sit in front of
    /// what is left of the status line.
    func testQuitWithoutAlternateScreenClearsTheRowThePromptTakes() throws {
        let t = try TmuxSession(arguments: [Self.seed], width: 80, height: 24, environment: ["TERM": "linux"])
        try t.waitFor("Thống kê truy cập")
        try t.send("q")
        let after = try t.waitFor("__EXITED__ 0")
        let rows = after.components(separatedBy: "\n")
        let prompt = try XCTUnwrap(rows.first { $0.contains("__EXITED__") })
        XCTAssertEqual(prompt.trimmingCharacters(in: .whitespaces), "__EXITED__ 0", after)
        XCTAssertTrue(after.contains("Thống kê truy cập"), "the page itself stays, as with less")
    }

    /// Markdown in the bundled charging-station article reaches a real terminal: its table in
    /// columns at 80×24 (box-drawing rules and all), as records in a narrower window, and the
    /// link and emphasis at its end underlined and italic, without their markup. On the way, a
    /// resize that moves a CJK character onto the first half of another must not lose it.
    func testMarkdownTableAndEmphasisReachTheTerminal() throws {
        let t = try TmuxSession(arguments: ["Content/cong-nghe/tram-sac-xe-dien.txt"], width: 80, height: 24)
        try t.waitFor("Thống kê truy cập")
        try t.resize(width: 60, height: 24)
        try t.waitFor("站) để phục vụ du khách")
        try t.resize(width: 80, height: 24)
        try t.waitFor("Thống kê truy cập")
        try t.send("/")
        try t.sendLiteral("nhanh DC")
        try t.send("Enter")
        let table = try t.waitFor("Sạc nhanh DC  │     60 kW │ 3.850 đ │ 45 phút")
        XCTAssertTrue(table.contains("──────────────┼───────────┼─────────┼───────────"), table)
        try t.resize(width: 40, height: 24)
        try t.waitFor("Công suất: 60 kW")
        try t.send("G")
        let end = try t.waitUntil(escapes: true) { $0.contains("Tác giả: Lê Thu Hà") }
        XCTAssertTrue(end.contains("\u{1B}[4mbản đồ"), "the link's text is underlined")
        XCTAssertTrue(end.contains("tramsac.danang.example/ban-do)"), "its address follows it")
        XCTAssertTrue(end.contains("\u{1B}[3m"), "emphasis is italic")
        XCTAssertFalse(end.contains("*vào") || end.contains("[bản"), "no markup is left")
    }

    func testAFrameReachesTheTerminalInOneWrite() throws {
        // One write per frame is one packet over SSH instead of dozens. (ncurses 6.4 flushes
        // after every cursor movement until its screen has been through endwin/refresh once;
        // before CursesScreen.start cycled it, a page turn took about 30 writes.)
        let t = try TmuxSession(arguments: [Self.seed])
        // The counters come from the statistics database: wait for them, so that its writes
        // are over before counting.
        // The row is the sidebar's `│ Hôm nay   1`: the text's own first line, `Hôm nay (12/4), …`,
        // has a number too (matching it let a slow build count the database's writes).
        try t.waitUntil { screen in
            screen.split(separator: "\n").contains { line in
                let parts = line.components(separatedBy: "│")
                guard parts.count > 1, let sidebar = parts.last?.trimmingCharacters(in: .whitespaces) else { return false }
                return sidebar.hasPrefix("Hôm nay") && sidebar.last?.isNumber == true
            }
        }
        let pid = try t.programID()
        let page = try t.screen()
        let before = try TmuxSession.writeCalls(of: pid)
        try t.send("Space")
        try t.waitUntil { $0 != page }
        usleep(300_000)  // room for any late part of the frame
        let writes = try TmuxSession.writeCalls(of: pid) - before
        XCTAssertGreaterThanOrEqual(writes, 1)
        XCTAssertLessThanOrEqual(writes, 2, "a page turn went out in \(writes) writes")
    }

    /// Keys that arrive together (a paste) are handled before the next frame, which is drawn
    /// once for them rather than once per character: a paste of 3,000 characters into the
    /// search prompt took 0.7 s in the release build and 4 s in the debug one.
    func testAPasteIsDrawnOnceNotOncePerCharacter() throws {
        let t = try TmuxSession(arguments: [Self.seed])
        // Once the sidebar has its counters, the database's writes are over.
        try t.waitUntil { screen in
            screen.split(separator: "\n").contains { line in
                let sidebar = line.components(separatedBy: "│").last?.trimmingCharacters(in: .whitespaces) ?? ""
                return line.contains("│") && sidebar.hasPrefix("Tổng số") && sidebar.last?.isNumber == true
            }
        }
        let pid = try t.programID()
        try t.send("/")
        try t.waitFor("Tìm:")
        let before = try TmuxSession.writeCalls(of: pid)
        // Digits, so that every character changes what the prompt shows of the query's end.
        let pasted = String(repeating: "0123456789", count: 200)
        try t.sendLiteral(pasted)
        try t.send("Enter")
        try t.waitFor("Không tìm thấy: 0123456789")
        let writes = try TmuxSession.writeCalls(of: pid) - before
        XCTAssertLessThan(writes, 200, "2,000 pasted characters went out in \(writes) writes")
    }

    func testSearchHighlightsAMatch() throws {
        let t = try TmuxSession(arguments: [Self.seed])
        try t.waitFor("Thống kê truy cập")
        let before = try t.screen(escapes: true)
        try t.send("/")
        try t.sendLiteral("hoi nghi")
        try t.waitFor("Tìm: hoi nghi")
        try t.send("Enter")
        // Matches get their own colours: more attribute changes on screen than before.
        let escapes = { (s: String) in s.components(separatedBy: "\u{1B}[").count }
        let after = try t.waitUntil(escapes: true) { escapes($0) > escapes(before) + 4 && !$0.contains("Tìm:") }
        XCTAssertTrue(after.contains("Hội"))
    }

    /// The Ctrl keys reach the reader: Ctrl-W and Ctrl-U edit the search prompt, Ctrl-D and
    /// Ctrl-U move half a page as in less.
    func testControlKeysEditThePromptAndMoveAsInLess() throws {
        let t = try TmuxSession(arguments: [Self.seed], width: 80, height: 24)
        try t.waitFor("Thống kê truy cập")
        try t.send("/")
        try t.sendLiteral("xyz hoi nghi lan")
        try t.waitFor("Tìm: xyz hoi nghi lan")
        try t.send("C-w")
        try t.waitFor("Tìm: xyz hoi nghi ▏")
        try t.send("C-u")
        try t.waitUntil { $0.contains("Tìm: ▏") }
        try t.sendLiteral("Giàng Páo")
        try t.send("Enter")
        try t.waitFor("Kết quả 1/")
        try t.send("g")
        let top = try t.waitFor(" 0% ")
        try t.send("C-d")
        let down = try t.waitUntil { !$0.contains(" 0% ") }
        XCTAssertNotEqual(top, down)
        try t.send("C-u")
        try t.waitFor(" 0% ")
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
    }

    func testClickingTheToolbarChangesTheLayout() throws {
        let t = try TmuxSession(arguments: [Self.seed])
        let first = try t.waitFor("5/9")
        let toolbar = first.split(separator: "\n", omittingEmptySubsequences: false)[0]
        let column = toolbar.distance(from: toolbar.startIndex, to: toolbar.range(of: "A+")!.lowerBound) + 1
        try t.sendLiteral("\u{1B}[<0;\(column);1M\u{1B}[<0;\(column);1m")
        let bigger = try t.waitFor("6/9")
        // The article pane (left of the sidebar, whose numbers may arrive meanwhile).
        let pane = { (s: String, rows: ClosedRange<Int>) in s.split(separator: "\n")[rows].map { $0.prefix(70) } }
        XCTAssertNotEqual(pane(bigger, 2...5), pane(first, 2...5))
        // "+" twice more, then a click on "A" restores the default.
        try t.send("+", "+")
        try t.waitFor("8/9")
        let aColumn = column - 3
        try t.sendLiteral("\u{1B}[<0;\(aColumn);1M\u{1B}[<0;\(aColumn);1m")
        let restored = try t.waitFor("5/9")
        XCTAssertEqual(pane(restored, 2...10), pane(first, 2...10))
    }

    func testResizeLeavesNoStrayCharacters() throws {
        let t = try TmuxSession(arguments: [Self.seed], width: 100, height: 30)
        try t.waitFor("Thống kê truy cập")
        try t.resize(width: 60, height: 20)
        let small = try t.waitUntil { !$0.contains("Thống kê truy cập") && $0.contains("Tăng TP") }
        XCTAssertFalse(small.contains("│"), "no sidebar border left behind")
        try t.resize(width: 100, height: 30)
        let big = try t.waitFor("Thống kê truy cập")
        XCTAssertTrue(big.contains("Tăng tương phản"))
        try t.resize(width: 10, height: 3)
        try t.waitFor("Cửa sổ")
        try t.resize(width: 100, height: 30)
        try t.waitFor("Thống kê truy cập")
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
    }

    func testLibraryOpensAnArticleByMouseAndBackspaceReturns() throws {
        let t = try TmuxSession(arguments: ["Content"])
        // Rows come up with file names; titles follow from a background thread.
        try t.waitFor("Thư viện")
        let library = try t.waitFor("Người dân khắp nơi")
        let lines = library.split(separator: "\n", omittingEmptySubsequences: false)
        let row = lines.firstIndex { $0.contains("Người dân khắp nơi") }!
        try t.sendLiteral("\u{1B}[<0;5;\(row + 1)M\u{1B}[<0;5;\(row + 1)m")
        try t.waitFor("Giỗ Tổ Hùng Vương")
        try t.send("h")
        try t.waitFor("Thư viện · 5 bài viết")
        // Open it again with Enter, and come back by clicking the breadcrumb's "Trang chủ".
        try t.send("Enter")
        try t.waitFor("Giỗ Tổ Hùng Vương")
        try t.sendLiteral("\u{1B}[<0;4;2M\u{1B}[<0;4;2m")
        try t.waitFor("Thư viện · 5 bài viết")
        try t.send("C-c")
        try t.waitFor("__EXITED__ 0")
    }

    /// The hidden cursor is left on what the reader looks at, for screen readers and braille
    /// displays: the selected library row, the article's first line, the typed query's end.
    func testTheCursorFollowsTheSelectionForScreenReaders() throws {
        let t = try TmuxSession(arguments: ["Content"])
        try t.waitFor("Người dân khắp nơi")
        try t.send("j")
        try t.send("j")
        func rowOfCursor() throws -> Substring {
            let lines = try t.screen().split(separator: "\n", omittingEmptySubsequences: false)
            let (x, y) = try t.cursor()
            return lines[y].dropFirst(x)
        }
        // The third article is selected; titles come in from a background thread, so the
        // rows may still move into their order for a moment.
        var row = ""
        for _ in 0..<40 {
            row = String(try rowOfCursor())
            if row.hasPrefix("Community library") { break }
            usleep(50_000)
        }
        XCTAssertTrue(row.hasPrefix("Community library"), "cursor row: \(row)")
        try t.send("Enter")
        try t.waitFor("Riverside Gazette")
        XCTAssertTrue(try rowOfCursor().hasPrefix("Community library reopens"), "the article's first line")
        try t.send("/")
        try t.sendLiteral("roof")
        try t.waitFor("roof▏")
        XCTAssertEqual(try t.cursor().y, 29)
        XCTAssertTrue(try rowOfCursor().hasPrefix("▏"), "where the next character goes")
        try t.send("Escape")
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
    }

    /// `cat FILE | docbao -`: the article comes from the pipe and the keys from the terminal.
    /// There is no file to reload; the same text piped again opens where it was left.
    func testAnArticlePipedInReadsKeysFromTheTerminal() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-pipe-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: data) }
        var t = try TmuxSession(arguments: ["-"], environment: ["DOCBAO_DATA_DIR": data], pipedFrom: Self.seed)
        try t.waitFor("Thống kê truy cập")
        try t.send("G")
        var screen = try t.waitFor("Tác giả: Đinh Lan")
        XCTAssertTrue(screen.contains("100%"), screen)
        try t.send("R")
        try t.waitFor("Bài đọc từ đầu vào chuẩn: không có tệp để tải lại")
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
        t = try TmuxSession(arguments: ["-"], environment: ["DOCBAO_DATA_DIR": data], pipedFrom: Self.seed)
        screen = try t.waitUntil { $0.contains("100%") && $0.contains("Tác giả: Đinh Lan") }
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
        let stats = try BinaryRun.docbao(["stats", "--json", "--data-dir", data])
        XCTAssertTrue(stats.text.contains("\"stdin:"), stats.text)
        XCTAssertTrue(stats.text.contains("\"visits\" : 2") || stats.text.contains("\"visits\": 2"), stats.text)
    }

    /// `curl -s URL | docbao -`: a page's HTML, piped in as a site serves it, reads as its
    /// article, and `dump` writes the page as it writes the page's copy, with the page's own
    /// address to share under it.
    func testAPagesHTMLPipedInReadsAsItsArticle() throws {
        let fixtures = "Tests/DocBaoCoreTests/Fixtures/"
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-html-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: data) }
        let t = try TmuxSession(arguments: ["-"], environment: ["DOCBAO_DATA_DIR": data],
                                pipedFrom: fixtures + "portal-de-an-giao-thong.served.html")
        let screen = try t.waitUntil { $0.contains("Hà Nội thông qua đề án giảm ùn tắc") && $0.contains("Sáng 29/11") }
        for markup in ["<", "DOCTYPE", "script", "Quảng cáo", "w3m"] { XCTAssertFalse(screen.contains(markup), markup + "\n" + screen) }
        try t.send("G")
        try t.waitUntil { $0.contains("Chia sẻ: https://portal.example/thoi-su/") && $0.contains("ha-noi-de-an-giao-thong.html?from=rss&id=12") }
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
        let page = try BinaryRun.docbao(["dump", "--width", "72", fixtures + "portal-de-an-giao-thong.served.html"])
        let copy = try BinaryRun.docbao(["dump", "--width", "72", fixtures + "portal-de-an-giao-thong.txt"])
        XCTAssertEqual(page.text, copy.text + "\n   Chia sẻ: https://portal.example/thoi-su/\n   ha-noi-de-an-giao-thong.html?from=rss&id=12\n")
        XCTAssertTrue(page.text.contains("Võ Hải"), page.text)
    }

    /// `docbao -` with the terminal on standard input says to pipe an article in.
    func testStandardInputThatIsTheTerminalIsRefused() throws {
        let t = try TmuxSession(arguments: ["-"])
        try t.waitFor("docbao: standard input: is the terminal; pipe an article in (cat FILE | docbao -)")
        try t.waitFor("__EXITED__ 1")
    }

    func testVersionIsPrinted() throws {
        let r = try BinaryRun.docbao(["--version"])
        XCTAssertEqual(r.status, 0, r.errors)
        XCTAssertNotNil(r.text.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression), r.text)
    }

    /// `dump -` and `parse -` read standard input as they would the file, in UTF-8 or UTF-16
    /// (with a byte order mark or without, as Windows tools pipe it); binary input is refused
    /// with a message that names standard input.
    func testDumpAndParseReadStandardInput() throws {
        let bytes = try Data(contentsOf: TmuxSession.repository.appendingPathComponent(Self.seed))
        let units = String(decoding: bytes, as: UTF8.self).utf16
        let utf16: [UInt8] = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for command in [["dump", "--width", "60"], ["parse"]] {
            let fromFile = try BinaryRun.docbao(command + [Self.seed])
            for input in [bytes, Data([0xFF, 0xFE] + utf16), Data(utf16)] {
                let fromPipe = try BinaryRun.docbao(command + ["-"], input: input)
                XCTAssertEqual(fromPipe.status, 0, fromPipe.errors)
                XCTAssertEqual(fromPipe.text, fromFile.text)
            }
        }
        let binary = try BinaryRun.docbao(["dump", "-"], input: Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D]))
        XCTAssertEqual(binary.status, 1)
        XCTAssertEqual(binary.errors, "docbao: standard input: looks like a binary file, not text (contains NUL bytes)\n")
    }

    func testEnglishInterfaceOnRequest() throws {
        let t = try TmuxSession(arguments: ["--lang", "en", Self.seed])
        try t.waitFor("Visitor statistics")
        try t.send("?")
        try t.waitFor("Keys")
        try t.send("x", "q")
        try t.waitFor("__EXITED__ 0")
    }

    func testSigtermRestoresTheTerminal() throws {
        let t = try TmuxSession(arguments: [Self.seed])
        try t.waitFor("Thống kê truy cập")
        let pids = try t.tmux(["list-panes", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        kill.arguments = ["-TERM", "-P", pids, "docbao"]
        try kill.run()
        kill.waitUntilExit()
        let after = try t.waitFor("__EXITED__")
        XCTAssertFalse(after.contains("Thống kê truy cập"))
    }

    func testBadFilesGiveAClearMessageAndExitCode() throws {
        for (args, code, text) in [
            (["parse", "/no/such/file"], Int32(1), "no such file"),
            // An address is no file: the message says how to read the page.
            (["https://example.com/tin?a=1&b=2"], 1,
             "https://example.com/tin?a=1&b=2: no such file; docbao reads files and standard input: curl -sL 'https://example.com/tin?a=1&b=2' | docbao -"),
            (["dump", "http://example.com/it's"], 1, #"curl -sL 'http://example.com/it'\''s' | docbao -"#),
            (["parse", "Content"], 1, "is a directory"),
            (["parse", "/dev/zero"], 1, "not a regular file"),
            (["dump", "--width", "0", Self.seed], 2, "--width"),
        ] {
            let run = try BinaryRun.docbao(args)
            let message = run.errors
            XCTAssertEqual(run.status, code, args.joined(separator: " "))
            XCTAssertTrue(message.contains(text), message)
            XCTAssertFalse(message.contains("Stack") || message.contains("Fatal error"), message)
        }
    }

    func testANumberOutOfRangeIsToldItsRange() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-neg-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (args, text) in [
            (["dump", "--width", "-5", Self.seed], "--width must be from 1 to 65535"),
            (["dump", "--width", "9223372036854775807", Self.seed], "--width must be from 1 to 65535"),
            (["--size", "-1", Self.seed], "--size must be a level from 1 to 9"),
            (["stats", "--top", "-1", "--data-dir", dir], "--top must be 0 or more"),
            (["stats", "record", "a.txt", "--count", "-3", "--data-dir", dir], "--count must be at least 1"),
        ] {
            let run = try BinaryRun.docbao(args)
            XCTAssertEqual(run.status, 2, args.joined(separator: " "))
            XCTAssertTrue(run.errors.contains(text), run.errors)
            XCTAssertFalse(run.errors.contains("Missing value"), run.errors)
        }
        // Nothing was recorded by the refused command.
        let stats = try BinaryRun.docbao(["stats", "--json", "--data-dir", dir])
        XCTAssertTrue(stats.text.contains("\"total\": 0,"), stats.text)
    }

    /// Without HOME, docbao's files are the account's (from the password database), not those
    /// of a `.config` in whatever folder it was started in.
    func testWithoutHomeTheStartingFolderIsNotTakenForHome() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-nohome-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".config/docbao"), withIntermediateDirectories: true)
        try "size = 1\nlanguage = en\n".write(to: folder.appendingPathComponent(".config/docbao/settings.conf"), atomically: true, encoding: .utf8)
        let args = ["dump", "--width", "100", TmuxSession.repository.appendingPathComponent(Self.seed).path]
        let planted = try BinaryRun.docbao(args, environment: ["HOME": folder.path], directory: folder)
        let noHome = try BinaryRun.docbao(args, unset: ["HOME"], directory: folder)
        XCTAssertEqual(planted.status, 0)
        XCTAssertEqual(noHome.status, 0)
        XCTAssertNotEqual(noHome.text, planted.text, "the starting folder's .config/docbao was read as the home's")
    }

    func testDumpPrintsPlainTextWithoutEscapes() throws {
        let run = try BinaryRun.docbao(["dump", "--width", "50", Self.seed])
        let text = run.text
        XCTAssertEqual(run.status, 0)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B })
        XCTAssertTrue(text.contains("Tác giả: Đinh Lan"))
        for line in text.split(separator: "\n") {
            XCTAssertLessThanOrEqual(line.count, 50, String(line))
        }
    }

    /// `J` reads on to the next article of the library and `K` back, and the library's
    /// selection follows, so that going back to the list lands on the last one read.
    func testJAndKReadOnThroughTheLibrary() throws {
        let t = try TmuxSession(arguments: ["Content", "--order", "title"])
        try t.waitFor("Người dân khắp nơi")
        try t.send("Enter")
        try t.waitFor("Trạm sạc xe điện mới: 充电站")
        try t.send("J")
        try t.waitFor("Mỗi sáng Chủ nhật, chợ phiên Tam Đường")
        try t.send("K")
        try t.waitFor("Trạm sạc xe điện mới: 充电站")
        try t.send("K")
        try t.waitFor("Đây là bài đầu của danh sách")
        try t.send("J")
        try t.waitFor("Mỗi sáng Chủ nhật, chợ phiên Tam Đường")
        try t.send("h")
        try t.waitFor("Thư viện · 5 bài viết")
        let (_, y) = try t.cursor()
        let row = try t.screen().split(separator: "\n", omittingEmptySubsequences: false)[y]
        XCTAssertTrue(row.contains("Chợ phiên vùng cao"), "the selection is on the last article read: \(row)")
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
    }

    /// `y` hands the article's link to the terminal's clipboard through OSC 52, which tmux
    /// takes into a paste buffer when `set-clipboard` is on; the screen is left as it was. On
    /// the Linux console, which would print the sequence, it is not sent and the status line
    /// says to select the link instead.
    func testYCopiesTheArticleLinkToTheClipboard() throws {
        let url = "https://tramsac.danang.example/tin/tram-sac-xe-dien-moi"
        let t = try TmuxSession(arguments: ["Content/cong-nghe/tram-sac-xe-dien.txt"])
        try t.tmux(["set-option", "-g", "set-clipboard", "on"])
        try t.waitFor("Trạm sạc xe điện mới")
        try t.send("G")
        try t.waitFor("Chia sẻ: https://tramsac")
        let before = try t.screen()
        try t.send("y")
        let screen = try t.waitFor("Đã gửi liên kết")
        XCTAssertEqual(try t.tmux(["show-buffer"]), url)
        // Only the status line changed.
        XCTAssertEqual(before.split(separator: "\n").dropLast(), screen.split(separator: "\n").dropLast())
        try t.send("q")
        try t.waitFor("__EXITED__ 0")

        let console = try TmuxSession(arguments: ["Content/cong-nghe/tram-sac-xe-dien.txt"], environment: ["TERM": "linux"])
        try console.tmux(["set-option", "-g", "set-clipboard", "on"])
        try console.waitFor("Trạm sạc xe điện mới")
        try console.send("y")
        try console.waitFor("Terminal này không nhận chép")
        XCTAssertEqual(try console.tmux(["show-buffer"]), "", "nothing was sent")
        try console.send("q")
        try console.waitFor("__EXITED__ 0")
    }

    /// `o` and a click on "Xếp theo" order the library by title, newest first and most read
    /// (with visits counted by the store), and the order is there on the next run.
    func testTheLibraryOrderChangesByKeyAndClickAndIsKept() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-order-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = home.appendingPathComponent("tin/the-thao")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (file, title, date) in [("a.txt", "Alpha thắng", "01/09/2024"), ("b.txt", "Bravo hòa", "Thứ Ba, 03/09/2024 - 08:15"),
                                    ("c.txt", "Charlie thua", "2 giờ trước")] {
            try "Title: \(title)\nDate: \(date)\n\nMột đoạn văn của bài.\n"
                .write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        let data = home.appendingPathComponent(".local/share/docbao").path
        XCTAssertEqual(try BinaryRun.docbao(["stats", "record", "the-thao/c.txt", "--count", "3", "--data-dir", data]).status, 0)
        let library = home.appendingPathComponent("tin").path
        func order(_ screen: String) -> [String] {
            ["Alpha", "Bravo", "Charlie"].sorted { screen.range(of: $0)!.lowerBound < screen.range(of: $1)!.lowerBound }
        }
        let t = try TmuxSession(arguments: [library], environment: ["HOME": home.path])
        var screen = try t.waitFor("Charlie thua")
        XCTAssertEqual(order(screen), ["Alpha", "Bravo", "Charlie"])
        XCTAssertTrue(screen.contains("Xếp theo: tên bài"), screen)
        try t.send("o")
        screen = try t.waitFor("Xếp theo: mới nhất")
        XCTAssertEqual(order(screen), ["Bravo", "Alpha", "Charlie"])
        // The label at the right of the breadcrumb (row 2) is a button.
        let row = screen.split(separator: "\n", omittingEmptySubsequences: false)[1]
        let x = row.distance(from: row.startIndex, to: row.range(of: "Xếp theo")!.lowerBound) + 2
        try t.sendLiteral("\u{1B}[<0;\(x);2M\u{1B}[<0;\(x);2m")
        screen = try t.waitFor("Xếp theo: đọc nhiều nhất")
        XCTAssertEqual(order(screen), ["Charlie", "Alpha", "Bravo"])
        try t.send("q")
        try t.waitFor("__EXITED__ 0")
        let settings = try String(contentsOf: home.appendingPathComponent(".config/docbao/settings.conf"), encoding: .utf8)
        XCTAssertTrue(settings.contains("library-order = most-read"), settings)

        let again = try TmuxSession(arguments: [library], environment: ["HOME": home.path])
        screen = try again.waitUntil { $0.contains("Charlie thua") && $0.contains("3 lượt xem") }
        XCTAssertTrue(screen.contains("Xếp theo: đọc nhiều nhất"), screen)
        XCTAssertEqual(order(screen), ["Charlie", "Alpha", "Bravo"])
        try again.send("q")
        try again.waitFor("__EXITED__ 0")

        // Piped, the library is listed in the saved order, or the one `--order` asks for,
        // which is not saved.
        func listed(_ extra: [String]) throws -> [String] {
            let run = try BinaryRun.docbao([library] + extra, environment: ["HOME": home.path])
            XCTAssertEqual(run.status, 0, run.errors)
            return String(decoding: run.output, as: UTF8.self).split(separator: "\n").map { String($0.prefix(while: { $0 != "\t" })) }
        }
        XCTAssertEqual(try listed([]), ["the-thao/c.txt", "the-thao/a.txt", "the-thao/b.txt"])
        XCTAssertEqual(try listed(["--order", "newest"]), ["the-thao/b.txt", "the-thao/a.txt", "the-thao/c.txt"])
        XCTAssertEqual(try listed(["--order", "title"]), ["the-thao/a.txt", "the-thao/b.txt", "the-thao/c.txt"])
        let kept = try String(contentsOf: home.appendingPathComponent(".config/docbao/settings.conf"), encoding: .utf8)
        XCTAssertTrue(kept.contains("library-order = most-read"), kept)
        let bad = try BinaryRun.docbao([library, "--order", "popular"], environment: ["HOME": home.path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.errors.contains("--order must be title, newest or most-read"), bad.errors)
    }
}
