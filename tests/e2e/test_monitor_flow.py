"""Monitor through nginx, the way the body shop's app uses it: log in, open an expediente, upload an evidence
photo and fetch it back from nginx's /evidencias/, move the estado, then delete the expediente and check that
its evidence file is gone too (rulings M6, M7)."""

from __future__ import annotations

import json
import os
import unittest
import uuid

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

    def test_openapi_document_is_served(self):
        document = self.assertJSON(self.get("/openapi.json"), 200)
        self.assertTrue(document["openapi"].startswith("3.1"))
        self.assertIn("/api/expedientes/{no_siniestro}", document["paths"])

    def test_without_token_is_401(self):
        self.assertJSON(self.get("/api/expedientes"), 401, {"error": "Token requerido"})
