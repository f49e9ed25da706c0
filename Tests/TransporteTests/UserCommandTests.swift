import App
import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// `ventanilla user create transporte` at the App level (`UserTasks`), against a real database.
@Suite("Transporte user command", .serialized)
struct UserCommandTests {
    static func settings(_ h: TransporteHarness) throws -> ModuleSettings {
        try TestEnvironment.settings(.transporte, database: h.database)
    }

    static let logger = Logger(label: "test.user")

    @Test("Creates Usuario, Perfil and role in one go; the user logs in with the role and the Perfil")
    func create() throws {
        let h = try TransporteHarness()
        let summary = try UserTasks.create(try Self.settings(h), username: "jefa", nombre: "Ana María Pérez",
                                           rol: "aprobador", password: "s3creta larga", email: "ana@example.gob.sv",
                                           logger: Self.logger)
        #expect(summary.contains("jefa") && summary.contains("APROBADOR") && !summary.contains("s3creta"))
        let login = h.call(.post, "/auth/login", json: #"{"username":"jefa","password":"s3creta larga"}"#)
        #expect(login.status == 200)
        let usuario = try #require(login.data?["usuario"])
        #expect(usuario["Nombre"]?.stringValue == "Ana María Pérez")  // first word and the rest: what was typed
        #expect(usuario["Email"]?.stringValue == "ana@example.gob.sv")
        #expect(usuario["Roles"]?.arrayValue?.compactMap { $0.stringValue } == ["APROBADOR"])
        let row = try #require(try h.connection.queryFirst(
            "SELECT p.Nombre1, p.Apellido1, u.PasswordHash FROM Usuario u JOIN Perfil p ON p.IdUsuario = u.Id WHERE u.Username = 'jefa'"))
        #expect(try row.string("Nombre1") == "Ana" && row.string("Apellido1") == "María Pérez")
        #expect(try row.string("PasswordHash").hasPrefix("$2b$10$"))
    }

    @Test("Taken username or e-mail, unknown role, no surname, whitespace: refused, nothing written")
    func refused() throws {
        let h = try TransporteHarness()
        let before = try h.count("SELECT COUNT(*) FROM Usuario") + h.count("SELECT COUNT(*) FROM Perfil")
        let cases: [(String, String, String?, String, String)] = [
            ("admin", "Otro Admin", nil, "ADMIN", "El nombre de usuario 'admin' ya está en uso"),
            ("nuevo", "Nuevo Usuario", "aprobador1@transporte.local", "ADMIN", "El correo 'aprobador1@transporte.local' ya está en uso"),
            ("nuevo", "Nuevo Usuario", nil, "JEFE", "El rol 'JEFE' no existe o está eliminado"),
            ("nuevo", "Nuevo", nil, "ADMIN", "El nombre debe tener nombre y apellido"),
            ("con espacio", "Nuevo Usuario", nil, "ADMIN", "El nombre de usuario no puede contener espacios"),
            ("nuevo", "Nuevo Usuario", "sin-arroba", "ADMIN", "El campo 'email' no es un correo electrónico válido"),
        ]
        for (username, nombre, email, rol, message) in cases {
            #expect(throws: UserTasks.Failure.refused(message)) {
                try UserTasks.create(try Self.settings(h), username: username, nombre: nombre, rol: rol, password: "x",
                                     email: email, logger: Self.logger)
            }
        }
        #expect(try h.count("SELECT COUNT(*) FROM Usuario") + h.count("SELECT COUNT(*) FROM Perfil") == before)
    }
}
