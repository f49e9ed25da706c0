/// The SQL of a creation (`POST /solicitud`, 0021): the row and the stops written with `RETURNING` the record's
/// columns, and one `CALL` for the first state and the code, so the answer is built from what was written
/// instead of a read-back of the twelve-table record (issue 16).
extension SolicitudSQL {
    /// The row under its provisional code (0015): 'SOL-0000-00-' and 13 random digits, replaced by
    /// `completarCreacion` before COMMIT. Random, not the connection's id: a key a connection used in its previous
    /// creation can still be there delete-marked, and InnoDB's duplicate check then next-key locks it until COMMIT,
    /// which made the creations on neighbouring keys wait for each other. (Two equal draws only make the second one
    /// wait.) Created at the two placeholders after `columnas`, returning the
    /// record's columns in `registroColumnas`' order with the same expressions: the names the record joins
    /// (requester, approver, department, priority, service) as subqueries by primary key, which are what its
    /// LEFT JOINs give. The five state columns are NULL here (the row has no state yet): the `CALL` of
    /// `completarCreacion` gives them. A test holds this list to `registroColumnas`.
    static let crear = "INSERT INTO Solicitud (CodigoSolicitud, " + columnas.joined(separator: ", ")
        + ", FechaHoraCreacion, FechaHoraActualizacion) VALUES (CONCAT('SOL-0000-00-', "
        + "LPAD(FLOOR(RAND() * 10000000000000), 13, '0')), "
        + columnas.map { _ in "?" }.joined(separator: ", ") + ", ?, ?) RETURNING "
        + creadaColumnas.joined(separator: ", ")

    /// `crear`'s RETURNING list, the record's columns (`registroColumnas`) in its order.
    static let creadaColumnas = [
        "Id", "CodigoSolicitud",
        "IdUsuarioSolicitante", nombre("IdUsuarioSolicitante", as: "NombreSolicitante"),
        email("IdUsuarioSolicitante", as: "EmailSolicitante"),
        "IdDepartamentoSolicitante",
        "(SELECT d.Nombre FROM Departamento d WHERE d.Id = Solicitud.IdDepartamentoSolicitante) AS NombreDepartamento",
        "IdUsuarioAprobador", nombre("IdUsuarioAprobador", as: "NombreAprobador"),
        email("IdUsuarioAprobador", as: "EmailAprobador"),
        "IdTipoPrioridadSolicitud",
        "(SELECT tp.Nombre FROM TipoPrioridadSolicitud tp WHERE tp.Id = Solicitud.IdTipoPrioridadSolicitud) AS NombrePrioridad",
        "IdTipoServicioSolicitud",
        "(SELECT ts.Nombre FROM TipoServicioSolicitud ts WHERE ts.Id = Solicitud.IdTipoServicioSolicitud) AS NombreTipoServicio",
        "Asunto", "Descripcion", "Justificacion", "CantidadPasajeros", "NombresPasajeros",
        "FechaServicioRequerido", "HoraServicioRequerido", "Observaciones",
        "IdEstadoActual", "NULL AS CodigoEstadoActual", "NULL AS NombreEstadoActual", "NULL AS ColorEstadoActual",
        "NULL AS EsEstadoFinal",
        "FechaHoraCreacion", "FechaHoraActualizacion",
    ]

    /// The record's display name of the Perfil in `columna`, as `registro` joins it.
    private static func nombre(_ columna: String, as alias: String) -> String {
        "(SELECT \(PerfilSQL.nombreCompleto("p")) FROM Perfil p WHERE p.Id = Solicitud.\(columna)) AS \(alias)"
    }

    /// The record's e-mail of the Perfil in `columna` (the profile's, else its account's), as `registro` joins it.
    private static func email(_ columna: String, as alias: String) -> String {
        "(SELECT \(PerfilSQL.email("p", usuario: "u")) FROM Perfil p LEFT JOIN Usuario u ON u.Id = p.IdUsuario "
            + "WHERE p.Id = Solicitud.\(columna)) AS \(alias)"
    }

    /// The `count` stops of a creation (8 values each, then the creation instant twice), returning each stop's
    /// record columns (`lugarColumnas`, the stop's place by primary key as the record joins it).
    static func crearLugares(_ count: Int) -> String {
        "INSERT INTO DetalleLugarSolicitud (IdSolicitud, IdLugar, EsOrigen, Orden, Descripcion, HoraEstimadaLlegada, "
            + "RequiereRetorno, HoraEstimadaRetorno, FechaHoraCreacion, FechaHoraActualizacion) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: count).joined(separator: ", ")
            + " RETURNING Id, IdLugar, "
            + "(SELECT l.Nombre FROM Lugares l WHERE l.Id = DetalleLugarSolicitud.IdLugar) AS NombreLugar, "
            + "(SELECT l.Direccion FROM Lugares l WHERE l.Id = DetalleLugarSolicitud.IdLugar) AS DireccionLugar, "
            + "EsOrigen, Orden, Descripcion, HoraEstimadaLlegada, RequiereRetorno, HoraEstimadaRetorno"
    }

    /// The first state and the code (0021), last: id, instant, year, month, then six OUT parameters (the code and
    /// the state's Id, Codigo, Nombre, Color, EsEstadoFinal), which come back as the CALL's own result row.
    static let completarCreacion = "CALL completar_solicitud_creada(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    /// Where the OUT parameters of `completarCreacion` go in `creadaColumnas` (the code, then the five state columns).
    static let completadaColumnas = [
        "CodigoSolicitud", "IdEstadoActual", "CodigoEstadoActual", "NombreEstadoActual", "ColorEstadoActual", "EsEstadoFinal",
    ]
}
