/// A non-field Egresos failure (egresos.md §8.3): a string code whose first three digits are the HTTP status.
public struct EgresosError: Error, Equatable, Sendable {
    /// The code, e.g. `"4041"` or a bare `"400"`.
    public let code: String
    /// Values for the message's placeholders (`size`).
    public let values: [String: String]

    /// An error with `code`.
    public init(code: String, values: [String: String] = [:]) {
        self.code = code
        self.values = values
    }

    /// The HTTP status: the code's first three digits.
    public var status: Int { Int(code.prefix(3)) ?? 500 }

    /// 404 `4041`: unknown route or method (§1.1 step 1).
    public static let routeNotFound = EgresosError(code: "4041")
    /// 400 `"400"`: malformed body.
    public static let malformedBody = EgresosError(code: "400")
    /// 415 `"415"`: unsupported Content-Type.
    public static let unsupportedMediaType = EgresosError(code: "415")
    /// 415 `4153`: a body (file) over the size limit; the message speaks of the 5 MB per-file limit.
    public static let bodyTooLarge = EgresosError(code: "4153", values: ["size": "5120"])
    /// 503: the database does not answer.
    public static let serviceUnavailable = EgresosError(code: "503")
    /// 500.
    public static let internalError = EgresosError(code: "500")
}
