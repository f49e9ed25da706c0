"""Egresos (port 8082) end to end through nginx. Errors are {"code": "...", "message": "..."}, in English
when the first Accept-Language tag is English."""

import os
import unittest
import uuid

from helpers import APP_BODY_LIMIT, NGINX_503, NGINX_UPLOAD_LIMIT, MiB, ModuleTestCase, body_of_size, post_body_of_size, \
    requires_apps, requires_apps_down

NOT_FOUND_ES = {"code": "4041", "message": "El recurso que buscas no existe."}
NOT_FOUND_EN = {"code": "4041", "message": "The resource you are looking for does not exist."}
BAD_REQUEST_ES = {"code": "400", "message": "No se puede procesar la solicitud debido a algo que se percibe "
                                            "como un error del cliente."}
ENGLISH = {"Accept-Language": "en-US,en;q=0.9"}


@requires_apps
class EgresosAppTest(ModuleTestCase):
    MODULE = "egresos"

    def test_health(self):
        self.assertJSON(self.get("/api/v1/health"), 200, {"status": "ok", "database": True})

    def test_unknown_route_is_json_404(self):
        self.assertJSON(self.get("/api/v1/no-existe"), 404, NOT_FOUND_ES)

    def test_unknown_route_in_english(self):
        self.assertJSON(self.get("/api/v1/no-existe", headers=ENGLISH), 404, NOT_FOUND_EN)

    def test_malformed_json_body(self):
        resp = self.get("/api/v1/health", body='{"a":', headers={"Content-Type": "application/json"})
        self.assertJSON(resp, 400, BAD_REQUEST_ES)

    def test_body_over_the_application_limit_is_refused_by_the_application(self):
        # Only the upload routes let a body that large past nginx (ruling 8).
        resp = body_of_size(self.MODULE, "POST", "/api/v1/customers", APP_BODY_LIMIT[self.MODULE] + MiB // 2,
                            content_type="application/json")
        self.assertIn(resp.status, (413, 415), str(resp))
        body = self.assertJSON(resp, resp.status)
        self.assertIsInstance(body.get("code"), str, str(resp))

    def test_cors_preflight(self):
        self.assertCORSPreflight("/api/v1/customers")

    def test_openapi_document_is_public(self):
        document = self.assertJSON(self.get("/openapi.json"), 200)
        self.assertTrue(document["openapi"].startswith("3.1"), document["openapi"])
        self.assertIn("/api/v1/users/{user_id}", document["paths"])
        self.assertEqual(document["paths"]["/api/v1/suppliers/session"]["post"]["security"], [])
        docs = self.get("/docs")
        self.assertEqual(docs.status, 200, str(docs))
        self.assertTrue(docs.content_type.startswith("text/html"), str(docs))
        self.assertIn(b"/api/v1/suppliers/session", docs.body)


class EgresosNginxTest(ModuleTestCase):
    """What nginx answers by itself, with or without the module behind it."""

    MODULE = "egresos"

    def test_body_over_1_mib_is_json_415(self):
        for path in ("/api/v1/users", "/api/v1/customers/brands", "/api/v1/suppliers/session"):
            self.assertNginxRefusesOversizedBody(path)

    def test_upload_over_the_nginx_limit_is_json_415(self):
        for path in ("/api/v1/customers", "/api/v1/customers/1", "/api/v1/suppliers/billing"):
            self.assertNginxRefusesOversizedBody(path, limit=NGINX_UPLOAD_LIMIT[self.MODULE],
                                                 content_type="multipart/form-data")

    def test_body_over_the_nginx_limit_in_english(self):
        resp = post_body_of_size(self.MODULE, "/api/v1/customers", 18 * MiB, extra_headers=ENGLISH)
        self.assertJSON(resp, 415, {"code": "4153", "message": "The file must weigh at most 5120 Kb."})

    def test_language_is_the_first_tag_only(self):
        for header in ("es-MX,en;q=0.9", "eng", "fr, en"):
            resp = post_body_of_size(self.MODULE, "/api/v1/customers", 18 * MiB,
                                     extra_headers={"Accept-Language": header})
            self.assertJSON(resp, 415, {"code": "4153", "message": "El archivo debe pesar a lo más 5120 Kb."})
        resp = post_body_of_size(self.MODULE, "/api/v1/customers", 18 * MiB, extra_headers={"Accept-Language": "EN"})
        self.assertEqual(resp.json()["message"], "The file must weigh at most 5120 Kb.")

    def test_request_nginx_rejects_is_json(self):
        self.assertNginxRejectsMalformedRequest(BAD_REQUEST_ES)

    def test_path_traversal_is_json(self):
        self.assertPathTraversalStaysInside("/files/")

    def test_files_serves_a_stored_file(self):
        directory = self.run_file("data", "egresos", "files", "e2e")
        os.makedirs(directory, exist_ok=True)
        name = f"{uuid.uuid4().hex}.pdf"
        with open(os.path.join(directory, name), "wb") as f:
            f.write(b"%PDF-1.4 e2e")
        resp = self.get(f"/files/e2e/{name}")
        self.assertEqual(resp.status, 200, str(resp))
        self.assertEqual(resp.body, b"%PDF-1.4 e2e")
        self.assertJSON(self.request("PUT", f"/files/e2e/{name}", body=b"x"), 404, NOT_FOUND_ES)

    def test_files_has_no_listing_and_missing_files_are_json_404(self):
        self.run_file()
        self.assertJSON(self.get("/files/"), 404, NOT_FOUND_ES)
        self.assertJSON(self.get(f"/files/{uuid.uuid4().hex}.pdf", headers=ENGLISH), 404, NOT_FOUND_EN)


@requires_apps_down
class EgresosAppDownTest(ModuleTestCase):
    MODULE = "egresos"

    def test_unreachable_module_is_json_503(self):
        self.assertJSON(self.get("/api/v1/health"), 503, NGINX_503[self.MODULE])

    def test_unreachable_module_in_english(self):
        self.assertJSON(self.get("/api/v1/health", headers=ENGLISH), 503,
                        {"code": "503", "message": "The service is not available at the moment."})


if __name__ == "__main__":
    unittest.main()
