"""Monitor's lists through nginx (ruling 7): GET /api/expedientes filtered and paged; an invalid parameter is a
400 in Monitor's error format naming it."""

from __future__ import annotations

import json
import unittest
import uuid

from helpers import APPS_DOWN, ModuleTestCase


@unittest.skipIf(APPS_DOWN, "needs the module behind nginx")
class MonitorListsTest(ModuleTestCase):
    MODULE = "monitor"

    def test_filtered_and_paged_expedientes(self):
        body = self.assertJSON(self.request("POST", "/api/auth/login", body=json.dumps(
            {"username": "admin", "password": "ventanilla"}), headers={"Content-Type": "application/json"}), 200)
        auth = {"Authorization": f"Bearer {body['token']}"}
        json_auth = {**auth, "Content-Type": "application/json"}
        tag = f"E2E{uuid.uuid4().hex[:8]}"
        names = [f"{tag}-{index}" for index in range(5)]
        try:
            for index, name in enumerate(names):
                created = self.request("POST", "/api/expedientes", body=json.dumps(
                    {"no_siniestro": name, "fecha_ingreso": f"2031-01-0{index + 1}", "id_aseguradora": 1 + index % 2}),
                    headers=json_auth)
                self.assertJSON(created, 201)
            query = f"/api/expedientes?q={tag.lower()}&aseguradora=1&estado=Ingreso&desde=2031-01-01&hasta=2031-01-31"
            whole = self.assertJSON(self.get(query, headers=auth), 200)
            self.assertEqual([item["no_siniestro"] for item in whole], [names[4], names[2], names[0]])
            pages = [self.assertJSON(self.get(f"{query}&limit=2&offset={offset}", headers=auth), 200) for offset in (0, 2, 4)]
            self.assertEqual([len(page) for page in pages], [2, 1, 0])
            self.assertEqual(pages[0] + pages[1], whole)
            self.assertJSON(self.get("/api/expedientes?limit=0", headers=auth), 400,
                            {"error": "limit inválido: un entero de 1 a 500"})
        finally:
            for name in names:
                self.request("DELETE", f"/api/expedientes/{name}", headers=auth)


if __name__ == "__main__":
    unittest.main()
