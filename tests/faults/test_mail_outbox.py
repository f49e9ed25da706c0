"""The mail outbox through an SMTP outage (issue 17). Transporte (a solicitud mails its requester and its approver)
and Egresos (a supplier's invitation) write each mail into mail_outbox in the request's transaction; a sender thread
per process delivers it. With the SMTP sink stopped, the mails wait in the outbox (pending, the outage recorded, no
attempt used up: a server that cannot be reached is not the message's failure); when the sink is back, each arrives
exactly once within MAIL_RETRY_BASE_SECONDS plus a pass, however long the outage lasted. A server that refuses a recipient (451, 550) costs that mail retries, never the others their delivery. The
sender still delivers after a database restart.

The retry schedule (Sources/AppCore/Mail/MailSettings.swift, Sources/App/Mail/MailSender.swift): after failed
conversation k the next one is due MAIL_RETRY_BASE_SECONDS * 2^(k-1) later, capped at 1 h (the test stack: base 1 s);
after MAIL_MAX_ATTEMPTS (8) the mail is marked failed. A server that cannot be reached puts the mail off by
MAIL_RETRY_BASE_SECONDS with no attempt counted. The sender looks for due mail every second."""

import email
import email.policy
import json
import os
import time
import unittest

from faults import ctl, sql, wait_until_answers
from helpers import SMTP_DIR, TransporteTestCase, recipients, request, staff_token

BASE_SECONDS = 1  # *_MAIL_RETRY_BASE_SECONDS in the test stack (scripts/test's test_stack_up)
POLL_SECONDS = 1  # the sender's pause between passes when nothing is due
SLACK_SECONDS = 5  # a delivery, a claim, a slow machine
OUTAGE_RETRIES = 4  # how many MAIL_RETRY_BASE_SECONDS the SMTP outage lasts once every mail has met it
DB = {"transporte": "transporte", "egresos": "egresos"}


def sink_messages() -> list[email.message.EmailMessage]:
    """Every message the sink has stored."""
    found = []
    for name in sorted(os.listdir(SMTP_DIR)):
        if name.endswith(".eml"):
            with open(os.path.join(SMTP_DIR, name), "rb") as handle:
                found.append(email.message_from_bytes(handle.read(), policy=email.policy.default))
    return found


def outbox(module: str, after_id: int) -> list[dict]:
    """The outbox rows of MODULE newer than AFTER_ID."""
    rows = sql(DB[module], "SELECT id, status, attempts, recipients, subject, IFNULL(last_error, ''), "
                           f"IFNULL(TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(3), next_attempt_at), 0) "
                           f"FROM mail_outbox WHERE id > {after_id} ORDER BY id")
    return [{"id": int(r[0]), "status": r[1], "attempts": int(r[2]), "recipients": set(r[3].split(",")),
             "subject": r[4], "last_error": r[5], "due_in": int(r[6]) / 1e6} for r in rows]


def last_id(module: str) -> int:
    return int(sql(DB[module], "SELECT IFNULL(MAX(id), 0) FROM mail_outbox")[0][0])


def wait_for(condition, timeout: float, what: str, interval: float = 0.2):
    """Polls CONDITION() until it returns something truthy; returns it, or fails naming WHAT."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout}s")
        time.sleep(interval)


@unittest.skipUnless(SMTP_DIR, "VENTANILLA_E2E_SMTP_DIR not set (scripts/test starts the SMTP sink)")
class MailOutboxTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.transporte = TransporteTestCase()
        cls.staff = staff_token("manager@element.com.mx")

    # -- what sends mail -------------------------------------------------------------------------------------------

    def create_solicitud(self, tag: str) -> str:
        """A solicitud (seed 002) by solicitante1 for aprobador1: two mails. Returns its code."""
        from test_transporte_solicitudes import seed_002_body  # tests/e2e, on the path
        resp = self.transporte.call("POST", "/solicitud", "solicitante1", seed_002_body(asunto=f"Outbox {tag}"))
        self.assertEqual(resp.status, 201, str(resp))
        return resp.json()["data"]["CodigoSolicitud"]

    def invite_supplier(self, local: str) -> str:
        """A supplier registered by staff: one invitation mail to its e-mail. Returns the e-mail."""
        stamp = time.time_ns()
        address = f"{local}{stamp}@proveedor-faults.mx"
        resp = request("egresos", "POST", "/api/v1/suppliers", json.dumps({
            "company_name": f"Proveedor Outbox {stamp}", "contact_name": "Ana Contreras", "phone": "+525541878844",
            "email": address, "business_activity": "Impresión", "payment_conditions": 30,
        }), headers={"Authorization": "Bearer " + self.staff, "Content-Type": "application/json"})
        self.assertEqual(resp.status, 201, str(resp))
        return address

    # -- checks -----------------------------------------------------------------------------------------------------

    def delivered(self, rows: list[dict]) -> dict[int, list]:
        """For each outbox row, the sink's messages with its recipients and subject."""
        messages = sink_messages()
        return {row["id"]: [m for m in messages
                            if recipients(m) == row["recipients"] and str(m["Subject"]) == row["subject"]]
                for row in rows}

    def test_an_smtp_outage_keeps_every_mail_and_delivers_each_once_when_it_returns(self):
        start = {module: last_id(module) for module in DB}
        ctl("smtp-stop")
        try:
            codes = [self.create_solicitud(f"caida {i}") for i in range(3)]
            invited = [self.invite_supplier("caida") for _ in range(3)]
            rows = {"transporte": outbox("transporte", start["transporte"]),
                    "egresos": outbox("egresos", start["egresos"])}
            self.assertEqual(len(rows["transporte"]), 6, "two mails per solicitud, in the request's transaction")
            self.assertEqual(len(rows["egresos"]), 3, "one invitation per supplier")
            # Kept, not used up: every row pending with the outage recorded (a failed connection, or "not tried"
            # behind one in the same pass), no attempt counted, and due again within MAIL_RETRY_BASE_SECONDS.
            for module in DB:
                rows[module] = wait_for(
                    lambda m=module: (lambda r: r if all(x["last_error"] for x in r) else None)(outbox(m, start[m])),
                    timeout=30, what=f"{module}: every mail met the outage")
            time.sleep(OUTAGE_RETRIES * BASE_SECONDS)  # the outage outlasts several retries
            for module in DB:
                rows[module] = outbox(module, start[module])
                for row in rows[module]:
                    # "sending" is a retry pass claiming the row at the instant of the read: still kept, not used up.
                    self.assertIn(row["status"], ("pending", "sending"), f"{module} {row}")
                    self.assertEqual(row["attempts"], 0, f"{module}: an outage counts no attempt: {row}")
                    self.assertTrue(row["last_error"], f"{module}: the outage is recorded: {row}")
                    self.assertLessEqual(row["due_in"], BASE_SECONDS + 0.5, f"{module} {row}")
                self.assertTrue(all(not found for found in self.delivered(rows[module]).values()))
        finally:
            ctl("smtp-start")
        restarted = time.monotonic()
        # The bound: MAIL_RETRY_BASE_SECONDS whatever the outage's length, one sender pass, slack.
        bound = BASE_SECONDS + POLL_SECONDS + SLACK_SECONDS
        for module in DB:
            wait_for(lambda m=module: all(r["status"] == "sent" for r in outbox(m, start[m])),
                     timeout=bound, what=f"{module}: every mail sent after the sink came back")
        took = time.monotonic() - restarted
        self.assertLess(took, bound)
        time.sleep(POLL_SECONDS + 1)  # a duplicate would be a later pass's
        for module in DB:
            final = outbox(module, start[module])
            for row in final:
                self.assertEqual((row["status"], row["attempts"]), ("sent", 1), f"{module}: one conversation: {row}")
            found = self.delivered(final)
            for row in final:
                self.assertEqual(len(found[row["id"]]), 1, f"{module}: mail {row['id']} arrived {len(found[row['id']])} times")
            ids = [str(m["Message-ID"]) for messages in found.values() for m in messages]
            self.assertEqual(len(ids), len(set(ids)), "every message has its own Message-ID")
        for code in codes:
            self.assertTrue(any(code in r["subject"] for r in outbox("transporte", start["transporte"])))
        for address in invited:
            self.assertTrue(any(address in r["recipients"] for r in outbox("egresos", start["egresos"])))

    def test_a_server_that_refuses_a_recipient_costs_that_mail_retries_and_no_other_mail_its_delivery(self):
        start = last_id("egresos")
        refused = self.invite_supplier("refuse")     # the sink answers RCPT with 550
        deferred = self.invite_supplier("tempfail")  # ... with 451
        fine = self.invite_supplier("bien")
        rows = wait_for(lambda: (lambda r: r if len(r) == 3 and all(x["attempts"] >= 2 for x in r[:2])
                                 and r[2]["status"] == "sent" else None)(outbox("egresos", start)),
                        timeout=30, what="the refused mails tried twice, the good one sent")
        by_address = {next(iter(r["recipients"])): r for r in rows}
        self.assertEqual(len(self.delivered([by_address[fine]])[by_address[fine]["id"]]), 1)
        # The sender treats every failure alike (MAIL_MAX_ATTEMPTS tries, backoff capped at 1 h): a 5xx is not
        # taken as final, so that a misconfigured relay (530, 535, 554) cannot mark every queued mail failed at once.
        for address, code in ((refused, "550"), (deferred, "451")):
            row = by_address[address]
            self.assertEqual(row["status"], "pending", str(row))
            self.assertIn(code, row["last_error"], str(row))
            self.assertEqual(self.delivered([row])[row["id"]], [])

    def test_the_sender_delivers_after_a_database_restart(self):
        start = {module: last_id(module) for module in DB}
        ctl("db-stop")
        ctl("db-start")
        headers = {"transporte": {"Authorization": "Bearer " + self.transporte.token("admin")},
                   "egresos": {"Authorization": "Bearer " + self.staff}}
        wait_until_answers("transporte", "/solicitud?por_pagina=1", timeout=10, headers=headers["transporte"])
        wait_until_answers("egresos", "/api/v1/users/profile", timeout=10, headers=headers["egresos"])
        self.create_solicitud("tras reinicio")
        self.invite_supplier("reinicio")
        # The sender backs off at most 30 s while the database fails; the outage here lasted a few seconds.
        for module in DB:
            rows = wait_for(lambda m=module: (lambda r: r if r and all(x["status"] == "sent" for x in r) else None)(
                outbox(m, start[m])), timeout=30, what=f"{module}: the sender delivered after the restart")
            found = self.delivered(rows)
            self.assertTrue(all(len(found[r["id"]]) == 1 for r in rows), f"{module}: {found}")


if __name__ == "__main__":
    unittest.main()
