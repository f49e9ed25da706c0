import HTTPCore

/// What the rules of the person resources (drivers §9.2, requesters §9.3) ask of storage: a Perfil with its
/// Usuario, its contact data and its unique values.
protocol PerfilRepositorio {
    /// Runs `body` in one transaction (T16 retries included), rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T
    /// Whether active row `id` of `tabla` exists; share-locked until the commit.
    func activo(_ tabla: String, id: Int) throws -> Bool
    /// Whether an active row other than `excepto`'s holds `valor` as `clave`.
    func ocupado(_ clave: PerfilClave, _ valor: String, excepto: PerfilActual?) throws -> Bool
    /// The record the API returns, nil when there is no active resource `perfil`.
    func registro(perfil: Int) throws -> JSONValue?
    /// The number of active resources that match `filtros`.
    func contar(_ filtros: [CatalogFilterValue]) throws -> Int
    /// The active resources that match `filtros`, by surname and name; one page when `pagina` is given.
    func listar(_ filtros: [CatalogFilterValue], pagina: Pagination?) throws -> [JSONValue]
}

/// An active person as the rules need it.
struct PerfilActual: Sendable, Equatable {
    /// `Perfil.Id`, the resource's id.
    let perfil: Int
    /// `Usuario.Id`.
    let usuario: Int
    /// Names and surnames, for the delete message.
    let nombreCompleto: String
}

/// A value only one active account, profile or driver may hold.
enum PerfilClave: String, Sendable, CaseIterable {
    case email, dui, imei

    /// The 409 for `valor`.
    func conflicto(_ valor: String) -> TransporteError {
        let message = switch self {
        case .email: "Ya existe un usuario con el correo '\(valor)'"
        case .dui: "Ya existe un perfil con el DUI '\(valor)'"
        case .imei: "Ya existe un motorista con el IMEI '\(valor)'"
        }
        return TransporteError.field(rawValue, message, status: 409)
    }
}

/// A unique value the database refused after the rules' check (a concurrent write won the race).
struct PerfilDuplicado: Error {
    /// Which value, when the index named it.
    let clave: PerfilClave?
}

/// 400 messages of the person fields.
enum PerfilFormato {
    /// A DUI that is not `12345678-9`.
    static let duiInvalido = "El DUI debe tener el formato 12345678-9"
    /// An e-mail that is not one.
    static let emailInvalido = "El campo 'email' no es un correo electrónico válido"

    /// The fields stored in ASCII columns (0002: Perfil.Nit, DetallePerfilMotorista.Imei; the DUI has its format).
    static let ascii = ["nit", "imei"]

    /// 400 for a DUI or an e-mail in the wrong format, or a NIT or IMEI that is not ASCII.
    static func comprobar(_ datos: Validated) throws {
        for key in ascii {
            if let text = datos[key]?.text, !text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 && $0.value < 127 }) {
                throw TransporteError.field(key, "El campo '\(key)' solo admite letras, dígitos y signos ASCII")
            }
        }
        if let dui = datos["dui"]?.text, !esDUI(dui) { throw TransporteError.field("dui", duiInvalido) }
        if let email = datos["email"]?.text, !esEmail(email) { throw TransporteError.field("email", emailInvalido) }
    }

    /// `12345678-9`.
    static func esDUI(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes[8] == UInt8(ascii: "-")
            && bytes.enumerated().allSatisfy { $0.offset == 8 || (48...57).contains($0.element) }
    }

    /// One `@` between a non-empty local part and a domain with a dot inside, no white space (an e-mail can
    /// be a login name).
    static func esEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.unicodeScalars.contains(where: \.properties.isWhitespace) else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }
}

extension PerfilRepositorio {
    /// The record `perfil`, or `noEncontrado`.
    func obtener(_ perfil: Int, noEncontrado: (String) -> TransporteError) throws -> JSONValue {
        guard let registro = try registro(perfil: perfil) else { throw noEncontrado(String(perfil)) }
        return registro
    }

    /// Every active resource that matches (`todos/lista`).
    func todos(_ filtros: [CatalogFilterValue]) throws -> JSONValue {
        .array(try listar(filtros, pagina: nil))
    }

    /// The checks before a person write: formats (400), `referencias` active (400 naming the field), unique
    /// values free (409 naming the field).
    func comprobar(_ datos: Validated, referencias: [CatalogReference], excepto: PerfilActual?) throws {
        try PerfilFormato.comprobar(datos)
        for referencia in referencias {
            guard let id = datos[referencia.key]?.integer else { continue }
            guard try activo(referencia.table, id: id) else { throw TransporteError.field(referencia.key, referencia.message(id)) }
        }
        for clave in PerfilClave.allCases {
            guard let valor = datos[clave.rawValue]?.text else { continue }
            if try ocupado(clave, valor, excepto: excepto) { throw clave.conflicto(valor) }
        }
    }

    /// Runs a write, turning a unique value lost to a concurrent write into the same 409 as the check's.
    @discardableResult
    func guardado<T>(_ datos: Validated, _ write: () throws -> T) throws -> T {
        do {
            return try write()
        } catch let duplicado as PerfilDuplicado {
            let clave = duplicado.clave ?? PerfilClave.allCases.first { datos[$0.rawValue]?.text != nil } ?? .email
            throw clave.conflicto(datos[clave.rawValue]?.text ?? "")
        }
    }
}

/// The value of `key` in a record (null when absent).
func recordMember(_ record: JSONValue, _ key: String) -> JSONValue {
    guard case .object(let members) = record else { return .null }
    return members.first { $0.0 == key }?.1 ?? .null
}
