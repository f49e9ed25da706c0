"""Egresos approvals of supplies end to end (egresos.md §7.2, §7.4; rulings 2 and E9): a supply rejected by a director
mails the reason to its creator and its project's leader. The supply is written by SQL as the module's runtime account
(the create routes are not what this tests). The quotation's whole flow, created through the API, is in
test_egresos_quotation_flow.py."""

from __future__ import annotations

import json
import os
import subprocess
import unittest

from helpers import (APPS_DOWN, RUN_DIR, SMTP_DIR, ModuleTestCase, Response, delivered_mail, recipients, requires_apps,
                     stack_secret, stack_setting, staff_token)

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
