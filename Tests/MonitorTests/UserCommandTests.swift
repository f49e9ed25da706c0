import App
import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// `ventanilla user create monitor` at the App level (`UserTasks`), against a real database.
@Suite("Monitor user command")
struct UserCommandTests {
    /// Settings of `module` pointing at the harness's database.
    static func settings(_ h: MonitorHarness, module: ModuleName = .monitor) throws -> ModuleSettings {
        try TestEnvironment.settings(module, database: h.database)
    }

    static let logger = Logger(label: "test.user")

    @Test("Creates the user with a bcrypt hash; Técnico is stored as Tecnico; the user can log in")
    func create() throws {
        let h = try MonitorHarness()
        let summary = try UserTasks.create(try Self.settings(h), username: "primera", nombre: "Primera Admin",
                                           rol: "Administrador", password: "s3creta larga", logger: Self.logger)
        #expect(summary.contains("primera") && summary.contains("Administrador"))
        #expect(!summary.contains("s3creta") && !summary.contains("$2b$"))
        let row = try #require(try h.connection.queryFirst("SELECT id, nombre, rol, password_hash FROM usuario WHERE username = 'primera'"))
        #expect(try row.optionalString("nombre") == "Primera Admin")
        #expect(try row.string("rol") == "Administrador")
        let hash = try row.string("password_hash")
        #expect(hash.hasPrefix("$2b$10$") && PasswordHasher.verify("s3creta larga", hash: hash))
        let login = h.call(.post, "/api/auth/login", json: #"{"username": "primera", "password": "s3creta larga"}"#)
        #expect(login.status == 200)
        #expect(login.json?["usuario"]?["rol"] == .string("Administrador"))

        _ = try UserTasks.create(try Self.settings(h), username: "tec", nombre: nil, rol: "Técnico", password: "x",
                                 logger: Self.logger)
        let tec = try #require(try h.connection.queryFirst("SELECT nombre, rol FROM usuario WHERE username = 'tec'"))
        #expect(try tec.string("rol") == "Tecnico")
        #expect(try tec.optionalString("nombre") == nil)
    }

    @Test("A taken username, a bad role, whitespace are refused with the API's message; nothing is written")
    func refused() throws {
        let h = try MonitorHarness()
        _ = try h.user(.operador, username: "existe")
        let before = try h.count("SELECT COUNT(*) FROM usuario")
        let cases: [(String, String, String)] = [
            ("existe", "Administrador", "El username ya está en uso"),
            ("otro", "Jefe", "Rol inválido. Debe ser: Administrador, Operador, Tecnico"),
            ("con espacio", "Operador", "El usuario no puede contener espacios"),
            (String(repeating: "u", count: 101), "Operador", "El campo 'username' excede la longitud máxima de 100 caracteres"),
            ("", "Operador", "username, password y rol son requeridos"),
        ]
        for (username, rol, message) in cases {
            #expect(throws: UserTasks.Failure.refused(message)) {
                try UserTasks.create(try Self.settings(h), username: username, nombre: nil, rol: rol, password: "x",
                                     logger: Self.logger)
            }
        }
        #expect(throws: UserTasks.Failure.emptyPassword) {
            try UserTasks.create(try Self.settings(h), username: "nuevo", nombre: nil, rol: "Operador", password: "",
                                 logger: Self.logger)
        }
        #expect(try h.count("SELECT COUNT(*) FROM usuario") == before)
        #expect(UserTasks.Failure.refused("El username ya está en uso").description == "user not created: El username ya está en uso")
    }

    @Test("Other modules: not available yet, clearly")
    func otherModules() throws {
        let h = try MonitorHarness()
        for module in [ModuleName.egresos] {
            #expect(throws: UserTasks.Failure.notAvailable(module)) {
                try UserTasks.create(try Self.settings(h, module: module), username: "x", nombre: nil, rol: "ADMIN",
                                     password: "x", logger: Self.logger)
            }
            #expect(UserTasks.Failure.notAvailable(module).description == "user creation is not available for \(module.rawValue) yet")
        }
    }

    @Test("The password is the first line of standard input, without its line ending")
    func passwordLine() {
        #expect(UserTasks.passwordLine { "secreta" } == "secreta")
        #expect(UserTasks.passwordLine { "secreta\r" } == "secreta")
        #expect(UserTasks.passwordLine { " con espacios " } == " con espacios ")
        #expect(UserTasks.passwordLine { "" } == "")
        #expect(UserTasks.passwordLine { nil } == nil)
    }
}
