import AppCore
import HTTPCore
import MariaDB

/// Drivers in MariaDB: Usuario, Perfil, PerfilRol and DetallePerfilMotorista written together; records read
/// from `VistaMotoristaRegistro` (sql/transporte/0011).
struct MariaDBMotoristaRepository: MotoristaRepository, PerfilStoreRepository {
    let store: PerfilStore
    let records: RecordJSON
    let retry: TransactionRetry

    /// The Perfil columns of the person fields, and the detail columns, as `Field.column` names them.
    static let perfilColumns = Set(MotoristaFields.persona.map(\.column))
    static let detalleColumns = Set(MotoristaFields.detalle.map(\.column))
    static let view = "VistaMotoristaRegistro"

    func actual(perfil: Int, lock: Bool) throws -> PerfilActual? {
        try store.actual(perfil: perfil, join: "JOIN DetallePerfilMotorista d ON d.IdPerfil = p.Id AND d.Eliminado = 0", lock: lock)
    }

    func esMotoristaPorDefecto(perfil: Int) throws -> Bool {
        try connection.queryFirst("SELECT 1 FROM Vehiculo WHERE IdMotoristaPorDefecto = \(perfil) AND Eliminado = 0 LIMIT 1") != nil
    }

    func tieneMisionesActivas(perfil: Int) throws -> Bool {
        try connection.queryFirst("SELECT 1 FROM Mision WHERE IdMotoristaAsignado = \(perfil) AND Eliminado = 0 AND Activa = 1 LIMIT 1") != nil
    }

    func crear(_ datos: Validated, passwordHash: String?) throws -> Int {
        try store.unico {
            let email = datos["email"]?.text ?? ""
            let rol = try store.rol("MOTORISTA")
            let usuario = try connection.execute(
                "INSERT INTO Usuario (Username, PasswordHash, Email) VALUES (\(email), \(passwordHash), \(email))").lastInsertID
            let perfil = try store.insert("Perfil", [("IdUsuario", .int(Int64(usuario)))] + store.columns(datos, Self.perfilColumns))
            _ = try connection.execute("INSERT INTO PerfilRol (IdPerfil, IdRol) VALUES (\(perfil), \(rol))")
            _ = try store.insert("DetallePerfilMotorista", [("IdPerfil", .int(Int64(perfil)))] + store.columns(datos, Self.detalleColumns))
            return perfil
        }
    }

    func actualizar(_ actual: PerfilActual, _ datos: Validated, passwordHash: String?) throws {
        try store.unico {
            try store.update("Perfil", store.columns(datos, Self.perfilColumns), where: "Id = ?", actual.perfil)
            try store.update("DetallePerfilMotorista", store.columns(datos, Self.detalleColumns), where: "IdPerfil = ? AND Eliminado = 0",
                             actual.perfil)
            var cuenta: [(String, SQLValue)] = []
            if let email = datos["email"]?.text { cuenta += [("Username", .text(email)), ("Email", .text(email))] }
            if let passwordHash { cuenta.append(("PasswordHash", .text(passwordHash))) }
            try store.update("Usuario", cuenta, where: "Id = ?", actual.usuario)
        }
    }

    func eliminar(_ actual: PerfilActual) throws {
        _ = try connection.execute("UPDATE DetallePerfilMotorista SET Eliminado = 1 WHERE IdPerfil = \(actual.perfil) AND Eliminado = 0")
        try store.eliminarPersona(actual)
    }
}

extension TransportePersistence {
    /// Drivers, rendering records in `zone` (T7).
    func motoristas(zone: ZoneRules) -> any MotoristaRepository {
        MariaDBMotoristaRepository(store: PerfilStore(connection: connection), records: RecordJSON(zone: zone), retry: retry)
    }
}
