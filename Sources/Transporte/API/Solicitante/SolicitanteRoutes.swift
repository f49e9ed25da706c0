import HTTPCore

/// `/solicitante` (transporte.md §2.3, §9.3; the registry route `externo/crear-por-dui` of T15 is `RegistroRoutes`): the
/// internal and external creates, the two lists, one requester, partial update and delete. Reads need any
/// valid token, writes an ADMIN (T12). The path id is the requester's Perfil id.
struct SolicitanteRoutes {
    func register(in router: inout Router<TransporteContext>) {
        let naming = SolicitanteService.naming
        router.add(Self.crearInterno.spec) { request, context in
            let datos = try Self.body(request, context, SolicitanteFields.interno)
            return Envelope.success(naming.created, data: try Self.service(context).crearInterno(datos), status: 201)
        }
        router.add(Self.crearExterno.spec) { request, context in
            let datos = try Self.body(request, context, SolicitanteFields.externo)
            return Envelope.success(naming.created, data: try Self.service(context).crearExterno(datos), status: 201)
        }
        router.add(Self.todos.spec) { request, context in
            let (filtros, _) = try Self.filtros(request, paginated: false)
            return Envelope.success(naming.listedAll, data: try Self.service(context).repository.todos(filtros))
        }
        router.add(Self.listar.spec) { request, context in
            let (filtros, pagina) = try Self.filtros(request, paginated: true)
            return Envelope.success(naming.listed, data: try Self.service(context).listar(filtros, pagina: pagina))
        }
        router.add(Self.obtener.spec) { request, context in
            Envelope.success(naming.obtained, data: try Self.service(context).obtener(try Self.id(request)))
        }
        router.add(Self.actualizar.spec) { request, context in
            let id = try Self.id(request)
            let datos = try Self.body(request, context, SolicitanteFields.externo, partial: true)
            return Envelope.success(naming.updated, data: try Self.service(context).actualizar(id, datos))
        }
        router.add(Self.eliminar.spec) { request, context in
            Envelope.success(naming.deleted, data: try Self.service(context).eliminar(try Self.id(request)))
        }
    }

    static func service(_ context: TransporteContext) -> SolicitanteService {
        SolicitanteService(repository: context.persistence.solicitantes(zone: context.environment.zone))
    }

    /// The body checked against `fields` (400 naming every problem).
    static func body(_ request: Request, _ context: TransporteContext, _ fields: [Field], partial: Bool = false) throws -> Validated {
        var decoder = FieldDecoder()
        let datos = decoder.decode(try request.bodyObject(context), fields, partial: partial)
        try decoder.finish()
        return datos
    }

    /// The path's Perfil id; anything that is not one names no requester (404, never 5xx).
    static func id(_ request: Request) throws -> Int {
        try PathID.require(request, "id_perfil", notFound: SolicitanteService.noEncontrado)
    }

    /// The list filters the query sends (and the page), or a 400 naming each bad parameter.
    static func filtros(_ request: Request, paginated: Bool) throws -> ([CatalogFilterValue], Pagination) {
        try CatalogFilterValue.decode(request.query, SolicitanteFields.filtros, paginated: paginated)
    }
}
