"""Egresos file uploads end to end (egresos.md §11, rulings 1, 2 and E3): multipart bodies go through nginx to
the module, which stores the file under FILES_ROOT (RUN/data/egresos/files in the stack) and answers its
absolute URL; nginx serves that URL read-only. Refused uploads and malformed multipart bodies are answered in
Egresos' JSON format and leave neither a file nor a changed row behind."""

import json
import os
import re
import struct
import unittest
import urllib.parse
import uuid
import zlib

from helpers import BASE_URLS, MiB, ModuleTestCase, Response, multipart, requires_apps, staff_token

STAFF = "cuentas@element.com.mx"
SUPPLIER = {"email": "proveedor@example.com", "password": "Password123"}
UPLOAD_LIMIT = 5 * MiB  # size:5Mb (§8: 5 × 1024 × 1024 bytes)
RANDOM = "[0-9a-f]{32}"  # ruling E8: 128 random bits in every stored name


def png(width: int = 2, height: int = 2) -> bytes:
    """A real RGB PNG (signature, IHDR, IDAT, IEND)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + b"\x10\x80\xf0" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def jpeg(marker: bytes) -> bytes:
    """JPEG-framed bytes (SOI, a JFIF APP0, a comment carrying MARKER, EOI); the module checks extensions, not
    pixels, and nginx must hand the bytes back untouched."""
    comment = b"e2e " + marker
    return (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
            + b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment + bytes(range(256)) + b"\xff\xd9")


@requires_apps
class EgresosUploadsTest(ModuleTestCase):
    MODULE = "egresos"

    def setUp(self):
        self.files_root = self.run_file("data", "egresos", "files")
        self.incoming = self.run_file("data", "egresos", "uploads", ".incoming")
        self.staff = staff_token(STAFF)

    # -- helpers -------------------------------------------------------------------------------------------

    def send(self, method: str, path: str, token: str, fields=None, files=None, headers=None) -> Response:
        body, content_type = multipart(fields, files)
        return self.request(method, path, body=body, headers={
            "Authorization": "Bearer " + token, "Content-Type": content_type, **(headers or {})})

    def fetch(self, url: str) -> Response:
        """GETs an absolute file URL, which must point at this stack's nginx (FILES_BASE_URL)."""
        parts = urllib.parse.urlsplit(url)
        self.assertEqual(f"{parts.scheme}://{parts.netloc}", BASE_URLS["egresos"], url)
        self.assertTrue(parts.path.startswith("/files/"), url)
        return self.get(parts.path)

    def assertServed(self, url: str, data: bytes, content_type: str, cache_control: str = "no-cache"):
        resp = self.fetch(url)
        self.assertEqual(resp.status, 200, f"{url}: {resp}")
        self.assertEqual(resp.body, data, url)
        self.assertEqual(resp.content_type, content_type, url)
        self.assertEqual(resp.headers.get("x-content-type-options"), "nosniff", url)
        self.assertEqual(resp.headers.get("cache-control"), cache_control, url)

    def assertStoredURL(self, url: str, collection: str, row_id: int, field: str, ext: str) -> str:
        """URL is FILES_BASE_URL + {collection}/v1/{id}/{field}-{32 hex}.{ext} (ruling E8); returns its file on disk."""
        prefix = f"{BASE_URLS['egresos']}/files/"
        pattern = rf"{re.escape(prefix)}{collection}/v1/{row_id}/{field}-{RANDOM}\.{ext}"
        self.assertRegex(url, f"^{pattern}$")
        return os.path.join(self.files_root, *url[len(prefix):].split("/"))

    def assertNotGuessable(self, collection: str, row_id: int, field: str, ext: str):
        """The name a file had before ruling E8 serves nothing: a JSON 404."""
        resp = self.get(f"/files/{collection}/v1/{row_id}/{field}.{ext}")
        self.assertEqual(self.assertJSON(resp, 404)["code"], "4041", str(resp))

    def assertRefused(self, resp: Response, code: int, field: str):
        body = self.assertJSON(resp, 415)
        self.assertEqual(body["code"], 415, str(resp))
        self.assertEqual([(e["code"], e["fields"]) for e in body["errors"]], [(code, field)], str(resp))

    def stored_files(self) -> dict[str, bytes]:
        """Every file under FILES_ROOT and UPLOAD_DIR/.incoming, with its content."""
        found = {}
        for root in (self.files_root, self.incoming):
            for directory, _, names in os.walk(root):
                for name in names:
                    path = os.path.join(directory, name)
                    with open(path, "rb") as handle:
                        found[path] = handle.read()
        return found

    def customers(self) -> dict:
        listed = self.assertJSON(self.request("GET", "/api/v1/customers",
                                              headers={"Authorization": "Bearer " + self.staff}), 200)
        return {c["id"]: c for c in listed["customers"]}

    def supplier_token(self) -> str:
        session = self.assertJSON(self.request("POST", "/api/v1/suppliers/session", body=json.dumps(SUPPLIER),
                                               headers={"Content-Type": "application/json"}), 200)
        return session["authorization"]["access_token"]

    def billing(self, token: str) -> dict:
        return self.assertJSON(self.request("GET", "/api/v1/suppliers/billing",
                                            headers={"Authorization": "Bearer " + token}), 200)

    # -- uploads that work ---------------------------------------------------------------------------------

    def test_customer_picture_is_served_by_nginx_and_replaced_by_a_new_one(self):
        first = jpeg(uuid.uuid4().hex.encode())
        name = "Cliente E2E " + uuid.uuid4().hex[:12]
        created = self.assertJSON(self.send("POST", "/api/v1/customers", self.staff,
                                            fields={"name": name, "payment_conditions": "30"},
                                            files={"picture": ("Logo.JPG", "image/jpeg", first)}), 201)["customer"]
        customer_id = created["id"]
        old_url = created["picture"]
        old_file = self.assertStoredURL(old_url, "customers", customer_id, "picture", "jpg")
        self.assertEqual(created["picture_url"], old_url)
        self.assertServed(old_url, first, "image/jpeg")  # a picture: Cache-Control no-cache
        self.assertTrue(os.path.isfile(old_file), old_file)
        self.assertNotGuessable("customers", customer_id, "picture", "jpg")

        second = png()
        resp = self.send("PUT", f"/api/v1/customers/{customer_id}", self.staff,
                         files={"picture": ("nuevo.png", "image/png", second)})
        self.assertEqual(resp.status, 204, str(resp))
        self.assertEqual(resp.body, b"")
        new_url = self.customers()[customer_id]["picture"]
        self.assertStoredURL(new_url, "customers", customer_id, "picture", "png")
        self.assertServed(new_url, second, "image/png")
        # The jpg is gone: from the disk and from nginx (a JSON 404, not a stale copy).
        self.assertFalse(os.path.exists(old_file), old_file)
        self.assertEqual(self.assertJSON(self.fetch(old_url), 404)["code"], "4041")

        # The same extension again: another random name, the previous file gone too.
        resp = self.send("PUT", f"/api/v1/customers/{customer_id}", self.staff,
                         files={"picture": ("otro.png", "image/png", second)})
        self.assertEqual(resp.status, 204, str(resp))
        newest = self.customers()[customer_id]["picture"]
        self.assertNotEqual(newest, new_url)
        self.assertServed(newest, second, "image/png")
        self.assertEqual(self.assertJSON(self.fetch(new_url), 404)["code"], "4041")
        self.assertNotGuessable("customers", customer_id, "picture", "png")

    def test_supplier_uploads_its_account_status_file(self):
        token = self.supplier_token()
        document = b"%PDF-1.4\n% e2e " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"
        billing = self.assertJSON(self.send("POST", "/api/v1/suppliers/billing", token,
                                            files={"account_status_file": ("Estado.pdf", "application/pdf", document)}),
                                  201)
        url = billing["account_status_file"]
        self.assertStoredURL(url, "billings", billing["id"], "account_status_file", "pdf")
        # A supplier document (ruling E8): kept by no cache at all.
        self.assertServed(url, document, "application/pdf", cache_control="private, no-store")
        self.assertEqual(self.billing(token)["account_status_file"], url)
        self.assertNotGuessable("billings", billing["id"], "account_status_file", "pdf")

    def supplier_id(self) -> int:
        listed = self.assertJSON(self.request("GET", "/api/v1/suppliers",
                                              headers={"Authorization": "Bearer " + self.staff}), 200)
        return listed["suppliers"][0]["id"]

    def test_supply_expense_voucher_is_served_by_nginx_and_removed_with_its_supply(self):
        # #46 (egresos.md §3.8): the first expense creates the supply; its voucher_file is stored per E8.
        voucher = b"%PDF-1.4\n% e2e voucher " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"
        supply = self.assertJSON(self.send("POST", "/api/v1/supplies/expenses", self.staff, fields={
            "supplier_id": str(self.supplier_id()), "concept": "Comida y alimentos", "cost_in_cents": "50000",
            "comments": "Comida del rodaje", "project": "1"},
            files={"voucher_file": ("Ticket.PDF", "application/pdf", voucher)}), 200)
        self.assertEqual((supply["status"], supply["cost_in_cents"], supply["cost"]), (0, 50000, "500.00"))
        self.assertEqual(supply["customer"]["project"], "Campaña Modelo")
        [expense] = supply["expenses"]
        self.assertEqual((expense["payment_method"], expense["cost"]), ("cash", "500.00"))
        url = expense["voucher_file"]
        stored = self.assertStoredURL(url, "expenses", expense["id"], "voucher_file", "pdf")
        # A business document (ruling E8): kept by no cache.
        self.assertServed(url, voucher, "application/pdf", cache_control="private, no-store")
        self.assertNotGuessable("expenses", expense["id"], "voucher_file", "pdf")
        # #51: the supply goes with its expenses, and the voucher with them.
        resp = self.request("DELETE", f"/api/v1/supplies/{supply['id']}", headers={"Authorization": "Bearer " + self.staff})
        self.assertEqual(resp.status, 204, str(resp))
        self.assertFalse(os.path.exists(stored), stored)
        self.assertEqual(self.fetch(url).status, 404, url)

    # -- refused uploads -----------------------------------------------------------------------------------

    def test_refused_uploads_leave_no_file_and_no_changed_row(self):
        supplier = self.supplier_token()
        files_before, customers_before, billing_before = self.stored_files(), self.customers(), self.billing(supplier)
        name = "Rechazado E2E " + uuid.uuid4().hex[:12]
        fields = {"name": name, "payment_conditions": "10"}
        too_big = b"\xff\xd8" + b"\0" * (UPLOAD_LIMIT - 1)  # one byte over 5 MiB
        target = next(iter(customers_before))

        # #10 create: over 5 MiB, a wrong extension, a text value where a file belongs.
        self.assertRefused(self.send("POST", "/api/v1/customers", self.staff, fields,
                                     {"picture": ("big.jpg", "image/jpeg", too_big)}), 4153, "picture")
        self.assertRefused(self.send("POST", "/api/v1/customers", self.staff, fields,
                                     {"picture": ("logo.gif", "image/gif", b"GIF89a")}), 4151, "picture")
        self.assertRefused(self.send("POST", "/api/v1/customers", self.staff, {**fields, "picture": "logo.jpg"}),
                           4154, "picture")
        # #11 update of an existing customer, with a valid name change riding along: nothing of it is applied.
        self.assertRefused(self.send("PUT", f"/api/v1/customers/{target}", self.staff, {"name": name},
                                     {"picture": ("big.png", "image/png", too_big)}), 4153, "picture")
        self.assertRefused(self.send("PUT", f"/api/v1/customers/{target}", self.staff, {"name": name},
                                     {"picture": ("logo.exe", "application/octet-stream", b"MZ")}), 4151, "picture")
        # #30 billing: the supplier portal's upload.
        self.assertRefused(self.send("POST", "/api/v1/suppliers/billing", supplier, {"concept": "Cambiado"},
                                     {"account_status_file": ("estado.pdf", "application/pdf", too_big)}),
                           4153, "account_status_file")
        self.assertRefused(self.send("POST", "/api/v1/suppliers/billing", supplier, {"concept": "Cambiado"},
                                     {"account_status_file": ("estado.sh", "text/x-sh", b"#!/bin/sh\n")}),
                           4151, "account_status_file")

        self.assertEqual(self.stored_files(), files_before)
        self.assertEqual(self.customers(), customers_before)
        self.assertEqual(self.billing(supplier), billing_before)

    # -- malformed multipart -------------------------------------------------------------------------------

    def test_malformed_multipart_is_a_json_4xx(self):
        files_before, customers_before = self.stored_files(), self.customers()
        body, content_type = multipart({"name": "Malformado E2E", "payment_conditions": "5"},
                                       {"picture": ("logo.png", "image/png", png())})
        boundary = content_type.split("boundary=", 1)[1]
        cases = {
            "boundary of the header not in the body": (body, "multipart/form-data; boundary=otra-frontera"),
            "no boundary parameter": (body, "multipart/form-data"),
            "garbled boundary lines": (body.replace(b"--" + boundary.encode(), b"-x" + boundary.encode()), content_type),
            "truncated inside the file part": (body[: len(body) - 40], content_type),
            "truncated inside the headers": (body[: body.index(b"Content-Disposition") + 12], content_type),
            "no closing boundary": (body[: body.rindex(b"--" + boundary.encode())], content_type),
            "part without headers": (f"--{boundary}\r\n\r\nhola\r\n--{boundary}--\r\n".encode(), content_type),
            "not multipart at all": (b"\x00\x01garbage", content_type),
        }
        for label, (data, kind) in cases.items():
            with self.subTest(label):
                for path, token in (("/api/v1/customers", self.staff),
                                    (f"/api/v1/customers/{next(iter(customers_before))}", self.staff)):
                    method = "POST" if path == "/api/v1/customers" else "PUT"
                    resp = self.request(method, path, body=data,
                                        headers={"Authorization": "Bearer " + token, "Content-Type": kind})
                    # A body that cannot be parsed is the client's error: 400 "400", like malformed JSON (§1.1).
                    self.assertEqual(self.assertJSON(resp, 400)["code"], "400", f"{method} {path}: {resp}")

        self.assertEqual(self.stored_files(), files_before)
        self.assertEqual(self.customers(), customers_before)

    # -- what nginx serves under /files/ -------------------------------------------------------------------

    def test_files_are_static_typed_and_never_listed_or_executed(self):
        directory = os.path.join(self.files_root, "e2e-" + uuid.uuid4().hex)
        os.makedirs(directory)
        script = b"<?php echo 'ejecutado'; ?>\n"
        page = b"<html><script>alert(1)</script></html>\n"
        for name, data in (("x.php", script), ("x.html", page), ("x.docx", b"PK\x03\x04docx"),
                           ("x.xlsx", b"PK\x03\x04xlsx")):
            with open(os.path.join(directory, name), "wb") as handle:
                handle.write(data)
        os.symlink("/etc/hostname", os.path.join(directory, "enlace.txt"))
        base = "/files/" + os.path.basename(directory)

        php = self.get(base + "/x.php")
        self.assertEqual((php.status, php.body), (200, script), "a script is served as its bytes, never run")
        self.assertEqual(php.content_type, "application/octet-stream")
        html = self.get(base + "/x.html")
        self.assertEqual(html.status, 200, str(html))
        self.assertIn("sandbox", html.headers.get("content-security-policy", ""), str(html.headers))
        self.assertEqual(html.headers.get("x-content-type-options"), "nosniff")
        self.assertEqual(self.get(base + "/x.docx").content_type,
                         "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        self.assertEqual(self.get(base + "/x.xlsx").content_type,
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        self.assertEqual(php.headers.get("cache-control"), "no-cache", "anything but supplier documents: revalidate")
        for path in (base + "/", base, "/files/customers/v1/", "/files/customers/v1", base + "/enlace.txt"):
            resp = self.get(path)
            self.assertEqual(self.assertJSON(resp, 404)["code"], "4041", f"{path}: {resp}")
        for method in ("POST", "PUT", "DELETE"):
            resp = self.request(method, base + "/x.php", body=b"x")
            self.assertEqual(self.assertJSON(resp, 404)["code"], "4041", f"{method}: {resp}")
        self.assertEqual(self.get(base + "/x.php").body, script)

    def test_supplier_documents_are_never_cached_and_stay_static(self):
        """Documents (the supplier's account status file and bills, supplier quotations, quotations, expense
        vouchers) have their own location: Cache-Control private, no-store, with the same static-only rules as
        every other file; pictures stay revalidated (no-cache)."""
        name = "e2e-" + uuid.uuid4().hex
        for collection in ("billings", "paymentschedules", "supplierquotations", "quotations", "expenses"):
            directory = os.path.join(self.files_root, collection, name)
            os.makedirs(directory)
            with open(os.path.join(directory, "x.html"), "wb") as handle:
                handle.write(b"<html><script>alert(1)</script></html>\n")
            os.symlink("/etc/hostname", os.path.join(directory, "enlace.txt"))
            base = f"/files/{collection}/{name}"
            resp = self.get(base + "/x.html")
            self.assertEqual(resp.status, 200, str(resp))
            self.assertEqual(resp.headers.get("cache-control"), "private, no-store", str(resp.headers))
            self.assertEqual(resp.headers.get("x-content-type-options"), "nosniff")
            self.assertIn("sandbox", resp.headers.get("content-security-policy", ""), str(resp.headers))
            for path in (base, base + "/", base + "/enlace.txt", base + "/nada.pdf"):
                resp = self.get(path)
                self.assertEqual(self.assertJSON(resp, 404)["code"], "4041", f"{path}: {resp}")


if __name__ == "__main__":
    unittest.main()
