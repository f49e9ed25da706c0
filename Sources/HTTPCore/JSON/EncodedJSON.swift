/// A JSON document already written as UTF-8 (by a repository straight from database rows, say), sent as it is.
///
/// Built from a `JSONOutput` the writer filled; `Response.json(_:status:)` takes it without another pass, so a
/// response assembled from fetched bytes never goes through `JSONValue`.
public struct EncodedJSON: Sendable, Equatable {
    /// The JSON text.
    public let bytes: [UInt8]

    /// The text written into `output` (one exact-size copy).
    package init(_ output: borrowing JSONOutput) {
        bytes = output.bytes()
    }

    /// The JSON text of `value`, for callers (and tests) that hold a `JSONValue`.
    public init(_ value: JSONValue) {
        bytes = JSONWriter.encode(value)
    }
}
