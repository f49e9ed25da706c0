import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// Mission fixtures: the fleet rows the development seed lacks, vehicles, drivers who can log in, and missions
/// of an approved solicitud, all made the way the API makes them.
extension TransporteHarness {
    /// Class 1, licence type 1, vehicle states 1 (ACTIVO, assignable) and 2 (TALLER, not assignable).
    func prepararFlota() throws {
        for table in ["ClaseVehiculo", "TipoLicencia"] {
            _ = try connection.execute(SQLQuery(unsafeSQL: "INSERT INTO \(table) (Id, Codigo, Nombre) VALUES (1, 'FLOTA', 'Flota')"))
        }
        _ = try connection.execute("""
            INSERT INTO EstadoVehiculo (Id, Codigo, Nombre, PermiteAsignacion) VALUES (1, 'ACTIVO', 'Activo', 1), (2, 'TALLER', 'En taller', 0)
            """)
    }

    /// A vehicle with `placa` whose odometer reads `kilometraje`; its Id.
    @discardableResult
    func vehiculo(_ placa: String, kilometraje: Int = 1_000, estado: Int = 1) throws -> Int {
        Int(try connection.execute("""
            INSERT INTO Vehiculo (Placa, IdClaseVehiculo, IdEstadoVehiculo, KilometrajeActual) VALUES (\(placa), 1, \(estado), \(kilometraje))
            """).lastInsertID)
    }

    /// A driver created through `POST /motorista` with a password, and an access token of theirs.
    func motorista(_ numero: Int) throws -> (perfil: Int, token: String) {
        let email = "motorista\(numero)@transporte.local"
        let body = """
            {"email": "\(email)", "nombre1": "Conductor", "apellido1": "Número\(numero)", "telefono": "7000-000\(numero % 10)",
             "dui": "\(10_000_000 + numero)-\(numero % 10)", "idDepartamentoAsignado": 2,
             "idTipoLicencia": 1, "numeroLicencia": "LIC-\(numero)", "password": "ventanilla"}
            """
        let response = call(.post, "/motorista", json: body, token: try token("admin"))
        try #require(response.status == 201, "\(response.text)")
        return (try #require(response.data?["idPerfil"]?.intValue), try token(email))
    }

    /// Creates a mission as `username` for solicitud `solicitud` on `fecha`; the response.
    func crearMision(_ solicitud: Int, fecha: String = "2026-04-15", extra: String = "", como username: String = "admin") throws
        -> TestResponse {
        call(.post, "/mision", json: #"{"idSolicitud": \#(solicitud), "fechaProgramada": "\#(fecha)", "horaSalidaProgramada": "08:00"\#(extra)}"#,
             token: try token(username))
    }

    /// A mission of solicitud `solicitud` (must succeed); its Id.
    func misionId(_ solicitud: Int, fecha: String = "2026-04-15") throws -> Int {
        let response = try crearMision(solicitud, fecha: fecha)
        try #require(response.status == 201, "\(response.text)")
        return try #require(response.data?["Id"]?.intValue)
    }

    /// Assigns vehicle and driver to mission `id` as admin; the response.
    @discardableResult
    func asignar(_ id: Int, vehiculo: Int, motorista: Int) throws -> TestResponse {
        call(.post, "/mision/\(id)/asignar", json: #"{"idVehiculoAsignado": \#(vehiculo), "idMotoristaAsignado": \#(motorista)}"#,
             token: try token("admin"))
    }

    /// The code of a mission's current state, read from the table.
    func estadoMision(_ id: Int) throws -> String? {
        try connection.queryFirst("""
            SELECT e.Codigo FROM Mision m JOIN EstadoMision e ON e.Id = m.IdEstadoMision WHERE m.Id = \(id)
            """)?.string("Codigo")
    }

    /// The rows of every table a mission write touches (the mission's columns included), to prove that a refused
    /// request wrote nothing.
    func huellaMisiones() throws -> [String] {
        try ["Mision", "ParadaMision", "HistoricoEstadoMision", "HistoricoEstadoSolicitud", "Vehiculo"].flatMap { table in
            try connection.query(SQLQuery(unsafeSQL: "SELECT * FROM \(table) ORDER BY Id")).map { "\(table) \($0.values)" }
        } + [try connection.queryFirst("SELECT IdEstadoActual FROM Solicitud ORDER BY Id DESC LIMIT 1").map { "\($0.values)" } ?? ""]
    }
}
