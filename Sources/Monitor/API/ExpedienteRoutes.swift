import HTTPCore
import Logging

/// `/api/expedientes` (monitor.md §4.4, seeds 000/001, rulings M1-M3, M6) and, through `EstadoRoutes`, the
/// estado workflow (§4.5). Handlers only decode and answer; the rules are in `ExpedienteService`.
struct ExpedienteRoutes {
    func register(in router: inout Router<MonitorContext>) {
        router.add(ExpedienteOperations.listExpedientes) { request, context in
            let filtro = try ListQuery.expedienteFiltro(request.query)
            return try Self.guarding("Error al obtener la lista de expedientes", context) {
                .json(try Self.service(context).list(filtro))
            }
        }
        router.add(ExpedienteOperations.listExpedientesPendientes) { _, context in
            try Self.guarding("Error al obtener la lista de expedientes pendientes", context) {
                .json(try Self.service(context).list(.pendientes))
            }
        }
        router.add(ExpedienteOperations.listExpedientesNube) { _, context in
            try Self.guarding("Error al obtener la lista de expedientes en la nube", context) {
                .json(try Self.service(context).list(.nube))
            }
        }
        router.add(ExpedienteOperations.listAseguradoras) { _, context in
            try Self.guarding("Error al obtener la lista de aseguradoras", context) {
                .json(try Self.service(context).aseguradoras())
            }
        }
        router.add(ExpedienteOperations.getExpediente) { request, context in
            try Self.guarding("Error al obtener el expediente", context) {
                .json(try Self.service(context).detail(noSiniestro: request.parameter("no_siniestro")))
            }
        }
        router.add(ExpedienteOperations.createExpediente) { request, context in
            try Self.guarding("Error interno al crear expediente", context) {
                // No body reads as {}: the blank no_siniestro 400 comes first (M11).
                let body = try request.bodyObject(context, required: false)
                let decoder = FieldDecoder(zone: context.environment.zone)
                // M11: no_siniestro (400, then 409) before the other fields.
                let noSiniestro = try body[ExpedienteFields.noSiniestro.name].map { try decoder.decode($0, ExpedienteFields.noSiniestro) }
                let row = try Self.service(context).create(noSiniestro: noSiniestro, fields: { try decoder.decode(body, ExpedienteFields.writable) },
                                                           caller: try context.caller())
                return .json(row, status: 201)
            }
        }
        router.add(ExpedienteOperations.updateExpediente) { request, context in
            try Self.guarding("Error interno al actualizar expediente", context) {
                let body = try request.bodyObject(context)
                let decoder = FieldDecoder(zone: context.environment.zone)
                return .json(try Self.service(context).update(noSiniestro: request.parameter("no_siniestro"),
                                                              fields: { try decoder.decode(body, ExpedienteFields.writable) }))
            }
        }
        router.add(ExpedienteOperations.deleteExpediente) { request, context in
            try Self.guarding("Error interno al eliminar expediente", context) {
                let noSiniestro = request.parameter("no_siniestro")
                // Ruling M8: its cloud copies go too, after the commit (the keys are read before it).
                let copies = context.environment.cloud.map {
                    CloudCopies(cloud: $0, repository: context.persistence.backup,
                                storage: context.environment.evidenceStorage, logger: context.logger)
                }
                let keys = try copies?.keys(of: noSiniestro) ?? []
                try Self.service(context).delete(noSiniestro: noSiniestro, logger: context.logger)
                copies?.remove(keys)
                return .json(.object([("ok", .bool(true)), ("no_siniestro", .string(noSiniestro))]))
            }
        }
        EstadoRoutes().register(in: &router)
    }

    static func service(_ context: MonitorContext) -> ExpedienteService {
        ExpedienteService(repository: context.persistence.expedientes,
                          storage: context.environment.evidenceStorage)
    }

    /// Runs a handler body, answering an unexpected failure with the endpoint's documented 500 message (logged
    /// with its details). Client errors, HTTP errors and a lost database (503) pass through unchanged.
    static func guarding(_ message: String, _ context: MonitorContext, _ body: () throws -> Response) throws -> Response {
        do {
            return try body()
        } catch let error as MonitorError {
            throw error
        } catch let error as HTTPError {
            throw error
        } catch let error as any ClassifiedError where error.errorClass == .serviceUnavailable {
            throw error
        } catch {
            context.logger.error("\(message)", metadata: ["error": "\(String(reflecting: error))"])
            throw MonitorError(status: 500, message)
        }
    }
}
