import HTTPCore

/// The money and percentage figures of egresos.md §1 and §6, over integer cents (ruling E10): `money(c)`,
/// `pct(a, b)`, `fmtpct(p)` and the profitability `label(p)`. A percentage is carried as hundredths of a percent
/// (`-10000` is -100 %, `3333` is 33.33 %), so nothing is ever a binary fraction.
public enum Figures {
    /// `money(c)`: sign, whole units, ".", two digits; no thousands separator (50000 → "500.00", -1050 → "-10.50").
    public static func money(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let (units, rest) = cents.magnitude.quotientAndRemainder(dividingBy: 100)
        return sign + "\(units)." + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// `pct(a, b)` in hundredths of a percent: `round_half_away_from_zero(a × 10000 / b)`, and 0 when `b` is 0
    /// (§6). Computed in 128 bits, so no pair of cents overflows; a quotient beyond 64 bits is clamped.
    public static func percentHundredths(_ a: Int64, of b: Int64) -> Int64 {
        guard b != 0 else { return 0 }
        let numerator = Int128(a) * 10_000
        let denominator = Int128(b)
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        var rounded = quotient
        if remainder.magnitude * 2 >= denominator.magnitude {
            rounded += (numerator < 0) == (denominator < 0) ? 1 : -1
        }
        return Int64(clamping: rounded)
    }

    /// `p` as a JSON number: whole values as integers (0, -100), else the shortest decimal (33.33, 12.5).
    public static func percentNumber(_ hundredths: Int64) -> JSONValue {
        hundredths % 100 == 0 ? .int(hundredths / 100) : .number(decimal(hundredths))
    }

    /// `fmtpct(p)`: the shortest decimal form and `" %"` ("0 %", "-100 %", "33.33 %", "12.5 %"); never "-0 %".
    public static func percentText(_ hundredths: Int64) -> String { decimal(hundredths) + " %" }

    /// `label(p)` (§6): `p ≤ 0` "danger", `0 < p < successMin` "warning", else "success"
    /// (`PROFITABILITY_SUCCESS_MIN`, default 30, ruling E9).
    public static func label(_ hundredths: Int64, successMin: Int) -> String {
        if hundredths <= 0 { return "danger" }
        return hundredths < Int64(successMin) * 100 ? "warning" : "success"
    }

    /// Hundredths as the shortest decimal text: 3333 → "33.33", 1250 → "12.5", -10000 → "-100", 0 → "0".
    static func decimal(_ hundredths: Int64) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let (whole, fraction) = hundredths.magnitude.quotientAndRemainder(dividingBy: 100)
        switch fraction {
        case 0: return sign + "\(whole)"
        case let f where f % 10 == 0: return sign + "\(whole).\(f / 10)"
        case let f: return sign + "\(whole)." + (f < 10 ? "0" : "") + "\(f)"
        }
    }
}
