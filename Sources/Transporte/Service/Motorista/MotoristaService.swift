import AppCore
import HTTPCore

/// The rules of `/motorista` (transporte.md §9.2; rulings 2, 5, T12): create and update check formats,
/// references and uniqueness before writing the four tables in one transaction; delete is refused while
/// active vehicles name the driver as their default one.
struct MotoristaService {
    static let naming = CatalogNaming("Motorista", plural: "motoristas")
    /// The referenced catalogs.
    static let referencias = [
        CatalogReference(key: "idDepartamentoAsignado", table: "Departamento") { "El departamento con Id \($0) no existe o está eliminado" },
        CatalogReference(key: "idTipoLicencia", table: "TipoLicencia") { "El tipo de licencia con Id \($0) no existe o está eliminado" },
        CatalogReference(key: "idTipoDisponibilidad", table: "TipoDisponibilidad") {
            "El tipo de disponibilidad con Id \($0) no existe o está eliminado"
        },
    ]

    let repository: any MotoristaRepository

    /// 404 for `id` as the path gave it.
    static func noEncontrado(_ id: String) -> TransporteError { TransporteError(status: 404, naming.notFound(id)) }

    /// The active driver `perfil`, or 404.
    func obtener(_ perfil: Int) throws -> JSONValue { try repository.obtener(perfil, noEncontrado: Self.noEncontrado) }

    /// One page (`{total, pagina, porPagina, totalPaginas, registros}`).
    func listar(_ filtros: [CatalogFilterValue], pagina: Pagination) throws -> JSONValue {
        let total = try repository.contar(filtros)
        let registros = try repository.listar(filtros, pagina: pagina)
        guard case .object(var members) = pagina.json(total: total, registros: registros) else { return .null }
        members.insert(("totalPaginas", .integer((total + pagina.porPagina - 1) / pagina.porPagina)), at: 3)
        return .object(members)
    }

    /// Creates the driver; answers `{idPerfil, nombreCompleto, email, dui}` (§9.2).
    func crear(_ datos: Validated) throws -> JSONValue {
        try PerfilFormato.comprobar(datos)
        let hash = try datos["password"]?.text.map { try PasswordHasher.hash($0) }
        let perfil = try repository.transaction {
            try repository.comprobar(datos, referencias: Self.referencias, excepto: nil)
            return try repository.guardado(datos) { try repository.crear(datos, passwordHash: hash) }
        }
        let registro = try obtener(perfil)
        return .object([("idPerfil", .integer(perfil)), ("nombreCompleto", recordMember(registro, "NombreCompleto")),
                        ("email", recordMember(registro, "Email")), ("dui", recordMember(registro, "Dui"))])
    }

    /// Updates the fields sent (ruling 5); a new e-mail is also the new login name, a new password ends the
    /// driver's older sessions (ruling 9).
    func actualizar(_ perfil: Int, _ datos: Validated) throws -> JSONValue {
        try repository.transaction {
            guard let actual = try repository.actual(perfil: perfil, lock: true) else { throw Self.noEncontrado(String(perfil)) }
            guard !datos.isEmpty else { throw CatalogService.nothingToUpdate }
            try repository.comprobar(datos, referencias: Self.referencias, excepto: actual)
            let hash = try datos["password"]?.text.map { try PasswordHasher.hash($0) }
            try repository.guardado(datos) { try repository.actualizar(actual, datos, passwordHash: hash) }
            return try obtener(perfil)
        }
    }

    /// Soft-deletes the driver (details, roles, profile and account); 409 while an active vehicle has it as
    /// its default driver.
    func eliminar(_ perfil: Int) throws -> JSONValue {
        try repository.transaction {
            guard let actual = try repository.actual(perfil: perfil, lock: true) else { throw Self.noEncontrado(String(perfil)) }
            if try repository.esMotoristaPorDefecto(perfil: perfil) {
                throw TransporteError(status: 409, Self.naming.inUse("es el motorista por defecto de vehículos activos"))
            }
            if try repository.tieneMisionesActivas(perfil: perfil) {
                throw TransporteError(status: 409, Self.naming.inUse("tiene misiones activas asignadas"))
            }
            try repository.eliminar(actual)
            return .object([("mensaje", .string(Self.naming.deletedRecord(actual.nombreCompleto)))])
        }
    }
}
