import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// GET /solicitud/:id takes its catalog names, and the names and e-mails of the people it names, from the process's
/// `CatalogoNombres` instead of fourteen joins (issue 16):
/// the same bytes as the joins gave, and as new as the record's snapshot whichever process or host changed a catalog
/// (0022's and 0026's versions, read in the record statement).
@Suite("GET /solicitud/:id: catalog names kept per process", .serialized)
struct CatalogoNombresTests {
    /// The record's columns and tables before the cache: every name joined (the text of 870de14), the reference.
    static let registroAntiguo = SolicitudSQL.registroColumnas.joined(separator: ", ")
    static let desdeAntiguo = " FROM Solicitud s" + SolicitudSQL.desdeSolicitante + """
         LEFT JOIN Usuario us ON us.Id = ps.IdUsuario \
        LEFT JOIN Departamento d ON d.Id = s.IdDepartamentoSolicitante \
        LEFT JOIN Perfil pa ON pa.Id = s.IdUsuarioAprobador LEFT JOIN Usuario ua ON ua.Id = pa.IdUsuario \
        LEFT JOIN TipoPrioridadSolicitud tp ON tp.Id = s.IdTipoPrioridadSolicitud \
        LEFT JOIN TipoServicioSolicitud ts ON ts.Id = s.IdTipoServicioSolicitud \
        LEFT JOIN EstadoSolicitud e ON e.Id = s.IdEstadoActual
        """
    static let sqlAntiguo = "SELECT p.seq AS Parte, " + registroAntiguo + ", " + SolicitudSQL.lugarColumnas.joined(separator: ", ")
        + ", " + SolicitudSQL.misionColumnas.joined(separator: ", ") + desdeAntiguo + " JOIN seq_1_to_2 p "
        + "LEFT JOIN (DetalleLugarSolicitud dl LEFT JOIN Lugares l ON l.Id = dl.IdLugar) "
        + "ON p.seq = 1 AND dl.IdSolicitud = s.Id AND dl.Eliminado = 0 "
        + "LEFT JOIN (Mision mi LEFT JOIN EstadoMision em ON em.Id = mi.IdEstadoMision "
        + "LEFT JOIN Lugares lo ON lo.Id = mi.IdLugarOrigen LEFT JOIN Lugares ld ON ld.Id = mi.IdLugarDestino "
        + "LEFT JOIN Vehiculo v ON v.Id = mi.IdVehiculoAsignado LEFT JOIN Perfil pm ON pm.Id = mi.IdMotoristaAsignado) "
        + "ON p.seq = 2 AND mi.IdSolicitud = s.Id AND mi.Eliminado = 0 "
        + "WHERE s.Id = ? AND s.Eliminado = 0"

    /// The list's page as the joined statement gave it (870de14's `listado`), as JSON bytes.
    static func listaAntigua(_ h: TransporteHarness, _ connection: MariaDBConnection) throws -> [UInt8] {
        let rows = try connection.query(SQLQuery(unsafeSQL: "SELECT " + registroAntiguo + desdeAntiguo
            + " WHERE s.Eliminado = 0 ORDER BY s.FechaHoraCreacion DESC, s.Id DESC LIMIT 20 OFFSET 0"))
        return JSONWriter.encode(.array(rows.map(RecordJSON(zone: h.module.environment.zone).object)))
    }

    /// The list's page as `repository` renders it for an administrator, as JSON bytes.
    static func listaNueva(_ h: TransporteHarness, _ repository: MariaDBSolicitudRepository) throws -> [UInt8] {
        let alcance = SolicitudAlcance(try #require(try MariaDBAuthRepository(connection: h.connection).user(username: "admin")).identity)
        return JSONWriter.encode(.array(try repository.listado(SolicitudFiltro(), alcance: alcance, offset: 0, limite: 20).registros))
    }

    /// The record as the joined statement renders it (870de14's `registro`), as JSON bytes.
    static func antiguo(_ id: Int, _ connection: MariaDBConnection, _ h: TransporteHarness) throws -> [UInt8] {
        let rows = try connection.query(SQLQuery(unsafeSQL: sqlAntiguo, binds: [.int(Int64(id))]))
        let first = try #require(rows.first)
        let (registroLayout, lugarLayout, misionLayout) = (RecordLayout(selected: SolicitudSQL.registroColumnas),
                                                          RecordLayout(selected: SolicitudSQL.lugarColumnas),
                                                          RecordLayout(selected: SolicitudSQL.misionColumnas))
        let l = 1 + SolicitudSQL.registroColumnas.count, m = l + SolicitudSQL.lugarColumnas.count
        var lugares: [SQLRow] = [], misiones: [SQLRow] = []
        for row in rows {
            if !row[l].isNull {
                lugares.append(SQLRow(columns: lugarLayout.columns, values: Array(row.values[l..<m])))
            } else if row.values.count > m, !row[m].isNull {
                misiones.append(SQLRow(columns: misionLayout.columns, values: Array(row.values[m...])))
            }
        }
        lugares.sort { MariaDBSolicitudRepository.orden($0, lugarColumns: true) < MariaDBSolicitudRepository.orden($1, lugarColumns: true) }
        misiones.sort { MariaDBSolicitudRepository.orden($0, lugarColumns: false) < MariaDBSolicitudRepository.orden($1, lugarColumns: false) }
        let json = RecordJSON(zone: h.module.environment.zone)
        var members = json.members(first.values[1..<l], registroLayout)
        members.append(("lugares", .array(lugares.map { .object(json.members($0.values[...], lugarLayout)) })))
        members.append(("misiones", .array(misiones.map { .object(json.members($0.values[...], misionLayout)) })))
        return JSONWriter.encode(.object(members))
    }

    /// What `repository` renders for solicitud `id`, as JSON bytes.
    static func nuevo(_ id: Int, _ repository: MariaDBSolicitudRepository) throws -> [UInt8] {
        JSONWriter.encode(try #require(try repository.registro(id)).json)
    }

    /// Two processes' repositories on the database of `h`: each its own connection and its own empty copy of the
    /// catalogs (as two serve processes, or two hosts, have).
    static func dosProcesos(_ h: TransporteHarness) -> (MariaDBSolicitudRepository, MariaDBSolicitudRepository) {
        let zone = h.module.environment.zone
        return (MariaDBSolicitudRepository(connection: h.connection, zone: zone, catalogos: CatalogoNombres()),
                MariaDBSolicitudRepository(connection: MariaDBConnection(configuration: h.configuration), zone: zone,
                                           catalogos: CatalogoNombres()))
    }

    /// The version row, column by column.
    static func versiones(_ h: TransporteHarness) throws -> [Int] {
        let row = try #require(try h.connection.queryFirst("SELECT * FROM VersionCatalogo WHERE Id = 1"))
        return try Catalogo.allCases.map { try row.int($0.tabla) }
    }

    /// An approved solicitud (seed 002's two stops) with three missions: one with places, vehicle and driver, one
    /// with only a destination, one deleted; and a solicitud without a state (IdEstadoActual NULL, as a creation
    /// leaves it before its first state). Their ids, and the vehicle's.
    static func datos(_ h: TransporteHarness) throws -> (solicitud: Int, sinEstado: Int, vehiculo: Int) {
        try h.prepararFlota()
        let vehiculo = try h.vehiculo("P123456")
        let motorista = try h.motorista(1)
        let solicitud = try h.solicitudEn("APROBADA")
        let completa = try #require(try h.crearMision(solicitud, fecha: "2026-04-15", extra: #", "idLugarOrigen": 1, "idLugarDestino": 5"#)
            .data?["Id"]?.intValue)
        try #require(try h.asignar(completa, vehiculo: vehiculo, motorista: motorista.perfil).status == 200)
        _ = try #require(try h.crearMision(solicitud, fecha: "2026-04-16", extra: #", "idLugarDestino": 2"#).data?["Id"]?.intValue)
        let borrada = try h.misionId(solicitud, fecha: "2026-04-17")
        _ = try h.connection.execute("UPDATE Mision SET Eliminado = 1 WHERE Id = \(borrada)")
        let sinEstado = Int(try h.connection.execute("""
            INSERT INTO Solicitud (CodigoSolicitud, IdUsuarioSolicitante, IdDepartamentoSolicitante, IdUsuarioAprobador,
                                   IdTipoPrioridadSolicitud, IdTipoServicioSolicitud, Asunto, CantidadPasajeros,
                                   FechaServicioRequerido, HoraServicioRequerido)
            VALUES ('SOL-0000-00-0000000000001', 2, 1, 4, 3, 2, 'Sin estado', 1, '2026-04-20', '09:15')
            """).lastInsertID)
        return (solicitud, sinEstado, vehiculo)
    }

    @Test("the record's bytes are the joined statement's: NULL names, deleted catalog rows, a solicitud without a state, missions with and without vehicle, driver and places")
    func mismosBytes() throws {
        let h = try TransporteHarness()
        let (solicitud, sinEstado, _) = try Self.datos(h)
        // NULLs where the catalogs allow them, and soft-deleted rows (their names still show).
        _ = try h.connection.execute("UPDATE EstadoSolicitud SET Color = NULL WHERE Codigo = 'APROBADA'")
        _ = try h.connection.execute("UPDATE Lugares SET Direccion = NULL WHERE Id = 5")
        _ = try h.connection.execute("UPDATE Lugares SET Eliminado = 1 WHERE Id = 1")
        _ = try h.connection.execute("UPDATE Departamento SET Eliminado = 1 WHERE Id = 2")
        // People: a Perfil without its own e-mail (its Usuario's shows), a soft-deleted approver (still named).
        _ = try h.connection.execute("UPDATE Perfil SET Email = NULL WHERE Id = 1")
        _ = try h.connection.execute("UPDATE Usuario SET Email = 'cuenta.juan@transporte.local' WHERE Id = 1")
        _ = try h.connection.execute("UPDATE Perfil SET Eliminado = 1 WHERE Id = 4")
        let (a, _) = Self.dosProcesos(h)
        for id in [solicitud, sinEstado] {
            let esperado = try Self.antiguo(id, h.connection, h)
            #expect(try Self.nuevo(id, a) == esperado, "\(String(decoding: esperado, as: UTF8.self))")
        }
        let registro = try #require(try a.registro(solicitud)).json
        let texto = String(decoding: JSONWriter.encode(registro), as: UTF8.self)
        #expect(texto.contains(#""NombreDepartamento":"Logística""#))
        #expect(texto.contains(#""ColorEstadoActual":null"#) && texto.contains(#""DireccionLugar":null"#))
        #expect(texto.contains(#""PlacaVehiculo":"P123456""#) && texto.contains(#""PlacaVehiculo":null"#))
        #expect(texto.contains(#""NombreLugarOrigen":null"#) && texto.contains(#""EsEstadoFinal":false"#))
        #expect(texto.contains(#""EmailSolicitante":"cuenta.juan@transporte.local""#))
        let sinEstadoTexto = String(decoding: try Self.nuevo(sinEstado, a), as: UTF8.self)
        #expect(sinEstadoTexto.contains(#""CodigoEstadoActual":null,"NombreEstadoActual":null,"ColorEstadoActual":null,"EsEstadoFinal":null"#))
        #expect(try Self.listaNueva(h, a) == Self.listaAntigua(h, h.connection))
        // Through the module (its own process-wide copy) too.
        let respuesta = h.call(.get, "/solicitud/\(solicitud)", token: try h.token("admin"))
        #expect(respuesta.status == 200)
        #expect(respuesta.text.contains(String(decoding: try Self.antiguo(solicitud, h.connection, h), as: UTF8.self)))
    }

    @Test("a catalog changed by SQL on another connection (another process or host) shows in the next read of each process")
    func cambioVisibleEnCadaProceso() throws {
        let h = try TransporteHarness()
        let (solicitud, _, vehiculo) = try Self.datos(h)
        let (a, b) = Self.dosProcesos(h)
        let otro = MariaDBConnection(configuration: h.configuration)
        // Both copies loaded.
        for repository in [a, b] { #expect(try Self.nuevo(solicitud, repository) == Self.antiguo(solicitud, otro, h)) }
        let cambios = [
            "UPDATE Departamento SET Nombre = 'Logística y Flota' WHERE Id = 2",
            "UPDATE TipoPrioridadSolicitud SET Nombre = 'Media' WHERE Id = 2",
            "UPDATE TipoServicioSolicitud SET Nombre = 'Traslado oficial' WHERE Id = 1",
            "UPDATE EstadoSolicitud SET Nombre = 'Aprobada por jefatura', Color = '#00AA00' WHERE Codigo = 'APROBADA'",
            "UPDATE EstadoSolicitud SET EsEstadoFinal = 1 WHERE Codigo = 'APROBADA'",
            "UPDATE Lugares SET Nombre = 'Sede Central (edificio A)' WHERE Id = 1",
            "UPDATE Lugares SET Direccion = 'Otra dirección' WHERE Id = 5",
            "UPDATE EstadoMision SET Nombre = 'Programada por ADMIN' WHERE Codigo = 'PROGRAMADA'",
            "UPDATE Vehiculo SET Placa = 'P654321' WHERE Id = \(vehiculo)",
            // A change of case only: equal under the names' collation, another text in the answer.
            "UPDATE Lugares SET Nombre = 'SEDE CENTRAL (EDIFICIO A)' WHERE Id = 1",
            // People: the requester's and the approver's names and e-mails, the Usuario's e-mail shown when the
            // Perfil has none, and each mission's driver.
            "UPDATE Perfil SET Nombre1 = 'Juanito' WHERE Id = 1",
            "UPDATE Perfil SET Apellido1 = 'GONZÁLEZ' WHERE Id = 3",
            "UPDATE Perfil SET Email = 'maria.gonzalez@transporte.local' WHERE Id = 3",
            "UPDATE Perfil SET Email = NULL WHERE Id = 1",
            "UPDATE Usuario SET Email = 'juanito@transporte.local' WHERE Id = 1",
            "UPDATE Perfil SET Nombre1 = 'Chofer', Apellido1 = 'Asignado' WHERE Id = (SELECT MAX(IdMotoristaAsignado) FROM Mision)",
        ]
        for cambio in cambios {
            _ = try otro.execute(SQLQuery(unsafeSQL: cambio))
            let esperado = try Self.antiguo(solicitud, otro, h)
            for repository in [a, b] {
                #expect(try Self.nuevo(solicitud, repository) == esperado, "after \(cambio)")
                #expect(try Self.listaNueva(h, repository) == Self.listaAntigua(h, otro), "list after \(cambio)")
            }
        }
        let texto = String(decoding: try Self.nuevo(solicitud, b), as: UTF8.self)
        #expect(texto.contains("SEDE CENTRAL (EDIFICIO A)") && texto.contains("P654321") && texto.contains("Media"))
        #expect(texto.contains(#""EsEstadoFinal":true"#))
        #expect(texto.contains(#""NombreSolicitante":"Juanito Pérez","EmailSolicitante":"juanito@transporte.local""#))
        #expect(texto.contains(#""NombreAprobador":"María GONZÁLEZ","EmailAprobador":"maria.gonzalez@transporte.local""#))
        #expect(texto.contains(#""NombreMotorista":"Chofer Asignado""#))
        // Through the module's own copy, loaded before a change.
        let token = try h.token("admin")
        #expect(h.call(.get, "/solicitud/\(solicitud)", token: token).text.contains("P654321"))
        _ = try otro.execute("UPDATE Vehiculo SET Placa = 'P777777' WHERE Id = \(vehiculo)")
        #expect(h.call(.get, "/solicitud/\(solicitud)", token: token).text.contains("P777777"))
        _ = try otro.execute("UPDATE Perfil SET Apellido1 = 'Pérez López' WHERE Id = 1")
        #expect(h.call(.get, "/solicitud/\(solicitud)", token: token).text.contains(#""NombreSolicitante":"Juanito Pérez López""#))
        otro.close()
    }

    @Test("a Lugar inserted by another process and used by a new stop shows in each process's next read")
    func lugarNuevo() throws {
        let h = try TransporteHarness()
        let (solicitud, _, _) = try Self.datos(h)
        let (a, b) = Self.dosProcesos(h)
        for repository in [a, b] { _ = try Self.nuevo(solicitud, repository) }
        let otro = MariaDBConnection(configuration: h.configuration)
        let lugar = try otro.execute("INSERT INTO Lugares (Nombre, Direccion) VALUES ('Museo Nacional', 'Avenida La Revolución')").lastInsertID
        _ = try otro.execute("""
            INSERT INTO DetalleLugarSolicitud (IdSolicitud, IdLugar, EsOrigen, Orden) VALUES (\(solicitud), \(lugar), 0, 7)
            """)
        let esperado = try Self.antiguo(solicitud, otro, h)
        #expect(String(decoding: esperado, as: UTF8.self).contains(#""NombreLugar":"Museo Nacional","DireccionLugar":"Avenida La Revolución""#))
        for repository in [a, b] { #expect(try Self.nuevo(solicitud, repository) == esperado) }
        otro.close()
    }

    @Test("the version changes with every insert, delete and change of a cached column, and not with other columns or a soft delete")
    func version() throws {
        let h = try TransporteHarness()
        try h.prepararFlota()
        let vehiculo = try h.vehiculo("P100001")
        let antes = try Self.versiones(h)
        func cambia(_ sql: String, _ catalogo: Catalogo?) throws {
            let previas = try Self.versiones(h)
            _ = try h.connection.execute(SQLQuery(unsafeSQL: sql))
            var esperadas = previas
            if let catalogo { esperadas[catalogo.rawValue] += 1 }
            #expect(try Self.versiones(h) == esperadas, "\(sql)")
        }
        // Not cached: the odometer, the vehicle's state, coordinates, a soft delete, an UPDATE that changes nothing.
        try cambia("UPDATE Vehiculo SET KilometrajeActual = KilometrajeActual + 10 WHERE Id = \(vehiculo)", nil)
        try cambia("UPDATE Vehiculo SET IdEstadoVehiculo = 2 WHERE Id = \(vehiculo)", nil)
        try cambia("UPDATE Lugares SET Latitud = 13.7, TelefonoContacto = '2222-0000' WHERE Id = 1", nil)
        try cambia("UPDATE Departamento SET Eliminado = 1 WHERE Id = 1", nil)
        try cambia("UPDATE EstadoSolicitud SET Descripcion = 'Otra', Orden = Orden + 100 WHERE Codigo = 'CANCELADA'", nil)
        try cambia("UPDATE TipoPrioridadSolicitud SET Nombre = Nombre WHERE Id = 1", nil)
        // People: a login's instant, the names and e-mail not shown, a soft delete.
        try cambia("UPDATE Usuario SET FechaHoraUltimoAcceso = '2026-04-15 10:00:00' WHERE Id = 1", nil)
        try cambia("UPDATE Perfil SET Nombre2 = 'Carlos Alberto', Apellido2 = 'López' WHERE Id = 1", nil)
        try cambia("UPDATE Perfil SET Eliminado = 1 WHERE Id = 2", nil)
        try cambia("UPDATE Usuario SET Email = Email WHERE Id = 2", nil)
        // Cached: each column, a change of case or of trailing spaces, NULL to a value and back, inserts and deletes.
        try cambia("UPDATE Vehiculo SET Placa = 'P100002' WHERE Id = \(vehiculo)", .vehiculo)
        try cambia("UPDATE Departamento SET Nombre = 'DIRECCIÓN ADMINISTRATIVA' WHERE Id = 1", .departamento)
        try cambia("UPDATE TipoPrioridadSolicitud SET Nombre = 'Alta ' WHERE Id = 1", .prioridad)
        try cambia("UPDATE TipoServicioSolicitud SET Nombre = CONCAT(Nombre, '.') WHERE Id = 1", .servicio)
        try cambia("UPDATE EstadoSolicitud SET Color = NULL WHERE Codigo = 'CANCELADA'", .estadoSolicitud)
        try cambia("UPDATE EstadoSolicitud SET Color = '#123456' WHERE Codigo = 'CANCELADA'", .estadoSolicitud)
        try cambia("UPDATE EstadoSolicitud SET EsEstadoFinal = 0 WHERE Codigo = 'CANCELADA'", .estadoSolicitud)
        try cambia("UPDATE EstadoSolicitud SET Codigo = 'CANCELADA_X' WHERE Codigo = 'CANCELADA'", .estadoSolicitud)
        try cambia("UPDATE Lugares SET Direccion = CONCAT(COALESCE(Direccion, ''), ' 2') WHERE Id = 2", .lugar)
        try cambia("UPDATE EstadoMision SET Codigo = 'PROGRAMADA_X' WHERE Codigo = 'PROGRAMADA'", .estadoMision)
        try cambia("INSERT INTO Lugares (Nombre) VALUES ('Nuevo')", .lugar)
        try cambia("DELETE FROM Lugares WHERE Nombre = 'Nuevo'", .lugar)
        try cambia("INSERT INTO TipoServicioSolicitud (Nombre) VALUES ('Otro servicio')", .servicio)
        try cambia("DELETE FROM Vehiculo WHERE Id = \(vehiculo)", .vehiculo)
        try cambia("UPDATE Perfil SET Nombre1 = 'JUAN' WHERE Id = 1", .perfil)
        try cambia("UPDATE Perfil SET Apellido1 = 'Pérez ' WHERE Id = 1", .perfil)
        try cambia("UPDATE Perfil SET Email = NULL WHERE Id = 1", .perfil)
        try cambia("UPDATE Usuario SET Email = 'otro.juan@transporte.local' WHERE Id = 1", .perfil)
        #expect(try Self.versiones(h).enumerated().allSatisfy { $0.element > antes[$0.offset] })
    }

    @Test("inside a transaction that changed a catalog the record shows the change, and the process keeps nothing of it after a rollback")
    func transaccionRevertida() throws {
        let h = try TransporteHarness()
        let (solicitud, _, _) = try Self.datos(h)
        let (a, _) = Self.dosProcesos(h)
        let antes = try Self.nuevo(solicitud, a)
        try? h.connection.transaction { () throws in
            _ = try h.connection.execute("UPDATE Departamento SET Nombre = 'Sin confirmar' WHERE Id = 2")
            let dentro = String(decoding: try Self.nuevo(solicitud, a), as: UTF8.self)
            #expect(dentro.contains(#""NombreDepartamento":"Sin confirmar""#))
            throw CancelarTransaccion()
        }
        #expect(try Self.nuevo(solicitud, a) == antes)
        #expect(try Self.nuevo(solicitud, a) == Self.antiguo(solicitud, h.connection, h))
    }

    /// Makes `transaction` roll back.
    struct CancelarTransaccion: Error {}

    @Test("the record statement opens none of the cached catalogs, and reads the version row by its primary key")
    func plan() throws {
        let h = try TransporteHarness()
        let id = try h.crearId()
        let rows = try h.connection.query(SQLQuery(unsafeSQL: "EXPLAIN " + SolicitudSQL.registroCompleto, binds: [.int(Int64(id))]))
        let tablas = try rows.map { try $0.optionalString("table") ?? "" }
        #expect(tablas.contains("cv"))
        for alias in Array(Catalogo.unidos.keys) + Catalogo.usuarios.values { #expect(!tablas.contains(alias), "\(alias) is joined") }
        let cv = try #require(rows.first { (try? $0.optionalString("table")) == "cv" })
        #expect(["const", "system"].contains(try cv.optionalString("type")))
    }
}
