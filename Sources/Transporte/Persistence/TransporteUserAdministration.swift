import AppCore
import HTTPCore
import Logging
import MariaDB

/// User administration outside HTTP, for the CLI (`ventanilla user create transporte`): the first ADMIN of a
/// deployment, or any login user. Creates the Usuario, its one Perfil (T8) and its role (T5) in one transaction.
public enum TransporteUserAdministration {
    /// What was created.
    public struct Created: Sendable, Equatable {
        /// `Usuario.Id`.
        public let usuarioID: Int
        /// `Perfil.Id`.
        public let perfilID: Int
        /// The role code.
        public let rol: String
    }

    static let fields = [
        Field("username", .text(minLength: 1, maxLength: 100), required: true),
        Field("password", .text(minLength: 1, maxLength: 1_000), required: true),
        Field("rol", .code(maxLength: 50), required: true),
        Field("nombre", .text(minLength: 3, maxLength: 201), required: true),
        Field("email", .text(minLength: 3, maxLength: 250)),
    ]

    /// Creates a user over `connection`; throws `TransporteError` (4xx) with a clear message when refused:
    /// a taken username or e-mail, an unknown role, a name without surname, whitespace in the username.
    public static func create(username: String, nombre: String, email: String?, rol: String, password: String,
                              on connection: MariaDBConnection) throws -> Created {
        var decoder = FieldDecoder()
        let input = InputObject([("username", .string(username)), ("password", .string(password)), ("rol", .string(rol)),
                                 ("nombre", .string(nombre)), ("email", email.map(Input.string) ?? .null)])
        let values = decoder.decode(input, fields)
        try decoder.finish()
        let login = values["username"]?.text ?? ""
        let code = values["rol"]?.text ?? ""
        let mail = values["email"]?.text
        guard !login.unicodeScalars.contains(where: \.properties.isWhitespace) else {
            throw TransporteError.field("username", "El nombre de usuario no puede contener espacios")
        }
        let words = (values["nombre"]?.text ?? "").split(separator: " ").map(String.init)
        guard words.count >= 2, words.allSatisfy({ $0.unicodeScalars.count <= 100 }) else {
            throw TransporteError.field("nombre", "El nombre debe tener nombre y apellido")
        }
        if let mail, !(mail.contains("@") && !mail.hasPrefix("@") && !mail.hasSuffix("@")) {
            throw TransporteError.field("email", "El campo 'email' no es un correo electrónico válido")
        }
        let hash = try PasswordHasher.hash(values["password"]?.text ?? "")
        return try connection.transaction {
            guard let role = try connection.queryFirst("SELECT Id FROM Rol WHERE CodigoActivo = \(code)") else {
                throw TransporteError.field("rol", "El rol '\(code)' no existe o está eliminado")
            }
            if try connection.queryFirst("SELECT 1 FROM Usuario WHERE UsernameActivo = \(login)") != nil {
                throw TransporteError.field("username", "El nombre de usuario '\(login)' ya está en uso", status: 409)
            }
            if let mail, try connection.queryFirst("""
                SELECT 1 FROM Usuario WHERE EmailActivo = \(mail) UNION ALL SELECT 1 FROM Perfil WHERE EmailActivo = \(mail)
                """) != nil {
                throw TransporteError.field("email", "El correo '\(mail)' ya está en uso", status: 409)
            }
            let usuario = try connection.execute(
                "INSERT INTO Usuario (Username, PasswordHash, Email) VALUES (\(login), \(hash), \(mail))").lastInsertID
            let perfil = try connection.execute("""
                INSERT INTO Perfil (IdUsuario, Nombre1, Apellido1, Email)
                VALUES (\(usuario), \(words[0]), \(words.dropFirst().joined(separator: " ")), \(mail))
                """).lastInsertID
            _ = try connection.execute("INSERT INTO PerfilRol (IdPerfil, IdRol) VALUES (\(perfil), \(try role.int("Id")))")
            return Created(usuarioID: usuario, perfilID: perfil, rol: code)
        }
    }
}
