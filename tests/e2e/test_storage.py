"""Stored files through nginx on either backend (issue 18): scripts/test runs this file once on the ordinary stack
(VENTANILLA_STORAGE=local: files under RUN/data) and once more with Monitor and Egresos restarted with
STORAGE_BACKEND=s3 and nginx proxying /evidencias/ and /files/ to the local S3 server's files bucket. The same
assertions hold on both: the bytes come back at the URL the module answered, with the same headers (type by
extension, CSP, nosniff, Egresos' Cache-Control), only GET and HEAD, a JSON 404 for what is not there (a deleted
or replaced file, a form under FORMATOS/), and the file is where the backend keeps it and nowhere else."""

from __future__ import annotations

import hashlib
import json
import os
import urllib.error
import urllib.parse
import urllib.request
import uuid

from helpers import BASE_URLS, MonitorTestCase, ModuleTestCase, multipart, requires_apps, staff_token

STORAGE = os.environ.get("VENTANILLA_E2E_STORAGE", "local")
S3_URL = os.environ.get("VENTANILLA_E2E_S3_URL", "")
FILES_BUCKET = os.environ.get("VENTANILLA_E2E_S3_FILES_BUCKET", "ventanilla-files")


def anonymous(url: str, method: str = "GET") -> tuple[int, bytes]:
    """An unsigned request straight to the S3 server (what the bucket's public-read prefixes allow)."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class StoredFileChecks:
    """Where a key lives on this run's backend."""

    def assertStoredAt(self, key: str, data: bytes | None, local_root: str):
        """KEY (`evidencias/…`, `files/…`) holds DATA on the backend (None: it exists nowhere), and the other
        place never has it."""
        relative = key.split("/", 1)[1]
        on_disk = os.path.join(self.run_file("data", local_root), *relative.split("/"))
        status, body = anonymous(f"{S3_URL}/{FILES_BUCKET}/{key}") if S3_URL else (404, b"")
        if STORAGE == "s3":
            self.assertFalse(os.path.exists(on_disk), on_disk)
            if data is None:
                self.assertIn(status, (403, 404), key)
            else:
                self.assertEqual((status, hashlib.sha256(body).hexdigest()), (200, hashlib.sha256(data).hexdigest()), key)
        else:
            self.assertNotEqual(status, 200, f"{key} is in the bucket on the local backend")
            if data is None:
                self.assertFalse(os.path.exists(on_disk), on_disk)
            else:
                with open(on_disk, "rb") as handle:
                    self.assertEqual(handle.read(), data, on_disk)


@requires_apps
class MonitorStorageTest(MonitorTestCase, StoredFileChecks):
    def test_evidence_is_served_at_its_ruta_deleted_with_its_row_and_forms_stay_private(self):
        no = f"E2E-ST-{uuid.uuid4().hex[:8]}"
        self.assertJSON(self.call("POST", "/api/expedientes", {"no_siniestro": no}), 201)
        photo = os.urandom(300_000)
        body, content_type = multipart({"tipo": "evidencia"}, {"archivo": ("foto.PNG", "image/png", photo)})
        row = self.assertJSON(self.call("POST", f"/api/expedientes/{no}/evidencias", body, content_type=content_type), 201)
        ruta = row["ruta"]
        self.assertRegex(ruta, r"^/evidencias/[0-9a-f]{32}/[0-9a-f]{32}\.png$")
        served = self.get(ruta)
        self.assertEqual((served.status, served.body), (200, photo), str(served))
        self.assertEqual(served.content_type, "image/png")
        self.assertEqual(served.headers.get("content-security-policy"), "default-src 'none'; sandbox")
        self.assertEqual(served.headers.get("x-content-type-options"), "nosniff")
        self.assertNotIn("x-amz-request-id", served.headers)
        head = self.request("HEAD", ruta)
        self.assertEqual((head.status, head.body), (200, b""), str(head))
        self.assertJSON(self.request("POST", ruta, body=b"x", headers={"Content-Type": "image/png"}), 405,
                        {"error": "Método no permitido"})
        self.assertStoredAt(ruta[1:], photo, "monitor/evidencias")

        # A form is stored in the expediente's FORMATOS/ and goes out only through the API.
        self.assertEqual(self.call("GET", f"/api/formatos/{urllib.parse.quote(no, safe='')}").status, 200)
        folder = ruta.split("/")[2]
        form = f"/evidencias/{folder}/FORMATOS/EXPEDIENTE_{no}.xlsx"
        self.assertJSON(self.get(form), 404, {"error": "Ruta no encontrada"})
        if STORAGE == "s3":
            self.assertEqual(anonymous(f"{S3_URL}/{FILES_BUCKET}{form}")[0], 403, "a form must not be public")

        self.assertJSON(self.get(f"/evidencias/{folder}/{uuid.uuid4().hex}.png"), 404, {"error": "Ruta no encontrada"})
        self.assertJSON(self.get(f"/evidencias/{folder}/"), 404, {"error": "Ruta no encontrada"})

        self.assertEqual(self.call("DELETE", f"/api/expedientes/{urllib.parse.quote(no, safe='')}/evidencias/{row['id']}").status, 200)
        self.assertJSON(self.get(ruta), 404, {"error": "Ruta no encontrada"})
        self.assertStoredAt(ruta[1:], None, "monitor/evidencias")

        # Deleting the expediente removes its folder: the form too.
        self.assertEqual(self.call("DELETE", f"/api/expedientes/{urllib.parse.quote(no, safe='')}").status, 200)
        self.assertStoredAt(form[1:], None, "monitor/evidencias")


@requires_apps
class EgresosStorageTest(ModuleTestCase, StoredFileChecks):
    MODULE = "egresos"

    def send(self, method: str, path: str, token: str, fields=None, files=None):
        body, content_type = multipart(fields, files)
        return self.request(method, path, body=body, headers={"Authorization": "Bearer " + token, "Content-Type": content_type})

    def test_upload_replace_and_document_headers(self):
        token = staff_token("cuentas@element.com.mx")
        first = b"\xff\xd8\xff\xe0" + os.urandom(4000) + b"\xff\xd9"
        created = self.assertJSON(self.send("POST", "/api/v1/customers", token,
                                            fields={"name": "Cliente ST " + uuid.uuid4().hex[:10], "payment_conditions": "30"},
                                            files={"picture": ("logo.jpg", "image/jpeg", first)}), 201)["customer"]
        prefix = BASE_URLS["egresos"]
        old = created["picture"][len(prefix):]
        served = self.get(old)
        self.assertEqual((served.status, served.body), (200, first), str(served))
        self.assertEqual(served.content_type, "image/jpeg")
        self.assertEqual(served.headers.get("cache-control"), "no-cache")
        self.assertEqual(served.headers.get("content-security-policy"), "default-src 'none'; sandbox")
        self.assertStoredAt(old[1:], first, "egresos/files")

        second = b"\x89PNG\r\n\x1a\n" + os.urandom(3000)
        self.assertEqual(self.send("PUT", f"/api/v1/customers/{created['id']}", token,
                                   files={"picture": ("nuevo.png", "image/png", second)}).status, 204)
        listed = self.assertJSON(self.request("GET", "/api/v1/customers", headers={"Authorization": "Bearer " + token}), 200)
        new = next(c for c in listed["customers"] if c["id"] == created["id"])["picture"][len(prefix):]
        self.assertEqual(self.get(new).body, second)
        self.assertStoredAt(new[1:], second, "egresos/files")
        self.assertStoredAt(old[1:], None, "egresos/files")
        self.assertEqual(self.assertJSON(self.get(old), 404)["code"], "4041")
        self.assertEqual(self.assertJSON(self.request("DELETE", new), 404)["code"], "4041")
        # A folder is not a file; a document path is never cached.
        self.assertEqual(self.assertJSON(self.get(new.rsplit("/", 1)[0] + "/"), 404)["code"], "4041")
        missing = self.get(f"/files/quotations/v1/1/quotation_file-{uuid.uuid4().hex}.pdf")
        self.assertEqual(self.assertJSON(missing, 404)["code"], "4041")

    def test_a_supplier_document_is_never_cached(self):
        session = self.assertJSON(self.request("POST", "/api/v1/suppliers/session", body=json.dumps(
            {"email": "proveedor@example.com", "password": "Password123"}), headers={"Content-Type": "application/json"}), 200)
        document = b"%PDF-1.4\n% storage " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"
        billing = self.assertJSON(self.send("POST", "/api/v1/suppliers/billing", session["authorization"]["access_token"],
                                            files={"account_status_file": ("Estado.pdf", "application/pdf", document)}), 201)
        path = billing["account_status_file"][len(BASE_URLS["egresos"]):]
        served = self.get(path)
        self.assertEqual((served.status, served.body), (200, document), str(served))
        self.assertEqual(served.content_type, "application/pdf")
        self.assertEqual(served.headers.get("cache-control"), "private, no-store")
        self.assertStoredAt(path[1:], document, "egresos/files")
