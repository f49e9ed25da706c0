import HTTPCore

/// The estado workflow (monitor.md §4.5, ruling M4): `PATCH /api/expedientes/:no_siniestro/estado` (AO) and
/// `GET /api/expedientes/:no_siniestro/estado/historial` (T).
struct EstadoRoutes {
    func register(in router: inout Router<MonitorContext>) {
        router.add(EstadoOperations.changeEstado) { request, context in
            // Internal failures are 500 (M4), not the original's 400, with the original's text.
            try ExpedienteRoutes.guarding("Error interno al cambiar el estado del expediente", context) {
                let body = try request.bodyObject(context, required: false)
                let row = try Self.service(context).change(noSiniestro: request.parameter("no_siniestro"),
                                                           estado: body[ExpedienteFields.estado.name],
                                                           caller: try context.caller())
                return .json(row)
            }
        }
        router.add(EstadoOperations.getHistorialEstado) { request, context in
            try ExpedienteRoutes.guarding("Error al obtener el historial de estados", context) {
                .json(try Self.service(context).historial(noSiniestro: request.parameter("no_siniestro")))
            }
        }
    }

    static func service(_ context: MonitorContext) -> ExpedienteEstadoService {
        ExpedienteEstadoService(repository: context.persistence.expedientes)
    }
}
