import Foundation
import XCTest

/// The real docbao binary in a real pseudo-terminal: a private tmux server, driven with
/// send-keys and read with capture-pane. Waits poll for text instead of sleeping.
final class TmuxSession {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `DOCBAO_BINARY`, or the docbao built with these tests: it sits next to the test runner,
    /// so `swift test -c release` or `--build-path` drives the binary it built, never a stale
    /// one left in `.build/debug`.
    static var binary: URL {
        _ = privateHome
        if let path = ProcessInfo.processInfo.environment["DOCBAO_BINARY"] { return URL(fileURLWithPath: path) }
        return Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("docbao")
    }

    /// Every run of the binary in these tests, the ones started without a session too, has a
    /// home of its own: set for this test process before the first run (every run names
    /// `binary`) and removed at its exit. Whoever runs the tests may have settings of their own
    /// (a larger size changes what `dump` writes) and statistics that tests must not count in.
    private static let privateHome: Void = {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-e2e-home-\(getpid())")
        try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        setenv("HOME", home.path, 1)
        for name in ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "DOCBAO_DATA_DIR"] { unsetenv(name) }
        privateHomePath = home.path
        atexit { privateHomePath.map { try? FileManager.default.removeItem(atPath: $0) } }
    }()
    nonisolated(unsafe) private static var privateHomePath: String?

    let socket: String
    let home: URL

    /// Skips the test when tmux or the binary is missing.
    static func requirements() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || which("tmux") != nil else {
            throw XCTSkip("tmux is not installed; end-to-end tests skipped (apt-get install tmux)")
        }
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("\(binary.path) is missing; run `swift build` first")
        }
    }

    static func which(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `pipedFrom`: a file `cat` pipes into the reader's standard input.
    init(arguments: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:],
         pipedFrom: String? = nil) throws {
        try Self.requirements()
        home = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        socket = home.appendingPathComponent("tmux.sock").path
        var env = ["LANG": "C.UTF-8", "TERM": "xterm-256color", "HOME": home.path]
        env.merge(environment) { $1 }
        let envPart = env.map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
        let pipe = pipedFrom.map { "cat \(Self.quote($0)) | " } ?? ""
        let command = "cd \(Self.quote(Self.repository.path)) && \(pipe)env -u DOCBAO_DATA_DIR -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u NO_COLOR -u TMUX \(envPart) \(Self.quote(Self.binary.path)) "
            + arguments.map(Self.quote).joined(separator: " ") + "; echo __EXITED__ $?; sleep 600"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh", "-c", command])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: home)
    }

    /// The statistics folder the reader uses in this session (under the private HOME).
    var dataDirectory: String { home.path + "/.local/share/docbao" }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs tmux through popen. (Foundation's Process waits on a descriptor that the forked
    /// tmux server inherits, so waitUntilExit never returns after new-session.)
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let tmuxPath = Self.which("tmux") ?? "/usr/bin/tmux"
        let command = ([tmuxPath, "-S", socket] + args).map(Self.quote).joined(separator: " ")
            + (args.contains("new-session") ? " >/dev/null 2>&1 </dev/null" : " 2>/dev/null </dev/null")
        guard let pipe = popen(command, "r") else { throw CocoaError(.fileReadUnknown) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        pclose(pipe)
        return String(decoding: data, as: UTF8.self)
    }

    /// The reader's process: the child of the pane's shell (`env` has become docbao).
    func programID() throws -> Int32 {
        let shell = try tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        guard let first = children.split(separator: " ").first, let pid = Int32(first) else {
            throw XCTSkip("no child process under the pane's shell \(shell)")
        }
        return pid
    }

    /// How many write calls a process has made so far (`syscw` in Linux's /proc/PID/io).
    static func writeCalls(of pid: Int32) throws -> Int {
        guard let io = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8) else {
            throw XCTSkip("/proc/\(pid)/io is not readable here")
        }
        let line = io.split(separator: "\n").first { $0.hasPrefix("syscw:") }
        guard let count = line.flatMap({ Int($0.dropFirst("syscw:".count).trimmingCharacters(in: .whitespaces)) }) else {
            throw XCTSkip("/proc/\(pid)/io has no syscw line")
        }
        return count
    }

    func send(_ keys: String...) throws { try tmux(["send-keys"] + keys) }
    func sendLiteral(_ text: String) throws { try tmux(["send-keys", "-l", text]) }
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Where the pane's cursor is, from 0 (hidden or not: screen readers follow it anyway).
    func cursor() throws -> (x: Int, y: Int) {
        let parts = try tmux(["display-message", "-p", "#{cursor_x} #{cursor_y}"]).split(separator: " ")
            .compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard parts.count == 2 else { throw XCTSkip("tmux did not report the cursor") }
        return (parts[0], parts[1])
    }

    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p"] + (escapes ? ["-e"] : []))
    }

    /// Polls the screen until `predicate` holds on a settled screen, up to `timeout` seconds.
    ///
    /// Settled: the same a moment later. tmux reads the pseudo-terminal in pieces (1–4 KB), so
    /// even a frame written in one call can be captured half-applied — the new frame's body
    /// above the old status line — and a screen that has just matched is taken only once it
    /// has stopped changing.
    @discardableResult
    func waitUntil(timeout: Double = 10, escapes: Bool = false, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        var matched: String?
        while Date() < deadline {
            last = try screen(escapes: escapes)
            if predicate(last) {
                if last == matched { return last }
                matched = last
                usleep(40_000)
                continue
            }
            matched = nil
            usleep(50_000)
        }
        XCTFail("timed out; screen was:\n\(last)")
        return last
    }

    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        try waitUntil(timeout: timeout) { $0.contains(text) }
    }

    /// Starts copying every byte the program writes to the pane into a file (`pipe-pane`);
    /// returns the file's path.
    func copyRawOutput() throws -> String {
        let path = home.path + "/raw-\(UUID().uuidString).bin"
        try tmux(["pipe-pane", "-o", "cat >> " + Self.quote(path)])
        return path
    }

    /// The bytes copied to `path` once they hold `text` (polled, up to `timeout` seconds), and
    /// then 300 ms more, for the rest of that frame to pass through `cat`.
    func rawOutput(_ path: String, containing text: String, timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        func read() -> String { String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        while Date() < deadline, !read().contains(text) { usleep(50_000) }
        usleep(300_000)
        let bytes = read()
        if !bytes.contains(text) { XCTFail("timed out waiting for \(text.debugDescription) in the raw output") }
        return bytes
    }
}
