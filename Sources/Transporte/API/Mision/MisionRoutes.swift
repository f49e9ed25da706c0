import HTTPCore

/// The twelve `/mision` endpoints (transporte.md §2.2, T11): planning (create, assign, update, cancel, delete) by
/// an ADMIN or APROBADOR, driving (start, intermediate states, finish) by the assigned MOTORISTA or an ADMIN
/// (T12), reads by any valid token within the caller's scope (T13). Handlers decode and validate the input (400),
/// then hand over to `MisionService`, which owns the rules.
struct MisionRoutes {
    func register(in router: inout Router<TransporteContext>) {
        router.add(Self.crear.spec) { request, context in
            var decoder = FieldDecoder()
            let body = try request.bodyObject(context)
            let datos = decoder.decode(body, MisionFields.mision)
            let paradas = decoder.decodeList(body, MisionFields.paradasKey, MisionFields.parada, required: false, minItems: 0)
            try decoder.finish()
            let data = try Self.service(context).crear(datos, paradas: (paradas ?? []).map(ParadaMision.init),
                                                       caller: try context.caller())
            return Envelope.success("Misión creada exitosamente", data: data, status: 201)
        }
        router.add(Self.listar.spec) { request, context in
            var decoder = FieldDecoder()
            let query = decoder.decode(query: request.query, MisionFields.filtros)
            try decoder.finish()
            let pagina = Pagination(query)
            let page = try Self.service(context).listar(MisionFiltro(query), caller: try context.caller(),
                                                        offset: pagina.offset, limite: pagina.porPagina)
            return Envelope.success("Listado de misiones obtenido exitosamente",
                                    data: pagina.json(total: page.total, registros: page.registros))
        }
        router.add(Self.porSolicitud.spec) { request, context in
            let id = try PathID.require(request, "id_solicitud", notFound: SolicitudService.noEncontrada)
            return Envelope.success("Misiones de la solicitud obtenidas exitosamente",
                                    data: try Self.service(context).porSolicitud(id, caller: try context.caller()))
        }
        router.add(Self.obtener.spec) { request, context in
            Envelope.success("Misión obtenida exitosamente",
                             data: try Self.service(context).obtener(try Self.id(request), caller: try context.caller()))
        }
        router.add(Self.historico.spec) { request, context in
            Envelope.success("Histórico de estados obtenido exitosamente",
                             data: try Self.service(context).historico(try Self.id(request), caller: try context.caller()))
        }
        router.add(Self.actualizar.spec) { request, context in
            let id = try Self.id(request)
            var decoder = FieldDecoder()
            let body = try request.bodyObject(context)
            let datos = decoder.decode(body, MisionFields.actualizacion, partial: true)
            let paradas = decoder.decodeList(body, MisionFields.paradasKey, MisionFields.parada, required: false, minItems: 0,
                                             partial: true)
            try decoder.finish()
            let data = try Self.service(context).actualizar(id, datos, paradas: paradas?.map(ParadaMision.init),
                                                            caller: try context.caller())
            return Envelope.success("Misión actualizada exitosamente", data: data)
        }
        router.add(Self.eliminar.spec) { request, context in
            Envelope.success("Misión eliminada exitosamente",
                             data: try Self.service(context).eliminar(try Self.id(request), caller: try context.caller()))
        }
        router.add(Self.asignar.spec) { request, context in
            let id = try Self.id(request)
            let datos = try Self.body(request, context, MisionFields.asignacion)
            let data = try Self.service(context).asignar(id, vehiculo: datos["idVehiculoAsignado"]?.integer ?? 0,
                                                         motorista: datos["idMotoristaAsignado"]?.integer ?? 0,
                                                         caller: try context.caller())
            return Envelope.success("Vehículo y motorista asignados exitosamente", data: data)
        }
        router.add(Self.cancelar.spec) { request, context in
            let id = try Self.id(request)
            var decoder = FieldDecoder()
            let motivo = decoder.decode(try request.bodyObject(context), SolicitudFields.motivo)["motivo"]?.text
            try decoder.finish()
            guard let motivo else { throw TransporteError.field("motivo", SolicitudService.motivoObligatorio) }
            return Envelope.success("Misión cancelada exitosamente",
                                    data: try Self.service(context).cancelar(id, motivo: motivo, caller: try context.caller()))
        }
        router.add(Self.iniciar.spec) { request, context in
            let id = try Self.id(request)
            let datos = try Self.body(request, context, MisionFields.inicio)
            let data = try Self.service(context).iniciar(id, kilometraje: datos["kilometrajeInicio"]?.integer ?? 0,
                                                         combustible: Self.decimal(datos["combustibleInicialGalones"]),
                                                         caller: try context.caller())
            return Envelope.success("Misión iniciada exitosamente", data: data)
        }
        router.add(Self.cambiarEstado.spec) { request, context in
            let id = try Self.id(request)
            let datos = try Self.body(request, context, MisionFields.estado)
            guard let codigo = datos["codigoEstado"]?.text, let estado = EstadoMisionCodigo(rawValue: codigo),
                  EstadoMisionCodigo.intermedios.contains(estado) else {
                throw TransporteError.field("codigoEstado", Self.estadoNoIntermedio)
            }
            let data = try Self.service(context).moverA(id, estado, observaciones: datos["observaciones"]?.text,
                                                        caller: try context.caller())
            return Envelope.success("Estado de la misión actualizado exitosamente", data: data)
        }
        router.add(Self.finalizar.spec) { request, context in
            let id = try Self.id(request)
            let datos = try Self.body(request, context, MisionFields.fin)
            let data = try Self.service(context).finalizar(id, kilometraje: datos["kilometrajeFin"]?.integer ?? 0,
                                                           combustible: Self.decimal(datos["combustibleFinalGalones"]),
                                                           incidencias: datos["incidencias"]?.text, caller: try context.caller())
            return Envelope.success("Misión finalizada exitosamente", data: data)
        }
    }

    /// 400 of `PATCH /mision/{id}/estado` for a code that is not an intermediate state.
    static let estadoNoIntermedio = "El campo 'codigoEstado' debe ser EN_RUTA_RECOGIDA, EN_ESPERA o EN_RUTA_REGRESO"

    static func service(_ context: TransporteContext) -> MisionService {
        MisionService(repository: context.persistence.misiones(zone: context.environment.zone),
                      solicitudes: context.persistence.solicitudes(zone: context.environment.zone),
                      environment: context.environment)
    }

    /// The path id: anything that is not one names no mission (404, never 5xx).
    static func id(_ request: Request) throws -> Int {
        try PathID.require(request, "id", notFound: MisionService.noEncontrada)
    }

    /// The validated body of an action.
    static func body(_ request: Request, _ context: TransporteContext, _ fields: [Field]) throws -> Validated {
        var decoder = FieldDecoder()
        let datos = decoder.decode(try request.bodyObject(context), fields)
        try decoder.finish()
        return datos
    }

    /// The canonical text of a validated decimal.
    static func decimal(_ value: FieldValue?) -> String {
        if case .decimal(let text)? = value { return text }
        return "0"
    }
}
