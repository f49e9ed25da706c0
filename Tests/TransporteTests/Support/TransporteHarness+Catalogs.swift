import HTTPCore
import MariaDB
import TestSupport
@testable import Transporte

extension TransporteHarness {
    /// A harness whose database also holds the rows `catalog`'s samples refer to by Id 1: for vehicles a class,
    /// a state, a fuel type and a driver (Perfil 1), which the development seed does not have.
    convenience init(for catalog: CatalogDefinition, extra: [String: String] = [:]) throws {
        try self.init(extra: extra)
        guard catalog.prefix == Flota.vehiculo.prefix else { return }
        for table in ["ClaseVehiculo", "TipoCombustible", "TipoLicencia"] {
            _ = try connection.execute(SQLQuery(unsafeSQL: "INSERT INTO \(table) (Id, Codigo, Nombre) VALUES (1, 'FLOTA', 'Flota')"))
        }
        _ = try connection.execute("INSERT INTO EstadoVehiculo (Id, Codigo, Nombre, PermiteAsignacion) VALUES (1, 'ACTIVO', 'Activo', 1)")
        try insertMotorista(perfil: 1, licencia: 1, disponibilidad: nil)
    }

    /// Active rows of `catalog`'s table.
    func activeCount(_ catalog: CatalogDefinition) throws -> Int {
        try count(SQLQuery(unsafeSQL: "SELECT COUNT(*) FROM \(catalog.table) WHERE Eliminado = 0"))
    }

    /// All rows of `catalog`'s table, deleted ones included.
    func rowCount(_ catalog: CatalogDefinition) throws -> Int {
        try count(SQLQuery(unsafeSQL: "SELECT COUNT(*) FROM \(catalog.table)"))
    }

    /// The table's rows as text, to show that a refused request wrote nothing (not even an audit column).
    func snapshot(_ catalog: CatalogDefinition) throws -> [String] {
        try connection.query(SQLQuery(unsafeSQL: "SELECT * FROM \(catalog.table) ORDER BY Id")).map { "\($0.values)" }
    }

    /// Creates `sample` as admin; its record.
    func create(_ sample: CatalogSample, token: String) throws -> Input {
        let response = call(.post, "/\(sample.catalog.prefix)", json: sample.body(), token: token)
        guard response.status == 201, let data = response.data else {
            throw CatalogTestFailure("create \(sample.catalog.prefix): \(response.status) \(response.text)")
        }
        return data
    }

    /// Inserts a solicitud (with one stop at `lugar`) the way POST /solicitud will: code procedure, row, stop and
    /// first state in one transaction (0003's header). Its Id.
    @discardableResult
    func insertSolicitud(prioridad: Int = 2, servicio: Int = 1, departamento: Int = 2, lugar: Int = 1) throws -> Int {
        try connection.transaction {
            try connection.executeText("CALL siguiente_codigo_solicitud(2026, 3, @codigo)")
            let id = try connection.execute("""
                INSERT INTO Solicitud (CodigoSolicitud, IdUsuarioSolicitante, IdDepartamentoSolicitante, IdUsuarioAprobador,
                                       IdTipoPrioridadSolicitud, IdTipoServicioSolicitud, Asunto, CantidadPasajeros,
                                       FechaServicioRequerido, HoraServicioRequerido)
                VALUES (@codigo, 1, \(departamento), 3, \(prioridad), \(servicio), 'Traslado de prueba', 2, '2026-04-15', '08:00')
                """).lastInsertID
            _ = try connection.execute("""
                INSERT INTO DetalleLugarSolicitud (IdSolicitud, IdLugar, EsOrigen, Orden) VALUES (\(id), \(lugar), 1, 0)
                """)
            _ = try connection.execute("CALL cambiar_estado_solicitud(\(id), 'PENDIENTE_APROBACION', NULL)")
            return id
        }
    }

    /// Inserts a driver (DetallePerfilMotorista) for Perfil `perfil`; its Id.
    @discardableResult
    func insertMotorista(perfil: Int = 2, departamento: Int = 2, licencia: Int, disponibilidad: Int?) throws -> Int {
        try connection.execute("""
            INSERT INTO DetallePerfilMotorista (IdPerfil, IdDepartamentoAsignado, IdTipoLicencia, IdTipoDisponibilidad, NumeroLicencia)
            VALUES (\(perfil), \(departamento), \(licencia), \(disponibilidad), \("LIC-\(perfil)"))
            """).lastInsertID
    }
}

/// A setup step of a test failed.
struct CatalogTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
