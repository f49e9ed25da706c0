/// One catalog module of transporte.md §10 as data: its path, table, naming, fields and rules. One generic
/// implementation (`CatalogRoutes`, `CatalogService`, `MariaDBCatalogRepository`) serves the six endpoints of
/// every definition, so a rule fixed once is fixed for all twelve catalogs.
///
/// Every identifier here (table, columns, ORDER BY, guard SQL) is static text of the definition; request
/// input only ever reaches SQL as bound values.
struct CatalogDefinition: Sendable {
    /// The path prefix, without slashes: `estado-solicitud`.
    let prefix: String
    /// The table: `EstadoSolicitud`.
    let table: String
    /// What reads select from: the table, or a view over it that adds resolved names (`VistaVehiculo`); writes
    /// and row locks always go to `table`.
    let source: String
    /// The columns the read view adds to the table's (`NombreClaseVehiculo`), as its select list names them.
    let resolvedColumns: [String]
    /// How messages name the records.
    let naming: CatalogNaming
    /// The body fields, in column order; `required` ones must be sent on create. Lengths and ranges are the
    /// schema's, so every value is checked before it can reach a CHECK (4025) or a column limit (1406).
    let fields: [Field]
    /// Values unique among active rows, in the order they are checked.
    let uniqueKeys: [CatalogUniqueKey]
    /// The list order (columns; `Id` is appended as the tie-breaker).
    let orderBy: [String]
    /// The list filters besides `pagina` / `por_pagina`.
    let filters: [CatalogFilter]
    /// Why a row may not be deleted.
    let guards: [CatalogGuard]
    /// Integer fields that name other rows, which must exist and be active.
    let references: [CatalogReference]
    /// A parent field forming a tree, if any (no cycles).
    let hierarchy: CatalogHierarchy?
    /// Codes the system looks up by value (stored procedures, auth): such a row cannot be deleted and its
    /// `codigo` cannot change (409).
    let protectedCodes: Set<String>
    /// The column the delete message quotes.
    let displayColumn: String

    init(prefix: String, table: String, naming: CatalogNaming, fields: [Field], uniqueKeys: [CatalogUniqueKey],
         orderBy: [String] = ["Nombre"], filters: [CatalogFilter], guards: [CatalogGuard] = [],
         references: [CatalogReference] = [], hierarchy: CatalogHierarchy? = nil, protectedCodes: Set<String> = [],
         displayColumn: String = "Nombre", view: (name: String, adds: [String])? = nil) {
        self.prefix = prefix
        self.table = table
        self.source = view?.name ?? table
        self.resolvedColumns = view?.adds ?? []
        self.naming = naming
        self.fields = fields
        self.uniqueKeys = uniqueKeys
        self.orderBy = orderBy
        self.filters = filters
        self.guards = guards
        self.references = references
        self.hierarchy = hierarchy
        self.protectedCodes = protectedCodes
        self.displayColumn = displayColumn
    }

    /// The field of request key `key`.
    func field(_ key: String) -> Field? { fields.first { $0.key == key } }

    /// The field stored in `column`.
    func field(column: String) -> Field? { fields.first { $0.column == column } }
}
