import HTTPCore

/// `/api/expedientes/:no_siniestro/evidencias` (monitor.md §4.6): upload (AO), list (T), delete one (A), and the
/// "cancel creation" folder removal (AO). The cloud backup route (`…/respaldar`) is `BackupRoutes`'.
struct EvidenciaRoutes {
    func register(in router: inout Router<MonitorContext>) {
        router.add(EvidenciaOperations.uploadEvidencia) { request, context in
            let input = try request.input(limits: context.environment.bodyLimits)
            let file = try Self.archivo(in: input)
            let row = try Self.service(context).upload(noSiniestro: request.parameter("no_siniestro"), file: file,
                                                       tipo: input[EvidenciaFields.tipoKey]?.stringValue, caller: try context.caller())
            return .json(row, status: 201)
        }
        router.add(EvidenciaOperations.listEvidencias) { request, context in
            .json(try Self.service(context).list(noSiniestro: request.parameter("no_siniestro")))
        }
        router.add(EvidenciaOperations.deleteEvidenciasFolder) { request, context in
            .json(try Self.service(context).cancel(noSiniestro: request.parameter("no_siniestro"), caller: try context.caller()))
        }
        router.add(EvidenciaOperations.deleteEvidencia) { request, context in
            let id = try RecordID.require(request.parameter("id"), message: "ID inválido")
            return .json(try Self.service(context).delete(id: id))
        }
    }

    private static func service(_ context: MonitorContext) -> EvidenciaService {
        EvidenciaService(repository: context.persistence.evidencias,
                         storage: context.environment.evidenceStorage, logger: context.logger,
                         cloud: context.environment.cloud, clock: context.environment.clock)
    }

    /// The one file of field `archivo`. No file at all, a file under another field name or several files are 400s
    /// (the original's multer answered the last two with an HTML 500).
    static func archivo(in input: Input) throws -> UploadedFile {
        switch input[EvidenciaFields.archivoKey] {
        case .file(let file)?:
            return file
        case .array(let elements)? where elements.contains(where: containsFile):
            throw MonitorError(status: 400, "Solo se admite un archivo en el campo 'archivo'")
        default:
            if containsFile(input) {
                throw MonitorError(status: 400, "El archivo debe enviarse en el campo 'archivo'")
            }
            throw MonitorError(status: 400, "No se recibió ningún archivo")
        }
    }

    /// Whether a file part is anywhere in `input`.
    private static func containsFile(_ input: Input) -> Bool {
        switch input {
        case .file: return true
        case .array(let elements): return elements.contains(where: containsFile)
        case .object(let object): return object.members.contains { containsFile($0.value) }
        case .null, .bool, .number, .string: return false
        }
    }
}
