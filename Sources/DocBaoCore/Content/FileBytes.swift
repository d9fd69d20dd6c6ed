import Dispatch
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

    public init(_ bytes: [UInt8]) {
        mappedSize = nil
        memory = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 16)
        let typed = memory.bindMemory(to: UInt8.self, capacity: max(1, bytes.count))
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { typed.update(from: base, count: source.count) }
        }
        buffer = UnsafeBufferPointer(start: typed, count: bytes.count)
    }

    /// Reads `size` bytes (fewer if the file shrinks meanwhile) from an open descriptor,
    /// straight into uninitialised memory.
    init(reading fd: Int32, size: Int) throws(ContentError) {
        let memory = FileBytes.allocate(max(1, size))
        // A large file is read in parts on all cores: copying from the page cache and faulting
        // in fresh pages are most of the cost of opening 100 MB.
        let parts = size >= 8 << 20 ? max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) : 1
        let partSize = (size + parts - 1) / parts
        let results = TaskSlots<PartOutcome>(count: parts)
        let base = UInt(bitPattern: memory)
        DispatchQueue.concurrentPerform(iterations: parts) { k in
            let start = k * partSize, end = min(size, start + partSize)
            let memory = UnsafeMutableRawPointer(bitPattern: base)!
            var filled = start
            while filled < end {
                let n = pread(fd, memory + filled, end - filled, off_t(filled))
                if n < 0 {
                    if errno == EINTR { continue }
                    results.set(.failed(String(cString: strerror(errno))), at: k)
                    return
                }
                if n == 0 { break }  // truncated while reading
                filled += n
            }
            results.set(.read(filled - start), at: k)
        }
        // The bytes run up to the first part that came back short (the file shrank).
        var filled = 0
        for k in 0..<parts {
            switch results.get(k) {
            case .failed(let message)?:
                FileBytes.deallocate(memory, max(1, size))
                throw .unreadable(message)
            case .read(let n)?:
                filled += n
            case nil:
                break
            }
            if filled < (k + 1) * partSize { break }
        }
        self.memory = memory
        mappedSize = max(1, size)
        buffer = UnsafeBufferPointer(start: memory.bindMemory(to: UInt8.self, capacity: max(1, size)), count: min(filled, size))
    }

    enum PartOutcome { case read(Int), failed(String) }

    deinit {
        if let mappedSize { FileBytes.deallocate(memory, mappedSize) } else { memory.deallocate() }
    }

    /// Large buffers get a mapping of their own (measured faster to fill than malloc's).
    private let mappedSize: Int?
    static let mappingThreshold = 1 << 20

    private static func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        if size >= mappingThreshold, let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            p != MAP_FAILED
        {
            return p
        }
        return UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    }

    private static func deallocate(_ memory: UnsafeMutableRawPointer, _ size: Int) {
        if size >= mappingThreshold { _ = munmap(memory, size) } else { memory.deallocate() }
    }

    public var count: Int { buffer.count }

    public func starts(with prefix: [UInt8]) -> Bool { buffer.starts(with: prefix) }
}
