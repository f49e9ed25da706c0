import HTTPCore

/// The six endpoints of every catalog of `Catalogs.all` (transporte.md §10): `POST /<prefix>`,
/// `GET /<prefix>/todos/lista`, `GET /<prefix>/:id`, `GET /<prefix>` (paginated; `/<prefix>/` is the same
/// path to the router), `PUT /<prefix>/:id`, `DELETE /<prefix>/:id`. Reads need any valid token, writes an
/// ADMIN (T5). The literal `todos/lista` is matched before `:id`.
struct CatalogRoutes {
    /// The catalogs to serve.
    var catalogs: [CatalogDefinition] = Catalogs.all + Flota.all

    func register(in router: inout Router<TransporteContext>) {
        for catalog in catalogs {
            Self.register(catalog, in: &router)
        }
    }

    private static func register(_ catalog: CatalogDefinition, in router: inout Router<TransporteContext>) {
        let naming = catalog.naming
        let operations = Self.operations(catalog)
        router.add(operations.create.spec) { request, context in
            var decoder = FieldDecoder()
            let values = decoder.decode(try request.bodyObject(context), catalog.fields)
            try decoder.finish()
            return Envelope.success(naming.created, data: try service(catalog, context).create(values), status: 201)
        }
        router.add(operations.all.spec) { request, context in
            let (filters, _) = try Self.filters(catalog, request, paginated: false)
            return Envelope.success(naming.listedAll, data: try service(catalog, context).all(filters: filters))
        }
        router.add(operations.list.spec) { request, context in
            let (filters, page) = try Self.filters(catalog, request, paginated: true)
            return Envelope.success(naming.listed, data: try service(catalog, context).list(filters: filters, page: page))
        }
        router.add(operations.get.spec) { request, context in
            let service = service(catalog, context)
            return Envelope.success(naming.obtained, data: try service.get(id: try Self.id(request, service)))
        }
        router.add(operations.update.spec) { request, context in
            let service = service(catalog, context)
            let id = try Self.id(request, service)
            var decoder = FieldDecoder()
            let values = decoder.decode(try request.bodyObject(context), catalog.fields, partial: true)
            try decoder.finish()
            return Envelope.success(naming.updated, data: try service.update(id: id, values: values))
        }
        router.add(operations.delete.spec) { request, context in
            let service = service(catalog, context)
            return Envelope.success(naming.deleted, data: try service.delete(id: try Self.id(request, service)))
        }
    }

    private static func service(_ catalog: CatalogDefinition, _ context: TransporteContext) -> CatalogService {
        CatalogService(catalog: catalog, repository: context.persistence.catalogs(zone: context.environment.zone))
    }

    /// The path's id: decimal digits (at most 18, so it fits any integer column's comparison); anything else
    /// names no record, so it is the entity's 404 like an unknown id.
    private static func id(_ request: Request, _ service: CatalogService) throws -> Int {
        let text = request.parameter("id")
        guard !text.isEmpty, text.count <= 18, text.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int(text) else {
            throw service.notFound(text)
        }
        return id
    }

    /// The list filters the query sends (and the page, when `paginated`), or a 400 naming each bad parameter.
    private static func filters(_ catalog: CatalogDefinition, _ request: Request,
                                paginated: Bool) throws -> ([CatalogFilterValue], Pagination) {
        try CatalogFilterValue.decode(request.query, catalog.filters, paginated: paginated)
    }
}
