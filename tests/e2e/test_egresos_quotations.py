"""Egresos quotations end to end through nginx (egresos.md §3.5, §5 items 8-10, §6.1, §6.3, §6.4, §11, ruling E8):
a quotation created with its file (multipart) whose file nginx serves back under /files/ with the E8 name, a
supplier quotation sent with the document's single-quoted multipart `payment_schedule`, and the resume."""

import json
import re
import unittest
import urllib.parse
import uuid

from helpers import BASE_URLS, ModuleTestCase, Response, multipart, requires_apps, staff_token

STAFF = "cuentas@element.com.mx"
RANDOM = "[0-9a-f]{32}"  # ruling E8
QUOTED_SCHEDULE = ("[{'payment_date':'2019-11-01','payment_method':'cash'},"
                   "{'payment_date':'2019-11-01','payment_method':'direct_bank_transfer'}]")


@requires_apps
class EgresosQuotationsTest(ModuleTestCase):
    MODULE = "egresos"

    def setUp(self):
        self.staff = staff_token(STAFF)

    def send(self, method: str, path: str, fields=None, files=None) -> Response:
        body, content_type = multipart(fields, files)
        return self.request(method, path, body=body, headers={
            "Authorization": "Bearer " + self.staff, "Content-Type": content_type})

    def call(self, method: str, path: str, body=None) -> Response:
        headers = {"Authorization": "Bearer " + self.staff}
        if body is not None:
            headers["Content-Type"] = "application/json"
        return self.request(method, path, body=None if body is None else json.dumps(body), headers=headers)

    def create_quotation(self, data: bytes) -> dict:
        return self.assertJSON(self.send("POST", "/api/v1/projects/1/quotations", fields={
            "location": "Ciudad de México", "billing_date": "2020-06-01", "purchase_order": "ABC1234032",
            "payment_conditions": "60", "project_start_date": "2019-11-01", "project_end_date": "2020-05-05",
            "cost_in_cents": "100000",
        }, files={"quotation_file": ("Cotizacion.PDF", "application/pdf", data)}), 200)

    def test_quotation_file_is_served_back_under_files_with_its_random_name(self):
        data = b"%PDF-1.4\n% e2e " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"
        quotation = self.create_quotation(data)
        self.assertEqual(quotation["project"]["id"], 1)
        self.assertEqual(quotation["payment_conditions"], 60)
        self.assertEqual(quotation["status"], 0)
        url = quotation["quotation_file"]
        prefix = f"{BASE_URLS['egresos']}/files/"
        self.assertRegex(url, rf"^{re.escape(prefix)}quotations/v1/{quotation['id']}/quotation_file-{RANDOM}\.pdf$")
        served = self.get(urllib.parse.urlsplit(url).path)
        self.assertEqual(served.status, 200, str(served))
        self.assertEqual(served.body, data)
        self.assertEqual(served.content_type, "application/pdf")
        # The name without its random part serves nothing (ruling E8).
        guessed = self.get(f"/files/quotations/v1/{quotation['id']}/quotation_file.pdf")
        self.assertEqual(self.assertJSON(guessed, 404)["code"], "4041")

    def test_single_quoted_schedule_and_the_resume(self):
        quotation = self.create_quotation(b"%PDF-1.4 resume")
        qid = quotation["id"]
        added = self.assertJSON(self.send("POST", f"/api/v1/quotations/{qid}/suppliers", fields={
            "supplier_id": "1", "concept": "Renta de camaras", "comments": "Voluptate officia",
            "cost_in_cents": "50000", "payment_schedule": QUOTED_SCHEDULE,
        }), 200)
        self.assertEqual([(row["amount"], row["payment_method"]) for row in added["payment_schedule"]],
                         [(25000, "cash"), (25000, "direct_bank_transfer")])
        self.assertEqual(added["payment_schedule"][0]["payment_date"], "2019-11-01")
        second = self.assertJSON(self.send("POST", f"/api/v1/quotations/{qid}/suppliers", fields={
            "supplier_id": "1", "concept": "Comida y alimentos", "comments": "Otra",
            "cost_in_cents": "50000", "payment_schedule": "[{'payment_date':'2019-12-01','payment_method':'cash','amount':50000}]",
        }), 200)
        self.assertEqual([row["amount"] for row in second["payment_schedule"]], [50000])
        self.assertEqual(self.call("POST", f"/api/v1/supplierquotations/{added['id']}/comments",
                                   {"message": "Nostrud mollit", "status": "info"}).status, 204)

        resume = self.assertJSON(self.call("GET", f"/api/v1/quotations/{qid}/resume"), 200)
        stats = {key: resume[key] for key in (
            "quotation_cost_number", "quotation_cost", "suppliers_total_number", "subtotal_number", "gain_total_number",
            "profitability_number", "profitability", "cash_number", "direct_bank_transfer_number", "cash",
            "direct_bank_transfer", "status_label")}
        self.assertEqual(stats, {
            "quotation_cost_number": 100000, "quotation_cost": "1000.00", "suppliers_total_number": 100000,
            "subtotal_number": 100000, "gain_total_number": 0, "profitability_number": 0, "profitability": "0 %",
            "cash_number": 75000, "direct_bank_transfer_number": 25000, "cash": "750.00", "direct_bank_transfer": "250.00",
            "status_label": "danger"})
        # §6.3: 2020-05-05T00:00:00.000Z + 60 days of credit = two calendar months.
        self.assertEqual(resume["payment_date"], "2020-07-05T00:00:00.000Z")
        self.assertEqual(resume["project"]["brand"], "Cerveza Corona")
        self.assertEqual([s["id"] for s in resume["suppliers"]], [added["id"], second["id"]])
        self.assertEqual([c["message"] for c in resume["suppliers"][0]["comments"]], ["Nostrud mollit"])
        self.assertEqual(resume["suppliers"][0]["comments_text"], "Voluptate officia")
        self.assertEqual(resume["expenses"], [])

        # A supplier quotation of another quotation is not this one's (404 4042, decision 12).
        other = self.create_quotation(b"%PDF-1.4 other")
        refused = self.call("PUT", f"/api/v1/quotations/{other['id']}/suppliers/{added['id']}", {"concept": "x"})
        body = self.assertJSON(refused, 404)
        self.assertEqual([(e["code"], e["fields"]) for e in body["errors"]], [(4042, "supplier_id")])


if __name__ == "__main__":
    unittest.main()
