import AppCore
import HTTPCore

/// `GET /api/backup/estado` (monitor.md §4.11; ruling M14): the local disk (statvfs of the evidence directory,
/// whole gigabytes of 10^9 bytes, rounded down), the cloud's state from the backup log, and the counts.
struct BackupEstado {
    let repository: any BackupRepository
    let evidenceDirectory: String
    let configured: Bool

    /// `nube.estado` when no cloud target is configured (the third value beside §4.11's two).
    static let notConfigured = "No configurado"

    func read() throws -> JSONValue {
        guard let disk = SystemStats.disk(at: evidenceDirectory) else {
            throw MonitorError(status: 500, "Error al obtener estado de respaldo")
        }
        let summary = try repository.logSummary()
        let counts = try repository.counts()
        let files = SystemStats.fileSummary(under: evidenceDirectory)?.files ?? 0
        let gigabyte: UInt64 = 1_000_000_000
        let estado = !configured ? Self.notConfigured : (summary.ultimoRespaldo == .null ? "Sin respaldos" : "Activo")
        return [
            "disco_local": [
                "libre_gb": .int(Int64(disk.free / gigabyte)), "usado_gb": .int(Int64(disk.used / gigabyte)),
                "total_gb": .int(Int64(disk.total / gigabyte)),
            ],
            "nube": [
                "estado": .string(estado), "ultimo_respaldo": summary.ultimoRespaldo,
                "ultimo_error": .string(summary.ultimoError ?? "Ninguno"),
                "pendientes": .int(Int64(files > 0 ? files : counts.local)),
            ],
            "evidencias": ["totales": .int(Int64(counts.total)), "local": .int(Int64(counts.local)), "nube": .int(Int64(counts.nube))],
            "expedientes": ["totales": .int(Int64(counts.expedientes))],
        ]
    }
}
