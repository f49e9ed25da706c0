import HTTPCore

/// Who may call a route (egresos.md §2 "Auth" and "Roles"): one value gives both the middleware the route runs
/// (`middleware`) and what the OpenAPI document says about it, so the two cannot drift.
enum EgresosAccess: Sendable, Equatable {
    /// No token (`—`): health, the supplier session, password and recovery, the documents.
    case open
    /// An Auth0 staff token of a registered, active user (`A0`); with roles, only those (and `admin`).
    case staff([StaffRole])
    /// A supplier session (`SUP`).
    case supplier

    /// Any registered staff user (no `Roles:` line).
    static let anyStaff = EgresosAccess.staff([])

    /// Staff users with one of `roles` (`admin` always passes).
    static func roles(_ roles: StaffRole...) -> EgresosAccess { .staff(roles) }

    /// The route middleware that enforces it.
    var middleware: [any Middleware<EgresosContext>] {
        switch self {
        case .open: []
        case .staff(let roles): [StaffAuth(roles: roles)]
        case .supplier: [SupplierAuth()]
        }
    }

    /// The roles a staff route admits, `admin` first; nil for non-staff routes, every role for "any".
    var admittedRoles: [StaffRole]? {
        guard case .staff(let roles) = self else { return nil }
        return roles.isEmpty ? StaffRole.allCases : [.admin] + roles.filter { $0 != .admin }
    }
}

extension Router where Context == EgresosContext {
    /// Registers `operation`'s method and path with the middleware of its access.
    mutating func add(_ operation: EgresosOperation, handler: @escaping Handler) {
        on(operation.method, operation.routerPath, middleware: operation.access.middleware, handler: handler)
    }
}
