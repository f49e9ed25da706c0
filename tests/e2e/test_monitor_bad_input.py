"""Every Monitor write route, driven from its own OpenAPI document, with the kinds of bad input clients send:
malformed JSON, the wrong JSON type at the top, wrong types in each documented field, invalid UTF-8, an empty
body, and a body over the JSON limit. Each answer must be a JSON 4xx, never a 5xx and never HTML, and the
expedientes list must be unchanged afterwards (nothing half-written)."""

from __future__ import annotations

import json
import unittest

from helpers import APPS_DOWN, ModuleTestCase

BAD_BODIES = [
    b'{"no_siniestro":',                # malformed
    b"[1, 2, 3]",                       # not an object
    b'"just a string"',
    b"",                                # empty
    b'{"no_siniestro": "\xc3\x28"}',    # invalid UTF-8
    b"\x00\x01\x02",
]
# Values of the wrong type or size for some field kind; no valid-looking strings, so that the run never renames
# or re-passwords the seeded users the other e2e tests log in with.
WRONG_VALUES = [123, True, [], {}, "x" * 70_000, -1.5]


@unittest.skipIf(APPS_DOWN, "needs the module behind nginx")
class MonitorBadInputTest(ModuleTestCase):
    MODULE = "monitor"

    @classmethod
    def setUpClass(cls):
        login = json.dumps({"username": "admin", "password": "ventanilla"})
        from helpers import request
        cls.token = request("monitor", "POST", "/api/auth/login", body=login,
                            headers={"Content-Type": "application/json"}).json()["token"]
        cls.document = request("monitor", "GET", "/openapi.json").json()

    def write_operations(self):
        for path, item in self.document["paths"].items():
            for method, operation in item.items():
                if method.upper() not in ("POST", "PUT", "PATCH"):
                    continue
                concrete = path
                for name in ("no_siniestro", "clave"):
                    concrete = concrete.replace("{" + name + "}", "SIN-DEV-001")
                concrete = concrete.replace("{id}", "1").replace("{id_concepto}", "1").replace("{id_item}", "1")
                yield method.upper(), concrete, operation

    def fields_of(self, operation) -> list[str]:
        content = operation.get("requestBody", {}).get("content", {})
        schema = (content.get("application/json") or {}).get("schema", {})
        if "$ref" in schema:
            schema = self.document["components"]["schemas"][schema["$ref"].split("/")[-1]]
        return list(schema.get("properties", {}).keys())

    def snapshot(self):
        return self.assertJSON(self.get("/api/expedientes", headers=self.auth()), 200)

    def auth(self):
        return {"Authorization": f"Bearer {self.token}"}

    def assertClientError(self, resp, label):
        self.assertTrue(400 <= resp.status < 500, f"{label}: {resp}")
        self.assertTrue(resp.content_type.startswith("application/json"), f"{label}: {resp}")
        self.assertIn("error", resp.json(), f"{label}: {resp}")

    def test_no_write_route_answers_bad_input_with_a_server_error(self):
        before = self.snapshot()
        operations = list(self.write_operations())
        self.assertGreater(len(operations), 10, "the document lists Monitor's write routes")
        for method, path, operation in operations:
            if operation.get("requestBody", {}).get("content", {}).get("multipart/form-data"):
                resp = self.request(method, path, body=b"--x\r\nbroken", headers={
                    **self.auth(), "Content-Type": "multipart/form-data; boundary=x"})
                self.assertClientError(resp, f"{method} {path} truncated multipart")
                continue
            for body in BAD_BODIES:
                resp = self.request(method, path, body=body, headers={**self.auth(), "Content-Type": "application/json"})
                if path == "/api/auth/login":
                    self.assertClientError(resp, f"{method} {path} {body[:20]!r}")
                    continue
                if resp.status < 400 and body in (b"", ):
                    continue  # an empty body is an empty object: some updates accept "change nothing"
                self.assertClientError(resp, f"{method} {path} {body[:20]!r}")
            for field in self.fields_of(operation):
                for value in WRONG_VALUES:
                    body = json.dumps({field: value})
                    resp = self.request(method, path, body=body, headers={**self.auth(), "Content-Type": "application/json"})
                    self.assertLess(resp.status, 500, f"{method} {path} {field}={str(value)[:30]}: {resp}")
                    self.assertTrue(resp.content_type.startswith("application/json"), f"{method} {path}: {resp}")
            huge = json.dumps({"no_siniestro": "x" * (2 * 1024 * 1024)})
            resp = self.request(method, path, body=huge, headers={**self.auth(), "Content-Type": "application/json"})
            self.assertClientError(resp, f"{method} {path} 2 MB body")
        after = self.snapshot()
        # Wrong-typed single fields may legitimately create rows on routes whose every field is optional; the
        # expedientes themselves must be untouched (no_siniestro is required and never valid above).
        self.assertEqual([e["no_siniestro"] for e in before], [e["no_siniestro"] for e in after])


BAD_QUERY_VALUES = ["", "abc", "-1", "0", "1.5", "9" * 30, "%00", "%C3%28", "1%20OR%201=1"]


@unittest.skipIf(APPS_DOWN, "needs the module behind nginx")
class MonitorBadQueryTest(ModuleTestCase):
    """Every GET operation with documented query parameters (e.g. /api/logs `limite`), each parameter with values
    of the wrong kind: never a 5xx, always JSON."""

    MODULE = "monitor"

    def test_no_query_parameter_makes_a_server_error(self):
        login = json.dumps({"username": "admin", "password": "ventanilla"})
        token = self.assertJSON(self.request("POST", "/api/auth/login", body=login,
                                             headers={"Content-Type": "application/json"}), 200)["token"]
        document = self.assertJSON(self.get("/openapi.json"), 200)
        checked = 0
        for path, item in document["paths"].items():
            operation = item.get("get")
            if not operation or "{" in path:
                continue
            for parameter in operation.get("parameters", []):
                if parameter.get("in") != "query":
                    continue
                for value in BAD_QUERY_VALUES:
                    resp = self.get(f"{path}?{parameter['name']}={value}", headers={"Authorization": f"Bearer {token}"})
                    self.assertLess(resp.status, 500, f"{path} {parameter['name']}={value}: {resp}")
                    self.assertTrue(resp.content_type.startswith("application/json"), f"{path}: {resp}")
                    checked += 1
        self.assertGreater(checked, 0, "the document lists GET routes with query parameters (/api/logs limite)")
