import AppCore
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// `GET /solicitud` (pagination §1.4 and the filters of §7.2), `GET /solicitud/:id` and
/// `GET /solicitud/:id/historico` (§6, T9).
@Suite("GET /solicitud, /solicitud/:id and /historico", .serialized)
struct SolicitudConsultaTests {
    /// Three solicitudes a minute apart: A (seed 002, pending), B (solicitante2's, approved by aprobador2),
    /// C (created by the admin for solicitante1, pending). Returns their ids.
    func tres(_ h: TransporteHarness) throws -> (a: Int, b: Int, c: Int) {
        let a = try h.crearId()
        h.clock.advance(seconds: 60)
        let b = try h.crearId([
            "idUsuarioSolicitante": "2", "idDepartamentoSolicitante": "1", "idUsuarioAprobador": "4",
            "idTipoPrioridadSolicitud": "1", "idTipoServicioSolicitud": "2", "asunto": #""Diligencia en la Corte Suprema""#,
            "fechaServicioRequerido": #""2026-05-01""#,
        ], como: "solicitante2")
        h.clock.advance(seconds: 60)
        let c = try h.crearId([
            "idUsuarioAprobador": "4", "idTipoPrioridadSolicitud": "3", "idTipoServicioSolicitud": "3",
            "asunto": #""Traslado de expedientes al aeropuerto""#, "descripcion": #""Urgente_100% confidencial""#,
            "fechaServicioRequerido": #""2026-06-10""#,
        ], como: "admin")
        let aprobada = h.call(.post, "/solicitud/\(b)/aprobar", json: "{}", token: try h.token("aprobador2"))
        #expect(aprobada.status == 200)
        return (a, b, c)
    }

    /// The ids `GET /solicitud` + `query` lists for `username` (the admin, who sees every one, by default).
    func ids(_ h: TransporteHarness, _ query: String, como username: String = "admin") throws -> [Int] {
        let response = h.call(.get, "/solicitud" + query, token: try h.token(username))
        #expect(response.status == 200, "\(query): \(response.text)")
        return response.data?["registros"]?.arrayValue?.compactMap { $0["Id"]?.intValue } ?? []
    }

    @Test("the page: envelope, total, pagina, porPagina, newest first, records without lugares and misiones")
    func pagina() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let (a, b, c) = try tres(h)
        let response = h.call(.get, "/solicitud", token: try h.token("admin"))
        #expect(response.status == 200 && response.message == "Listado de solicitudes obtenido exitosamente")
        #expect(response.data?.objectValue?.keys == ["total", "pagina", "porPagina", "registros"])
        #expect(response.data?["total"]?.intValue == 3 && response.data?["pagina"]?.intValue == 1)
        #expect(response.data?["porPagina"]?.intValue == 10)
        let registros = try #require(response.data?["registros"]?.arrayValue)
        #expect(registros.compactMap { $0["Id"]?.intValue } == [c, b, a])
        #expect(registros.allSatisfy { $0.objectValue?.keys == Array(SolicitudCreateTests.seedKeys.dropLast(2)) })
        #expect(registros[1]["CodigoEstadoActual"]?.stringValue == "APROBADA")
        #expect(registros[2]["FechaHoraCreacion"]?.stringValue == "2026-02-28T23:30:00")

        let segunda = h.call(.get, "/solicitud?pagina=2&por_pagina=2", token: try h.token("admin"))
        #expect(segunda.data?["total"]?.intValue == 3 && segunda.data?["porPagina"]?.intValue == 2)
        #expect(segunda.data?["registros"]?.arrayValue?.compactMap { $0["Id"]?.intValue } == [a])
        #expect(try ids(h, "?por_pagina=2") == [c, b])
        let fuera = h.call(.get, "/solicitud?pagina=5", token: try h.token("admin"))
        #expect(fuera.data?["total"]?.intValue == 3 && fuera.data?["registros"]?.arrayValue?.isEmpty == true)
    }

    @Test("each filter, alone and combined; busqueda on code (any case), subject, description, requester name")
    func filtros() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let (a, b, c) = try tres(h)
        let casos: [(String, [Int])] = [
            ("?codigoEstado=APROBADA", [b]), ("?codigoEstado=pendiente_aprobacion", [c, a]),
            ("?idEstadoSolicitud=2", [b]), ("?idEstadoSolicitud=1", [c, a]),
            ("?idDepartamento=1", [b]), ("?idDepartamento=2", [c, a]),
            ("?idTipoPrioridadSolicitud=3", [c]), ("?idTipoServicioSolicitud=2", [b]),
            ("?idUsuarioSolicitante=1", [c, a]), ("?idUsuarioAprobador=4", [c, b]), ("?idUsuarioAprobador=5", []),
            ("?fechaDesde=2026-05-01", [c, b]), ("?fechaHasta=2026-05-01", [b, a]),
            ("?fechaDesde=2026-04-16&fechaHasta=2026-06-09", [b]),
            ("?busqueda=sol-2026-02-00000002", [b]), ("?busqueda=SOL-2026-02", [c, b, a]),
            ("?busqueda=corte", [b]), ("?busqueda=CONFIDENCIAL", [c]), ("?busqueda=Ana%20Mart%C3%ADnez", [b]),
            ("?busqueda=Luc%C3%ADa", [b]), ("?busqueda=juan", [c, a]),
            ("?busqueda=%25", [c]), ("?busqueda=_100", [c]), ("?busqueda=e_e", []),
            ("?idDepartamento=2&idTipoPrioridadSolicitud=2&busqueda=sede", [a]),
            ("?idDepartamento=&busqueda=", [c, b, a]),
        ]
        for (query, expected) in casos {
            #expect(try ids(h, query) == expected, "\(query)")
        }
        let total = h.call(.get, "/solicitud?idUsuarioSolicitante=1&por_pagina=1", token: try h.token("admin"))
        #expect(total.data?["total"]?.intValue == 2)
        // Deleted solicitudes are not listed.
        #expect(h.call(.delete, "/solicitud/\(a)", token: try h.token("admin")).status == 200)
        #expect(try ids(h, "") == [c, b])
    }

    @Test("bad query values are 400 naming the query field")
    func consultaInvalida() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let casos: [(String, [String])] = [
            ("?pagina=0", ["pagina"]), ("?por_pagina=101", ["por_pagina"]), ("?por_pagina=abc", ["por_pagina"]),
            ("?idDepartamento=dos", ["idDepartamento"]), ("?idEstadoSolicitud=-1", ["idEstadoSolicitud"]),
            ("?fechaDesde=2026-13-01", ["fechaDesde"]), ("?fechaHasta=ayer", ["fechaHasta"]),
            ("?codigoEstado=EN%20PROCESO", ["codigoEstado"]),
            ("?busqueda=" + String(repeating: "x", count: 251), ["busqueda"]),
            ("?pagina=x&idUsuarioAprobador=1.5", ["pagina", "idUsuarioAprobador"]),
        ]
        for (query, fields) in casos {
            let response = h.call(.get, "/solicitud" + query, token: try h.token("admin"))
            #expect(response.status == 400 && response.errorFields == fields, "\(query): \(response.text)")
        }
    }

    @Test("detail: 404 with the documented message for unknown, malformed and out-of-range ids, never 5xx")
    func detalle() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let token = try h.token("admin")
        for id in ["999", "abc", "1.5", "-1", "0", "99999999999999999999", "2147483648", "%20"] {
            for suffix in ["", "/historico"] {
                let response = h.call(.get, "/solicitud/\(id)\(suffix)", token: token)
                #expect(response.status == 404 && response.success == false, "\(id)\(suffix)")
                #expect(response.message?.hasPrefix("Solicitud con Id ") == true && response.message?.hasSuffix(" no encontrada") == true)
            }
        }
        #expect(h.call(.get, "/solicitud/999", token: token).message == "Solicitud con Id 999 no encontrada")
        #expect(h.call(.get, "/solicitud/abc", token: token).message == "Solicitud con Id abc no encontrada")
    }

    @Test("historico: camelCase wrapper, PascalCase rows oldest first with state details")
    func historico() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let creada = try h.crear()
        let id = try #require(creada.data?["Id"]?.intValue)
        #expect(h.call(.post, "/solicitud/\(id)/aprobar", json: #"{"motivo": "Procede"}"#, token: try h.token("aprobador1")).status == 200)
        #expect(h.call(.post, "/solicitud/\(id)/cancelar", json: #"{"motivo": "Ya no se necesita"}"#,
                       token: try h.token("solicitante1")).status == 200)
        let response = h.call(.get, "/solicitud/\(id)/historico", token: try h.token("solicitante1"))
        #expect(response.status == 200 && response.message == "Histórico de estados obtenido exitosamente")
        #expect(response.data?.objectValue?.keys == ["idSolicitud", "codigoSolicitud", "historico"])
        #expect(response.data?["idSolicitud"]?.intValue == id)
        #expect(response.data?["codigoSolicitud"] == creada.data?["CodigoSolicitud"])
        let filas = try #require(response.data?["historico"]?.arrayValue)
        let keys = ["IdEstadoSolicitud", "IdSolicitud", "CodigoEstado", "NombreEstado", "ColorEstado", "OrdenEstado",
                    "EsEstadoFinal", "MotivoEstadoSolicitud", "FechaHoraCreacion", "FechaHoraActualizacion"]
        #expect(filas.allSatisfy { $0.objectValue?.keys == keys })
        #expect(filas.compactMap { $0["CodigoEstado"]?.stringValue } == ["PENDIENTE_APROBACION", "APROBADA", "CANCELADA"])
        #expect(filas.compactMap { $0["MotivoEstadoSolicitud"]?.stringValue } == ["Solicitud creada", "Procede", "Ya no se necesita"])
        #expect(filas.compactMap { $0["IdEstadoSolicitud"]?.intValue } == [1, 2, 4])
        #expect(filas.compactMap { $0["OrdenEstado"]?.intValue } == [1, 2, 4])
        #expect(filas.compactMap { $0["EsEstadoFinal"]?.boolValue } == [false, false, true])
        #expect(filas.allSatisfy { $0["IdSolicitud"]?.intValue == id })
        #expect(filas[0]["NombreEstado"]?.stringValue == "Pendiente de Aprobación" && filas[0]["ColorEstado"]?.stringValue == "#FFA500")
        let stamp = try #require(filas[0]["FechaHoraCreacion"]?.stringValue)
        #expect(stamp.count == 19 && Array(stamp)[10] == "T" && CivilDate(iso: String(stamp.prefix(10))) != nil)
    }

    @Test("T13 who may see: ADMIN all; APROBADOR what they approve or requested; SOLICITANTE their own; MOTORISTA none yet; else 404")
    func visibilidad() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let (a, b, c) = try tres(h)  // a: 1 → 3, b: 2 → 4, c: 1 → 4
        #expect(try ids(h, "") == [c, b, a])
        #expect(try ids(h, "", como: "solicitante1") == [c, a])
        #expect(try ids(h, "", como: "solicitante2") == [b])
        #expect(try ids(h, "", como: "aprobador1") == [a])
        #expect(try ids(h, "", como: "aprobador2") == [c, b])
        // Filters narrow the scope, never widen it; the total counts only what the caller may see.
        #expect(try ids(h, "?idUsuarioSolicitante=2", como: "solicitante1") == [])
        let total = h.call(.get, "/solicitud", token: try h.token("aprobador1")).data?["total"]?.intValue
        #expect(total == 1)
        let visibles: [String: Set<Int>] = ["admin": [a, b, c], "solicitante1": [a, c], "solicitante2": [b],
                                            "aprobador1": [a], "aprobador2": [b, c]]
        for (usuario, propias) in visibles {
            let token = try h.token(usuario)
            for id in [a, b, c] {
                for path in ["/solicitud/\(id)", "/solicitud/\(id)/historico"] {
                    let response = h.call(.get, path, token: token)
                    if propias.contains(id) {
                        #expect(response.status == 200, "\(usuario) \(path)")
                    } else {
                        // As if it did not exist: the same answer as an id that was never used.
                        #expect(response.status == 404 && response.message == "Solicitud con Id \(id) no encontrada", "\(usuario) \(path)")
                    }
                }
            }
        }
        // A MOTORISTA sees the solicitudes of its missions: there are none until missions exist.
        _ = try h.connection.execute("UPDATE PerfilRol SET Eliminado = 1 WHERE IdPerfil = 2")
        _ = try h.connection.execute("INSERT INTO PerfilRol (IdPerfil, IdRol) SELECT 2, Id FROM Rol WHERE Codigo = 'MOTORISTA'")
        h.clock.advance(seconds: 31)
        #expect(try ids(h, "", como: "solicitante2") == [])
        #expect(h.call(.get, "/solicitud/\(b)", token: try h.token("solicitante2")).status == 404)
    }
}
