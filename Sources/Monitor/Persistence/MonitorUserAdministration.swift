import AppCore
import HTTPCore
import Logging
import MariaDB

/// User administration outside HTTP, for the CLI (`ventanilla user create monitor`): the same fields, checks and
/// messages as `POST /api/auth/register`.
public enum MonitorUserAdministration {
    /// Creates a user over `connection`; throws `MonitorError` with the API's message when the input is refused
    /// (a taken username: `El username ya está en uso`).
    public static func create(username: String, nombre: String?, rol: String, password: String,
                              on connection: MariaDBConnection,
                              logger: Logger = Logger(label: "ventanilla.monitor.users")) throws -> Usuario {
        let object = InputObject([("username", .string(username)), ("password", .string(password)),
                                  ("rol", .string(rol)), ("nombre", nombre.map(Input.string) ?? .null)])
        // No field of a user is a date, so the zone does not matter.
        let decoder = FieldDecoder(zone: ZoneRules(identifier: "UTC")!)
        let draft = try AuthRoutes.registration(from: object, decoder: decoder)
        return try UsuarioService(repository: MariaDBUsuarioRepository(connection: connection), logger: logger)
            .register(draft)
    }
}
