import HTTPCore

/// The estado workflow (monitor.md §4.5, §5, ruling M4): the target is checked against the four names
/// before anything else, then the stored procedure changes the estado and writes its historial row.
struct ExpedienteEstadoService {
    /// Where expedientes are stored.
    let repository: any ExpedienteRepository

    /// Changes the estado of `noSiniestro` to the body's `estado` (raw input: nil when absent).
    func change(noSiniestro: String, estado input: Input?, caller: MonitorIdentity) throws -> JSONValue {
        guard case .string(let text)? = input, let target = Estado(exactly: text) else {
            throw EstadoRejection.invalidEstado.error
        }
        switch try repository.changeEstado(noSiniestro: noSiniestro, to: target, by: caller.id) {
        case .changed(let row): return row
        case .rejected(let rejection): throw rejection.error
        case .unknownUser: throw ExpedienteService.unknownUser
        }
    }

    /// The estado history of `noSiniestro`, newest first; 404 for an unknown expediente.
    func historial(noSiniestro: String) throws -> JSONValue {
        guard let rows = try repository.historial(noSiniestro: noSiniestro) else { throw ExpedienteService.notFound }
        return .array(rows)
    }
}
