/// An exact `DECIMAL` value carried as its decimal text (such as `"12345678.90"`), never as a `Double`.
public struct SQLDecimal: Sendable, Hashable, CustomStringConvertible {
    /// The decimal text as sent to or received from the server.
    public var string: String

    /// Wraps decimal text; the server rejects malformed text under the strict `sql_mode`.
    public init(_ string: String) {
        self.string = string
    }

    /// The decimal text.
    public var description: String { string }
}
