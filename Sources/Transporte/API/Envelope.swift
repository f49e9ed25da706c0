import HTTPCore

/// The T1 envelope: `{"success", "message", "data"}`, and `errors` on failures.
enum Envelope {
    /// A success.
    static func success(_ message: String, data: JSONValue, status: Int = 200) -> Response {
        .json(.object([("success", .bool(true)), ("message", .string(message)), ("data", data)]), status: status)
    }

    /// A failure.
    static func failure(_ error: TransporteError, data: JSONValue = .null) -> Response {
        let errors = error.errors.map { JSONValue.object([("field", .string($0.field)), ("message", .string($0.message))]) }
        return .json(.object([("success", .bool(false)), ("message", .string(error.message)), ("data", data),
                              ("errors", .array(errors))]), status: error.status)
    }
}
