/// One result slot per task of a `DispatchQueue.concurrentPerform` round. Each task writes
/// only its own slot, and the slots are read after the round: no two threads touch one slot.
final class TaskSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ value: Value, at k: Int) { slots.withUnsafeMutableBufferPointer { $0[k] = value } }

    func get(_ k: Int) -> Value? { slots[k] }
}
