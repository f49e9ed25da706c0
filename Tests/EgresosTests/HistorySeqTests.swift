@testable import Egresos
import AppCore
import HTTPCore
import MariaDB
import TestSupport
import Testing

/// Issue 18 (Galera-safe SQL): a recipient's notifications are ordered by `seq`, which the writing transaction gives
/// (0015, 0016), never by auto-increment ids, which Galera nodes interleave.
@Suite("Egresos: notification and comment order by seq")
struct HistorySeqTests {
    @Test("notifications written with out-of-order ids list newest first in the order they were written")
    func notifications() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        let first = try h.notification(to: 4002, from: 4003)
        // As if the next two were written on other nodes: a far larger id, then a smaller one than that.
        for id in [90_001, 80_001] {
            try h.database.connection.execute("""
                INSERT INTO notifications (id, `to`, `from`, type_of, status, message)
                VALUES (\(id), 4002, 4001, 'quotation', 'submited', 'Aviso')
                """)
        }
        let response = h.call(.get, "/api/v1/notifications", as: "rh@element.com.mx")
        #expect(response.status == 200)
        #expect(response.json?["notifications"]?.egItems?.map { egInt($0["id"]) ?? 0 } == [80_001, 90_001, first])
        #expect(try h.database.connection.query("SELECT seq FROM notifications WHERE `to` = 4002 ORDER BY seq")
            .map { try $0.int("seq") } == [1, 2, 3])
    }

    @Test("a comment thread is numbered per parent, and a repeated seq in one thread is refused")
    func comments() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        let connection = h.database.connection
        _ = try h.paymentSchedule(quotationStatus: 1)
        let quotation = try h.count("SELECT MAX(id) FROM quotations")
        try connection.execute("INSERT INTO comments (quotation_id, user_id, message) VALUES (\(quotation), 4001, 'Primera')")
        for id in [70_001, 60_001] {
            try connection.execute("""
                INSERT INTO comments (id, quotation_id, user_id, message) VALUES (\(id), \(quotation), 4001, 'Nota')
                """)
        }
        let thread = try connection.query("SELECT id, seq FROM comments WHERE quotation_id = \(quotation) ORDER BY seq")
        #expect(try thread.map { try $0.int("seq") } == [1, 2, 3])
        #expect(try thread.suffix(2).map { try $0.int("id") } == [70_001, 60_001], "the later write is later in the thread")
        let error = #expect(throws: MariaDBError.self) {
            try connection.execute("""
                INSERT INTO comments (quotation_id, user_id, message, seq) VALUES (\(quotation), 4001, 'Otra', 1)
                """)
        }
        #expect(error?.kind == .duplicateKey)
    }
}
