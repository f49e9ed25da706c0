/// One list filter of a catalog (transporte.md §1.4, §10): a query parameter (declared as a `Field`, so a bad
/// value is a 400 naming it) and how it matches.
struct CatalogFilter: Sendable {
    /// How a filter value selects rows.
    enum Match: Sendable {
        /// `column = value` (booleans, ids, levels, `tipoLugar`).
        case exact
        /// `column LIKE %value%` (case-insensitive columns such as `Nombre`).
        case contains
        /// `column LIKE %VALUE%` with the value upper-cased first: `Codigo` is utf8mb4_bin, stored upper-case.
        case containsUpper
        /// `busqueda`: `contains` over several columns joined with OR; the `upper` ones are binary codes.
        case search([(column: String, upper: Bool)])
    }

    /// The query parameter and the column it reads.
    let field: Field
    /// How it matches.
    let match: Match

    /// `codigo`: partial, upper-cased (codes are binary).
    static let codigo = CatalogFilter(field: Field("codigo", .text(minLength: 0, maxLength: 250)), match: .containsUpper)
    /// `nombre`: partial.
    static let nombre = CatalogFilter(field: Field("nombre", .text(minLength: 0, maxLength: 250)), match: .contains)

    /// `busqueda` over `columns` (`Codigo` is matched upper-cased). The field's own column is unused: the
    /// match names the columns.
    static func busqueda(_ columns: String...) -> CatalogFilter {
        CatalogFilter(field: Field("busqueda", .text(minLength: 0, maxLength: 250), column: ""),
                      match: .search(columns.map { ($0, $0 == "Codigo") }))
    }

    /// An exact filter on the column of `key`.
    static func exact(_ key: String, _ kind: FieldKind) -> CatalogFilter {
        CatalogFilter(field: Field(key, kind), match: .exact)
    }
}
