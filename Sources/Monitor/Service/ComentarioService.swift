import AppCore
import HTTPCore

/// The comentario rules (monitor.md §4.9; rulings 1 and 3): both fields are required, the expediente must exist,
/// `fecha`/`hora` are the wall clock in the module's zone and `fecha_creacion` the UTC instant, all from one reading.
struct ComentarioService {
    /// 400 when `no_siniestro` or `comentario` is missing or blank.
    static let required = "no_siniestro y comentario son obligatorios"

    let repository: any ComentarioRepository
    let zone: ZoneRules
    let clock: any Clock

    /// Writes a comentario by `caller` (201 row + `usuario`).
    func create(_ fields: DecodedFields, caller: MonitorIdentity) throws -> JSONValue {
        // Blank as the CHECK ck_comentario_texto says it (one definition of white space: AppCore `Whitespace`).
        guard case .text(let noSiniestro)? = fields["no_siniestro"], !noSiniestro.isEmpty,
              case .text(let comentario)? = fields["comentario"], !comentario.isBlank else {
            throw MonitorError(status: 400, Self.required)
        }
        guard let key = try repository.expedienteKey(noSiniestro) else {
            throw MonitorError(status: 400, RecordMessages.expedienteMissing)
        }
        let now = clock.nowMilliseconds()
        let id = try repository.insert(NuevoComentario(
            noSiniestro: key, usuarioID: caller.id, comentario: comentario,
            fecha: zone.civilDate(atUTCMilliseconds: now), horaMilliseconds: zone.millisecondsOfDay(atUTCMilliseconds: now),
            creadoMilliseconds: now))
        guard let row = try repository.comentario(id: id) else { throw MonitorError.internalError }
        return row
    }

    /// The comentarios of an expediente, newest first (`[]` for an unknown one).
    func list(noSiniestro: String) throws -> JSONValue { .array(try repository.list(noSiniestro: noSiniestro)) }

    /// Deletes one comentario.
    func delete(id: Int) throws -> JSONValue {
        guard try repository.delete(id: id) else { throw MonitorError(status: 404, "Comentario no encontrado") }
        return .object([("ok", .bool(true))])
    }
}
