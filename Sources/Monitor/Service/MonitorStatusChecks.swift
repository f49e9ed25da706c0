import AppCore
import HTTPCore
import Logging

/// The periodic status checks of monitor.md §8.2 with real results (ruling M15), in the order of §4.13:
/// - `Backend`: this process runs them, so it is up (a process that is down answers nothing at all);
/// - `Base de datos`: the database answers `SELECT 1` (a ping);
/// - `Disco`: the file system holding the evidence can be read, and a file can be written in the upload
///   directory, made if missing as uploads make it (WARN `Espacio bajo: solo <x>GB libres` under 10 GB free, as the original; low space alone does
///   not fail the check);
/// - `Evidencias`: the evidence directory exists and a file can be written in it (WARN `Directorio no encontrado`
///   when it is missing);
/// - `Frontend`: the web front (`MONITOR_FRONTEND_URL`, nginx's Monitor site) accepts a TCP connection.
/// Each run replaces the store's results, logs every failed check as an ERROR and appends one line to the uptime
/// log (`uptime.log` beside the application log) that `GET /api/diagnostico/uptime` reads.
struct MonitorStatusChecks {
    let environment: MonitorEnvironment
    let health: any MonitorHealthRepository
    let logger: Logger

    /// Free space under which the disk check warns (§8.2): 10 GB.
    static let lowSpaceBytes: UInt64 = 10_000_000_000

    /// Runs the five checks, records them and returns them.
    @discardableResult
    func run() -> [StatusCheck] {
        let clock = environment.clock
        func check(_ nombre: String, _ ok: Bool) -> StatusCheck {
            StatusCheck(nombre: nombre, ok: ok, timestamp: clock.nowMilliseconds())
        }
        var checks = [check("Backend", true), check("Base de datos", health.databaseAnswers())]
        let disk = SystemStats.disk(at: environment.evidenceDirectory) ?? SystemStats.disk(at: environment.uploadRoot)
        if let disk, disk.free < Self.lowSpaceBytes {
            let gigabytes = SystemStats.oneDecimal(Double(disk.free) / 1_000_000_000)
            logger.warning("Espacio bajo: solo \(gigabytes)GB libres", metadata: ["contexto": "Diagnostico"])
        }
        checks.append(check("Disco", disk != nil && SystemStats.canWrite(in: environment.bodyLimits.uploadDirectory, creating: true)))
        if !SystemStats.isDirectory(environment.evidenceDirectory) {
            logger.warning("Directorio no encontrado", metadata: ["contexto": "Diagnostico", "ruta": "\(environment.evidenceDirectory)"])
        }
        checks.append(check("Evidencias", SystemStats.canWrite(in: environment.evidenceDirectory)))
        let frontend = environment.frontend
        checks.append(check("Frontend", SystemStats.acceptsConnections(host: frontend.host, port: frontend.port)))
        for failed in checks where !failed.ok {
            logger.error("Check fallido: \(failed.nombre)", metadata: ["contexto": "Diagnostico"])
        }
        let finished = clock.nowMilliseconds()
        environment.statusChecks.record(checks, at: finished)
        environment.uptimeLog?.append(ApplicationLogHandler.line(
            millis: finished, level: checks.allSatisfy(\.ok) ? .info : .warning, context: "Diagnostico",
            message: checks.map { "\($0.nombre): \($0.ok ? "ok" : "fallo")" }.joined(separator: ", "), metadata: [:]))
        return checks
    }
}
