import HTTPCore

/// `/api/formatos` (monitor.md §4.10, ruling M13): the EXPEDIENTE, CHECKLIST and LEVANTAMIENTO forms as `.xlsx`
/// downloads, any role. Each call also keeps the file in the expediente's `FORMATOS/` folder.
struct FormatoRoutes {
    /// The media type of an `.xlsx` file.
    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    func register(in router: inout Router<MonitorContext>) {
        router.add(FormatoOperations.expediente) { request, context in try Self.download(.expediente, request, context) }
        router.add(FormatoOperations.checklist) { request, context in try Self.download(.checklist, request, context) }
        router.add(FormatoOperations.levantamiento) { request, context in try Self.download(.levantamiento, request, context) }
    }

    private static func download(_ formato: Formato, _ request: Request, _ context: MonitorContext) throws -> Response {
        let archivo = try service(context).generate(formato, noSiniestro: request.parameter("no_siniestro"))
        var headers = HTTPHeaders()
        headers.add("Content-Type", contentType)
        headers.add("Content-Disposition", FormatoFileNames.contentDisposition(archivo.downloadName))
        headers.add("Cache-Control", "private, no-store")
        return Response(status: 200, headers: headers, body: archivo.bytes)
    }

    static func service(_ context: MonitorContext) -> FormatoService {
        FormatoService(expedientes: context.persistence.expedientes, checklists: context.persistence.checklists,
                       levantamientos: context.persistence.levantamientos,
                       storage: context.environment.evidenceStorage,
                       scratchDirectory: context.environment.bodyLimits.uploadDirectory,
                       zone: context.environment.zone, logger: context.logger)
    }
}
