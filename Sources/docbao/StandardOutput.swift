import Foundation

/// Standard output written with write(2). A failed write (a full disk, a pipe closed where
/// SIGPIPE is ignored) is the command's failure: through `print` it was lost in stdio's buffer
/// and `docbao dump FILE > out.txt` on a full disk ended with status 0 and half a file.
enum StandardOutput {
    static func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) {
        guard var base = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = Foundation.write(STDOUT_FILENO, base, left)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let code = n < 0 ? errno : EIO
                throw Failure(message: "cannot write standard output: \(String(cString: strerror(code)))")
            }
            base += n
            left -= n
        }
    }

    static func write(_ text: String) throws(Failure) {
        var text = text
        // `withUTF8` rethrows untyped: the error is carried out of it by hand.
        var failure: Failure?
        text.withUTF8 { bytes in
            do throws(Failure) { try write(bytes) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// `lines`, each ended by a line end, in one write.
    static func lines(_ lines: [String]) throws(Failure) {
        try write(lines.map { $0 + "\n" }.joined())
    }
}
