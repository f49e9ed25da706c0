"""The database stopped while the modules keep running: every module answers a read that needs the database with
a fast 503 in its own JSON format (not nginx's 502 page, not a hang until nginx's timeout), and answers 2xx again
within 5 s of the database coming back, without a module restart."""

import time
import unittest

from faults import ctl, is_module_503, wait_until_answers
from helpers import MonitorTestCase, TransporteTestCase, request, staff_token

# Reads that need the database, per module, with the headers of an authorised caller (filled in setUpClass).
READS = {"monitor": "/api/expedientes?limit=1", "transporte": "/solicitud?por_pagina=1",
         "egresos": "/api/v1/users/profile"}


class DatabaseDownTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        monitor, transporte = MonitorTestCase(), TransporteTestCase()
        cls.headers = {
            "monitor": {"Authorization": "Bearer " + monitor.token("admin")},
            "transporte": {"Authorization": "Bearer " + transporte.token("admin")},
            "egresos": {"Authorization": "Bearer " + staff_token("admin@element.com.mx")},
        }
        for module, path in READS.items():
            resp = request(module, "GET", path, headers=cls.headers[module])
            assert resp.status == 200, f"{module} {path} before the fault: {resp}"

    def test_reads_get_the_modules_503_while_the_database_is_down_and_heal_within_5s(self):
        ctl("db-stop")
        try:
            for module, path in READS.items():
                started = time.monotonic()
                resp = request(module, "GET", path, headers=self.headers[module], timeout=30)
                took = time.monotonic() - started
                self.assertTrue(is_module_503(module, resp), f"{module} {path} with the database down: {resp}")
                self.assertLess(took, 10, f"{module} took {took:.1f}s to answer with the database down")
        finally:
            ctl("db-start")
        for module, path in READS.items():
            took = wait_until_answers(module, path, timeout=5, headers=self.headers[module])
            self.assertLess(took, 5, f"{module} answered 2xx {took:.1f}s after the database came back")


if __name__ == "__main__":
    unittest.main()
