import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// Issue 18 (Galera-safe SQL): an expediente's history is ordered by `seq`, which the writing transaction gives
/// (0007, 0008), never by the auto-increment id (interleaved between Galera nodes) or `fecha_cambio` (each
/// node's own clock).
@Suite("Expedientes: history order by seq")
struct HistorialSeqTests {
    @Test("rows written with out-of-order ids and clocks read back in the order they were written")
    func interleavedIDs() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.operador, username: "opera")
        #expect(h.createExpediente("SIN-SEQ", token: token).status == 201)
        // As if two more changes were written on other nodes: a far larger id, then a smaller one (another node's
        // offset), each stamped by a clock behind the first node's.
        _ = try h.connection.execute("""
            INSERT INTO historial_estado (id, no_siniestro, estado_anterior, estado_nuevo, fecha_cambio, cambiado_por)
            VALUES (50001, 'SIN-SEQ', 'Ingreso', 'Restauracion', '2001-01-01 00:00:02.000', NULL)
            """)
        _ = try h.connection.execute("""
            INSERT INTO historial_estado (id, no_siniestro, estado_anterior, estado_nuevo, fecha_cambio, cambiado_por)
            VALUES (40001, 'SIN-SEQ', 'Restauracion', 'Pendiente_de_salida', '2001-01-01 00:00:01.000', NULL)
            """)
        let seqs = try h.connection.query("SELECT seq FROM historial_estado WHERE no_siniestro = 'SIN-SEQ' ORDER BY id")
            .map { try $0.int("seq") }
        #expect(seqs.sorted() == [1, 2, 3], "numbered 1, 2, 3 as written: \(seqs)")
        let newestFirst = ["Pendiente_de_salida", "Restauracion", "Ingreso"].map { Input.string($0) }

        let historial = h.call(.get, "/api/expedientes/SIN-SEQ/estado/historial", token: token)
        #expect(historial.status == 200)
        guard case .array(let rows)? = historial.json else { Issue.record("not an array"); return }
        #expect(rows.map { $0["estado_nuevo"] } == newestFirst)

        let detail = h.call(.get, "/api/expedientes/SIN-SEQ", token: token)
        #expect(detail.status == 200)
        guard case .array(let embedded)? = detail.json?["historial_estado"] else { Issue.record("no historial"); return }
        #expect(embedded.map { $0["estado_nuevo"] } == newestFirst)
        #expect(embedded.first?.objectValue?.keys == ["id", "no_siniestro", "estado_anterior", "estado_nuevo", "fecha_cambio",
                                                      "cambiado_por"], "seq is not returned")
    }

    @Test("a row that repeats a seq of its expediente is refused (two nodes numbering one expediente conflict)")
    func uniquePerExpediente() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.operador, username: "opera")
        #expect(h.createExpediente("SIN-SEQ2", token: token).status == 201)
        let error = #expect(throws: MariaDBError.self) {
            try h.connection.execute("""
                INSERT INTO historial_estado (no_siniestro, seq, estado_anterior, estado_nuevo, cambiado_por)
                VALUES ('SIN-SEQ2', 1, 'Ingreso', 'Restauracion', NULL)
                """)
        }
        #expect(error?.kind == .duplicateKey)
        #expect(h.call(.patch, "/api/expedientes/SIN-SEQ2/estado", json: #"{"estado": "Restauracion"}"#, token: token).status == 200)
        #expect(try h.count("SELECT COUNT(*) FROM historial_estado WHERE no_siniestro = 'SIN-SEQ2' AND seq = 2") == 1)
    }
}
