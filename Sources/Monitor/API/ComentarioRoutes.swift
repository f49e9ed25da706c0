import HTTPCore

/// `/api/comentarios` (monitor.md §4.9): any role writes and reads, deletes need Administrador.
struct ComentarioRoutes {
    func register(in router: inout Router<MonitorContext>) {
        router.add(ComentarioOperations.createComentario) { request, context in
            let fields = try FieldDecoder(zone: context.environment.zone)
                .decode(try request.bodyObject(context, required: false), ComentarioFields.comentario)
            return .json(try Self.service(context).create(fields, caller: try context.caller()), status: 201)
        }
        // One path parameter serves both routes (the router needs one name per position): it is the
        // no_siniestro for GET and the comentario id for DELETE.
        router.add(ComentarioOperations.listComentarios) { request, context in
            .json(try Self.service(context).list(noSiniestro: request.parameter("clave")))
        }
        router.add(ComentarioOperations.deleteComentario) { request, context in
            let id = try RecordID.require(request.parameter("clave"), message: "ID inválido", allowZero: false)
            return .json(try Self.service(context).delete(id: id))
        }
    }

    private static func service(_ context: MonitorContext) -> ComentarioService {
        ComentarioService(repository: context.persistence.comentarios, zone: context.environment.zone,
                          clock: context.environment.clock)
    }
}
