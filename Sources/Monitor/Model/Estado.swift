/// The workflow state of an expediente (monitor.md §3 `estado_enum`, §5). Any change between two different
/// estados is allowed; entering `Salida` has three preconditions. The stored procedure
/// `cambiar_estado_expediente` enforces the same rules under row locks; these pure functions are the
/// reference the procedure is tested against and what the API checks before it touches the database.
enum Estado: String, Sendable, CaseIterable {
    /// Just created (the only estado a new expediente gets).
    case ingreso = "Ingreso"
    /// In repair.
    case restauracion = "Restauracion"
    /// Finished, waiting to leave.
    case pendienteDeSalida = "Pendiente_de_salida"
    /// Delivered: the expediente is closed (and may be backed up to the cloud).
    case salida = "Salida"

    /// The message for anything that is not one of the four exact names (§4.5).
    static let invalidMessage = "Estado inválido. Valores permitidos: Ingreso, Restauracion, Pendiente_de_salida, Salida"

    /// The estado a new expediente starts in (M1).
    static let initial = Estado.ingreso

    /// The estado named exactly by `text` (case- and accent-sensitive, as the database CHECK), or nil.
    init?(exactly text: String) {
        self.init(rawValue: text)
    }

    /// Why a change from `self` to `target` is refused, or nil when it is allowed (§4.5, in its order:
    /// same estado first, then the Salida preconditions).
    func rejection(changingTo target: Estado, readiness: SalidaReadiness) -> EstadoRejection? {
        if target == self { return .sameEstado }
        guard target == .salida else { return nil }
        return readiness.rejection
    }
}

/// What entering `Salida` depends on (§4.5): the expediente's `unidad_terminada` and its latest checklist.
struct SalidaReadiness: Sendable, Equatable {
    /// The latest (highest id) checklist of the expediente, as far as Salida is concerned.
    enum LatestChecklist: Sendable, Equatable, CaseIterable {
        /// The expediente has no checklist.
        case none
        /// The latest checklist has no `fecha_entrega`.
        case withoutFechaEntrega
        /// The latest checklist has a `fecha_entrega`.
        case withFechaEntrega
    }

    /// Whether `expediente.unidad_terminada` is set.
    let unidadTerminada: Bool
    /// The latest checklist.
    let latestChecklist: LatestChecklist

    /// The first unmet precondition, in §4.5's order, or nil when the expediente may enter Salida.
    var rejection: EstadoRejection? {
        guard unidadTerminada else { return .unidadTerminadaMissing }
        switch latestChecklist {
        case .none: return .checklistMissing
        case .withoutFechaEntrega: return .checklistFechaEntregaMissing
        case .withFechaEntrega: return nil
        }
    }
}

/// A refused estado change, with the exact message and status of §4.5. The stored procedure SIGNALs these
/// same messages, so a SIGNAL maps back to its case by message.
enum EstadoRejection: Error, Sendable, Equatable, CaseIterable {
    /// The body's `estado` is missing or not one of the four names.
    case invalidEstado
    /// No expediente with that `no_siniestro`.
    case expedienteNotFound
    /// The expediente already is in the target estado.
    case sameEstado
    /// Salida needs `unidad_terminada` (the message says "fecha de entrega": §4.5, exact).
    case unidadTerminadaMissing
    /// Salida needs a checklist.
    case checklistMissing
    /// Salida needs the latest checklist's `fecha_entrega`.
    case checklistFechaEntregaMissing

    /// The client-facing message (byte for byte as the original and the procedure's SIGNAL texts).
    var message: String {
        switch self {
        case .invalidEstado: Estado.invalidMessage
        case .expedienteNotFound: "Expediente no encontrado"
        case .sameEstado: "El expediente ya se encuentra en ese estado"
        case .unidadTerminadaMissing: "Falta registrar la fecha de entrega del expediente"
        case .checklistMissing: "No existe checklist de salida para este expediente"
        case .checklistFechaEntregaMissing: "Falta registrar la fecha de entrega en el checklist"
        }
    }

    /// 404 for an unknown expediente, 400 for everything else (§4.5).
    var status: Int {
        self == .expedienteNotFound ? 404 : 400
    }

    /// The rejection whose message is `text` (a SIGNAL's MESSAGE_TEXT), or nil for any other text.
    init?(message text: String) {
        guard let match = Self.allCases.first(where: { $0.message == text }) else { return nil }
        self = match
    }

    /// As the API answers it.
    var error: MonitorError {
        MonitorError(status: status, message)
    }
}
