import HTTPCore

/// The nine `/solicitud` endpoints (transporte.md §2.1, seed 002), all behind a valid access token. Handlers
/// decode and validate the input (400), then hand over to `SolicitudService`, which owns the rules.
struct SolicitudRoutes {
    func register(in router: inout Router<TransporteContext>) {
        router.add(Self.crear.spec) { request, context in
            var decoder = FieldDecoder()
            let body = try request.bodyObject(context)
            let datos = decoder.decode(body, SolicitudFields.solicitud)
            let lugares = decoder.decodeList(body, SolicitudFields.lugaresKey, SolicitudFields.lugar, required: true, minItems: 1)
            try decoder.finish()
            let data = try Self.service(context).crear(datos, lugares: (lugares ?? []).map(LugarSolicitud.init),
                                                       caller: try context.caller())
            return Envelope.success("Solicitud creada exitosamente", data: data, status: 201)
        }
        router.add(Self.listar.spec) { request, context in
            var decoder = FieldDecoder()
            let query = decoder.decode(query: request.query, SolicitudFields.filtros)
            try decoder.finish()
            let pagina = Pagination(query)
            let page = try Self.service(context).listar(SolicitudFiltro(query), caller: try context.caller(),
                                                        offset: pagina.offset, limite: pagina.porPagina)
            return Envelope.success("Listado de solicitudes obtenido exitosamente",
                                    data: pagina.json(total: page.total, registros: page.registros))
        }
        router.add(Self.obtener.spec) { request, context in
            let data = try Self.service(context).obtener(try Self.id(request), caller: try context.caller())
            return Envelope.success("Solicitud obtenida exitosamente", data: data)
        }
        router.add(Self.actualizar.spec) { request, context in
            var decoder = FieldDecoder()
            let body = try request.bodyObject(context)
            let datos = decoder.decode(body, SolicitudFields.solicitud, partial: true)
            let lugares = decoder.decodeList(body, SolicitudFields.lugaresKey, SolicitudFields.lugar, required: false,
                                             minItems: 1, partial: true)
            try decoder.finish()
            let data = try Self.service(context).actualizar(try Self.id(request), datos, lugares: lugares?.map(LugarSolicitud.init),
                                                            caller: try context.caller())
            return Envelope.success("Solicitud actualizada exitosamente", data: data)
        }
        router.add(Self.eliminar.spec) { request, context in
            let data = try Self.service(context).eliminar(try Self.id(request), caller: try context.caller())
            return Envelope.success("Solicitud eliminada exitosamente", data: data)
        }
        for accion in SolicitudAccion.allCases {
            router.add(Self.cambio(accion).spec) { request, context in
                let motivo = try Self.motivo(request, context, requerido: accion.motivoObligatorio)
                let data = try Self.service(context).cambiar(try Self.id(request), accion, motivo: motivo,
                                                             caller: try context.caller())
                return Envelope.success(accion.mensaje, data: data)
            }
        }
        router.add(Self.historico.spec) { request, context in
            let data = try Self.service(context).historico(try Self.id(request), caller: try context.caller())
            return Envelope.success("Histórico de estados obtenido exitosamente", data: data)
        }
    }

    static func service(_ context: TransporteContext) -> SolicitudService {
        SolicitudService(repository: context.persistence.solicitudes(zone: context.environment.zone),
                         environment: context.environment, logger: context.logger)
    }

    /// The path id: decimal digits that fit an INT column; anything else names no solicitud (404, never 5xx).
    static func id(_ request: Request) throws -> Int {
        try PathID.require(request, "id", notFound: SolicitudService.noEncontrada)
    }

    /// The trimmed `motivo` of a state-change body; nil when absent, null or blank, which is a 400 when
    /// `requerido` (reject, cancel) with the procedure's own message.
    static func motivo(_ request: Request, _ context: TransporteContext, requerido: Bool) throws -> String? {
        var decoder = FieldDecoder()
        let motivo = decoder.decode(try request.bodyObject(context), SolicitudFields.motivo)["motivo"]?.text
        try decoder.finish()
        if requerido && motivo == nil {
            throw TransporteError.field("motivo", SolicitudService.motivoObligatorio)
        }
        return motivo
    }
}
