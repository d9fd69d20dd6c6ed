/// A set of short words, each numbered in the order it was first inserted, found by hashing
/// its UTF-8 bytes; words match byte for byte (the tables hold folded text, and lines are
/// folded the same way before they are looked up). It stands in for `[String: Int]` in the
/// tables built before the first screen: a Swift dictionary hashes each key with SipHash
/// through `Hashable`, and the first one of its kind in a process has the runtime scan every
/// protocol conformance in the binary.
struct WordTable {
    /// Open addressing: each slot holds a word's number, or -1. Twice as many slots as words
    /// at least, so that probes stay short.
    private var slots: [Int]
    private(set) var words: [Substring] = []

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        words.reserveCapacity(capacity)
    }

    var count: Int { words.count }

    /// The number of `word`, or nil when it is not in the table.
    func number(of word: Substring) -> Int? {
        probe(word).number
    }

    /// Adds `word` if it is new; returns its number either way.
    @discardableResult
    mutating func insert(_ word: Substring) -> Int {
        if words.count * 2 >= slots.count { grow() }
        let (slot, number) = probe(word)
        if let number { return number }
        slots[slot] = words.count
        words.append(word)
        return words.count - 1
    }

    /// The slot that holds `word` (with its number), or the empty slot where it would go.
    private func probe(_ word: Substring) -> (slot: Int, number: Int?) {
        var slot = Self.hash(word) & (slots.count - 1)
        while slots[slot] >= 0 {
            if Self.same(words[slots[slot]], word) { return (slot, slots[slot]) }
            slot = (slot + 1) & (slots.count - 1)
        }
        return (slot, nil)
    }

    private mutating func grow() {
        let old = words
        slots = Array(repeating: -1, count: slots.count * 2)
        words = []
        for word in old { insert(word) }
    }

    /// FNV-1a over the bytes. The table's words are fixed and few, so a fast hash is enough.
    private static func hash(_ word: Substring) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var word = word
        word.withUTF8 { bytes in
            for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    private static func same(_ a: Substring, _ b: Substring) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.elementsEqual(y) } }
    }
}
