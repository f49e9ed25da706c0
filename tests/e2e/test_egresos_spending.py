"""Egresos refunds end to end through nginx (egresos.md §3.8, §13 decisions 1, 2 and 32): the first expense creates
the refund, which the documented POST forms (#57, #58) and the EXT GET forms (EXT-3, EXT-4) both return."""

import json
import unittest
import uuid

from helpers import ModuleTestCase, requires_apps, staff_token

STAFF = "cuentas@element.com.mx"


@requires_apps
class EgresosRefundsTest(ModuleTestCase):
    MODULE = "egresos"

    def setUp(self):
        self.headers = {"Authorization": "Bearer " + staff_token(STAFF), "Content-Type": "application/json"}

    def call(self, method: str, path: str, body=None, status: int = 200):
        resp = self.request(method, path, body=None if body is None else json.dumps(body), headers=self.headers)
        return self.assertJSON(resp, status)

    def test_a_refund_is_created_by_its_first_expense_and_listed_by_post_and_get(self):
        supplier = self.call("GET", "/api/v1/suppliers")["suppliers"][0]["id"]
        concept = "Taxi " + uuid.uuid4().hex[:8]
        refund = self.call("POST", "/api/v1/refunds/expenses", {
            "supplier_id": supplier, "concept": concept, "cost_in_cents": 10050, "comments": "Traslado", "brand": 1})
        self.assertEqual((refund["status"], refund["cost_in_cents"], refund["cost"]), (0, 10050, "100.50"))
        self.assertEqual(refund["customer"], {"name": "Grupo Modelo", "brand": "Cerveza Corona", "project": None})
        self.assertEqual(refund["created_by"]["email"], STAFF)
        [expense] = refund["expenses"]
        self.assertEqual((expense["concept"], expense["payment_method"], expense["voucher_file"]), (concept, "cash", None))

        # A second expense on the same draft, then the four read forms agree.
        refund = self.call("POST", "/api/v1/refunds/expenses", {
            "refund_id": refund["id"], "supplier_id": supplier, "concept": concept, "cost_in_cents": 950,
            "comments": "Regreso", "payment_method": "direct_bank_transfer"})
        self.assertEqual((len(refund["expenses"]), refund["cost_in_cents"]), (2, 11000))
        self.assertEqual(self.call("POST", f"/api/v1/refunds/{refund['id']}", {}), refund)
        self.assertEqual(self.call("GET", f"/api/v1/refunds/{refund['id']}"), refund)
        by_post = self.call("POST", "/api/v1/refunds", {})
        by_get = self.call("GET", "/api/v1/refunds")
        self.assertEqual(by_post, by_get)
        self.assertIn(refund, by_post["refunds"])
        self.assertEqual([r["id"] for r in by_get["refunds"]], sorted(r["id"] for r in by_get["refunds"]))
        self.assertIn(concept, self.call("GET", "/api/v1/catalogs/concepts")["concepts"])


if __name__ == "__main__":
    unittest.main()
