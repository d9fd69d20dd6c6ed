/// The language the interface speaks. Vietnamese unless asked otherwise.
public enum UILanguage: String, CaseIterable, Sendable, Codable {
    case vi, en

    /// English when `LC_ALL`, `LC_MESSAGES` or `LANG` (first one set) starts with `en`.
    public static func fromEnvironment(_ env: [String: String]) -> UILanguage {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[key], !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .en : .vi
            }
        }
        return .vi
    }

    /// Groups thousands the way the language does: `64.226.919` / `64,226,919`.
    public func grouped(_ n: Int) -> String {
        let sep: Character = self == .vi ? "." : ","
        let digits = String(n.magnitude)
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(sep) }
            out.append(d)
        }
        return n < 0 ? "-" + out : out
    }

    /// One decimal place with the language's decimal mark: `4,5` / `4.5`.
    public func decimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10)\(self == .vi ? "," : ".")\(tenths % 10)"
    }
}
