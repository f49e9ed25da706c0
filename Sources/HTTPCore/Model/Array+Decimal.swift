extension Array where Element == UInt8 {
    /// Appends `value` (not negative) in decimal ASCII digits, zero-padded to `minimumDigits`, without an
    /// intermediate string (CGI heads, log lines).
    public mutating func appendDecimal(_ value: Int, minimumDigits: Int = 1) {
        var divisor = 1
        for _ in 1..<Swift.max(1, minimumDigits) { divisor *= 10 }
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
