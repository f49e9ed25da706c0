import AppCore
import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// 0025 (T6, issue 16): a creation writes its mails before it takes its code, under the row's provisional code, and
/// the CALL that takes the code writes it into them; the mails are the ones the record gives, byte for byte, and
/// they commit with the solicitud or not at all.
@Suite("A creation's mails written before its code (0025)", .serialized)
struct SolicitudCorreosAntesDelCodigoTests {
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

    @Test("when the call that takes the code fails, the mails written before it are rolled back with everything else")
    func mailsRollBack() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        _ = try h.crearId()
        let antes = try h.huella()
        // The first state is gone from the catalog: the mails are written (without a state line), then the CALL
        // refuses; the 500 leaves nothing, and no number is used.
        try h.connection.executeText("UPDATE EstadoSolicitud SET Eliminado = 1 WHERE Codigo = 'PENDIENTE_APROBACION'")
        let response = try h.crear()
        #expect(response.status == 500, "\(response.text)")
        #expect(try h.huella() == antes)
        try h.connection.executeText("UPDATE EstadoSolicitud SET Eliminado = 0 WHERE Codigo = 'PENDIENTE_APROBACION'")
        #expect(try h.crear().data?["CodigoSolicitud"]?.stringValue == "SOL-2026-02-00000002")
        #expect(try h.count("SELECT COUNT(*) FROM mail_outbox") == 4)
    }

    @Test("the procedure gives its code only to this creation's mails: another row, a mail without the provisional code or a wrong provisional code is refused")
    func procedureRefusesOtherMails() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        // A committed mail of someone else's, still pending.
        let ajeno = try MariaDBMailOutbox.enqueue(MailMessage(to: ["x@transporte.local"], subject: "Otro", text: "Otro asunto"),
                                                  on: h.connection)
        let antes = try h.huella()
        func intento(_ correo: (_ provisional: String) throws -> Int64?, provisional cambiar: Bool = false) throws -> String? {
            let error = #expect(throws: MariaDBError.self) {
                try h.connection.transaction {
                    let fila = try #require(try h.connection.queryFirst(SQLQuery(unsafeSQL: """
                        INSERT INTO Solicitud (CodigoSolicitud, IdUsuarioSolicitante, IdDepartamentoSolicitante, \
                        IdUsuarioAprobador, IdTipoPrioridadSolicitud, IdTipoServicioSolicitud, Asunto, CantidadPasajeros, \
                        FechaServicioRequerido, HoraServicioRequerido) \
                        VALUES ('SOL-0000-00-1234567890123', 1, 2, 3, 2, 1, 'Prueba', 1, '2026-04-15', '08:00') \
                        RETURNING Id, CodigoSolicitud
                        """)))
                    let provisional = try fila.string("CodigoSolicitud")
                    let id = try fila.int("Id")
                    let correoId = try correo(provisional)
                    try h.connection.execute(SQLQuery(
                        unsafeSQL: "CALL confirmar_solicitud_creada(?, ?, 2026, 2, ?, ?, NULL, @c, @e, @ce, @n, @co, @f)",
                        binds: [.int(Int64(id)), .dateTime(SQLDateTime(unixMilliseconds: TransporteHarness.finDeFebrero)),
                                .text(cambiar ? "SOL-0000-00-0000000000000" : provisional), correoId.map(SQLValue.int) ?? .null]))
                }
            }
            return error?.message
        }
        let otro = "confirmar_solicitud_creada: un correo no es de esta creación (pendiente, con el código provisional)"
        #expect(try intento { _ in ajeno } == otro)
        #expect(try intento { _ in
            try MariaDBMailOutbox.enqueue(MailMessage(to: ["y@transporte.local"], subject: "Sin código", text: "Nada"),
                                          on: h.connection)
        } == otro)
        #expect(try intento({ provisional in
            try MariaDBMailOutbox.enqueue(MailMessage(to: ["y@transporte.local"], subject: provisional, text: provisional),
                                          on: h.connection)
        }, provisional: true) == "completar_solicitud_creada: la solicitud no es una recién insertada (sin estado, con código provisional)")
        // Nothing stayed: no row, no mail, no number; the other mail is untouched.
        #expect(try h.huella() == antes)
        #expect(try Self.filas(h) == [Fila(recipients: "x@transporte.local", subject: "Otro", text: "Otro asunto", html: nil)])
        #expect(try h.crear().data?["CodigoSolicitud"]?.stringValue == "SOL-2026-02-00000001")
    }
}
