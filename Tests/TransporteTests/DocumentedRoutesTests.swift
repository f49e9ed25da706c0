import HTTPCore
import Testing
@testable import Transporte

/// The routes `transporte.md` §2 documents (118: §2.1 solicitudes, §2.2 missions, §2.3 vehicles, drivers,
/// requesters, §10's twelve catalogs × 6, auth and the landing/health pair) plus the three of ruling T11 are
/// exactly the routes the router serves, apart from the two document routes (`/docs`, `/openapi.json`).
/// Placeholder names are compared as `{}` (the contract calls `{id}` `{id_solicitud}` in places).
@Suite("Transporte: every documented route is served")
struct DocumentedRoutesTests {
    static let catalogs = ["estado-solicitud", "estado-mision", "estado-vehiculo", "clase-vehiculo", "tipo-combustible",
                           "tipo-disponibilidad", "tipo-licencia", "tipo-prioridad-solicitud", "tipo-servicio-solicitud",
                           "lugar", "rol", "departamento"]

    /// §2.1 (9), §2.2 (9), §2.3 (8 + 8 + 8), auth (2) and health/landing (2): 46, with the catalogs' 72, 118.
    static let documented: [String] = [
        "POST /solicitud", "GET /solicitud", "GET /solicitud/{}", "PUT /solicitud/{}", "DELETE /solicitud/{}",
        "POST /solicitud/{}/aprobar", "POST /solicitud/{}/rechazar", "POST /solicitud/{}/cancelar", "GET /solicitud/{}/historico",
        "POST /mision", "POST /mision/{}/asignar", "POST /mision/{}/iniciar", "POST /mision/{}/finalizar",
        "POST /mision/{}/cancelar", "GET /mision", "GET /mision/{}", "PUT /mision/{}", "DELETE /mision/{}",
        "POST /vehiculo", "POST /vehiculo/crear-por-placa", "GET /vehiculo/consulta-placa/{}", "GET /vehiculo",
        "GET /vehiculo/todos/lista", "GET /vehiculo/{}", "PUT /vehiculo/{}", "DELETE /vehiculo/{}",
        "POST /motorista", "POST /motorista/crear-por-dui", "GET /motorista", "GET /motorista/todos/lista",
        "GET /motorista/{}", "PUT /motorista/{}", "PATCH /motorista/{}/disponibilidad", "DELETE /motorista/{}",
        "POST /solicitante/interno", "POST /solicitante/externo", "POST /solicitante/externo/crear-por-dui",
        "GET /solicitante/todos/lista", "GET /solicitante", "GET /solicitante/{}", "PUT /solicitante/{}", "DELETE /solicitante/{}",
        "POST /auth/login", "POST /auth/refresh", "GET /", "GET /root",
    ] + catalogs.flatMap { prefix in
        ["POST /\(prefix)", "GET /\(prefix)/todos/lista", "GET /\(prefix)/{}", "GET /\(prefix)", "PUT /\(prefix)/{}", "DELETE /\(prefix)/{}"]
    }

    /// Ruling T11's three mission routes beyond the documented nine.
    static let t11 = ["GET /mision/solicitud/{}", "PATCH /mision/{}/estado", "GET /mision/{}/historico"]

    /// `METHOD /path` with every `{placeholder}` written `{}`.
    static func key(_ operation: OpenAPIOperation) -> String {
        let path = operation.path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("{") ? "{}" : String($0) }.joined(separator: "/")
        return "\(operation.method.rawValue) \(path)"
    }

    @Test("the 118 documented routes and T11's three are exactly the served ones, besides /docs and /openapi.json")
    func documentedRoutesAreServed() {
        #expect(Self.documented.count == 118)
        #expect(Set(Self.documented).count == 118)
        let served = Set(OpenAPITests.operations().map(Self.key)).subtracting(["GET /docs", "GET /openapi.json"])
        let expected = Set(Self.documented + Self.t11)
        #expect(expected.subtracting(served).sorted() == [], "documented but not served")
        #expect(served.subtracting(expected).sorted() == [], "served but not documented")
    }
}
