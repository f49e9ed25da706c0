import AppCore
import Logging
import MariaDB
import Monitor
import Transporte

/// The user commands of the CLI (`ventanilla user create <module>`): the first administrator of a deployment,
/// created over one connection with the module's settings and the module's own rules.
public enum UserTasks {
    /// Why a user was not created; `description` is the line the operator reads.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The module has no user administration from the command line yet.
        case notAvailable(ModuleName)
        /// The password read from standard input is empty.
        case emptyPassword
        /// The module refused the user (taken username, bad role, whitespace ...), with its message.
        case refused(String)

        /// The line the operator reads.
        public var description: String {
            switch self {
            case .notAvailable(let module): "user creation is not available for \(module.rawValue) yet"
            case .emptyPassword: "the password (first line of standard input) is empty"
            case .refused(let message): "user not created: \(message)"
            }
        }
    }

    /// Creates a user of `settings.module`; returns a summary for the operator (never the password or its hash).
    public static func create(_ settings: ModuleSettings, username: String, nombre: String?, rol: String,
                              password: String, email: String? = nil, logger: Logger) throws -> String {
        guard settings.module != .egresos else { throw Failure.notAvailable(settings.module) }
        guard !password.isEmpty else { throw Failure.emptyPassword }
        if settings.module == .transporte {
            return try withConnection(settings, logger: logger) { connection in
                let created: TransporteUserAdministration.Created
                do {
                    created = try TransporteUserAdministration.create(username: username, nombre: nombre ?? "", email: email,
                                                                      rol: rol, password: password, on: connection)
                } catch let error as TransporteError where error.status < 500 {
                    throw Failure.refused(error.errors.first?.message ?? error.message)
                }
                return "created transporte user \(username) (id \(created.usuarioID), perfil \(created.perfilID), rol \(created.rol))"
            }
        }
        return try withConnection(settings, logger: logger) { connection in
            let usuario: Usuario
            do {
                usuario = try MonitorUserAdministration.create(username: username, nombre: nombre, rol: rol, password: password,
                                                               on: connection, logger: logger)
            } catch let error as MonitorError where error.status < 500 {
                throw Failure.refused(error.message)
            }
            return "created monitor user \(usuario.username) (id \(usuario.id), rol \(usuario.rol.rawValue))"
        }
    }

    private static func withConnection<T>(_ settings: ModuleSettings, logger: Logger,
                                          _ body: (MariaDBConnection) throws -> T) throws -> T {
        // No MariaDBLibrary.shutdown(): the command exits right after, and a caller in a process with other
        // connections (the tests) must not lose the client library under them.
        MariaDBLibrary.initialize()
        let connection = MariaDBConnection(configuration: settings.database.mariaDBConfiguration, logger: logger)
        defer { connection.close() }
        try connection.connect()
        return try body(connection)
    }

    /// The password from standard input as `ventanilla user create` reads it: the first line, without its line
    /// ending (`\n` or `\r\n`); nil at end of input.
    public static func passwordLine(_ readLine: () -> String?) -> String? {
        guard var line = readLine() else { return nil }
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }
}
