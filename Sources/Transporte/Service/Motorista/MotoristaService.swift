import AppCore
import HTTPCore

/// The rules of `/motorista` (transporte.md §9.2; rulings 2, 5, T12): create and update check formats,
/// references and uniqueness before writing the four tables in one transaction; delete is refused while
/// active vehicles name the driver as their default one.
struct MotoristaService {
    static let naming = CatalogNaming("Motorista", plural: "motoristas")
    /// 400 for a DUI that is not `12345678-9`.
    static let duiInvalido = "El DUI debe tener el formato 12345678-9"
    /// 400 for an e-mail that is not one.
    static let emailInvalido = "El campo 'email' no es un correo electrónico válido"
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
    func obtener(_ perfil: Int) throws -> JSONValue {
        guard let registro = try repository.registro(perfil: perfil) else { throw Self.noEncontrado(String(perfil)) }
        return registro
    }

    /// One page (`{total, pagina, porPagina, totalPaginas, registros}`).
    func listar(_ filtros: [CatalogFilterValue], pagina: Pagination) throws -> JSONValue {
        let total = try repository.contar(filtros)
        let registros = try repository.listar(filtros, pagina: pagina)
        guard case .object(var members) = pagina.json(total: total, registros: registros) else { return .null }
        members.insert(("totalPaginas", .integer((total + pagina.porPagina - 1) / pagina.porPagina)), at: 3)
        return .object(members)
    }

    /// Every active driver that matches.
    func todos(_ filtros: [CatalogFilterValue]) throws -> JSONValue {
        .array(try repository.listar(filtros, pagina: nil))
    }

    /// Creates the driver; answers `{idPerfil, nombreCompleto, email, dui}` (§9.2).
    func crear(_ datos: Validated) throws -> JSONValue {
        try Self.formatos(datos)
        let hash = try datos["password"]?.text.map { try PasswordHasher.hash($0) }
        let perfil = try repository.transaction {
            try checkReferencias(datos)
            try checkUnicos(datos, excepto: nil)
            return try guardado(datos) { try repository.crear(datos, passwordHash: hash) }
        }
        let registro = try obtener(perfil)
        return .object([("idPerfil", .integer(perfil)), ("nombreCompleto", Self.member(registro, "NombreCompleto")),
                        ("email", Self.member(registro, "Email")), ("dui", Self.member(registro, "Dui"))])
    }

    /// Updates the fields sent (ruling 5); a new e-mail is also the new login name, a new password ends the
    /// driver's older sessions (ruling 9).
    func actualizar(_ perfil: Int, _ datos: Validated) throws -> JSONValue {
        try repository.transaction {
            guard let actual = try repository.actual(perfil: perfil, lock: true) else { throw Self.noEncontrado(String(perfil)) }
            guard !datos.isEmpty else { throw CatalogService.nothingToUpdate }
            try Self.formatos(datos)
            try checkReferencias(datos)
            try checkUnicos(datos, excepto: actual)
            let hash = try datos["password"]?.text.map { try PasswordHasher.hash($0) }
            try guardado(datos) { try repository.actualizar(actual, datos, passwordHash: hash) }
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
            try repository.eliminar(actual)
            return .object([("mensaje", .string(Self.naming.deletedRecord(actual.nombreCompleto)))])
        }
    }

    // MARK: - Rules

    /// The value of `key` in a record (null when absent).
    static func member(_ record: JSONValue, _ key: String) -> JSONValue {
        guard case .object(let members) = record else { return .null }
        return members.first { $0.0 == key }?.1 ?? .null
    }

    /// 400 for a DUI or an e-mail in the wrong format.
    static func formatos(_ datos: Validated) throws {
        if let dui = datos["dui"]?.text, !esDUI(dui) { throw TransporteError.field("dui", duiInvalido) }
        if let email = datos["email"]?.text, !esEmail(email) { throw TransporteError.field("email", emailInvalido) }
    }

    /// `12345678-9`.
    static func esDUI(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes[8] == UInt8(ascii: "-")
            && bytes.enumerated().allSatisfy { $0.offset == 8 || (48...57).contains($0.element) }
    }

    /// One `@` between a non-empty local part and a domain with a dot inside, no white space (it is also the
    /// login name).
    static func esEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.unicodeScalars.contains(where: \.properties.isWhitespace) else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }

    /// 400 naming the field for a referenced catalog row that does not exist or is deleted.
    private func checkReferencias(_ datos: Validated) throws {
        for referencia in Self.referencias {
            guard let id = datos[referencia.key]?.integer else { continue }
            guard try repository.activo(referencia.table, id: id) else {
                throw TransporteError.field(referencia.key, referencia.message(id))
            }
        }
    }

    /// 409 for the first unique value an active row (other than `excepto`'s) holds.
    private func checkUnicos(_ datos: Validated, excepto: MotoristaActual?) throws {
        for clave in MotoristaClave.allCases {
            guard let valor = datos[clave.rawValue]?.text else { continue }
            if try repository.ocupado(clave, valor, excepto: excepto) { throw clave.conflicto(valor) }
        }
    }

    /// Runs a write, turning a unique value lost to a concurrent write into the same 409 as the check's.
    @discardableResult
    private func guardado<T>(_ datos: Validated, _ write: () throws -> T) throws -> T {
        do {
            return try write()
        } catch let duplicado as MotoristaDuplicado {
            let clave = duplicado.clave ?? MotoristaClave.allCases.first { datos[$0.rawValue]?.text != nil } ?? .email
            throw clave.conflicto(datos[clave.rawValue]?.text ?? "")
        }
    }
}
