/// One entry of the backup log (monitor.md §8.3): who ran what, with which outcome.
struct BackupLogEntry: Sendable, Equatable {
    /// `Nube` (the bulk job), `Manual` (an administrator's action) or `Local`.
    enum Tipo: String, Sendable { case nube = "Nube", manual = "Manual", local = "Local" }
    /// `Exitoso`, `Parcial` (some files failed) or `Error`.
    enum Resultado: String, Sendable { case exitoso = "Exitoso", parcial = "Parcial", error = "Error" }

    let tipo: Tipo
    let resultado: Resultado
    let detalle: String
    /// The administrator's username; nil for the job's own entries.
    let usuario: String?
}
