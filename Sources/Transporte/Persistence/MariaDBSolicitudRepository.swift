import AppCore
import MariaDB

/// Solicitudes in MariaDB: writes, the two procedures (T3 code, T4 state) and the mail outbox, on the
/// worker's connection. Reads are in `MariaDBSolicitudRepository+Lecturas.swift`.
struct MariaDBSolicitudRepository: SolicitudRepository {
    let connection: MariaDBConnection
    /// Zone of the rendered timestamps (T7).
    let zone: ZoneRules
    /// How transactions run (T16); nil: `TransactionRetry` with its defaults.
    var retry: TransactionRetry?
    /// The catalog names the record shows (issue 16): the serve process's one copy (`TransportePersistence`);
    /// a repository made without it starts an empty copy of its own, as a new process would.
    var catalogos = CatalogoNombres()

    /// T16 (`TransactionRetry`). A rerun starts from nothing: the rolled-back attempt kept nothing, the
    /// correlative included.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try (retry ?? TransactionRetry(connection: connection, lockWaitSeconds: TransactionRetry.defaultLockWaitSeconds)).run(body)
    }

    func referencias(_ referencias: SolicitudReferencias) throws -> SolicitudReferencias.Encontradas {
        let lugares = Set(referencias.lugares).sorted()
        // A creation names every row: read them with their names in one join; no row means something is missing,
        // and the check below says what.
        if let departamento = referencias.departamento, let solicitante = referencias.solicitante,
           let aprobador = referencias.aprobador, let prioridad = referencias.prioridad,
           let servicio = referencias.servicio, !lugares.isEmpty,
           let encontradas = try conNombres(departamento, solicitante, aprobador, prioridad, servicio, lugares,
                                            estadoInicial: referencias.estadoInicial) {
            return encontradas
        }
        return try comprobar(referencias, lugares: lugares)
    }

    /// `SolicitudSQL.referenciasConNombres`: every row found, with the names, or nil when one is missing.
    private func conNombres(_ departamento: Int, _ solicitante: Int, _ aprobador: Int, _ prioridad: Int, _ servicio: Int,
                            _ lugares: [Int], estadoInicial: Bool) throws -> SolicitudReferencias.Encontradas? {
        var binds: [SQLValue] = [
            .int(Int64(departamento)), .int(Int64(solicitante)), .int(Int64(aprobador)), .int(Int64(prioridad)),
            .int(Int64(servicio)),
        ]
        binds += lugares.map { .int(Int64($0)) }
        guard let row = try connection.queryFirst(SQLQuery(
            unsafeSQL: SolicitudSQL.referenciasConNombres(lugares: lugares.count, estadoInicial: estadoInicial),
            binds: binds)) else { return nil }
        var nombres = SolicitudReferencias.Nombres()
        nombres.departamento = try row.string("NombreDepartamento")
        nombres.solicitante = .init(nombre: try row.string("NombreSolicitante"),
                                    email: try row.optionalString("EmailSolicitante"))
        nombres.aprobador = .init(nombre: try row.string("NombreAprobador"), email: try row.optionalString("EmailAprobador"))
        nombres.prioridad = try row.string("NombrePrioridad")
        nombres.servicio = try row.string("NombreTipoServicio")
        // Each place's name and address follow the fixed columns, in `lugares`' order.
        for (posicion, id) in lugares.enumerated() {
            let columna = SolicitudSQL.referenciasConNombresColumnas + 2 * posicion
            guard case .text(let nombre) = row[columna] else {
                throw MariaDBError(kind: .decoding(column: "Nombre"), message: "the name of place \(id) is not text")
            }
            let direccion: String?
            switch row[columna + 1] {
            case .null: direccion = nil
            case .text(let texto): direccion = texto
            default: throw MariaDBError(kind: .decoding(column: "Direccion"), message: "the address of place \(id) is not text")
            }
            nombres.lugares[id] = .init(nombre: nombre, direccion: direccion)
        }
        if estadoInicial { nombres.estadoInicial = try row.optionalString("NombreEstadoInicial") }
        var encontradas = SolicitudReferencias.Encontradas(
            departamento: true, solicitante: true, aprobador: true, aprobadorConRol: try row.bool("AprobadorConRol"),
            prioridad: true, servicio: true, lugares: Set(lugares))
        encontradas.nombres = nombres
        return encontradas
    }

    /// `SolicitudSQL.referencias`: which of the sent rows exist (no names).
    private func comprobar(_ referencias: SolicitudReferencias, lugares: [Int]) throws -> SolicitudReferencias.Encontradas {
        var encontradas = SolicitudReferencias.Encontradas()
        var query = SQLQuery(unsafeSQL: SolicitudSQL.referencias, binds: [
            referencias.departamento.sqlValue, referencias.solicitante.sqlValue, referencias.aprobador.sqlValue,
            referencias.aprobador.sqlValue, referencias.prioridad.sqlValue, referencias.servicio.sqlValue,
        ])
        if !lugares.isEmpty {
            // The stops in the same statement (one round trip), share-locked like the rest: how many exist. Only
            // when some do not (a 400) are they looked up one by one, to name them.
            query.append(", (SELECT COUNT(*) FROM Lugares WHERE Eliminado = 0 AND Id IN (\(list: lugares)) LOCK IN SHARE MODE) AS Lugares")
        }
        if let row = try connection.queryFirst(query) {
            encontradas.departamento = try row.bool("Departamento")
            encontradas.solicitante = try row.bool("Solicitante")
            encontradas.aprobador = try row.bool("Aprobador")
            encontradas.aprobadorConRol = try row.bool("AprobadorConRol")
            encontradas.prioridad = try row.bool("Prioridad")
            encontradas.servicio = try row.bool("Servicio")
            if !lugares.isEmpty, try row.int("Lugares") == lugares.count {
                encontradas.lugares = Set(lugares)
            } else if !lugares.isEmpty {
                let rows = try connection.query(
                    "SELECT Id FROM Lugares WHERE Eliminado = 0 AND Id IN (\(list: lugares)) LOCK IN SHARE MODE")
                for row in rows { encontradas.lugares.insert(try row.int("Id")) }
            }
        }
        return encontradas
    }

    func conInstante<T>(_ instante: Int64, _ body: () throws -> T) throws -> T {
        let fijado = connection.local { InstanteFijado() }
        // Inside a pin of the same instant (a creation's first state, a mission's solicitud move): nothing to send.
        if fijado.instante == instante { return try body() }
        let anterior = fijado.instante
        // A computed number, not client text: the session timestamp takes seconds with a fraction.
        try connection.executeText(Self.fijar(instante))
        fijado.instante = instante
        defer {
            // Back to what the enclosing pin (if any) had, else to the server's clock.
            try? connection.executeText(anterior.map(Self.fijar) ?? "SET timestamp = DEFAULT")
            fijado.instante = anterior
        }
        return try body()
    }

    /// `SET timestamp` to `instante` (UTC milliseconds), as seconds with a fraction.
    static func fijar(_ instante: Int64) -> String {
        let (segundos, milisegundos) = instante.quotientAndRemainder(dividingBy: 1_000)
        return "SET timestamp = \(segundos).\(String(1_000 + milisegundos).dropFirst())"
    }

    func insertarLugares(_ lugares: [LugarSolicitud], solicitud id: Int) throws {
        guard !lugares.isEmpty else { return }
        // One statement for every stop (one round trip), rows in Orden order as before, so their ids still are.
        try connection.execute(SQLQuery(unsafeSQL: SolicitudSQL.insertarLugares(lugares.count),
                                        binds: Self.lugarBinds(lugares, solicitud: id)))
    }

    /// The 8 values of each stop of `lugares` in Orden order (so their ids are too), then `extra` after each.
    static func lugarBinds(_ lugares: [LugarSolicitud], solicitud id: Int, extra: [SQLValue] = []) -> [SQLValue] {
        var binds: [SQLValue] = []
        binds.reserveCapacity(lugares.count * (8 + extra.count))
        for lugar in lugares.sorted(by: { $0.orden < $1.orden }) {
            binds += [
                .int(Int64(id)), .int(Int64(lugar.idLugar)), lugar.esOrigen.sqlValue, .int(Int64(lugar.orden)),
                lugar.descripcion.sqlValue, lugar.horaEstimadaLlegada.map(Self.time) ?? .null,
                lugar.requiereRetorno.sqlValue, lugar.horaEstimadaRetorno.map(Self.time) ?? .null,
            ]
            binds += extra
        }
        return binds
    }

    func eliminarLugares(solicitud id: Int) throws {
        try connection.execute(SQLQuery(unsafeSQL: SolicitudSQL.eliminarLugares, binds: [.int(Int64(id))]))
    }

    func cambiarEstado(_ id: Int, a estado: EstadoSolicitudCodigo, motivo: String?, instante: Int64) throws {
        do {
            _ = try conInstante(instante) {
                try connection.execute(SQLQuery(unsafeSQL: SolicitudSQL.cambiarEstado, binds: [
                    .int(Int64(id)), .text(estado.rawValue), motivo.sqlValue,
                ]))
            }
        } catch let error as MariaDBError {
            // 0006's header: SQLSTATE 45000 answers the client; HY000 and everything else are internal (500).
            if error.kind == .signal, error.sqlState == "45000", let rechazo = EstadoSolicitudRechazo(message: error.message) {
                throw rechazo
            }
            throw error
        }
    }

    func bloquear(_ id: Int) throws -> SolicitudActual? {
        guard let row = try connection.queryFirst(SQLQuery(unsafeSQL: SolicitudSQL.bloquear, binds: [.int(Int64(id))])) else {
            return nil
        }
        var codigoEstado: String?
        if let idEstado = try row.optionalInt("IdEstadoActual") {
            codigoEstado = try connection.queryFirst(SQLQuery(unsafeSQL: SolicitudSQL.codigoEstado, binds: [.int(Int64(idEstado))]))?
                .string("Codigo")
        }
        return SolicitudActual(id: try row.int("Id"), codigo: try row.string("CodigoSolicitud"),
                               idSolicitante: try row.int("IdUsuarioSolicitante"),
                               idAprobador: try row.int("IdUsuarioAprobador"), codigoEstado: codigoEstado)
    }

    func actualizar(_ id: Int, campos: [(column: String, value: FieldValue)]) throws {
        var binds: [SQLValue] = []
        binds.reserveCapacity(SolicitudSQL.columnas.count * 2 + 1)
        for columna in SolicitudSQL.columnas {
            if let campo = campos.last(where: { $0.column == columna }) {
                binds += [.int(1), Self.bind(campo.value)]
            } else {
                binds += [.int(0), .null]
            }
        }
        binds.append(.int(Int64(id)))
        try connection.execute(SQLQuery(unsafeSQL: SolicitudSQL.actualizar, binds: binds))
    }

    func eliminar(_ id: Int) throws {
        let key: [SQLValue] = [.int(Int64(id))]
        try connection.execute(SQLQuery(unsafeSQL: SolicitudSQL.eliminar, binds: key))
        try connection.execute(SQLQuery(unsafeSQL: SolicitudSQL.eliminarHistorico, binds: key))
        try connection.execute(SQLQuery(unsafeSQL: SolicitudSQL.eliminarLugares, binds: key))
    }

    func encolar(_ mensajes: [MailMessage]) throws {
        try MariaDBMailOutbox.enqueue(contentsOf: mensajes, on: connection)
    }

    // MARK: Binds

    /// The bind of a validated value.
    static func bind(_ value: FieldValue) -> SQLValue {
        switch value {
        case .null: .null
        case .text(let text): .text(text)
        case .integer(let number): .int(Int64(number))
        case .decimal(let text): .decimal(text)
        case .boolean(let flag): .int(flag ? 1 : 0)
        case .date(let date): .date(SQLDate(year: date.year, month: date.month, day: date.day))
        case .time(let millis): time(millis)
        }
    }

    /// A TIME from milliseconds since midnight.
    static func time(_ millis: Int) -> SQLValue {
        .time(SQLTime(hours: millis / 3_600_000, minutes: millis / 60_000 % 60, seconds: millis / 1_000 % 60,
                      microseconds: millis % 1_000 * 1_000))
    }

    /// A DATETIME(3) holding the UTC instant `millis`.
    static func dateTime(utcMilliseconds millis: Int64) -> SQLValue {
        .dateTime(SQLDateTime(unixMilliseconds: millis))
    }
}

extension TransportePersistence {
    /// Solicitudes, rendered in `zone` (T7).
    func solicitudes(zone: ZoneRules) -> any SolicitudRepository {
        MariaDBSolicitudRepository(connection: connection, zone: zone, retry: retry, catalogos: catalogos)
    }
}

extension MariaDBSolicitudRepository {
    func eliminarMisionesProgramadas(solicitud id: Int) throws {
        for sql in MisionSQL.eliminarProgramadas {
            try connection.execute(SQLQuery(unsafeSQL: sql, binds: [.int(Int64(id))]))
        }
    }
}
