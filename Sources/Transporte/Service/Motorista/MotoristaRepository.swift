import HTTPCore

/// The storage of drivers (transporte.md §9.2): a driver is a Perfil with its Usuario, its PerfilRol(MOTORISTA)
/// and its DetallePerfilMotorista, written together. Reads see active drivers only.
protocol MotoristaRepository: PerfilRepositorio {
    /// The active driver `perfil`: its account id and full name; `lock` takes its rows FOR UPDATE.
    func actual(perfil: Int, lock: Bool) throws -> PerfilActual?
    /// Whether active vehicles name driver `perfil` as their default driver.
    func esMotoristaPorDefecto(perfil: Int) throws -> Bool
    /// Whether the driver has an active mission (not final, not deleted) assigned (§9.2).
    func tieneMisionesActivas(perfil: Int) throws -> Bool
    /// Inserts Usuario, Perfil, PerfilRol(MOTORISTA) and the details; the new Perfil id.
    func crear(_ datos: Validated, passwordHash: String?) throws -> Int
    /// Writes the fields sent (ruling 5) to the Perfil, the details and the account (e-mail, password).
    func actualizar(_ actual: PerfilActual, _ datos: Validated, passwordHash: String?) throws
    /// Soft-deletes the details, the roles, the Perfil and the Usuario.
    func eliminar(_ actual: PerfilActual) throws
}
