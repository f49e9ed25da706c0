import AppCore
import HTTPCore

/// The rules of the mission endpoints (transporte.md §2.2, §8.4, rulings T11-T14): the order of the checks, who
/// may act and see, and what each write does in its one transaction. Field validation (400) happens before, in
/// the routes; the state machine is `EstadoMisionCodigo`, written by the procedure behind
/// `MisionRepository.cambiarEstado`.
struct MisionService {
    /// Where missions are stored.
    let repository: any MisionRepository
    /// The solicitudes on the same connection: their lock and their state moves (§8.4, T11).
    let solicitudes: any SolicitudRepository
    /// Zone and clock: every stamp a mission write makes.
    let environment: TransporteEnvironment

    /// 404 for an unknown, deleted, malformed or invisible (T13) mission.
    static func noEncontrada(_ id: String) -> TransporteError {
        TransporteError(status: 404, "Misión con Id \(id) no encontrada")
    }

    // MARK: Reads

    /// `GET /mision/:id`: the record with its stops; 404 outside `caller`'s scope.
    func obtener(_ id: Int, caller: TransporteIdentity) throws -> JSONValue {
        _ = try visible(id, caller: caller, bloquear: false)
        return try leer(id)
    }

    /// `GET /mision/:id/historico`: `{"idMision", "historico"}` (the wrapper of §6, T9), oldest first.
    func historico(_ id: Int, caller: TransporteIdentity) throws -> JSONValue {
        _ = try visible(id, caller: caller, bloquear: false)
        return .object([("idMision", .integer(id)), ("historico", .array(try repository.historico(id)))])
    }

    /// `GET /mision/solicitud/:id_solicitud`: the active missions of a solicitud the caller sees (404 otherwise).
    func porSolicitud(_ idSolicitud: Int, caller: TransporteIdentity) throws -> JSONValue {
        guard let registro = try solicitudes.registro(idSolicitud),
              SolicitudAlcance(caller).permite(solicitante: registro.resumen.solicitante.id,
                                               aprobador: registro.resumen.aprobador.id, motoristas: registro.motoristas)
        else { throw SolicitudService.noEncontrada(String(idSolicitud)) }
        return .array(try repository.porSolicitud(idSolicitud))
    }

    /// `GET /mision`: one page of the missions in `caller`'s scope.
    func listar(_ filtro: MisionFiltro, caller: TransporteIdentity, offset: Int, limite: Int) throws
        -> (total: Int, registros: [JSONValue]) {
        try repository.listado(filtro, alcance: SolicitudAlcance(caller), offset: offset, limite: limite)
    }

    // MARK: Planning (ADMIN or APROBADOR, T12)

    /// `POST /mision`: 404 (solicitud unknown or not visible), 409 (solicitud not APROBADA or EN_PROCESO), 422
    /// (stops), 400 (unknown places); then the row, its stops and its first state in one transaction.
    func crear(_ datos: Validated, paradas: [ParadaMision], caller: TransporteIdentity) throws -> JSONValue {
        try ParadaMision.verificar(paradas)
        let idSolicitud = datos["idSolicitud"]?.integer ?? 0
        return try repository.transaction {
            let solicitud = try bloquearSolicitud(idSolicitud, caller: caller)
            guard solicitud.esta(en: .aprobada) || solicitud.esta(en: .enProceso) else {
                throw TransporteError(status: 409, "Solo se pueden crear misiones para solicitudes en estado APROBADA o "
                                      + "EN_PROCESO. Estado actual: \(solicitud.estadoTexto)")
            }
            try verificarLugares(datos, paradas: paradas)
            let id = try repository.conInstante(environment.clock.nowMilliseconds()) {
                let id = try repository.insertar(datos.columns)
                try repository.reemplazarParadas(paradas, mision: id)
                try repository.cambiarEstado(id, a: .programada, motivo: nil)
                return id
            }
            return try leer(id)
        }
    }

    /// `PUT /mision/:id`: PROGRAMADA only; `paradas` replaces every stop; a new date is checked against T14.
    func actualizar(_ id: Int, _ datos: Validated, paradas: [ParadaMision]?, caller: TransporteIdentity) throws -> JSONValue {
        if let paradas { try ParadaMision.verificar(paradas) }
        return try repository.transaction {
            let actual = try visible(id, caller: caller, bloquear: true)
            try actual.exigirProgramada("actualizar")
            guard !datos.isEmpty || paradas != nil else { throw CatalogService.nothingToUpdate }
            try verificarLugares(datos, paradas: paradas ?? [])
            if let fecha = datos["fechaProgramada"]?.date, fecha != actual.fechaProgramada,
               let vehiculo = actual.idVehiculo, let motorista = actual.idMotorista {
                try verificarDisponibles(id, vehiculo: vehiculo, motorista: motorista, fecha: fecha)
            }
            try repository.conInstante(environment.clock.nowMilliseconds()) {
                if !datos.isEmpty { try repository.actualizar(id, campos: datos.columns) }
                if let paradas { try repository.reemplazarParadas(paradas, mision: id) }
            }
            return try leer(id)
        }
    }

    /// `POST /mision/:id/asignar`: PROGRAMADA only; the vehicle and the driver must exist (400), the vehicle's
    /// state must allow assignments (409) and neither may have another active mission that day (T14: 409).
    func asignar(_ id: Int, vehiculo: Int, motorista: Int, caller: TransporteIdentity) throws -> JSONValue {
        try repository.transaction {
            let actual = try visible(id, caller: caller, bloquear: true)
            try actual.exigirProgramada("asignar vehículo y motorista a")
            try verificarDisponibles(id, vehiculo: vehiculo, motorista: motorista, fecha: actual.fechaProgramada)
            do {
                try repository.conInstante(environment.clock.nowMilliseconds()) {
                    try repository.asignar(id, vehiculo: vehiculo, motorista: motorista)
                }
            } catch let ocupada as MisionOcupada {
                throw TransporteError(status: 409, ocupada.vehiculo ? "El vehículo ya tiene una misión activa el \(actual.fechaProgramada)"
                                                                    : "El motorista ya tiene una misión activa el \(actual.fechaProgramada)")
            }
            return try leer(id)
        }
    }

    /// `POST /mision/:id/cancelar`: any non-final state → CANCELADA with its `motivo`.
    func cancelar(_ id: Int, motivo: String, caller: TransporteIdentity) throws -> JSONValue {
        try cambiar(id, a: .cancelada, motivo: motivo, caller: caller, conductor: false) { _ in }
    }

    /// `DELETE /mision/:id`: PROGRAMADA only; soft-deletes the mission, its stops and history.
    func eliminar(_ id: Int, caller: TransporteIdentity) throws -> JSONValue {
        try repository.transaction {
            let actual = try visible(id, caller: caller, bloquear: true)
            try actual.exigirProgramada("eliminar")
            try repository.conInstante(environment.clock.nowMilliseconds()) { try repository.eliminar(id) }
            return .object([("idMision", .integer(id)), ("eliminado", .bool(true))])
        }
    }

    // MARK: Driving (the assigned MOTORISTA or an ADMIN, T12)

    /// `POST /mision/:id/iniciar`: PROGRAMADA with vehicle and driver; the mileage not below the vehicle's (422);
    /// the solicitud APROBADA → EN_PROCESO in the same transaction (§8.4).
    func iniciar(_ id: Int, kilometraje: Int, combustible: String, caller: TransporteIdentity) throws -> JSONValue {
        try cambiar(id, a: .enEjecucion, motivo: nil, caller: caller, conductor: true) { actual in
            guard let idVehiculo = actual.idVehiculo, actual.idMotorista != nil else {
                throw TransporteError(status: 409, "La misión debe tener vehículo y motorista asignados para iniciarse")
            }
            let vehiculo = try repository.vehiculo(idVehiculo)
            if let vehiculo, kilometraje < vehiculo.kilometrajeActual {
                throw TransporteError.field("kilometrajeInicio", "El kilometraje inicial (\(kilometraje)) no puede ser menor que el "
                                            + "kilometraje actual del vehículo (\(vehiculo.kilometrajeActual))", status: 422)
            }
            try repository.iniciar(id, kilometraje: kilometraje, combustible: combustible)
        } despues: { actual in
            let solicitud = try solicitudes.bloquear(actual.idSolicitud)
            if solicitud?.esta(en: .aprobada) == true {
                try solicitudes.cambiarEstado(actual.idSolicitud, a: .enProceso, motivo: nil,
                                              instante: environment.clock.nowMilliseconds())
            }
        }
    }

    /// `PATCH /mision/:id/estado`: between EN_EJECUCION and the intermediate states (T11).
    func moverA(_ id: Int, _ estado: EstadoMisionCodigo, observaciones: String?, caller: TransporteIdentity) throws -> JSONValue {
        try cambiar(id, a: estado, motivo: observaciones, caller: caller, conductor: true) { _ in }
    }

    /// `POST /mision/:id/finalizar`: a running mission → COMPLETADA with its readings (422 when they go
    /// backwards); the vehicle's odometer moves; the solicitud → COMPLETADA once no mission is left active.
    func finalizar(_ id: Int, kilometraje: Int, combustible: String, incidencias: String?, caller: TransporteIdentity) throws
        -> JSONValue {
        try cambiar(id, a: .completada, motivo: nil, caller: caller, conductor: true) { actual in
            var errores: [TransporteError.FieldError] = []
            if let inicio = actual.kilometrajeInicio, kilometraje < inicio {
                errores.append(.init(field: "kilometrajeFin",
                                     message: "El kilometraje final (\(kilometraje)) no puede ser menor que el inicial (\(inicio))"))
            }
            if let inicial = actual.combustibleInicial, let final = Double(combustible), final > inicial {
                errores.append(.init(field: "combustibleFinalGalones",
                                     message: "El combustible final no puede ser mayor que el inicial (\(inicial))"))
            }
            if let primero = errores.first { throw TransporteError(status: 422, primero.message, errors: errores) }
            try repository.finalizar(id, kilometraje: kilometraje, combustible: combustible, incidencias: incidencias)
            if let vehiculo = actual.idVehiculo { try repository.actualizarKilometraje(vehiculo: vehiculo, kilometraje) }
        } despues: { actual in
            let avance = try repository.avance(solicitud: actual.idSolicitud)
            let solicitud = try solicitudes.bloquear(actual.idSolicitud)
            if avance.pendientes == 0, avance.completadas > 0, solicitud?.esta(en: .enProceso) == true {
                try solicitudes.cambiarEstado(actual.idSolicitud, a: .completada, motivo: nil,
                                              instante: environment.clock.nowMilliseconds())
            }
        }
    }

    // MARK: Shared steps

    /// One state change in one transaction, at the clock's instant: the mission (404 outside the scope), who may
    /// act (`conductor`: the assigned driver or an ADMIN), the workflow (409), `antes` (the change's own rules
    /// and writes), the procedure, then `despues` (where the solicitud moves, §8.4); answers the record.
    func cambiar(_ id: Int, a estado: EstadoMisionCodigo, motivo: String?, caller: TransporteIdentity, conductor: Bool,
                 _ antes: (MisionActual) throws -> Void, despues: (MisionActual) throws -> Void = { _ in }) throws -> JSONValue {
        try repository.transaction {
            let actual = try visible(id, caller: caller, bloquear: true)
            if conductor && !caller.isAdmin && actual.idMotorista != caller.perfilID { throw TransporteError.forbidden }
            try estado.verificar(desde: actual.estadoTexto)
            // One instant for every stamp, pinned once: a solicitud move inside (`despues`) at the same instant sends
            // nothing, and one at another instant puts this pin back when it is done.
            let instante = environment.clock.nowMilliseconds()
            try repository.conInstante(instante) {
                try antes(actual)
                try repository.cambiarEstado(id, a: estado, motivo: motivo)
                try despues(actual)
            }
            return try leer(id)
        }
    }

    /// The mission `id` if `caller` may see it (T13: its solicitud's parties, or its driver), else 404. With
    /// `bloquear`, its solicitud's row and then its own are locked (always in that order); without, a plain read.
    func visible(_ id: Int, caller: TransporteIdentity, bloquear: Bool) throws -> MisionActual {
        if bloquear {
            guard let idSolicitud = try repository.solicitud(deMision: id) else { throw Self.noEncontrada(String(id)) }
            _ = try solicitudes.bloquear(idSolicitud)
        }
        guard let actual = try repository.actual(id, bloquear: bloquear),
              SolicitudAlcance(caller).permite(solicitante: actual.idSolicitante, aprobador: actual.idAprobador,
                                               motoristas: actual.idMotorista.map { [$0] } ?? [])
        else { throw Self.noEncontrada(String(id)) }
        return actual
    }

    /// The locked solicitud `id` a mission is created for; 404 when unknown or outside `caller`'s scope.
    func bloquearSolicitud(_ id: Int, caller: TransporteIdentity) throws -> SolicitudActual {
        guard let solicitud = try solicitudes.bloquear(id),
              SolicitudAlcance(caller).permite(solicitante: solicitud.idSolicitante, aprobador: solicitud.idAprobador)
        else { throw TransporteError.field("idSolicitud", "Solicitud con Id \(id) no encontrada", status: 404) }
        return solicitud
    }

    /// 400 naming every place (origin, destination, stops) that does not exist or is deleted.
    func verificarLugares(_ datos: Validated, paradas: [ParadaMision]) throws {
        var referencias: [(campo: String, id: Int)] = []
        for campo in ["idLugarOrigen", "idLugarDestino"] {
            if let id = datos[campo]?.integer { referencias.append((campo, id)) }
        }
        for (indice, parada) in paradas.enumerated() {
            referencias.append(("paradas[\(indice)].idLugarDestino", parada.idLugarDestino))
        }
        let faltan = Set(try repository.lugaresInexistentes(referencias.map(\.id)))
        let errores = referencias.filter { faltan.contains($0.id) }.map {
            TransporteError.FieldError(field: $0.campo, message: "El lugar con Id \($0.id) no existe o está eliminado")
        }
        if let primero = errores.first { throw TransporteError(status: 400, primero.message, errors: errores) }
    }

    /// T14 under row locks: the vehicle's row, then the driver's (always in that order), then no other active
    /// mission of either on `fecha`. 400 for an unknown vehicle or driver, 409 for a busy one.
    func verificarDisponibles(_ id: Int, vehiculo idVehiculo: Int, motorista idMotorista: Int, fecha: CivilDate) throws {
        let vehiculo = try repository.vehiculo(idVehiculo)
        let motorista = try repository.motorista(idMotorista)
        var errores: [TransporteError.FieldError] = []
        if vehiculo == nil {
            errores.append(.init(field: "idVehiculoAsignado", message: "El vehículo con Id \(idVehiculo) no existe o está eliminado"))
        }
        if motorista == nil {
            errores.append(.init(field: "idMotoristaAsignado", message: "El motorista con Id \(idMotorista) no existe o está eliminado"))
        }
        if let primero = errores.first { throw TransporteError(status: 400, primero.message, errors: errores) }
        guard let vehiculo, let motorista else { return }
        if !vehiculo.permiteAsignacion {
            throw TransporteError.field("idVehiculoAsignado", "El vehículo \(vehiculo.placa) está en un estado que no permite "
                                        + "asignarlo (\(vehiculo.nombreEstado))", status: 409)
        }
        if try repository.vehiculoOcupado(idVehiculo, fecha: fecha, excepto: id) {
            throw TransporteError.field("idVehiculoAsignado", "El vehículo \(vehiculo.placa) ya tiene una misión activa el \(fecha)",
                                        status: 409)
        }
        if try repository.motoristaOcupado(idMotorista, fecha: fecha, excepto: id) {
            throw TransporteError.field("idMotoristaAsignado", "El motorista \(motorista) ya tiene una misión activa el \(fecha)",
                                        status: 409)
        }
    }

    /// The record of a mission this transaction can see (it must be there).
    func leer(_ id: Int) throws -> JSONValue {
        guard let registro = try repository.registro(id) else { throw Self.noEncontrada(String(id)) }
        return registro
    }
}
