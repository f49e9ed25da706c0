import AppCore

/// A decoded, checked field value, ready for a repository.
enum FieldValue: Sendable, Equatable {
    /// Clear the column.
    case null
    /// Text.
    case text(String)
    /// A calendar date.
    case date(CivilDate)
    /// An instant, Unix milliseconds (UTC).
    case timestamp(Int64)
    /// A time of day, milliseconds since midnight.
    case timeOfDay(Int)
    /// A boolean.
    case boolean(Bool)
    /// An integer.
    case integer(Int)
    /// An amount as exact decimal text (`"3500.00"`).
    case money(String)
}

/// The fields a request sent, in declaration order, each checked against its spec.
struct DecodedFields: Sendable {
    /// `(column, value)` for every declared field present in the body.
    var values: [(name: String, value: FieldValue)]

    /// The value of `name`, if it was sent.
    subscript(_ name: String) -> FieldValue? {
        values.first { $0.name == name }?.value
    }

    /// Whether nothing was sent.
    var isEmpty: Bool { values.isEmpty }
}
