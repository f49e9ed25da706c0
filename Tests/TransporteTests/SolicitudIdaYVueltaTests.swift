import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// What a creation costs the database in round trips (issue 16), and the pinned session clock it shares between
/// its steps: a regression here puts statements back on every POST /solicitud.
@Suite("POST /solicitud: idas y vueltas", .serialized)
struct SolicitudIdaYVueltaTests {
    /// The statements this connection has sent the server (stored programs' own statements are not counted).
    static func enviadas(_ h: TransporteHarness) throws -> Int {
        let row = try #require(try h.connection.queryFirst(
            "SELECT VARIABLE_VALUE AS Valor FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'QUESTIONS'"))
        return try #require(Int(try row.string("Valor")))
    }

    @Test("a creation with two stops is 11 statements: START TRANSACTION, the references with the stops, one clock pin and its release, the row, the stops, the first state, the record, the code, the two mails, COMMIT")
    func onceSentencias() throws {
        let h = try TransporteHarness()
        let token = try h.token("solicitante1")
        // The first one prepares the statements and reads the caller's row (kept 30 s per worker).
        #expect(h.call(.post, "/solicitud", json: TransporteHarness.cuerpo(), token: token).status == 201)
        let antes = try Self.enviadas(h)
        let response = h.call(.post, "/solicitud", json: TransporteHarness.cuerpo(), token: token)
        let despues = try Self.enviadas(h)
        #expect(response.status == 201, "\(response.text)")
        #expect(response.data?["CodigoSolicitud"]?.stringValue == "SOL-2026-02-00000002")
        // `despues` counts its own SELECT.
        #expect(despues - antes - 1 == 11)
        #expect(try h.count("SELECT COUNT(*) FROM mail_outbox") == 4)
        #expect(try h.count("SELECT COUNT(*) FROM DetalleLugarSolicitud WHERE IdSolicitud = \(try #require(response.data?["Id"]?.intValue))") == 2)
    }

    @Test("a pin inside a pin: the same instant sends nothing, another one is undone back to the outer pin, and the last release gives the server's clock back")
    func pinAnidado() throws {
        let h = try TransporteHarness()
        let repository = MariaDBSolicitudRepository(connection: h.connection, zone: h.module.environment.zone)
        let (a, b): (Int64, Int64) = (1_772_345_400_123, 1_772_345_460_456)
        func marca(_ instante: Int64) throws -> Bool {
            try h.count("SELECT ROUND(@@timestamp * 1000) = \(instante)") == 1
        }
        try repository.conInstante(a) { () throws in
            let antes = try Self.enviadas(h)
            let anidado = try repository.conInstante(a) { () throws in try marca(a) }
            // Two reads of the counter and `marca`'s SELECT: the nested pin itself sent nothing.
            let enviadas = try Self.enviadas(h) - antes
            let otro = try repository.conInstante(b) { () throws in try marca(b) }
            let devuelto = try marca(a)
            #expect(anidado && enviadas == 2 && otro)
            #expect(devuelto, "the inner pin gave the outer one back")
        }
        let servidor = try !marca(a) && !marca(b)
        #expect(servidor, "the server's own clock again")
    }
}
