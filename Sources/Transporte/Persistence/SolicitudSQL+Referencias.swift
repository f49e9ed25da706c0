/// The check of a solicitud's referenced rows (`POST /solicitud`, `PUT /solicitud/:id`; transporte.md §7.1), and
/// the creation's reading of their display names in the same statement (issue 16).
extension SolicitudSQL {
    /// Which referenced rows exist and are active; unsent ids are bound as NULL (and come back false). Each
    /// row found is share-locked until the end of the transaction, so a catalog delete cannot slip in between
    /// this check and the INSERT (its guard waits for the COMMIT and then sees the solicitud). Binds: department,
    /// requester, approver, approver (role), priority, service.
    static let referencias = """
        SELECT EXISTS(SELECT 1 FROM Departamento WHERE Id = ? AND Eliminado = 0 LOCK IN SHARE MODE) AS Departamento, \
        EXISTS(SELECT 1 FROM Perfil p JOIN Usuario u ON u.Id = p.IdUsuario AND u.Eliminado = 0 \
               WHERE p.Id = ? AND p.Eliminado = 0 LOCK IN SHARE MODE) AS Solicitante, \
        EXISTS(SELECT 1 FROM Perfil p JOIN Usuario u ON u.Id = p.IdUsuario AND u.Eliminado = 0 \
               WHERE p.Id = ? AND p.Eliminado = 0 LOCK IN SHARE MODE) AS Aprobador, \
        EXISTS(SELECT 1 FROM PerfilRol pr JOIN Rol r ON r.Id = pr.IdRol AND r.Eliminado = 0 \
               WHERE pr.IdPerfil = ? AND pr.Eliminado = 0 AND r.Codigo IN ('APROBADOR', 'ADMIN') LOCK IN SHARE MODE) AS AprobadorConRol, \
        EXISTS(SELECT 1 FROM TipoPrioridadSolicitud WHERE Id = ? AND Eliminado = 0 LOCK IN SHARE MODE) AS Prioridad, \
        EXISTS(SELECT 1 FROM TipoServicioSolicitud WHERE Id = ? AND Eliminado = 0 LOCK IN SHARE MODE) AS Servicio
        """

    /// A creation's references with their display names, for `lugares` distinct stop places: one row when every
    /// referenced row exists and is active (the approver's role as a flag), none otherwise (then `referencias`
    /// says which). Binds: department, requester, approver, priority, service, then each place in id order.
    ///
    /// One join of primary-key lookups, which MariaDB reads as constant tables while it plans the statement, share-
    /// locking the same rows as `referencias` (held until the end of the transaction); measured against that
    /// statement's subqueries returning the names, it costs MariaDB ~30 µs less per creation (issue 16), and the
    /// creation's INSERTs then return no subqueries for the names (eleven primary-key reads before).
    ///
    /// With `estadoInicial` (a creation), the last column is also the name of the state a creation starts in
    /// (PENDIENTE_APROBACION, share-locked as `confirmar_solicitud_creada` reads it in the same transaction; NULL
    /// when the catalog lacks it, and that procedure then refuses): the mails are written before the code is taken
    /// and name the state (issue 16).
    static func referenciasConNombres(lugares: Int, estadoInicial: Bool = false) -> String {
        let hechas = estadoInicial ? referenciasConEstadoHechas : referenciasConNombresHechas
        return lugares < hechas.count ? hechas[lugares]
            : textoReferenciasConNombres(lugares: lugares, estadoInicial: estadoInicial)
    }

    /// `referenciasConNombres` for up to 8 places, built once, without and with the initial state.
    private static let referenciasConNombresHechas = (0...8).map { textoReferenciasConNombres(lugares: $0, estadoInicial: false) }
    private static let referenciasConEstadoHechas = (0...8).map { textoReferenciasConNombres(lugares: $0, estadoInicial: true) }

    /// The columns `referenciasConNombres` returns before the places' (two each: name and address).
    static let referenciasConNombresColumnas = 8

    private static func textoReferenciasConNombres(lugares: Int, estadoInicial: Bool) -> String {
        let paradas = (0..<lugares)
        return "SELECT d.Nombre AS NombreDepartamento, "
            + "\(PerfilSQL.nombreCompleto("ps")) AS NombreSolicitante, \(PerfilSQL.email("ps", usuario: "us")) AS EmailSolicitante, "
            + "\(PerfilSQL.nombreCompleto("pa")) AS NombreAprobador, \(PerfilSQL.email("pa", usuario: "ua")) AS EmailAprobador, "
            + "EXISTS(SELECT 1 FROM PerfilRol pr JOIN Rol r ON r.Id = pr.IdRol AND r.Eliminado = 0 "
            + "WHERE pr.IdPerfil = pa.Id AND pr.Eliminado = 0 AND r.Codigo IN ('APROBADOR', 'ADMIN') LOCK IN SHARE MODE) "
            + "AS AprobadorConRol, tp.Nombre AS NombrePrioridad, ts.Nombre AS NombreTipoServicio"
            + paradas.map { ", l\($0).Nombre, l\($0).Direccion" }.joined()
            + (estadoInicial ? ", ei.Nombre AS NombreEstadoInicial" : "")
            + " FROM Departamento d JOIN Perfil ps JOIN Usuario us JOIN Perfil pa JOIN Usuario ua "
            + "JOIN TipoPrioridadSolicitud tp JOIN TipoServicioSolicitud ts"
            + paradas.map { " JOIN Lugares l\($0)" }.joined()
            + (estadoInicial ? " LEFT JOIN EstadoSolicitud ei ON ei.CodigoActivo = 'PENDIENTE_APROBACION'" : "")
            + " WHERE d.Id = ? AND d.Eliminado = 0"
            + " AND ps.Id = ? AND ps.Eliminado = 0 AND us.Id = ps.IdUsuario AND us.Eliminado = 0"
            + " AND pa.Id = ? AND pa.Eliminado = 0 AND ua.Id = pa.IdUsuario AND ua.Eliminado = 0"
            + " AND tp.Id = ? AND tp.Eliminado = 0 AND ts.Id = ? AND ts.Eliminado = 0"
            + paradas.map { " AND l\($0).Id = ? AND l\($0).Eliminado = 0" }.joined()
            + " LOCK IN SHARE MODE"
    }
}
