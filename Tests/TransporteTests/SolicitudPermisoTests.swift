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

    @Test("approve and reject: the requester and other approvers 403; the approver and an ADMIN 200")
    func aprobarRechazar() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        for accion in ["aprobar", "rechazar"] {
            let body = #"{"motivo": "Revisado"}"#
            let porAprobador = try h.crearId()
            for intruso in ["solicitante1", "solicitante2", "aprobador2"] {
                try expect(h, .post, "/solicitud/\(porAprobador)/\(accion)", body, como: intruso, 403)
            }
            try expect(h, .post, "/solicitud/\(porAprobador)/\(accion)", body, como: "aprobador1", 200)
            let porAdmin = try h.crearId()
            try expect(h, .post, "/solicitud/\(porAdmin)/\(accion)", body, como: "admin", 200)
        }
    }

    @Test("update, cancel and delete: the approver and another requester 403; the requester and an ADMIN 200")
    func titular() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let acciones: [(HTTPMethod, String, String?)] = [
            (.put, "", #"{"asunto": "Asunto revisado"}"#), (.post, "/cancelar", #"{"motivo": "No se necesita"}"#),
            (.delete, "", nil),
        ]
        for (method, suffix, body) in acciones {
            for actor in ["solicitante1", "admin"] {
                let id = try h.crearId()
                for intruso in ["aprobador1", "solicitante2", "aprobador2"] {
                    try expect(h, method, "/solicitud/\(id)\(suffix)", body, como: intruso, 403)
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
