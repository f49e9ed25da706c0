import HTTPCore

/// `PUT /solicitud/:id` and `DELETE /solicitud/:id` (transporte.md §7.4, §7.5, rulings 5 and T5): only the
/// requester or an ADMIN, only while PENDIENTE_APROBACION, checked under the row lock.
extension SolicitudService {
    /// 400 for a body that sends none of the fields.
    static let sinCampos = TransporteError(status: 400, "No se proporcionaron campos para actualizar")

    /// Writes the sent fields (`.null` clears) and, when `lugares` is sent, replaces every stop. Order after
    /// field validation (400) and the empty body (400): 404 (unknown, or outside the caller's scope, T13), 403, 409,
    /// then the 422 rules on what was sent, merged requester ≠ approver 400, referenced rows 400. Never touches the
    /// code or the state.
    func actualizar(_ id: Int, _ datos: Validated, lugares: [LugarSolicitud]?, caller: TransporteIdentity) throws -> JSONValue {
        guard !datos.isEmpty || lugares != nil else { throw Self.sinCampos }
        let registro = try repository.transaction {
            let actual = try bloquear(id, caller: caller)
            guard Self.esTitular(caller, actual) else { throw TransporteError.forbidden }
            if let solicitante = datos["idUsuarioSolicitante"]?.integer { try verificarTitular(solicitante, caller) }
            guard actual.esta(en: .pendienteAprobacion) else {
                throw TransporteError(status: 409, "Solo se pueden actualizar solicitudes en estado PENDIENTE_APROBACION. "
                                      + "Estado actual: \(actual.estadoTexto)")
            }
            try SolicitudRules.verificar(fechaServicio: datos["fechaServicioRequerido"]?.date, hoy: environment.today(),
                                         lugares: lugares)
            try SolicitudRules.verificarPersonas(solicitante: datos["idUsuarioSolicitante"]?.integer ?? actual.idSolicitante,
                                                 aprobador: datos["idUsuarioAprobador"]?.integer ?? actual.idAprobador)
            try verificarReferencias(SolicitudReferencias(datos, lugares: lugares ?? []))
            try repository.actualizar(id, campos: datos.columns)
            if let lugares {
                // Soft-delete first: the unique keys on Orden and on the origin hold among active stops.
                try repository.eliminarLugares(solicitud: id)
                try repository.insertarLugares(lugares, solicitud: id)
            }
            return try leer(id)
        }
        return registro.json
    }

    /// Soft-deletes the solicitud, its history and its stops; answers `{"mensaje": ...}`. Order: 404 (also outside the
    /// caller's scope, T13), 403, 409.
    /// (§7.5's "409 while missions are active" cannot happen here: missions exist only after approval.)
    func eliminar(_ id: Int, caller: TransporteIdentity) throws -> JSONValue {
        let codigo = try repository.transaction {
            let actual = try bloquear(id, caller: caller)
            guard Self.esTitular(caller, actual) else { throw TransporteError.forbidden }
            guard actual.esta(en: .pendienteAprobacion) else {
                throw TransporteError(status: 409, "Solo se pueden eliminar solicitudes en estado PENDIENTE_APROBACION. "
                                      + "Estado actual: \(actual.estadoTexto)")
            }
            try repository.eliminar(id)
            return actual.codigo
        }
        return .object([("mensaje", .string("Solicitud '\(codigo)' eliminada exitosamente"))])
    }

    /// T5: the requester or an ADMIN.
    static func esTitular(_ caller: TransporteIdentity, _ solicitud: SolicitudActual) -> Bool {
        caller.isAdmin || caller.perfilID == solicitud.idSolicitante
    }
}
