import AppCore
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// T5: only the solicitud's approver (or an ADMIN) approves or rejects; only its requester (or an ADMIN)
/// updates, cancels or deletes. The checks compare the token's Perfil id with the solicitud's (T8).
@Suite("Solicitud permissions (T5)", .serialized)
struct SolicitudPermisoTests {
    /// Sends `method path` as `username` and checks the status; a refusal must leave the tables as they were.
    @discardableResult
    func expect(_ h: TransporteHarness, _ method: HTTPMethod, _ path: String, _ json: String?, como username: String,
                _ status: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> TestResponse {
        let before = try h.huella()
        let response = h.call(method, path, json: json, token: try h.token(username))
        #expect(response.status == status, "\(method) \(path) as \(username): \(response.text)", sourceLocation: sourceLocation)
        if status == 403 {
            #expect(response.message == "No tiene permisos para realizar esta acción", sourceLocation: sourceLocation)
            #expect(try h.huella() == before, sourceLocation: sourceLocation)
        }
        return response
    }

    @Test("approve and reject: the requester 403, those who cannot see it 404 (T13); the approver and an ADMIN 200")
    func aprobarRechazar() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        for accion in ["aprobar", "rechazar"] {
            let body = #"{"motivo": "Revisado"}"#
            let porAprobador = try h.crearId()
            try expect(h, .post, "/solicitud/\(porAprobador)/\(accion)", body, como: "solicitante1", 403)
            for ajeno in ["solicitante2", "aprobador2"] {
                try expect(h, .post, "/solicitud/\(porAprobador)/\(accion)", body, como: ajeno, 404)
            }
            try expect(h, .post, "/solicitud/\(porAprobador)/\(accion)", body, como: "aprobador1", 200)
            let porAdmin = try h.crearId()
            try expect(h, .post, "/solicitud/\(porAdmin)/\(accion)", body, como: "admin", 200)
        }
    }

    @Test("update, cancel and delete: the approver 403, those who cannot see it 404 (T13); the requester and an ADMIN 200")
    func titular() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let acciones: [(HTTPMethod, String, String?)] = [
            (.put, "", #"{"asunto": "Asunto revisado"}"#), (.post, "/cancelar", #"{"motivo": "No se necesita"}"#),
            (.delete, "", nil),
        ]
        for (method, suffix, body) in acciones {
            for actor in ["solicitante1", "admin"] {
                let id = try h.crearId()
                try expect(h, method, "/solicitud/\(id)\(suffix)", body, como: "aprobador1", 403)
                for ajeno in ["solicitante2", "aprobador2"] {
                    let before = try h.huella()
                    try expect(h, method, "/solicitud/\(id)\(suffix)", body, como: ajeno, 404)
                    #expect(try h.huella() == before)
                }
                try expect(h, method, "/solicitud/\(id)\(suffix)", body, como: actor, 200)
            }
        }
    }

    @Test("order: 404 before 403, 403 before 409; its parties read it, others get 404 (T13)")
    func orden() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        try expect(h, .post, "/solicitud/424242/aprobar", "{}", como: "solicitante2", 404)
        try expect(h, .delete, "/solicitud/424242", nil, como: "aprobador2", 404)
        let aprobada = try h.solicitudEn("APROBADA")
        try expect(h, .post, "/solicitud/\(aprobada)/aprobar", "{}", como: "solicitante1", 403)
        try expect(h, .post, "/solicitud/\(aprobada)/aprobar", "{}", como: "aprobador1", 409)
        try expect(h, .put, "/solicitud/\(aprobada)", #"{"asunto": "Otro asunto"}"#, como: "aprobador1", 403)
        try expect(h, .put, "/solicitud/\(aprobada)", #"{"asunto": "Otro asunto"}"#, como: "solicitante1", 409)
        for (username, status) in [("solicitante1", 200), ("aprobador1", 200), ("solicitante2", 404), ("aprobador2", 404)] {
            try expect(h, .get, "/solicitud/\(aprobada)", nil, como: username, status)
            try expect(h, .get, "/solicitud/\(aprobada)/historico", nil, como: username, status)
            try expect(h, .get, "/solicitud", nil, como: username, 200)
        }
    }

    @Test("PUT order (T2, T13): 404 (unknown, or outside the caller's scope), then 403, then 409, then the 422 rules")
    func ordenActualizacion() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        // A body that breaks the 422 rules (past date, no origin): every earlier check must still win.
        let regla = #"{"fechaServicioRequerido": "2026-02-01", "lugares": [{"idLugar": 2, "orden": 0}]}"#
        let pendiente = try h.crearId()
        let aprobada = try h.solicitudEn("APROBADA")
        let noExiste = try expect(h, .put, "/solicitud/424242", regla, como: "solicitante1", 404)
        #expect(noExiste.message == "Solicitud con Id 424242 no encontrada")
        for ajeno in ["solicitante2", "aprobador2"] {
            let fuera = try expect(h, .put, "/solicitud/\(pendiente)", regla, como: ajeno, 404)
            #expect(fuera.message == "Solicitud con Id \(pendiente) no encontrada")
        }
        try expect(h, .put, "/solicitud/\(pendiente)", regla, como: "aprobador1", 403)
        try expect(h, .put, "/solicitud/\(aprobada)", regla, como: "solicitante1", 409)
        let antes = try h.huella()
        let reglas = try expect(h, .put, "/solicitud/\(pendiente)", regla, como: "solicitante1", 422)
        #expect(reglas.errorFields == ["fechaServicioRequerido", "lugares"])
        #expect(try h.huella() == antes)
    }

    @Test("without a valid token every endpoint is 401")
    func anonimo() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let id = try h.crearId()
        let before = try h.huella()
        let rutas: [(HTTPMethod, String)] = [
            (.post, "/solicitud"), (.get, "/solicitud"), (.get, "/solicitud/\(id)"), (.put, "/solicitud/\(id)"),
            (.delete, "/solicitud/\(id)"), (.post, "/solicitud/\(id)/aprobar"), (.post, "/solicitud/\(id)/rechazar"),
            (.post, "/solicitud/\(id)/cancelar"), (.get, "/solicitud/\(id)/historico"),
        ]
        for (method, path) in rutas {
            let json: String? = method == .get || method == .delete ? nil : #"{"motivo": "x"}"#
            for token in [nil, "no-es-un-token"] {
                let response = h.call(method, path, json: json, token: token)
                #expect(response.status == 401 && response.success == false, "\(method) \(path)")
            }
        }
        #expect(try h.huella() == before)
    }
}
