import Glibc

/// A set of short words, each numbered in the order it was first inserted, found by hashing
/// its UTF-8 bytes; words match byte for byte (the tables hold folded text, and lines are
/// folded the same way before they are looked up). It stands in for `[String: Int]` in the
/// tables built before the first screen: a Swift dictionary hashes each key with SipHash
/// through `Hashable`, and the first one of its kind in a process has the runtime scan every
/// protocol conformance in the binary. The words' bytes are kept in one buffer, so building
/// a table makes no String per word.
struct WordTable {
    /// Open addressing: each slot holds a word's number, or -1. Twice as many slots as words
    /// at least, so that probes stay short.
    private var slots: [Int]
    /// The words' bytes one after another: word `n` ends at `ends[n]`.
    private var storage: [UInt8] = []
    private var ends: [Int] = []

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        ends.reserveCapacity(capacity)
        storage.reserveCapacity(capacity * 8)
    }

    var count: Int { ends.count }

    /// The words, in the order of their numbers.
    var words: [String] { (0..<count).map { String(decoding: storage[bounds(of: $0)], as: UTF8.self) } }

    /// The number of `word`, or nil when it is not in the table.
    func number(of word: Substring) -> Int? {
        var word = word
        return word.withUTF8 { number(of: $0) }
    }

    func number(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        probe(word).number
    }

    /// Adds `word` if it is new; returns its number either way.
    @discardableResult
    mutating func insert(_ word: Substring) -> Int {
        var word = word
        return word.withUTF8 { insert($0) }
    }

    @discardableResult
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        if ends.count * 2 >= slots.count { grow() }
        let (slot, number) = probe(word)
        if let number { return number }
        slots[slot] = ends.count
        storage.append(contentsOf: word)
        ends.append(storage.count)
        return ends.count - 1
    }

    private func bounds(of number: Int) -> Range<Int> {
        (number == 0 ? 0 : ends[number - 1])..<ends[number]
    }

    /// The slot that holds `word` (with its number), or the empty slot where it would go.
    private func probe(_ word: UnsafeBufferPointer<UInt8>) -> (slot: Int, number: Int?) {
        storage.withUnsafeBufferPointer { stored in
            var slot = Self.hash(word) & (slots.count - 1)
            while slots[slot] >= 0 {
                let range = bounds(of: slots[slot])
                if range.count == word.count
                    && (word.isEmpty || memcmp(stored.baseAddress! + range.lowerBound, word.baseAddress!, word.count) == 0)
                {
                    return (slot, slots[slot])
                }
                slot = (slot + 1) & (slots.count - 1)
            }
            return (slot, nil)
        }
    }

    /// Twice the slots; the words and their numbers stay.
    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for number in 0..<count {
            let hash = storage.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[bounds(of: number)])) }
            var slot = hash & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = number
        }
    }

    /// FNV-1a over the bytes. The table's words are fixed and few, so a fast hash is enough.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }
}
