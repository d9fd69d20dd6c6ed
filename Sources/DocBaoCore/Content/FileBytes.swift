import Foundation

/// The bytes of an article file, read once and shared (never copied) by everything that
/// decodes from them: the head and tail parsers and the lazy middle of a large file.
///
/// The file is read rather than mapped, so that truncating it while it is open cannot crash
/// the reader with SIGBUS. (Transparent huge pages for the buffer were tried: faster on
/// average, but a first open after a pause took four times as long.)
public final class FileBytes: @unchecked Sendable {  // immutable after init
    public let buffer: UnsafeBufferPointer<UInt8>
    private let memory: UnsafeMutableRawPointer
    private let capacity: Int
    private let origin: Origin

    /// Where `memory` came from, which says how to give it back.
    private enum Origin {
        /// A mapping of its own (large buffers: measured faster to fill than malloc's).
        case mapped
        /// Swift's allocator.
        case allocated
        /// `malloc` (a `ByteBuilder`'s).
        case malloced
    }

    public convenience init(_ bytes: [UInt8]) {
        self.init(parts: [bytes])
    }

    /// The parts one after another (standard input arrives in parts of unknown number: kept
    /// as they came, they are copied once, with no array grown and copied on the way).
    init(parts: [[UInt8]]) {
        let count = parts.reduce(0) { $0 + $1.count }
        capacity = max(1, count)
        (memory, origin) = FileBytes.allocate(capacity)
        let typed = memory.bindMemory(to: UInt8.self, capacity: capacity)
        var at = 0
        for part in parts {
            part.withUnsafeBufferPointer { source in
                if let base = source.baseAddress { (typed + at).update(from: base, count: source.count) }
            }
            at += part.count
        }
        buffer = UnsafeBufferPointer(start: typed, count: count)
    }

    /// Reads `size` bytes (fewer if the file shrinks meanwhile) from an open descriptor,
    /// straight into uninitialised memory. A large file is read in parts on all cores:
    /// copying from the page cache and faulting in fresh pages are most of the cost of
    /// opening 100 MB.
    init(reading fd: Int32, size: Int) throws(ContentError) {
        capacity = max(1, size)
        (memory, origin) = FileBytes.allocate(capacity)
        let parts = size >= 8 << 20 ? max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) : 1
        let partSize = (size + parts - 1) / parts
        let base = UInt(bitPattern: memory)
        var filled = 0
        var failure: String?
        ParallelRounds.run(tasks: parts, perCore: 1, { k -> PartOutcome in
            let start = k * partSize, end = min(size, start + partSize)
            let memory = UnsafeMutableRawPointer(bitPattern: base)!
            var at = start
            while at < end {
                let n = pread(fd, memory + at, end - at, off_t(at))
                if n < 0 {
                    if errno == EINTR { continue }
                    return .failed(String(cString: strerror(errno)))
                }
                if n == 0 { break }  // truncated while reading
                at += n
            }
            return .read(at - start)
        }, consume: { k, outcome in
            switch outcome {
            case .failed(let message):
                failure = message
                return true
            case .read(let n):
                filled += n
                // The bytes end at the first part that came back short (the file shrank).
                return filled < (k + 1) * partSize
            }
        })
        if let failure {
            FileBytes.release(memory, capacity, origin)
            throw .unreadable(failure)
        }
        buffer = UnsafeBufferPointer(start: memory.bindMemory(to: UInt8.self, capacity: capacity), count: min(filled, size))
    }

    enum PartOutcome { case read(Int), failed(String) }

    /// The bytes `bytes` built, kept where they are.
    init(_ bytes: consuming ByteBuilder) {
        let (built, count) = bytes.take()
        (memory, capacity, origin) = (UnsafeMutableRawPointer(built), count, .malloced)
        buffer = UnsafeBufferPointer(start: built, count: count)
    }

    deinit { FileBytes.release(memory, capacity, origin) }

    private static func release(_ memory: UnsafeMutableRawPointer, _ capacity: Int, _ origin: Origin) {
        switch origin {
        case .mapped: _ = munmap(memory, capacity)
        case .allocated: memory.deallocate()
        case .malloced: free(memory)
        }
    }

    private static func allocate(_ size: Int) -> (UnsafeMutableRawPointer, Origin) {
        if size >= 1 << 20, let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            p != MAP_FAILED
        {
            return (p, .mapped)
        }
        return (UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16), .allocated)
    }

    public var count: Int { buffer.count }

    public func starts(with prefix: [UInt8]) -> Bool { buffer.starts(with: prefix) }
}
