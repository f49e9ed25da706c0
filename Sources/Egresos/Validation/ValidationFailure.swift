/// One failed field (egresos.md §8.2): the field's name as sent (`brands[0].name`), the application code and
/// the values of its message's placeholders.
public struct ValidationFailure: Sendable, Equatable {
    /// The field, items named `brands[0].name`.
    public let field: String
    /// The application code (4001, 42216, …).
    public let code: Int
    /// Placeholder values (`len`, `list`, `format`, `thing`, `value`, `model`, `size`, `type`).
    public let values: [String: String]

    /// A failure of `field` with `code`.
    public init(field: String, code: Int, values: [String: String] = [:]) {
        self.field = field
        self.code = code
        self.values = values
    }

    /// The HTTP status: the code's first three digits.
    public var status: Int {
        var value = code
        while value >= 1000 { value /= 10 }
        return value
    }
}

/// Validation failed: the field-error body of egresos.md §8.3, rendered by `EgresosErrorRenderer`.
public struct EgresosValidationError: Error, Sendable, Equatable {
    /// Every failing field, in evaluation order (at most one failure per field).
    public let failures: [ValidationFailure]

    /// An error from at least one failure.
    public init(failures: [ValidationFailure]) {
        precondition(!failures.isEmpty, "a validation error needs at least one failure")
        self.failures = failures
    }

    /// The lowest HTTP status among the failures (400 < 404 < 409 < 415 < 422).
    public var status: Int { failures.map(\.status).min() ?? 422 }
}

extension EgresosValidationError {
    /// 404 `4042` on `field` for a row of `table` that is not there for this caller: deleted between the `exists`
    /// check and the read, or another owner's (§8.2 `exists`, §9.2).
    static func notFound(_ field: String, _ table: ValidationTable) -> EgresosValidationError {
        EgresosValidationError(failures: [ValidationFailure(field: field, code: 4042, values: ["model": table.model])])
    }
}
