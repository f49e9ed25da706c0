"""Egresos approvals end to end (egresos.md §7.1, §7.2, §7.4; rulings 2 and E9): a quotation from draft to approved
through nginx, each notification mailed to its recipient by the outbox sender with the stored message verbatim (the
real SMTP sink) and its mail_sended_at set on delivery; the supplier then bills the approved payment in the portal
(its file served under /files/) and an admin marks it paid. A supply rejected by a director mails the reason.
The items are written by SQL as the module's runtime account (the create routes are not what this tests)."""

from __future__ import annotations

import json
import os
import subprocess
import time
import unittest
import urllib.parse

from helpers import (APPS_DOWN, BASE_URLS, RUN_DIR, SMTP_DIR, ModuleTestCase, Response, delivered_mail, multipart,
                     recipients, requires_apps, stack_secret, stack_setting, staff_token)

SUPPLIER = {"email": "proveedor@example.com", "password": "Password123"}
CREATOR, LEADER, DIRECTOR = "cuentas@element.com.mx", "grouper@element.com.mx", "admin@element.com.mx"


def sql(statement: str) -> str:
    """STATEMENT run as Egresos' runtime account over the stack's socket; its output."""
    done = subprocess.run(
        ["mariadb", "--no-defaults", f"--socket={stack_setting('DB_SOCKET')}", "--user=egresos", "--batch",
         "--skip-column-names", "egresos", "-e", statement],
        env={**os.environ, "MYSQL_PWD": stack_secret("EGRESOS_DB_PASSWORD")}, capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        raise AssertionError(done.stderr)
    return done.stdout.strip()


def text_of(message) -> str:
    """The plain-text body, with the wire's CRLF line ends as newlines."""
    return message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")


@requires_apps
@unittest.skipIf(APPS_DOWN or not RUN_DIR or not SMTP_DIR, "needs the stack's database and SMTP sink (e2e tier)")
class EgresosApprovalsTest(ModuleTestCase):
    MODULE = "egresos"

    def staff(self, method: str, path: str, email: str, body=None) -> Response:
        return self.request(method, path, body=None if body is None else json.dumps(body),
                            headers={"Authorization": "Bearer " + staff_token(email),
                                     "Content-Type": "application/json"})

    def mail(self, to: str, subject: str, text: str):
        found = delivered_mail(lambda m: to in recipients(m) and str(m["Subject"]) == subject
                               and text_of(m).startswith(text + "\n"))
        self.assertEqual(len(found), 1, f"no mail to {to}: {subject} / {text}")

    def test_quotation_from_draft_to_approved_then_billed_and_paid(self):
        # Every staff user's token links on first use (§10.1); do it before the rows name them.
        for email in (CREATOR, LEADER, DIRECTOR):
            self.assertEqual(self.staff("GET", "/api/v1/notifications", email).status, 200)
        quotation = int(sql("""
            INSERT INTO quotations (project_id, created_by, billing_date, project_start_date, project_end_date, cost_in_cents)
            VALUES (1, 4005, '2026-12-01', '2026-12-01', '2026-12-31', 100000);
            SELECT LAST_INSERT_ID();"""))
        schedule = int(sql(f"""
            INSERT INTO supplier_quotations (quotation_id, supplier_id, concept, cost_in_cents, comments)
            VALUES ({quotation}, 1, 'Renta de camaras', 50000, 'e2e');
            INSERT INTO payment_schedules (supplier_quotation_id, position, amount, payment_method, payment_date)
            VALUES (LAST_INSERT_ID(), 0, 50000, 'cash', '2026-12-15');
            SELECT LAST_INSERT_ID();"""))
        subject = f"Element Studios: Cotización {quotation}"
        path = f"/api/v1/quotations/{quotation}/confirm"

        # The creator submits: the project's grouper is told.
        self.assertEqual(self.staff("POST", path, CREATOR, {"message": "Lista para revisión"}).status, 204)
        self.mail(LEADER, subject, "Carla Méndez Soto ha creado una solicitud. Tu eres el responsable de su revisión.")
        # A bill cannot be uploaded before the approval (423).
        supplier = self.assertJSON(self.request("POST", "/api/v1/suppliers/session", body=json.dumps(SUPPLIER),
                                                headers={"Content-Type": "application/json"}), 200)
        portal = {"Authorization": "Bearer " + supplier["authorization"]["access_token"]}
        bill, content_type = multipart(files={"billing_file": ("factura.pdf", "application/pdf", b"%PDF-1.4 e2e bill")})
        early = self.request("POST", f"/api/v1/suppliers/payment_schedules/{schedule}", body=bill,
                             headers={**portal, "Content-Type": content_type})
        self.assertJSON(early, 423, {"code": "423", "message": "No puedes realizar esta acción ya que esta bloqueada"})

        # The leader accepts: the directors must review, the creator is told.
        self.assertEqual(self.staff("POST", path, LEADER, {"message": ""}).status, 204)
        self.mail(DIRECTOR, subject, "Gustavo Ramírez Peña ha aceptado una solicitud. Tu eres el responsable de su revisión.")
        self.mail(CREATOR, subject,
                  "Gustavo Ramírez Peña ha aceptado tu solicitud. Ahora está en revisión de los directivos.")

        # A director approves: the creator and the leader are told; a second confirm is a 409.
        self.assertEqual(self.staff("POST", path, DIRECTOR, {"message": "Adelante"}).status, 204)
        for email in (CREATOR, LEADER):
            self.mail(email, subject, "Alejandra Domínguez Ruiz ha aprobado la solicitud.")
        self.assertJSON(self.staff("POST", path, DIRECTOR, {"message": ""}), 409,
                        {"code": "409", "message": "La solicitud no pudo completarse debido a un conflicto con el estado actual."})

        # Each delivered mail stamped its notification (the sender marks the outbox row after the sink took it).
        deadline = time.time() + 30
        while True:
            listed = self.assertJSON(self.staff("GET", "/api/v1/notifications", LEADER), 200)["notifications"]
            mine = [n for n in listed if n["quotation"] == quotation]
            if all(n["mail_sended_at"] for n in mine) or time.time() > deadline:
                break
            time.sleep(0.3)
        self.assertEqual([n["status"] for n in mine], ["approved", "submited"])
        self.assertTrue(all(n["mail_sended_at"] and n["mail_sended_at"].endswith("Z") for n in mine), mine)

        # The supplier bills the approved payment; the file is served by nginx; an admin marks it paid.
        billed = self.assertJSON(self.request("POST", f"/api/v1/suppliers/payment_schedules/{schedule}", body=bill,
                                              headers={**portal, "Content-Type": content_type}), 200)
        url = urllib.parse.urlsplit(billed["billing_file"])
        self.assertEqual(f"{url.scheme}://{url.netloc}", BASE_URLS["egresos"])
        self.assertEqual(self.get(url.path).body, b"%PDF-1.4 e2e bill")
        self.assertEqual(self.staff("PUT", f"/api/v1/payment_schedules/{schedule}/paid", DIRECTOR,
                                    {"paid_at": "2026-12-20"}).status, 204)
        shown = self.assertJSON(self.request("GET", f"/api/v1/suppliers/payment_schedules/{schedule}", headers=portal), 200)
        self.assertEqual((shown["paid"], shown["paid_at"]), (True, "2026-12-20"))

    def test_a_director_rejects_a_supply_and_the_reason_is_mailed(self):
        for email in (CREATOR, DIRECTOR):
            self.assertEqual(self.staff("GET", "/api/v1/notifications", email).status, 200)
        supply = int(sql("""
            INSERT INTO supplies (created_by, customer_id, brand_id, project_id, status) VALUES (4005, 1, 1, 1, 2);
            SELECT LAST_INSERT_ID();"""))
        sql(f"INSERT INTO expenses (supply_id, supplier_id, concept, comments, cost_in_cents) VALUES ({supply}, 1, 'Gasto', '', 1000)")
        reason = "Falta la factura del proveedor"
        self.assertEqual(self.staff("POST", f"/api/v1/supplies/{supply}/reject", DIRECTOR, {"message": reason}).status, 204)
        text = f"Alejandra Domínguez Ruiz ha rechazado la solicitud. Motivo: {reason}"
        for email in (CREATOR, LEADER):
            self.mail(email, f"Element Studios: Insumo {supply}", text)
        self.assertEqual(sql(f"SELECT status FROM supplies WHERE id = {supply}"), "4")


if __name__ == "__main__":
    unittest.main()
