import MariaDB

/// The SQL text of the mission repository, built once. Records come from `VistaMision` (0013), whose column
/// names are the record keys (T1).
enum MisionSQL {
    /// The writable columns of Mision a create or update may send (`idSolicitud` only on create).
    static let columnas = [
        "IdSolicitud", "IdLugarOrigen", "IdLugarDestino", "Descripcion", "FechaProgramada", "HoraSalidaProgramada",
        "HoraLlegadaEstimada", "Observaciones",
    ]

    static let registroPorId = "SELECT * FROM VistaMision WHERE Id = ? AND Eliminado = 0"

    /// The active missions of a solicitud, by date and departure (the solicitud record's `misiones`).
    static let porSolicitud = """
        SELECT * FROM VistaMision WHERE IdSolicitud = ? AND Eliminado = 0 ORDER BY FechaProgramada, HoraSalidaProgramada, Id
        """

    /// The active stops of a mission by number.
    static let paradas = """
        SELECT p.Id, p.IdLugarDestino, l.Nombre AS NombreLugarDestino, p.NumeroParada, p.Descripcion, p.EsParadaFinal, \
        p.FechaHoraLlegadaEstimada FROM ParadaMision p JOIN Lugares l ON l.Id = p.IdLugarDestino \
        WHERE p.IdMision = ? AND p.Eliminado = 0 ORDER BY p.NumeroParada
        """

    /// The history of a mission, oldest first by `Seq`, the order its transactions wrote it (T11, 0017; the shape of
    /// the solicitud's, §6).
    static let historico = """
        SELECT h.IdEstadoMision, h.IdMision, e.Codigo AS CodigoEstado, e.Nombre AS NombreEstado, h.MotivoEstadoMision, \
        h.FechaHoraCreacion, h.FechaHoraActualizacion FROM HistoricoEstadoMision h JOIN EstadoMision e ON e.Id = h.IdEstadoMision \
        WHERE h.IdMision = ? AND h.Eliminado = 0 ORDER BY h.Seq
        """

    /// The solicitud of an active mission (no lock: it never changes).
    static let solicitud = "SELECT IdSolicitud FROM Mision WHERE Id = ? AND Eliminado = 0"

    /// The mission's row with its state's code and its solicitud's parties (append " FOR UPDATE" to lock it).
    static let actual = """
        SELECT m.Id, m.IdSolicitud, s.IdUsuarioSolicitante, s.IdUsuarioAprobador, m.IdVehiculoAsignado, m.IdMotoristaAsignado, m.FechaProgramada, m.KilometrajeInicio, \
        CAST(m.CombustibleInicialGalones AS DOUBLE) AS CombustibleInicial, e.Codigo AS CodigoEstado FROM Mision m JOIN Solicitud s ON s.Id = m.IdSolicitud \
        LEFT JOIN EstadoMision e ON e.Id = m.IdEstadoMision WHERE m.Id = ? AND m.Eliminado = 0
        """

    static let insertar = """
        INSERT INTO Mision (IdSolicitud, IdLugarOrigen, IdLugarDestino, Descripcion, FechaProgramada, HoraSalidaProgramada, \
        HoraLlegadaEstimada, Observaciones) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// A partial update: each column is set when its flag is 1 (ruling 5).
    static let actualizar = "UPDATE Mision SET "
        + columnas.dropFirst().map { "\($0) = IF(? = 1, ?, \($0))" }.joined(separator: ", ") + " WHERE Id = ?"

    static let insertarParada = """
        INSERT INTO ParadaMision (IdMision, IdLugarDestino, NumeroParada, Descripcion, EsParadaFinal, FechaHoraLlegadaEstimada) \
        VALUES (?, ?, ?, ?, ?, ?)
        """

    static let eliminarParadas = "UPDATE ParadaMision SET Eliminado = 1 WHERE IdMision = ? AND Eliminado = 0"

    static let cambiarEstado = "CALL cambiar_estado_mision(?, ?, ?)"

    /// The vehicle, locked (T14: every assignment of one vehicle waits here), with what the rules need.
    /// Only the Vehiculo row: a join would lock the state's row too, for every vehicle in that state.
    static let vehiculo = "SELECT Placa, KilometrajeActual, IdEstadoVehiculo FROM Vehiculo WHERE Id = ? AND Eliminado = 0 FOR UPDATE"

    /// Whether a vehicle state allows assignments, and its name.
    static let estadoVehiculo = "SELECT PermiteAsignacion, Nombre FROM EstadoVehiculo WHERE Id = ?"

    /// The driver's Perfil, locked (T14), when it is an active driver.
    static let motorista = """
        SELECT \(PerfilSQL.nombreCompleto("p")) AS Nombre FROM Perfil p \
        JOIN DetallePerfilMotorista d ON d.IdPerfil = p.Id AND d.Eliminado = 0 WHERE p.Id = ? AND p.Eliminado = 0 FOR UPDATE
        """

    /// Another active mission of the vehicle on the date (a locking read: it sees what committed meanwhile).
    static let vehiculoOcupado = """
        SELECT Id FROM Mision WHERE VehiculoActivo = ? AND FechaProgramada = ? AND Id <> ? LIMIT 1 LOCK IN SHARE MODE
        """

    /// Another active mission of the driver on the date.
    static let motoristaOcupado = """
        SELECT Id FROM Mision WHERE MotoristaActivo = ? AND FechaProgramada = ? AND Id <> ? LIMIT 1 LOCK IN SHARE MODE
        """

    static let asignar = "UPDATE Mision SET IdVehiculoAsignado = ?, IdMotoristaAsignado = ? WHERE Id = ?"

    static let iniciar = """
        UPDATE Mision SET KilometrajeInicio = ?, CombustibleInicialGalones = ?, FechaHoraInicio = UTC_TIMESTAMP(3) WHERE Id = ?
        """

    static let finalizar = """
        UPDATE Mision SET KilometrajeFin = ?, KilometrajeRecorrido = ? - KilometrajeInicio, CombustibleFinalGalones = ?, \
        CombustibleConsumidoGalones = CombustibleInicialGalones - ?, Incidencias = ?, FechaHoraFin = UTC_TIMESTAMP(3) WHERE Id = ?
        """

    /// The odometer never goes back (a later mission may already have read more).
    static let kilometraje = "UPDATE Vehiculo SET KilometrajeActual = GREATEST(KilometrajeActual, ?) WHERE Id = ?"

    /// Missions of a solicitud that are neither COMPLETADA nor CANCELADA, and the COMPLETADA ones (§4.2's
    /// "all completed"), read with locks so a concurrent finish is seen.
    static let pendientes = """
        SELECT CAST(COALESCE(SUM(m.Activa), 0) AS SIGNED) AS Pendientes, \
        CAST(COALESCE(SUM(e.Codigo = 'COMPLETADA'), 0) AS SIGNED) AS Completadas \
        FROM Mision m JOIN EstadoMision e ON e.Id = m.IdEstadoMision WHERE m.IdSolicitud = ? AND m.Eliminado = 0 LOCK IN SHARE MODE
        """

    static let eliminar = "UPDATE Mision SET Eliminado = 1 WHERE Id = ?"
    static let eliminarHistorico = "UPDATE HistoricoEstadoMision SET Eliminado = 1 WHERE IdMision = ? AND Eliminado = 0"

    /// Soft-deletes a solicitud's PROGRAMADA missions, their stops and history (§7.8), in that order of tables.
    static let eliminarProgramadas: [String] = [
        """
        UPDATE ParadaMision p JOIN Mision m ON m.Id = p.IdMision JOIN EstadoMision e ON e.Id = m.IdEstadoMision \
        SET p.Eliminado = 1 WHERE m.IdSolicitud = ? AND m.Eliminado = 0 AND e.Codigo = 'PROGRAMADA' AND p.Eliminado = 0
        """,
        """
        UPDATE HistoricoEstadoMision h JOIN Mision m ON m.Id = h.IdMision JOIN EstadoMision e ON e.Id = m.IdEstadoMision \
        SET h.Eliminado = 1 WHERE m.IdSolicitud = ? AND m.Eliminado = 0 AND e.Codigo = 'PROGRAMADA' AND h.Eliminado = 0
        """,
        """
        UPDATE Mision m JOIN EstadoMision e ON e.Id = m.IdEstadoMision \
        SET m.Eliminado = 1 WHERE m.IdSolicitud = ? AND m.Eliminado = 0 AND e.Codigo = 'PROGRAMADA'
        """,
    ]

    /// Which of a list of lugares are active (the `?` list is appended).
    static let lugaresActivos = "SELECT Id FROM Lugares WHERE Eliminado = 0 AND Id IN "

    /// The drivers of a solicitud's active missions (T13).
    static func motoristas(solicitud id: Int, _ connection: MariaDBConnection) throws -> [Int] {
        try connection.query("""
            SELECT IdMotoristaAsignado FROM Mision WHERE IdSolicitud = \(id) AND Eliminado = 0 AND IdMotoristaAsignado IS NOT NULL
            """).map { try $0.int("IdMotoristaAsignado") }
    }
}
