/// The mission workflow of transporte.md §4.3 and ruling T11 as a pure value: PROGRAMADA → EN_EJECUCION → the
/// intermediate states (EN_RUTA_RECOGIDA, EN_ESPERA, EN_RUTA_REGRESO, among themselves) → COMPLETADA; CANCELADA
/// from any non-final state. The service checks a move here first (409 with these messages); the procedure
/// `cambiar_estado_mision` (0014) holds the same table under the mission's row lock and is what writes.
enum EstadoMisionCodigo: String, CaseIterable, Sendable {
    case programada = "PROGRAMADA"
    case enEjecucion = "EN_EJECUCION"
    case enRutaRecogida = "EN_RUTA_RECOGIDA"
    case enEspera = "EN_ESPERA"
    case enRutaRegreso = "EN_RUTA_REGRESO"
    case completada = "COMPLETADA"
    case cancelada = "CANCELADA"

    /// The states `PATCH /mision/{id}/estado` moves between (T11).
    static let intermedios: [EstadoMisionCodigo] = [.enRutaRecogida, .enEspera, .enRutaRegreso]

    /// The states a running mission may be in: the ones `finalizar` accepts.
    static let enCurso: [EstadoMisionCodigo] = [.enEjecucion] + intermedios

    /// Whether nothing can change a mission in this state ("active" = not final, not deleted).
    var esFinal: Bool { self == .completada || self == .cancelada }

    /// Whether the workflow allows `actual` → `self` (`actual` nil: the mission is being created).
    func permite(desde actual: EstadoMisionCodigo?) -> Bool {
        guard let actual else { return self == .programada }
        switch self {
        case .programada: return false
        case .enEjecucion: return actual == .programada
        case .enRutaRecogida, .enEspera, .enRutaRegreso: return Self.enCurso.contains(actual) && actual != self
        case .completada: return Self.enCurso.contains(actual)
        case .cancelada: return !actual.esFinal
        }
    }

    /// The 409 message for a refused move from `actual` (the code as stored, which may be one an administrator
    /// added) to `self`; the same texts as the procedure's.
    func rechazo(desde actual: String) -> String {
        switch self {
        case .programada:
            "Solo se puede asignar el estado PROGRAMADA al crear la misión. Estado actual: \(actual)"
        case .enEjecucion:
            "Solo se pueden iniciar misiones en estado PROGRAMADA. Estado actual: \(actual)"
        case .enRutaRecogida, .enEspera, .enRutaRegreso:
            "Solo se puede pasar a \(rawValue) una misión en ejecución (EN_EJECUCION, EN_RUTA_RECOGIDA, EN_ESPERA o "
                + "EN_RUTA_REGRESO) y en otro estado. Estado actual: \(actual)"
        case .completada:
            "Solo se pueden finalizar misiones en estado EN_EJECUCION, EN_RUTA_RECOGIDA, EN_ESPERA o EN_RUTA_REGRESO. "
                + "Estado actual: \(actual)"
        case .cancelada:
            "No se puede cancelar una misión en estado final. Estado actual: \(actual)"
        }
    }

    /// Checks the move from the stored code `actual` to `self`: a 409 when refused, nothing otherwise. A code
    /// outside the workflow (an administrator's) allows only cancelling, as the procedure does.
    func verificar(desde actual: String) throws {
        let permitido = EstadoMisionCodigo(rawValue: actual).map(permite(desde:)) ?? (self == .cancelada)
        if !permitido { throw TransporteError(status: 409, rechazo(desde: actual)) }
    }
}
