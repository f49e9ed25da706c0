"""Monitor (port 8080) end to end through nginx. Errors are {"error": "..."}."""

import os
import unittest
import uuid

from helpers import APP_BODY_LIMIT, MiB, NGINX_503, NGINX_UPLOAD_LIMIT, ModuleTestCase, post_body_of_size, requires_apps, \
    requires_apps_down

NOT_FOUND = {"error": "Ruta no encontrada"}


@requires_apps
class MonitorAppTest(ModuleTestCase):
    MODULE = "monitor"

    def test_health_reports_backend_database_disk_and_memory(self):
        body = self.assertJSON(self.get("/api/health"), 200)
        self.assertIsInstance(body.get("ip"), str)
        self.assertIs(body.get("backend"), True)
        self.assertIs(body.get("database"), True)
        self.assertEqual(set(body["disco"]), {"libre_GB", "usado_GB", "total_GB"})
        for key in ("libre_GB", "usado_GB", "total_GB"):
            self.assertIsInstance(body["disco"][key], str, key)
        self.assertIs(type(body["evidencias"]["archivos"]), int)
        self.assertIsInstance(body["evidencias"]["tamaño_MB"], str)
        self.assertIs(type(body["expedientes"]), int)
        self.assertIs(type(body["ram"]["usada_MB"]), int)
        self.assertIs(type(body["ram"]["total_MB"]), int)

    def test_root(self):
        self.assertJSON(self.get("/"), 200, {"nombre": "Monitor API", "estado": "OK"})

    def test_unknown_route_is_json_404(self):
        self.assertJSON(self.get("/api/no-existe"), 404, NOT_FOUND)

    def test_unknown_route_with_a_token_is_json_404(self):
        self.assertJSON(self.get("/api/no-existe", headers={"Authorization": "Bearer x"}), 404, NOT_FOUND)

    def test_malformed_json_body(self):
        resp = self.request("POST", "/api/expedientes", body='{"no_siniestro":',
                            headers={"Content-Type": "application/json"})
        self.assertJSON(resp, 400, {"error": "El cuerpo de la solicitud no es JSON válido"})

    def test_body_over_the_application_limit_is_refused_by_the_application(self):
        # Only the evidence upload route lets a body that large past nginx (ruling 8).
        resp = post_body_of_size(self.MODULE, "/api/expedientes/SIN-DEV-001/evidencias",
                                 APP_BODY_LIMIT[self.MODULE] + MiB // 2, content_type="multipart/form-data; boundary=x")
        body = self.assertJSON(resp, 413)
        self.assertIsInstance(body.get("error"), str, str(resp))

    def test_cors_preflight(self):
        self.assertCORSPreflight("/api/expedientes")


class MonitorNginxTest(ModuleTestCase):
    """What nginx answers by itself, with or without the module behind it."""

    MODULE = "monitor"

    def test_body_over_1_mib_is_json_413(self):
        self.assertNginxRefusesOversizedBody("/api/expedientes")
        self.assertNginxRefusesOversizedBody("/api/auth/login")

    def test_upload_over_the_nginx_limit_is_json_413(self):
        self.assertNginxRefusesOversizedBody("/api/expedientes/SIN-DEV-001/evidencias",
                                             limit=NGINX_UPLOAD_LIMIT[self.MODULE], content_type="multipart/form-data")

    def test_request_nginx_rejects_is_json(self):
        self.assertNginxRejectsMalformedRequest({"error": "Solicitud inválida"})

    def test_evidencias_serves_a_file_read_only(self):
        directory = self.run_file("data", "monitor", "evidencias", "e2e")
        os.makedirs(directory, exist_ok=True)
        name = f"{uuid.uuid4().hex}.jpg"
        with open(os.path.join(directory, name), "wb") as f:
            f.write(b"\xff\xd8\xff e2e")
        resp = self.get(f"/evidencias/e2e/{name}")
        self.assertEqual(resp.status, 200, str(resp))
        self.assertEqual(resp.body, b"\xff\xd8\xff e2e")
        self.assertEqual(resp.headers.get("x-content-type-options"), "nosniff")
        self.assertJSON(self.request("POST", f"/evidencias/e2e/{name}", body=b"x"), 405,
                        {"error": "Método no permitido"})

    def test_evidencias_has_no_listing(self):
        self.run_file()  # only meaningful against a known stack
        self.assertJSON(self.get("/evidencias/"), 404, NOT_FOUND)
        self.assertJSON(self.get("/evidencias/e2e/"), 404, NOT_FOUND)

    def test_evidencias_missing_file_is_json_404(self):
        self.assertJSON(self.get(f"/evidencias/{uuid.uuid4().hex}.jpg"), 404, NOT_FOUND)

    def test_evidencias_symlink_cannot_escape(self):
        directory = self.run_file("data", "monitor", "evidencias")
        link = os.path.join(directory, f"{uuid.uuid4().hex}.txt")
        os.symlink("/etc/hostname", link)
        try:
            self.assertJSON(self.get("/evidencias/" + os.path.basename(link)), 404, NOT_FOUND)
        finally:
            os.unlink(link)

    def test_evidencias_path_traversal_stays_inside(self):
        self.assertPathTraversalStaysInside("/evidencias/")


@requires_apps_down
class MonitorAppDownTest(ModuleTestCase):
    MODULE = "monitor"

    def test_unreachable_module_is_json_503(self):
        self.assertJSON(self.get("/api/health"), 503, NGINX_503[self.MODULE])
        self.assertJSON(self.request("POST", "/api/expedientes", body="{}",
                                     headers={"Content-Type": "application/json"}), 503, NGINX_503[self.MODULE])


if __name__ == "__main__":
    unittest.main()
