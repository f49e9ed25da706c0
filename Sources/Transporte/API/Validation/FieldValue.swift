import AppCore

/// A decoded, checked field value, ready for a repository.
enum FieldValue: Sendable, Equatable {
    /// Clear the column.
    case null
    /// Text (trimmed).
    case text(String)
    /// An integer.
    case integer(Int)
    /// A decimal number as its canonical text.
    case decimal(String)
    /// A boolean.
    case boolean(Bool)
    /// A calendar date.
    case date(CivilDate)
    /// A time of day, milliseconds since midnight.
    case time(Int)

    /// The integer, if this is one.
    var integer: Int? { if case .integer(let n) = self { n } else { nil } }
    /// The text, if this is one.
    var text: String? { if case .text(let s) = self { s } else { nil } }
    /// The boolean, if this is one.
    var boolean: Bool? { if case .boolean(let b) = self { b } else { nil } }
    /// The date, if this is one.
    var date: CivilDate? { if case .date(let d) = self { d } else { nil } }
    /// The time of day, if this is one.
    var time: Int? { if case .time(let t) = self { t } else { nil } }
}

/// The fields a request sent, in declaration order, each checked against its `Field`.
struct Validated: Sendable {
    /// `(field, value)` for every declared field present in the input.
    var values: [(field: Field, value: FieldValue)] = []

    /// The value sent for `key`, if any (`.null` when the client sent null).
    subscript(_ key: String) -> FieldValue? {
        values.first { $0.field.key == key }?.value
    }

    /// Whether nothing was sent.
    var isEmpty: Bool { values.isEmpty }

    /// `(column, value)` pairs, for an INSERT or UPDATE.
    var columns: [(column: String, value: FieldValue)] { values.map { ($0.field.column, $0.value) } }
}
