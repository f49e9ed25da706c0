/// The facts of a solicitud that notifications and permission checks use, read with its record.
struct SolicitudResumen: Sendable, Equatable {
    /// A person named by a solicitud (requester or approver).
    struct Persona: Sendable, Equatable {
        /// Perfil id.
        let id: Int
        /// Display name ("Juan Pérez").
        let nombre: String
        /// Where mail goes; nil when the person has none (external requesters).
        let email: String?
    }

    /// One stop, by order.
    struct Parada: Sendable, Equatable {
        /// Position.
        let orden: Int
        /// Name of the place.
        let nombre: String
        /// Whether it is the origin.
        let esOrigen: Bool
    }

    /// `Solicitud.Id`.
    let id: Int
    /// `SOL-YYYY-MM-NNNNNNNN`.
    var codigo: String
    /// The subject.
    let asunto: String
    /// Service date, `YYYY-MM-DD`.
    let fechaServicio: String
    /// Service time, `HH:MM:SS`.
    let horaServicio: String
    /// Name of the current state ("Pendiente de Aprobación").
    let nombreEstado: String?
    /// The requester.
    let solicitante: Persona
    /// The approver.
    let aprobador: Persona
    /// The active stops, by order.
    let paradas: [Parada]
}
