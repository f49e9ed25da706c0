import HTTPCore

/// The storage of drivers (transporte.md §9.2): a driver is a Perfil with its Usuario, its PerfilRol(MOTORISTA)
/// and its DetallePerfilMotorista, written together. Reads see active drivers only.
protocol MotoristaRepository {
    /// Runs `body` in one transaction (T16 retries included), rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T
    /// The active driver `perfil`: its account id and full name; `lock` takes its rows FOR UPDATE.
    func actual(perfil: Int, lock: Bool) throws -> MotoristaActual?
    /// The record the API returns (`VistaMotoristaRegistro`), nil when there is no active driver `perfil`.
    func registro(perfil: Int) throws -> JSONValue?
    /// The number of active drivers that match `filtros`.
    func contar(_ filtros: [CatalogFilterValue]) throws -> Int
    /// The active drivers that match `filtros`, by surname and name; one page when `pagina` is given.
    func listar(_ filtros: [CatalogFilterValue], pagina: Pagination?) throws -> [JSONValue]
    /// Whether active row `id` of `tabla` exists; share-locked until the commit.
    func activo(_ tabla: String, id: Int) throws -> Bool
    /// Whether an active row other than driver `excepto`'s holds `valor` as `clave`.
    func ocupado(_ clave: MotoristaClave, _ valor: String, excepto: MotoristaActual?) throws -> Bool
    /// Whether active vehicles name driver `perfil` as their default driver.
    func esMotoristaPorDefecto(perfil: Int) throws -> Bool
    /// Inserts Usuario, Perfil, PerfilRol(MOTORISTA) and the details; the new Perfil id.
    func crear(_ datos: Validated, passwordHash: String?) throws -> Int
    /// Writes the fields sent (ruling 5) to the Perfil, the details and the account (e-mail, password).
    func actualizar(_ actual: MotoristaActual, _ datos: Validated, passwordHash: String?) throws
    /// Soft-deletes the details, the roles, the Perfil and the Usuario.
    func eliminar(_ actual: MotoristaActual) throws
}

/// An active driver as the rules need it.
struct MotoristaActual: Sendable, Equatable {
    /// `Perfil.Id`, the driver's id.
    let perfil: Int
    /// `Usuario.Id`.
    let usuario: Int
    /// Names and surnames, for the delete message.
    let nombreCompleto: String
}

/// A value only one active driver (or account, or profile) may hold.
enum MotoristaClave: String, Sendable, CaseIterable {
    case email, dui, imei

    /// The 409 for `valor`.
    func conflicto(_ valor: String) -> TransporteError {
        let message = switch self {
        case .email: "Ya existe un usuario con el correo '\(valor)'"
        case .dui: "Ya existe un perfil con el DUI '\(valor)'"
        case .imei: "Ya existe un motorista con el IMEI '\(valor)'"
        }
        return TransporteError.field(rawValue, message, status: 409)
    }
}

/// A unique value the database refused after the service's check (a concurrent write won the race).
struct MotoristaDuplicado: Error {
    /// Which value, when the index named it.
    let clave: MotoristaClave?
}
