import AppCore
import HTTPCore
import MariaDB

/// Requesters in MariaDB: Perfil + PerfilRol(SOLICITANTE), external ones with a phantom Usuario; records read
/// from `VistaSolicitanteRegistro` (sql/transporte/0012).
struct MariaDBSolicitanteRepository: SolicitanteRepository, PerfilStoreRepository {
    let store: PerfilStore
    let records: RecordJSON
    let retry: TransactionRetry

    static let perfilColumns = Set(SolicitanteFields.externo.map(\.column))
    static let view = "VistaSolicitanteRegistro"
    /// How a requester's Perfil is joined to its active role.
    static let rol = """
        JOIN PerfilRol pr ON pr.IdPerfil = p.Id AND pr.Eliminado = 0 JOIN Rol r ON r.Id = pr.IdRol AND r.Codigo = 'SOLICITANTE'
        """

    func actual(perfil: Int, lock: Bool) throws -> PerfilActual? {
        try store.actual(perfil: perfil, join: Self.rol, lock: lock)
    }

    func esExterno(perfil: Int) throws -> Bool {
        try connection.queryFirst("SELECT 1 FROM VistaSolicitanteRegistro WHERE IdPerfil = \(perfil) AND Tipo = 'EXTERNO'") != nil
    }

    func perfilActivo(_ perfil: Int) throws -> Bool {
        try connection.queryFirst("SELECT Id FROM Perfil WHERE Id = \(perfil) AND Eliminado = 0 FOR UPDATE") != nil
    }

    func tieneSolicitudesActivas(perfil: Int) throws -> Bool {
        try connection.queryFirst("""
            SELECT 1 FROM Solicitud s JOIN EstadoSolicitud e ON e.Id = s.IdEstadoActual
             WHERE s.IdUsuarioSolicitante = \(perfil) AND s.Eliminado = 0 AND e.EsEstadoFinal = 0 LIMIT 1
            """) != nil
    }

    func asignarRol(perfil: Int) throws {
        _ = try connection.execute("INSERT INTO PerfilRol (IdPerfil, IdRol) VALUES (\(perfil), \(try store.rol("SOLICITANTE")))")
    }

    func crearExterno(_ datos: Validated) throws -> Int {
        try store.unico(username: .dui) {
            let username = "externo-" + (datos["dui"]?.text ?? "")
            let usuario = try connection.execute(
                "INSERT INTO Usuario (Username, PasswordHash, Email, Activo) VALUES (\(username), NULL, NULL, 0)").lastInsertID
            let perfil = try store.insert("Perfil", [("IdUsuario", .int(Int64(usuario)))] + store.columns(datos, Self.perfilColumns))
            try asignarRol(perfil: perfil)
            return perfil
        }
    }

    func actualizar(_ actual: PerfilActual, _ datos: Validated) throws {
        try store.unico {
            try store.update("Perfil", store.columns(datos, Self.perfilColumns), where: "Id = ?", actual.perfil)
        }
    }

    func eliminar(_ actual: PerfilActual, externo: Bool) throws {
        _ = try connection.execute("""
            UPDATE PerfilRol pr JOIN Rol r ON r.Id = pr.IdRol AND r.Codigo = 'SOLICITANTE'
               SET pr.Eliminado = 1 WHERE pr.IdPerfil = \(actual.perfil) AND pr.Eliminado = 0
            """)
        guard externo else { return }
        try store.eliminarPersona(actual)
    }
}

extension TransportePersistence {
    /// Requesters, rendering records in `zone` (T7).
    func solicitantes(zone: ZoneRules) -> any SolicitanteRepository {
        MariaDBSolicitanteRepository(store: PerfilStore(connection: connection), records: RecordJSON(zone: zone), retry: retry)
    }
}
