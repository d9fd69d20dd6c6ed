import Foundation

/// One run of the built binary without a terminal: exit status, standard output and error.
struct BinaryRun {
    var status: Int32
    var output: Data
    var errors: String

    var text: String { String(decoding: output, as: UTF8.self) }

    /// Runs `docbao ARGS` in `directory` (the repository folder by default) with `environment`
    /// added to ours and the variables in `unset` taken out, and `input` (if any) written to
    /// its standard input through a pipe.
    static func docbao(_ args: [String], environment: [String: String] = [:], unset: [String] = [],
                       directory: URL = TmuxSession.repository, input: Data? = nil) throws -> BinaryRun {
        try TmuxSession.requirements()
        let p = Process()
        p.executableURL = TmuxSession.binary
        p.arguments = args
        p.currentDirectoryURL = directory
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }.filter { !unset.contains($0.key) }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let stdin = Pipe()
        if input != nil { p.standardInput = stdin }
        try p.run()
        if let input {
            // Written from another thread, so that a large input cannot block on a full pipe
            // while the output waits to be read.
            let writer = stdin.fileHandleForWriting
            Thread.detachNewThread {
                writer.write(input)
                try? writer.close()
            }
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return BinaryRun(status: p.terminationStatus, output: data, errors: message)
    }
}
