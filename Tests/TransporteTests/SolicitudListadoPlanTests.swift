import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// GET /solicitud costs the page, not the table (issue 17, 0016): the exact statements `listado` sends, run under
/// `ANALYZE FORMAT=JSON` on a few thousand solicitudes, read about a page of index entries and sort nothing, and the
/// administrator's total (ConteoSolicitud, kept by triggers) is the number of active solicitudes through creations,
/// deletions and rows written by SQL.
@Suite("GET /solicitud reads a page, not the table (0016)", .serialized)
struct SolicitudListadoPlanTests {
    /// Rows enough that a full read or a sort of the table cannot pass for a page (20 rows).
    static let filas = 3_000

    /// `filas` solicitudes written by SQL (no state: no plan depends on it), one second apart: requester 2 and
    /// approver 4 on all but every 100th, which belongs to requester 1 and approver 3, so a scope read through the
    /// wrong index (the whole list, filtered) reads ~100 times the page.
    static func cargar(_ h: TransporteHarness) throws {
        try h.connection.executeText("""
            INSERT INTO Solicitud (CodigoSolicitud, IdUsuarioSolicitante, IdDepartamentoSolicitante, IdUsuarioAprobador,
                                   IdTipoPrioridadSolicitud, IdTipoServicioSolicitud, Asunto, CantidadPasajeros,
                                   FechaServicioRequerido, HoraServicioRequerido, FechaHoraCreacion, FechaHoraActualizacion)
            SELECT CONCAT('SOL-2000-01-', LPAD(seq, 8, '0')), IF(seq % 100 = 0, 1, 2), 2, IF(seq % 100 = 0, 3, 4), 2, 1,
                   'Traslado de carga', 2, '2026-04-15', '08:00',
                   TIMESTAMP'2026-01-01 00:00:00' + INTERVAL seq SECOND, TIMESTAMP'2026-01-01 00:00:00' + INTERVAL seq SECOND
              FROM seq_1_to_\(filas);
            ANALYZE TABLE Solicitud
            """)
    }

    /// The caller's scope, as the list builds it from a seed user's identity.
    static func alcance(_ h: TransporteHarness, _ username: String) throws -> SolicitudAlcance {
        SolicitudAlcance(try #require(try MariaDBAuthRepository(connection: h.connection).user(username: username)).identity)
    }

    /// `ANALYZE FORMAT=JSON` of `query` (its binds included): the statement runs, and the plan reports the rows each
    /// table really read (`r_rows`).
    static func analyze(_ h: TransporteHarness, _ query: SQLQuery) throws -> [String: Any] {
        var analyzed = SQLQuery(unsafeSQL: "ANALYZE FORMAT=JSON ")
        analyzed.append(query)
        let text = try #require(try h.connection.queryFirst(analyzed)?.string("ANALYZE"))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Every `table` object of a plan, by its alias.
    static func tablas(_ plan: Any) -> [String: [String: Any]] {
        var found: [String: [String: Any]] = [:]
        if let object = plan as? [String: Any] {
            if let table = object["table"] as? [String: Any], let name = table["table_name"] as? String {
                found[name] = table
            }
            for value in object.values { found.merge(tablas(value)) { first, _ in first } }
        } else if let array = plan as? [Any] {
            for value in array { found.merge(tablas(value)) { first, _ in first } }
        }
        return found
    }

    /// Whether the plan sorts anywhere (a `filesort` step at any depth).
    static func ordena(_ plan: Any) -> Bool {
        if let object = plan as? [String: Any] {
            return object.keys.contains("filesort") || object.values.contains { ordena($0) }
        }
        if let array = plan as? [Any] { return array.contains { ordena($0) } }
        return false
    }

    @Test("each scope's page reads its rows in index order and stops after the page: no sort, no scan")
    func paginaPorIndice() throws {
        let h = try TransporteHarness()
        try Self.cargar(h)
        for (username, offset) in [("admin", 0), ("admin", 40), ("solicitante1", 0)] {
            let alcance = try Self.alcance(h, username)
            let sql = MariaDBSolicitudRepository.listadoSQL(SolicitudFiltro(), alcance: alcance, offset: offset, limite: 20)
            let plan = try Self.analyze(h, sql.pagina)
            #expect(!Self.ordena(plan), "\(username) offset \(offset): the page is sorted instead of read in order: \(plan)")
            let solicitud = try #require(Self.tablas(plan)["s"], "no table s in \(plan)")
            let leidas = try #require(solicitud["r_rows"] as? NSNumber).doubleValue
            #expect(leidas <= Double(offset + 20), "\(username) offset \(offset): \(leidas) rows of Solicitud read for a page")
            #expect(solicitud["access_type"] as? String != "ALL")
        }
    }

    @Test("the totals read no joined table: the administrator's one counter row, a scope its person's index")
    func totalSinJoins() throws {
        let h = try TransporteHarness()
        try Self.cargar(h)
        let todas = MariaDBSolicitudRepository.listadoSQL(SolicitudFiltro(), alcance: try Self.alcance(h, "admin"),
                                                          offset: 0, limite: 20)
        let contador = Self.tablas(try Self.analyze(h, todas.cuenta))
        #expect(Array(contador.keys) == ["ConteoSolicitud"], "\(contador)")
        #expect(try #require(contador["ConteoSolicitud"]?["access_type"] as? String) == "const")

        let propias = MariaDBSolicitudRepository.listadoSQL(SolicitudFiltro(), alcance: try Self.alcance(h, "solicitante1"),
                                                            offset: 0, limite: 20)
        let conteo = Self.tablas(try Self.analyze(h, propias.cuenta))
        #expect(Array(conteo.keys) == ["s"], "\(conteo)")
        let solicitud = try #require(conteo["s"])
        #expect(solicitud["using_index"] as? Bool == true, "\(solicitud)")
        #expect(try #require(solicitud["r_rows"] as? NSNumber).intValue == Self.filas / 100, "\(solicitud)")
    }

    @Test("the administrator's total is the active solicitudes through creations, deletions and rows written by SQL")
    func totalExacto() throws {
        let h = try TransporteHarness()
        let admin = try h.token("admin")
        func total() -> Int? { h.call(.get, "/solicitud?por_pagina=1", token: admin).data?["total"]?.intValue }
        func activas() throws -> Int { try h.count("SELECT COUNT(*) FROM Solicitud WHERE Eliminado = 0") }
        let inicial = try activas()
        #expect(total() == inicial)
        let creadas = try (0..<3).map { _ in try h.crearId() }
        // A refused creation (the approver is the requester) counts nothing.
        #expect(try h.crear(["idUsuarioAprobador": "1"]).status == 400)
        #expect(total() == inicial + 3)
        #expect(h.call(.delete, "/solicitud/\(creadas[1])", token: admin).status == 200)
        #expect(total() == inicial + 2)
        try h.insertSolicitud()
        #expect(total() == inicial + 3)
        try h.connection.execute("DELETE FROM Solicitud WHERE Id = \(creadas[0])")
        #expect(total() == inicial + 2)
        #expect(try activas() == inicial + 2)
        // Scoped and filtered totals count the rows themselves, and agree.
        #expect(h.call(.get, "/solicitud?idUsuarioSolicitante=1&por_pagina=1", token: admin).data?["total"]?.intValue
            == (try h.count("SELECT COUNT(*) FROM Solicitud WHERE Eliminado = 0 AND IdUsuarioSolicitante = 1")))
    }
}

/// The record statement reads a solicitud's missions from the tables, not through `VistaMision` (issue 16): its
/// mission columns must stay the view's, which every other mission read returns.
@Suite("GET /solicitud/:id's missions are VistaMision's records")
struct SolicitudRegistroMisionColumnasTests {
    @Test("the record statement's mission columns are VistaMision's, in its order")
    func columnasDeLaVista() throws {
        let h = try TransporteHarness()
        let vista = try h.connection.query("""
            SELECT COLUMN_NAME AS Nombre FROM information_schema.COLUMNS
             WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'VistaMision' ORDER BY ORDINAL_POSITION
            """).map { try $0.string("Nombre") }
        let registro = SolicitudSQL.misionColumnas.map { columna in
            String(columna.split(separator: " ").last?.split(separator: ".").last ?? "")
        }
        #expect(registro == vista)
        #expect(vista == MisionRoutes.columnas)
    }

    @Test("the record statement's labels are the layouts the record is read with by position, and each stop and mission is one row")
    func etiquetasDeLasPartes() throws {
        let h = try TransporteHarness()
        let solicitud = try h.solicitudEn("APROBADA")
        _ = try h.misionId(solicitud, fecha: "2026-04-16")
        _ = try h.misionId(solicitud, fecha: "2026-04-15")
        let key: [SQLValue] = [.int(Int64(solicitud))]
        let rows = try h.connection.query(SQLQuery(unsafeSQL: SolicitudSQL.registroCompleto, binds: key))
        // `registro` reads the parts by position (after Parte and the catalogs' versions): they must be the
        // statement's labels, and the rendered layouts the labels the joins gave (names included).
        let partes = [SolicitudSQL.registroParte, SolicitudSQL.lugarParte, SolicitudSQL.misionParte]
        #expect(try #require(rows.first).columns.names == ["Parte"] + Catalogo.allCases.map { "Version" + $0.tabla }
            + partes.flatMap { $0.seleccionadas.map(RecordLayout.label) })
        #expect(partes.map(\.layout.columns.names) == [SolicitudSQL.registroColumnas, SolicitudSQL.lugarColumnas,
                                                        SolicitudSQL.misionColumnas].map { $0.map(RecordLayout.label) })
        #expect(SolicitudSQL.registroParte.layout.booleans.enumerated().filter(\.element).map {
            SolicitudSQL.registroParte.layout.columns.names[$0.offset] } == ["EsEstadoFinal"])
        let l = 1 + Catalogo.allCases.count + SolicitudSQL.registroParte.seleccionadas.count
        let m = l + SolicitudSQL.lugarParte.seleccionadas.count
        let paradas = try h.count("SELECT COUNT(*) FROM DetalleLugarSolicitud WHERE IdSolicitud = \(solicitud) AND Eliminado = 0")
        #expect(paradas >= 2)
        #expect(rows.filter { !$0[l].isNull }.count == paradas)
        #expect(rows.filter { !$0[m].isNull }.count == 2)
        #expect(rows.count == paradas + 2)
        // And the record the API answers has them all, with the booleans as JSON booleans.
        let registro = h.call(.get, "/solicitud/\(solicitud)", token: try h.token("admin")).data
        #expect(registro?["Id"]?.intValue == solicitud)
        #expect(registro?["lugares"]?.arrayValue?.count == paradas)
        #expect(registro?["lugares"]?.arrayValue?.first?["EsOrigen"]?.boolValue != nil)
        #expect(registro?["misiones"]?.arrayValue?.count == 2)
    }
}
