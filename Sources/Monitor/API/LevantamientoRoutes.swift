import HTTPCore

/// `/api/levantamientos` (monitor.md §4.7): any role reads and writes, deletes need Administrador. A key no
/// field declares is a 400 naming it (ruling 1, §9); only `conceptos` on PUT is ignored, as §4.7 says.
struct LevantamientoRoutes {
    func register(in router: inout Router<MonitorContext>) {
        router.add(LevantamientoOperations.createLevantamiento) { request, context in
            let body = try request.bodyObject(context)
            let decoder = FieldDecoder(zone: context.environment.zone)
            let fields = try decoder.decode(body, LevantamientoFields.levantamiento,
                                            unknownKeys: .refused(alsoAllowed: [LevantamientoFields.conceptosKey]))
            let conceptos = try decoder.decodeList(body[LevantamientoFields.conceptosKey], key: LevantamientoFields.conceptosKey,
                                                   LevantamientoFields.concepto, unknownKeys: .refused())
            return .json(try Self.service(context).create(fields, conceptos: conceptos), status: 201)
        }
        router.add(LevantamientoOperations.listLevantamientos) { request, context in
            let filter = request.query["no_siniestro"].flatMap { $0.isEmpty ? nil : $0 }
            return .json(try Self.service(context).list(noSiniestro: filter, page: try ListQuery.page(request.query)))
        }
        router.add(LevantamientoOperations.getLevantamientoBySiniestro) { request, context in
            .json(try Self.service(context).latest(noSiniestro: request.parameter("no_siniestro")))
        }
        router.add(LevantamientoOperations.getLevantamientoCostoTotal) { request, context in
            .json(try Self.service(context).total(id: try Self.id(request)))
        }
        router.add(LevantamientoOperations.getLevantamiento) { request, context in
            .json(try Self.service(context).detailWithExpediente(id: try Self.id(request)))
        }
        router.add(LevantamientoOperations.updateLevantamiento) { request, context in
            let id = try Self.id(request)
            let fields = try FieldDecoder(zone: context.environment.zone)
                .decode(try request.bodyObject(context), LevantamientoFields.levantamiento,
                        unknownKeys: .refused(alsoAllowed: [LevantamientoFields.conceptosKey]))
            return .json(try Self.service(context).update(id: id, fields))
        }
        router.add(LevantamientoOperations.createConcepto) { request, context in
            let id = try Self.id(request)
            let fields = try FieldDecoder(zone: context.environment.zone)
                .decode(try request.bodyObject(context), LevantamientoFields.concepto, unknownKeys: .refused())
            return .json(try Self.service(context).addConcepto(id: id, fields), status: 201)
        }
        router.add(LevantamientoOperations.deleteConcepto) { request, context in
            let id = try RecordID.require(request.parameter("id_concepto"), message: "id_concepto inválido")
            return .json(try Self.service(context).deleteConcepto(id: id))
        }
        router.add(LevantamientoOperations.deleteLevantamiento) { request, context in
            .json(try Self.service(context).delete(id: try Self.id(request)))
        }
    }

    private static func service(_ context: MonitorContext) -> LevantamientoService {
        LevantamientoService(repository: context.persistence.levantamientos)
    }

    /// The `:id` of the path, or 400 `id inválido` (0 and negatives pass and simply 404, as in the original).
    private static func id(_ request: Request) throws -> Int {
        try RecordID.require(request.parameter("id"), message: "id inválido")
    }
}
