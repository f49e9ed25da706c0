/// The bulk job's counters as it advances (§4.11 `GET /api/backup/progreso`), kept in the database so every
/// worker of every process reads the same.
struct BackupProgress: Sendable, Equatable {
    var total = 0
    var procesados = 0
    var subidas = 0
    var fallidas = 0
    var archivoActual: String?
}
