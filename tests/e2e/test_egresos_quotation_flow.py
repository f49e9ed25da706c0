"""Egresos' core business end to end through nginx with the real SMTP sink (issue 13; egresos.md §3.5, §7.1,
§7.3, §7.4, rulings 2 and E9): an account manager's quotation goes from draft to approved through the project's
leader and the directors, every notification is stored and mailed with the verbatim message, the supplier then
bills a payment in the portal and an admin marks it paid. A second quotation is rejected by the leader, with the
reason in the creator's notice.

Development seed (sql/egresos/seed/development.sql): project 1 has grouper@ (4004) as its leader; admin@ (4001)
is the only director; cuentas@ (4005, account_manager) creates; the supplier proveedor@example.com (id 1) has the
password Password123."""

import json
import os
import time
import unittest

from helpers import SMTP_DIR, ModuleTestCase, Response, multipart, recipients, requires_apps, staff_token

ADMIN, LEADER, CREATOR = "admin@element.com.mx", "grouper@element.com.mx", "cuentas@element.com.mx"
NAMES = {ADMIN: "Alejandra Domínguez Ruiz", LEADER: "Gustavo Ramírez Peña", CREATOR: "Carla Méndez Soto"}
IDS = {ADMIN: 4001, LEADER: 4004, CREATOR: 4005}
SUPPLIER = {"email": "proveedor@example.com", "password": "Password123"}
PDF = b"%PDF-1.4\n% e2e quotation\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def mail_text(message) -> str:
    """The plain-text body of a mail (or its only part)."""
    part = message.get_body(preferencelist=("plain",))
    return (part or message).get_content().replace("\r\n", "\n")


@requires_apps
@unittest.skipUnless(SMTP_DIR, "VENTANILLA_E2E_SMTP_DIR not set (scripts/test starts the SMTP sink)")
class EgresosQuotationFlowTest(ModuleTestCase):
    MODULE = "egresos"

    def setUp(self):
        self.tokens = {email: staff_token(email) for email in (ADMIN, LEADER, CREATOR)}

    # -- helpers -------------------------------------------------------------------------------------------

    def call(self, method: str, path: str, token: str | None, body=None) -> Response:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        return self.request(method, path, body=None if body is None else json.dumps(body), headers=headers)

    def staff(self, method: str, path: str, email: str, body=None) -> Response:
        return self.call(method, path, self.tokens[email], body)

    def send(self, method: str, path: str, token: str, fields=None, files=None) -> Response:
        body, content_type = multipart(fields, files)
        return self.request(method, path, body=body, headers={"Authorization": "Bearer " + token,
                                                               "Content-Type": content_type})

    def mailbox(self) -> set[str]:
        return {name for name in os.listdir(SMTP_DIR) if name.endswith(".eml")}

    def mail_since(self, before: set[str], expected: dict[str, str], subject: str, timeout: float = 30.0) -> None:
        """Exactly the mails EXPECTED (recipient e-mail → text its body starts with) arrive after BEFORE, one each,
        with SUBJECT."""
        import email as email_lib
        import email.policy
        deadline = time.time() + timeout
        while True:
            received = []
            for name in sorted(self.mailbox() - before):
                with open(os.path.join(SMTP_DIR, name), "rb") as handle:
                    received.append(email_lib.message_from_bytes(handle.read(), policy=email.policy.default))
            if len(received) >= len(expected) or time.time() >= deadline:
                break
            time.sleep(0.3)
        got = {}
        for message in received:
            for rcpt in recipients(message):
                self.assertNotIn(rcpt, got, f"two mails to {rcpt}")
                got[rcpt] = (mail_text(message), str(message["Subject"]))
        self.assertEqual(sorted(got), sorted(expected), "who was mailed")
        for rcpt, text in expected.items():
            self.assertTrue(got[rcpt][0].startswith(text + "\n"), f"the mail to {rcpt}: {got[rcpt][0]!r}")
            self.assertEqual(got[rcpt][1], subject, f"the subject of the mail to {rcpt}")

    def notices(self, email: str, quotation: int) -> list[dict]:
        listed = self.assertJSON(self.staff("GET", "/api/v1/notifications", email), 200)["notifications"]
        return [n for n in listed if n["type_of"] == "quotation" and n["quotation"] == quotation]

    def create_quotation(self, cost: int = 100000) -> dict:
        created = self.send("POST", "/api/v1/projects/1/quotations", self.tokens[CREATOR], fields={
            "billing_date": "2026-12-15", "project_start_date": "2026-12-01", "project_end_date": "2026-12-31",
            "cost_in_cents": str(cost), "location": "Ciudad de México",
        }, files={"quotation_file": ("cotizacion.pdf", "application/pdf", PDF)})
        quotation = self.assertJSON(created, 200)
        self.assertEqual((quotation["status"], quotation["priority"], quotation["cost"]), (0, "low", "1000.00"))
        self.assertEqual(quotation["project"]["id"], 1)
        self.assertEqual(quotation["payment_conditions"], 60, "the customer's payment conditions (Grupo Modelo)")
        return quotation

    # -- the flows -----------------------------------------------------------------------------------------

    def test_draft_to_approved_mailed_billed_and_paid(self):
        quotation = self.create_quotation()
        qid = quotation["id"]
        # Paso 2: the supplier's quotation, the document's single-quoted multipart schedule, explicit amounts
        # (30000 cash + 20000 transfer, the Bills example) plus a second supplier quotation split evenly.
        first = self.assertJSON(self.send("POST", f"/api/v1/quotations/{qid}/suppliers", self.tokens[CREATOR], fields={
            "supplier_id": "1", "concept": "Renta de camaras", "cost_in_cents": "50000", "comments": "Dos cámaras",
            "payment_schedule": "[{'payment_date':'2026-12-20','payment_method':'cash','amount':30000},"
                                "{'payment_date':'2027-01-20','payment_method':'direct_bank_transfer','amount':20000}]",
        }), 200)
        self.assertEqual([(p["amount"], p["payment_method"]) for p in first["payment_schedule"]],
                         [(30000, "cash"), (20000, "direct_bank_transfer")])
        second = self.assertJSON(self.staff("POST", f"/api/v1/quotations/{qid}/suppliers", CREATOR, {
            "supplier_id": 1, "concept": "Comida y alimentos", "cost_in_cents": 10001, "comments": "Tres pagos",
            "payment_schedule": [{"payment_date": "2026-12-21", "payment_method": "cash"}] * 3,
        }), 200)
        self.assertEqual([p["amount"] for p in second["payment_schedule"]], [3333, 3333, 3335])

        # Paso 4.1: the creator submits; the project has a leader who is not the creator → status 1.
        subject = f"Element Studios: Cotización {qid}"
        before = self.mailbox()
        self.assertEqual(self.staff("POST", f"/api/v1/quotations/{qid}/confirm", CREATOR, {"message": ""}).status, 204)
        submitted = f"{NAMES[CREATOR]} ha creado una solicitud. Tu eres el responsable de su revisión."
        self.mail_since(before, {LEADER: submitted}, subject)
        self.assertEqual(self.assertJSON(self.staff("GET", f"/api/v1/quotations/{qid}", ADMIN), 200)["status"], 1)
        # Edits are over (423), and the creator cannot review their own quotation (403 4031).
        locked = self.send("PUT", f"/api/v1/quotations/{qid}", self.tokens[CREATOR], fields={"location": "Otra"})
        self.assertEqual(self.assertJSON(locked, 423)["code"], "423")
        self.assertEqual(self.assertJSON(self.staff("POST", f"/api/v1/quotations/{qid}/confirm", CREATOR,
                                                    {"message": ""}), 403)["code"], "4031")

        # The supplier cannot bill a payment of a quotation that is not approved yet (§7.3: 423).
        session = self.assertJSON(self.call("POST", "/api/v1/suppliers/session", None, SUPPLIER), 200)
        portal = session["authorization"]["access_token"]
        early = self.send("POST", f"/api/v1/suppliers/payment_schedules/{first['payment_schedule'][0]['id']}", portal,
                          files={"billing_file": ("factura.pdf", "application/pdf", PDF)})
        self.assertEqual(self.assertJSON(early, 423)["code"], "423")

        # The leader accepts → status 2: every director is asked to review, the creator is told.
        before = self.mailbox()
        self.assertEqual(self.staff("POST", f"/api/v1/quotations/{qid}/confirm", LEADER,
                                    {"message": "Todo en orden"}).status, 204)
        self.mail_since(before, {
            ADMIN: f"{NAMES[LEADER]} ha aceptado una solicitud. Tu eres el responsable de su revisión.",
            CREATOR: f"{NAMES[LEADER]} ha aceptado tu solicitud. Ahora está en revisión de los directivos.",
        }, subject)

        # A director approves → status 3: the creator and the leader are told; the director is not.
        before = self.mailbox()
        self.assertEqual(self.staff("POST", f"/api/v1/quotations/{qid}/confirm", ADMIN, {"message": "Aprobada"}).status, 204)
        approved = f"{NAMES[ADMIN]} ha aprobado la solicitud."
        self.mail_since(before, {CREATOR: approved, LEADER: approved}, subject)
        final = self.assertJSON(self.staff("GET", f"/api/v1/quotations/{qid}", ADMIN), 200)
        self.assertEqual((final["status"], final["approved"], final["rejected"]), (3, True, False))
        self.assertIsNotNone(final["accepted_at"])
        self.assertEqual(self.assertJSON(self.staff("POST", f"/api/v1/quotations/{qid}/reject", ADMIN,
                                                    {"message": ""}), 409)["code"], "409")

        # Every notification is stored for its recipient, from the actor, and stamped as mailed.
        expected = {
            LEADER: [("approved", IDS[ADMIN], approved), ("submited", IDS[CREATOR], submitted)],
            ADMIN: [("submited", IDS[LEADER], f"{NAMES[LEADER]} ha aceptado una solicitud. Tu eres el responsable de su revisión.")],
            CREATOR: [("approved", IDS[ADMIN], approved),
                      ("accepted", IDS[LEADER], f"{NAMES[LEADER]} ha aceptado tu solicitud. Ahora está en revisión de los directivos.")],
        }
        for email, rows in expected.items():
            deadline = time.time() + 15
            while any(n["mail_sended_at"] is None for n in self.notices(email, qid)) and time.time() < deadline:
                time.sleep(0.3)
            listed = self.notices(email, qid)
            self.assertEqual([(n["status"], n["from"], n["message"]) for n in listed], rows, email)
            self.assertTrue(all(n["to"] == IDS[email] and n["mail_sended_at"] for n in listed), email)

        # The resume: the figures of §6.1 for 100000 of income against 60001 of suppliers.
        resume = self.assertJSON(self.staff("GET", f"/api/v1/quotations/{qid}/resume", CREATOR), 200)
        self.assertEqual((resume["suppliers_total_number"], resume["gain_total_number"], resume["profitability"],
                          resume["cash_number"], resume["direct_bank_transfer_number"], resume["status_label"]),
                         (60001, 39999, "40 %", 40001, 20000, "success"))
        self.assertEqual([c["message"] for c in resume["comments"]], ["", "Todo en orden", "Aprobada"])

        # The portal: the supplier sees the approved quotation's payments, bills the cash one, an admin pays it.
        bills = [b for b in self.assertJSON(self.call("GET", "/api/v1/suppliers/bills", portal), 200)["bills"]
                 if b["quotation_id"] == qid]
        self.assertEqual(sorted((b["amount"], b["payment_method"]) for b in bills),
                         [(3333, "cash"), (3333, "cash"), (3335, "cash"), (20000, "direct_bank_transfer"),
                          (30000, "cash")])
        cash = next(b for b in bills if b["amount"] == 30000)
        billed = self.assertJSON(self.send("POST", f"/api/v1/suppliers/payment_schedules/{cash['id']}", portal,
                                           files={"billing_file": ("factura.pdf", "application/pdf", PDF)}), 200)
        self.assertIsNotNone(billed["billing_file"])
        self.assertFalse(billed["paid"])
        self.assertEqual(self.staff("PUT", f"/api/v1/payment_schedules/{cash['id']}/paid", ADMIN,
                                    {"paid_at": "2026-12-20"}).status, 204)
        paid = self.assertJSON(self.call("GET", f"/api/v1/suppliers/payment_schedules/{cash['id']}", portal), 200)
        self.assertEqual((paid["paid"], paid["paid_at"]), (True, "2026-12-20"))
        again = self.staff("PUT", f"/api/v1/payment_schedules/{cash['id']}/paid", ADMIN, {"paid_at": "2026-12-21"})
        self.assertEqual(self.assertJSON(again, 409)["code"], "409")

    def test_leader_rejects_with_a_reason(self):
        qid = self.create_quotation()["id"]
        subject = f"Element Studios: Cotización {qid}"
        before = self.mailbox()
        self.assertEqual(self.staff("POST", f"/api/v1/quotations/{qid}/confirm", CREATOR, {"message": "Lista"}).status, 204)
        self.mail_since(before, {LEADER: f"{NAMES[CREATOR]} ha creado una solicitud. Tu eres el responsable de su revisión."},
                        subject)
        before = self.mailbox()
        self.assertEqual(self.staff("POST", f"/api/v1/quotations/{qid}/reject", LEADER,
                                    {"message": "Falta el contrato"}).status, 204)
        rejected = f"{NAMES[LEADER]} ha rechazado la solicitud. Motivo: Falta el contrato"
        self.mail_since(before, {CREATOR: rejected}, subject)
        self.assertEqual([(n["status"], n["message"]) for n in self.notices(CREATOR, qid)], [("rejected", rejected)])
        final = self.assertJSON(self.staff("GET", f"/api/v1/quotations/{qid}", ADMIN), 200)
        self.assertEqual((final["status"], final["rejected"], final["approved"]), (4, True, False))
        self.assertEqual(self.assertJSON(self.staff("POST", f"/api/v1/quotations/{qid}/confirm", ADMIN,
                                                    {"message": ""}), 409)["code"], "409")


if __name__ == "__main__":
    unittest.main()
