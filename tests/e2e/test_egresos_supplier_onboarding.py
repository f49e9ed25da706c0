"""Egresos supplier onboarding end to end (egresos.md §3.3, §3.4, §10.2, §10.3, §12): staff registers a supplier
(#24), the invitation reaches a real SMTP server (the sink scripts/test starts) with a one-time 32-character token,
the supplier sets a password with it (#27) and logs in (#26); a recovery (#28) mails a new token, the new password
replaces the old one and sessions issued before the change stop working."""

import json
import re
import time
import unittest

from helpers import SMTP_DIR, ModuleTestCase, delivered_mail, recipients, requires_apps, staff_token

TOKEN = re.compile(r"/password\?token=([a-z0-9]{32})\b")
SESSION_KEYS = ["id", "company_name", "contact_name", "phone", "email", "business_activity", "authorization"]


@requires_apps
@unittest.skipUnless(SMTP_DIR, "VENTANILLA_E2E_SMTP_DIR not set (scripts/test starts the SMTP sink)")
class EgresosSupplierOnboardingTest(ModuleTestCase):
    MODULE = "egresos"

    def call(self, method: str, path: str, body=None, token: str | None = None):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        return self.request(method, path, body=None if body is None else json.dumps(body), headers=headers)

    def mailed_token(self, email: str, subject: str) -> str:
        """The token of the one mail to EMAIL whose subject contains SUBJECT."""
        mail = delivered_mail(lambda m: email in recipients(m) and subject in str(m["Subject"]))
        self.assertEqual(len(mail), 1, f"mail '{subject}' to {email}")
        self.assertEqual(recipients(mail[0]), {email})
        found = TOKEN.findall(mail[0].get_body(preferencelist=("plain",)).get_content())
        self.assertEqual(len(found), 1, "one 32-character token in the link")
        return found[0]

    def login(self, email: str, password: str):
        return self.call("POST", "/api/v1/suppliers/session", {"email": email, "password": password})

    def test_invitation_password_login_recovery(self):
        stamp = int(time.time() * 1000)
        email = f"alta{stamp}@proveedor-e2e.mx"
        created = self.assertJSON(self.call("POST", "/api/v1/suppliers", {
            "company_name": f"Proveedor Alta {stamp}", "contact_name": "Ana Contreras", "phone": "+525541878844",
            "email": email, "business_activity": "Impresión", "payment_conditions": 30,
        }, token=staff_token("manager@element.com.mx")), 201)["supplier"]
        self.assertEqual(created["email"], email)

        # Invited, not yet able to log in: no password is set.
        self.assertEqual(self.assertJSON(self.login(email, "Secreta123"), 401)["code"], "4012")
        invitation = self.mailed_token(email, "establece tu contraseña")

        mismatch = self.call("PUT", "/api/v1/suppliers/password",
                             {"token": invitation, "password": "Secreta123", "password_confirmation": "Secreta124"})
        self.assertEqual([(e["code"], e["fields"]) for e in self.assertJSON(mismatch, 422)["errors"]], [(4225, "password")])
        self.assertEqual(self.call("PUT", "/api/v1/suppliers/password", {
            "token": invitation, "password": "Secreta123", "password_confirmation": "Secreta123"}).status, 204)
        # The token is used up.
        reused = self.call("PUT", "/api/v1/suppliers/password",
                           {"token": invitation, "password": "Otra12345", "password_confirmation": "Otra12345"})
        self.assertEqual(self.assertJSON(reused, 403)["code"], "4032")

        session = self.assertJSON(self.login(email, "Secreta123"), 200)
        self.assertEqual(list(session), SESSION_KEYS)
        self.assertEqual((session["id"], session["email"]), (created["id"], email))
        authorization = session["authorization"]
        self.assertEqual(authorization["grant_type"], "bearer")
        self.assertGreater(authorization["expires_at"], stamp)
        first = authorization["access_token"]
        # The portal answers the session: no billing stored yet.
        missing = self.assertJSON(self.call("GET", "/api/v1/suppliers/billing", token=first), 404)
        # Not a validation failure: the bare 404 `4042` Billing of §3.4/§8.3, code a string, no field list.
        self.assertEqual((sorted(missing), missing["code"]), (["code", "message"], "4042"))
        self.assertIn("Billing", missing["message"])

        # Recovery: a second mail with a new token; sessions issued before the change (whole seconds) end.
        time.sleep(1.1)
        self.assertEqual(self.call("POST", "/api/v1/suppliers/recovery", {"email": email}).status, 204)
        recovery = self.mailed_token(email, "reestablece tu contraseña")
        self.assertNotEqual(recovery, invitation)
        self.assertEqual(self.call("PUT", "/api/v1/suppliers/password", {
            "token": recovery, "password": "Nueva12345", "password_confirmation": "Nueva12345"}).status, 204)

        self.assertEqual(self.assertJSON(self.login(email, "Secreta123"), 401)["code"], "4012")
        self.assertEqual(self.assertJSON(self.call("GET", "/api/v1/suppliers/billing", token=first), 401)["code"], "4013")
        renewed = self.assertJSON(self.login(email, "Nueva12345"), 200)["authorization"]["access_token"]
        self.assertEqual(self.call("GET", "/api/v1/suppliers/billing", token=renewed).status, 404)


if __name__ == "__main__":
    unittest.main()
