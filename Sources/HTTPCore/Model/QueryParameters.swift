/// The decoded `name=value` pairs of a query string, in order.
public struct QueryParameters: Sendable {
    /// The pairs, decoded (`+` as space, percent escapes).
    public let pairs: [(name: String, value: String)]

    /// Parses a raw query string (without `?`).
    public init(_ raw: String) {
        pairs = URLEncoding.pairs(in: Array(raw.utf8))
    }

    /// The first value named `name`.
    public subscript(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value named `name`.
    public func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }
}
