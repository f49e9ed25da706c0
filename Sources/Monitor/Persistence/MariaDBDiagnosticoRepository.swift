import HTTPCore
import MariaDB

/// `DiagnosticoRepository` over the worker's MariaDB connection.
struct MariaDBDiagnosticoRepository: DiagnosticoRepository {
    let connection: MariaDBConnection

    func pendingSyncCount() throws -> Int {
        Int(try connection.queryFirst("SELECT COUNT(*) AS n FROM expediente WHERE ubicacion_almacenamiento = 'Local'")?.int("n") ?? 0)
    }

    func recentHistorial(limit: Int) throws -> [JSONValue] {
        try connection.query("""
            SELECT id, no_siniestro, estado_anterior, estado_nuevo, fecha_cambio, cambiado_por FROM historial_estado \
            ORDER BY fecha_cambio DESC, id DESC LIMIT \(unsafeRaw: String(max(0, limit)))
            """).map { .object(RowJSON.object($0)) }
    }
}
