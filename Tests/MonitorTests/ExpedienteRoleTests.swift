import Foundation
import HTTPCore
import TestSupport
import Testing
@testable import Monitor

/// Every expediente and estado route × every caller: no token, a bad token, and each role (monitor.md §2.3, §4.4, §4.5).
@Suite("Expedientes: route × role")
struct ExpedienteRoleTests {
    enum Access: Sendable { case token, adminOrOperator, admin }

    /// A route, what it needs, and how to make a successful call (`{no}` is replaced by a fresh expediente).
    struct Route: Sendable, CustomStringConvertible {
        let method: HTTPMethod
        let path: String
        let json: String?
        let access: Access
        let success: Int
        var description: String { "\(method) \(path)" }
    }

    static let routes: [Route] = [
        Route(method: .get, path: "/api/expedientes", json: nil, access: .token, success: 200),
        Route(method: .get, path: "/api/expedientes/pendientes", json: nil, access: .token, success: 200),
        Route(method: .get, path: "/api/expedientes/nube", json: nil, access: .token, success: 200),
        Route(method: .get, path: "/api/expedientes/aseguradoras", json: nil, access: .token, success: 200),
        Route(method: .get, path: "/api/expedientes/{no}", json: nil, access: .token, success: 200),
        Route(method: .post, path: "/api/expedientes", json: #"{"no_siniestro": "{no}-NEW"}"#, access: .adminOrOperator, success: 201),
        Route(method: .put, path: "/api/expedientes/{no}", json: #"{"marca": "M"}"#, access: .adminOrOperator, success: 200),
        Route(method: .delete, path: "/api/expedientes/{no}", json: nil, access: .admin, success: 200),
        Route(method: .patch, path: "/api/expedientes/{no}/estado", json: #"{"estado": "Restauracion"}"#, access: .adminOrOperator,
              success: 200),
        Route(method: .get, path: "/api/expedientes/{no}/estado/historial", json: nil, access: .token, success: 200),
        Route(method: .get, path: "/api/formatos/{no}", json: nil, access: .token, success: 200),
    ]

    @Test("no token → 401 Token requerido; bad token → 401 Token inválido o expirado; roles → 403 or success",
          arguments: routes)
    func matrix(route: Route) throws {
        let h = try MonitorHarness()
        let (_, admin) = try h.user(.administrador)
        var serial = 0
        func fresh() -> String {
            serial += 1
            let no = "SIN-\(serial)"
            #expect(h.createExpediente(no, token: admin).status == 201)
            return no
        }
        func send(_ token: String?, headers: [(String, String)] = []) -> (TestResponse, [Int]) {
            let no = fresh()
            let before = (try? h.footprint()) ?? []
            let path = route.path.replacingOccurrences(of: "{no}", with: no)
            let json = route.json?.replacingOccurrences(of: "{no}", with: no)
            return (h.call(route.method, path, json: json, token: token, headers: headers), before)
        }

        let (anonymous, anonymousBefore) = send(nil)
        #expect(anonymous.status == 401)
        #expect(anonymous.error == "Token requerido")
        #expect(try h.footprint() == anonymousBefore)
        let (basic, _) = send(nil, headers: [("Authorization", "Basic YWRtaW46dmVudGFuaWxsYQ==")])
        #expect(basic.status == 401)
        #expect(basic.error == "Token requerido")
        let (forged, forgedBefore) = send(admin + "x")
        #expect(forged.status == 401)
        #expect(forged.error == "Token inválido o expirado")
        #expect(try h.footprint() == forgedBefore)

        for rol in Rol.allCases {
            let (_, token) = try h.user(rol)
            let allowed: Bool
            let refusal: String
            switch route.access {
            case .token: allowed = true; refusal = ""
            case .adminOrOperator: allowed = rol != .tecnico; refusal = "Acceso restringido a administradores y operadores"
            case .admin: allowed = rol == .administrador; refusal = "Acceso restringido a administradores"
            }
            let (response, before) = send(token)
            if allowed {
                #expect(response.status == route.success, "\(rol): \(response.text)")
            } else {
                #expect(response.status == 403, "\(rol)")
                #expect(response.error == refusal, "\(rol)")
                #expect(try h.footprint() == before, "\(rol) wrote something")
            }
        }
    }

    @Test("static sub-paths win over :no_siniestro, and unknown sub-paths are the JSON 404")
    func routing() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.tecnico)
        let response = h.call(.get, "/api/expedientes/nube", token: token)
        #expect(response.status == 200)
        #expect(response.text == "[]")
        let unknown = h.call(.get, "/api/expedientes/SIN-1/otra-cosa", token: token)
        #expect(unknown.status == 404)
        #expect(unknown.error == "Ruta no encontrada")
        let method = h.call(.post, "/api/expedientes/SIN-1", json: "{}", token: token)
        #expect(method.status == 405)
        #expect(method.json?["error"] != nil)
    }
}
