import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// The delete guards of §10 whose tables exist: a catalog row that active rows use is 409 and stays.
@Suite("Catalogs: delete guards")
struct CatalogGuardTests {
    @Test("a priority or a service type used by an active solicitud cannot be deleted", arguments: [
        ("tipo-prioridad-solicitud", "No se puede eliminar este tipo de prioridad porque tiene solicitudes activas asociadas"),
        ("tipo-servicio-solicitud", "No se puede eliminar este tipo de servicio porque tiene solicitudes activas asociadas"),
    ])
    func solicitudTypes(_ prefix: String, _ message: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let solicitud = try harness.insertSolicitud(prioridad: 3, servicio: 3)
        let snapshot = try harness.snapshot(catalog)
        let refused = harness.call(.delete, "/\(prefix)/3", token: admin)
        #expect(refused.status == 409 && refused.message == message)
        #expect(try harness.snapshot(catalog) == snapshot)
        #expect(harness.call(.delete, "/\(prefix)/1", token: admin).status == 200, "an unused one can go")
        _ = try harness.connection.execute("UPDATE Solicitud SET Eliminado = 1 WHERE Id = \(solicitud)")
        #expect(harness.call(.delete, "/\(prefix)/3", token: admin).status == 200)
    }

    @Test("a licence type or an availability used by an active driver cannot be deleted", arguments: [
        ("tipo-licencia", "No se puede eliminar este tipo de licencia porque tiene motoristas activos asociados"),
        ("tipo-disponibilidad", "No se puede eliminar este tipo de disponibilidad porque tiene motoristas activos asociados"),
    ])
    func motoristaTypes(_ prefix: String, _ message: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let licencia = try #require(try harness.create(CatalogSample(Catalogs.tipoLicencia, seed: 1), token: admin)["Id"]?.intValue)
        let disponibilidad = try #require(
            try harness.create(CatalogSample(Catalogs.tipoDisponibilidad, seed: 1), token: admin)["Id"]?.intValue)
        let motorista = try harness.insertMotorista(licencia: licencia, disponibilidad: disponibilidad)
        let id = prefix == "tipo-licencia" ? licencia : disponibilidad
        let snapshot = try harness.snapshot(catalog)
        let refused = harness.call(.delete, "/\(prefix)/\(id)", token: admin)
        #expect(refused.status == 409 && refused.message == message)
        #expect(try harness.snapshot(catalog) == snapshot)
        _ = try harness.connection.execute("UPDATE DetallePerfilMotorista SET Eliminado = 1 WHERE Id = \(motorista)")
        #expect(harness.call(.delete, "/\(prefix)/\(id)", token: admin).status == 200)
    }

    @Test("a lugar that is a stop of an active solicitud cannot be deleted")
    func lugar() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let solicitud = try harness.insertSolicitud(lugar: 2)
        let refused = harness.call(.delete, "/lugar/2", token: admin)
        #expect(refused.status == 409 && refused.message == "No se puede eliminar este lugar porque tiene solicitudes activas asociadas")
        #expect(try harness.count("SELECT COUNT(*) FROM Lugares WHERE Eliminado = 1") == 0)
        _ = try harness.connection.execute("UPDATE Solicitud SET Eliminado = 1 WHERE Id = \(solicitud)")
        let deleted = harness.call(.delete, "/lugar/2", token: admin)
        #expect(deleted.status == 200 && deleted.data?["mensaje"]?.stringValue == "Lugar 'Corte Suprema de Justicia' eliminado exitosamente")
    }
}
