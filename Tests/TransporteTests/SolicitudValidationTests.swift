import AppCore
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// `POST /solicitud` refusals, in the order of the checks: fields (400), business rules (422), requester =
/// approver (400), referenced rows (400), permission (403). Each writes nothing, the correlative included.
@Suite("POST /solicitud: refusals write nothing", .serialized)
struct SolicitudValidationTests {
    /// Sends `json` as admin and checks the status, that it failed in the T1 envelope, and that nothing changed.
    @discardableResult
    func refused(_ h: TransporteHarness, _ json: String, _ status: Int, token: String? = nil,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> TestResponse {
        let before = try h.huella()
        let response = h.call(.post, "/solicitud", json: json, token: try token ?? h.token("admin"))
        #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
        #expect(response.success == false && response.json?["data"] == Input.null, sourceLocation: sourceLocation)
        #expect(try h.huella() == before, "something was written", sourceLocation: sourceLocation)
        return response
    }

    @Test("malformed JSON, a non-object body and a list of non-objects are 400")
    func malformed() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        #expect(try refused(h, "{", 400).message == "El cuerpo de la petición no es un JSON válido")
        #expect(try refused(h, #"{"asunto": "abc""#, 400).message == "El cuerpo de la petición no es un JSON válido")
        #expect(try refused(h, "[]", 400).message == "El cuerpo de la petición debe ser un objeto JSON")
        #expect(try refused(h, #""texto""#, 400).status == 400)
        let items = try refused(h, TransporteHarness.cuerpo(["lugares": #"[1, "a", null]"#]), 400)
        #expect(items.errorFields == ["lugares[0]", "lugares[1]", "lugares[2]"])
        #expect(items.errorMessages.allSatisfy { $0.hasSuffix("debe ser un objeto") })
        #expect(try refused(h, TransporteHarness.cuerpo(["lugares": #""Sede""#]), 400).errorMessages
            == ["El campo 'lugares' debe ser una lista"])
        #expect(try refused(h, TransporteHarness.cuerpo(["lugares": "{}"]), 400).errorFields == ["lugares"])
    }

    @Test("every missing required field is one errors item; the message is the validation message")
    func missing() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let response = try refused(h, "{}", 400)
        #expect(response.message == "Error de validación en los datos enviados")
        let required = ["idUsuarioSolicitante", "idDepartamentoSolicitante", "idUsuarioAprobador", "idTipoPrioridadSolicitud",
                        "idTipoServicioSolicitud", "asunto", "cantidadPasajeros", "fechaServicioRequerido",
                        "horaServicioRequerido", "lugares"]
        #expect(response.errorFields == required)
        #expect(response.errorMessages == required.map { "El campo '\($0)' es obligatorio" })
        // Optional fields may be left out; a stop needs only idLugar and orden.
        let minimal = TransporteHarness.cuerpo(["descripcion": nil, "justificacion": nil, "nombresPasajeros": nil,
                                                "observaciones": nil, "lugares": #"[{"idLugar": 1, "orden": 0, "esOrigen": true}]"#])
        let created = h.call(.post, "/solicitud", json: minimal, token: try h.token("solicitante1"))
        #expect(created.status == 201, "\(created.text)")
        #expect(created.data?["Descripcion"] == .null && created.data?["lugares"]?.arrayValue?.first?["RequiereRetorno"]?.boolValue == false)
        let lugar = try refused(h, TransporteHarness.cuerpo(["lugares": #"[{"esOrigen": true}]"#]), 400)
        #expect(lugar.errorFields == ["lugares[0].idLugar", "lugares[0].orden"])
    }

    @Test("wrong types, bad dates and times, lengths and ranges name each field")
    func types() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let cases: [(String, String, String)] = [
            ("idUsuarioSolicitante", #""uno""#, "El campo 'idUsuarioSolicitante' debe ser un número entero"),
            ("idDepartamentoSolicitante", "2.5", "El campo 'idDepartamentoSolicitante' debe ser un número entero"),
            ("idUsuarioAprobador", "true", "El campo 'idUsuarioAprobador' debe ser un número entero"),
            ("idTipoPrioridadSolicitud", "0", "El campo 'idTipoPrioridadSolicitud' debe ser mayor o igual al mínimo permitido"),
            ("idTipoServicioSolicitud", "99999999999", "El campo 'idTipoServicioSolicitud' debe ser menor o igual al máximo permitido"),
            ("asunto", "12345", "El campo 'asunto' debe ser texto"),
            ("asunto", #""  abcd  ""#, "El campo 'asunto' es demasiado corto"),
            ("asunto", "\"" + String(repeating: "x", count: 251) + "\"", "El campo 'asunto' excede la longitud máxima permitida"),
            ("asunto", "null", "El campo 'asunto' no puede ser nulo"),
            ("asunto", #""   ""#, "El campo 'asunto' no puede estar vacío"),
            ("descripcion", "[]", "El campo 'descripcion' debe ser texto"),
            ("observaciones", "\"" + String(repeating: "ñ", count: 40_000) + "\"",
             "El campo 'observaciones' excede la longitud máxima permitida"),
            ("cantidadPasajeros", "-1", "El campo 'cantidadPasajeros' debe ser mayor o igual al mínimo permitido"),
            ("cantidadPasajeros", #""cinco""#, "El campo 'cantidadPasajeros' debe ser un número entero"),
            ("fechaServicioRequerido", #""15/04/2026""#, "El campo 'fechaServicioRequerido' debe ser una fecha válida (YYYY-MM-DD)"),
            ("fechaServicioRequerido", #""2026-02-30""#, "El campo 'fechaServicioRequerido' debe ser una fecha válida (YYYY-MM-DD)"),
            ("fechaServicioRequerido", #""2026-04-15T08:00:00""#,
             "El campo 'fechaServicioRequerido' debe ser una fecha válida (YYYY-MM-DD)"),
            ("horaServicioRequerido", #""8am""#, "El campo 'horaServicioRequerido' debe ser una hora válida (HH:MM:SS)"),
            ("horaServicioRequerido", #""24:00""#, "El campo 'horaServicioRequerido' debe ser una hora válida (HH:MM:SS)"),
            ("lugares", "[]", "El campo 'lugares' debe tener al menos los elementos mínimos requeridos"),
        ]
        for (field, value, message) in cases {
            let response = try refused(h, TransporteHarness.cuerpo([field: value]), 400)
            #expect(response.errorFields == [field], "\(field) = \(value.prefix(30))")
            #expect(response.errorMessages == [message], "\(field) = \(value.prefix(30))")
        }
        let lugares = """
            [{"idLugar": "uno", "esOrigen": "si", "orden": -1, "descripcion": 5},
             {"idLugar": 5, "orden": 1, "horaEstimadaLlegada": "10h", "requiereRetorno": null, "horaEstimadaRetorno": "12:60"}]
            """
        let response = try refused(h, TransporteHarness.cuerpo(["lugares": lugares]), 400)
        #expect(response.errorFields == ["lugares[0].idLugar", "lugares[0].esOrigen", "lugares[0].orden",
                                         "lugares[0].descripcion", "lugares[1].horaEstimadaLlegada",
                                         "lugares[1].requiereRetorno", "lugares[1].horaEstimadaRetorno"])
        #expect(response.errorMessages.last == "El campo 'lugares[1].horaEstimadaRetorno' debe ser una hora válida (HH:MM:SS)")
        // Field errors come first: a body that also breaks business rules is still a 400.
        #expect(try refused(h, TransporteHarness.cuerpo(["asunto": "1", "fechaServicioRequerido": #""2020-01-01""#]), 400)
            .errorFields == ["asunto"])
    }

    @Test("business rules are 422 with their field paths; the message is the first one's")
    func rules() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        // 2026-02-27 is yesterday in El Salvador; in UTC it is already 2026-03-01.
        let pasada = try refused(h, TransporteHarness.cuerpo(["fechaServicioRequerido": #""2026-02-27""#]), 422)
        #expect(pasada.message == "La fecha de servicio no puede ser anterior a la fecha actual")
        #expect(pasada.errorFields == ["fechaServicioRequerido"])
        let hoy = try h.crear(["fechaServicioRequerido": #""2026-02-28""#])
        #expect(hoy.status == 201, "today in El Salvador is not in the past: \(hoy.text)")

        let cases: [(String, [String], [String])] = [
            (#"[{"idLugar": 1, "esOrigen": true, "orden": 0}, {"idLugar": 5, "esOrigen": true, "orden": 1}]"#,
             ["lugares[1].esOrigen"], ["Solo puede existir un lugar de origen"]),
            (#"[{"idLugar": 1, "orden": 0}, {"idLugar": 5, "orden": 1}]"#,
             ["lugares"], ["Debe existir un lugar de origen"]),
            (#"[{"idLugar": 1, "esOrigen": true, "orden": 0, "requiereRetorno": true, "horaEstimadaRetorno": "18:00"}]"#,
             ["lugares[0].requiereRetorno"], ["El lugar de origen no puede requerir retorno"]),
            (#"[{"idLugar": 1, "esOrigen": true, "orden": 0}, {"idLugar": 5, "orden": 1, "requiereRetorno": true}]"#,
             ["lugares[1].horaEstimadaRetorno"], ["La hora estimada de retorno es obligatoria cuando el lugar requiere retorno"]),
            (#"[{"idLugar": 1, "esOrigen": true, "orden": 0}, {"idLugar": 5, "orden": 2}]"#,
             ["lugares"], ["Los valores de 'orden' de los lugares deben ser únicos y consecutivos desde 0"]),
            (#"[{"idLugar": 1, "esOrigen": true, "orden": 1}, {"idLugar": 5, "orden": 1}]"#,
             ["lugares"], ["Los valores de 'orden' de los lugares deben ser únicos y consecutivos desde 0"]),
        ]
        for (lugares, fields, messages) in cases {
            let response = try refused(h, TransporteHarness.cuerpo(["lugares": lugares]), 422)
            #expect(response.errorFields == fields, "\(lugares)")
            #expect(response.errorMessages == messages && response.message == messages.first, "\(lugares)")
        }
        let todos = """
            [{"idLugar": 1, "orden": 3, "requiereRetorno": true}, {"idLugar": 5, "orden": 1}]
            """
        let varios = try refused(h, TransporteHarness.cuerpo(["fechaServicioRequerido": #""2025-12-31""#, "lugares": todos]), 422)
        #expect(varios.errorFields == ["fechaServicioRequerido", "lugares", "lugares[0].horaEstimadaRetorno", "lugares"])
        #expect(varios.message == "La fecha de servicio no puede ser anterior a la fecha actual")
        // Unique and consecutive in any list order: the answer lists them by Orden.
        let desordenados = try h.crear(["lugares": #"[{"idLugar": 5, "orden": 1}, {"idLugar": 1, "esOrigen": true, "orden": 0}]"#])
        #expect(desordenados.status == 201)
        #expect(desordenados.data?["lugares"]?.arrayValue?.compactMap { $0["IdLugar"]?.intValue } == [1, 5])
    }

    @Test("requester = approver, unknown or deleted ids and an approver without the role are 400 naming the field")
    func references() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let misma = try refused(h, TransporteHarness.cuerpo(["idUsuarioAprobador": "1"]), 400)
        #expect(misma.message == "El solicitante y el aprobador no pueden ser la misma persona")
        #expect(misma.errorFields == ["idUsuarioAprobador"])
        // The 422 rules are checked before.
        #expect(try refused(h, TransporteHarness.cuerpo(["idUsuarioAprobador": "1", "fechaServicioRequerido": #""2020-01-01""#]),
                            422).errorFields == ["fechaServicioRequerido"])
        let cases: [(String, String, String, String)] = [
            ("idDepartamentoSolicitante", "9", "idDepartamentoSolicitante", "El departamento con Id 9 no existe o está eliminado"),
            ("idUsuarioSolicitante", "77", "idUsuarioSolicitante", "El solicitante con Id 77 no existe o está eliminado"),
            ("idUsuarioAprobador", "78", "idUsuarioAprobador", "El aprobador con Id 78 no existe o está eliminado"),
            ("idUsuarioAprobador", "2", "idUsuarioAprobador", "El aprobador con Id 2 no tiene el rol APROBADOR ni ADMIN"),
            ("idTipoPrioridadSolicitud", "9", "idTipoPrioridadSolicitud", "El tipo de prioridad con Id 9 no existe o está eliminado"),
            ("idTipoServicioSolicitud", "9", "idTipoServicioSolicitud", "El tipo de servicio con Id 9 no existe o está eliminado"),
            ("lugares", #"[{"idLugar": 1, "esOrigen": true, "orden": 0}, {"idLugar": 99, "orden": 1}]"#,
             "lugares[1].idLugar", "El lugar con Id 99 no existe o está eliminado"),
        ]
        for (field, value, path, message) in cases {
            let response = try refused(h, TransporteHarness.cuerpo([field: value]), 400)
            #expect(response.message == message && response.errorFields == [path] && response.errorMessages == [message])
        }
        let todas = try refused(h, TransporteHarness.cuerpo(["idDepartamentoSolicitante": "9", "idTipoServicioSolicitud": "8"]), 400)
        #expect(todas.errorFields == ["idDepartamentoSolicitante", "idTipoServicioSolicitud"])
        // Soft-deleted rows count as missing; an ADMIN may be the approver.
        _ = try h.connection.execute("UPDATE Lugares SET Eliminado = 1 WHERE Id = 5")
        _ = try h.connection.execute("UPDATE TipoPrioridadSolicitud SET Eliminado = 1 WHERE Id = 1")
        _ = try h.connection.execute("UPDATE Perfil SET Eliminado = 1 WHERE Id = 4")
        #expect(try refused(h, TransporteHarness.cuerpo(), 400).errorFields == ["lugares[1].idLugar"])
        #expect(try refused(h, TransporteHarness.cuerpo(["idTipoPrioridadSolicitud": "1",
                                                         "lugares": #"[{"idLugar": 1, "esOrigen": true, "orden": 0}]"#]), 400)
            .errorFields == ["idTipoPrioridadSolicitud"])
        #expect(try refused(h, TransporteHarness.cuerpo(["idUsuarioAprobador": "4",
                                                         "lugares": #"[{"idLugar": 1, "esOrigen": true, "orden": 0}]"#]), 400)
            .message == "El aprobador con Id 4 no existe o está eliminado")
        let admin = try h.crear(["idUsuarioAprobador": "5", "lugares": #"[{"idLugar": 1, "esOrigen": true, "orden": 0}]"#])
        #expect(admin.status == 201 && admin.data?["NombreAprobador"]?.stringValue == "Administrador Sistema")
    }

    @Test("only an ADMIN creates for someone else (403); anyone creates for themselves; no token is 401")
    func permission() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let ajena = try refused(h, TransporteHarness.cuerpo(), 403, token: try h.token("solicitante2"))
        #expect(ajena.message == "No tiene permisos para realizar esta acción")
        #expect(ajena.errorFields == ["idUsuarioSolicitante"])
        // The references are checked before the permission.
        #expect(try refused(h, TransporteHarness.cuerpo(["idDepartamentoSolicitante": "9"]), 400,
                            token: try h.token("solicitante2")).errorFields == ["idDepartamentoSolicitante"])
        #expect(try h.crear(como: "admin").status == 201)
        #expect(try h.crear(["idUsuarioSolicitante": "3", "idUsuarioAprobador": "4"], como: "aprobador1").status == 201)
        let anonimo = h.call(.post, "/solicitud", json: TransporteHarness.cuerpo())
        #expect(anonimo.status == 401 && anonimo.headers["WWW-Authenticate"] == "Bearer")
        #expect(try h.count("SELECT COUNT(*) FROM Solicitud") == 2)
    }

    @Test("mail never fails a creation: a recipient without e-mail or with an unusable address is skipped")
    func mailSkipped() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        _ = try h.connection.execute("UPDATE Perfil SET Email = NULL WHERE Id = 1")
        _ = try h.connection.execute("UPDATE Usuario SET Email = NULL WHERE Id = (SELECT IdUsuario FROM Perfil WHERE Id = 1)")
        let sinCorreo = try h.crear()
        #expect(sinCorreo.status == 201 && sinCorreo.data?["EmailSolicitante"] == .null)
        #expect(try h.correos().map(\.to) == ["aprobador1@transporte.local"])
        _ = try h.connection.execute("UPDATE Perfil SET Email = 'maria gonzalez@transporte.local' WHERE Id = 3")
        #expect(try h.crear().status == 201)
        #expect(try h.correos().count == 1)
        #expect(try h.count("SELECT COUNT(*) FROM Solicitud") == 2)
    }
}
