import AppCore

/// A comentario row about to be written (monitor.md §4.9): the wall-clock `fecha`/`hora` in the module's zone
/// and the UTC instant of creation (ruling 3).
struct NuevoComentario: Sendable, Equatable {
    /// The expediente.
    let noSiniestro: String
    /// The author (`usuario.id`).
    let usuarioID: Int
    /// The text.
    let comentario: String
    /// The local calendar date at creation.
    let fecha: CivilDate
    /// The local time of day at creation, milliseconds since midnight.
    let horaMilliseconds: Int
    /// The instant of creation, Unix milliseconds (UTC).
    let creadoMilliseconds: Int64
}
