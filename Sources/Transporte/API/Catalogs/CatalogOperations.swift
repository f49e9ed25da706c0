import HTTPCore

/// The six operations of every catalog as documented (OpenAPI, `/docs`), from the same definitions the routes
/// are registered from.
extension CatalogRoutes {
    static var operations: [APIOperation] {
        operations(Catalogs.all) { "Catálogo: " + $0.plural } + operations(Flota.all) { $0.singular }
    }

    /// The record schema of `catalog`: its columns, the resolved names of its view, the audit columns.
    static func record(_ catalog: CatalogDefinition) -> JSONValue {
        OpenAPISchema.record(["Id"] + catalog.fields.map(\.column) + catalog.resolvedColumns
            + ["Eliminado", "FechaHoraCreacion", "FechaHoraActualizacion", "FechaHoraEliminacion"])
    }

    /// The six operations of each of `catalogs`, tagged `tag(naming)`.
    static func operations(_ catalogs: [CatalogDefinition], tag: (CatalogNaming) -> String) -> [APIOperation] {
        catalogs.flatMap { catalog -> [APIOperation] in
            let base = "/" + catalog.prefix
            let naming = catalog.naming
            let tag = tag(naming)
            let identifying = catalog.uniqueKeys.filter(\.identifies).map(\.label).joined(separator: " o ")
            let record = record(catalog)
            let filters = APIOperation.query(catalog.filters.map(\.field))
            let id = [APIOperation.idParameter]
            return [
                APIOperation(method: .post, path: base, tag: tag,
                             summary: "Crea un registro; si choca con uno eliminado (\(identifying)), lo reactiva",
                             access: .roles([.admin]), body: catalog.fields, success: (201, naming.created), data: record,
                             errors: [400, 409]),
                APIOperation(method: .get, path: base + "/todos/lista", tag: tag, summary: "Todos los registros activos, sin paginar",
                             access: .authenticated, parameters: filters, success: (200, naming.listedAll),
                             data: OpenAPISchema.array(record), errors: [400]),
                APIOperation(method: .get, path: base, tag: tag, summary: "Listado paginado de registros activos",
                             access: .authenticated, parameters: filters + APIOperation.query(Pagination.fields),
                             success: (200, naming.listed), data: OpenAPISchema.page(record), errors: [400]),
                APIOperation(method: .get, path: base + "/{id}", tag: tag, summary: "Un registro activo",
                             access: .authenticated, parameters: id, success: (200, naming.obtained), data: record,
                             errors: [404]),
                APIOperation(method: .put, path: base + "/{id}", tag: tag,
                             summary: "Actualización parcial: solo cambian los campos enviados; null borra un campo opcional",
                             access: .roles([.admin]), parameters: id, body: catalog.fields, partial: true,
                             success: (200, naming.updated), data: record, errors: [400, 404, 409]),
                APIOperation(method: .delete, path: base + "/{id}", tag: tag,
                             summary: "Eliminación lógica; se niega (409) mientras haya registros activos que lo usen",
                             access: .roles([.admin]), parameters: id, success: (200, naming.deleted),
                             data: OpenAPISchema.record(["mensaje"]), errors: [404, 409]),
            ]
        }
    }
}
