"""Monitor's forms through nginx (monitor.md §4.10, §7, ruling M13): an expediente, its checklist and its
levantamiento are created through the API, each form is downloaded and opened with openpyxl (a real spreadsheet
reader, from PyPI), and its cells are checked against §7: dates on their own day in America/Mexico_City, X marks
in the right group columns, concepts in their slots in order, L75 their total. The copy kept in the expediente's
FORMATOS/ folder is there, and nginx does not serve it."""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import unittest
import uuid
import zipfile
from urllib.parse import quote

from helpers import APPS_DOWN, ModuleTestCase

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@unittest.skipIf(APPS_DOWN, "needs the module behind nginx")
class MonitorFormatosTest(ModuleTestCase):
    MODULE = "monitor"
    token = ""

    def setUp(self):
        if not MonitorFormatosTest.token:
            body = self.assertJSON(self.request("POST", "/api/auth/login", body=json.dumps(
                {"username": "tecnico", "password": "ventanilla"}), headers={"Content-Type": "application/json"}), 200)
            MonitorFormatosTest.token = body["token"]

    def call(self, method: str, path: str, body=None):
        headers = {"Authorization": f"Bearer {self.token}"}
        if body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body)
        return self.request(method, path, body=body, headers=headers)

    def admin_call(self, method: str, path: str, body):
        if not getattr(MonitorFormatosTest, "admin_token", ""):
            login = self.assertJSON(self.request("POST", "/api/auth/login", body=json.dumps(
                {"username": "admin", "password": "ventanilla"}), headers={"Content-Type": "application/json"}), 200)
            MonitorFormatosTest.admin_token = login["token"]
        return self.request(method, path, body=json.dumps(body), headers={
            "Authorization": f"Bearer {MonitorFormatosTest.admin_token}", "Content-Type": "application/json"})

    def download(self, path: str, name: str):
        """GET PATH: a 200 xlsx attachment named NAME, opened with openpyxl (cached values, as a reader shows them)."""
        import openpyxl  # installed by scripts/test beside aiosmtpd

        resp = self.call("GET", path)
        self.assertEqual(resp.status, 200, str(resp))
        self.assertEqual(resp.content_type, XLSX)
        self.assertEqual(resp.headers.get("content-disposition"), f'attachment; filename="{name}"')
        return openpyxl.load_workbook(io.BytesIO(resp.body), data_only=True).worksheets[0], resp.body

    def folder(self, no: str) -> str:
        digest = hashlib.sha256(no.encode("utf-8")).hexdigest()[:32]
        return self.run_file("data", "monitor", "evidencias", digest)

    def test_the_three_forms_hold_the_cells_of_section_7(self):
        no = f"E2E-FMT-{uuid.uuid4().hex[:8]}"
        self.assertJSON(self.admin_call("POST", "/api/expedientes", {
            "no_siniestro": no, "id_aseguradora": 1, "factura": "F-77", "orden": "OT-1", "asesor": "Ana",
            "fecha_ingreso": "2026-01-01", "fecha_valuacion": "2026-02-28", "fecha_entrega": "2026-12-31",
            "marca": "Kenworth", "placas": "ABC-123", "nombre_cliente": "Transportes Ñandú",
            "dato1": "Llamada al cliente", "dato1_fecha_hora": "2026-07-10T03:30:00Z",
            "doc_finiquito": True, "doc_identificacion": False}), 201)
        checklist = self.assertJSON(self.call("POST", "/api/checklist", {
            "no_siniestro": no, "fecha_inspeccion": "2026-03-01", "hora": "09:45", "aprobada": True, "detallado": False,
            "marca_tipo": "Volvo VNL", "anio": "2019", "fecha_vencimiento_seguro": "2027-01-31", "deducible": 1500.5,
            "fecha_entrega": "2026-03-02", "a": True, "t": False}), 201)
        items = [
            {"sistema": "SISTEMA DE ENFRIAMIENTO", "nombre_item": "Nivel aceite motor", "valor": "OK"},
            {"sistema": "CABINA DE OPERADOR", "nombre_item": "Aire acondicionado", "valor": "NA"},
            {"sistema": "ACCESORIOS", "nombre_item": "Baterias(  )marca:", "valor": "re"},
            {"sistema": "CABINA EXTERIOR", "nombre_item": "Cofre", "valor": "MA"},
            {"sistema": "Cabina General", "nombre_item": "Cofre", "valor": "OK"},
            {"sistema": "SISTEMA ELECTRICO", "nombre_item": "Interruptor con energia", "valor": "NA"},
            {"sistema": "SISTEMA ELECTRICO", "nombre_item": "Fuera de catálogo", "valor": "OK"},
        ]
        self.assertJSON(self.call("PUT", f"/api/checklist/{checklist['id']}/items/bulk", {"items": items}), 200)
        conceptos = [{"claves": f"K{n}", "concepto": f"Concepto {n}", "costo": n + 0.25} for n in range(1, 74)]
        levantamiento = self.assertJSON(self.call("POST", "/api/levantamientos", {
            "no_siniestro": no, "fecha": "31/05/2026", "orden": "OT-9", "eco": "E-1", "marca": "Scania", "serie": "XYZ",
            "cristales": True, "aire": False, "trasmision": True, "conceptos": conceptos}), 201)
        self.assertJSON(self.call("POST", f"/api/levantamientos/{levantamiento['id']}/conceptos",
                                  {"claves": "K74", "concepto": "Concepto 74"}), 201)

        # EXPEDIENTE
        sheet, body = self.download(f"/api/formatos/{no}", f"EXPEDIENTE_{no}.xlsx")
        self.assertEqual(sheet["E9"].value, no)
        self.assertEqual(sheet["L3"].value, "F-77")
        self.assertEqual(sheet["L5"].value, "OT-1")
        self.assertEqual(sheet["L7"].value, "Ana")
        self.assertEqual(sheet["D18"].value, "Kenworth")
        self.assertEqual(sheet["H18"].value, "ABC-123")
        self.assertEqual(sheet["D25"].value, "Transportes Ñandú")
        # Dates are their own calendar day (the original printed the day before).
        self.assertEqual(sheet["K9"].value, datetime.datetime(2026, 1, 1))
        self.assertEqual(sheet["E11"].value, datetime.datetime(2026, 2, 28))
        self.assertEqual(sheet["K13"].value, datetime.datetime(2026, 12, 31))
        self.assertIsNone(sheet["K11"].value)
        self.assertEqual(sheet["K9"].number_format, "d/m/yyyy")
        # An instant prints as the wall clock of America/Mexico_City: 03:30 UTC is 21:30 of the day before.
        self.assertEqual(sheet["C35"].value, "Llamada al cliente")
        self.assertEqual(sheet["M35"].value, datetime.datetime(2026, 7, 9, 21, 30))
        self.assertEqual(sheet["F80"].value, "X")
        self.assertIn(sheet["F70"].value, (None, ""))
        # The AXA logo: our own PNG from the repository (openpyxl drops images without Pillow, so read the package).
        with zipfile.ZipFile(io.BytesIO(body)) as package:
            media = [name for name in package.namelist() if name.startswith("xl/media/")]
            self.assertEqual(media, ["xl/media/image1.png"])
            with open(os.path.join(REPO, "Sources", "Monitor", "Formatos", "Logos", "axa.png"), "rb") as logo:
                self.assertEqual(package.read(media[0]), logo.read())
        stored = os.path.join(self.folder(no), "FORMATOS", f"EXPEDIENTE_{no}.xlsx")
        with open(stored, "rb") as kept:
            self.assertEqual(kept.read(), body)

        # CHECKLIST
        sheet, _ = self.download(f"/api/formatos/checklist/{no}", f"CHECKLIST_{no}.xlsx")
        self.assertEqual(sheet["A8"].value, "Fecha de inspeccion: 1/3/2026")
        self.assertEqual(sheet["C8"].value, datetime.time(9, 45))
        self.assertEqual(sheet["L8"].value, "X")
        self.assertIn(sheet["M8"].value, (None, ""))
        self.assertEqual(sheet["A10"].value, "Marca y tipo: Volvo VNL")
        self.assertEqual(sheet["B10"].value, "Año: 2019")
        self.assertEqual(sheet["C12"].value, "X")
        self.assertIn(sheet["E12"].value, (None, ""))
        self.assertEqual(sheet["G12"].value, datetime.datetime(2027, 1, 31))
        self.assertEqual(sheet["J12"].value, 1500.5)
        self.assertEqual(sheet["G68"].value, datetime.datetime(2026, 3, 2))
        marks = {cell.coordinate for row in sheet.iter_rows(min_row=13) for cell in row if cell.value == "X"}
        # left B–E, centre G–J, right L–O; the uncatalogued item is skipped.
        self.assertEqual(marks, {"B15", "E60", "H41", "I61", "L50", "O36"})

        # LEVANTAMIENTO
        sheet, _ = self.download(f"/api/formatos/levantamiento/{no}", f"LEVANTAMIENTO_{no}.xlsx")
        self.assertEqual(sheet["L3"].value, datetime.datetime(2026, 5, 31))
        self.assertEqual(sheet["L5"].value, "OT-9")
        self.assertEqual(sheet["C11"].value, "E-1")
        self.assertEqual(sheet["G10"].value, "MARCA: Scania")
        self.assertEqual(sheet["G17"].value, "SERIE XYZ")
        self.assertEqual(sheet["K10"].value, "X")
        self.assertIn(sheet["K11"].value, (None, ""))
        self.assertEqual(sheet["K16"].value, "X")
        for n, row, columns in [(1, 21, "ABE"), (54, 74, "ABE"), (55, 76, "ABE"), (71, 92, "ABE"), (72, 21, "HIL"),
                                 (73, 22, "HIL")]:
            claves, concepto, costo = (f"{c}{row}" for c in columns)
            self.assertEqual(sheet[claves].value, f"K{n}", claves)
            self.assertEqual(sheet[concepto].value, f"Concepto {n}", concepto)
            self.assertEqual(sheet[costo].value, n + 0.25, costo)
        self.assertEqual(sheet["H23"].value, "K74")  # the concept added later, no costo
        self.assertIsNone(sheet["L23"].value)
        self.assertIsNone(sheet["A75"].value)       # row 75 is the total's, not a slot
        self.assertAlmostEqual(sheet["L75"].value, sum(n + 0.25 for n in range(1, 74)), places=6)
        self.assertEqual(sheet["L75"].value, round(sum(n + 0.25 for n in range(1, 74)), 2))

        # The copies are kept, and nginx's /evidencias/ does not serve them (they go out with a token only).
        kept = sorted(os.listdir(os.path.join(self.folder(no), "FORMATOS")))
        self.assertEqual(kept, [f"CHECKLIST_{no}.xlsx", f"EXPEDIENTE_{no}.xlsx", f"LEVANTAMIENTO_{no}.xlsx"])
        digest = hashlib.sha256(no.encode("utf-8")).hexdigest()[:32]
        for path in (f"/evidencias/{digest}/FORMATOS/EXPEDIENTE_{no}.xlsx", f"/evidencias/{digest}/FORMATOS/"):
            self.assertJSON(self.get(path), 404, {"error": "Ruta no encontrada"})

    def test_missing_records_and_tokens(self):
        no = f"E2E-FMT/{uuid.uuid4().hex[:8]}"
        path = quote(no, safe="")
        self.assertJSON(self.call("GET", f"/api/formatos/{path}"), 404, {"error": "Expediente no encontrado"})
        self.assertJSON(self.admin_call("POST", "/api/expedientes", {"no_siniestro": no}), 201)
        self.download(f"/api/formatos/{path}", f"EXPEDIENTE_{no.replace('/', '_')}.xlsx")
        self.assertJSON(self.call("GET", f"/api/formatos/checklist/{path}"), 404,
                        {"error": "Checklist no encontrado para este siniestro"})
        self.assertJSON(self.call("GET", f"/api/formatos/levantamiento/{path}"), 404,
                        {"error": "Levantamiento de daños no encontrado para este siniestro"})
        self.assertJSON(self.get(f"/api/formatos/{path}"), 401, {"error": "Token requerido"})


if __name__ == "__main__":
    unittest.main()
