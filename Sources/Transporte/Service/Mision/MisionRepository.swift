import AppCore
import HTTPCore

/// Storage of missions, their stops and their state history. Writes happen inside `transaction`; state changes
/// only through `cambiarEstado` (the procedure `cambiar_estado_mision`, T11).
protocol MisionRepository {
    /// Runs `body` in one transaction, retried as a whole on a deadlock or lock wait timeout (T16).
    func transaction<T>(_ body: () throws -> T) throws -> T
    /// Runs `body` with the server's "now" reading `instante` (UTC ms) on this connection.
    func conInstante<T>(_ instante: Int64, _ body: () throws -> T) throws -> T
    /// The solicitud of active mission `id` (unlocked), or nil.
    func solicitud(deMision id: Int) throws -> Int?
    /// The active mission `id`, with `bloquear` its row locked until the end of the transaction; nil when there
    /// is none.
    func actual(_ id: Int, bloquear: Bool) throws -> MisionActual?
    /// Which of the lugares `ids` do not exist or are deleted (share-locked: a delete waits for this write).
    func lugaresInexistentes(_ ids: [Int]) throws -> [Int]
    /// Inserts a mission without state from `campos` (PascalCase columns); its id.
    func insertar(_ campos: [(column: String, value: FieldValue)]) throws -> Int
    /// Writes the sent `campos` of mission `id` (`.null` clears).
    func actualizar(_ id: Int, campos: [(column: String, value: FieldValue)]) throws
    /// Replaces the active stops of mission `id` by `paradas`.
    func reemplazarParadas(_ paradas: [ParadaMision], mision id: Int) throws
    /// Changes the state through `cambiar_estado_mision`; the procedure's refusals as `TransporteError`.
    func cambiarEstado(_ id: Int, a estado: EstadoMisionCodigo, motivo: String?) throws
    /// The active vehicle `id`, row-locked, or nil.
    func vehiculo(_ id: Int) throws -> VehiculoAsignable?
    /// The full name of active driver `perfil`, row-locked, or nil.
    func motorista(_ perfil: Int) throws -> String?
    /// Whether vehicle `vehiculo` has an active mission other than `excepto` on `fecha` (a locking read).
    func vehiculoOcupado(_ vehiculo: Int, fecha: CivilDate, excepto: Int) throws -> Bool
    /// Whether driver `motorista` has an active mission other than `excepto` on `fecha` (a locking read).
    func motoristaOcupado(_ motorista: Int, fecha: CivilDate, excepto: Int) throws -> Bool
    /// Assigns vehicle and driver; `MisionOcupada` when a unique key of T14 refuses it.
    func asignar(_ id: Int, vehiculo: Int, motorista: Int) throws
    /// Records the start readings (the start instant is the pinned "now").
    func iniciar(_ id: Int, kilometraje: Int, combustible: String) throws
    /// Records the finish readings and what they imply (distance, fuel used).
    func finalizar(_ id: Int, kilometraje: Int, combustible: String, incidencias: String?) throws
    /// Moves vehicle `id`'s odometer up to `kilometraje`.
    func actualizarKilometraje(vehiculo id: Int, _ kilometraje: Int) throws
    /// The missions of solicitud `id` still active, and those COMPLETADA (locking read).
    func avance(solicitud id: Int) throws -> (pendientes: Int, completadas: Int)
    /// Soft-deletes mission `id`, its stops and its history.
    func eliminar(_ id: Int) throws
    /// The active mission `id` as the API returns it (with `paradas`), or nil.
    func registro(_ id: Int) throws -> JSONValue?
    /// The active missions of solicitud `id`.
    func porSolicitud(_ id: Int) throws -> [JSONValue]
    /// One page of the active missions in `alcance` matching `filtro`, and their total.
    func listado(_ filtro: MisionFiltro, alcance: SolicitudAlcance, offset: Int, limite: Int) throws
        -> (total: Int, registros: [JSONValue])
    /// The history rows of mission `id`, oldest first.
    func historico(_ id: Int) throws -> [JSONValue]
}

/// A unique key of T14 refused an assignment the locked checks let through (another host of a cluster).
struct MisionOcupada: Error {
    /// Whether the vehicle's key (else the driver's) refused it.
    let vehiculo: Bool
}
