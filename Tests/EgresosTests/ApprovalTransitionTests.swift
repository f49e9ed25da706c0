@testable import Egresos
import HTTPCore
import MariaDB
import TestSupport
import Testing

/// Confirm and reject through the real responder and database (egresos.md #39, #41, #52, #53, #60, #61; §7.1,
/// §7.2, §7.4; ruling E9): status and stamps, the message as a comment, the notifications verbatim with their
/// mail in the outbox, and refusals that write nothing. Items are inserted by SQL. The seeded project 1 has the
/// grouper 4004 (Gustavo Ramírez Peña); 4001 (Alejandra Domínguez Ruiz) is the only admin; 4005 (Carla Méndez
/// Soto) is an account_manager.
@Suite("Egresos approval transitions")
struct ApprovalTransitionTests {
    static let now = "2026-12-01 12:00:00.000"

    @Test("#39 a quotation from draft to approved: 1 → 2 → 3, stamps, comments, notifications and their mail")
    func quotationToApproved() throws {
        let h = try EgresosHarness(language: "en")
        let id = try h.quotation(by: 4005)
        let submit = h.call(.post, "/api/v1/quotations/\(id)/confirm", json: #"{"message":"Lista para revisión"}"#, as: "cuentas")
        #expect(submit.status == 204 && submit.text.isEmpty)
        #expect(try h.itemRow("quotations", id) == "1|\(Self.now)|-|-|-|-|-|-")
        #expect(try h.comments("quotation_id", id) == ["4005|info|Lista para revisión"])
        #expect(try h.notifications() == [
            "4004|4005|quotation|submited|q\(id)|Carla Méndez Soto ha creado una solicitud. Tu eres el responsable de su revisión.|mail",
        ])
        #expect(try h.outbox() == [
            "grouper@element.com.mx|Element Studios: Cotización \(id)|Carla Méndez Soto ha creado una solicitud. Tu eres el responsable de su revisión.",
        ])

        // The leader accepts ("" is a message: min:0) → 2, the directors and the creator are told.
        h.clock.advance(seconds: 60)
        #expect(h.call(.post, "/api/v1/quotations/\(id)/confirm", json: #"{"message":""}"#, as: "grouper").status == 204)
        #expect(try h.itemRow("quotations", id) == "2|\(Self.now)|-|-|4004|-|-|-")
        #expect(try h.comments("quotation_id", id) == ["4005|info|Lista para revisión", "4004|good|"])
        #expect(try h.notifications().suffix(2) == [
            "4001|4004|quotation|submited|q\(id)|Gustavo Ramírez Peña ha aceptado una solicitud. Tu eres el responsable de su revisión.|mail",
            "4005|4004|quotation|accepted|q\(id)|Gustavo Ramírez Peña ha aceptado tu solicitud. Ahora está en revisión de los directivos.|mail",
        ])

        // A director approves → 3; the creator and the leader are told.
        #expect(h.call(.post, "/api/v1/quotations/\(id)/confirm", json: #"{"message":"Adelante"}"#, as: "admin").status == 204)
        #expect(try h.itemRow("quotations", id) == "3|\(Self.now)|2026-12-01 12:01:00.000|-|4004|-|4001|-")
        #expect(try h.notifications().suffix(2) == [
            "4005|4001|quotation|approved|q\(id)|Alejandra Domínguez Ruiz ha aprobado la solicitud.|mail",
            "4004|4001|quotation|approved|q\(id)|Alejandra Domínguez Ruiz ha aprobado la solicitud.|mail",
        ])
        #expect(try h.count("SELECT COUNT(*) FROM mail_outbox") == 5)

        // Approved is final: both actions are 409 "409", and nothing is written.
        let before = try h.fingerprint()
        for action in ["confirm", "reject"] {
            let refused = h.call(.post, "/api/v1/quotations/\(id)/\(action)", json: #"{"message":"x"}"#, as: "admin")
            #expect(refused.status == 409 && refused.errorCode == "409")
        }
        #expect(try h.fingerprint() == before)
    }

    @Test("#41 a director rejects: creator and leader told with the reason; the leader rejects at 1: creator only")
    func quotationRejected() throws {
        let h = try EgresosHarness(language: "en")
        let byDirector = try h.quotation(by: 4005, status: 2)
        #expect(h.call(.post, "/api/v1/quotations/\(byDirector)/reject", json: #"{"message":"Sin presupuesto"}"#, as: "admin").status == 204)
        #expect(try h.itemRow("quotations", byDirector) == "4|-|-|\(Self.now)|-|-|-|4001")
        #expect(try h.comments("quotation_id", byDirector) == ["4001|bad|Sin presupuesto"])
        let reason = "Alejandra Domínguez Ruiz ha rechazado la solicitud. Motivo: Sin presupuesto"
        #expect(try h.notifications() == ["4005|4001|quotation|rejected|q\(byDirector)|\(reason)|mail",
                                          "4004|4001|quotation|rejected|q\(byDirector)|\(reason)|mail"])

        let byLeader = try h.quotation(by: 4005, status: 1)
        #expect(h.call(.post, "/api/v1/quotations/\(byLeader)/reject", json: #"{"message":""}"#, as: "grouper").status == 204)
        #expect(try h.itemRow("quotations", byLeader) == "4|-|-|\(Self.now)|-|4004|-|-")
        #expect(try h.notifications().last == "4005|4004|quotation|rejected|q\(byLeader)|Gustavo Ramírez Peña ha rechazado la solicitud.|mail")
        // Rejected is terminal.
        #expect(h.call(.post, "/api/v1/quotations/\(byLeader)/confirm", json: #"{"message":""}"#, as: "admin").errorCode == "409")
    }

    @Test("E9 order: Roles 403 → id 404 → chain 403/409 → message; a refusal writes nothing")
    func refusals() throws {
        let h = try EgresosHarness(language: "en")
        let draft = try h.quotation(by: 4005)
        let review = try h.quotation(by: 4005, status: 1)
        for user in ["empleado", "cuentas", "admin", "grouper"] { _ = h.call(.get, "/api/v1/notifications", as: .staff(user)) }
        let before = try h.fingerprint()
        // The Roles line comes first, even for an unknown id; #41 admits admin and grouper only.
        #expect(h.call(.post, "/api/v1/quotations/999999/confirm", json: "{}", as: "empleado").errorCode == "4031")
        #expect(h.call(.post, "/api/v1/quotations/\(review)/reject", json: #"{"message":""}"#, as: "cuentas").errorCode == "4031")
        // The id, before the state and the body.
        let missing = h.call(.post, "/api/v1/quotations/999999/confirm", json: "{}", as: "admin")
        #expect(missing.status == 404 && missing.fieldErrors == ["quotation_id:4042"])
        #expect(missing.json?["errors"]?.egItems?.first?["message"]?.stringValue == "The Quotation instance was not found.")
        // The chain, before the body: a draft is not rejected (409) and only its creator or an admin submits it.
        #expect(h.call(.post, "/api/v1/quotations/\(draft)/reject", json: "{}", as: "admin").errorCode == "409")
        #expect(h.call(.post, "/api/v1/quotations/\(draft)/confirm", json: "{}", as: "grouper").errorCode == "4031")
        // At 1 only the leader (with the grouper role) or a director decides; the creator cannot accept her own.
        #expect(h.call(.post, "/api/v1/quotations/\(review)/confirm", json: #"{"message":""}"#, as: "cuentas").errorCode == "4031")
        // Then the body: confirm's message is required (absent 400 4001) and a string (42217).
        let absent = h.call(.post, "/api/v1/quotations/\(draft)/confirm", json: "{}", as: "cuentas")
        #expect(absent.status == 400 && absent.fieldErrors == ["message:4001"])
        #expect(h.call(.post, "/api/v1/quotations/\(draft)/confirm", json: #"{"message":5}"#, as: "cuentas").fieldErrors == ["message:42217"])
        #expect(h.call(.post, "/api/v1/quotations/\(draft)/confirm", json: #"{"message":null}"#, as: "cuentas").fieldErrors == ["message:4221"])
        #expect(h.send(.post, "/api/v1/quotations/\(draft)/confirm", body: Array("[".utf8), contentType: "application/json",
                       as: "cuentas").errorCode == "400")
        #expect(try h.fingerprint() == before)
    }

    @Test("§7.1 destinations: no leader, the creator as leader, an admin creator → 2; an admin confirming another's draft → 1")
    func destinations() throws {
        let h = try EgresosHarness(language: "en")
        let byLeader = try h.quotation(by: 4004)
        #expect(h.call(.post, "/api/v1/quotations/\(byLeader)/confirm", json: #"{"message":""}"#, as: "grouper").status == 204)
        #expect(try h.status("quotations", byLeader) == 2)
        let byAdmin = try h.quotation(by: 4001)
        #expect(h.call(.post, "/api/v1/quotations/\(byAdmin)/confirm", json: #"{"message":""}"#, as: "admin").status == 204)
        #expect(try h.status("quotations", byAdmin) == 2)
        // E9: the admin sends cuentas' draft where cuentas' own confirm would: to the leader.
        let forLeader = try h.quotation(by: 4005)
        #expect(h.call(.post, "/api/v1/quotations/\(forLeader)/confirm", json: #"{"message":""}"#, as: "admin").status == 204)
        #expect(try h.status("quotations", forLeader) == 1)
        try h.execute("UPDATE projects SET grouper_id = NULL WHERE id = 1")
        let noLeader = try h.quotation(by: 4005)
        #expect(h.call(.post, "/api/v1/quotations/\(noLeader)/confirm", json: #"{"message":""}"#, as: "cuentas").status == 204)
        #expect(try h.status("quotations", noLeader) == 2)
    }

    @Test("§7.4 recipients deduplicated, the actor never notified")
    func recipients() throws {
        let h = try EgresosHarness(language: "en")
        // The leader created it: a director's rejection reaches the creator-and-leader once.
        let byLeader = try h.quotation(by: 4004, status: 2)
        #expect(h.call(.post, "/api/v1/quotations/\(byLeader)/reject", json: #"{"message":"No"}"#, as: "admin").status == 204)
        #expect(try h.notifications() == ["4004|4001|quotation|rejected|q\(byLeader)|Alejandra Domínguez Ruiz ha rechazado la solicitud. Motivo: No|mail"])
        // The only director submits her own draft: nobody else to tell. With a second admin, that admin is told.
        let byAdmin = try h.quotation(by: 4001)
        #expect(h.call(.post, "/api/v1/quotations/\(byAdmin)/confirm", json: #"{"message":""}"#, as: "admin").status == 204)
        #expect(try h.notifications().count == 1)
        let second = try h.user(email: "directora@element.com.mx", role: "admin")
        let again = try h.quotation(by: 4001)
        #expect(h.call(.post, "/api/v1/quotations/\(again)/confirm", json: #"{"message":""}"#, as: "admin").status == 204)
        #expect(try h.notifications().last?.hasPrefix("\(second)|4001|quotation|submited|q\(again)|") == true)
    }

    @Test("#52 a supply to approved stamps every expense; #61 a refund rejected without a message: no comment, no reason")
    func suppliesAndRefunds() throws {
        let h = try EgresosHarness(language: "en")
        let supply = try h.expenseParent("supplies", by: 4005, expenses: 2)
        #expect(h.call(.post, "/api/v1/supplies/\(supply)/confirm", json: #"{"message":"Insumos"}"#, as: "cuentas").status == 204)
        #expect(try h.itemRow("supplies", supply) == "1|\(Self.now)|-|-|-|-|-|-")
        #expect(try h.notifications() == [
            "4004|4005|supply|submited|s\(supply)|Carla Méndez Soto ha creado una solicitud. Tu eres el responsable de su revisión.|mail",
        ])
        #expect(h.call(.post, "/api/v1/supplies/\(supply)/confirm", json: #"{"message":"ok"}"#, as: "admin").status == 204)
        #expect(try h.itemRow("supplies", supply) == "3|\(Self.now)|\(Self.now)|-|-|-|4001|-")
        #expect(try h.count("SELECT COUNT(*) FROM expenses WHERE supply_id = \(supply) AND accepted_at = '\(Self.now)' AND rejected_at IS NULL") == 2)
        #expect(try h.comments("supply_id", supply) == ["4005|info|Insumos", "4001|good|ok"])

        let refund = try h.expenseParent("refunds", by: 4005, status: 1, expenses: 1)
        let rejected = h.call(.post, "/api/v1/refunds/\(refund)/reject", json: "{}", as: "grouper")
        #expect(rejected.status == 204)
        #expect(try h.itemRow("refunds", refund) == "4|-|-|\(Self.now)|-|4004|-|-")
        #expect(try h.count("SELECT COUNT(*) FROM expenses WHERE refund_id = \(refund) AND rejected_at = '\(Self.now)'") == 1)
        #expect(try h.comments("refund_id", refund).isEmpty)
        #expect(try h.notifications().last == "4005|4004|refund|rejected|r\(refund)|Gustavo Ramírez Peña ha rechazado la solicitud.|mail")
        // #60/#53: unknown ids name their model; a leader with another role cannot review (§13 decision 44).
        #expect(h.call(.post, "/api/v1/refunds/999999/confirm", json: "{}", as: "admin").fieldErrors == ["refund_id:4042"])
        #expect(h.call(.post, "/api/v1/supplies/999999/reject", json: "{}", as: "admin").fieldErrors == ["supply_id:4042"])
        try h.execute("UPDATE users SET role = 'account_manager' WHERE id = 4004")
        let pending = try h.expenseParent("supplies", by: 4005, status: 1, expenses: 1)
        #expect(h.call(.post, "/api/v1/supplies/\(pending)/confirm", json: #"{"message":""}"#, as: "grouper").errorCode == "4031")
    }

    @Test("E9: MAIL_NOTIFICATIONS off writes the notifications without mail; a delivered mail stamps mail_sended_at")
    func mail() throws {
        let off = try EgresosHarness(language: "en", extra: ["MAIL_NOTIFICATIONS": "off"])
        let quiet = try off.quotation(by: 4005)
        #expect(off.call(.post, "/api/v1/quotations/\(quiet)/confirm", json: #"{"message":""}"#, as: "cuentas").status == 204)
        #expect(try off.notifications() == [
            "4004|4005|quotation|submited|q\(quiet)|Carla Méndez Soto ha creado una solicitud. Tu eres el responsable de su revisión.|-",
        ])
        #expect(try off.count("SELECT COUNT(*) FROM mail_outbox") == 0)

        let h = try EgresosHarness(language: "en")
        let id = try h.quotation(by: 4005, status: 2)
        #expect(h.call(.post, "/api/v1/quotations/\(id)/confirm", json: #"{"message":""}"#, as: "admin").status == 204)
        #expect(try h.count("SELECT COUNT(*) FROM notifications WHERE mail_sended_at IS NOT NULL") == 0)
        // What the outbox sender does on delivery (App's MailOutboxQueue.markSent) and on a failure.
        let first = try h.count("SELECT MIN(id) FROM mail_outbox")
        try h.execute("UPDATE mail_outbox SET status = 'failed', attempts = 1 WHERE id <> \(first)")
        try h.execute("UPDATE mail_outbox SET status = 'sent', attempts = 1, sent_at = '2026-12-01 12:00:05.250' WHERE id = \(first)")
        #expect(try h.count("""
            SELECT COUNT(*) FROM notifications WHERE mail_outbox_id = \(first) AND mail_sended_at = '2026-12-01 12:00:05.250'
            """) == 1)
        #expect(try h.count("SELECT COUNT(*) FROM notifications WHERE mail_sended_at IS NULL") == 1)
        let listed = h.call(.get, "/api/v1/notifications", as: "cuentas").json?["notifications"]?.egItems?.first
        #expect(listed?["mail_sended_at"]?.stringValue == "2026-12-01T12:00:05.250Z")
    }
}

extension EgresosHarness {
    /// A quotation on project 1 by `creator` in `status`; returns its id.
    @discardableResult
    func quotation(by creator: Int, status: Int = 0, cost: Int = 100_000) throws -> Int {
        try database.connection.execute("""
            INSERT INTO quotations (project_id, created_by, billing_date, project_start_date, project_end_date, cost_in_cents, status)
            VALUES (1, \(creator), '2026-12-01', '2026-12-01 00:00:00', '2026-12-31 00:00:00', \(cost), \(status))
            """).lastInsertID
    }

    /// A supply or refund (`table`) on project 1 by `creator` in `status` with `expenses` expenses of supplier 1.
    @discardableResult
    func expenseParent(_ table: String, by creator: Int, status: Int = 0, expenses: Int) throws -> Int {
        let id = try database.connection.execute(SQLQuery(unsafeSQL: """
            INSERT INTO \(table) (created_by, customer_id, brand_id, project_id, status) VALUES (\(creator), 1, 1, 1, \(status))
            """)).lastInsertID
        let reference = table == "supplies" ? "supply_id" : "refund_id"
        for index in 0..<expenses {
            try execute("""
                INSERT INTO expenses (\(reference), supplier_id, concept, comments, cost_in_cents)
                VALUES (\(id), 1, 'Gasto \(index)', '', 25000)
                """)
        }
        return id
    }

    /// `status|completed_at|accepted_at|rejected_at|leader_accepted_by|leader_rejected_by|director_accepted_by|
    /// director_rejected_by` of row `id` (`-` for null).
    func itemRow(_ table: String, _ id: Int) throws -> String? {
        try row("""
            SELECT CONCAT_WS('|', status, IFNULL(completed_at, '-'), IFNULL(accepted_at, '-'), IFNULL(rejected_at, '-'),
                   IFNULL(leader_accepted_by, '-'), IFNULL(leader_rejected_by, '-'), IFNULL(director_accepted_by, '-'),
                   IFNULL(director_rejected_by, '-')) AS r FROM \(table) WHERE id = \(id)
            """)?.string("r")
    }

    /// The status of row `id` of `table`.
    func status(_ table: String, _ id: Int) throws -> Int { try count("SELECT status FROM \(table) WHERE id = \(id)") }

    /// `user_id|status|message` of the comments of `column` = `id`, by id.
    func comments(_ column: String, _ id: Int) throws -> [String] {
        try database.connection.query(SQLQuery(unsafeSQL: """
            SELECT CONCAT_WS('|', user_id, status, message) AS r FROM comments WHERE \(column) = \(id) ORDER BY id
            """)).map { try $0.string("r") }
    }

    /// `to|from|type_of|status|<q|s|r><reference>|message|mail or -` of every notification, by id.
    func notifications() throws -> [String] {
        try database.connection.query("""
            SELECT CONCAT_WS('|', `to`, `from`, type_of, status,
                   COALESCE(CONCAT('q', quotation_id), CONCAT('s', supply_id), CONCAT('r', refund_id)), message,
                   IF(mail_outbox_id IS NULL, '-', 'mail')) AS r
              FROM notifications ORDER BY id
            """).map { try $0.string("r") }
    }

    /// `recipients|subject|first line of the text` of every outbox row, by id.
    func outbox() throws -> [String] {
        try database.connection.query("""
            SELECT CONCAT_WS('|', recipients, subject, SUBSTRING_INDEX(body_text, '\n', 1)) AS r FROM mail_outbox ORDER BY id
            """).map { try $0.string("r") }
    }
}
