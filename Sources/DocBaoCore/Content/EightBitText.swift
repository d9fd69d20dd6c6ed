/// Text in an 8-bit code turned into UTF-8, a byte at a time: ASCII as it is (where the code
/// keeps it), any other byte as the one or two scalars the code gives it.
enum EightBitText {
    /// `keepsByte`: the bytes that are ASCII's in the code. `scalars`: the others', the
    /// second 0 where there is one.
    static func utf8(_ bytes: [UInt8], keepsByte: (UInt8) -> Bool = { $0 < 0x80 },
                     scalars: (UInt8) -> (UInt32, UInt32)) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        for b in bytes {
            if keepsByte(b) {
                out.append(b)
                continue
            }
            let (first, second) = scalars(b)
            UTF8.encode(Unicode.Scalar(first)!) { out.append($0) }
            if second != 0 { UTF8.encode(Unicode.Scalar(second)!) { out.append($0) } }
        }
        return out
    }
}
