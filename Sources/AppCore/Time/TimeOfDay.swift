/// Wall-clock times of day as the APIs take them: `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`.
public enum TimeOfDay {
    /// Milliseconds since midnight for `HH:MM`, `HH:MM:SS` or `HH:MM:SS.f…` (up to 6 fraction digits,
    /// truncated to milliseconds), or nil.
    public static func milliseconds(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 2, parts[1].count == 2,
              parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit),
              let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        var millis = (h * 60 + m) * 60_000
        if parts.count == 3 {
            let seconds = parts[2].split(separator: ".", omittingEmptySubsequences: false)
            guard seconds.count <= 2, seconds[0].count == 2, seconds[0].allSatisfy(\.isASCIIDigit),
                  let s = Int(seconds[0]), (0..<60).contains(s) else { return nil }
            millis += s * 1_000
            if seconds.count == 2 {
                let fraction = seconds[1]
                guard (1...6).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit) else { return nil }
                let padded = String(fraction.prefix(3)) + String(repeating: "0", count: max(0, 3 - fraction.count))
                millis += Int(padded) ?? 0
            }
        }
        return millis
    }

    /// `HH:MM:SS` for milliseconds since midnight (fractions dropped).
    public static func format(milliseconds: Int) -> String {
        let seconds = milliseconds / 1_000
        return pad(seconds / 3_600) + ":" + pad(seconds / 60 % 60) + ":" + pad(seconds % 60)
    }

    /// `HH:MM:SS` of its parts.
    public static func format(hours: Int, minutes: Int, seconds: Int) -> String {
        pad(hours) + ":" + pad(minutes) + ":" + pad(seconds)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
