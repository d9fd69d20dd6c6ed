import Foundation

/// The order of the library's rows: by category, then by title, as a Vietnamese reader
/// expects them. Comparing strings by code point would put every title that starts with `Đ`,
/// `Â` or `Ơ` after `Z`, and `Số 10` before `Số 9`.
///
/// The key follows the Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư …): case and tone
/// marks count only when all else is equal, in the order of the tones (none, huyền, sắc, hỏi,
/// ngã, nặng); runs of digits compare as numbers.
public enum LibraryOrder {
    /// Entries sorted by category name, then title, then id (so that the order is total).
    public static func sorted(_ entries: [LibraryEntry]) -> [LibraryEntry] {
        entries.map { (category: key($0.category), title: key($0.title), entry: $0) }
            .sorted { a, b in
                if a.category != b.category { return a.category < b.category }
                if a.title != b.title { return a.title < b.title }
                return a.entry.id < b.entry.id
            }
            .map(\.entry)
    }

    /// A sort key: letters in alphabet order first, then tones, then case.
    public struct Key: Comparable, Sendable {
        var letters: [UInt32] = []
        var tones: [UInt8] = []
        var cases: [Bool] = []

        public static func < (a: Key, b: Key) -> Bool {
            if a.letters != b.letters { return a.letters.lexicographicallyPrecedes(b.letters) }
            if a.tones != b.tones { return a.tones.lexicographicallyPrecedes(b.tones) }
            return a.cases.lexicographicallyPrecedes(b.cases) { !$0 && $1 }
        }
    }

    public static func key(_ text: String) -> Key {
        var key = Key()
        var digits: [UInt32] = []
        func flushDigits() {
            guard !digits.isEmpty else { return }
            // A number sorts by its length without leading zeros, then digit by digit.
            let significant = digits.drop { $0 == 0x30 }
            key.letters.append(numberMark + UInt32(significant.count))
            key.letters += significant
            digits = []
        }
        // File names (the first listing) are mostly ASCII, which decomposes to itself: no
        // Foundation on the way to the library's first screen.
        let decomposed = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.decomposedStringWithCanonicalMapping
        for scalar in decomposed.unicodeScalars {
            let v = scalar.value
            if v >= 0x30 && v <= 0x39 {
                digits.append(v)
                continue
            }
            flushDigits()
            if let tone = tones[v] {
                if !key.tones.isEmpty { key.tones[key.tones.count - 1] = tone }
                continue
            }
            if let step = vowelMarks[v], let last = key.letters.last, last & 0xFF == 0, last > numberMark + 0xFF {
                // ă â ê ô ơ ư: the letter after its base, a step for each mark.
                key.letters[key.letters.count - 1] = last + step
                continue
            }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
            // đ is the letter after d; other letters keep their code point, spaced out so that
            // the marked vowels fit between a letter and the next.
            let letter: UInt32 = lower == 0x111 ? (0x64 << 8) | 1 : lower << 8
            key.letters.append(letter)
            key.tones.append(0)
            key.cases.append(lower != v)
        }
        flushDigits()
        return key
    }

    /// Numbers sort before letters (after spaces and punctuation, as in a dictionary).
    static let numberMark: UInt32 = 0x2F << 8

    /// Combining tone marks, in the order of the Vietnamese tones.
    static let tones: [UInt32: UInt8] = [0x300: 1, 0x301: 2, 0x309: 3, 0x303: 4, 0x323: 5]
    /// Breve, circumflex and horn: ă after a, â after ă; ê after e; ô after o, ơ after ô; ư after u.
    static let vowelMarks: [UInt32: UInt32] = [0x306: 1, 0x302: 2, 0x31B: 3]
}
