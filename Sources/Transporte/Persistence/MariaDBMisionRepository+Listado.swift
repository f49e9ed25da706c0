import AppCore
import HTTPCore
import MariaDB

/// `GET /mision`: one page of the active missions the caller may see (T13), by date, newest first.
extension MariaDBMisionRepository {
    func listado(_ filtro: MisionFiltro, alcance: SolicitudAlcance, offset: Int, limite: Int) throws
        -> (total: Int, registros: [JSONValue]) {
        var condiciones = Self.condiciones(filtro)
        condiciones.append(Self.condicion(alcance))
        let desde = " FROM VistaMision vm JOIN Solicitud s ON s.Id = vm.IdSolicitud"
        var cuenta = SQLQuery(unsafeSQL: "SELECT COUNT(*) AS Total" + desde)
        cuenta.append(condiciones)
        let total = try connection.queryFirst(cuenta)?.int("Total") ?? 0
        guard total > offset else { return (total, []) }
        var pagina = SQLQuery(unsafeSQL: "SELECT vm.*" + desde)
        pagina.append(condiciones)
        pagina.append(" ORDER BY vm.FechaProgramada DESC, vm.HoraSalidaProgramada DESC, vm.Id DESC LIMIT \(limite) OFFSET \(offset)")
        let json = RecordJSON(zone: zone)
        return (total, try connection.query(pagina).map(json.object))
    }

    /// The caller's scope (T13): the missions of the solicitudes they see as requester or approver, and those
    /// assigned to them as driver.
    static func condicion(_ alcance: SolicitudAlcance) -> SQLQuery {
        if alcance.todas { return "" }
        var arms: [String] = []
        if alcance.comoSolicitante { arms.append("s.IdUsuarioSolicitante = ?") }
        if alcance.comoAprobador { arms.append("s.IdUsuarioAprobador = ?") }
        if alcance.comoMotorista { arms.append("vm.IdMotoristaAsignado = ?") }
        guard !arms.isEmpty else { return " AND FALSE" }
        return SQLQuery(unsafeSQL: " AND (" + arms.joined(separator: " OR ") + ")",
                        binds: Array(repeating: .int(Int64(alcance.perfilID)), count: arms.count))
    }

    /// The WHERE clause: active rows and each filter sent.
    static func condiciones(_ filtro: MisionFiltro) -> SQLQuery {
        var sql: SQLQuery = " WHERE vm.Eliminado = 0"
        if let id = filtro.idSolicitud { sql.append(" AND vm.IdSolicitud = \(id)") }
        if let codigo = filtro.codigoEstado { sql.append(" AND vm.CodigoEstado = \(codigo.uppercased())") }
        if let id = filtro.idEstadoMision { sql.append(" AND vm.IdEstadoMision = \(id)") }
        if let id = filtro.idVehiculoAsignado { sql.append(" AND vm.IdVehiculoAsignado = \(id)") }
        if let id = filtro.idMotoristaAsignado { sql.append(" AND vm.IdMotoristaAsignado = \(id)") }
        if let fecha = filtro.fechaDesde { sql.append(" AND vm.FechaProgramada >= \(fecha.description)") }
        if let fecha = filtro.fechaHasta { sql.append(" AND vm.FechaProgramada <= \(fecha.description)") }
        return sql
    }
}
