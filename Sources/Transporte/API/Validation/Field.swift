/// What one request field accepts. Endpoints declare their fields as data (`Field`) and one decoder
/// (`FieldDecoder`) checks them all, so every field error has the same shape and the same Spanish text
/// (transporte.md §1.3, answered as 400 by ruling T2).
enum FieldKind: Sendable, Equatable {
    /// A JSON integer (in a query string: its decimal digits) in `range`.
    case integer(ClosedRange<Int>)
    /// A JSON number (in a query string: its text) in `range`; kept as its decimal text.
    case decimal(ClosedRange<Double>)
    /// A JSON string of at most `maxLength` characters as sent (code points, as MariaDB counts them), trimmed, then
    /// at least `minLength`.
    /// A blank optional text is stored as NULL.
    case text(minLength: Int, maxLength: Int)
    /// A catalog code: trimmed, upper-cased, no inner whitespace (§10), at most `maxLength` characters.
    case code(maxLength: Int)
    /// Free text stored upper-case (`tipoLugar`): trimmed, upper-cased, then at most `maxLength` characters
    /// (counted after upper-casing, which can lengthen a text: `ß` → `SS`). Blank is NULL when nullable.
    case upperText(maxLength: Int)
    /// A vehicle plate (§9.1): ASCII letters, digits, `-` and spaces, at most `maxLength` characters as sent;
    /// stored upper-case with the spaces removed (`p 503 067` → `P503067`).
    case plate(maxLength: Int)
    /// A JSON boolean (in a query string: `true` or `false`).
    case boolean
    /// A calendar date `YYYY-MM-DD`.
    case date
    /// A time of day `HH:MM` or `HH:MM:SS`.
    case time
    /// A local date and time `YYYY-MM-DDTHH:MM[:SS]` in the module's zone, kept as its canonical text
    /// `YYYY-MM-DDTHH:MM:SS` (`LocalDateTime` reads it back).
    case dateTime
}

/// One accepted field: its request key (camelCase), its column (PascalCase) and its rules.
struct Field: Sendable {
    /// The request key (`idLugar`).
    let key: String
    /// The column it is stored in (`IdLugar`); derived from the key by default.
    let column: String
    /// What it accepts.
    let kind: FieldKind
    /// Whether a create must send it.
    let required: Bool
    /// Whether `null` is accepted (it clears the column on update, ruling 5).
    let nullable: Bool

    init(_ key: String, _ kind: FieldKind, required: Bool = false, nullable: Bool? = nil, column: String? = nil) {
        self.key = key
        self.kind = kind
        self.required = required
        self.nullable = nullable ?? !required
        self.column = column ?? Field.pascalCase(key)
    }

    /// `idLugar` → `IdLugar`.
    static func pascalCase(_ key: String) -> String {
        guard let first = key.first else { return key }
        return first.uppercased() + key.dropFirst()
    }
}
