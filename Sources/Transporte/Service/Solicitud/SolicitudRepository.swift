import AppCore
import HTTPCore

/// Storage of solicitudes, their stops, their state history and their mail, as the service composes them.
/// Writes happen inside `transaction`; state changes only through `cambiarEstado` (the T4 procedure).
protocol SolicitudRepository {
    /// Runs `body` in one transaction; the whole transaction is retried (T16: up to 5 attempts, with backoff) when the database
    /// picks it as a deadlock victim or a lock wait times out. Rolled back when `body` throws.
    func transaction<T>(_ body: () throws -> T) throws -> T
    /// Which of `referencias` exist and are active (share-locked until the end of the transaction), with their
    /// display names.
    func referencias(_ referencias: SolicitudReferencias) throws -> SolicitudReferencias.Encontradas
    /// Creates a solicitud in the running transaction from the sent `campos` (PascalCase columns) and `lugares`,
    /// created at `instante` (UTC ms): its row and stops under a provisional code, its mails (`correos`, given the
    /// summary with the provisional code and the first state's name, which `nombres` carries), then in one call its
    /// first state (PENDIENTE_APROBACION, T4) and, last, the next code of (anio, mes) (T3), written into the row and
    /// the mails. The code takes the correlative lock, held until the end of the transaction: commit right after.
    /// Returns the record as written (what a read would give), rendered when asked (after COMMIT), with the
    /// `nombres` that `referencias` read in this transaction for the rows it names.
    func crear(_ campos: [(column: String, value: FieldValue)], lugares: [LugarSolicitud],
               nombres: SolicitudReferencias.Nombres, instante: Int64, anio: Int, mes: Int,
               correos: (SolicitudResumen) throws -> [MailMessage]) throws -> SolicitudCreada
    /// Runs `body` with the server's "now" (column defaults, triggers, the procedures) reading `instante` (UTC ms)
    /// on this connection, then the server's own clock again, also when `body` throws.
    func conInstante<T>(_ instante: Int64, _ body: () throws -> T) throws -> T
    /// Inserts the stops of solicitud `id`.
    func insertarLugares(_ lugares: [LugarSolicitud], solicitud id: Int) throws
    /// Soft-deletes the active stops of solicitud `id`.
    func eliminarLugares(solicitud id: Int) throws
    /// Changes the state through `cambiar_estado_solicitud` (T4) at `instante` (UTC ms, the module's clock: the
    /// history row and the solicitud's FechaHoraActualizacion carry it, so the history is in the module's time
    /// order); throws `EstadoSolicitudRechazo` when refused.
    func cambiarEstado(_ id: Int, a estado: EstadoSolicitudCodigo, motivo: String?, instante: Int64) throws
    /// The active solicitud `id`, its row locked until the end of the transaction; nil when there is none.
    func bloquear(_ id: Int) throws -> SolicitudActual?
    /// Writes the sent `campos` (`.null` clears) of solicitud `id` and bumps its update time.
    func actualizar(_ id: Int, campos: [(column: String, value: FieldValue)]) throws
    /// Soft-deletes solicitud `id`, its history rows and its stops.
    func eliminar(_ id: Int) throws
    /// Soft-deletes the PROGRAMADA missions of solicitud `id` with their stops and history (§7.8).
    func eliminarMisionesProgramadas(solicitud id: Int) throws
    /// The active solicitud `id` as the API returns it, missions included, or nil.
    func registro(_ id: Int) throws -> SolicitudRegistro?
    /// One page of the active solicitudes in `alcance` matching `filtro`, newest first, without lugares/misiones,
    /// and their total.
    func listado(_ filtro: SolicitudFiltro, alcance: SolicitudAlcance, offset: Int, limite: Int) throws
        -> (total: Int, registros: [JSONValue])
    /// The history of the active solicitud `id`, oldest first, or nil.
    func historico(_ id: Int) throws -> HistoricoSolicitud?
    /// Puts `mensajes` in the outbox, in the running transaction (T6), in one statement.
    func encolar(_ mensajes: [MailMessage]) throws
}
