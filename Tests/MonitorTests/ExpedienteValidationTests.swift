import Foundation
import HTTPCore
import TestSupport
import Testing
@testable import Monitor

/// Client mistakes on the expediente writes (ruling 1): every one is a 4xx naming the field, and nothing is written.
@Suite("Expedientes: bad input is a 4xx and writes nothing")
struct ExpedienteValidationTests {
    /// A wrong value for one field and the message it must get.
    struct Case: Sendable, CustomStringConvertible {
        let field: String
        let json: String
        let message: String
        var description: String { "\(field) = \(json.prefix(40))" }
    }

    static let long256 = String(repeating: "ñ", count: 256)
    static let long501 = String(repeating: "a", count: 501)

    /// Per field kind: wrong JSON types, bad dates, over-long text.
    static let cases: [Case] = {
        var cases: [Case] = []
        let texts = ExpedienteFields.writable.filter { if case .text = $0.kind { true } else { false } }
        for spec in texts {
            for bad in ["5", "true", "[]", "{}", #"["a"]"#] {
                cases.append(Case(field: spec.name, json: bad, message: "El campo '\(spec.name)' debe ser texto"))
            }
        }
        for name in ["marca", "placas", "correo_cliente", "factura", "tecnico"] {
            cases.append(Case(field: name, json: "\"\(long256)\"", message: "El campo '\(name)' excede la longitud máxima de 255 caracteres"))
        }
        for name in ["dato1", "dato4"] {
            cases.append(Case(field: name, json: "\"\(long501)\"", message: "El campo '\(name)' excede la longitud máxima de 500 caracteres"))
        }
        let dates = ExpedienteFields.writable.filter { $0.kind == .date }.map(\.name)
        #expect(dates.count == 6)
        for name in dates {
            for bad in [#""2026-02-30""#, #""ayer""#, #""2026-13-01""#, #""15/03/2024""#, #""2024-3-5""#, "20240315", "true",
                        #""2024-03-15T25:00:00Z""#, "[]"] {
                cases.append(Case(field: name, json: bad, message: "El campo '\(name)' debe ser una fecha válida (YYYY-MM-DD)"))
            }
        }
        let stamps = ExpedienteFields.writable.filter { $0.kind == .timestamp }.map(\.name)
        #expect(stamps.count == 5)
        for name in stamps {
            for bad in [#""ayer""#, #""2024-02-30T10:00:00Z""#, #""2024-03-20T10:30:00+25:00""#, "1710930600000", "false"] {
                cases.append(Case(field: name, json: bad, message: "El campo '\(name)' debe ser una fecha y hora ISO 8601 válida"))
            }
        }
        let flags = ExpedienteFields.writable.filter { $0.kind == .boolean }.map(\.name)
        #expect(flags.count == 8)
        for name in flags {
            for bad in [#""true""#, "1", "0", #""si""#, "{}"] {
                cases.append(Case(field: name, json: bad, message: "El campo '\(name)' debe ser verdadero o falso"))
            }
        }
        for bad in [#""abc""#, "1.5", "true", "0", "-1", "99999999999", "[1]", "1e2"] {
            cases.append(Case(field: "id_aseguradora", json: bad, message: "El campo 'id_aseguradora' debe ser un número entero"))
        }
        return cases
    }()

    @Test("POST: a wrong value for any field is a 400 naming it, and nothing is written")
    func createMatrix() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.operador)
        for (index, item) in Self.cases.enumerated() {
            let response = h.call(.post, "/api/expedientes",
                                  json: "{\"no_siniestro\": \"SIN-\(index)\", \"marca\": \"M\", \"\(item.field)\": \(item.json)}",
                                  token: token)
            #expect(response.status == 400, "\(item)")
            #expect(response.error == item.message, "\(item)")
        }
        #expect(try h.footprint() == [0, 0, 0, 0, 0, 0])
    }

    @Test("PUT: a wrong value for any field is a 400 naming it, and the row does not change")
    func updateMatrix() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.administrador)
        #expect(h.createExpediente("SIN-V", token: token, extra: #""marca": "Toyota", "fecha_ingreso": "2024-03-15""#).status == 201)
        let before = h.expedienteRow("SIN-V", token: token)
        for item in Self.cases {
            let response = h.call(.put, "/api/expedientes/SIN-V", json: "{\"marca\": \"Otra\", \"\(item.field)\": \(item.json)}",
                                  token: token)
            #expect(response.status == 400, "\(item)")
            #expect(response.error == item.message, "\(item)")
        }
        #expect(h.expedienteRow("SIN-V", token: token) == before)
        #expect(try h.footprint() == [1, 1, 0, 0, 0, 0])
    }

    @Test("text limits count characters as MariaDB does, and TEXT columns hold 65,535 bytes")
    func textLimits() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.administrador)
        // 255 characters of two bytes each fit a VARCHAR(255); 255 "e" + combining accent are 510 code points.
        #expect(h.createExpediente("SIN-T", token: token, extra: "\"marca\": \"\(String(repeating: "ñ", count: 255))\"").status == 201)
        let combining = String(repeating: "e\u{301}", count: 200)
        let response = h.call(.put, "/api/expedientes/SIN-T", json: "{\"marca\": \"\(combining)\"}", token: token)
        #expect(response.status == 400)
        #expect(response.error == "El campo 'marca' excede la longitud máxima de 255 caracteres")
        // 65,535 ASCII characters fit a TEXT column; 20,000 four-byte characters (80,000 bytes) do not.
        let fits = h.call(.put, "/api/expedientes/SIN-T", json: "{\"observaciones\": \"\(String(repeating: "a", count: 65_535))\"}",
                          token: token)
        #expect(fits.status == 200)
        let emoji = h.call(.put, "/api/expedientes/SIN-T", json: "{\"observaciones\": \"\(String(repeating: "🚚", count: 20_000))\"}",
                           token: token)
        #expect(emoji.status == 400)
        #expect(emoji.error == "El campo 'observaciones' excede la longitud máxima de 65535 caracteres")
        for name in ["vehiculo", "comentarios_aseguradora", "observaciones"] {
            let long = h.call(.put, "/api/expedientes/SIN-T", json: "{\"\(name)\": \"\(String(repeating: "a", count: 65_536))\"}",
                              token: token)
            #expect(long.status == 400)
            #expect(long.error == "El campo '\(name)' excede la longitud máxima de 65535 caracteres")
        }
        let key = h.createExpediente(String(repeating: "K", count: 101), token: token)
        #expect(key.status == 400)
        #expect(key.error == "El campo 'no_siniestro' excede la longitud máxima de 100 caracteres")
        #expect(try h.footprint() == [1, 1, 0, 0, 0, 0])
    }

    @Test("10 MB strings: 413 under the default body limit, 400 naming the field under a larger one")
    func hugeStrings() throws {
        let huge = String(repeating: "x", count: 10 * 1024 * 1024)
        do {
            let h = try MonitorHarness()
            let (_, token) = try h.user(.administrador)
            let response = h.createExpediente("SIN-HUGE", token: token, extra: "\"observaciones\": \"\(huge)\"")
            #expect(response.status == 413)
            #expect(response.error == "El cuerpo de la solicitud excede el límite permitido")
            #expect(try h.footprint() == [0, 0, 0, 0, 0, 0])
        }
        let h = try MonitorHarness(extra: ["BODY_LIMIT": "\(64 << 20)", "JSON_BODY_LIMIT": "\(64 << 20)"])
        let (_, token) = try h.user(.administrador)
        for name in ["observaciones", "marca", "dato2"] {
            let response = h.createExpediente("SIN-HUGE", token: token, extra: "\"\(name)\": \"\(huge)\"")
            #expect(response.status == 400)
            #expect(response.error?.hasPrefix("El campo '\(name)' excede la longitud máxima") == true)
        }
        let key = h.createExpediente(huge, token: token)
        #expect(key.status == 400)
        #expect(key.error == "El campo 'no_siniestro' excede la longitud máxima de 100 caracteres")
        #expect(h.createExpediente("SIN-OK", token: token).status == 201)
        let update = h.call(.put, "/api/expedientes/SIN-OK", json: "{\"comentarios_aseguradora\": \"\(huge)\"}", token: token)
        #expect(update.status == 400)
        #expect(try h.footprint() == [1, 1, 0, 0, 0, 0])
    }

    @Test("bodies that are not a JSON object: 4xx on POST, PUT and PATCH, nothing written")
    func malformedBodies() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.administrador)
        #expect(h.createExpediente("SIN-B", token: token, extra: #""marca": "M""#).status == 201)
        let before = h.expedienteRow("SIN-B", token: token)
        let bodies: [(bytes: [UInt8], contentType: String?, status: Int, message: String?)] = [
            (Array("{".utf8), "application/json", 400, "El cuerpo de la solicitud no es JSON válido"),
            (Array("{\"no_siniestro\": \"A\",}".utf8), "application/json", 400, "El cuerpo de la solicitud no es JSON válido"),
            (Array("null".utf8), "application/json", 400, "El cuerpo de la solicitud debe ser un objeto JSON"),
            (Array("[]".utf8), "application/json", 400, "El cuerpo de la solicitud debe ser un objeto JSON"),
            (Array("\"SIN\"".utf8), "application/json", 400, "El cuerpo de la solicitud debe ser un objeto JSON"),
            (Array("{\"no_siniestro\": \"A\"} x".utf8), "application/json", 400, "El cuerpo de la solicitud no es JSON válido"),
            (Array("{\"no_siniestro\": \"SIN-".utf8) + [0xC3, 0x28] + Array("\", \"marca\": \"\u{FF}\"}".utf8) + [0xFF],
             "application/json", 400, "El cuerpo de la solicitud no es JSON válido"),
            (Array("{\"no_siniestro\": \"SIN-Z\", \"marca\": \"".utf8) + [0xED, 0xA0, 0x80] + Array("\"}".utf8),
             "application/json", 400, "El cuerpo de la solicitud no es JSON válido"),
            (Array("{\"no_siniestro\": \"SIN-Z\", \"estado\": \"".utf8) + [0xC0, 0xAF] + Array("\"}".utf8),
             "application/json", 400, "El cuerpo de la solicitud no es JSON válido"),
            (Array("<xml/>".utf8), "application/xml", 415, nil),
        ]
        for (index, body) in bodies.enumerated() {
            for (method, path) in [(HTTPMethod.post, "/api/expedientes"), (.put, "/api/expedientes/SIN-B"),
                                   (.patch, "/api/expedientes/SIN-B/estado")] {
                let response = h.call(method, path, token: token, body: body.bytes, contentType: body.contentType)
                #expect(response.status == body.status, "body \(index) on \(method) \(path)")
                if let message = body.message { #expect(response.error == message, "body \(index) on \(method) \(path)") }
                #expect(response.json?["error"] != nil, "body \(index) on \(method) \(path): JSON error")
            }
        }
        // An empty body: POST lacks no_siniestro, PATCH lacks estado, PUT is refused (its body is required).
        let post = h.call(.post, "/api/expedientes", token: token, body: [], contentType: "application/json")
        #expect(post.status == 400)
        #expect(post.error == "El No. Siniestro es obligatorio")
        let patch = h.call(.patch, "/api/expedientes/SIN-B/estado", token: token, body: [], contentType: "application/json")
        #expect(patch.status == 400)
        #expect(patch.error == Estado.invalidMessage)
        #expect(h.call(.put, "/api/expedientes/SIN-B", token: token).error == "El cuerpo de la solicitud es obligatorio")
        #expect(h.expedienteRow("SIN-B", token: token) == before)
        #expect(try h.footprint() == [1, 1, 0, 0, 0, 0])
    }

    @Test("PATCH estado: a missing, null, non-string or unknown estado is the documented 400", arguments: [
        #"{}"#, #"{"estado": null}"#, #"{"estado": 1}"#, #"{"estado": true}"#, #"{"estado": ["Salida"]}"#,
        #"{"estado": {"nombre": "Salida"}}"#, #"{"estado": ""}"#, #"{"estado": "salida"}"#, #"{"estado": "SALIDA"}"#,
        #"{"estado": "Salida "}"#, #"{"estado": "Restauración"}"#, #"{"estado": "Pendiente de salida"}"#,
        #"{"Estado": "Salida"}"#, #"{"estado": "Entregado"}"#,
    ])
    func patchInvalidEstado(body: String) throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.operador)
        #expect(h.createExpediente("SIN-P", token: token).status == 201)
        let response = h.call(.patch, "/api/expedientes/SIN-P/estado", json: body, token: token)
        #expect(response.status == 400)
        #expect(response.error == "Estado inválido. Valores permitidos: Ingreso, Restauracion, Pendiente_de_salida, Salida")
        // Checked before the expediente is looked up (§4.5's order).
        let unknown = h.call(.patch, "/api/expedientes/NO-EXISTE/estado", json: body, token: token)
        #expect(unknown.status == 400)
        #expect(unknown.error == Estado.invalidMessage)
        #expect(try h.footprint() == [1, 1, 0, 0, 0, 0])
        #expect(h.expedienteRow("SIN-P", token: token)?["estado"] == .string("Ingreso"))
    }
}

/// Extreme but well-formed dates and instants: stored when the column can hold them, a 400 otherwise; never a 5xx.
@Suite("Expedientes: date and instant extremes")
struct ExpedienteDateExtremesTests {
    @Test("extreme values", arguments: [
        ("fecha_ingreso", "0000-01-01"), ("fecha_ingreso", "0001-01-01"), ("fecha_ingreso", "9999-12-31"),
        ("fecha_ingreso", "9999-12-31T23:59:59-12:00"), ("fecha_ingreso", "2024-02-29"), ("fecha_ingreso", "2023-02-29"),
        ("dato1_fecha_hora", "9999-12-31T23:59:59.999-06:00"), ("dato1_fecha_hora", "0000-01-01T00:00:00Z"),
        ("dato1_fecha_hora", "0001-01-01T00:00:00+14:00"), ("dato1_fecha_hora", "1969-12-31T23:59:59.999Z"),
        ("dato1_fecha_hora", "9999-12-31"), ("comentarios_aseguradora_fh", "1970-01-01T00:00:00Z"),
    ])
    func extremes(field: String, value: String) throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.administrador)
        let create = h.createExpediente("SIN-X", token: token, extra: "\"\(field)\": \"\(value)\"")
        #expect(create.status == 201 || create.status == 400, "\(create.status) \(create.text)")
        if create.status == 400 { #expect(create.error?.contains("'\(field)'") == true) }
        #expect(h.createExpediente("SIN-Y", token: token).status == 201)
        let update = h.call(.put, "/api/expedientes/SIN-Y", json: "{\"\(field)\": \"\(value)\"}", token: token)
        #expect(update.status == 200 || update.status == 400, "\(update.status) \(update.text)")
        #expect(update.status == create.status - (create.status == 201 ? 1 : 0), "create and update agree")
    }
}
