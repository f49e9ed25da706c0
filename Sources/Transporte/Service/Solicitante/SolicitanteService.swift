import HTTPCore

/// The rules of `/solicitante` (transporte.md §9.3; rulings 2, 5, T12): an internal requester is an existing
/// Perfil given the SOLICITANTE role; an external one is created with a phantom account that cannot log in.
struct SolicitanteService {
    static let naming = CatalogNaming("Solicitante", plural: "solicitantes")
    /// The referenced catalogs.
    static let referencias = [
        CatalogReference(key: "idDepartamento", table: "Departamento") { "El departamento con Id \($0) no existe o está eliminado" },
    ]

    let repository: any SolicitanteRepository

    /// 404 for `id` as the path gave it.
    static func noEncontrado(_ id: String) -> TransporteError { TransporteError(status: 404, naming.notFound(id)) }

    /// The active requester `perfil`, or 404.
    func obtener(_ perfil: Int) throws -> JSONValue { try repository.obtener(perfil, noEncontrado: Self.noEncontrado) }

    /// One page of requesters.
    func listar(_ filtros: [CatalogFilterValue], pagina: Pagination) throws -> JSONValue {
        pagina.json(total: try repository.contar(filtros), registros: try repository.listar(filtros, pagina: pagina))
    }

    /// Gives an existing Perfil the role: 404 when there is no such active Perfil, 409 when it has the role.
    func crearInterno(_ datos: Validated) throws -> JSONValue {
        let perfil = datos["idPerfil"]?.integer ?? 0
        try repository.transaction {
            guard try repository.perfilActivo(perfil) else { throw TransporteError(status: 404, "Perfil con Id \(perfil) no encontrado") }
            if try repository.actual(perfil: perfil, lock: false) != nil {
                throw TransporteError.field("idPerfil", "El perfil con Id \(perfil) ya tiene el rol de solicitante", status: 409)
            }
            try repository.asignarRol(perfil: perfil)
        }
        return try obtener(perfil)
    }

    /// Creates an external requester (phantom account, Perfil, role).
    func crearExterno(_ datos: Validated) throws -> JSONValue {
        let perfil = try repository.transaction {
            try repository.comprobar(datos, referencias: Self.referencias, excepto: nil)
            return try repository.guardado(datos) { try repository.crearExterno(datos) }
        }
        return try obtener(perfil)
    }

    /// Updates the person fields sent (ruling 5).
    func actualizar(_ perfil: Int, _ datos: Validated) throws -> JSONValue {
        try repository.transaction {
            guard let actual = try repository.actual(perfil: perfil, lock: true) else { throw Self.noEncontrado(String(perfil)) }
            guard !datos.isEmpty else { throw CatalogService.nothingToUpdate }
            try repository.comprobar(datos, referencias: Self.referencias, excepto: actual)
            try repository.guardado(datos) { try repository.actualizar(actual, datos) }
            return try obtener(perfil)
        }
    }

    /// Removes the requester (the role; an external one's Perfil and account too); 409 while one of their
    /// solicitudes is in a non-final state.
    func eliminar(_ perfil: Int) throws -> JSONValue {
        try repository.transaction {
            guard let actual = try repository.actual(perfil: perfil, lock: true) else { throw Self.noEncontrado(String(perfil)) }
            if try repository.tieneSolicitudesActivas(perfil: perfil) {
                throw TransporteError(status: 409, Self.naming.inUse("tiene solicitudes activas asociadas"))
            }
            try repository.eliminar(actual, externo: try repository.esExterno(perfil: perfil))
            return .object([("mensaje", .string(Self.naming.deletedRecord(actual.nombreCompleto)))])
        }
    }
}
