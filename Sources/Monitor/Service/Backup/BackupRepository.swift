import HTTPCore

/// The backup's rows (monitor.md §4.11, §6.3, §6.4, §8.3): the log, the job's progress, and the evidencia moves.
protocol BackupRepository {
    /// Runs `body` in one transaction.
    func transaction<T>(_ body: () throws -> T) throws -> T

    /// Appends a log entry stamped `instant` (id = last id + 1) and keeps the newest `BackupLog.kept`.
    func appendLog(_ entry: BackupLogEntry, at instant: Int64) throws
    /// The log, newest first, as `GET /api/backup/logs` answers it.
    func logs() throws -> [JSONValue]
    /// Empties the log; returns how many entries it had.
    func clearLogs() throws -> Int
    /// The `fecha` of the newest `Nube` or `Manual` entry, and the `detalle` of the newest `Error` entry.
    func logSummary() throws -> (ultimoRespaldo: JSONValue, ultimoError: String?)

    /// The stored `no_siniestro` and `estado` of an expediente, nil when there is none.
    func expediente(_ noSiniestro: String) throws -> (noSiniestro: String, estado: String)?
    /// The `no_siniestro` of every expediente in `Salida`.
    func salidaExpedientes() throws -> [String]
    /// Points the expediente's `Local` evidencia stored at `ruta` to the cloud object `key` (`Nube`); returns how many rows.
    func moveToCloud(noSiniestro: String, ruta: String, key: String) throws -> Int
    /// The object keys of the expediente's `Nube` evidencias.
    func cloudKeys(noSiniestro: String) throws -> [String]
    /// Evidencia counts: all, `Local`, `Nube`; and the number of expedientes.
    func counts() throws -> (total: Int, local: Int, nube: Int, expedientes: Int)

    /// Marks the job started (counters reset, `corriendo`) at the beginning of a run.
    func startProgress() throws
    /// Writes the running job's counters.
    func saveProgress(_ progress: BackupProgress) throws
    /// Marks the job ended at `instant`, with `error` when it failed.
    func finishProgress(at instant: Int64, error: String?) throws
    /// The progress as `GET /api/backup/progreso` answers it (`corriendo` only while a process holds the job's lock).
    func progress() throws -> JSONValue
    /// Claims the nightly run of `date` (local, `YYYY-MM-DD`) for this process: true once per date across every process.
    func claimNightly(_ date: String) throws -> Bool
}
