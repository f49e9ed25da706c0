/// Which solicitudes a caller may see (ruling T13): an ADMIN every one; an APROBADOR those they approve or
/// requested; a SOLICITANTE those they requested; a MOTORISTA those with a mission assigned to them (missions
/// land with the fleet part; until then a MOTORISTA sees none). Roles add up. Anything else answers 404, as if it
/// did not exist.
struct SolicitudAlcance: Sendable, Equatable {
    /// Every solicitud (ADMIN).
    let todas: Bool
    /// The caller's Perfil (what solicitudes store as requester and approver).
    let perfilID: Int
    /// Those whose requester is the caller.
    let comoSolicitante: Bool
    /// Those whose approver is the caller.
    let comoAprobador: Bool

    /// The scope of `caller`'s current roles.
    init(_ caller: TransporteIdentity) {
        todas = caller.isAdmin
        perfilID = caller.perfilID
        comoSolicitante = caller.has(.solicitante) || caller.has(.aprobador)
        comoAprobador = caller.has(.aprobador)
    }

    /// Whether a solicitud with these parties is in scope.
    func permite(solicitante: Int, aprobador: Int) -> Bool {
        todas || (comoSolicitante && solicitante == perfilID) || (comoAprobador && aprobador == perfilID)
    }
}
