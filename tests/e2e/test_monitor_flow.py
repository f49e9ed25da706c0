"""Monitor through nginx, the way the body shop's app uses it: log in, open an expediente, upload an evidence
photo and fetch it back from nginx's /evidencias/, move the estado, then delete the expediente and check that
its evidence file is gone too (rulings M6, M7)."""

from __future__ import annotations

import json
import os
import unittest
import uuid
from urllib.parse import quote

from helpers import APPS_DOWN, ModuleTestCase


def multipart(fields: dict[str, str], file_field: str, filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = "----ventanilla" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append((f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
                  f"Content-Type: image/png\r\n\r\n").encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@unittest.skipIf(APPS_DOWN, "needs the module behind nginx")
class MonitorFlowTest(ModuleTestCase):
    MODULE = "monitor"

    def login(self, username: str) -> str:
        body = self.assertJSON(self.request("POST", "/api/auth/login", body=json.dumps(
            {"username": username, "password": "ventanilla"}), headers={"Content-Type": "application/json"}), 200)
        self.assertEqual(body["usuario"]["username"], username)
        return body["token"]

    def test_expediente_lifecycle_with_evidence_through_nginx(self):
        token = self.login("admin")
        auth = {"Authorization": f"Bearer {token}"}
        no = f"E2E-{uuid.uuid4().hex[:10]}"

        created = self.assertJSON(self.request("POST", "/api/expedientes", body=json.dumps({
            "no_siniestro": f"  {no}  ", "marca": "Kenworth", "placas": "ABC-123", "fecha_ingreso": "2026-11-02",
            "id_aseguradora": 1, "doc_identificacion": True}),
            headers={**auth, "Content-Type": "application/json"}), 201)
        self.assertEqual(created["no_siniestro"], no)
        self.assertEqual(created["estado"], "Ingreso")
        self.assertEqual(created["fecha_ingreso"], "2026-11-02T12:00:00.000Z")

        photo = os.urandom(200_000)
        body, content_type = multipart({"tipo": "evidencia"}, "archivo", "frente camión.png", photo)
        evidencia = self.assertJSON(self.request("POST", f"/api/expedientes/{no}/evidencias", body=body,
                                                 headers={**auth, "Content-Type": content_type}), 201)
        ruta = evidencia["ruta"]
        self.assertTrue(ruta.startswith("/evidencias/"), ruta)
        self.assertNotIn("frente", ruta, "stored names must be unguessable, not the client's name")
        self.assertEqual(evidencia["nombre_archivo"], "frente camión.png")

        served = self.get(ruta)
        self.assertEqual(served.status, 200, str(served))
        self.assertEqual(served.body, photo)

        detail = self.assertJSON(self.get(f"/api/expedientes/{no}", headers=auth), 200)
        self.assertEqual([e["ruta"] for e in detail["evidencia"]], [ruta])
        self.assertEqual(detail["aseguradora"]["id"], 1)

        moved = self.assertJSON(self.request("PATCH", f"/api/expedientes/{no}/estado", body='{"estado":"Restauracion"}',
                                             headers={**auth, "Content-Type": "application/json"}), 200)
        self.assertEqual(moved["estado"], "Restauracion")
        historial = self.assertJSON(self.get(f"/api/expedientes/{no}/estado/historial", headers=auth), 200)
        self.assertEqual([(h["estado_anterior"], h["estado_nuevo"]) for h in historial],
                         [("Ingreso", "Restauracion"), (None, "Ingreso")])
        self.assertEqual(historial[0]["usuario"]["username"], "admin")

        tecnico = {"Authorization": f"Bearer {self.login('tecnico')}"}
        self.assertJSON(self.request("DELETE", f"/api/expedientes/{no}", headers=tecnico), 403,
                        {"error": "Acceso restringido a administradores"})

        self.assertJSON(self.request("DELETE", f"/api/expedientes/{no}", headers=auth), 200,
                        {"ok": True, "no_siniestro": no})
        gone = self.get(ruta)
        self.assertEqual(gone.status, 404, str(gone))
        self.assertJSON(self.get(f"/api/expedientes/{no}", headers=auth), 404, {"error": "Expediente no encontrado"})

    def test_no_siniestro_with_a_slash_is_reachable_through_nginx(self):
        # M12: nginx decodes %2F in DOCUMENT_URI; the application routes on REQUEST_URI and decodes each segment.
        auth = {"Authorization": f"Bearer {self.login('admin')}"}
        json_auth = {**auth, "Content-Type": "application/json"}
        no = f"E2E/{uuid.uuid4().hex[:8]}/2026 #1"
        path = "/api/expedientes/" + quote(no, safe="")
        self.assertIn("%2F", path)
        self.assertJSON(self.request("POST", "/api/expedientes", body=json.dumps({"no_siniestro": no}), headers=json_auth), 201)
        self.assertEqual(self.assertJSON(self.get(path, headers=auth), 200)["no_siniestro"], no)
        updated = self.assertJSON(self.request("PUT", path, body='{"marca":"Volvo"}', headers=json_auth), 200)
        self.assertEqual(updated["marca"], "Volvo")
        self.assertJSON(self.request("PATCH", path + "/estado", body='{"estado":"Restauracion"}', headers=json_auth), 200)
        # The upload location's larger body limit applies to such a claim too (nginx matches the decoded path).
        photo = os.urandom(1_500_000)
        body, content_type = multipart({}, "archivo", "foto.png", photo)
        evidencia = self.assertJSON(self.request("POST", path + "/evidencias", body=body,
                                                 headers={**auth, "Content-Type": content_type}), 201)
        self.assertEqual(evidencia["no_siniestro"], no)
        self.assertEqual(self.get(evidencia["ruta"]).body, photo)
        self.assertJSON(self.get("/api/expedientes/" + no.split("/")[0], headers=auth), 404,
                        {"error": "Expediente no encontrado"})
        self.assertJSON(self.request("DELETE", path, headers=auth), 200, {"ok": True, "no_siniestro": no})

    def test_times_of_day_are_iso_and_empty_dates_are_refused(self):
        # M11 through nginx: hora as 1970-01-01THH:MM:SS.000Z; "" is a 400 naming the field.
        json_auth = {"Authorization": f"Bearer {self.login('tecnico')}", "Content-Type": "application/json"}
        created = self.assertJSON(self.request("POST", "/api/checklist", body='{"hora":"10:30"}', headers=json_auth), 201)
        self.assertEqual(created["hora"], "1970-01-01T10:30:00.000Z")
        self.assertJSON(self.request("PUT", f"/api/checklist/{created['id']}", body='{"fecha_entrega":""}', headers=json_auth),
                        400, {"error": "El campo 'fecha_entrega' debe ser una fecha válida (YYYY-MM-DD)"})
        self.assertJSON(self.request("POST", "/api/checklist", headers=json_auth), 400,
                        {"error": "El cuerpo de la solicitud es obligatorio"})

    def test_landing_and_docs_pages(self):
        # issue 12 §2: a browser gets the landing page and the reference; API clients keep the JSON banner.
        landing = self.get("/", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
        self.assertEqual(landing.status, 200, str(landing))
        self.assertEqual(landing.content_type, "text/html; charset=utf-8")
        self.assertIn(b'href="/docs"', landing.body)
        docs = self.get("/docs")
        self.assertEqual(docs.status, 200, str(docs))
        self.assertEqual(docs.content_type, "text/html; charset=utf-8")
        self.assertIn(b"/api/expedientes/{no_siniestro}", docs.body)
        for page in (landing.body, docs.body):
            self.assertNotIn(b"<script", page)
            self.assertNotIn(b"https://", page)
        self.assertJSON(self.get("/", headers={"Accept": "application/json"}), 200, {"nombre": "Monitor API", "estado": "OK"})

    def test_openapi_document_is_served(self):
        document = self.assertJSON(self.get("/openapi.json"), 200)
        self.assertTrue(document["openapi"].startswith("3.1"))
        self.assertIn("/api/expedientes/{no_siniestro}", document["paths"])

    def test_without_token_is_401(self):
        self.assertJSON(self.get("/api/expedientes"), 401, {"error": "Token requerido"})
