import Foundation

/// One run of the built binary without a terminal: exit status, standard output and error.
struct BinaryRun {
    var status: Int32
    var output: Data
    var errors: String

    var text: String { String(decoding: output, as: UTF8.self) }

    /// Runs `docbao ARGS` in the repository folder with `environment` added to ours.
    static func docbao(_ args: [String], environment: [String: String] = [:]) throws -> BinaryRun {
        try TmuxSession.requirements()
        let p = Process()
        p.executableURL = TmuxSession.binary
        p.arguments = args
        p.currentDirectoryURL = TmuxSession.repository
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return BinaryRun(status: p.terminationStatus, output: data, errors: message)
    }
}
