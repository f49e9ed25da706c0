"""Monitor's application log and diagnóstico through nginx (monitor.md §4.12, §4.13, §8.1, ruling M15): requests
made now are in /api/logs, newest first, in the §8.1 line format; the download is the same file; the status checks
ran at start-up with real results."""

from __future__ import annotations

import json
import re
import unittest
import uuid

from helpers import APPS_DOWN, ModuleTestCase

LINE = re.compile(r"^\[(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\] \[(INFO|WARN|ERROR|SUCCESS)\] \[[^\]]+\] .+$")


@unittest.skipIf(APPS_DOWN, "needs the module behind nginx")
class MonitorLogsTest(ModuleTestCase):
    MODULE = "monitor"
    token = ""

    def setUp(self):
        # One login for the class: the login route is rate-limited (ruling 8).
        if not MonitorLogsTest.token:
            body = self.assertJSON(self.request("POST", "/api/auth/login", body=json.dumps(
                {"username": "admin", "password": "ventanilla"}), headers={"Content-Type": "application/json"}), 200)
            MonitorLogsTest.token = body["token"]
        self.auth = {"Authorization": f"Bearer {MonitorLogsTest.token}"}

    def test_requests_made_now_are_in_the_log_newest_first(self):
        marker = f"/api/e2e-log-{uuid.uuid4().hex[:12]}"
        for index in range(3):
            self.assertJSON(self.get(f"{marker}-{index}"), 404, {"error": "Ruta no encontrada"})
        lines = self.assertJSON(self.get("/api/logs?limite=100", headers=self.auth), 200)
        self.assertIsInstance(lines, list)
        self.assertLessEqual(len(lines), 100)
        for line in lines:
            self.assertRegex(line, LINE)
        stamps = [LINE.match(line).group(1) for line in lines]
        self.assertEqual(stamps, sorted(stamps, reverse=True), "newest first")
        mine = [line for line in lines if marker in line]
        self.assertEqual(len(mine), 3, "\n".join(lines[:20]))
        # Newest first: the last request's line comes before the first one's.
        self.assertIn(f"GET {marker}-2 404", mine[0])
        self.assertIn(f"GET {marker}-0 404", mine[2])
        self.assertEqual(len(self.assertJSON(self.get("/api/logs?limite=2", headers=self.auth), 200)), 2)

        download = self.get("/api/logs/download", headers=self.auth)
        self.assertEqual(download.status, 200, str(download))
        self.assertEqual(download.headers.get("content-disposition"), 'attachment; filename="app.log"')
        text = download.body.decode("utf-8")
        for index in range(3):
            self.assertIn(f"GET {marker}-{index} 404", text)

    def test_logs_need_an_administrador(self):
        self.assertJSON(self.get("/api/logs"), 401, {"error": "Token requerido"})
        self.assertJSON(self.get("/api/logs/download"), 401, {"error": "Token requerido"})
        self.assertJSON(self.get("/api/diagnostico/checks"), 401, {"error": "Token requerido"})

    def test_status_checks_ran_at_start_with_real_results(self):
        body = self.assertJSON(self.get("/api/diagnostico/checks", headers=self.auth), 200)
        self.assertIsNotNone(body["ultimaEjecucion"], "the checks run when the module starts")
        self.assertEqual([check["nombre"] for check in body["checks"]],
                         ["Backend", "Base de datos", "Disco", "Evidencias", "Frontend"])
        by_name = {check["nombre"]: check["ok"] for check in body["checks"]}
        for name in ("Backend", "Base de datos", "Disco", "Evidencias"):
            self.assertIs(by_name[name], True, name)
        uptime = self.assertJSON(self.get("/api/diagnostico/uptime", headers=self.auth), 200)
        self.assertGreaterEqual(len(uptime), 1)
        self.assertRegex(uptime[0], LINE)
        pendientes = self.assertJSON(self.get("/api/diagnostico/sync-pendientes", headers=self.auth), 200)
        self.assertIs(type(pendientes["pendientes"]), int)
        self.assertIsInstance(self.assertJSON(self.get("/api/diagnostico/historial-reciente", headers=self.auth), 200), list)


if __name__ == "__main__":
    unittest.main()
