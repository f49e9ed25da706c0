"""Egresos staff auth and users end to end through nginx: a token signed by openssl with the stack's local
key pair (RUN/keys, the stand-in for Auth0, ruling E2) is verified by the module against the public key, the
first use links the seeded user by e-mail, and the users endpoints answer in the module's formats."""

import json
import time
import unittest

from helpers import RUN_DIR, ModuleTestCase, requires_apps, staff_token


@requires_apps
class EgresosStaffTest(ModuleTestCase):
    MODULE = "egresos"

    def token(self, email: str, **changes) -> str:
        if not RUN_DIR:
            self.skipTest("VENTANILLA_E2E_RUN_DIR not set")
        return staff_token(email, **changes)

    def call(self, method, path, token, body=None, headers=None):
        all_headers = {"Authorization": "Bearer " + token, **(headers or {})}
        if body is not None:
            all_headers["Content-Type"] = "application/json"
            body = json.dumps(body)
        return self.request(method, path, body=body, headers=all_headers)

    def test_profile_links_the_seeded_user_and_lists_users(self):
        token = self.token("admin@element.com.mx")
        profile = self.assertJSON(self.call("GET", "/api/v1/users/profile", token), 200)["user"]
        self.assertEqual((profile["email"], profile["role"]), ("admin@element.com.mx", "admin"))
        self.assertEqual(profile["user_id"], "e2e|admin@element.com.mx")
        users = self.assertJSON(self.call("GET", "/api/v1/users", token), 200)["users"]
        self.assertLessEqual({"admin@element.com.mx", "rh@element.com.mx", "empleado@element.com.mx"},
                             {u["email"] for u in users})

    def test_refusals_in_the_module_format(self):
        self.assertJSON(self.get("/api/v1/users/profile"), 401,
                        {"code": "4014", "message": "Se requiere el encabezado Authorization."})
        expired = self.token("rh@element.com.mx", exp=int(time.time()) - 3600)
        self.assertEqual(self.assertJSON(self.call("GET", "/api/v1/users/profile", expired), 401)["code"], "4016")
        forged = self.token("rh@element.com.mx")[:-8] + "AAAAAAAA"
        self.assertEqual(self.assertJSON(self.call("GET", "/api/v1/users/profile", forged), 403)["code"], "4033")
        stranger = self.token("nadie@element.com.mx")
        self.assertEqual(self.assertJSON(self.call("GET", "/api/v1/users/profile", stranger), 403)["code"], "4031")
        employee = self.token("empleado@element.com.mx")
        self.assertEqual(self.assertJSON(self.call("GET", "/api/v1/users", employee), 403)["code"], "4031")

    def test_create_user_validation_then_success(self):
        token = self.token("rh@element.com.mx")
        bad = self.assertJSON(self.call("POST", "/api/v1/users", token, {"email": "no-es-correo", "name": ""},
                                        headers={"Accept-Language": "en"}), 400)
        self.assertEqual(bad["code"], 400)
        self.assertEqual({e["fields"] for e in bad["errors"]}, {"email", "name", "role", "job_title"})
        email = f"e2e{int(time.time() * 1000)}@element.com.mx"
        created = self.assertJSON(self.call("POST", "/api/v1/users", token, {
            "email": email, "name": "Prueba Extremo", "role": "employee", "job_title": "QA"}), 201)["user"]
        self.assertEqual((created["email"], created["given_name"], created["family_name"]), (email, "Prueba", "Extremo"))
        taken = self.assertJSON(self.call("POST", "/api/v1/users", token, {
            "email": email.upper(), "name": "Otra", "role": "employee", "job_title": "QA"}), 409)
        self.assertEqual(taken["errors"][0]["code"], 4093)


if __name__ == "__main__":
    unittest.main()
