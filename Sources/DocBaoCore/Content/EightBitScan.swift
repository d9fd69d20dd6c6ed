/// What the first 64 KB of a file that is not UTF-8 say about the 8-bit code it may be in:
/// how many bytes lie above 0x7F, how many UTF-8 sequences among them are valid and how many
/// are not, and how many of those bytes are the code's telltales (`Windows1258`, `TCVN3` and
/// `VNI` each count their own; `VISCII` counts syllables instead).
struct EightBitScan {
    var high = 0, telltales = 0, validSequences = 0, invalid = 0

    /// Few valid UTF-8 sequences beside the invalid ones: an 8-bit code, not UTF-8 with some
    /// damage.
    var looksEightBit: Bool { invalid > 0 && validSequences * 10 < invalid }

    /// An 8-bit code with at least one telltale in `n` of its bytes above 0x7F (and three in
    /// all).
    func isEightBit(withTelltalesOneIn n: Int) -> Bool { looksEightBit && telltales >= 3 && telltales * n >= high }

    /// `a e i o u y` in either case.
    static func isASCIIVowel(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): return true
        default: return false
        }
    }

    /// `telltales(start, length, valid)` counts them in one sequence of bytes above 0x7F.
    /// Nil when the bytes are UTF-8 from their start (a thousand valid sequences, none
    /// invalid): no need to read further.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, telltales: (_ start: Int, _ length: Int, _ valid: Bool) -> Int)
        -> EightBitScan?
    {
        let count = min(bytes.count, 64 * 1024)
        var scan = EightBitScan()
        var i = 0
        while i < count {
            if bytes[i] < 0x80 {  // ASCII, stepped over without the parser
                i += 1
                continue
            }
            var parser = Unicode.UTF8.ForwardParser()
            var rest = bytes[i..<count].makeIterator()
            switch parser.parseScalar(from: &rest) {
            case .valid(let sequence):
                scan.validSequences += 1
                if scan.invalid == 0 && scan.validSequences >= 1000 { return nil }
                scan.telltales += telltales(i, sequence.count, true)
                scan.high += sequence.count
                i += sequence.count
            case .error(let length):
                scan.telltales += telltales(i, length, false)
                scan.invalid += 1
                scan.high += length
                i += length
            case .emptyInput:
                i = count
            }
        }
        return scan
    }
}
