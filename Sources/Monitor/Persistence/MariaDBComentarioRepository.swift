import AppCore
import HTTPCore
import MariaDB

/// Comentarios in MariaDB, each read with its author (`usuario: {id, nombre, username} | null`).
struct MariaDBComentarioRepository: ComentarioRepository {
    let connection: MariaDBConnection

    private static let select = """
        SELECT c.id, c.no_siniestro, c.usuario_id, c.fecha, c.hora, c.comentario, c.fecha_creacion,
               u.id AS usuario__id, u.nombre AS usuario__nombre, u.username AS usuario__username
          FROM comentario c LEFT JOIN usuario u ON u.id = c.usuario_id
        """
    /// The number of comentario columns before the author's.
    private static let ownColumns = 7

    func expedienteKey(_ noSiniestro: String) throws -> String? {
        try connection.queryFirst(
            "SELECT no_siniestro FROM expediente WHERE no_siniestro = \(noSiniestro)")?.string("no_siniestro")
    }

    func insert(_ comentario: NuevoComentario) throws -> Int {
        let hora = FieldValue.timeOfDay(comentario.horaMilliseconds).sqlValue
        let creado = FieldValue.timestamp(comentario.creadoMilliseconds).sqlValue
        let fecha = FieldValue.date(comentario.fecha).sqlValue
        do {
            return try RecordSQL.write {
                try connection.execute("""
                    INSERT INTO comentario (no_siniestro, usuario_id, fecha, hora, comentario, fecha_creacion)
                    VALUES (\(comentario.noSiniestro), \(comentario.usuarioID), \(fecha), \(hora), \(comentario.comentario), \(creado))
                    """).lastInsertID
            }
        } catch let error as MariaDBError where error.kind == .foreignKeyViolation {
            // Either the expediente went away since the check, or the caller's user was deleted after its token was issued.
            if try expedienteKey(comentario.noSiniestro) == nil {
                throw MonitorError(status: 400, RecordMessages.expedienteMissing)
            }
            throw MonitorError(status: 401, "Usuario no autenticado")
        }
    }

    func comentario(id: Int) throws -> JSONValue? {
        try connection.queryFirst("\(unsafeRaw: Self.select) WHERE c.id = \(id)").map(Self.json)
    }

    func list(noSiniestro: String) throws -> [JSONValue] {
        try connection.query("""
            \(unsafeRaw: Self.select) WHERE c.no_siniestro = \(noSiniestro) ORDER BY c.fecha_creacion DESC, c.id DESC
            """).map(Self.json)
    }

    func delete(id: Int) throws -> Bool {
        try connection.execute("DELETE FROM comentario WHERE id = \(id)").affectedRows > 0
    }

    /// The comentario's columns, then `usuario` built from the joined author (null when there is none).
    private static func json(_ row: SQLRow) -> JSONValue {
        var members: [(String, JSONValue)] = []
        for index in 0..<ownColumns {
            members.append((row.columns.names[index], RowJSON.value(row.values[index])))
        }
        let id = row.values[ownColumns]
        members.append(("usuario", id.isNull ? .null : .object([
            ("id", RowJSON.value(id)),
            ("nombre", RowJSON.value(row.values[ownColumns + 1])),
            ("username", RowJSON.value(row.values[ownColumns + 2])),
        ])))
        return .object(members)
    }
}
