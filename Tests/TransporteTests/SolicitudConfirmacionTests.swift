import AppCore
import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// 0025 (T6, issue 16): a creation composes its mails before it takes its code, under the row's provisional code,
/// and the CALL that takes the code writes them with it and commits; the mails are the ones the record gives, byte
/// for byte, and they commit with the solicitud or not at all.
@Suite("A creation's last CALL: code, mails, COMMIT (0025)", .serialized)
struct SolicitudConfirmacionTests {
    /// An outbox row's fields as the sender reads them.
    struct Fila: Equatable, CustomStringConvertible {
        let recipients: String, subject: String, text: String, html: String?
        var description: String { "\(recipients) | \(subject) | \(html ?? "<no html>")\n\(text)" }
    }

    static func filas(_ h: TransporteHarness) throws -> [Fila] {
        try h.connection.query("SELECT recipients, subject, body_text, body_html FROM mail_outbox ORDER BY id").map {
            Fila(recipients: try $0.string("recipients"), subject: try $0.string("subject"),
                 text: try $0.string("body_text"), html: try $0.optionalString("body_html"))
        }
    }

    /// The creation's mails as `SolicitudMail` writes them from the record a read gives (its final code and state).
    static func esperadas(_ h: TransporteHarness, _ id: Int) throws -> [Fila] {
        let repository = MariaDBSolicitudRepository(connection: h.connection, zone: h.module.environment.zone)
        let resumen = try #require(try repository.registro(id)).resumen
        return try [SolicitudMail.Aviso.registrada, .pendienteAprobacion].compactMap {
            try SolicitudMail.mensaje($0, resumen, motivo: nil)
        }.map { Fila(recipients: $0.to.joined(separator: ","), subject: $0.subject, text: $0.text, html: $0.html) }
    }

    @Test("the mails are those the record gives, byte for byte: code, state, names, places; text that looks like a provisional code is kept")
    func mailsAreTheRecords() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        // An Asunto and a name with a provisional-looking code (not the row's: its 13 digits are drawn by the server).
        try h.connection.executeText("UPDATE Perfil SET Nombre1 = 'Ñandú SOL-0000-00-0000000000001' WHERE Id = 3")
        let id = try h.crearId(["asunto": #""Traslado SOL-0000-00-9999999999999 ✓ €""#])
        let filas = try Self.filas(h)
        #expect(filas.count == 2)
        #expect(filas == (try Self.esperadas(h, id)))
        #expect(filas.allSatisfy { $0.subject.contains("SOL-2026-02-00000001") && $0.text.contains("Código: SOL-2026-02-00000001") })
        #expect(filas.allSatisfy { $0.text.contains("Estado: Pendiente") })
        #expect(filas[0].text.contains("Asunto: Traslado SOL-0000-00-9999999999999 ✓ €"))
        #expect(filas[1].text.contains("Hola Ñandú SOL-0000-00-0000000000001"))
        #expect(try h.count("SELECT COUNT(*) FROM Solicitud WHERE CodigoSolicitud LIKE 'SOL-0000-00-%'") == 0)

        // A requester without an address: one mail, the approver's, also given its code.
        try h.connection.executeText("UPDATE Perfil SET Email = NULL WHERE Id = 1")
        try h.connection.executeText("UPDATE Usuario SET Email = NULL WHERE Id = (SELECT IdUsuario FROM Perfil WHERE Id = 1)")
        try h.connection.executeText("DELETE FROM mail_outbox")
        let segunda = try h.crearId()
        let solas = try Self.filas(h)
        #expect(solas.count == 1)
        #expect(solas == (try Self.esperadas(h, segunda)))
        #expect(solas.first?.subject == "Solicitud SOL-2026-02-00000002 pendiente de aprobación")
    }

    @Test("when the call that takes the code fails, nothing of the creation stays")
    func mailsRollBack() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        _ = try h.crearId()
        let antes = try h.huella()
        // The first state is gone from the catalog: the row and stops are written, the mails composed (without a
        // state line), then the CALL refuses; the 500 leaves nothing, and no number is used.
        try h.connection.executeText("UPDATE EstadoSolicitud SET Eliminado = 1 WHERE Codigo = 'PENDIENTE_APROBACION'")
        let response = try h.crear()
        #expect(response.status == 500, "\(response.text)")
        #expect(try h.huella() == antes)
        try h.connection.executeText("UPDATE EstadoSolicitud SET Eliminado = 0 WHERE Codigo = 'PENDIENTE_APROBACION'")
        #expect(try h.crear().data?["CodigoSolicitud"]?.stringValue == "SOL-2026-02-00000002")
        #expect(try h.count("SELECT COUNT(*) FROM mail_outbox") == 4)
    }

    /// The provisional code `insertarProvisional` writes.
    static let provisional = "SOL-0000-00-1234567890123"

    /// A solicitud row as a creation's INSERT leaves it (provisional code, no state), in the running transaction.
    static func insertarProvisional(_ h: TransporteHarness) throws -> Int {
        try #require(try h.connection.queryFirst(SQLQuery(unsafeSQL: """
            INSERT INTO Solicitud (CodigoSolicitud, IdUsuarioSolicitante, IdDepartamentoSolicitante, \
            IdUsuarioAprobador, IdTipoPrioridadSolicitud, IdTipoServicioSolicitud, Asunto, CantidadPasajeros, \
            FechaServicioRequerido, HoraServicioRequerido) \
            VALUES (?, 1, 2, 3, 2, 1, 'Prueba', 1, '2026-04-15', '08:00') RETURNING Id
            """, binds: [.text(provisional)]))).int("Id")
    }

    /// `CALL confirmar_solicitud_creada` for solicitud `id` of month 2026-02 under `provisional`, with one mail.
    static func confirmar(_ h: TransporteHarness, id: Int, provisional: String, asunto: String, texto: String) throws {
        try h.connection.execute(SQLQuery(
            unsafeSQL: "CALL confirmar_solicitud_creada(?, ?, 2026, 2, ?, 'y@transporte.local', ?, ?, NULL, "
                + "NULL, NULL, NULL, NULL, @c, @e, @ce, @n, @co, @f)",
            binds: [.int(Int64(id)), .dateTime(SQLDateTime(unixMilliseconds: TransporteHarness.finDeFebrero)),
                    .text(provisional), .text(asunto), .text(texto)]))
    }

    @Test("the procedure refuses a solicitud under another provisional code, and then writes and commits nothing")
    func procedureRefusesAnotherCode() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let antes = try h.huella()
        let error = #expect(throws: MariaDBError.self) {
            try h.connection.transaction {
                try Self.confirmar(h, id: try Self.insertarProvisional(h), provisional: "SOL-0000-00-0000000000000",
                                   asunto: "SOL-0000-00-0000000000000", texto: "x")
            }
        }
        #expect(error?.message
                == "completar_solicitud_creada: la solicitud no es una recién insertada (sin estado, con código provisional)")
        // Nothing stayed: no row, no history, no mail, no number.
        #expect(try h.huella() == antes)
        #expect(try h.crear().data?["CodigoSolicitud"]?.stringValue == "SOL-2026-02-00000001")
    }

    @Test("the procedure ends the transaction: what the caller wrote before it is committed with it")
    func procedureCommits() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let otra = MariaDBConnection(configuration: h.connection.configuration)
        defer { otra.close() }
        try h.connection.transaction {
            let id = try Self.insertarProvisional(h)
            try Self.confirmar(h, id: id, provisional: Self.provisional, asunto: "Solicitud \(Self.provisional)",
                               texto: "Código: \(Self.provisional)")
            // Seen from another connection before this transaction's own end: committed by the procedure.
            #expect(try otra.queryFirst("SELECT CodigoSolicitud FROM Solicitud WHERE Id = \(id)")?.string("CodigoSolicitud")
                    == "SOL-2026-02-00000001")
            #expect(try otra.queryFirst("SELECT subject FROM mail_outbox")?.string("subject") == "Solicitud SOL-2026-02-00000001")
            #expect(try otra.queryFirst("SELECT body_text FROM mail_outbox")?.string("body_text") == "Código: SOL-2026-02-00000001")
        }
    }
}
