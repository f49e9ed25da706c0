import AppCore
import HTTPCore
import MariaDB

/// Missions in MariaDB (0013, 0014) on the worker's connection; the list is in `+Listado`.
struct MariaDBMisionRepository: MisionRepository {
    let connection: MariaDBConnection
    /// Zone of the rendered timestamps (T7) and of the stops' local arrival times.
    let zone: ZoneRules
    /// How transactions run (T16).
    var retry: TransactionRetry?

    /// The solicitud repository on the same connection, for its pinned clock (`conInstante`).
    private var solicitudes: MariaDBSolicitudRepository { MariaDBSolicitudRepository(connection: connection, zone: zone, retry: retry) }

    func transaction<T>(_ body: () throws -> T) throws -> T {
        try (retry ?? TransactionRetry(connection: connection, lockWaitSeconds: TransactionRetry.defaultLockWaitSeconds)).run(body)
    }

    func conInstante<T>(_ instante: Int64, _ body: () throws -> T) throws -> T {
        try solicitudes.conInstante(instante, body)
    }

    func solicitud(deMision id: Int) throws -> Int? {
        try connection.queryFirst(SQLQuery(unsafeSQL: MisionSQL.solicitud, binds: [.int(Int64(id))]))?.int("IdSolicitud")
    }

    func actual(_ id: Int, bloquear: Bool) throws -> MisionActual? {
        // Shared, not exclusive: the join would lock the EstadoMision row too, and every writer holds the solicitud's
        // row exclusively before it gets here, so writers of one mission never meet at this lock.
        let sql = MisionSQL.actual + (bloquear ? " LOCK IN SHARE MODE" : "")
        guard let row = try connection.queryFirst(SQLQuery(unsafeSQL: sql, binds: [.int(Int64(id))])) else { return nil }
        return MisionActual(id: try row.int("Id"), idSolicitud: try row.int("IdSolicitud"),
                            idSolicitante: try row.int("IdUsuarioSolicitante"), idAprobador: try row.int("IdUsuarioAprobador"),
                            codigoEstado: try row.optionalString("CodigoEstado"),
                            idVehiculo: try row.optionalInt("IdVehiculoAsignado"),
                            idMotorista: try row.optionalInt("IdMotoristaAsignado"),
                            fechaProgramada: try Self.civil(row.date("FechaProgramada")),
                            kilometrajeInicio: try row.optionalInt("KilometrajeInicio"),
                            combustibleInicial: try row.optionalDouble("CombustibleInicial"))
    }

    func lugaresInexistentes(_ ids: [Int]) throws -> [Int] {
        let unicos = Set(ids).sorted()
        guard !unicos.isEmpty else { return [] }
        var sql = SQLQuery(unsafeSQL: MisionSQL.lugaresActivos)
        sql.append("(\(list: unicos)) LOCK IN SHARE MODE")
        let activos = Set(try connection.query(sql).map { try $0.int("Id") })
        return unicos.filter { !activos.contains($0) }
    }

    func insertar(_ campos: [(column: String, value: FieldValue)]) throws -> Int {
        let binds = MisionSQL.columnas.map { columna in
            campos.last { $0.column == columna }.map { MariaDBSolicitudRepository.bind($0.value) } ?? .null
        }
        return Int(try connection.execute(SQLQuery(unsafeSQL: MisionSQL.insertar, binds: binds)).lastInsertID)
    }

    func actualizar(_ id: Int, campos: [(column: String, value: FieldValue)]) throws {
        var binds: [SQLValue] = []
        for columna in MisionSQL.columnas.dropFirst() {
            if let campo = campos.last(where: { $0.column == columna }) {
                binds += [.int(1), MariaDBSolicitudRepository.bind(campo.value)]
            } else {
                binds += [.int(0), .null]
            }
        }
        binds.append(.int(Int64(id)))
        try connection.execute(SQLQuery(unsafeSQL: MisionSQL.actualizar, binds: binds))
    }

    func reemplazarParadas(_ paradas: [ParadaMision], mision id: Int) throws {
        try connection.execute(SQLQuery(unsafeSQL: MisionSQL.eliminarParadas, binds: [.int(Int64(id))]))
        for parada in paradas.sorted(by: { $0.numeroParada < $1.numeroParada }) {
            let llegada = parada.fechaHoraLlegadaEstimada.map {
                MariaDBSolicitudRepository.dateTime(utcMilliseconds: $0.utcMilliseconds(in: zone))
            }
            try connection.execute(SQLQuery(unsafeSQL: MisionSQL.insertarParada, binds: [
                .int(Int64(id)), .int(Int64(parada.idLugarDestino)), .int(Int64(parada.numeroParada)),
                parada.descripcion.sqlValue, parada.esParadaFinal.sqlValue, llegada ?? .null,
            ]))
        }
    }

    func cambiarEstado(_ id: Int, a estado: EstadoMisionCodigo, motivo: String?) throws {
        do {
            try connection.execute(SQLQuery(unsafeSQL: MisionSQL.cambiarEstado, binds: [
                .int(Int64(id)), .text(estado.rawValue), motivo.sqlValue,
            ]))
        } catch {
            // 0014's header: SQLSTATE 45000 answers the client; everything else is internal (500).
            guard error.kind == .signal, error.sqlState == "45000" else { throw error }
            let status = error.message.hasPrefix("El campo") ? 400 : error.message.hasSuffix("no encontrada") ? 404 : 409
            throw status == 400 ? TransporteError.field("motivo", error.message) : TransporteError(status: status, error.message)
        }
    }

    func vehiculo(_ id: Int) throws -> VehiculoAsignable? {
        guard let row = try connection.queryFirst(SQLQuery(unsafeSQL: MisionSQL.vehiculo, binds: [.int(Int64(id))])) else {
            return nil
        }
        let estado = try connection.queryFirst(SQLQuery(unsafeSQL: MisionSQL.estadoVehiculo,
                                                        binds: [.int(Int64(try row.int("IdEstadoVehiculo")))]))
        return VehiculoAsignable(placa: try row.string("Placa"), kilometrajeActual: try row.int("KilometrajeActual"),
                                 permiteAsignacion: try estado?.bool("PermiteAsignacion") ?? false,
                                 nombreEstado: try estado?.string("Nombre") ?? "")
    }

    func motorista(_ perfil: Int) throws -> String? {
        try connection.queryFirst(SQLQuery(unsafeSQL: MisionSQL.motorista, binds: [.int(Int64(perfil))]))?.string("Nombre")
    }

    func vehiculoOcupado(_ vehiculo: Int, fecha: CivilDate, excepto: Int) throws -> Bool {
        try ocupado(MisionSQL.vehiculoOcupado, vehiculo, fecha, excepto)
    }

    func motoristaOcupado(_ motorista: Int, fecha: CivilDate, excepto: Int) throws -> Bool {
        try ocupado(MisionSQL.motoristaOcupado, motorista, fecha, excepto)
    }

    private func ocupado(_ sql: String, _ id: Int, _ fecha: CivilDate, _ excepto: Int) throws -> Bool {
        try connection.queryFirst(SQLQuery(unsafeSQL: sql, binds: [
            .int(Int64(id)), MariaDBSolicitudRepository.bind(.date(fecha)), .int(Int64(excepto)),
        ])) != nil
    }

    func asignar(_ id: Int, vehiculo: Int, motorista: Int) throws {
        do {
            try connection.execute(SQLQuery(unsafeSQL: MisionSQL.asignar, binds: [
                .int(Int64(vehiculo)), .int(Int64(motorista)), .int(Int64(id)),
            ]))
        } catch where error.kind == .duplicateKey {
            throw MisionOcupada(vehiculo: error.message.contains("uq_mision_vehiculo"))
        }
    }

    func iniciar(_ id: Int, kilometraje: Int, combustible: String) throws {
        try connection.execute(SQLQuery(unsafeSQL: MisionSQL.iniciar, binds: [
            .int(Int64(kilometraje)), .decimal(combustible), .int(Int64(id)),
        ]))
    }

    func finalizar(_ id: Int, kilometraje: Int, combustible: String, incidencias: String?) throws {
        try connection.execute(SQLQuery(unsafeSQL: MisionSQL.finalizar, binds: [
            .int(Int64(kilometraje)), .int(Int64(kilometraje)), .decimal(combustible), .decimal(combustible),
            incidencias.sqlValue, .int(Int64(id)),
        ]))
    }

    func actualizarKilometraje(vehiculo id: Int, _ kilometraje: Int) throws {
        try connection.execute(SQLQuery(unsafeSQL: MisionSQL.kilometraje, binds: [.int(Int64(kilometraje)), .int(Int64(id))]))
    }

    func avance(solicitud id: Int) throws -> (pendientes: Int, completadas: Int) {
        let row = try connection.queryFirst(SQLQuery(unsafeSQL: MisionSQL.pendientes, binds: [.int(Int64(id))]))
        return (try row?.int("Pendientes") ?? 0, try row?.int("Completadas") ?? 0)
    }

    func eliminar(_ id: Int) throws {
        let key: [SQLValue] = [.int(Int64(id))]
        try connection.execute(SQLQuery(unsafeSQL: MisionSQL.eliminarParadas, binds: key))
        try connection.execute(SQLQuery(unsafeSQL: MisionSQL.eliminarHistorico, binds: key))
        try connection.execute(SQLQuery(unsafeSQL: MisionSQL.eliminar, binds: key))
    }

    func registro(_ id: Int) throws -> JSONValue? {
        let key: [SQLValue] = [.int(Int64(id))]
        guard let row = try connection.queryFirst(SQLQuery(unsafeSQL: MisionSQL.registroPorId, binds: key)) else { return nil }
        let json = RecordJSON(zone: zone)
        var members = json.members(row)
        let paradas = try connection.query(SQLQuery(unsafeSQL: MisionSQL.paradas, binds: key))
        members.append(("paradas", .array(paradas.map(json.object))))
        return .object(members)
    }

    func porSolicitud(_ id: Int) throws -> [JSONValue] {
        let json = RecordJSON(zone: zone)
        return try connection.query(SQLQuery(unsafeSQL: MisionSQL.porSolicitud, binds: [.int(Int64(id))])).map(json.object)
    }

    func historico(_ id: Int) throws -> [JSONValue] {
        let json = RecordJSON(zone: zone)
        return try connection.query(SQLQuery(unsafeSQL: MisionSQL.historico, binds: [.int(Int64(id))])).map(json.object)
    }

    /// A DATE column's value as a calendar date.
    static func civil(_ date: SQLDate) -> CivilDate {
        CivilDate(year: date.year, month: date.month, day: date.day) ?? CivilDate(year: 1970, month: 1, day: 1)!
    }
}

extension TransportePersistence {
    /// Missions, rendered in `zone` (T7).
    func misiones(zone: ZoneRules) -> any MisionRepository {
        MariaDBMisionRepository(connection: connection, zone: zone, retry: retry)
    }
}
