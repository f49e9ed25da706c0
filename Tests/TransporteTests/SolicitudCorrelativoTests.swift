import AppCore
import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// T3: `SOL-{YYYY}-{MM}-{NNNNNNNN}` per (year, month) of the creation instant in America/El_Salvador, gap-free
/// among committed solicitudes: a refused or rolled-back creation gives its number back.
@Suite("CodigoSolicitud correlative (T3)", .serialized)
struct SolicitudCorrelativoTests {
    func codigo(_ response: TestResponse) -> String? { response.data?["CodigoSolicitud"]?.stringValue }

    @Test("sequential creations are numbered 1..n; refusals in between consume no number")
    func sequential() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        #expect(codigo(try h.crear()) == "SOL-2026-02-00000001")
        #expect(codigo(try h.crear()) == "SOL-2026-02-00000002")
        #expect(try h.crear(["asunto": #""x""#]).status == 400)
        #expect(try h.crear(["fechaServicioRequerido": #""2020-01-01""#]).status == 422)
        #expect(try h.crear(["idDepartamentoSolicitante": "9"]).status == 400)
        #expect(try h.crear(como: "solicitante2").status == 403)
        #expect(codigo(try h.crear()) == "SOL-2026-02-00000003")
        #expect(try h.count("SELECT Ultimo FROM CorrelativoSolicitud WHERE Anio = 2026 AND Mes = 2") == 3)
    }

    @Test("a creation rolled back after taking its number gives it back (500, nothing written)")
    func rollback() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        #expect(codigo(try h.crear()) == "SOL-2026-02-00000001")
        // A stop described 'FALLAR' breaks a CHECK constraint after the code, the row and the first stop are written.
        try h.connection.executeText("""
            CREATE TRIGGER prueba_fallar BEFORE INSERT ON DetalleLugarSolicitud FOR EACH ROW \
            SET NEW.Orden = IF(NEW.Descripcion = 'FALLAR', -1, NEW.Orden)
            """)
        let before = try h.huella()
        let fallida = try h.crear(["lugares": """
            [{"idLugar": 1, "esOrigen": true, "orden": 0}, {"idLugar": 5, "orden": 1, "descripcion": "FALLAR"}]
            """])
        #expect(fallida.status == 500 && fallida.message == "Error interno del servidor")
        #expect(try h.huella() == before)
        #expect(codigo(try h.crear()) == "SOL-2026-02-00000002")
    }

    @Test("the month is El Salvador's: it changes at local midnight, and each month restarts at 1")
    func months() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let febrero = try h.crear()
        #expect(codigo(febrero) == "SOL-2026-02-00000001")
        #expect(febrero.data?["FechaHoraCreacion"]?.stringValue == "2026-02-28T23:30:00")
        h.clock.advance(seconds: 29 * 60 + 59)
        #expect(codigo(try h.crear()) == "SOL-2026-02-00000002")
        h.clock.advance(seconds: 1)
        let marzo = try h.crear()
        #expect(codigo(marzo) == "SOL-2026-03-00000001")
        #expect(marzo.data?["FechaHoraCreacion"]?.stringValue == "2026-03-01T00:00:00")
        #expect(codigo(try h.crear()) == "SOL-2026-03-00000002")
        let stored = try h.connection.queryFirst(
            "SELECT FechaHoraCreacion, FechaHoraActualizacion FROM Solicitud WHERE CodigoSolicitud = 'SOL-2026-03-00000001'")
        // Stored in UTC, creation and update the same instant.
        #expect(try stored?.dateTime("FechaHoraCreacion").description == "2026-03-01 06:00:00")
        #expect(try stored?.dateTime("FechaHoraActualizacion") == stored?.dateTime("FechaHoraCreacion"))
        h.clock.advance(seconds: 300 * 86_400)
        #expect(codigo(try h.crear(["fechaServicioRequerido": #""2027-01-15""#])) == "SOL-2026-12-00000001")
    }

    @Test("16 concurrent creations, each on its own connection, get exactly 1..16")
    func concurrent() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let token = try h.token("solicitante1")
        let count = 16
        let responses = h.race(Array(repeating: (.post, "/solicitud", TransporteHarness.cuerpo()), count: count), token: token)
        #expect(responses.map(\.status) == Array(repeating: 201, count: count), "\(responses.map(\.text))")
        let codes = responses.compactMap(codigo).sorted()
        #expect(codes == (1...count).map { "SOL-2026-02-" + String(repeating: "0", count: 8 - String($0).count) + String($0) })
        #expect(try h.count("SELECT COUNT(*) FROM HistoricoEstadoSolicitud") == count)
        #expect(try h.count("SELECT COUNT(*) FROM mail_outbox") == 2 * count)
    }
}

extension SolicitudCorrelativoTests {
    /// Holds the correlative's lock row from another connection for `seconds` while `h` creates a solicitud
    /// (`h` waits 1 s for a lock: `TRANSPORTE_LOCK_WAIT_SECONDS`); answers the response and how long it took.
    func creacionBloqueada(_ h: TransporteHarness, segundos: Double) throws -> (TestResponse, Double) {
        let liberada = try h.holdLock("SELECT Ultimo FROM CorrelativoSolicitud WHERE Anio = 0 AND Mes = 0 FOR UPDATE", seconds: segundos)
        let (response, duracion) = try Elapsed.measure { try h.crear() }
        liberada.wait()
        return (response, duracion)
    }

    @Test("a lock wait timeout retries the whole creation (T16); after five attempts it is a 503 that writes nothing")
    func reintentos() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero, extra: ["TRANSPORTE_LOCK_WAIT_SECONDS": "1"])
        let (segunda, espera) = try creacionBloqueada(h, segundos: 1.5)
        #expect(segunda.status == 201 && codigo(segunda) == "SOL-2026-02-00000001", "\(segunda.text)")
        #expect(espera >= 1.0, "the first attempt timed out and the transaction was run again")
        let before = try h.huella()
        // Five waits of 1 s (so at least 5 s) and four short backoffs, then it gives up: well before the lock ends
        // (9 s, a margin no loaded machine eats; the bound once was 6.5 s and a busy CI took 6.55 s).
        let (agotada, total) = try creacionBloqueada(h, segundos: 9)
        // The database is busy, not broken: the module's 503 (the client may retry), never a 500.
        #expect(agotada.status == 503 && total >= 5.0 && total < 9, "\(agotada.text) after \(total) s")
        #expect(agotada.text.contains("Servicio no disponible temporalmente"), "\(agotada.text)")
        #expect(try h.huella() == before)
        #expect(codigo(try h.crear()) == "SOL-2026-02-00000002")
    }
}

/// A connection handed to another thread by a test that no longer uses it meanwhile.
final class ConexionCompartida: @unchecked Sendable {
    let connection: MariaDBConnection
    init(_ connection: MariaDBConnection) { self.connection = connection }
}

@Suite("POST /solicitud against a concurrent catalog delete", .serialized)
struct SolicitudCatalogRaceTests {
    @Test("a creation waits for a catalog row being deleted and then refuses it (400), writing nothing")
    func deleteInFlight() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let before = try h.huella()
        // What DELETE /tipo-prioridad-solicitud/2 does in its transaction: lock the row, mark it deleted.
        let otra = MariaDBConnection(configuration: h.connection.configuration)
        try otra.executeText("""
            START TRANSACTION; SELECT Id FROM TipoPrioridadSolicitud WHERE Id = 2 FOR UPDATE;
            UPDATE TipoPrioridadSolicitud SET Eliminado = 1 WHERE Id = 2
            """)
        let borrado = ConexionCompartida(otra)
        let confirmado = DispatchSemaphore(value: 0)
        Thread {
            Thread.sleep(forTimeInterval: 0.5)
            try? borrado.connection.executeText("COMMIT")
            confirmado.signal()
        }.start()
        let response = try h.crear()
        confirmado.wait()
        otra.close()
        #expect(response.status == 400, "\(response.text)")
        #expect(response.errorFields == ["idTipoPrioridadSolicitud"])
        #expect(try h.huella() == before)
    }
}
