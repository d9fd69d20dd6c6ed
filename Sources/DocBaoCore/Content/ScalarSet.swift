/// A handful of characters that are each one Unicode scalar (punctuation, spaces), matched by
/// scalar value. It stands in for `Set<Character>`: hashing a Character normalises it, and the
/// first `Set<Character>` a process makes has the Swift runtime scan every protocol
/// conformance in the binary, before the first screen.
struct ScalarSet: ExpressibleByArrayLiteral, Sendable {
    let scalars: [Unicode.Scalar]

    init(arrayLiteral scalars: Unicode.Scalar...) { self.scalars = scalars }

    /// Whether `c` is one of the members: a single scalar equal to one of them. (A member
    /// followed by a combining mark is a different character, as it was for the Set.)
    func contains(_ c: Character) -> Bool {
        let s = c.unicodeScalars
        guard let first = s.first, s.index(after: s.startIndex) == s.endIndex else { return false }
        return scalars.contains(first)
    }

    func contains(scalar v: UInt32) -> Bool { scalars.contains { $0.value == v } }

    /// The UTF-8 of each member.
    var encodings: [[UInt8]] { scalars.map { Array(String($0).utf8) } }
}
