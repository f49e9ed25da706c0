import HTTPCore

/// The storage of requesters (transporte.md §9.3): Perfiles with an active PerfilRol(SOLICITANTE); external
/// ones with a phantom Usuario of their own.
protocol SolicitanteRepository: PerfilRepositorio {
    /// The active requester `perfil`, locked when asked.
    func actual(perfil: Int, lock: Bool) throws -> PerfilActual?
    /// Whether `perfil` is external (its account is a phantom one).
    func esExterno(perfil: Int) throws -> Bool
    /// Whether Perfil `perfil` exists and is active, locked until the commit.
    func perfilActivo(_ perfil: Int) throws -> Bool
    /// Whether requester `perfil` has solicitudes in a non-final state.
    func tieneSolicitudesActivas(perfil: Int) throws -> Bool
    /// Gives Perfil `perfil` the SOLICITANTE role.
    func asignarRol(perfil: Int) throws
    /// Inserts the phantom Usuario, the Perfil and its role; the Perfil id.
    func crearExterno(_ datos: Validated) throws -> Int
    /// Writes the person fields sent (ruling 5).
    func actualizar(_ actual: PerfilActual, _ datos: Validated) throws
    /// Removes the role; for an external requester also the Perfil and its phantom Usuario.
    func eliminar(_ actual: PerfilActual, externo: Bool) throws
}
