import HTTPCore

/// The six operations of every catalog as documented (OpenAPI, `/docs`), from the same definitions the routes
/// are registered from.
extension CatalogRoutes {
    /// The tag of `catalog`: "Catálogo: <plural>" for the catalogs, the singular for the fleet (vehicles).
    static func tag(_ catalog: CatalogDefinition) -> String {
        Flota.all.contains { $0.prefix == catalog.prefix } ? catalog.naming.singular : "Catálogo: " + catalog.naming.plural
    }

    /// The record schema of `catalog`: its columns, the resolved names of its view, the audit columns.
    static func record(_ catalog: CatalogDefinition) -> JSONValue {
        OpenAPISchema.record(["Id"] + catalog.fields.map(\.column) + catalog.resolvedColumns
            + ["Eliminado", "FechaHoraCreacion", "FechaHoraActualizacion", "FechaHoraEliminacion"])
    }

    /// The six operations of `catalog`.
    static func operations(_ catalog: CatalogDefinition) -> CatalogOperationSet {
        let base = "/" + catalog.prefix
        let naming = catalog.naming
        let tag = tag(catalog)
        let identifying = catalog.uniqueKeys.filter(\.identifies).map(\.label).joined(separator: " o ")
        let record = record(catalog)
        let filters = APIOperation.query(catalog.filters.map(\.field))
        let id = [APIOperation.idParameter]
        return CatalogOperationSet(
            create: APIOperation(method: .post, path: base, tag: tag,
                                 summary: "Crea un registro; si choca con uno eliminado (\(identifying)), lo reactiva",
                                 access: .roles([.admin]), body: catalog.fields, success: (201, naming.created), data: record,
                                 errors: [400, 409]),
            all: APIOperation(method: .get, path: base + "/todos/lista", tag: tag, summary: "Todos los registros activos, sin paginar",
                              access: .authenticated, parameters: filters, success: (200, naming.listedAll),
                              data: OpenAPISchema.array(record), errors: [400]),
            list: APIOperation(method: .get, path: base, tag: tag, summary: "Listado paginado de registros activos",
                               access: .authenticated, parameters: filters + APIOperation.query(Pagination.fields),
                               success: (200, naming.listed), data: OpenAPISchema.page(record), errors: [400]),
            get: APIOperation(method: .get, path: base + "/{id}", tag: tag, summary: "Un registro activo",
                              access: .authenticated, parameters: id, success: (200, naming.obtained), data: record,
                              errors: [404]),
            update: APIOperation(method: .put, path: base + "/{id}", tag: tag,
                                 summary: "Actualización parcial: solo cambian los campos enviados; null borra un campo opcional",
                                 access: .roles([.admin]), parameters: id, body: catalog.fields, partial: true,
                                 success: (200, naming.updated), data: record, errors: [400, 404, 409]),
            delete: APIOperation(method: .delete, path: base + "/{id}", tag: tag,
                                 summary: "Eliminación lógica; se niega (409) mientras haya registros activos que lo usen",
                                 access: .roles([.admin]), parameters: id, success: (200, naming.deleted),
                                 data: OpenAPISchema.record(["mensaje"]), errors: [404, 409]))
    }
}
