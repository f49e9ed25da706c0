"""Ruling 8 through nginx: the login, register, password and recovery routes are rate-limited per client address and
the excess is answered 429 in the module's own JSON format, with Retry-After; credential responses are never
cached; every response says nosniff.

The rate-limit tests exhaust each module's zone, so they run only in scripts/test's nginx tier (nginx alone, its
own zones, the modules down: a request the limit lets through is nginx's JSON 503). The full e2e tier logs in many
times from 127.0.0.1 and must stay under the burst (nginx/README.md)."""

from __future__ import annotations

import json
import os
import re
import uuid

from helpers import NGINX_429, NGINX_503, MiB, ModuleTestCase, multipart, request, requires_apps, \
    requires_apps_down

# Each module's credential routes (method, path); the first is the one the test hammers.
CREDENTIAL_ROUTES = {
    "monitor": [("POST", "/api/auth/login"), ("POST", "/api/auth/register")],
    "transporte": [("POST", "/auth/login"), ("POST", "/auth/refresh")],
    "egresos": [("POST", "/api/v1/suppliers/session"), ("PUT", "/api/v1/suppliers/password"),
                ("POST", "/api/v1/suppliers/recovery")],
}
# A route of each module that is not rate-limited.
OTHER_ROUTE = {"monitor": "/api/health", "transporte": "/root", "egresos": "/api/v1/health"}
BURST = 100  # burst=100 nodelay in nginx/sites/*.conf
JSON = {"Content-Type": "application/json"}


class RateLimitMixin:
    MODULE = ""
    ENGLISH_429 = None  # the module's 429 with `Accept-Language: en`, where it has one

    def post_credentials(self, method: str, path: str, headers=None):
        return request(self.MODULE, method, path, body='{"username":"e2e","password":"wrong-password"}',
                       headers={**JSON, **(headers or {})})

    def assert429(self, resp, expected):
        self.assertJSON(resp, 429, expected)
        self.assertEqual(resp.content_type, "application/json; charset=utf-8", str(resp))
        self.assertEqual(resp.headers.get("retry-after"), "2", str(resp.headers))
        self.assertEqual(resp.headers.get("x-content-type-options"), "nosniff", str(resp.headers))

    def test_a_burst_of_logins_from_one_address_gets_json_429(self):
        routes = CREDENTIAL_ROUTES[self.MODULE]
        method, path = routes[0]
        answers = []
        for _ in range(3 * BURST):
            resp = self.post_credentials(method, path)
            answers.append(resp.status)
            if resp.status == 429:
                break
        # The burst passes (to the module, which is down here), then nginx refuses in the module's format.
        self.assertEqual(resp.status, 429, f"no 429 after {len(answers)} requests: {sorted(set(answers))}")
        self.assertGreaterEqual(len(answers), BURST, "the limit must let a burst of logins through")
        self.assertEqual(set(answers[:-1]), {503}, answers)
        self.assert429(resp, NGINX_429[self.MODULE])
        # The module's other credential routes share the exhausted zone; other routes are not limited.
        for other_method, other_path in routes[1:]:
            self.assert429(self.post_credentials(other_method, other_path), NGINX_429[self.MODULE])
        if self.ENGLISH_429:
            self.assert429(self.post_credentials(method, path, headers={"Accept-Language": "en-US,en;q=0.9"}),
                           self.ENGLISH_429)
        self.assertJSON(self.get(OTHER_ROUTE[self.MODULE]), 503, NGINX_503[self.MODULE])


@requires_apps_down
class MonitorRateLimitTest(RateLimitMixin, ModuleTestCase):
    MODULE = "monitor"


@requires_apps_down
class TransporteRateLimitTest(RateLimitMixin, ModuleTestCase):
    MODULE = "transporte"


@requires_apps_down
class EgresosRateLimitTest(RateLimitMixin, ModuleTestCase):
    MODULE = "egresos"
    ENGLISH_429 = {"code": "429", "message": "Too many requests, try again later."}


NGINX_SITES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "nginx", "sites")
LIMITED_LOCATION = re.compile(r"location\s+~\s+(\S+)\s*\{[^}]*?\blimit_req\s", re.S)


def rate_limited_patterns(module: str) -> list[re.Pattern]:
    """The regular-expression locations of nginx/sites/MODULE.conf that apply limit_req (nginx's PCRE; the ones used
    here read the same in Python)."""
    with open(os.path.join(NGINX_SITES, f"{module}.conf"), encoding="utf-8") as handle:
        return [re.compile(pattern) for pattern in LIMITED_LOCATION.findall(handle.read())]


class DocumentedLimitsMixin:
    """Ruling 10 beside ruling 8: the served OpenAPI document lists 429 exactly on the operations whose path nginx
    rate-limits, so a client (and schemathesis) expects the 429 that nginx answers there, and only there."""

    MODULE = ""

    def test_the_document_lists_429_exactly_where_nginx_limits(self):
        patterns = rate_limited_patterns(self.MODULE)
        self.assertTrue(patterns, "no rate-limited location found in the nginx site")
        document = self.assertJSON(self.get("/openapi.json"), 200)
        limited, documented = set(), set()
        for path, item in document["paths"].items():
            sample = re.sub(r"\{[^}]+\}", "1", path)
            for method, operation in item.items():
                if not isinstance(operation, dict) or "responses" not in operation:
                    continue
                if any(p.search(sample) for p in patterns):
                    limited.add(f"{method.upper()} {path}")
                if "429" in operation["responses"]:
                    documented.add(f"{method.upper()} {path}")
        self.assertEqual(documented, limited)
        # ... and the credential routes of ruling 8 are among them.
        self.assertLessEqual({f"{m} {p}" for m, p in CREDENTIAL_ROUTES[self.MODULE]}, limited)

class HeadersMixin:
    """Headers nginx adds to what the module answers (ruling 8 and the production checklist)."""

    MODULE = ""

    def assertCredentialHeaders(self, resp):
        # server_tokens off (nginx/http.conf, shared with the production example): no version is given away.
        self.assertEqual(resp.headers.get("server"), "nginx", str(resp.headers))
        self.assertEqual(resp.headers.get("cache-control"), "no-store", str(resp.headers))
        self.assertEqual(resp.headers.get("x-content-type-options"), "nosniff", str(resp.headers))
        # Over plain HTTP there is no HSTS (it is sent only over TLS).
        self.assertNotIn("strict-transport-security", resp.headers)


@requires_apps
class MonitorCredentialHeadersTest(HeadersMixin, DocumentedLimitsMixin, ModuleTestCase):
    MODULE = "monitor"

    def test_login_is_never_cached(self):
        resp = self.request("POST", "/api/auth/login", body=json.dumps({"username": "admin", "password": "ventanilla"}),
                            headers=JSON)
        self.assertJSON(resp, 200)
        self.assertCredentialHeaders(resp)
        self.assertEqual(self.get("/api/health").headers.get("x-content-type-options"), "nosniff")

    def test_an_upload_route_takes_more_than_1_mib(self):
        token = self.request("POST", "/api/auth/login", body=json.dumps(
            {"username": "admin", "password": "ventanilla"}), headers=JSON).json()["token"]
        no = f"E2E-{uuid.uuid4().hex[:10]}"
        auth = {"Authorization": f"Bearer {token}"}
        self.assertJSON(self.request("POST", "/api/expedientes", body=json.dumps({"no_siniestro": no}),
                                     headers={**auth, **JSON}), 201)
        try:
            photo = os.urandom(3 * MiB)
            body, content_type = multipart({"tipo": "evidencia"}, {"archivo": ("grande.jpg", "image/jpeg", photo)})
            evidencia = self.assertJSON(self.request("POST", f"/api/expedientes/{no}/evidencias", body=body,
                                                     headers={**auth, "Content-Type": content_type}), 201)
            self.assertEqual(self.get(evidencia["ruta"]).body, photo)
        finally:
            self.request("DELETE", f"/api/expedientes/{no}", headers=auth)


@requires_apps
class TransporteCredentialHeadersTest(HeadersMixin, DocumentedLimitsMixin, ModuleTestCase):
    MODULE = "transporte"

    def test_login_and_refresh_are_never_cached(self):
        resp = self.request("POST", "/auth/login", body='{"username":"admin","password":"ventanilla"}', headers=JSON)
        tokens = self.assertJSON(resp, 200)["data"]
        self.assertCredentialHeaders(resp)
        resp = self.request("POST", "/auth/refresh", body=json.dumps({"refresh_token": tokens["refresh_token"]}),
                            headers=JSON)
        self.assertJSON(resp, 200)
        self.assertCredentialHeaders(resp)


@requires_apps
class EgresosCredentialHeadersTest(HeadersMixin, DocumentedLimitsMixin, ModuleTestCase):
    MODULE = "egresos"

    def test_supplier_session_is_never_cached(self):
        resp = self.request("POST", "/api/v1/suppliers/session", body=json.dumps(
            {"email": "proveedor@example.com", "password": "Password123"}), headers=JSON)
        self.assertJSON(resp, 200)
        self.assertCredentialHeaders(resp)
