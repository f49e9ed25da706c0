import AppCore
import HTTPCore
@testable import Egresos

/// Test-only routes behind the auth middleware, to test `StaffAuth` and `SupplierAuth` alone:
/// `GET /test/staff` (any registered user: its id, role and sub), `GET /test/rh` (rh, and admin),
/// `GET /test/supplier` (a supplier session: the supplier's id).
enum AuthProbe {
    static func register(in router: inout Router<EgresosContext>) {
        router.get("/test/staff", middleware: [StaffAuth.registered]) { _, context in
            let staff = try context.staffCaller()
            return .json(.object([("id", .integer(staff.user.id)), ("role", .string(staff.user.role)),
                                  ("sub", .string(staff.subject))]))
        }
        router.get("/test/rh", middleware: [StaffAuth.roles(.rh)]) { _, context in
            .json(.object([("id", .integer(try context.staffCaller().user.id))]))
        }
        router.get("/test/supplier", middleware: [SupplierAuth()]) { _, context in
            .json(.object([("id", .integer(try context.supplierCaller().supplier.id))]))
        }
    }
}

extension EgresosHarness {
    /// An empty database (tests insert their own users and suppliers) behind the probe routes, no language.
    static func authProbe(jwks: Bool = false, extra: [String: String] = [:]) throws -> EgresosHarness {
        try EgresosHarness(seed: false, language: nil, jwks: jwks, extra: extra, routes: AuthProbe.register)
    }
}

/// A token built by hand: base64url of `header` and `payload` JSON texts, and `signature` bytes.
func handmadeToken(header: String, payload: String, signature: [UInt8] = []) -> String {
    Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8)) + "." + Base64URL.encode(signature)
}
