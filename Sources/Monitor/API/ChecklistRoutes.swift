import HTTPCore

/// `/api/checklist` (monitor.md §4.8): any role reads and writes, deletes need Administrador. A key no field
/// declares is a 400 naming it (ruling 1, §9) in a checklist, an item and the bulk body; each bulk item keeps only
/// `sistema`, `nombre_item` and `valor`, other keys ignored, as §9 says.
struct ChecklistRoutes {
    func register(in router: inout Router<MonitorContext>) {
        router.add(ChecklistOperations.createChecklist) { request, context in
            let fields = try Self.decoder(context).decode(try request.bodyObject(context), ChecklistFields.checklist, unknownKeys: .refused())
            return .json(try Self.service(context).create(fields), status: 201)
        }
        router.add(ChecklistOperations.listChecklists) { request, context in
            .json(try Self.service(context).list(page: try ListQuery.page(request.query)))
        }
        router.add(ChecklistOperations.getChecklistBySiniestro) { request, context in
            .json(try Self.service(context).latest(noSiniestro: request.parameter("no_siniestro")))
        }
        router.add(ChecklistOperations.getChecklist) { request, context in
            .json(try Self.service(context).checklist(id: try Self.id(request, "id")))
        }
        router.add(ChecklistOperations.updateChecklist) { request, context in
            let id = try Self.id(request, "id")
            let fields = try Self.decoder(context).decode(try request.bodyObject(context), ChecklistFields.checklist, unknownKeys: .refused())
            return .json(try Self.service(context).update(id: id, fields))
        }
        router.add(ChecklistOperations.createChecklistItem) { request, context in
            let id = try Self.id(request, "id")
            let fields = try Self.decoder(context).decode(try request.bodyObject(context), ChecklistFields.item, unknownKeys: .refused())
            return .json(try Self.service(context).addItem(checklist: id, fields), status: 201)
        }
        router.add(ChecklistOperations.replaceChecklistItems) { request, context in
            let id = try Self.id(request, "id")
            let body = try request.bodyObject(context)
            try FieldDecoder.refuseUnknown(body, [], alsoAllowed: [ChecklistFields.itemsKey], prefix: "")
            let items = try Self.decoder(context).decodeList(body[ChecklistFields.itemsKey], key: ChecklistFields.itemsKey, ChecklistFields.item)
            return .json(try Self.service(context).replaceItems(checklist: id, items))
        }
        router.add(ChecklistOperations.deleteChecklistItem) { request, context in
            .json(try Self.service(context).deleteItem(id: try Self.id(request, "id_item")))
        }
        router.add(ChecklistOperations.deleteChecklist) { request, context in
            .json(try Self.service(context).delete(id: try Self.id(request, "id")))
        }
    }

    private static func service(_ context: MonitorContext) -> ChecklistService {
        ChecklistService(repository: context.persistence.checklists)
    }

    private static func decoder(_ context: MonitorContext) -> FieldDecoder {
        FieldDecoder(zone: context.environment.zone)
    }

    /// A path id, or 400 `ID inválido` when it is not a number or is 0 (as the original's `Number(param)` check).
    private static func id(_ request: Request, _ name: String) throws -> Int {
        try RecordID.require(request.parameter(name), message: "ID inválido", allowZero: false)
    }
}
