import AppCore
import HTTPCore
import MariaDB

/// The reads of the solicitud repository: the record (§3.2), the list (§7.2) and the history (§6).
extension MariaDBSolicitudRepository {
    func registro(_ id: Int) throws -> SolicitudRegistro? {
        let key: [SQLValue] = [.int(Int64(id))]
        guard let row = try connection.queryFirst(SQLQuery(unsafeSQL: SolicitudSQL.registroPorId, binds: key)) else {
            return nil
        }
        let lugares = try connection.query(SQLQuery(unsafeSQL: SolicitudSQL.lugares, binds: key))
        let json = RecordJSON(zone: zone)
        var members = json.members(row)
        members.append(("lugares", .array(lugares.map(json.object))))
        let misiones = try connection.query(SQLQuery(unsafeSQL: MisionSQL.porSolicitud, binds: key))
        members.append(("misiones", .array(misiones.map(json.object))))
        return SolicitudRegistro(json: .object(members), resumen: try Self.resumen(row, lugares),
                                 motoristas: try misiones.compactMap { try $0.optionalInt("IdMotoristaAsignado") })
    }

    func listado(_ filtro: SolicitudFiltro, alcance: SolicitudAlcance, offset: Int, limite: Int) throws
        -> (total: Int, registros: [JSONValue]) {
        var condiciones = Self.condiciones(filtro)
        condiciones.append(Self.condicion(alcance))
        var cuenta = SQLQuery(unsafeSQL: "SELECT COUNT(*) AS Total" + SolicitudSQL.desde)
        cuenta.append(condiciones)
        let total = try connection.queryFirst(cuenta)?.int("Total") ?? 0
        guard total > offset else { return (total, []) }
        var pagina = SQLQuery(unsafeSQL: "SELECT " + SolicitudSQL.registro + SolicitudSQL.desde)
        pagina.append(condiciones)
        pagina.append(" ORDER BY s.FechaHoraCreacion DESC, s.Id DESC LIMIT \(limite) OFFSET \(offset)")
        let json = RecordJSON(zone: zone)
        return (total, try connection.query(pagina).map(json.object))
    }

    func historico(_ id: Int) throws -> HistoricoSolicitud? {
        let key: [SQLValue] = [.int(Int64(id))]
        guard let codigo = try connection.queryFirst(SQLQuery(unsafeSQL: SolicitudSQL.codigo, binds: key)) else {
            return nil
        }
        let json = RecordJSON(zone: zone)
        let filas = try connection.query(SQLQuery(unsafeSQL: SolicitudSQL.historico, binds: key)).map(json.object)
        return HistoricoSolicitud(idSolicitud: id, codigoSolicitud: try codigo.string("CodigoSolicitud"),
                                  solicitante: try codigo.int("IdUsuarioSolicitante"),
                                  aprobador: try codigo.int("IdUsuarioAprobador"), filas: filas,
                                  motoristas: try MisionSQL.motoristas(solicitud: id, connection))
    }

    /// The caller's scope (T13) as a condition to append to the list's WHERE clause.
    static func condicion(_ alcance: SolicitudAlcance) -> SQLQuery {
        if alcance.todas { return "" }
        var arms: [SQLQuery] = []
        if alcance.comoSolicitante { arms.append("s.IdUsuarioSolicitante = \(alcance.perfilID)") }
        if alcance.comoAprobador { arms.append("s.IdUsuarioAprobador = \(alcance.perfilID)") }
        if alcance.comoMotorista {
            arms.append("EXISTS (SELECT 1 FROM Mision m WHERE m.IdSolicitud = s.Id AND m.Eliminado = 0 AND m.IdMotoristaAsignado = \(alcance.perfilID))")
        }
        guard var sql = arms.first else { return " AND FALSE" }
        for arm in arms.dropFirst() {
            sql.append(" OR ")
            sql.append(arm)
        }
        var condicion: SQLQuery = " AND ("
        condicion.append(sql)
        condicion.append(")")
        return condicion
    }

    /// The WHERE clause of the list: active rows and each filter sent.
    static func condiciones(_ filtro: SolicitudFiltro) -> SQLQuery {
        var sql: SQLQuery = " WHERE s.Eliminado = 0"
        if let codigo = filtro.codigoEstado { sql.append(" AND e.Codigo = \(codigo.uppercased())") }
        if let id = filtro.idEstadoSolicitud { sql.append(" AND s.IdEstadoActual = \(id)") }
        if let id = filtro.idDepartamento { sql.append(" AND s.IdDepartamentoSolicitante = \(id)") }
        if let id = filtro.idTipoPrioridadSolicitud { sql.append(" AND s.IdTipoPrioridadSolicitud = \(id)") }
        if let id = filtro.idTipoServicioSolicitud { sql.append(" AND s.IdTipoServicioSolicitud = \(id)") }
        if let id = filtro.idUsuarioSolicitante { sql.append(" AND s.IdUsuarioSolicitante = \(id)") }
        if let id = filtro.idUsuarioAprobador { sql.append(" AND s.IdUsuarioAprobador = \(id)") }
        if let fecha = filtro.fechaDesde { sql.append(" AND s.FechaServicioRequerido >= \(fecha.description)") }
        if let fecha = filtro.fechaHasta { sql.append(" AND s.FechaServicioRequerido <= \(fecha.description)") }
        if let busqueda = filtro.busqueda {
            // CodigoSolicitud is utf8mb4_bin (exact case): its arm gets the term upper-cased.
            let patron = "%" + SolicitudSQL.likeEscaped(busqueda) + "%"
            let patronCodigo = "%" + SolicitudSQL.likeEscaped(busqueda.uppercased()) + "%"
            sql.append("""
                 AND (s.CodigoSolicitud LIKE \(patronCodigo) OR s.Asunto LIKE \(patron) OR s.Descripcion LIKE \(patron) \
                OR \(unsafeRaw: PerfilSQL.nombreCompleto("ps")) LIKE \(patron) \
                OR CONCAT_WS(' ', ps.Nombre1, ps.Nombre2, ps.Nombre3, ps.Apellido1, ps.Apellido2, ps.Apellido3) LIKE \(patron))
                """)
        }
        return sql
    }

    /// The typed summary of a record row and its stop rows.
    static func resumen(_ row: SQLRow, _ lugares: [SQLRow]) throws -> SolicitudResumen {
        let hora = try row.time("HoraServicioRequerido")
        return SolicitudResumen(
            id: try row.int("Id"), codigo: try row.string("CodigoSolicitud"), asunto: try row.string("Asunto"),
            fechaServicio: try row.date("FechaServicioRequerido").description,
            horaServicio: TimeOfDay.format(hours: hora.hours, minutes: hora.minutes, seconds: hora.seconds),
            nombreEstado: try row.optionalString("NombreEstadoActual"),
            solicitante: .init(id: try row.int("IdUsuarioSolicitante"), nombre: try row.optionalString("NombreSolicitante") ?? "",
                               email: try row.optionalString("EmailSolicitante")),
            aprobador: .init(id: try row.int("IdUsuarioAprobador"), nombre: try row.optionalString("NombreAprobador") ?? "",
                             email: try row.optionalString("EmailAprobador")),
            paradas: try lugares.map { lugar in
                .init(orden: try lugar.int("Orden"), nombre: try lugar.optionalString("NombreLugar") ?? "",
                      esOrigen: try lugar.bool("EsOrigen"))
            })
    }
}
