import HTTPCore

/// `/motorista` (transporte.md §2.3, §9.2; the registry route `crear-por-dui` of T15 is `RegistroRoutes`): create, the two
/// lists, one driver, partial update, availability and soft delete. Reads need any valid token, writes an
/// ADMIN (T12). The path id is the driver's Perfil id.
struct MotoristaRoutes {
    func register(in router: inout Router<TransporteContext>) {
        router.add(Self.crear.spec) { request, context in
            var decoder = FieldDecoder()
            let datos = decoder.decode(try request.bodyObject(context), MotoristaFields.all)
            try decoder.finish()
            return Envelope.success("Motorista creado exitosamente", data: try Self.service(context).crear(datos), status: 201)
        }
        router.add(Self.todos.spec) { request, context in
            let (filtros, _) = try Self.filtros(request, paginated: false)
            return Envelope.success(MotoristaService.naming.listedAll, data: try Self.service(context).repository.todos(filtros))
        }
        router.add(Self.listar.spec) { request, context in
            let (filtros, pagina) = try Self.filtros(request, paginated: true)
            return Envelope.success(MotoristaService.naming.listed, data: try Self.service(context).listar(filtros, pagina: pagina))
        }
        router.add(Self.obtener.spec) { request, context in
            Envelope.success(MotoristaService.naming.obtained, data: try Self.service(context).obtener(try Self.id(request)))
        }
        router.add(Self.actualizar.spec) { request, context in
            let id = try Self.id(request)
            var decoder = FieldDecoder()
            let datos = decoder.decode(try request.bodyObject(context), MotoristaFields.all, partial: true)
            try decoder.finish()
            return Envelope.success(MotoristaService.naming.updated, data: try Self.service(context).actualizar(id, datos))
        }
        router.add(Self.disponibilidad.spec) { request, context in
            let id = try Self.id(request)
            var decoder = FieldDecoder()
            let datos = decoder.decode(try request.bodyObject(context), MotoristaFields.disponibilidad)
            try decoder.finish()
            return Envelope.success(Self.disponibilidadActualizada, data: try Self.service(context).actualizar(id, datos))
        }
        router.add(Self.eliminar.spec) { request, context in
            Envelope.success(MotoristaService.naming.deleted, data: try Self.service(context).eliminar(try Self.id(request)))
        }
    }

    /// 200 of `PATCH /motorista/{id_perfil}/disponibilidad`.
    static let disponibilidadActualizada = "Disponibilidad del motorista actualizada exitosamente"

    static func service(_ context: TransporteContext) -> MotoristaService {
        MotoristaService(repository: context.persistence.motoristas(zone: context.environment.zone))
    }

    /// The path's Perfil id; anything that is not one names no driver (404, never 5xx).
    static func id(_ request: Request) throws -> Int {
        try PathID.require(request, "id_perfil", notFound: MotoristaService.noEncontrado)
    }

    /// The list filters the query sends (and the page), or a 400 naming each bad parameter.
    static func filtros(_ request: Request, paginated: Bool) throws -> ([CatalogFilterValue], Pagination) {
        try CatalogFilterValue.decode(request.query, MotoristaFields.filtros, paginated: paginated)
    }
}
