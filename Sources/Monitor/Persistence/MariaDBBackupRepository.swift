import AppCore
import HTTPCore
import MariaDB

/// The backup's rows in MariaDB (`backup_log`, `backup_job`, evidencia moves; migration 0005).
struct MariaDBBackupRepository: BackupRepository {
    let connection: MariaDBConnection

    func transaction<T>(_ body: () throws -> T) throws -> T { try connection.transaction(body) }

    func appendLog(_ entry: BackupLogEntry, at instant: Int64) throws {
        let fecha = SQLDateTime(unixMilliseconds: instant)
        // Two appends racing for the same id: the loser's INSERT hits the primary key and tries the next id.
        for attempt in 1...5 {
            do {
                try connection.transaction {
                    let last = try connection.queryFirst("SELECT COALESCE(MAX(id), 0) AS id FROM backup_log FOR UPDATE")?.int("id") ?? 0
                    _ = try connection.execute("""
                        INSERT INTO backup_log (id, fecha, tipo, resultado, detalle, usuario)
                        VALUES (\(last + 1), \(fecha), \(entry.tipo.rawValue), \(entry.resultado.rawValue), \(entry.detalle), \(entry.usuario))
                        """)
                    _ = try connection.execute("DELETE FROM backup_log WHERE id <= \(last + 1 - BackupLog.kept)")
                }
                return
            } catch let error as MariaDBError where error.kind == .duplicateKey && attempt < 5 {
                continue
            }
        }
    }

    func logs() throws -> [JSONValue] {
        try connection.query("SELECT id, fecha, tipo, resultado, detalle, usuario FROM backup_log ORDER BY id DESC").map { row in
            .object(RowJSON.object(row).filter { $0.0 != "usuario" || $0.1 != .null })
        }
    }

    func clearLogs() throws -> Int {
        try connection.execute("DELETE FROM backup_log").affectedRows
    }

    func logSummary() throws -> (ultimoRespaldo: JSONValue, ultimoError: String?) {
        let fecha = try connection.queryFirst("""
            SELECT fecha FROM backup_log WHERE tipo IN ('Nube', 'Manual') ORDER BY id DESC LIMIT 1
            """).map { RowJSON.value($0.values[0]) } ?? .null
        let error = try connection.queryFirst("SELECT detalle FROM backup_log WHERE resultado = 'Error' ORDER BY id DESC LIMIT 1")?
            .string("detalle")
        return (fecha, error)
    }

    func expediente(_ noSiniestro: String) throws -> (noSiniestro: String, estado: String)? {
        try connection.queryFirst("SELECT no_siniestro, estado FROM expediente WHERE no_siniestro = \(noSiniestro)")
            .map { (try $0.string("no_siniestro"), try $0.string("estado")) }
    }

    func salidaExpedientes() throws -> [String] {
        try connection.query("SELECT no_siniestro FROM expediente WHERE estado = 'Salida'").map { try $0.string("no_siniestro") }
    }

    func moveToCloud(noSiniestro: String, ruta: String, key: String) throws -> Int {
        try connection.execute("""
            UPDATE evidencia SET ruta = \(key), ubicacion_almacenamiento = 'Nube'
             WHERE no_siniestro = \(noSiniestro) AND ubicacion_almacenamiento = 'Local' AND ruta = \(ruta)
            """).affectedRows
    }

    func cloudKeys(noSiniestro: String) throws -> [String] {
        try connection.query("""
            SELECT ruta FROM evidencia
             WHERE no_siniestro = \(noSiniestro) AND ubicacion_almacenamiento = 'Nube' AND ruta LIKE 'evidencias/%'
            """).map { try $0.string("ruta") }
    }

    func counts() throws -> (total: Int, local: Int, nube: Int, expedientes: Int) {
        let row = try connection.queryFirst("""
            SELECT (SELECT COUNT(*) FROM evidencia) AS total,
                   (SELECT COUNT(*) FROM evidencia WHERE ubicacion_almacenamiento = 'Local') AS local_count,
                   (SELECT COUNT(*) FROM evidencia WHERE ubicacion_almacenamiento = 'Nube') AS nube,
                   (SELECT COUNT(*) FROM expediente) AS expedientes
            """)
        guard let row else { return (0, 0, 0, 0) }
        return (try row.int("total"), try row.int("local_count"), try row.int("nube"), try row.int("expedientes"))
    }

    func startProgress() throws {
        _ = try connection.execute("""
            UPDATE backup_job SET corriendo = 1, total = 0, procesados = 0, subidas = 0, fallidas = 0,
                   archivo_actual = NULL, terminado_en = NULL, error = NULL WHERE id = 1
            """)
    }

    func saveProgress(_ progress: BackupProgress) throws {
        // Saved per file: the job's lease is renewed with it, so a long run keeps it and a dead one loses it.
        try BackupJobLock.renew(connection)
        _ = try connection.execute("""
            UPDATE backup_job SET total = \(progress.total), procesados = \(progress.procesados), subidas = \(progress.subidas),
                   fallidas = \(progress.fallidas), archivo_actual = \(progress.archivoActual) WHERE id = 1
            """)
    }

    func finishProgress(at instant: Int64, error: String?) throws {
        _ = try connection.execute("""
            UPDATE backup_job SET corriendo = 0, archivo_actual = NULL, terminado_en = \(SQLDateTime(unixMilliseconds: instant)),
                   error = \(error) WHERE id = 1
            """)
    }

    func progress() throws -> JSONValue {
        guard let row = try connection.queryFirst("""
            SELECT corriendo = 1 AND \(unsafeRaw: BackupJobLock.heldSQL) AS corriendo,
                   total, procesados, subidas, fallidas, archivo_actual AS archivoActual, terminado_en, error
              FROM backup_job WHERE id = 1
            """) else { return Self.idle }
        return .object(RowJSON.object(row, booleans: ["corriendo"]))
    }

    func claimNightly(_ date: String) throws -> Bool {
        try connection.execute("""
            UPDATE backup_job SET ultima_nocturna = \(date)
             WHERE id = 1 AND (ultima_nocturna IS NULL OR ultima_nocturna < \(date))
            """).affectedRows == 1
    }

    private static let idle: JSONValue = [
        "corriendo": false, "total": 0, "procesados": 0, "subidas": 0, "fallidas": 0,
        "archivoActual": .null, "terminado_en": .null, "error": .null,
    ]
}
