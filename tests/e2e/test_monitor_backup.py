"""Monitor's cloud backup through nginx against the stack's local S3 server (monitor.md §4.6, §4.11, §6; rulings
M8, M14): an expediente taken to Salida with an evidencia is backed up, its file leaves the disk and is served by
the presigned url_nube (the S3 server checks the signature and its expiry), the bulk job runs and reports its
progress, and the backup log records both."""

from __future__ import annotations

import hashlib
import os
import time
import urllib.error
import urllib.request
import uuid

from helpers import MonitorTestCase, multipart, requires_apps


@requires_apps
class MonitorBackupTest(MonitorTestCase):
    def salida(self, photo: bytes) -> tuple[str, dict]:
        no = f"E2E-BK-{uuid.uuid4().hex[:8]}"
        self.assertJSON(self.call("POST", "/api/expedientes", {"no_siniestro": no, "unidad_terminada": "2026-11-30"}), 201)
        self.assertJSON(self.call("POST", "/api/checklist", {"no_siniestro": no, "fecha_entrega": "2026-11-30"}), 201)
        body, content_type = multipart({"tipo": "evidencia"}, {"archivo": ("frente con espacios.jpg", "image/jpeg", photo)})
        row = self.assertJSON(self.call("POST", f"/api/expedientes/{no}/evidencias", body, content_type=content_type), 201)
        self.assertJSON(self.call("PATCH", f"/api/expedientes/{no}/estado", {"estado": "Salida"}), 200)
        return no, row

    def fetch(self, url: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def test_respaldar_moves_the_files_to_the_cloud_and_url_nube_serves_them(self):
        photo = os.urandom(5000)
        no, row = self.salida(photo)
        local = self.run_file("data", "monitor", "evidencias", *row["ruta"].split("/")[2:])
        self.assertTrue(os.path.exists(local), local)

        done = self.assertJSON(self.call("POST", f"/api/expedientes/{no}/evidencias/respaldar"), 200)
        self.assertEqual(done, {"ok": True, "subidas": 3})  # the evidencia, the EXPEDIENTE and CHECKLIST forms
        self.assertFalse(os.path.exists(local))
        listed = self.assertJSON(self.call("GET", f"/api/expedientes/{no}/evidencias"), 200)
        self.assertEqual(len(listed), 1)
        self.assertEqual(listed[0]["ubicacion_almacenamiento"], "Nube")
        self.assertEqual(listed[0]["ruta"], row["ruta"][1:])
        self.assertEqual(listed[0]["key_nube"], listed[0]["ruta"])
        self.assertIn("X-Amz-Expires=900", listed[0]["url_nube"])
        status, data = self.fetch(listed[0]["url_nube"])
        self.assertEqual(status, 200)
        self.assertEqual(hashlib.sha256(data).hexdigest(), hashlib.sha256(photo).hexdigest())
        # The same URL with its signature altered is refused by the store.
        status, _ = self.fetch(listed[0]["url_nube"][:-4] + "0000")
        self.assertEqual(status, 403)
        detail = self.assertJSON(self.call("GET", f"/api/expedientes/{no}"), 200)
        self.assertEqual(detail["ubicacion_almacenamiento"], "Nube")

        # Deleting the evidencia deletes the cloud object (M8): the URL no longer finds it.
        url = listed[0]["url_nube"]
        self.assertJSON(self.call("DELETE", f"/api/expedientes/{no}/evidencias/{listed[0]['id']}"), 200)
        status, _ = self.fetch(url)
        self.assertEqual(status, 404)

    def test_bulk_job_progress_and_log(self):
        photo = os.urandom(300)
        no, row = self.salida(photo)
        started = self.call("POST", "/api/backup/exportar")
        self.assertIn(started.status, (200, 409), str(started))
        deadline = time.monotonic() + 60
        while True:
            progress = self.assertJSON(self.call("GET", "/api/backup/progreso"), 200)
            if not progress["corriendo"]:
                break
            self.assertLess(time.monotonic(), deadline, progress)
            time.sleep(0.2)
        if started.status == 409:  # another test's run was going on: ours now
            self.assertJSON(self.call("POST", "/api/backup/exportar"), 200)
            while self.assertJSON(self.call("GET", "/api/backup/progreso"), 200)["corriendo"]:
                self.assertLess(time.monotonic(), deadline)
                time.sleep(0.2)
        listed = self.assertJSON(self.call("GET", f"/api/expedientes/{no}/evidencias"), 200)
        self.assertEqual(listed[0]["ubicacion_almacenamiento"], "Nube")
        self.assertEqual(self.fetch(listed[0]["url_nube"]), (200, photo))
        logs = self.assertJSON(self.call("GET", "/api/backup/logs"), 200)
        self.assertEqual(logs[0]["tipo"], "Manual")
        self.assertTrue(logs[0]["detalle"].startswith("Exportación de evidencias ("), logs[0])
        self.assertTrue(logs[0]["detalle"].endswith(" — admin"), logs[0])
        self.assertEqual(logs[1]["tipo"], "Nube")
        self.assertRegex(logs[1]["detalle"], r"^Respaldo completo de evidencias \(\d+ subidos, 0 fallidos\)$")
        estado = self.assertJSON(self.call("GET", "/api/backup/estado"), 200)
        self.assertEqual(estado["nube"]["estado"], "Activo")
        self.assertEqual(estado["nube"]["ultimo_respaldo"], logs[0]["fecha"])
        self.assertGreater(estado["disco_local"]["total_gb"], 0)

    def test_only_admins_run_the_bulk_job_and_read_the_log(self):
        for method, path in (("POST", "/api/backup/exportar"), ("GET", "/api/backup/logs"), ("GET", "/api/backup/estado")):
            self.assertJSON(self.call(method, path, username="operador"), 403, {"error": "Acceso restringido a administradores"})
