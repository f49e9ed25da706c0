/// A JSON document to write: objects keep the order in which keys were given.
public indirect enum JSONValue: Sendable, Equatable {
    /// `null`
    case null
    /// `true`/`false`
    case bool(Bool)
    /// An integer.
    case int(Int64)
    /// A floating-point number (non-finite values are written as `null`).
    case double(Double)
    /// A number given as its exact text (decimals from the database), written verbatim.
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, in key order.
    case object([(String, JSONValue)])

    /// An integer from any `BinaryInteger`.
    public static func integer<T: BinaryInteger>(_ value: T) -> JSONValue { .int(Int64(value)) }

    /// `.string(value)`, or `.null` when nil.
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}
