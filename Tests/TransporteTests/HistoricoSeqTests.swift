import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// Issue 18 (Galera-safe SQL): a solicitud's and a mission's history are ordered by `Seq`, which the writing
/// transaction gives (0017, 0018), never by the auto-increment Id (interleaved between Galera nodes) or
/// FechaHoraCreacion (each node's own clock).
@Suite("Historico: order by Seq", .serialized)
struct HistoricoSeqTests {
    @Test("history rows written with out-of-order ids and clocks read back in the order they were written")
    func interleavedIDs() throws {
        let h = try TransporteHarness()
        let id = try h.crearId()
        let estado = try #require(try h.connection.queryFirst("SELECT IdEstadoActual FROM Solicitud WHERE Id = \(id)")?
            .int("IdEstadoActual"))
        // As if two more rows were written on other nodes: a far larger Id, then a smaller one (another node's
        // offset), each stamped by a clock far behind. Only cambiar_estado_solicitud writes history (0003): the test
        // takes its mark.
        try h.connection.executeText("SET @transporte_cambio_estado_solicitud = \(id)")
        for (rowID, motivo, stamp) in [(900_001, "Segundo", "2001-01-01 00:00:02.000"), (800_001, "Tercero", "2001-01-01 00:00:01.000")] {
            try h.connection.execute("""
                INSERT INTO HistoricoEstadoSolicitud (Id, IdSolicitud, IdEstadoSolicitud, MotivoEstadoSolicitud, FechaHoraCreacion)
                VALUES (\(rowID), \(id), \(estado), \(motivo), \(stamp))
                """)
        }
        try h.connection.executeText("SET @transporte_cambio_estado_solicitud = NULL")
        let seqs = try h.connection.query("SELECT Seq FROM HistoricoEstadoSolicitud WHERE IdSolicitud = \(id) ORDER BY Id")
            .map { try $0.int("Seq") }
        #expect(seqs.sorted() == [1, 2, 3], "\(seqs)")
        let response = h.call(.get, "/solicitud/\(id)/historico", token: try h.token("solicitante1"))
        #expect(response.status == 200)
        let motivos = response.data?["historico"]?.arrayValue?.compactMap { $0["MotivoEstadoSolicitud"]?.stringValue }
        #expect(motivos == ["Solicitud creada", "Segundo", "Tercero"])
        #expect(response.data?["historico"]?.arrayValue?.first?.objectValue?.keys.contains("Seq") == false, "Seq is not returned")
    }

    @Test("a state change after them takes the next Seq; a repeated Seq of one solicitud is refused")
    func nextAndUnique() throws {
        let h = try TransporteHarness()
        let id = try h.crearId()
        try h.forzarEstado(id, "APROBADA")
        #expect(try h.connection.query("SELECT Seq FROM HistoricoEstadoSolicitud WHERE IdSolicitud = \(id) ORDER BY Seq")
            .map { try $0.int("Seq") } == [1, 2])
        try h.connection.executeText("SET @transporte_cambio_estado_solicitud = \(id)")
        defer { _ = try? h.connection.executeText("SET @transporte_cambio_estado_solicitud = NULL") }
        let error = #expect(throws: MariaDBError.self) {
            try h.connection.execute("""
                INSERT INTO HistoricoEstadoSolicitud (IdSolicitud, Seq, IdEstadoSolicitud, MotivoEstadoSolicitud)
                SELECT \(id), 2, IdEstadoActual, 'Repetido' FROM Solicitud WHERE Id = \(id)
                """)
        }
        #expect(error?.kind == .duplicateKey)
    }
}
