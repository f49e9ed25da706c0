import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// T14 under contention: 32 assignments at once, each on its own connection (as 32 FastCGI workers would),
/// of one vehicle (or one driver) to 32 different missions of one date: exactly one succeeds, the others are
/// the 409 naming it, and the database holds one active mission of it that day.
@Suite("Misiones: no double booking under contention (T14)", .serialized)
struct MisionConcurrenciaTests {
    static let intentos = 32

    /// Sends `bodies[i]` to `/mision/{misiones[i]}/asignar` as admin, all at once (`TransporteHarness.race`).
    func carrera(_ h: TransporteHarness, misiones: [Int], bodies: [String]) throws -> [TestResponse] {
        h.race(zip(misiones, bodies).map { (.post, "/mision/\($0)/asignar", $1) }, token: try h.token("admin"))
    }

    /// A harness with `intentos` vehicles and drivers and `intentos` PROGRAMADA missions on 2026-04-15, each of
    /// its own solicitud (so nothing but the vehicle's or driver's lock serialises the assignments).
    func preparar() throws -> (TransporteHarness, vehiculos: [Int], motoristas: [Int], misiones: [Int]) {
        let h = try TransporteHarness()
        try h.prepararFlota()
        let vehiculos = try (1...Self.intentos).map { try h.vehiculo("C\(100_000 + $0)") }
        let motoristas = try (1...Self.intentos).map { try h.motorista($0).perfil }
        let misiones = try (1...Self.intentos).map { _ in try h.misionId(try h.solicitudEn("APROBADA")) }
        return (h, vehiculos, motoristas, misiones)
    }

    @Test("32 assignments of one vehicle to different missions on one date: exactly one succeeds")
    func unVehiculo() throws {
        let (h, vehiculos, motoristas, misiones) = try preparar()
        let bodies = motoristas.map { #"{"idVehiculoAsignado": \#(vehiculos[0]), "idMotoristaAsignado": \#($0)}"# }
        let responses = try carrera(h, misiones: misiones, bodies: bodies)
        #expect(responses.filter { $0.status == 200 }.count == 1, "\(responses.map(\.status))")
        #expect(responses.filter { $0.status == 409 }.allSatisfy { $0.message == "El vehículo C100001 ya tiene una misión activa el 2026-04-15" })
        #expect(responses.filter { $0.status == 409 }.count == Self.intentos - 1)
        #expect(try h.count("SELECT COUNT(*) FROM Mision WHERE IdVehiculoAsignado = \(vehiculos[0])") == 1)
    }

    @Test("32 assignments of one driver to different missions on one date: exactly one succeeds")
    func unMotorista() throws {
        let (h, vehiculos, motoristas, misiones) = try preparar()
        let bodies = vehiculos.map { #"{"idVehiculoAsignado": \#($0), "idMotoristaAsignado": \#(motoristas[0])}"# }
        let responses = try carrera(h, misiones: misiones, bodies: bodies)
        #expect(responses.filter { $0.status == 200 }.count == 1, "\(responses.map(\.status))")
        #expect(responses.filter { $0.status == 409 }.count == Self.intentos - 1)
        #expect(try h.count("SELECT COUNT(*) FROM Mision WHERE IdMotoristaAsignado = \(motoristas[0])") == 1)
    }

    @Test("the unique keys hold even without the locked check: a second active mission of a vehicle that day is refused by MariaDB")
    func respaldo() throws {
        let (h, vehiculos, motoristas, misiones) = try preparar()
        #expect(try h.asignar(misiones[0], vehiculo: vehiculos[0], motorista: motoristas[0]).status == 200)
        let repository = MariaDBMisionRepository(connection: h.connection, zone: h.module.environment.zone)
        #expect(throws: MisionOcupada.self) {
            try h.connection.transaction { try repository.asignar(misiones[1], vehiculo: vehiculos[0], motorista: motoristas[1]) }
        }
        #expect(throws: MisionOcupada.self) {
            try h.connection.transaction { try repository.asignar(misiones[1], vehiculo: vehiculos[1], motorista: motoristas[0]) }
        }
    }
}
