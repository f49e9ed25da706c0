import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// T12 (who may act) and T13 (who may see) over the twelve mission routes: planning by ADMIN or APROBADOR,
/// driving by the assigned MOTORISTA or ADMIN, reads by any token within the scope; outside it, 404 as if the
/// mission did not exist. Every refusal writes nothing.
@Suite("Misiones: route × role (T12) and visibility (T13)", .serialized)
struct MisionPermisoTests {
    /// solicitante1's APROBADA solicitud (approver aprobador1) with one PROGRAMADA mission assigned to driver 1.
    func preparar() throws -> (h: TransporteHarness, solicitud: Int, mision: Int, tokens: [String: String]) {
        let h = try TransporteHarness()
        try h.prepararFlota()
        let vehiculo = try h.vehiculo("P200001")
        let (perfil, uno) = try h.motorista(1)
        let (_, dos) = try h.motorista(2)
        let solicitud = try h.solicitudEn("APROBADA")
        let mision = try h.misionId(solicitud)
        try #require(try h.asignar(mision, vehiculo: vehiculo, motorista: perfil).status == 200)
        var tokens = ["motorista1": uno, "motorista2": dos]
        for usuario in TransporteHarness.perfiles.keys { tokens[usuario] = try h.token(usuario) }
        return (h, solicitud, mision, tokens)
    }

    func expect(_ h: TransporteHarness, _ method: HTTPMethod, _ path: String, _ json: String?, _ token: String?, _ status: Int,
                _ quien: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let antes = try h.huellaMisiones()
        let response = h.call(method, path, json: json, token: token)
        #expect(response.status == status, "\(quien) \(method) \(path): \(response.text)", sourceLocation: sourceLocation)
        if status >= 400 { #expect(try h.huellaMisiones() == antes, "\(quien) \(method) \(path) wrote", sourceLocation: sourceLocation) }
    }

    @Test("reads: the solicitud's parties, its driver and ADMIN see the mission and the solicitud; everyone else 404")
    func visibilidad() throws {
        let (h, solicitud, mision, tokens) = try preparar()
        let ven: Set<String> = ["admin", "solicitante1", "aprobador1", "motorista1"]
        for (usuario, token) in tokens {
            let status = ven.contains(usuario) ? 200 : 404
            for path in ["/mision/\(mision)", "/mision/\(mision)/historico", "/mision/solicitud/\(solicitud)",
                         "/solicitud/\(solicitud)", "/solicitud/\(solicitud)/historico"] {
                try expect(h, .get, path, nil, token, status, usuario)
            }
            let lista = h.call(.get, "/mision", token: token)
            #expect(lista.status == 200 && lista.data?["total"]?.intValue == (ven.contains(usuario) ? 1 : 0), "\(usuario) \(lista.text)")
            let solicitudes = h.call(.get, "/solicitud", token: token)
            #expect(solicitudes.data?["total"]?.intValue == (ven.contains(usuario) ? 1 : 0), "\(usuario) GET /solicitud")
        }
    }

    @Test("planning (create, assign, update, cancel, delete): ADMIN or the APROBADOR who sees it; others 403, unseen 404")
    func gestion() throws {
        let (h, solicitud, mision, tokens) = try preparar()
        let rutas: [(HTTPMethod, String, String?)] = [
            (.post, "/mision", #"{"idSolicitud": \#(solicitud), "fechaProgramada": "2026-04-20", "horaSalidaProgramada": "09:00"}"#),
            (.post, "/mision/\(mision)/asignar", #"{"idVehiculoAsignado": 1, "idMotoristaAsignado": 6}"#),
            (.put, "/mision/\(mision)", #"{"descripcion": "Revisada"}"#),
            (.post, "/mision/\(mision)/cancelar", #"{"motivo": "No se necesita"}"#),
        ]
        for (method, path, json) in rutas {
            for usuario in ["solicitante1", "solicitante2", "motorista1", "motorista2"] {
                try expect(h, method, path, json, tokens[usuario], 403, usuario)
            }
            try expect(h, method, path, json, tokens["aprobador2"], 404, "aprobador2")
            try expect(h, method, path, json, tokens["aprobador1"], method == .post && path == "/mision" ? 201 : 200, "aprobador1")
        }
        let otra = try h.misionId(solicitud, fecha: "2026-04-21")
        for usuario in ["solicitante1", "motorista1"] { try expect(h, .delete, "/mision/\(otra)", nil, tokens[usuario], 403, usuario) }
        try expect(h, .delete, "/mision/\(otra)", nil, tokens["aprobador2"], 404, "aprobador2")
        try expect(h, .delete, "/mision/\(otra)", nil, tokens["admin"], 200, "admin")
    }

    @Test("driving (start, intermediate states, finish): the assigned MOTORISTA or ADMIN; the approver 403, another driver 404")
    func conduccion() throws {
        let (h, _, mision, tokens) = try preparar()
        let rutas: [(HTTPMethod, String, String)] = [
            (.post, "/mision/\(mision)/iniciar", #"{"kilometrajeInicio": 1000, "combustibleInicialGalones": 8}"#),
            (.patch, "/mision/\(mision)/estado", #"{"codigoEstado": "EN_ESPERA", "observaciones": "Esperando al personal"}"#),
            (.post, "/mision/\(mision)/finalizar", #"{"kilometrajeFin": 1100, "combustibleFinalGalones": 3}"#),
        ]
        for (indice, (method, path, json)) in rutas.enumerated() {
            for usuario in ["solicitante1", "aprobador1", "solicitante2", "aprobador2"] {
                try expect(h, method, path, json, tokens[usuario], 403, usuario)
            }
            try expect(h, method, path, json, tokens["motorista2"], 404, "motorista2")
            let actor = indice == 1 ? "admin" : "motorista1"
            try expect(h, method, path, json, tokens[actor], 200, actor)
        }
        let historico = h.call(.get, "/mision/\(mision)/historico", token: tokens["motorista1"])
        #expect(historico.data?["historico"]?.arrayValue?.compactMap { $0["MotivoEstadoMision"]?.stringValue }
                == ["Misión creada", "Misión iniciada", "Esperando al personal", "Misión finalizada"])
    }

    @Test("without a valid token every mission route is 401")
    func anonimo() throws {
        let (h, solicitud, mision, _) = try preparar()
        let rutas: [(HTTPMethod, String)] = [
            (.post, "/mision"), (.get, "/mision"), (.get, "/mision/solicitud/\(solicitud)"), (.get, "/mision/\(mision)"),
            (.get, "/mision/\(mision)/historico"), (.put, "/mision/\(mision)"), (.delete, "/mision/\(mision)"),
            (.post, "/mision/\(mision)/asignar"), (.post, "/mision/\(mision)/cancelar"), (.post, "/mision/\(mision)/iniciar"),
            (.patch, "/mision/\(mision)/estado"), (.post, "/mision/\(mision)/finalizar"),
        ]
        #expect(rutas.count == OpenAPITests.operations().filter { $0.path.hasPrefix("/mision") }.count)
        for (method, path) in rutas {
            for token in [nil, "no-es-un-token"] {
                try expect(h, method, path, method == .get || method == .delete ? nil : "{}", token, 401, "anónimo")
            }
        }
    }
}
