import MariaDB

/// The SQL text of the solicitud repository, built once. Column aliases are the record keys (T1, seed 002).
enum SolicitudSQL {
    /// The writable columns of Solicitud, in seed 002's order (the request fields, PascalCase).
    static let columnas = [
        "IdUsuarioSolicitante", "IdDepartamentoSolicitante", "IdUsuarioAprobador", "IdTipoPrioridadSolicitud",
        "IdTipoServicioSolicitud", "Asunto", "Descripcion", "Justificacion", "CantidadPasajeros", "NombresPasajeros",
        "FechaServicioRequerido", "HoraServicioRequerido", "Observaciones",
    ]

    /// The record's columns in seed 002's order.
    static let registroColumnas = [
        "s.Id", "s.CodigoSolicitud",
        "s.IdUsuarioSolicitante", "\(PerfilSQL.nombreCompleto("ps")) AS NombreSolicitante",
        "\(PerfilSQL.email("ps", usuario: "us")) AS EmailSolicitante",
        "s.IdDepartamentoSolicitante", "d.Nombre AS NombreDepartamento",
        "s.IdUsuarioAprobador", "\(PerfilSQL.nombreCompleto("pa")) AS NombreAprobador",
        "\(PerfilSQL.email("pa", usuario: "ua")) AS EmailAprobador",
        "s.IdTipoPrioridadSolicitud", "tp.Nombre AS NombrePrioridad",
        "s.IdTipoServicioSolicitud", "ts.Nombre AS NombreTipoServicio",
        "s.Asunto", "s.Descripcion", "s.Justificacion", "s.CantidadPasajeros", "s.NombresPasajeros",
        "s.FechaServicioRequerido", "s.HoraServicioRequerido", "s.Observaciones",
        "s.IdEstadoActual", "e.Codigo AS CodigoEstadoActual", "e.Nombre AS NombreEstadoActual",
        "e.Color AS ColorEstadoActual", "e.EsEstadoFinal",
        "s.FechaHoraCreacion", "s.FechaHoraActualizacion",
    ]

    /// The requester's Perfil, the one table the list's conditions name (`busqueda`), joined only for them.
    static let desdeSolicitante = " LEFT JOIN Perfil ps ON ps.Id = s.IdUsuarioSolicitante"

    /// The solicitud and the versions of the catalogs whose names it shows (0022's one row, LEFT JOINed by its
    /// primary key: a const table; a missing row, NULL versions, only makes every read reload). The catalogs
    /// themselves are not joined, nor are the people it names (requester, approver: their Perfil and Usuario): their
    /// names and e-mails come from `CatalogoNombres`, as new as the versions this snapshot reads (`registroParte`
    /// says which columns are left out; 0026: those four joins were ~40 µs of MariaDB's CPU per record).
    static let desdeRegistro = " FROM Solicitud s LEFT JOIN VersionCatalogo cv ON cv.Id = 1"

    /// The catalogs' versions (`Catalogo.allCases` order), the first columns of the record and list statements.
    static let versiones = Catalogo.allCases.map { "cv.\($0.tabla) AS Version\($0.tabla)" }.joined(separator: ", ")

    /// The active solicitudes, kept by 0016's triggers: the total of an administrator's list without filters.
    static let conteoActivas: SQLQuery = "SELECT Activas AS Total FROM ConteoSolicitud WHERE Id = 1"

    /// The keys of a stop (`lugares`), exactly seed 002's.
    static let lugarColumnas = [
        "dl.Id", "dl.IdLugar", "l.Nombre AS NombreLugar", "l.Direccion AS DireccionLugar", "dl.EsOrigen", "dl.Orden",
        "dl.Descripcion", "dl.HoraEstimadaLlegada", "dl.RequiereRetorno", "dl.HoraEstimadaRetorno",
    ]

    /// A mission record's columns (`VistaMision`'s, 0013, in its order), read from the tables themselves for the
    /// record statement: opening the view re-reads its definition and checks it on every execution, which cost
    /// MariaDB about as much as the rest of the record (issue 16); joined here the text is parsed once, when the
    /// statement is prepared. The solicitud's own code is `s`'s (the mission's solicitud is `s`).
    static let misionColumnas = [
        "mi.Id", "mi.IdSolicitud", "s.CodigoSolicitud", "mi.IdEstadoMision", "em.Codigo AS CodigoEstado",
        "em.Nombre AS NombreEstado", "mi.IdLugarOrigen", "lo.Nombre AS NombreLugarOrigen", "mi.IdLugarDestino",
        "ld.Nombre AS NombreLugarDestino", "mi.IdVehiculoAsignado", "v.Placa AS PlacaVehiculo", "mi.IdMotoristaAsignado",
        "\(PerfilSQL.nombreCompleto("pm")) AS NombreMotorista", "mi.Descripcion", "mi.FechaProgramada",
        "mi.HoraSalidaProgramada", "mi.HoraLlegadaEstimada", "mi.Observaciones", "mi.KilometrajeInicio",
        "mi.KilometrajeFin", "mi.KilometrajeRecorrido", "mi.CombustibleInicialGalones", "mi.CombustibleFinalGalones",
        "mi.CombustibleConsumidoGalones", "mi.Incidencias", "mi.FechaHoraInicio", "mi.FechaHoraFin", "mi.Eliminado",
        "mi.FechaHoraCreacion", "mi.FechaHoraActualizacion",
    ]

    /// The record in one statement, so one snapshot and one round trip (issue 16): the versions of the catalogs
    /// whose names it shows (0022's one row, after `Parte`), then the solicitud's columns on every row, joined to
    /// the sequence 1, 2 (MariaDB's SEQUENCE engine) so that part 1 carries one active stop each and part 2 one
    /// active mission each (`misionColumnas`): l + m rows, never l × m; a part without rows gives one row of NULLs
    /// there. No ORDER BY: sorting across the joined tables would make MariaDB build a temporary table, so the rows
    /// are ordered by the caller (stops by Orden, missions by date and departure). The solicitud's columns stay on
    /// every row: sent once (a part 0, NULL on the other rows through `IF(p.seq = 0, …)`) they cost MariaDB ~15 µs
    /// more per request (29 more expressions to fix and evaluate, one more row) and saved the app ~3 µs
    /// (scripts/bench, issue 16's note).
    ///
    /// The catalog names (department, priority, service type, state, places, mission state, plate) are not joined:
    /// MariaDB pays per table a statement opens and locks, and those nine joins were about a third of the
    /// statement's cost (`desdeRegistro`). Nor are the people's (requester, approver, each mission's driver: three
    /// Perfil and two Usuario joins, about a third of what remained): `Catalogo.perfil`, 0026.
    static let registroCompleto = "SELECT p.seq AS Parte, " + versiones + ", "
        + (registroParte.seleccionadas + lugarParte.seleccionadas + misionParte.seleccionadas).joined(separator: ", ")
        + desdeRegistro + " JOIN seq_1_to_2 p "
        + "LEFT JOIN DetalleLugarSolicitud dl ON p.seq = 1 AND dl.IdSolicitud = s.Id AND dl.Eliminado = 0 "
        + "LEFT JOIN Mision mi ON p.seq = 2 AND mi.IdSolicitud = s.Id AND mi.Eliminado = 0 "
        + "WHERE s.Id = ? AND s.Eliminado = 0"

    /// The record's, a stop's and a mission's parts of `registroCompleto`'s rows (after `Parte` and the versions):
    /// the columns it selects and how the rendered columns (the layouts, names included) are filled from them
    /// (built once: the record is read by position, with no per-request name index).
    static let registroParte = RegistroParte(registroColumnas)
    static let lugarParte = RegistroParte(lugarColumnas)
    static let misionParte = RegistroParte(misionColumnas)

    /// The history rows of §6, oldest first by `Seq` (the order their transactions wrote them, 0017);
    /// `IdEstadoSolicitud` is the state's id.
    static let historico = """
        SELECT h.IdEstadoSolicitud, h.IdSolicitud, e.Codigo AS CodigoEstado, e.Nombre AS NombreEstado, \
        e.Color AS ColorEstado, e.Orden AS OrdenEstado, e.EsEstadoFinal, h.MotivoEstadoSolicitud, \
        h.FechaHoraCreacion, h.FechaHoraActualizacion \
        FROM HistoricoEstadoSolicitud h LEFT JOIN EstadoSolicitud e ON e.Id = h.IdEstadoSolicitud \
        WHERE h.IdSolicitud = ? AND h.Eliminado = 0 ORDER BY h.Seq
        """

    static let codigo = """
        SELECT CodigoSolicitud, IdUsuarioSolicitante, IdUsuarioAprobador FROM Solicitud WHERE Id = ? AND Eliminado = 0
        """

    /// The row lock of every change (one table only: a join would lock the EstadoSolicitud row too).
    static let bloquear = """
        SELECT Id, CodigoSolicitud, IdUsuarioSolicitante, IdUsuarioAprobador, IdEstadoActual \
        FROM Solicitud WHERE Id = ? AND Eliminado = 0 FOR UPDATE
        """
    static let codigoEstado = "SELECT Codigo FROM EstadoSolicitud WHERE Id = ?"

    static let cambiarEstado = "CALL cambiar_estado_solicitud(?, ?, ?)"

    /// `col = IF(sent, value, col)` for every writable column: one statement text whatever the body sends.
    /// The audit trigger bumps FechaHoraActualizacion even when nothing else changes (stops replaced).
    static let actualizar = "UPDATE Solicitud SET "
        + columnas.map { "\($0) = IF(?, ?, \($0))" }.joined(separator: ", ") + " WHERE Id = ?"

    /// The INSERT of `count` stops in one statement (8 values each).
    static func insertarLugares(_ count: Int) -> String {
        "INSERT INTO DetalleLugarSolicitud (IdSolicitud, IdLugar, EsOrigen, Orden, Descripcion, HoraEstimadaLlegada, "
            + "RequiereRetorno, HoraEstimadaRetorno) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?)", count: count).joined(separator: ", ")
    }
    static let eliminarLugares = """
        UPDATE DetalleLugarSolicitud SET Eliminado = 1, FechaHoraEliminacion = UTC_TIMESTAMP(3) \
        WHERE IdSolicitud = ? AND Eliminado = 0
        """
    static let eliminarHistorico = """
        UPDATE HistoricoEstadoSolicitud SET Eliminado = 1, FechaHoraEliminacion = UTC_TIMESTAMP(3) \
        WHERE IdSolicitud = ? AND Eliminado = 0
        """
    static let eliminar = "UPDATE Solicitud SET Eliminado = 1, FechaHoraEliminacion = UTC_TIMESTAMP(3) WHERE Id = ?"

    /// `text` with the LIKE wildcards and the escape character escaped, for a `%…%` pattern.
    static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
