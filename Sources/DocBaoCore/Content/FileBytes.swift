import Foundation

/// The bytes of an article file, read once and shared (never copied) by everything that
/// decodes from them: the head and tail parsers and the lazy middle of a large file.
///
/// A large file goes into an anonymous mapping with transparent huge pages requested: reading
/// 100 MB into ordinary pages costs as much in page faults and zeroing as in copying. The file
/// is read rather than mapped so that truncating it while it is open cannot crash the reader
/// with SIGBUS.
public final class FileBytes: @unchecked Sendable {  // immutable after init
    public let buffer: UnsafeBufferPointer<UInt8>
    private let release: () -> Void

    /// Files from this size on get the huge-page mapping.
    static let mappingThreshold = 4 * 1024 * 1024

    public init(_ bytes: [UInt8]) {
        let memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = memory.initialize(from: bytes)
        buffer = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(memory)[0..<bytes.count])
        release = { memory.deallocate() }
    }

    /// Reads `size` bytes (fewer if the file shrinks meanwhile) from an open descriptor.
    init(reading fd: Int32, size: Int) throws(ContentError) {
        let capacity = max(1, size)
        let memory: UnsafeMutableRawPointer
        let release: () -> Void
        if size >= Self.mappingThreshold,
            let mapped = mmap(nil, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            mapped != MAP_FAILED
        {
            _ = madvise(mapped, capacity, 14)  // MADV_HUGEPAGE; only a hint
            memory = mapped
            release = { _ = munmap(mapped, capacity) }
        } else {
            let allocated = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
            memory = allocated
            release = { allocated.deallocate() }
        }
        var filled = 0
        while filled < size {
            let n = Foundation.read(fd, memory + filled, size - filled)
            if n < 0 {
                if errno == EINTR { continue }
                let message = String(cString: strerror(errno))
                release()
                throw .unreadable(message)
            }
            if n == 0 { break }  // truncated while reading
            filled += n
        }
        buffer = UnsafeBufferPointer(start: memory.assumingMemoryBound(to: UInt8.self), count: filled)
        self.release = release
    }

    deinit { release() }

    public var count: Int { buffer.count }

    public func starts(with prefix: [UInt8]) -> Bool { buffer.starts(with: prefix) }
}
