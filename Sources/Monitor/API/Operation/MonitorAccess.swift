import HTTPCore

/// Monitor's access rules (monitor.md §2.3): public, T (any valid token), AO (Administrador or Operador) and A
/// (Administrador). Each gives the route its `MonitorAuth` middleware and the document its `bearerAuth`
/// requirement, the **Auth:** line of the description and the 401/403 responses the middleware answers.
enum MonitorAccess {
    /// No token needed.
    static let open = OperationAccess<MonitorContext>(security: [], middleware: [], note: "**Auth:** Public: no token needed.")
    /// T: a valid token, any role.
    static let token = OperationAccess<MonitorContext>(
        security: [scheme], middleware: [MonitorAuth.token],
        note: "**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        responses: [(401, MonitorResponse.reference("Unauthorized"))])
    /// AO: Administrador or Operador.
    static let adminOrOperator = OperationAccess<MonitorContext>(
        security: [scheme], middleware: [MonitorAuth.adminOrOperator],
        note: "**Auth:** Requires a token with role Administrador or Operador (Tecnico gets 403).",
        responses: [(401, MonitorResponse.reference("Unauthorized")), (403, MonitorResponse.reference("ForbiddenAdminOrOperator"))])
    /// A: Administrador.
    static let admin = OperationAccess<MonitorContext>(
        security: [scheme], middleware: [MonitorAuth.admin],
        note: "**Auth:** Requires a token with role Administrador.",
        responses: [(401, MonitorResponse.reference("Unauthorized")), (403, MonitorResponse.reference("ForbiddenAdmin"))])

    /// The document's security scheme: the bearer token of `POST /api/auth/login`.
    static let scheme = "bearerAuth"
}
