import AppCore
import HTTPCore
import Logging

/// Route middleware for staff routes (egresos.md §10.1 steps 1–6, §1.1 steps 3–4): verifies the Auth0 RS256
/// token offline, maps it to a registered user (linking the `sub` on first use), then checks the route's roles.
/// `admin` always passes where roles are listed; no roles means any registered, active user.
struct StaffAuth: Middleware {
    /// The roles of the route's `Roles:` line; empty: any registered user.
    let roles: [StaffRole]

    /// Any registered, active staff user.
    static let registered = StaffAuth(roles: [])

    /// Users with one of `roles` (and `admin`).
    static func roles(_ roles: StaffRole...) -> StaffAuth { StaffAuth(roles: roles) }

    func handle(_ request: Request, context: EgresosContext, next: Next<EgresosContext>) throws -> Response {
        let token = try BearerToken.token(in: request)
        let claims: InputObject
        do {
            claims = try context.auth.settings.staffTokens.verify(token, now: context.auth.clock.nowSeconds(),
                                                                  cache: context.verifiedTokens.staff)
        } catch {
            context.logger.info("staff token refused", metadata: ["reason": "\(error)"])
            throw EgresosError(code: error.egresosCode)
        }
        let subject = claims["sub"]?.stringValue ?? ""
        let user: StaffUser
        do {
            user = try StaffMapping.user(subject: subject, claims: claims, emailClaim: context.auth.settings.emailClaim,
                                         repository: context.persistence.auth)
        } catch let refusal as EgresosError {
            context.logger.info("staff token of no registered user", metadata: ["sub": "\(subject)"])
            throw refusal
        }
        let identity = StaffIdentity(user: user, subject: subject, claims: claims)
        context.staff = identity
        context.logger[metadataKey: "user"] = .stringConvertible(user.id)
        if !roles.isEmpty && !identity.isAdmin && !roles.contains(where: { $0.rawValue == user.role }) {
            throw EgresosError(code: "4031")
        }
        return try next(request, context)
    }
}

/// Route middleware for supplier-portal routes (egresos.md §10.2): a valid HS256 supplier session of a known
/// supplier, issued after its last password change; otherwise 401 `4013` (or the codes of `SupplierTokens`).
struct SupplierAuth: Middleware {
    func handle(_ request: Request, context: EgresosContext, next: Next<EgresosContext>) throws -> Response {
        let token = try BearerToken.token(in: request)
        let verified: (claims: InputObject, subject: String, issuedAt: Int64?)
        do {
            verified = try context.auth.supplierTokens.verify(token, cache: context.verifiedTokens.supplier)
        } catch let refusal as EgresosError {
            context.logger.info("supplier token refused", metadata: ["code": "\(refusal.code)"])
            throw refusal
        }
        guard let supplier = try context.persistence.auth.supplier(email: verified.subject) else {
            throw EgresosError(code: "4013")
        }
        if let changed = supplier.passwordChangedAt, (verified.issuedAt ?? Int64.min) < changed {
            throw EgresosError(code: "4013")
        }
        context.supplier = SupplierIdentity(supplier: supplier, claims: verified.claims)
        context.logger[metadataKey: "supplier"] = .stringConvertible(supplier.id)
        return try next(request, context)
    }
}

extension EgresosContext {
    /// The staff caller; only call from routes behind `StaffAuth`.
    func staffCaller() throws -> StaffIdentity {
        guard let staff else { throw EgresosError(code: "4014") }
        return staff
    }

    /// The supplier caller; only call from routes behind `SupplierAuth`.
    func supplierCaller() throws -> SupplierIdentity {
        guard let supplier else { throw EgresosError(code: "4014") }
        return supplier
    }
}
