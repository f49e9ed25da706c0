import AppCore
import HTTPCore
import MariaDB

/// The reads of the solicitud repository: the record (§3.2), the list (§7.2) and the history (§6).
extension MariaDBSolicitudRepository {
    func registro(_ id: Int) throws -> SolicitudRegistro? {
        let rows = try connection.query(SQLQuery(unsafeSQL: SolicitudSQL.registroCompleto, binds: [.int(Int64(id))]))
        guard let first = rows.first else { return nil }
        // Parte, the catalogs' versions, the record's columns, a stop's, then a mission's (the rest). A stop's or a
        // mission's first column is its Id, NULL on the other part's rows. The parts are the statement's own
        // (`SolicitudSQL`), built once; the names they leave out come from the process's catalogs, as new as the
        // versions this snapshot read (reloaded first when they are not).
        let (registroParte, lugarParte, misionParte) = (SolicitudSQL.registroParte, SolicitudSQL.lugarParte, SolicitudSQL.misionParte)
        let r = 1 + Catalogo.allCases.count
        let l = r + registroParte.seleccionadas.count
        let m = l + lugarParte.seleccionadas.count
        let nombres = try catalogos.vigentes(Self.versiones(first, desde: 1), connection: connection)
        let registro = registroParte.valores(first.values[r..<l], nombres)
        var lugares: [SQLRow] = []
        var misiones: [SQLRow] = []
        for row in rows {
            if !row[l].isNull {
                lugares.append(SQLRow(columns: lugarParte.layout.columns, values: lugarParte.valores(row.values[l..<m], nombres)))
            } else if row.values.count > m, !row[m].isNull {
                misiones.append(SQLRow(columns: misionParte.layout.columns, values: misionParte.valores(row.values[m...], nombres)))
            }
        }
        // Active stops have distinct Orden values (uq_detallelugar_orden_activo); missions by date, departure, Id.
        lugares.sort { Self.orden($0, lugarColumns: true) < Self.orden($1, lugarColumns: true) }
        misiones.sort { Self.orden($0, lugarColumns: false) < Self.orden($1, lugarColumns: false) }
        let json = RecordJSON(zone: zone)
        var members = json.members(registro[...], registroParte.layout)
        members.append(("lugares", .array(lugares.map { .object(json.members($0.values[...], lugarParte.layout)) })))
        members.append(("misiones", .array(misiones.map { .object(json.members($0.values[...], misionParte.layout)) })))
        let row = SQLRow(columns: registroParte.layout.columns, values: registro)
        return SolicitudRegistro(json: .object(members), resumen: try Self.resumen(row, lugares),
                                 motoristas: try misiones.compactMap { try $0.optionalInt("IdMotoristaAsignado") })
    }

    /// The sort key of a stop (Orden, Id) or a mission (FechaProgramada, HoraSalidaProgramada, Id): the orders
    /// the former per-part statements had. Every one of those columns is NOT NULL.
    static func orden(_ row: SQLRow, lugarColumns: Bool) -> (Int64, Int64, Int64) {
        func number(_ value: SQLValue?) -> Int64 {
            switch value {
            case .int(let n)?: n
            case .uint(let n)?: Int64(clamping: n)
            case .date(let d)?: Int64(d.year * 10_000 + d.month * 100 + d.day)
            case .time(let t)?: Int64(t.hours * 3_600 + t.minutes * 60 + t.seconds) * 1_000_000 + Int64(t.microseconds)
            default: .min
            }
        }
        if lugarColumns { return (number(row[column: "Orden"]), number(row[column: "Id"]), 0) }
        return (number(row[column: "FechaProgramada"]), number(row[column: "HoraSalidaProgramada"]), number(row[column: "Id"]))
    }

    func listado(_ filtro: SolicitudFiltro, alcance: SolicitudAlcance, offset: Int, limite: Int) throws
        -> (total: Int, registros: [JSONValue]) {
        let sql = Self.listadoSQL(filtro, alcance: alcance, offset: offset, limite: limite)
        let total = try connection.queryFirst(sql.cuenta)?.int("Total") ?? 0
        guard total > offset else { return (total, []) }
        let filas = try connection.query(sql.pagina)
        guard let first = filas.first else { return (total, []) }
        // The catalogs' versions, then the record's columns without the names (`registro`'s first part).
        let parte = SolicitudSQL.registroParte
        let nombres = try catalogos.vigentes(Self.versiones(first), connection: connection)
        let json = RecordJSON(zone: zone)
        let r = Catalogo.allCases.count
        return (total, filas.map { .object(json.members(parte.valores($0.values[r...], nombres)[...], parte.layout)) })
    }

    /// The catalogs' versions a record or list row starts with (after `Parte` in the record's), nil where NULL.
    static func versiones(_ fila: SQLRow, desde inicio: Int = 0) -> [Int64?] {
        fila.values[inicio..<inicio + Catalogo.allCases.count].map { value -> Int64? in
            if case .int(let n) = value { n } else { nil }
        }
    }

    /// The list's two statements, exactly as `listado` sends them (a test EXPLAINs these).
    ///
    /// Neither may cost in proportion to the table (the soak writes ~20k solicitudes in 10 minutes, issue 17):
    /// - an administrator's unfiltered total is ConteoSolicitud's one row (0016: kept by triggers in the row
    ///   changes' own transactions, so it is exact in every snapshot);
    /// - any other total counts `Solicitud` alone (plus the requester's Perfil when `busqueda` names it): every
    ///   other table of the record is LEFT JOINed on its primary key, so it cannot change the count, and without
    ///   the joins the count reads only the narrowest index the conditions allow (the person's, for a scope);
    /// - the page is `ORDER BY FechaHoraCreacion DESC, Id DESC LIMIT`, which an index ending in (FechaHoraCreacion,
    ///   Id) after the equality columns (`ix_solicitud_lista`, and 0016's for the requester and the approver
    ///   scopes) returns in order, so MariaDB stops after the page instead of sorting every row in scope.
    static func listadoSQL(_ filtro: SolicitudFiltro, alcance: SolicitudAlcance, offset: Int, limite: Int)
        -> (cuenta: SQLQuery, pagina: SQLQuery) {
        var condiciones = condiciones(filtro)
        condiciones.append(condicion(alcance))
        // The requester's Perfil only where `busqueda` names it (the page's names come from `CatalogoNombres`).
        let solicitante = filtro.busqueda == nil ? "" : SolicitudSQL.desdeSolicitante
        var cuenta = SolicitudSQL.conteoActivas
        if !alcance.todas || filtro != SolicitudFiltro() {
            cuenta = SQLQuery(unsafeSQL: "SELECT COUNT(*) AS Total FROM Solicitud s"
                + solicitante)
            cuenta.append(condiciones)
        }
        var pagina = SQLQuery(unsafeSQL: "SELECT " + SolicitudSQL.versiones + ", "
            + SolicitudSQL.registroParte.seleccionadas.joined(separator: ", ") + SolicitudSQL.desdeRegistro
            + solicitante)
        pagina.append(condiciones)
        pagina.append(" ORDER BY s.FechaHoraCreacion DESC, s.Id DESC LIMIT \(limite) OFFSET \(offset)")
        return (cuenta, pagina)
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

    /// The WHERE clause of the list: active rows and each filter sent. It names no joined table but the requester's
    /// Perfil `ps` (for `busqueda`), so the count can leave the other joins out.
    static func condiciones(_ filtro: SolicitudFiltro) -> SQLQuery {
        var sql: SQLQuery = " WHERE s.Eliminado = 0"
        // By the state's ids rather than the joined `e.Codigo`: the same rows, and the count needs no join.
        if let codigo = filtro.codigoEstado {
            sql.append(" AND s.IdEstadoActual IN (SELECT ce.Id FROM EstadoSolicitud ce WHERE ce.Codigo = \(codigo.uppercased()))")
        }
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
