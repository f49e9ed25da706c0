import App
import AppCore
import HTTPCore
import TestSupport
import Testing
@testable import Egresos

/// Every route the Egresos router declares × every kind of caller, against the access transcribed from
/// egresos.md §2/§2.1 (`RouteAccessTable`), with the refusal codes of §10: no token → 401 `4014`; a staff
/// role not listed → 403 `4031`; a supplier session on a staff route or a staff token on a supplier route →
/// 403 `4033` (the wrong algorithm). Path ids are ones that do not exist and bodies are `{}`, so admitted calls
/// stop at the path check (404 `4042` on the outermost id, §1.1 step 5) or the body check; refused calls must
/// leave the database and the files as they were.
@Suite("Egresos route × role matrix (egresos.md §2, §2.1, §10)")
struct RouteRoleMatrixTests {
    /// The seeded staff users (e-mail local part) and their roles.
    static let staff: [(user: String, role: String)] = [
        ("admin", "admin"), ("rh", "rh"), ("manager", "manager"), ("grouper", "grouper"),
        ("cuentas", "account_manager"), ("empleado", "employee"),
    ]

    /// A caller of the matrix and the access it is due on a route.
    struct Caller: CustomStringConvertible {
        let description: String
        let harnessCaller: EgresosHarness.Caller
        /// The staff role, for staff callers.
        let role: String?
        let isSupplier: Bool

        /// nil when admitted; otherwise the refusal (status, code).
        func refusal(on access: RouteAccess) -> (status: Int, code: String)? {
            switch access {
            case .open:
                return nil
            case .staff(let roles):
                if let role { return roles.isEmpty || role == "admin" || roles.contains(role) ? nil : (403, "4031") }
                return isSupplier ? (403, "4033") : (401, "4014")
            case .supplier:
                if isSupplier { return nil }
                return role == nil ? (401, "4014") : (403, "4033")
            }
        }
    }

    static let callers: [Caller] = [Caller(description: "no token", harnessCaller: .anonymous, role: nil, isSupplier: false)]
        + staff.map { Caller(description: "\($0.user)@ (\($0.role))", harnessCaller: .staff($0.user), role: $0.role, isSupplier: false) }
        + [Caller(description: "the supplier's session", harnessCaller: .seededSupplier, role: nil, isSupplier: true)]

    @Test("the table is the documented 73 method+path pairs plus health, the two documents and the landing page, and every declared route is in it")
    func everyRouteHasAnExpectation() throws {
        #expect(RouteAccessTable.routes.count == 77)
        #expect(RouteAccessTable.byKey.count == 77, "a route is listed twice")
        let settings = try TestEnvironment.settings(.egresos, database: "unused", extra: AuthKeys.values())
        let declared = try EgresosModule(settings: settings).makeResponder().declaredRoutes
        #expect(!declared.isEmpty)
        for route in declared {
            #expect(RouteAccessTable.byKey[RouteAccessTable.key(route.method.rawValue, route.path)] != nil,
                    "\(route.method.rawValue) \(route.path) has no expected access in RouteAccessTable (egresos.md §2)")
        }
    }

    @Test("every documented route (egresos.md §2 and §2.1: 73) is declared, and nothing else")
    func everyDocumentedRouteIsDeclared() throws {
        let settings = try TestEnvironment.settings(.egresos, database: "unused", extra: AuthKeys.values())
        let declared = Set(try EgresosModule(settings: settings).makeResponder().declaredRoutes
            .map { RouteAccessTable.key($0.method.rawValue, $0.path) })
        for key in RouteAccessTable.byKey.keys {
            #expect(declared.contains(key), "\(key) is documented (egresos.md §2) but the router does not declare it")
        }
        let system: Set = ["GET /api/v1/health", "GET /openapi.json", "GET /docs", "GET /"]
        #expect(Set(RouteAccessTable.byKey.keys).subtracting(system).count == 73, "egresos.md §2.1: 73 method+path pairs")
        #expect(declared.count == RouteAccessTable.byKey.count)
    }

    @Test("each declared route × no token, the six staff roles and a supplier session: the documented access")
    func matrix() throws {
        let harness = try EgresosHarness()
        // Link the six users to their subs first: the first use of a token writes the link (§10.1 step 5).
        for (user, _) in Self.staff { #expect(harness.call(.get, "/api/v1/catalogs/concepts", as: .staff(user)).status == 200) }
        let declared = harness.responder.declaredRoutes
        for route in declared {
            let key = RouteAccessTable.key(route.method.rawValue, route.path)
            guard let access = RouteAccessTable.byKey[key] else { continue }  // everyRouteHasAnExpectation fails
            let path = RouteAccessTable.concrete(route.path)
            let body: String? = route.method == .post || route.method == .put ? "{}" : nil
            let send = { (caller: Caller) in harness.call(route.method, path, json: body, as: caller.harnessCaller) }

            let before = try harness.fingerprint()
            for caller in Self.callers {
                guard let refusal = caller.refusal(on: access) else { continue }
                let response = send(caller)
                #expect(response.status == refusal.status && response.errorCode == refusal.code,
                        "\(key) as \(caller): expected \(refusal.status) \(refusal.code), got \(response.status) \(response.text)")
            }
            #expect(try harness.fingerprint() == before, "\(key): a refused call changed the database or the files")

            var anonymous: Int?
            for caller in Self.callers where caller.refusal(on: access) == nil {
                let response = send(caller)
                // Every answer is JSON but the HTML pages'.
                #expect(![401, 403].contains(response.status) && response.status < 500 && (response.json != nil || ["GET /docs", "GET /"].contains(key)),
                        "\(key) as \(caller): expected to pass auth, got \(response.status) \(response.text)")
                // Past auth, the outermost path id is checked next (§1.1 step 5): 404 4042 on it.
                if let parameter = route.path.split(separator: "/").first(where: { $0.hasPrefix(":") }) {
                    let name = parameter.dropFirst().prefix { $0 != "(" }
                    #expect(response.status == 404 && response.fieldErrors == ["\(name):4042"],
                            "\(key) as \(caller): expected 404 4042 on \(name), got \(response.status) \(response.text)")
                }
                // A public route ignores a sent header (§1 "Public"): everyone gets the anonymous answer.
                if access == .open {
                    if let anonymous { #expect(response.status == anonymous, "\(key) as \(caller)") } else { anonymous = response.status }
                }
            }
        }
    }
}
