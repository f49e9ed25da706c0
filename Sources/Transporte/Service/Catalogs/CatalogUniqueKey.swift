/// A value that only one active row of a catalog may hold (transporte.md §1.5, §10). The schema backs it with
/// a UNIQUE index on the INVISIBLE generated column `<Column>Activo` (NULL for deleted rows), named
/// `uq_<tabla>_<columna>_activo`; the service checks it first to answer 409 with a readable message, and maps
/// the index's 1062 to the same 409 when a concurrent write wins the race.
struct CatalogUniqueKey: Sendable {
    /// The request key (`codigo`).
    let key: String
    /// The stored column (`Codigo`).
    let column: String
    /// How the 409 names it: "código", "nombre", "orden".
    let label: String
    /// Whether the value is quoted in the 409 (`'X'` for text, bare for numbers).
    let quoted: Bool
    /// Whether the value names the record, so that a create holding it brings back the deleted row that has it
    /// (§1.5): the code and the name do; a position (`orden`) does not.
    let identifies: Bool
    /// The article before the label in the 409: "el código", "la placa".
    var article = "el"

    /// The generated column that holds the value of active rows only.
    var activeColumn: String { column + "Activo" }

    /// `codigo` → "código".
    static let codigo = CatalogUniqueKey(key: "codigo", column: "Codigo", label: "código", quoted: true, identifies: true)
    /// `nombre` → "nombre".
    static let nombre = CatalogUniqueKey(key: "nombre", column: "Nombre", label: "nombre", quoted: true, identifies: true)
    /// `orden` → "orden", unquoted ("con el orden 3").
    static let orden = CatalogUniqueKey(key: "orden", column: "Orden", label: "orden", quoted: false, identifies: false)

    /// `placa` → "la placa P503067", unquoted (§9.1); it identifies the vehicle a create reactivates.
    static let placa = CatalogUniqueKey(key: "placa", column: "Placa", label: "placa", quoted: false, identifies: true,
                                        article: "la")

    /// The index name the schema gives this key in `table` (what a 1062 message names).
    func indexName(table: String) -> String { "uq_\(table.lowercased())_\(column.lowercased())_activo" }

    /// The value as the 409 shows it.
    func display(_ value: FieldValue) -> String {
        let text: String
        switch value {
        case .text(let string): text = string
        case .integer(let number): text = String(number)
        case .decimal(let number): text = number
        case .boolean(let flag): text = flag ? "true" : "false"
        case .null, .date, .time: text = ""
        }
        return quoted ? "'\(text)'" : text
    }
}
