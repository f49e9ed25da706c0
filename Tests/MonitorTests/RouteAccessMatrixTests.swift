import AppCore
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// The route × caller matrix of monitor.md §2.3 (rulings 9, M5, M17) over every operation the router registers, in
/// the documented form it keeps (`Router.operations`, from each route's one declaration): the access the document
/// states (public, T, AO or A: its `security` and its **Auth:** note) is what the route does. Nothing here lists
/// routes by hand, so an operation added later is in the matrix from its first build.
@Suite("Monitor route × role matrix (§2.3, M17)")
struct RouteAccessMatrixTests {
    /// The access an operation documents.
    enum Access: String, CaseIterable {
        /// No token needed (`security: []`).
        case open
        /// T: any valid token.
        case token
        /// AO: Administrador or Operador.
        case adminOrOperator
        /// A: Administrador.
        case admin

        /// The access `operation` documents: its `security` and the **Auth:** note of its description, which both
        /// come from the `MonitorAccess` it was declared with; nil when they fit none of the four.
        init?(_ operation: OpenAPIOperation) {
            let declared: [(Access, OperationAccess<MonitorContext>)] = [
                (.open, MonitorAccess.open), (.token, MonitorAccess.token),
                (.adminOrOperator, MonitorAccess.adminOrOperator), (.admin, MonitorAccess.admin),
            ]
            let matching = declared.filter { _, access in
                access.security == operation.security
                    && operation.description?.hasSuffix(access.note ?? "\u{0}") == true
                    && access.responses.allSatisfy { implied in operation.responses.contains { $0.status == implied.status } }
            }
            guard matching.count == 1 else { return nil }
            self = matching[0].0
        }

        /// Whether `rol` may call it, and the 403 text it gets when not.
        func allows(_ rol: Rol) -> (Bool, refusal: String) {
            switch self {
            case .open, .token: (true, "")
            case .adminOrOperator: (rol != .tecnico, "Acceso restringido a administradores y operadores")
            case .admin: (rol == .administrador, "Acceso restringido a administradores")
            }
        }
    }

    /// Every operation the router registers, in the order registered.
    static func operations() -> [OpenAPIOperation] {
        var router = Router<MonitorContext>()
        MonitorRoutes.register(in: &router)
        return router.operations
    }

    /// `operation`'s path with every placeholder replaced by an id no row has, and its required query parameters
    /// given: a caller who passes the access check gets the route's own answer (a 404, a 400), never a 401/403.
    static func request(_ operation: OpenAPIOperation) -> String {
        let path = operation.path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("{") ? "999999" : String($0) }.joined(separator: "/")
        let query = operation.parameters.filter { $0.location == "query" && $0.required }.map { "\($0.name)=1" }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    @Test("every registered route is a declared operation, and each declares one of the four accesses of §2.3")
    func everyOperationIsClassified() throws {
        var router = Router<MonitorContext>()
        MonitorRoutes.register(in: &router)
        #expect(router.declaredRoutes.count == router.operations.count,
                "a route registered without its OperationSpec escapes the document and this matrix")
        let unclassified = router.operations.filter { Access($0) == nil }.map { "\($0.method) \($0.path)" }
        #expect(unclassified.isEmpty, "operations whose access is none of public, T, AO, A: \(unclassified)")
        // §4's routes reach every access level; a matrix that checked none of one would prove nothing about it.
        let levels = Set(router.operations.compactMap { Access($0) })
        #expect(levels == Set(Access.allCases))
    }

    @Test("each operation × no token, a Basic header, a forged, an expired and a deleted user's token, and each role: the documented status")
    func matrix() throws {
        let h = try MonitorHarness()
        var tokens: [(Rol, String)] = []
        for rol in Rol.allCases { tokens.append((rol, try h.user(rol).token)) }
        let admin = try #require(tokens.first { $0.0 == .administrador }?.1)
        // Signed with the module's secret 8 h and 5 s ago: expired now.
        let past = Int64(h.clock.nowSeconds() - MonitorTokens.lifetimeSeconds - 5) * 1_000
        let oldTokens = MonitorTokens(secret: MonitorHarness.secret, clock: AuthTests.StoppedClock(milliseconds: past))
        let (expiredID, _) = try h.user(.administrador)
        let expired = try h.token(id: expiredID, tokens: oldTokens)
        // A valid signature whose user no longer exists (ruling 9, M17).
        let (goneID, gone) = try h.user(.administrador)
        try h.connection.execute("DELETE FROM usuario WHERE id = \(goneID)")
        let invalid: [(String, [(String, String)])] = [
            ("forged", [("Authorization", "Bearer " + admin + "x")]),
            ("expired", [("Authorization", "Bearer " + expired)]),
            ("deleted user", [("Authorization", "Bearer " + gone)]),
        ]

        var checked = 0
        for operation in Self.operations() {
            let name = "\(operation.method) \(operation.path)"
            let access = try #require(Access(operation), "\(name): unclassified access")
            let documented = Set(operation.responses.map(\.status))
            let path = Self.request(operation)
            let body = operation.requestBody == nil ? nil : "{}"
            func send(_ headers: [(String, String)]) -> TestResponse {
                h.call(operation.method, path, json: body, headers: headers)
            }

            for (caller, headers) in [("no token", []), ("Basic", [("Authorization", "Basic YWRtaW46dmVudGFuaWxsYQ==")])] + invalid {
                let response = send(headers)
                if access == .open {
                    #expect(![401, 403].contains(response.status) && documented.contains(response.status),
                            "\(name), \(caller): \(response.status) \(response.text)")
                    continue
                }
                #expect(response.status == 401, "\(name), \(caller): \(response.status) \(response.text)")
                let text = ["no token", "Basic"].contains(caller) ? "Token requerido" : "Token inválido o expirado"
                #expect(response.error == text, "\(name), \(caller): \(response.text)")
            }
            for (rol, token) in tokens {
                let response = h.call(operation.method, path, json: body, token: token)
                let (allowed, refusal) = access.allows(rol)
                if allowed {
                    #expect(![401, 403].contains(response.status) && documented.contains(response.status),
                            "\(name), \(rol): \(response.status) is not one of the documented \(documented.sorted()): \(response.text)")
                } else {
                    #expect(response.status == 403, "\(name), \(rol): \(response.status) \(response.text)")
                    #expect(response.error == refusal, "\(name), \(rol): \(response.text)")
                }
            }
            checked += 1
        }
        #expect(checked == Self.operations().count)
        #expect(checked >= 50, "Monitor declares \(checked) operations")
    }

    @Test("an unknown route is the JSON 404 with or without a token (M10)")
    func unknownRoute() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.tecnico)
        for bearer in [nil, token, "forged"] {
            let response = h.call(.get, "/api/no-existe", token: bearer)
            #expect(response.status == 404)
            #expect(response.error == "Ruta no encontrada")
        }
    }
}
