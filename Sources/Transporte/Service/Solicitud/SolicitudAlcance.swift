/// Which solicitudes a caller may see (ruling T13): an ADMIN every one; an APROBADOR those they approve or
/// requested; a SOLICITANTE those they requested; a MOTORISTA those with an active (not deleted) mission assigned
/// to them. Roles add up. Anything else answers 404, as if it did not exist.
struct SolicitudAlcance: Sendable, Equatable {
    /// Every solicitud (ADMIN).
    let todas: Bool
    /// The caller's Perfil (what solicitudes store as requester and approver).
    let perfilID: Int
    /// Those whose requester is the caller.
    let comoSolicitante: Bool
    /// Those whose approver is the caller.
    let comoAprobador: Bool
    /// Those with a mission assigned to the caller.
    let comoMotorista: Bool

    /// The scope of `caller`'s current roles.
    init(_ caller: TransporteIdentity) {
        todas = caller.isAdmin
        perfilID = caller.perfilID
        comoSolicitante = caller.has(.solicitante) || caller.has(.aprobador)
        comoAprobador = caller.has(.aprobador)
        comoMotorista = caller.has(.motorista)
    }

    /// Whether a solicitud with these parties is in scope; `motoristas` are the drivers (Perfil ids) of its
    /// missions.
    func permite(solicitante: Int, aprobador: Int, motoristas: [Int] = []) -> Bool {
        todas || (comoSolicitante && solicitante == perfilID) || (comoAprobador && aprobador == perfilID)
            || (comoMotorista && motoristas.contains(perfilID))
    }
}
