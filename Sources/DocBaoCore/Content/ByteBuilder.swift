import Foundation

/// Bytes appended into memory of their own and handed to `FileBytes` without a copy. A page's
/// text read from its HTML is about as large as the page: built in an array and then copied
/// into a `FileBytes`, it would be held twice at once (100 MB of HTML: 330 MB at the peak).
/// It grows with `realloc`, which moves a large block's pages rather than copying them.
struct ByteBuilder: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    var isEmpty: Bool { count == 0 }
    var last: UInt8? { count > 0 ? base[count - 1] : nil }

    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    mutating func append(_ byte: UInt8, times n: Int) {
        reserve(n)
        (base + count).initialize(repeating: byte, count: n)
        count += n
    }

    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func removeLast() { count -= 1 }

    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        capacity = max(2 * capacity, count + extra)
        base = realloc(base, capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    /// The memory (from `malloc`; the taker frees it) and how many bytes of it are written.
    consuming func take() -> (memory: UnsafeMutablePointer<UInt8>, count: Int) {
        let taken = (base, count)
        discard self
        return taken
    }
}
