import Dispatch
import Foundation

/// Work cut into numbered tasks, run a round at a time on all cores, each round's results
/// handed back in task order. It serves the large-file paths: reading the file, `dump`, and
/// search (which stops at its first hit: `consume` returns true to stop).
enum ParallelRounds {
    static func run<Value>(tasks: Int, perCore: Int, _ work: @Sendable (Int) -> Value,
                           consume: (Int, Value) -> Bool) {
        // One task (a small file) runs here: starting Dispatch's thread pool and asking how
        // many cores there are would cost more than the work.
        if tasks == 1 {
            _ = consume(0, work(0))
            return
        }
        let perRound = perCore * max(1, ProcessInfo.processInfo.activeProcessorCount)
        var done = 0
        while done < tasks {
            let round = min(perRound, tasks - done)
            let slots = Slots<Value>(count: round)
            let first = done
            DispatchQueue.concurrentPerform(iterations: round) { k in slots.set(work(first + k), at: k) }
            for k in 0..<round where consume(first + k, slots.get(k)) { return }
            done += round
        }
    }

    /// One result per task of a round. Each task writes only its own slot, and the slots are
    /// read after the round: no two threads touch one slot. The slots are raw memory, not an
    /// array: writing an element of a shared array begins an access to the whole array, so
    /// tasks writing their own elements at once would still overlap (ThreadSanitizer says so).
    private final class Slots<Value>: @unchecked Sendable {
        private let values: UnsafeMutablePointer<Value?>
        private let count: Int
        init(count: Int) {
            self.count = count
            values = .allocate(capacity: count)
            values.initialize(repeating: nil, count: count)
        }
        deinit {
            values.deinitialize(count: count)
            values.deallocate()
        }
        func set(_ value: Value, at k: Int) { values[k] = value }
        func get(_ k: Int) -> Value { values[k]! }
    }
}
