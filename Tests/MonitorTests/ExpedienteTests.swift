import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// `/api/expedientes` through the frozen responder against a real MariaDB (monitor.md §4.4, seeds 000/001,
/// rulings M1-M3, M6).
@Suite("Expedientes: create, read, update, delete")
struct ExpedienteTests {
    // Seed 000's request example, verbatim.
    static let seed000Request = """
        {
            "no_siniestro": "SIN-2024-001",
            "marca": "Toyota",
            "modelo": "Corolla",
            "color": "Blanco",
            "placas": "ABC-123",
            "nombre_cliente": "Juan García",
            "id_aseguradora": 1
          }
        """
    // Seed 000's example response body, verbatim.
    static let seed000Response = """
        {
          "no_siniestro": "SIN-2024-001",
          "factura": null,
          "orden": null,
          "asesor": null,
          "fecha_ingreso": null,
          "fecha_valuacion": null,
          "fecha_autorizacion": null,
          "fecha_pzas_completas": null,
          "unidad_terminada": null,
          "tecnico": null,
          "mecanico": null,
          "vehiculo": null,
          "observaciones": null,
          "marca": "Toyota",
          "modelo": "Corolla",
          "tipo": null,
          "color": "Blanco",
          "placas": "ABC-123",
          "nombre_cliente": "Juan García",
          "telefono_cliente": null,
          "correo_cliente": null,
          "dato1": null,
          "dato1_fecha_hora": null,
          "dato2": null,
          "dato2_fecha_hora": null,
          "dato3": null,
          "dato3_fecha_hora": null,
          "dato4": null,
          "dato4_fecha_hora": null,
          "comentarios_aseguradora": null,
          "comentarios_aseguradora_fh": null,
          "doc_orden_admision": null,
          "doc_identificacion": null,
          "doc_tarjeta_circulacion": null,
          "doc_caratula_poliza": null,
          "doc_carta_reparacion": null,
          "doc_comprobante_deducible": null,
          "doc_finiquito": null,
          "doc_encuesta_servicio": null,
          "estado": "Ingreso",
          "ubicacion_almacenamiento": "Local",
          "id_aseguradora": 1,
          "creado_por": 2
        }
        """
    // Seed 001's request example, verbatim.
    static let seed001Request = """
        {
            "tecnico": "Carlos Pérez",
            "fecha_pzas_completas": "2024-03-22"
          }
        """
    // Seed 001's example response body, verbatim.
    static let seed001Response = """
        {
          "no_siniestro": "SIN-2024-001",
          "factura": "F-00123",
          "orden": "OT-2024-045",
          "asesor": "María López",
          "fecha_ingreso": "2024-03-15T12:00:00.000Z",
          "fecha_valuacion": "2024-03-18T12:00:00.000Z",
          "fecha_autorizacion": "2024-03-20T12:00:00.000Z",
          "fecha_pzas_completas": "2024-03-22T12:00:00.000Z",
          "unidad_terminada": null,
          "tecnico": "Carlos Pérez",
          "mecanico": null,
          "vehiculo": null,
          "observaciones": "Daño lateral derecho severo.",
          "marca": "Toyota",
          "modelo": "Corolla",
          "tipo": "Sedán",
          "color": "Blanco",
          "placas": "ABC-123",
          "nombre_cliente": "Juan García",
          "telefono_cliente": "555-100-2000",
          "correo_cliente": "juan@example.com",
          "dato1": null,
          "dato1_fecha_hora": null,
          "dato2": null,
          "dato2_fecha_hora": null,
          "dato3": null,
          "dato3_fecha_hora": null,
          "dato4": null,
          "dato4_fecha_hora": null,
          "comentarios_aseguradora": null,
          "comentarios_aseguradora_fh": null,
          "doc_orden_admision": true,
          "doc_identificacion": true,
          "doc_tarjeta_circulacion": true,
          "doc_caratula_poliza": false,
          "doc_carta_reparacion": false,
          "doc_comprobante_deducible": null,
          "doc_finiquito": null,
          "doc_encuesta_servicio": null,
          "estado": "Restauracion",
          "ubicacion_almacenamiento": "Local",
          "id_aseguradora": 1,
          "creado_por": 2
        }
        """

    /// Every key of `expected` is in `actual` with the same value, except `creado_por`, which is `callerID`.
    static func expectMatches(_ actual: Input?, _ expectedText: String, callerID: Int,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try #require(try JSONParser.parse(Array(expectedText.utf8)).objectValue)
        let object = try #require(actual?.objectValue, sourceLocation: sourceLocation)
        for key in expected.keys {
            if key == "creado_por" {
                #expect(object[key] == .number(String(callerID)), "creado_por", sourceLocation: sourceLocation)
            } else {
                #expect(object[key] == expected[key], "\(key)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("seed 000: the request example creates exactly the response example (201)")
    func seed000() throws {
        let h = try MonitorHarness()
        let (id, token) = try h.user(.operador)
        let response = h.call(.post, "/api/expedientes", json: Self.seed000Request, token: token)
        #expect(response.status == 201)
        try Self.expectMatches(response.json, Self.seed000Response, callerID: id)
        // The first historial row, in the same transaction (M1).
        let historial = try h.connection.query(
            "SELECT estado_anterior, estado_nuevo, cambiado_por FROM historial_estado WHERE no_siniestro = 'SIN-2024-001'")
        #expect(historial.count == 1)
        #expect(historial.first?[0].isNull == true)
        #expect(try historial.first?.string("estado_nuevo") == "Ingreso")
        #expect(try historial.first?.int("cambiado_por") == id)
        // Taken → 409, nothing more written.
        let again = h.call(.post, "/api/expedientes", json: Self.seed000Request, token: token)
        #expect(again.status == 409)
        #expect(again.error == "Ya existe un expediente con ese No. Siniestro")
        #expect(try h.count("SELECT COUNT(*) FROM historial_estado") == 1)
    }

    @Test("seed 001: the request example turns the prior state into the response example (200)")
    func seed001() throws {
        let h = try MonitorHarness()
        let (id, token) = try h.user(.administrador)
        let created = h.createExpediente("SIN-2024-001", token: token, extra: """
            "factura": "F-00123", "orden": "OT-2024-045", "asesor": "María López", "fecha_ingreso": "2024-03-15",
            "fecha_valuacion": "2024-03-18", "fecha_autorizacion": "2024-03-20",
            "observaciones": "Daño lateral derecho severo.", "marca": "Toyota", "modelo": "Corolla", "tipo": "Sedán",
            "color": "Blanco", "placas": "ABC-123", "nombre_cliente": "Juan García", "telefono_cliente": "555-100-2000",
            "correo_cliente": "juan@example.com", "doc_orden_admision": true, "doc_identificacion": true,
            "doc_tarjeta_circulacion": true, "doc_caratula_poliza": false, "doc_carta_reparacion": false,
            "id_aseguradora": 1
            """)
        #expect(created.status == 201)
        #expect(h.call(.patch, "/api/expedientes/SIN-2024-001/estado", json: #"{"estado":"Restauracion"}"#, token: token).status == 200)
        let response = h.call(.put, "/api/expedientes/SIN-2024-001", json: Self.seed001Request, token: token)
        #expect(response.status == 200)
        try Self.expectMatches(response.json, Self.seed001Response, callerID: id)
    }

    @Test("create: only no_siniestro is required, trimmed; every seed field and fecha_entrega are accepted")
    func createAllFields() throws {
        let h = try MonitorHarness()
        let (id, token) = try h.user(.administrador)
        let response = h.call(.post, "/api/expedientes", json: """
            {"no_siniestro": "  SIN-ALL \\t", "factura": "F", "orden": "O", "asesor": "A", "fecha_ingreso": "2024-01-02",
             "fecha_valuacion": "2024-01-03T05:00:00Z", "fecha_autorizacion": "2024-01-04T12:00:00-06:00",
             "fecha_pzas_completas": "2024-01-05", "fecha_entrega": "2024-01-06", "unidad_terminada": "2024-01-07",
             "tecnico": "T", "mecanico": "M", "vehiculo": "V", "observaciones": "Obs", "marca": "Kenworth",
             "modelo": "T680", "tipo": "Tracto", "color": "Rojo", "placas": "P-1", "nombre_cliente": "Cliente",
             "telefono_cliente": "449", "correo_cliente": "c@example.com",
             "dato1": "d1", "dato1_fecha_hora": "2024-03-20T10:30:00.000Z", "dato2": "d2", "dato2_fecha_hora": "2024-03-20T04:30:00-06:00",
             "dato3": "d3", "dato3_fecha_hora": "2024-03-20T10:30:00.123456Z", "dato4": "d4", "dato4_fecha_hora": "2024-03-20 04:30",
             "comentarios_aseguradora": "ok", "comentarios_aseguradora_fh": "2024-03-20T10:30:00.5Z",
             "doc_orden_admision": true, "doc_identificacion": false, "doc_tarjeta_circulacion": true,
             "doc_caratula_poliza": false, "doc_carta_reparacion": true, "doc_comprobante_deducible": false,
             "doc_finiquito": true, "doc_encuesta_servicio": false, "id_aseguradora": 3,
             "estado": "Salida", "creado_por": 999, "ubicacion_almacenamiento": "Nube", "desconocido": {"x": 1}}
            """, token: token)
        #expect(response.status == 201)
        let row = try #require(response.json?.objectValue)
        #expect(row["no_siniestro"] == .string("SIN-ALL"))
        #expect(row["fecha_ingreso"] == .string("2024-01-02T12:00:00.000Z"))
        // 05:00 UTC is still the 2nd... no: 2024-01-02 23:00 in Mexico City, so the 2nd.
        #expect(row["fecha_valuacion"] == .string("2024-01-02T12:00:00.000Z"))
        #expect(row["fecha_autorizacion"] == .string("2024-01-04T12:00:00.000Z"))
        #expect(row["fecha_entrega"] == .string("2024-01-06T12:00:00.000Z"))
        #expect(row["unidad_terminada"] == .string("2024-01-07T12:00:00.000Z"))
        #expect(row["dato1_fecha_hora"] == .string("2024-03-20T10:30:00.000Z"))
        #expect(row["dato2_fecha_hora"] == .string("2024-03-20T10:30:00.000Z"))
        #expect(row["dato3_fecha_hora"] == .string("2024-03-20T10:30:00.123Z"))
        // Without a zone: local time in America/Mexico_City (UTC-6 in March 2024).
        #expect(row["dato4_fecha_hora"] == .string("2024-03-20T10:30:00.000Z"))
        #expect(row["comentarios_aseguradora_fh"] == .string("2024-03-20T10:30:00.500Z"))
        #expect(row["doc_orden_admision"] == .bool(true))
        #expect(row["doc_identificacion"] == .bool(false))
        #expect(row["estado"] == .string("Ingreso"))
        #expect(row["ubicacion_almacenamiento"] == .string("Local"))
        #expect(row["creado_por"] == .number(String(id)))
        #expect(row["id_aseguradora"] == .number("3"))
        #expect(row["desconocido"] == nil)
        #expect(row["fecha_creacion"] == nil)
        // Every column the API writes, and only those, plus the four server-managed ones.
        #expect(row.keys == ["no_siniestro"] + ExpedienteFields.writable.map(\.name).filter { $0 != "id_aseguradora" }
            + ["estado", "ubicacion_almacenamiento", "id_aseguradora", "creado_por"])
        // Only no_siniestro: everything else null.
        let minimal = h.createExpediente("SIN-MIN", token: token)
        #expect(minimal.status == 201)
        #expect(minimal.json?["marca"] == .null)
        #expect(minimal.json?["id_aseguradora"] == .null)
        #expect(minimal.json?["doc_finiquito"] == .null)
    }

    @Test("create: blank, missing or null no_siniestro is 400; a non-string names the field", arguments: [
        (#"{}"#, "El No. Siniestro es obligatorio"),
        (#"{"no_siniestro": ""}"#, "El No. Siniestro es obligatorio"),
        (#"{"no_siniestro": "   \t\n"}"#, "El No. Siniestro es obligatorio"),
        (#"{"no_siniestro": "\u00a0\u3000"}"#, "El No. Siniestro es obligatorio"),
        (#"{"no_siniestro": null, "marca": "X"}"#, "El No. Siniestro es obligatorio"),
        (#"{"marca": "X"}"#, "El No. Siniestro es obligatorio"),
        (#"{"no_siniestro": 123}"#, "El campo 'no_siniestro' debe ser texto"),
        (#"{"no_siniestro": true}"#, "El campo 'no_siniestro' debe ser texto"),
        (#"{"no_siniestro": ["A"]}"#, "El campo 'no_siniestro' debe ser texto"),
        (#"{"no_siniestro": {"a": 1}}"#, "El campo 'no_siniestro' debe ser texto"),
    ])
    func createNoSiniestro(body: String, message: String) throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.operador)
        let response = h.call(.post, "/api/expedientes", json: body, token: token)
        #expect(response.status == 400)
        #expect(response.error == message)
        #expect(try h.footprint() == [0, 0, 0, 0, 0, 0])
    }

    @Test("create: no_siniestro is case-sensitive and exact, and 409 is judged after trimming")
    func createDuplicates() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.operador)
        #expect(h.createExpediente("SIN-1", token: token).status == 201)
        #expect(h.createExpediente("sin-1", token: token).status == 201)
        let padded = h.createExpediente(" SIN-1 ", token: token)
        #expect(padded.status == 409)
        #expect(padded.error == "Ya existe un expediente con ese No. Siniestro")
        #expect(try h.count("SELECT COUNT(*) FROM expediente") == 2)
        #expect(try h.count("SELECT COUNT(*) FROM historial_estado") == 2)
    }

    @Test("GET by no_siniestro: the row with aseguradora, historial_estado (newest first) and evidencia")
    func detail() throws {
        let h = try MonitorHarness()
        let (id, token) = try h.user(.administrador)
        #expect(h.createExpediente("SIN-D", token: token, extra: #""id_aseguradora": 2, "doc_finiquito": true"#).status == 201)
        #expect(h.call(.patch, "/api/expedientes/SIN-D/estado", json: #"{"estado":"Restauracion"}"#, token: token).status == 200)
        _ = try h.connection.execute("""
            INSERT INTO evidencia (no_siniestro, tipo, nombre_archivo, ruta, fecha_carga, subido_por)
            VALUES ('SIN-D', 'evidencia', 'foto.jpg', '/evidencias/x/y.jpg', '2024-03-20 10:30:00.250', \(id))
            """)
        let (_, tecnico) = try h.user(.tecnico)
        let response = h.call(.get, "/api/expedientes/SIN-D", token: tecnico)
        #expect(response.status == 200)
        let object = try #require(response.json?.objectValue)
        #expect(object["no_siniestro"] == .string("SIN-D"))
        #expect(object["estado"] == .string("Restauracion"))
        #expect(object["doc_finiquito"] == .bool(true))
        #expect(object["aseguradora"] == .object(InputObject([("id", .number("2")), ("nombre", .string("HDI"))])))
        let historial = try #require(object["historial_estado"].flatMap { if case .array(let a) = $0 { a } else { nil } })
        #expect(historial.count == 2)
        #expect(historial.first?["estado_nuevo"] == .string("Restauracion"))
        #expect(historial.first?["estado_anterior"] == .string("Ingreso"))
        #expect(historial.last?["estado_anterior"] == .null)
        #expect(historial.first?.objectValue?.keys == ["id", "no_siniestro", "estado_anterior", "estado_nuevo", "fecha_cambio",
                                                       "cambiado_por"])
        #expect(historial.first?["cambiado_por"] == .number(String(id)))
        let evidencia = try #require(object["evidencia"].flatMap { if case .array(let a) = $0 { a } else { nil } })
        #expect(evidencia.count == 1)
        #expect(evidencia.first?["nombre_archivo"] == .string("foto.jpg"))
        #expect(evidencia.first?["fecha_carga"] == .string("2024-03-20T10:30:00.250Z"))
        #expect(evidencia.first?["subido_por"] == .number(String(id)))
        #expect(evidencia.first?["ubicacion_almacenamiento"] == .string("Local"))

        // Without an aseguradora: null; without history rows of its own it still answers.
        #expect(h.createExpediente("SIN-E", token: token).status == 201)
        #expect(h.call(.get, "/api/expedientes/SIN-E", token: token).json?["aseguradora"] == .null)

        let missing = h.call(.get, "/api/expedientes/NO-EXISTE", token: token)
        #expect(missing.status == 404)
        #expect(missing.error == "Expediente no encontrado")
        // Exact match: case matters, and so does a trailing space.
        #expect(h.call(.get, "/api/expedientes/sin-d", token: token).status == 404)
    }

    @Test("lists: resumen shape, fecha_ingreso descending with missing dates first; pendientes and nube filters")
    func lists() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.administrador)
        #expect(h.createExpediente("A", token: token, extra: #""fecha_ingreso": "2024-01-10", "id_aseguradora": 1"#).status == 201)
        #expect(h.createExpediente("B", token: token, extra: #""fecha_ingreso": "2024-03-10""#).status == 201)
        #expect(h.createExpediente("C", token: token).status == 201)
        #expect(h.createExpediente("D", token: token, extra: #""fecha_ingreso": "2024-02-10""#).status == 201)
        _ = try h.connection.execute("UPDATE expediente SET estado = 'Salida' WHERE no_siniestro IN ('A', 'B')")
        _ = try h.connection.execute("UPDATE expediente SET ubicacion_almacenamiento = 'Nube' WHERE no_siniestro IN ('B', 'D')")

        let all = h.call(.get, "/api/expedientes", token: token)
        #expect(all.status == 200)
        guard case .array(let items)? = all.json else { Issue.record("not an array"); return }
        #expect(items.map { $0["no_siniestro"] } == ["C", "B", "D", "A"].map { Input.string($0) })
        #expect(items.last?.objectValue?.keys == ["no_siniestro", "factura", "orden", "asesor", "fecha_ingreso", "estado", "marca",
                                                  "placas", "tipo", "color", "modelo", "nombre_cliente", "telefono_cliente",
                                                  "aseguradora"])
        #expect(items.last?["aseguradora"] == .object(InputObject([("id", .number("1")), ("nombre", .string("AXA"))])))
        #expect(items.first?["aseguradora"] == .null)
        #expect(items.last?["fecha_ingreso"] == .string("2024-01-10T12:00:00.000Z"))

        let pendientes = h.call(.get, "/api/expedientes/pendientes", token: token)
        #expect(pendientes.status == 200)
        if case .array(let rows)? = pendientes.json { #expect(rows.map { $0["no_siniestro"] } == [.string("A")]) } else {
            Issue.record("pendientes not an array")
        }
        let nube = h.call(.get, "/api/expedientes/nube", token: token)
        if case .array(let rows)? = nube.json { #expect(rows.map { $0["no_siniestro"] } == [.string("B"), .string("D")]) } else {
            Issue.record("nube not an array")
        }
        let aseguradoras = h.call(.get, "/api/expedientes/aseguradoras", token: token)
        #expect(aseguradoras.status == 200)
        #expect(aseguradoras.text == #"[{"id":1,"nombre":"AXA"},{"id":2,"nombre":"HDI"},{"id":3,"nombre":"Qualitas"}]"#)
    }

    @Test("lists are empty arrays on an empty database")
    func emptyLists() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.tecnico)
        for path in ["/api/expedientes", "/api/expedientes/pendientes", "/api/expedientes/nube"] {
            let response = h.call(.get, path, token: token)
            #expect(response.status == 200)
            #expect(response.text == "[]")
        }
    }

    @Test("update: omitted keys unchanged, null clears, estado/no_siniestro/creado_por/ubicacion/unknown keys ignored")
    func updateSemantics() throws {
        let h = try MonitorHarness()
        let (id, token) = try h.user(.operador)
        #expect(h.createExpediente("SIN-U", token: token, extra: """
            "marca": "Toyota", "placas": "ABC", "fecha_ingreso": "2024-03-15", "doc_finiquito": true, "id_aseguradora": 1,
            "dato1": "x", "dato1_fecha_hora": "2024-03-20T10:30:00.000Z"
            """).status == 201)
        let response = h.call(.put, "/api/expedientes/SIN-U", json: """
            {"marca": null, "fecha_ingreso": null, "doc_finiquito": false, "id_aseguradora": null, "dato1_fecha_hora": null,
             "unidad_terminada": "2024-05-06", "fecha_entrega": "2024-05-10T03:00:00Z", "modelo": "",
             "estado": "Salida", "no_siniestro": "OTRO", "creado_por": 999, "ubicacion_almacenamiento": "Nube",
             "fecha_creacion": "2020-01-01", "nada": 1}
            """, token: token)
        #expect(response.status == 200)
        let row = try #require(response.json?.objectValue)
        #expect(row["no_siniestro"] == .string("SIN-U"))
        #expect(row["marca"] == .null)
        #expect(row["placas"] == .string("ABC"))
        #expect(row["modelo"] == .string(""))
        #expect(row["fecha_ingreso"] == .null)
        #expect(row["doc_finiquito"] == .bool(false))
        #expect(row["id_aseguradora"] == .null)
        #expect(row["dato1"] == .string("x"))
        #expect(row["dato1_fecha_hora"] == .null)
        #expect(row["unidad_terminada"] == .string("2024-05-06T12:00:00.000Z"))
        // 03:00 UTC on the 10th is still the 9th in Mexico City.
        #expect(row["fecha_entrega"] == .string("2024-05-09T12:00:00.000Z"))
        #expect(row["estado"] == .string("Ingreso"))
        #expect(row["creado_por"] == .number(String(id)))
        #expect(row["ubicacion_almacenamiento"] == .string("Local"))
        #expect(try h.count("SELECT COUNT(*) FROM expediente") == 1)
        #expect(try h.count("SELECT COUNT(*) FROM historial_estado") == 1)

        // A timestamp keeps its milliseconds through the update statement.
        let stamp = h.call(.put, "/api/expedientes/SIN-U", json: #"{"comentarios_aseguradora_fh": "2024-03-20T10:30:00.987Z"}"#,
                           token: token)
        #expect(stamp.json?["comentarios_aseguradora_fh"] == .string("2024-03-20T10:30:00.987Z"))
        #expect(stamp.json?["unidad_terminada"] == .string("2024-05-06T12:00:00.000Z"))

        // An empty body changes nothing and answers the row.
        let same = h.call(.put, "/api/expedientes/SIN-U", json: "{}", token: token)
        #expect(same.status == 200)
        #expect(same.json == stamp.json)
        let empty = h.call(.put, "/api/expedientes/SIN-U", token: token)
        #expect(empty.status == 400)
        #expect(empty.error == "El cuerpo de la solicitud es obligatorio")

        let missing = h.call(.put, "/api/expedientes/NO-EXISTE", json: #"{"marca": "X"}"#, token: token)
        #expect(missing.status == 404)
        #expect(missing.error == "Expediente no encontrado")
        #expect(try h.count("SELECT COUNT(*) FROM expediente") == 1)
    }

    @Test("update: an unknown id_aseguradora is a 400 naming the field, and nothing changes")
    func updateUnknownAseguradora() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.administrador)
        #expect(h.createExpediente("SIN-A", token: token, extra: #""id_aseguradora": 2, "marca": "M""#).status == 201)
        let before = h.expedienteRow("SIN-A", token: token)
        let response = h.call(.put, "/api/expedientes/SIN-A", json: #"{"marca": "Otra", "id_aseguradora": 99}"#, token: token)
        #expect(response.status == 400)
        #expect(response.error == "El campo 'id_aseguradora' no corresponde a una aseguradora existente")
        #expect(h.expedienteRow("SIN-A", token: token) == before)
        let create = h.createExpediente("SIN-B", token: token, extra: #""id_aseguradora": 4"#)
        #expect(create.status == 400)
        #expect(create.error == "El campo 'id_aseguradora' no corresponde a una aseguradora existente")
        #expect(try h.count("SELECT COUNT(*) FROM expediente") == 1)
        #expect(try h.count("SELECT COUNT(*) FROM historial_estado") == 1)
    }

    @Test("a caller whose user was deleted after its token was issued gets 401 and writes nothing")
    func deletedCaller() throws {
        let h = try MonitorHarness()
        let (_, admin) = try h.user(.administrador)
        let (ghostID, ghost) = try h.user(.operador)
        #expect(h.createExpediente("SIN-G", token: admin).status == 201)
        _ = try h.connection.execute("DELETE FROM usuario WHERE id = \(ghostID)")
        let create = h.createExpediente("SIN-H", token: ghost)
        #expect(create.status == 401)
        #expect(create.error == "Token inválido o expirado")
        let patch = h.call(.patch, "/api/expedientes/SIN-G/estado", json: #"{"estado":"Restauracion"}"#, token: ghost)
        #expect(patch.status == 401)
        #expect(patch.error == "Token inválido o expirado")
        #expect(try h.footprint() == [1, 1, 0, 0, 0, 0])
    }

    @Test("delete: cascades every child row, comentarios included (M6), and removes the evidence folder after commit")
    func delete() throws {
        let h = try MonitorHarness()
        let (id, token) = try h.user(.administrador)
        #expect(h.createExpediente("SIN-KEEP", token: token).status == 201)
        _ = try h.connection.execute("INSERT INTO comentario (no_siniestro, usuario_id, fecha, hora, comentario) VALUES ('SIN-KEEP', \(id), '2024-01-01', '10:00:00', 'c')")
        #expect(h.createExpediente("SIN-DEL", token: token).status == 201)
        #expect(h.call(.patch, "/api/expedientes/SIN-DEL/estado", json: #"{"estado":"Restauracion"}"#, token: token).status == 200)
        _ = try h.connection.execute("INSERT INTO comentario (no_siniestro, usuario_id, fecha, hora, comentario) VALUES ('SIN-DEL', \(id), '2024-01-01', '10:00:00', 'c')")
        _ = try h.connection.execute("INSERT INTO evidencia (no_siniestro, tipo, nombre_archivo, ruta, subido_por) VALUES ('SIN-DEL', 'evidencia', 'a.jpg', '/evidencias/x/a.jpg', \(id))")
        let checklist = try h.connection.execute("INSERT INTO checklist (no_siniestro, fecha_entrega) VALUES ('SIN-DEL', '2024-01-01')")
        _ = try h.connection.execute("INSERT INTO checklist_item (id_checklist, sistema, nombre_item, valor) VALUES (\(checklist.lastInsertID), 's', 'n', 'OK')")
        let levantamiento = try h.connection.execute("INSERT INTO levantamiento_danios (no_siniestro, marca) VALUES ('SIN-DEL', 'M')")
        _ = try h.connection.execute("INSERT INTO levantamiento_concepto (id_levantamiento, concepto, costo) VALUES (\(levantamiento.lastInsertID), 'c', 10)")
        let storage = EvidenceStorage(root: h.module.environment.evidenceDirectory)
        try FileManager.default.createDirectory(atPath: storage.folder(for: "SIN-DEL"), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: storage.folder(for: "SIN-DEL") + "/abc.jpg", contents: Data([1, 2, 3]))
        try FileManager.default.createDirectory(atPath: storage.folder(for: "SIN-KEEP"), withIntermediateDirectories: true)

        let response = h.call(.delete, "/api/expedientes/SIN-DEL", token: token)
        #expect(response.status == 200)
        #expect(response.text == #"{"ok":true,"no_siniestro":"SIN-DEL"}"#)
        for table in ["historial_estado", "evidencia", "comentario", "checklist", "levantamiento_danios"] {
            #expect(try h.count(SQLQuery(unsafeSQL: "SELECT COUNT(*) FROM \(table) WHERE no_siniestro = 'SIN-DEL'")) == 0, "\(table)")
        }
        #expect(try h.count("SELECT COUNT(*) FROM checklist_item") == 0)
        #expect(try h.count("SELECT COUNT(*) FROM levantamiento_concepto") == 0)
        #expect(!FileManager.default.fileExists(atPath: storage.folder(for: "SIN-DEL")))
        // The others are untouched.
        #expect(FileManager.default.fileExists(atPath: storage.folder(for: "SIN-KEEP")))
        #expect(try h.count("SELECT COUNT(*) FROM expediente") == 1)
        #expect(try h.count("SELECT COUNT(*) FROM comentario") == 1)

        let again = h.call(.delete, "/api/expedientes/SIN-DEL", token: token)
        #expect(again.status == 404)
        #expect(again.error == "Expediente no encontrado")
    }
}
