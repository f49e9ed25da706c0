import HTTPCore
import MariaDB

/// Evidencia rows in MariaDB.
struct MariaDBEvidenciaRepository: EvidenciaRepository {
    let connection: MariaDBConnection

    func transaction<T>(_ body: () throws -> T) throws -> T { try connection.transaction(body) }

    func lockExpediente(_ noSiniestro: String) throws -> (noSiniestro: String, estado: String)? {
        try connection.queryFirst("SELECT no_siniestro, estado FROM expediente WHERE no_siniestro = \(noSiniestro) FOR UPDATE")
            .map { (try $0.string("no_siniestro"), try $0.string("estado")) }
    }

    func insert(_ evidencia: NuevaEvidencia) throws -> Int {
        do {
            return try RecordSQL.write {
                try connection.execute("""
                    INSERT INTO evidencia (no_siniestro, tipo, nombre_archivo, ruta, fecha_carga, ubicacion_almacenamiento, subido_por)
                    VALUES (\(evidencia.noSiniestro), \(evidencia.tipo), \(evidencia.nombreArchivo), \(evidencia.ruta),
                            UTC_TIMESTAMP(3), 'Local', \(evidencia.subidoPor))
                    """).lastInsertID
            }
        } catch let error as MariaDBError where error.kind == .foreignKeyViolation {
            // The expediente is locked, so the missing row is the caller's user (deleted after the token was issued).
            throw MonitorError(status: 401, "Usuario no autenticado")
        }
    }

    func row(id: Int) throws -> JSONValue? {
        try connection.queryFirst("""
            SELECT id, no_siniestro, tipo, nombre_archivo, ruta, fecha_carga, ubicacion_almacenamiento, subido_por
              FROM evidencia WHERE id = \(id)
            """).map { .object(RowJSON.object($0)) }
    }

    func list(noSiniestro: String) throws -> [JSONValue] {
        // url_nube stays null and key_nube equals ruta until cloud backup exists (monitor.md §4.6).
        try connection.query("""
            SELECT id, no_siniestro, tipo, nombre_archivo, ruta, NULL AS url_nube, ruta AS key_nube,
                   ubicacion_almacenamiento, fecha_carga
              FROM evidencia WHERE no_siniestro = \(noSiniestro)
             ORDER BY fecha_carga DESC, id DESC
            """).map { .object(RowJSON.object($0)) }
    }

    func stored(id: Int) throws -> EvidenciaGuardada? {
        guard let row = try connection.queryFirst("""
            SELECT id, no_siniestro, nombre_archivo, ruta, ubicacion_almacenamiento FROM evidencia WHERE id = \(id) FOR UPDATE
            """) else { return nil }
        return EvidenciaGuardada(id: try row.int("id"), noSiniestro: try row.string("no_siniestro"),
                                 nombreArchivo: try row.optionalString("nombre_archivo"),
                                 ruta: try row.optionalString("ruta"), ubicacion: try row.string("ubicacion_almacenamiento"))
    }

    func delete(id: Int) throws {
        _ = try connection.execute("DELETE FROM evidencia WHERE id = \(id)")
    }

    func deleteLocal(noSiniestro: String, rutaPrefix: String) throws -> Int {
        try connection.execute("""
            DELETE FROM evidencia
             WHERE no_siniestro = \(noSiniestro) AND ubicacion_almacenamiento = 'Local' AND LEFT(ruta, CHAR_LENGTH(\(rutaPrefix))) = \(rutaPrefix)
            """).affectedRows
    }

    func syncUbicacion(noSiniestro: String) throws {
        // §6.2: Local unless the estado is Salida and every one of at least one evidencia is in the cloud. The
        // last condition skips the write (and the fecha_actualizacion trigger) when nothing changes.
        _ = try connection.execute("""
            UPDATE expediente e
               SET e.ubicacion_almacenamiento = \(unsafeRaw: Self.ubicacion)
             WHERE e.no_siniestro = \(noSiniestro) AND e.ubicacion_almacenamiento <> \(unsafeRaw: Self.ubicacion)
            """)
    }

    private static let ubicacion = """
        (CASE WHEN e.estado = 'Salida'
                   AND EXISTS (SELECT 1 FROM evidencia v WHERE v.no_siniestro = e.no_siniestro)
                   AND NOT EXISTS (SELECT 1 FROM evidencia v WHERE v.no_siniestro = e.no_siniestro
                                                             AND v.ubicacion_almacenamiento <> 'Nube')
              THEN 'Nube' ELSE 'Local' END)
        """
}
