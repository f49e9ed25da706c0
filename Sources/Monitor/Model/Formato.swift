/// The three forms of monitor.md §4.10: their file names and their messages.
enum Formato: CaseIterable, Sendable {
    case expediente, checklist, levantamiento

    /// The file name's prefix (`EXPEDIENTE_<no_siniestro>.xlsx`).
    var prefix: String {
        switch self {
        case .expediente: return "EXPEDIENTE"
        case .checklist: return "CHECKLIST"
        case .levantamiento: return "LEVANTAMIENTO"
        }
    }

    /// The 404 when there is nothing to print.
    var notFound: MonitorError {
        switch self {
        case .expediente: return MonitorError(status: 404, "Expediente no encontrado")
        case .checklist: return MonitorError(status: 404, "Checklist no encontrado para este siniestro")
        case .levantamiento: return MonitorError(status: 404, "Levantamiento de daños no encontrado para este siniestro")
        }
    }

    /// The 500 when the file could not be written.
    var failed: MonitorError {
        switch self {
        case .expediente: return MonitorError(status: 500, "Error interno al generar el formato")
        case .checklist: return MonitorError(status: 500, "Error interno al generar el checklist")
        case .levantamiento: return MonitorError(status: 500, "Error interno al generar el levantamiento")
        }
    }
}
