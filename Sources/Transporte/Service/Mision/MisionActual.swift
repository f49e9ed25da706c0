import AppCore

/// What the rules need of a stored mission before changing it, read under its row lock.
struct MisionActual: Sendable, Equatable {
    /// `Mision.Id`.
    let id: Int
    /// Its solicitud.
    let idSolicitud: Int
    /// The solicitud's requester and approver (Perfil ids), for the caller's scope (T13).
    let idSolicitante: Int, idAprobador: Int
    /// Code of the current state (nil only inside the creating transaction).
    let codigoEstado: String?
    /// The assigned vehicle, if any.
    let idVehiculo: Int?
    /// The assigned driver (a Perfil id), if any.
    let idMotorista: Int?
    /// `FechaProgramada`.
    let fechaProgramada: CivilDate
    /// The mileage read at the start, once started.
    let kilometrajeInicio: Int?
    /// The fuel at the start (gallons), once started.
    let combustibleInicial: Double?

    /// The current state's code for messages ("Estado actual: X").
    var estadoTexto: String { codigoEstado ?? "SIN_ESTADO" }

    /// 409 unless the mission is PROGRAMADA: `accion` names what was refused ("actualizar", "eliminar", …).
    func exigirProgramada(_ accion: String) throws {
        guard codigoEstado == EstadoMisionCodigo.programada.rawValue else {
            throw TransporteError(status: 409, "Solo se pueden \(accion) misiones en estado PROGRAMADA. Estado actual: \(estadoTexto)")
        }
    }
}
