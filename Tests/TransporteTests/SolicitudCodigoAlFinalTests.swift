import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// 0015 (T3, issue 16): a creation writes its row, stops and first state under a provisional code and takes the
/// correlative lock only for its last steps; the code changes exactly once, from provisional to real.
@Suite("CodigoSolicitud given last (0015)", .serialized)
struct SolicitudCodigoAlFinalTests {
    @Test("a creation waiting for the correlative lock has already written its row, its stops and its first history row; its state comes with its code, and its mails")
    func lockTakenLast() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let token = try h.token("solicitante1")
        let (responder, configuration, makeContext) = (h.responder, h.connection.configuration, h.module.makeContext)
        let holder = MariaDBConnection(configuration: configuration)
        try holder.executeText("START TRANSACTION; SELECT Ultimo FROM CorrelativoSolicitud WHERE Anio = 0 AND Mes = 0 FOR UPDATE")
        let outcome = RaceResponses()
        let done = DispatchSemaphore(value: 0)
        Thread {
            let client = RaceClient(responder: responder, configuration: configuration, makeContext: makeContext)
            outcome.record(client.call(.post, "/solicitud", json: TransporteHarness.cuerpo(), token: token))
            done.signal()
        }.start()
        // Dirty reads show what the creation has written while it waits for the lock (polled; no duration asserted).
        // Polled until the history row is there: 0021 writes it just before it asks for the lock, and gives the row
        // its state and its code in one UPDATE once the lock is granted.
        try h.connection.executeText("SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED")
        var provisional: SQLRow?
        for _ in 0..<1_000 where provisional == nil {
            provisional = try h.connection.queryFirst("""
                SELECT s.CodigoSolicitud, s.IdEstadoActual,
                       (SELECT COUNT(*) FROM DetalleLugarSolicitud d WHERE d.IdSolicitud = s.Id) AS Paradas,
                       (SELECT COUNT(*) FROM HistoricoEstadoSolicitud e WHERE e.IdSolicitud = s.Id) AS Historia,
                       (SELECT COUNT(*) FROM mail_outbox) AS Correos
                  FROM Solicitud s WHERE s.CodigoSolicitud LIKE 'SOL-0000-00-%' HAVING Historia = 1 AND Paradas = 2
                """)
            if provisional == nil { Thread.sleep(forTimeInterval: 0.01) }
        }
        try h.connection.executeText("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        try holder.executeText("COMMIT")
        holder.close()
        done.wait()
        // The row under its provisional code, its two stops and its first history row: all written before the lock
        // was asked for; the state is given with the code, under it, and the mails, which name the code, by the same
        // call (0025).
        let row = try #require(provisional, "no provisional row was written before the correlative lock")
        #expect(try row.optionalInt("IdEstadoActual") == nil)
        #expect(try row.int("Paradas") == 2 && row.int("Historia") == 1 && row.int("Correos") == 0)
        let response = try #require(outcome.all.first)
        #expect(response.status == 201, "\(response.text)")
        #expect(response.data?["CodigoSolicitud"]?.stringValue == "SOL-2026-02-00000001")
        #expect(response.data?["FechaHoraActualizacion"]?.stringValue == response.data?["FechaHoraCreacion"]?.stringValue)
        #expect(try h.count("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE '%SOL-2026-02-00000001%'") == 2)
        #expect(try h.count("SELECT COUNT(*) FROM Solicitud WHERE CodigoSolicitud LIKE 'SOL-0000-00-%'") == 0)
        #expect(try h.count("SELECT COUNT(*) FROM mail_outbox WHERE CONCAT(subject, body_text) LIKE '%SOL-0000-00-%'") == 0)
    }

    @Test("the code changes once, from a provisional code to a real one, and never afterwards")
    func codeChangesOnce() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let id = try h.crearId()
        let refusal = #expect(throws: MariaDBError.self) {
            try h.connection.execute("UPDATE Solicitud SET CodigoSolicitud = 'SOL-2026-02-00000009' WHERE Id = \(id)")
        }
        #expect(refusal?.message == "CodigoSolicitud no se puede modificar")
        #expect(throws: MariaDBError.self) {
            try h.connection.execute("UPDATE Solicitud SET CodigoSolicitud = 'SOL-0000-00-00000001' WHERE Id = \(id)")
        }
        // The procedure refuses a solicitud that already has its code, and gives the number back on ROLLBACK.
        let again = #expect(throws: MariaDBError.self) {
            try h.connection.transaction {
                try h.connection.execute("CALL asignar_codigo_solicitud(\(id), 2026, 2, @codigo)")
            }
        }
        #expect(again?.message == "asignar_codigo_solicitud: la solicitud no tiene un código provisional")
        #expect(try h.count("SELECT Ultimo FROM CorrelativoSolicitud WHERE Anio = 2026 AND Mes = 2") == 1)
        #expect(try h.crear().data?["CodigoSolicitud"]?.stringValue == "SOL-2026-02-00000002")
    }
}
