import MariaDB

/// The SQL of a creation (`POST /solicitud`, 0021): the row and the stops written with `RETURNING` the record's
/// columns, and one `CALL` for the first state and the code, so the answer is built from what was written
/// instead of a read-back of the twelve-table record (issue 16).
extension SolicitudSQL {
    /// The row under its provisional code (0015): 'SOL-0000-00-' and 13 random digits, replaced by
    /// `completarCreacion`, which commits. Random, not the connection's id: a key a connection used in its previous
    /// creation can still be there delete-marked, and InnoDB's duplicate check then next-key locks it until COMMIT,
    /// which made the creations on neighbouring keys wait for each other. (Two equal draws only make the second one
    /// wait.) Created at the two placeholders after `columnas`, returning the record's columns in
    /// `registroColumnas`' order. The names the record joins (requester, approver, department, priority, service)
    /// are NULL here: `referencias` has read them, share-locked, in the same transaction (issue 16: they were
    /// subqueries by primary key here, read a second time), and `nombreColumnas` says where they go. The five
    /// state columns are NULL too (the row has no state yet): the `CALL` of `completarCreacion` gives them. A test
    /// holds this list to `registroColumnas`.
    static let crear = "INSERT INTO Solicitud (CodigoSolicitud, " + columnas.joined(separator: ", ")
        + ", FechaHoraCreacion, FechaHoraActualizacion) VALUES (CONCAT('SOL-0000-00-', "
        + "LPAD(FLOOR(RAND() * 10000000000000), 13, '0')), "
        + columnas.map { _ in "?" }.joined(separator: ", ") + ", ?, ?) RETURNING "
        + creadaColumnas.joined(separator: ", ")

    /// `crear`'s RETURNING list, the record's columns (`registroColumnas`) in its order.
    static let creadaColumnas = [
        "Id", "CodigoSolicitud",
        "IdUsuarioSolicitante", "NULL AS NombreSolicitante", "NULL AS EmailSolicitante",
        "IdDepartamentoSolicitante", "NULL AS NombreDepartamento",
        "IdUsuarioAprobador", "NULL AS NombreAprobador", "NULL AS EmailAprobador",
        "IdTipoPrioridadSolicitud", "NULL AS NombrePrioridad",
        "IdTipoServicioSolicitud", "NULL AS NombreTipoServicio",
        "Asunto", "Descripcion", "Justificacion", "CantidadPasajeros", "NombresPasajeros",
        "FechaServicioRequerido", "HoraServicioRequerido", "Observaciones",
        "IdEstadoActual", "NULL AS CodigoEstadoActual", "NULL AS NombreEstadoActual", "NULL AS ColorEstadoActual",
        "NULL AS EsEstadoFinal",
        "FechaHoraCreacion", "FechaHoraActualizacion",
    ]

    /// The columns of `creadaColumnas` that the names read by `referencias` fill in (the state's name for the mails
    /// written before the `CALL`, which then gives it again with the other state columns).
    static let nombreColumnas = [
        "NombreSolicitante", "EmailSolicitante", "NombreDepartamento", "NombreAprobador", "EmailAprobador",
        "NombrePrioridad", "NombreTipoServicio", "NombreEstadoActual",
    ]

    /// `crear`'s row as the record is written from it (built once: no lookups by name per creation).
    static let creadaLayout = RecordLayout(selected: creadaColumnas)
    /// Where `crear` returns the provisional code.
    static let creadaCodigo = creadaColumnas.firstIndex(of: "CodigoSolicitud") ?? 1
    /// Where `completadaColumnas` and `nombreColumnas` are in `creadaColumnas` (a test holds them all found).
    static let completadaIndices = completadaColumnas.compactMap { creadaLayout.columns.index(of: $0) }
    static let nombreIndices = nombreColumnas.compactMap { creadaLayout.columns.index(of: $0) }

    /// The `count` stops of a creation (8 values each, then the creation instant twice), returning each stop's
    /// record columns (`lugarColumnas`); the place's name and address are NULL here and filled in from what
    /// `referencias` read (at `creadaLugarNombre` and `creadaLugarDireccion`, the place's id at `creadaLugarId`).
    static func crearLugares(_ count: Int) -> String {
        "INSERT INTO DetalleLugarSolicitud (IdSolicitud, IdLugar, EsOrigen, Orden, Descripcion, HoraEstimadaLlegada, "
            + "RequiereRetorno, HoraEstimadaRetorno, FechaHoraCreacion, FechaHoraActualizacion) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: count).joined(separator: ", ")
            + " RETURNING " + creadaLugarColumnas.joined(separator: ", ")
    }

    /// `crearLugares`' RETURNING list, the record's stop columns (`lugarColumnas`) in its order.
    static let creadaLugarColumnas = [
        "Id", "IdLugar", "NULL AS NombreLugar", "NULL AS DireccionLugar", "EsOrigen", "Orden", "Descripcion",
        "HoraEstimadaLlegada", "RequiereRetorno", "HoraEstimadaRetorno",
    ]

    /// `crearLugares`' rows as the record's stops are written from them.
    static let creadaLugarLayout = RecordLayout(selected: creadaLugarColumnas)

    /// Where `crearLugares` returns the place's name and address.
    static let creadaLugarNombre = 2
    static let creadaLugarDireccion = 3

    /// The first state, the code, the mails and the COMMIT (0025), last: id, instant, year, month, the provisional
    /// code, two mails (recipients, subject, text, HTML; NULL recipients for none, the second only after the first),
    /// then six OUT parameters (the code and the state's Id, Codigo, Nombre, Color, EsEstadoFinal), which come back as
    /// the CALL's own result row. The transaction has ended when it answers.
    static let completarCreacion = "CALL confirmar_solicitud_creada("
        + Array(repeating: "?", count: 13 + completadaColumnas.count).joined(separator: ", ") + ")"

    /// Where the OUT parameters of `completarCreacion` go in `creadaColumnas` (the code, then the five state columns).
    static let completadaColumnas = [
        "CodigoSolicitud", "IdEstadoActual", "CodigoEstadoActual", "NombreEstadoActual", "ColorEstadoActual", "EsEstadoFinal",
    ]
}
