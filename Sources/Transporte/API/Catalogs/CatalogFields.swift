/// The fields the catalogs share, with the lengths of `sql/transporte/0001_catalogos.sql`.
enum CatalogFields {
    /// The values an INT column holds from 0 up (`orden`, `nivelJerarquico`; CHECK ≥ 0).
    static let nonNegative = 0...Int(Int32.max)
    /// The values an INT id column can hold.
    static let id = 1...Int(Int32.max)

    /// `codigo`: trimmed, upper-cased, no spaces (§10), `maxLength` characters.
    static func codigo(_ maxLength: Int = 50, required: Bool = true) -> Field {
        Field("codigo", .code(maxLength: maxLength), required: required)
    }

    /// `nombre`: required, trimmed, not blank.
    static func nombre(_ maxLength: Int) -> Field {
        Field("nombre", .text(minLength: 1, maxLength: maxLength), required: true)
    }

    /// An optional free text (blank or `null` stores NULL).
    static func text(_ key: String, _ maxLength: Int) -> Field {
        Field(key, .text(minLength: 0, maxLength: maxLength))
    }

    /// `descripcion` VARCHAR(250).
    static let descripcion = text("descripcion", 250)
}
