/// One stop of a solicitud as a client sends it (seed 002 `lugares[]`), already checked field by field.
struct LugarSolicitud: Sendable, Equatable {
    /// `Lugares.Id`.
    let idLugar: Int
    /// Whether this stop is the origin (exactly one is, 422 otherwise).
    let esOrigen: Bool
    /// Position, 0..n-1 over the list (422 otherwise).
    let orden: Int
    /// Free text, nil when not sent or blank.
    let descripcion: String?
    /// Estimated arrival, milliseconds since midnight.
    let horaEstimadaLlegada: Int?
    /// Whether the trip comes back from this stop (never for the origin).
    let requiereRetorno: Bool
    /// Estimated return, milliseconds since midnight; required when `requiereRetorno`.
    let horaEstimadaRetorno: Int?
}
