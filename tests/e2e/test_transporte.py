"""Transporte (port 8081) end to end through nginx. Errors use the envelope
{"success": false, "message": "...", "data": null, "errors": [...]}."""

import unittest

from helpers import NGINX_503, ModuleTestCase, requires_apps, requires_apps_down


def error(message):
    return {"success": False, "message": message, "data": None, "errors": []}


@requires_apps
class TransporteAppTest(ModuleTestCase):
    MODULE = "transporte"

    def test_root_reports_service_and_database(self):
        self.assertJSON(self.get("/root"), 200, {
            "success": True,
            "message": "API funcionando correctamente",
            "data": {"servicio": "API Solicitud de Transporte", "version": "1.0.0", "database": True},
        })

    def test_unknown_route_is_json_404(self):
        self.assertJSON(self.get("/no-existe"), 404, error("Ruta no encontrada"))

    def test_malformed_json_body(self):
        resp = self.get("/root", body='{"a":', headers={"Content-Type": "application/json"})
        self.assertJSON(resp, 400, error("El cuerpo de la petición no es un JSON válido"))

    def test_wrong_method_is_json_405(self):
        body = self.assertJSON(self.request("DELETE", "/root"), 405)
        self.assertIs(body.get("success"), False, body)

    def test_cors_preflight(self):
        self.assertCORSPreflight("/solicitud")

    def test_openapi_document_and_reference_are_public(self):
        document = self.assertJSON(self.get("/openapi.json"), 200)
        self.assertTrue(document["openapi"].startswith("3.1"), document["openapi"])
        self.assertIn("/solicitud/{id}/aprobar", document["paths"])
        self.assertIn("/tipo-prioridad-solicitud/{id}", document["paths"])
        docs = self.get("/docs")
        self.assertEqual(docs.status, 200, str(docs))
        self.assertTrue(docs.content_type.startswith("text/html"), str(docs))
        self.assertIn(b"/auth/login", docs.body)


class TransporteNginxTest(ModuleTestCase):
    """What nginx answers by itself, with or without the module behind it."""

    MODULE = "transporte"

    def test_body_over_1_mib_is_json_413(self):
        # The application's own limit is 1 MiB too: nginx refuses everything over it (ruling 8).
        self.assertNginxRefusesOversizedBody("/solicitud")
        self.assertNginxRefusesOversizedBody("/auth/login")

    def test_request_nginx_rejects_is_json(self):
        self.assertNginxRejectsMalformedRequest(error("Solicitud inválida"))

    def test_path_traversal_is_json(self):
        self.assertPathTraversalStaysInside("/")


@requires_apps_down
class TransporteAppDownTest(ModuleTestCase):
    MODULE = "transporte"

    def test_unreachable_module_is_json_503(self):
        self.assertJSON(self.get("/root"), 503, NGINX_503[self.MODULE])


if __name__ == "__main__":
    unittest.main()
