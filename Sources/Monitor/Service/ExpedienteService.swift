import AppCore
import HTTPCore
import Logging

/// The rules of the expediente endpoints (monitor.md §4.4, rulings M1, M2, M6): what is required, what each
/// storage outcome means to the client, and the evidence files that go with a deleted expediente.
struct ExpedienteService {
    /// Where expedientes are stored.
    let repository: any ExpedienteRepository
    /// Where their evidence files are.
    let storage: EvidenceStorage

    /// 400 for a missing or blank `no_siniestro` on create (M1).
    static let noSiniestroRequired = MonitorError(status: 400, "El No. Siniestro es obligatorio")
    /// 409 for a taken `no_siniestro` (M1).
    static let duplicate = MonitorError(status: 409, "Ya existe un expediente con ese No. Siniestro")
    /// 404 for an unknown `no_siniestro`.
    static let notFound = MonitorError(status: 404, "Expediente no encontrado")
    /// 400 for an `id_aseguradora` that names no aseguradora (ruling 1: a client mistake names the field).
    static let unknownAseguradora = MonitorError(status: 400, "El campo 'id_aseguradora' no corresponde a una aseguradora existente")
    /// 401 when the caller's user was deleted after its token was issued (the token no longer stands for anyone).
    static let unknownUser = MonitorError(status: 401, "Token inválido o expirado")

    /// The list items of `listado`.
    func list(_ listado: ExpedienteListado) throws -> EncodedJSON {
        try repository.summaries(listado)
    }

    /// The items of `GET /api/expedientes` that pass `filtro`; exactly `list(.todos)` when it asks for nothing.
    func list(_ filtro: ExpedienteFiltro) throws -> EncodedJSON {
        filtro.isEmpty ? try list(.todos) : try repository.summaries(filtro)
    }

    /// The aseguradoras, by nombre.
    func aseguradoras() throws -> JSONValue {
        .array(try repository.aseguradoras())
    }

    /// The expediente with its relations, or 404.
    func detail(noSiniestro: String) throws -> EncodedJSON {
        guard let detail = try repository.detailJSON(noSiniestro: noSiniestro) else { throw Self.notFound }
        return detail
    }

    /// Creates an expediente (M1): `noSiniestro` is the decoded body value (nil when absent), trimmed and
    /// required; `creado_por` is the caller. Checked in the order of M11: the blank `no_siniestro` (400), a taken
    /// one (409), and only then the other fields (`fields` decodes them).
    func create(noSiniestro: FieldValue?, fields: () throws -> DecodedFields, caller: MonitorIdentity) throws -> JSONValue {
        guard case .text(let raw)? = noSiniestro else { throw Self.noSiniestroRequired }
        let key = raw.trimmingWhitespace
        guard !key.isEmpty else { throw Self.noSiniestroRequired }
        guard try !repository.exists(noSiniestro: key) else { throw Self.duplicate }
        return try answer(repository.insert(noSiniestro: key, fields: try fields(), creadoPor: caller.id))
    }

    /// Updates the fields sent (M2). Checked in the order of M11: an unknown expediente (404) before the fields
    /// (`fields` decodes them).
    func update(noSiniestro: String, fields: () throws -> DecodedFields) throws -> JSONValue {
        guard try repository.exists(noSiniestro: noSiniestro) else { throw Self.notFound }
        return try answer(repository.update(noSiniestro: noSiniestro, fields: try fields()))
    }

    /// Deletes the expediente (its children cascade, M6), then, after the commit, its evidence folder (best
    /// effort: a file left behind is logged, the deletion stands).
    func delete(noSiniestro: String, logger: Logger) throws {
        guard try repository.delete(noSiniestro: noSiniestro) else { throw Self.notFound }
        if !storage.removeAll(for: noSiniestro) {
            logger.error("No se pudo eliminar la carpeta de evidencias del expediente",
                         metadata: ["no_siniestro": "\(noSiniestro)", "carpeta": "\(storage.folderKey(for: noSiniestro))"])
        }
    }

    private func answer(_ write: ExpedienteWrite) throws -> JSONValue {
        switch write {
        case .row(let row): return row
        case .notFound: throw Self.notFound
        case .duplicate: throw Self.duplicate
        case .unknownAseguradora: throw Self.unknownAseguradora
        case .unknownUser: throw Self.unknownUser
        }
    }
}
